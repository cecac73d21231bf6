//! From a noun chunk to a coded actor phrase, the way a human coder reads one:
//! a named person, group or country decides the code; a common noun ("police", "forces")
//! decides the sector; a nationality adjective or a possessor supplies the country.

use crate::chunk::Chunk;
use crate::discourse::Discourse;
use crate::lookup::{MentionLookup, ResolvedMention};
use crate::view::SentenceView;
use crate::{ActorPhrase, PhraseKind};
use dyad_document::PartialDate;
use dyad_kb::{EntryKind, KnowledgeBase};
use dyad_record::Entity;

const PERSONAL_PRONOUNS: &[&str] = &["he", "him", "she", "her"];

/// Capitalised words that are never actors by themselves, besides month and weekday names
/// ([`is_not_actor_name`]): titles of address and function words.
const NOT_ACTOR_NAMES: &[&str] =
    &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "the", "a", "an", "i", "we", "it", "this", "that", "but", "and"];

/// A capitalised word that cannot name an actor on its own: a date word or a title.
fn is_not_actor_name(view: &SentenceView, index: usize) -> bool {
    index < view.len()
        && (dyad_time::is_month_or_weekday_name(view.word(index)) || view.is_any_word(index, NOT_ACTOR_NAMES))
}

pub fn resolve_chunk(
    view: &SentenceView,
    mentions: &MentionLookup,
    chunk: &Chunk,
    discourse: &Discourse,
    leaders: LeaderLookup,
) -> Option<ActorPhrase> {
    if view.tag(chunk.first) == "PRP" {
        return resolve_pronoun(view, chunk, discourse);
    }
    let head_first = chunk.possessive_marker.map_or(chunk.first, |marker| marker + 1);
    let head: Vec<&ResolvedMention> = mentions.within(head_first, chunk.end).collect();
    let possessor: Vec<&ResolvedMention> = match chunk.possessive_marker {
        Some(marker) => mentions.within(chunk.first, marker).collect(),
        None => Vec::new(),
    };
    if let Some(primary) = primary_entity(&head) {
        if let Some(phrase) = possessors_titled_name(view, chunk, primary, &head, &possessor, discourse) {
            return Some(phrase);
        }
        return Some(named_phrase(view, chunk.first, chunk.end, primary, &head));
    }
    if let Some(phrase) = titled_unknown_person(view, chunk, &head, &possessor, discourse) {
        return Some(phrase);
    }
    // The agent must be the head noun: "its military intervention" is an intervention.
    // A camp stands for the people it shelters: "shelled a Syrian refugee camp".
    let heads_phrase = |agent: &&ResolvedMention| {
        agent.end_token == chunk.end
            || (agent.sector.as_deref() == Some("REF")
                && agent.end_token + 1 == chunk.end
                && view.is_any_word(agent.end_token, &["camp", "camps"]))
    };
    if let Some(agent) = last_of_kind(&head, &[EntryKind::Agent]).filter(heads_phrase) {
        let mut phrase = agent_phrase(view, chunk, agent, &head, &possessor, discourse, ResolveDescription::Yes);
        if phrase.entity.code.is_none() {
            phrase.entity.code = government_by_leader_name(view, chunk, agent, leaders);
        }
        return Some(phrase);
    }
    if chunk.possessive_marker.is_none()
        && let Some(phrase) = people_of_a_nation(view, chunk, &head)
    {
        return Some(phrase);
    }
    if let (Some(marker), Some(owner)) = (chunk.possessive_marker, primary_entity(&possessor)) {
        // "Turkey's offensives": the phrase is about offensives, but its owner is an actor.
        return Some(named_phrase(view, chunk.first, marker, owner, &possessor));
    }
    // "the Russian government's refusal": an agent owns the thing the phrase names, and is the
    // actor the sentence speaks of.
    if let Some(marker) = chunk.possessive_marker
        && let Some(owner) = last_of_kind(&possessor, &[EntryKind::Agent]).filter(|agent| agent.end_token == marker)
    {
        let owner_chunk = Chunk { first: chunk.first, end: marker, possessive_marker: None };
        return Some(agent_phrase(view, &owner_chunk, owner, &possessor, &[], discourse, ResolveDescription::Yes));
    }
    if head.is_empty() && possessor.is_empty() {
        let unknown = unknown_name_phrase(view, chunk)?;
        return Some(refer_by_surname(unknown, discourse));
    }
    None
}

/// "Ruritania's foreign minister Elbonia": a title owned by a country ("X's minister") names
/// that country's official whatever the name after it, so the possessor gives the code and
/// the title the sector. Only a name that is itself a country or place hands over its code
/// this way; a person keeps the role the knowledge base gives them, and an organisation
/// ("Lebanon's militia Hezbollah") its own code.
fn possessors_titled_name(
    view: &SentenceView,
    chunk: &Chunk,
    primary: &ResolvedMention,
    head: &[&ResolvedMention],
    possessor: &[&ResolvedMention],
    discourse: &Discourse,
) -> Option<ActorPhrase> {
    if !matches!(primary.kind, EntryKind::Country | EntryKind::Place) {
        return None;
    }
    let owner = primary_entity(possessor).filter(|owner| owner.kind == EntryKind::Country && owner.code.is_some())?;
    let title = head
        .iter()
        .rev()
        .find(|mention| mention.kind == EntryKind::Agent && mention.end_token <= primary.first_token)?;
    let mut phrase = agent_phrase(view, chunk, title, head, &[owner], discourse, ResolveDescription::No);
    phrase.kind = PhraseKind::Person;
    phrase.entity.code = owner.code.clone();
    phrase.entity.name = Some(view.text(view.range_span(primary.first_token, chunk.end)).to_string());
    Some(phrase)
}

/// "King Hassan of Morocco", "Foreign Minister Ivanov of Russia": a person named with "of" and
/// a country is that country's, whatever other holder of the name the knowledge base found
/// first: names repeat across countries, the country the text gives does not.
pub fn person_of_named_country(view: &SentenceView, mentions: &MentionLookup, phrase: &mut ActorPhrase) {
    if phrase.kind != PhraseKind::Person || !phrase.group_members.is_empty() {
        return;
    }
    let of = phrase.end_token;
    if of + 1 >= view.len() || !view.is_word(of, "of") {
        return;
    }
    let country = mentions.at_token(of + 1).filter(|mention| {
        mention.kind == EntryKind::Country && mention.first_token == of + 1 && mention.code.is_some()
    });
    // "the president of Armenia's ally" is not Armenian: the country must end the phrase.
    let ends_phrase = |mention: &&ResolvedMention| {
        mention.end_token >= view.len() || !matches!(view.tag(mention.end_token), "POS" | "NN" | "NNS" | "NNP" | "NNPS")
    };
    if let Some(country) = country.filter(ends_phrase) {
        phrase.entity.code.clone_from(&country.code);
    }
}

/// Nouns for a party that sides with its possessor without being it.
const ALLY_NOUNS: &[&str] = &["ally", "allies", "proxy", "proxies", "partner", "partners", "client", "clients"];

/// "Iran's allies", "Israel's militia ally in southern Lebanon": the possessor of an ally is
/// its patron, not the party itself, so the patron's country does not code the phrase; the
/// sector stays ("militia"), and the place or the sentence may give the country.
pub fn drop_patron_of_ally(view: &SentenceView, mentions: &MentionLookup, chunk: &Chunk, phrase: &mut ActorPhrase) {
    let Some(marker) = chunk.possessive_marker else { return };
    let names_ally = |index: usize| index < view.len() && view.is_any_word(index, ALLY_NOUNS);
    if !(names_ally(chunk.end - 1) || names_ally(chunk.end)) {
        return;
    }
    let patron = mentions.within(chunk.first, marker).find(|mention| mention.code.is_some());
    if patron.is_some_and(|patron| patron.code == phrase.entity.code) {
        phrase.entity.code = None;
        phrase.group_members.clear();
    }
}

/// The sector of a country's people acting as themselves, not through an institution.
const CIVILIAN_SECTOR: &str = "CVL";

/// "more than 100 Palestinians", "Young Algerians", "Iraqi Kurds", "ethnic Albanians": a
/// plural nationality word used as a noun, or a nationality adjective before a plural name
/// of a people, stands for civilians of that country. After "ethnic" the nationality names
/// an ethnic group, wherever its members live: the phrase keeps the civilian sector and no
/// country, which the place or the rest of the sentence may supply.
fn people_of_a_nation(view: &SentenceView, chunk: &Chunk, head: &[&ResolvedMention]) -> Option<ActorPhrase> {
    let nationality = last_of_kind(head, &[EntryKind::CountryAdjective])?;
    let last = chunk.end - 1;
    let is_plural_noun = |index: usize| view.tag(index).starts_with("NN") && view.word(index).ends_with('s');
    let demonym_is_head = nationality.end_token == chunk.end && is_plural_noun(last);
    // "Iraqi Kurds": capitalised plurals the knowledge base does not know, after the adjective.
    let people_name_follows = nationality.end_token < chunk.end
        && (nationality.end_token..chunk.end).all(|index| {
            let capitalised = view.word(index).starts_with(|c: char| c.is_uppercase());
            is_plural_noun(index) && capitalised && head.iter().all(|m| m.end_token <= index)
        });
    if !demonym_is_head && !people_name_follows {
        return None;
    }
    let ethnic = nationality.first_token > chunk.first && view.is_word(nationality.first_token - 1, "ethnic");
    let code = if ethnic && demonym_is_head { None } else { nationality.code.clone() };
    let span = view.range_span(chunk.first, chunk.end);
    Some(ActorPhrase {
        first_token: chunk.first,
        end_token: chunk.end,
        kind: PhraseKind::Agent,
        entity: Entity {
            text: view.text(span).to_string(),
            name: None,
            code,
            sector: Some(CIVILIAN_SECTOR.to_string()),
            span,
        },
        place: None,
        group_members: Vec::new(),
    })
}

/// The knowledge base and day, for names that are not mentions by themselves.
#[derive(Clone, Copy)]
pub struct LeaderLookup<'a> {
    pub kb: &'a KnowledgeBase,
    pub date: PartialDate,
}

/// Nouns for a government named after its leader ("the Bush administration").
const GOVERNMENT_NOUNS: &[&str] = &["administration", "government", "regime", "cabinet"];

/// "the Bush administration": an unknown capitalised name right before a government noun is
/// the family name of the leader; the country is the one a person of that name governed on
/// the day, when only one did.
fn government_by_leader_name(
    view: &SentenceView,
    chunk: &Chunk,
    agent: &ResolvedMention,
    leaders: LeaderLookup,
) -> Option<String> {
    let is_government_noun =
        agent.end_token == agent.first_token + 1 && view.is_any_word(agent.first_token, GOVERNMENT_NOUNS);
    let name_token = agent.first_token.checked_sub(1).filter(|&index| index >= chunk.first)?;
    let is_name = view.tag(name_token).starts_with("NNP") && !is_not_actor_name(view, name_token);
    if !is_government_noun || !is_name {
        return None;
    }
    leaders.kb.government_led_by_surname(view.word(name_token), leaders.date)
}

/// The mention that names the actor: a person before a group, a group before an
/// institution, then a country, then a place standing for its government.
fn primary_entity<'a>(mentions: &[&'a ResolvedMention]) -> Option<&'a ResolvedMention> {
    [EntryKind::Person, EntryKind::Group, EntryKind::Institution, EntryKind::Country, EntryKind::Place]
        .iter()
        .find_map(|kind| last_of_kind(mentions, std::slice::from_ref(kind)))
}

fn last_of_kind<'a>(mentions: &[&'a ResolvedMention], kinds: &[EntryKind]) -> Option<&'a ResolvedMention> {
    mentions.iter().rev().find(|mention| kinds.contains(&mention.kind)).copied()
}

fn named_phrase(
    view: &SentenceView,
    first: usize,
    end: usize,
    primary: &ResolvedMention,
    mentions: &[&ResolvedMention],
) -> ActorPhrase {
    let span = view.range_span(first, end);
    let agent_sector = last_of_kind(mentions, &[EntryKind::Agent]).and_then(|agent| agent.sector.clone());
    let adjective_code = last_of_kind(mentions, &[EntryKind::CountryAdjective]).and_then(|adj| adj.code.clone());
    let kind = match primary.kind {
        EntryKind::Person => PhraseKind::Person,
        EntryKind::Group => PhraseKind::Group,
        EntryKind::Institution => PhraseKind::Institution,
        EntryKind::Country => PhraseKind::Country,
        _ if primary.is_city => PhraseKind::City,
        _ => PhraseKind::Place,
    };
    // A person's role on the day decides; a country's own sector comes from the noun after it
    // ("the Syrian army" is a country adjective, but "Syria's army" reaches here via the head).
    let sector = primary.sector.clone().or_else(|| if kind == PhraseKind::Person { None } else { agent_sector });
    // A prefix agent ("MSF Arnor", TABARI `NGO~`) names the organisation the actor belongs
    // to; PLOVER keeps one code, and the organisation's is the one that says who acts.
    let code = prefix_agent_code(mentions).or_else(|| primary.code.clone()).or(adjective_code);
    let entity = Entity { text: view.text(span).to_string(), name: Some(primary.name.clone()), code, sector, span };
    let group_members = joint_members(primary, &entity);
    ActorPhrase { first_token: first, end_token: end, kind, entity, place: primary.place.clone(), group_members }
}

/// The code of an agent that carries its own actor code (TABARI's prefix agents, `NGO~`).
fn prefix_agent_code(mentions: &[&ResolvedMention]) -> Option<String> {
    mentions.iter().rev().filter(|mention| mention.kind == EntryKind::Agent).find_map(|mention| mention.code.clone())
}

/// One entity per member when the name stands for several actors at once ("the Shire" coded
/// as three hobbits): each keeps the phrase's text, span and sector.
fn joint_members(primary: &ResolvedMention, entity: &Entity) -> Vec<Entity> {
    if primary.joint_codes.len() < 2 {
        return Vec::new();
    }
    primary.joint_codes.iter().map(|code| Entity { code: Some(code.clone()), ..entity.clone() }).collect()
}

fn agent_phrase(
    view: &SentenceView,
    chunk: &Chunk,
    agent: &ResolvedMention,
    head: &[&ResolvedMention],
    possessor: &[&ResolvedMention],
    discourse: &Discourse,
    resolve_description: ResolveDescription,
) -> ActorPhrase {
    let span = view.range_span(chunk.first, chunk.end);
    let adjective_code = last_of_kind(head, &[EntryKind::CountryAdjective]).and_then(|adj| adj.code.clone());
    let possessor_code = primary_entity(possessor)
        .and_then(|owner| owner.code.clone())
        .or_else(|| country_by_description(view, chunk, discourse));
    let possessive_pronoun_code = possessive_pronoun_owner(view, chunk, discourse).and_then(|owner| owner.code.clone());
    let code = prefix_agent_code(head).or(adjective_code).or(possessor_code).or(possessive_pronoun_code);
    let mut phrase = ActorPhrase {
        first_token: chunk.first,
        end_token: chunk.end,
        kind: PhraseKind::Agent,
        entity: Entity { text: view.text(span).to_string(), name: None, code, sector: agent.sector.clone(), span },
        place: None,
        group_members: Vec::new(),
    };
    // "the president of Armenia" says whose president it is; only a bare description ("the
    // president") refers back to someone the document named.
    let has_of_complement = chunk.end < view.len() && view.is_word(chunk.end, "of");
    if view.is_word(chunk.first, "the") && resolve_description == ResolveDescription::Yes && !has_of_complement {
        refer_through_discourse(view, chunk, &mut phrase, discourse);
    }
    phrase
}

/// Whether "the Russian leader" is looked up among the people already named; not when a name
/// follows the title ("the Russian leader Ivan Petrov").
#[derive(Clone, Copy, PartialEq, Eq)]
enum ResolveDescription {
    Yes,
    No,
}

/// "the country's leader", "the nation's army": the owner is the country the document spoke
/// of last.
fn country_by_description(view: &SentenceView, chunk: &Chunk, discourse: &Discourse) -> Option<String> {
    let marker = chunk.possessive_marker?;
    let describes_country = marker == chunk.first + 2
        && view.is_word(chunk.first, "the")
        && view.is_any_word(chunk.first + 1, &["country", "nation", "state"]);
    if describes_country { discourse.last_country_code().map(str::to_string) } else { None }
}

/// "opposition leader Aung San Suu Kyi", "the country's army chief John Doe": a title the
/// knowledge base knows followed by a name it does not. The name is the actor, with the
/// title's sector and the country its adjective or possessor gives. With common nouns
/// between the title and the name ("the official television channel Zorbex") the name is an
/// organisation the agent describes, and the phrase is an agent rather than a person.
fn titled_unknown_person(
    view: &SentenceView,
    chunk: &Chunk,
    head: &[&ResolvedMention],
    possessor: &[&ResolvedMention],
    discourse: &Discourse,
) -> Option<ActorPhrase> {
    let agent = last_of_kind(head, &[EntryKind::Agent])?;
    // "the official news agency Xinhua": common nouns may stand between the agent and the
    // name; the name then belongs to an organisation the agent describes, not a person.
    let mut name_start = agent.end_token;
    while name_start < chunk.end && matches!(view.tag(name_start), "NN" | "NNS") {
        name_start += 1;
    }
    let name_is_rest = name_start < chunk.end
        && (name_start..chunk.end).all(|index| view.tag(index).starts_with("NNP") && !is_not_actor_name(view, index))
        && !head.iter().any(|mention| mention.end_token > agent.end_token);
    if !name_is_rest {
        return None;
    }
    let mut phrase = agent_phrase(view, chunk, agent, head, possessor, discourse, ResolveDescription::No);
    let span = view.range_span(chunk.first, chunk.end);
    phrase.kind = if name_start == agent.end_token { PhraseKind::Person } else { PhraseKind::Agent };
    phrase.entity.text = view.text(span).to_string();
    phrase.entity.span = span;
    phrase.entity.name = Some(view.text(view.range_span(name_start, chunk.end)).to_string());
    Some(phrase)
}

/// "his forces": the owner is the last person the document named.
fn possessive_pronoun_owner<'a>(view: &SentenceView, chunk: &Chunk, discourse: &'a Discourse) -> Option<&'a Entity> {
    let is_personal = view.tag(chunk.first) == "PRP$" && view.is_any_word(chunk.first, &["his", "her"]);
    if is_personal { discourse.last_person() } else { None }
}

/// "the Russian leader" → the last Russian leader named; "the two leaders" → the last two people.
fn refer_through_discourse(view: &SentenceView, chunk: &Chunk, phrase: &mut ActorPhrase, discourse: &Discourse) {
    let is_leader_noun = phrase.entity.sector.as_deref() == Some("GOV");
    if !is_leader_noun {
        return;
    }
    let plural = view.tag(chunk.end - 1) == "NNS";
    if plural {
        let count = if view.is_any_word(chunk.first + 1, &["two", "both"]) {
            2
        } else {
            return;
        };
        let members = discourse.last_people(count);
        if members.len() == count {
            phrase.kind = PhraseKind::Reference;
            phrase.group_members = members.into_iter().cloned().collect();
        }
        return;
    }
    if let Some(person) = discourse.last_person_matching(phrase.entity.code.as_deref(), "GOV") {
        phrase.kind = PhraseKind::Reference;
        phrase.entity.name = person.name.clone();
        phrase.entity.code = person.code.clone();
        phrase.entity.sector = person.sector.clone();
    }
}

fn resolve_pronoun(view: &SentenceView, chunk: &Chunk, discourse: &Discourse) -> Option<ActorPhrase> {
    if !view.is_any_word(chunk.first, PERSONAL_PRONOUNS) {
        return None;
    }
    let person = discourse.last_person()?;
    let span = view.token_span(chunk.first);
    Some(ActorPhrase {
        first_token: chunk.first,
        end_token: chunk.end,
        kind: PhraseKind::Reference,
        entity: Entity {
            text: view.text(span).to_string(),
            name: person.name.clone(),
            code: person.code.clone(),
            sector: person.sector.clone(),
            span,
        },
        place: None,
        group_members: Vec::new(),
    })
}

/// A run of capitalised names the knowledge base does not know ("Abu Khalil", "Free Syrian
/// League"): an actor with no code, so the event keeps its evidence and a user can add the
/// name to the knowledge base later.
fn unknown_name_phrase(view: &SentenceView, chunk: &Chunk) -> Option<ActorPhrase> {
    let names: Vec<usize> = (chunk.first..chunk.end)
        .filter(|&index| view.tag(index).starts_with("NNP"))
        .filter(|&index| !is_not_actor_name(view, index))
        .collect();
    let (&first, &last) = (names.first()?, names.last()?);
    if last + 1 - first != names.len() {
        return None;
    }
    let span = view.range_span(first, last + 1);
    Some(ActorPhrase {
        first_token: first,
        end_token: last + 1,
        kind: PhraseKind::Unknown,
        entity: Entity { text: view.text(span).to_string(), name: None, code: None, sector: None, span },
        place: None,
        group_members: Vec::new(),
    })
}

/// "Kim" after "Kim Jong Un", "Mikati" after "Najib Mikati": a single unknown name that is the
/// first or last word of a person already named refers to that person. The knowledge base
/// cannot hold bare surnames of everyone (there are many Kims); the document says which one.
fn refer_by_surname(mut phrase: ActorPhrase, discourse: &Discourse) -> ActorPhrase {
    if phrase.end_token != phrase.first_token + 1 {
        return phrase;
    }
    if let Some(person) = discourse.person_named_by_part(&phrase.entity.text) {
        phrase.kind = PhraseKind::Reference;
        phrase.entity.name = person.name.clone();
        phrase.entity.code = person.code.clone();
        phrase.entity.sector = person.sector.clone();
    }
    phrase
}

/// "Danish media and government", "Russian police and soldiers": a nationality adjective
/// opening a phrase applies to a bare noun coordinated right after it, so an agent of no
/// country of its own that follows "and" or "or" directly (no determiner: "Danish media and
/// the government" may be anyone's) takes the country of the phrase before.
pub fn share_nationality_across_coordination(
    view: &SentenceView,
    mentions: &MentionLookup,
    phrases: &mut [ActorPhrase],
) {
    for index in 1..phrases.len() {
        let (before, after) = phrases.split_at_mut(index);
        let (previous, phrase) = (&before[index - 1], &mut after[0]);
        // The previous phrase is a country's agent named by an adjective ("Danish media").
        let adjective_opens_previous = view.tag(previous.first_token) == "JJ"
            && previous.entity.code.is_some()
            && previous.entity.sector.is_some()
            && mentions.at_token(previous.first_token).is_some_and(|mention| {
                matches!(mention.kind, EntryKind::CountryAdjective | EntryKind::Country) && mention.code.is_some()
            });
        let joined =
            phrase.first_token == previous.end_token + 1 && view.is_any_word(previous.end_token, &["and", "or"]);
        let bare_agent = phrase.kind == PhraseKind::Agent
            && phrase.entity.code.is_none()
            && matches!(view.tag(phrase.first_token), "NN" | "NNS");
        if adjective_opens_previous && joined && bare_agent {
            phrase.entity.code = previous.entity.code.clone();
        }
    }
}

/// "forces loyal to Assad", "troops of the Syrian government", "activists in Arnor": an
/// uncoded agent takes the country of the actor it belongs to, and the phrases become one.
/// Either side may be a list ("lawmakers and officials in Fornost and Gondor"): the merged
/// phrase then stands for every agent of every owner, as its group members.
pub fn attach_loyalty_modifiers(view: &SentenceView, phrases: &mut Vec<ActorPhrase>) {
    let mut index = 0;
    while index < phrases.len() {
        let agents_end = list_end(view, phrases, index, is_uncoded_agent);
        if agents_end > index && agents_end < phrases.len() {
            let link = link_between(view, &phrases[agents_end - 1], &phrases[agents_end]);
            let owners_end = match link {
                Some(Link::Belonging) => list_end(view, phrases, agents_end, is_coded_owner),
                Some(Link::Location) => list_end(view, phrases, agents_end, is_coded_territory),
                None => agents_end,
            };
            if owners_end > agents_end {
                merge_agents_with_owners(view, phrases, index, agents_end, owners_end);
            }
        }
        index += 1;
    }
}

/// "the Albanians of southern Serbia", "the Hungarians of Slovakia": a people named by a
/// nationality, followed by "of" and a country or region of another state, are that state's
/// residents of that ethnicity, as PLOVER codes minorities (SRB CVL, not ALB CVL). The two
/// phrases become one, with the homeland's code.
pub fn attach_homelands(view: &SentenceView, phrases: &mut Vec<ActorPhrase>) {
    let mut index = 0;
    while index + 1 < phrases.len() {
        let (people, homeland) = (&phrases[index], &phrases[index + 1]);
        let is_people = people.kind == PhraseKind::Agent
            && people.entity.name.is_none()
            && people.entity.code.is_some()
            && people.group_members.is_empty()
            && people.entity.sector.as_deref() == Some(CIVILIAN_SECTOR);
        let linked = homeland.first_token == people.end_token + 1 && view.is_word(people.end_token, "of");
        let other_state = is_coded_territory(homeland)
            && homeland.group_members.is_empty()
            && homeland.entity.code != people.entity.code;
        if is_people && linked && other_state {
            merge_agents_with_owners(view, phrases, index, index + 1, index + 2);
        }
        index += 1;
    }
}

/// How an agent is tied to the actor after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
    /// "loyal to", "of", "from": the agent serves or comes from the owner.
    Belonging,
    /// "in", "based in": the agent is found in a country or region, which is where it
    /// belongs; a city is left alone, since "police in Paris" more often says where
    /// something happened.
    Location,
}

fn link_between(view: &SentenceView, agent: &ActorPhrase, owner: &ActorPhrase) -> Option<Link> {
    const BELONGING: &[&[&str]] = &[&["loyal", "to"], &["allied", "with"], &["allied", "to"], &["of"], &["from"]];
    let between: Vec<&str> = (agent.end_token..owner.first_token).map(|token| view.word(token)).collect();
    let is = |link: &[&str]| {
        link.len() == between.len() && link.iter().zip(&between).all(|(a, b)| a.eq_ignore_ascii_case(b))
    };
    if BELONGING.iter().any(|link| is(link)) {
        Some(Link::Belonging)
    } else if is(&["in"]) || is(&["based", "in"]) {
        Some(Link::Location)
    } else {
        None
    }
}

fn is_uncoded_agent(phrase: &ActorPhrase) -> bool {
    phrase.kind == PhraseKind::Agent && phrase.entity.code.is_none() && phrase.group_members.is_empty()
}

fn is_coded_owner(phrase: &ActorPhrase) -> bool {
    phrase.entity.code.is_some()
}

fn is_coded_territory(phrase: &ActorPhrase) -> bool {
    phrase.entity.code.is_some() && matches!(phrase.kind, PhraseKind::Country | PhraseKind::Place)
}

/// The end of the list of phrases starting at `first` that all pass `belongs`, joined by
/// "and", "," or ", and" ("Fornost, Bree and Gondor"); `first` itself when it does not pass.
fn list_end(view: &SentenceView, phrases: &[ActorPhrase], first: usize, belongs: fn(&ActorPhrase) -> bool) -> usize {
    let mut end = first;
    while end < phrases.len() && belongs(&phrases[end]) {
        if end > first && !joined_as_list(view, &phrases[end - 1], &phrases[end]) {
            break;
        }
        end += 1;
    }
    end
}

fn joined_as_list(view: &SentenceView, left: &ActorPhrase, right: &ActorPhrase) -> bool {
    let between: Vec<&str> = (left.end_token..right.first_token).map(|token| view.word(token)).collect();
    matches!(between.as_slice(), [","] | ["and"] | [",", "and"])
}

/// Replaces `phrases[first..owners_end]` (agents `[first, agents_end)`, then owners) by one
/// phrase: the agents' sectors with the owners' codes.
fn merge_agents_with_owners(
    view: &SentenceView,
    phrases: &mut Vec<ActorPhrase>,
    first: usize,
    agents_end: usize,
    owners_end: usize,
) {
    let owners: Vec<ActorPhrase> = phrases.drain(agents_end..owners_end).collect();
    let agents: Vec<ActorPhrase> = phrases.drain(first + 1..agents_end).collect();
    let owner_codes: Vec<Option<String>> = owners.iter().flat_map(member_codes).collect();
    let last_owner = owners.last().map_or(phrases[first].end_token, |owner| owner.end_token);
    let merged = &mut phrases[first];
    merged.end_token = last_owner;
    merged.entity.span = view.range_span(merged.first_token, last_owner);
    merged.entity.text = view.text(merged.entity.span).to_string();
    let sectors: Vec<Option<String>> = std::iter::once(merged.entity.sector.clone())
        .chain(agents.iter().map(|agent| agent.entity.sector.clone()))
        .collect();
    let mut members = Vec::new();
    for sector in &sectors {
        for code in &owner_codes {
            members.push(Entity { code: code.clone(), sector: sector.clone(), ..merged.entity.clone() });
        }
    }
    merged.entity.code = owner_codes.first().cloned().flatten();
    merged.group_members = if members.len() > 1 { members } else { Vec::new() };
}

/// The codes a phrase stands for: each member's, or its own.
fn member_codes(phrase: &ActorPhrase) -> Vec<Option<String>> {
    if phrase.group_members.is_empty() {
        vec![phrase.entity.code.clone()]
    } else {
        phrase.group_members.iter().map(|member| member.code.clone()).collect()
    }
}
