//! Clause structure from tags alone: which verbs carry content, the auxiliaries around them,
//! and which actor phrase is a verb's subject or target.
//!
//! The rules follow how news sentences are built: the subject is the nearest actor phrase to
//! the left that is not inside a prepositional phrase, found across a relative pronoun
//! ("Russia — which saved ...") and a bracketed aside; the target is the first actor phrase
//! to the right, directly or after a target preposition, together with the phrases
//! coordinated with it ("X, Y and Z"); a passive swaps the two ("was attacked by").

use dyad_actors::{ActorPhrase, PhraseKind, SentenceView};
use dyad_verbs::PatternHit;

const BE_FORMS: &[&str] = &["be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re"];
const AUXILIARIES: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having", "do", "does", "did", "'s",
    "'re", "'ve", "'d",
];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];

/// Prepositions that introduce the one acted upon, not a place or a time.
/// "around" is here for shows of force ("drills around Taiwan", "massed troops around Kyiv").
const TARGET_PREPOSITIONS: &[&str] =
    &["with", "against", "on", "to", "at", "toward", "towards", "between", "upon", "into", "from", "for", "around"];

/// Prepositions that name where an act is directed: "offered troops to", "sanctions on".
const DIRECTION_PREPOSITIONS: &[&str] = &["to", "toward", "towards", "against", "on"];

/// The verb with its auxiliaries: "has long said", "was attacked", "did not meet".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token of the group (an auxiliary or modal, or the verb itself).
    pub first: usize,
    pub verb: usize,
    /// One past the last token of the verb form (phrasal verbs span several tokens).
    pub end: usize,
    pub modal: Option<String>,
    pub negated: bool,
    pub passive: bool,
}

/// Tokens that are verbs carrying content, not auxiliaries.
pub fn content_verbs(view: &SentenceView) -> Vec<usize> {
    (0..view.len()).filter(|&index| view.tag(index).starts_with("VB") && !is_auxiliary(view, index)).collect()
}

/// An auxiliary is a form of be/have/do directly followed (allowing adverbs and negation) by
/// another verb; "has" in "Turkey has launched" is one, "has" in "Turkey has troops" is not.
pub fn is_auxiliary(view: &SentenceView, index: usize) -> bool {
    if !view.is_any_word(index, AUXILIARIES) {
        return false;
    }
    let mut next = index + 1;
    while next < view.len() && (view.tag(next).starts_with("RB") || view.is_any_word(next, NEGATIONS)) {
        next += 1;
    }
    next < view.len() && view.tag(next).starts_with("VB")
}

/// A form of be, have or do, whatever follows it: "were" in "were wounded", "had" in "had
/// halted", "got" is not one (it takes objects as often as participles).
pub fn is_auxiliary_word(view: &SentenceView, index: usize) -> bool {
    view.is_any_word(index, AUXILIARIES)
}

/// The group around a verb form spanning `[form_start, form_end)` whose head is `verb`.
pub fn verb_group(view: &SentenceView, form_start: usize, verb: usize, form_end: usize) -> VerbGroup {
    let mut first = form_start;
    let mut modal = None;
    let mut negated = false;
    let mut saw_be = false;
    while first > 0 {
        let previous = first - 1;
        let tag = view.tag(previous);
        if tag == "MD" {
            modal.get_or_insert_with(|| view.word(previous).to_lowercase());
        } else if view.is_any_word(previous, NEGATIONS) {
            negated = true;
        } else if view.is_any_word(previous, AUXILIARIES) {
            saw_be |=
                view.is_any_word(previous, BE_FORMS) && first == verb_start_after_adverbs(view, previous, form_start);
        } else if !tag.starts_with("RB") {
            break;
        }
        first = previous;
    }
    let passive = saw_be && view.tag(verb) == "VBN";
    VerbGroup { first, verb, end: form_end.max(verb + 1), modal, negated, passive }
}

/// The token after `auxiliary` once adverbs are skipped; a be-form makes a passive only when
/// nothing but adverbs stands between it and the participle.
fn verb_start_after_adverbs(view: &SentenceView, auxiliary: usize, verb: usize) -> usize {
    let mut next = auxiliary + 1;
    while next < verb && (view.tag(next).starts_with("RB") || view.is_any_word(next, NEGATIONS)) {
        next += 1;
    }
    if next == verb { auxiliary + 1 } else { usize::MAX }
}

fn is_clause_break(view: &SentenceView, index: usize) -> bool {
    matches!(view.word(index), ";" | ":") || (view.tag(index) == ":" && view.word(index) != "—")
}

pub(crate) fn is_dash(view: &SentenceView, index: usize) -> bool {
    matches!(view.word(index), "—" | "–" | "--")
}

fn is_relative_pronoun(view: &SentenceView, index: usize) -> bool {
    matches!(view.tag(index), "WDT" | "WP") || view.is_any_word(index, &["which", "who"])
}

/// The verb's subject with the phrases coordinated before it: "Putin and Assad met" gives both.
pub fn find_subjects<'p>(view: &SentenceView, phrases: &'p [ActorPhrase], group: &VerbGroup) -> Vec<&'p ActorPhrase> {
    let Some(last) = find_subject(view, phrases, group) else {
        return Vec::new();
    };
    let mut subjects = vec![last];
    loop {
        let first = subjects[0];
        let Some(previous) = phrases.iter().rev().find(|phrase| phrase.end_token < first.first_token) else {
            break;
        };
        // "Neither Peru nor Chile": "nor" joins as "or" does.
        let joined = (previous.end_token..first.first_token)
            .all(|token| view.is_any_word(token, &[",", "and", "or", "nor"]))
            && (previous.end_token..first.first_token).any(|token| view.is_any_word(token, &["and", "or", "nor", ","]));
        if !joined || (follows_preposition(view, previous) && !follows_clause_opener(view, previous)) {
            break;
        }
        subjects.insert(0, previous);
    }
    subjects
}

/// The verb's subject: see the module comment. An infinitive of purpose ("met X in Moscow
/// to discuss ...") shares the subject of the verb it depends on.
pub fn find_subject<'p>(view: &SentenceView, phrases: &'p [ActorPhrase], group: &VerbGroup) -> Option<&'p ActorPhrase> {
    if let Some(governor) = governing_verb_of_infinitive(view, group) {
        let governing_group = verb_group(view, governor, governor, governor + 1);
        return find_subject(view, phrases, &governing_group);
    }
    if has_own_non_actor_subject(view, phrases, group) {
        return None;
    }
    let mut position = group.first;
    while position > 0 {
        let index = position - 1;
        if is_relative_pronoun(view, index) {
            return antecedent(view, phrases, index);
        }
        if is_clause_break(view, index) {
            return None;
        }
        if is_dash(view, index) {
            // Skip a bracketed aside "— which saved ... —" back to its opening dash.
            position = (0..index).rev().find(|&earlier| is_dash(view, earlier)).unwrap_or(index);
            continue;
        }
        if let Some(phrase) = phrases.iter().find(|phrase| phrase.end_token == position) {
            // "Thousands of students staged ...": after a quantity, "of" opens the subject itself.
            // "after Chilean crowds burned ...": right before the verb, a phrase after a
            // subordinating conjunction or "that" is the subject of the clause they open.
            let opens_clause = phrase.end_token == group.first && follows_clause_opener(view, phrase);
            let after_preposition =
                follows_preposition(view, phrase) && !follows_quantity(view, phrase) && !opens_clause;
            if !after_preposition && phrase.kind != PhraseKind::Unknown || is_strong_subject(view, phrase) {
                return Some(phrase);
            }
            position = phrase.first_token;
            continue;
        }
        position = index;
    }
    None
}

/// "after crowds burned down its embassy", "a roadside bomb killed": a common noun right
/// before the verb that no actor phrase covers is the verb's own subject, and it is not an
/// actor; looking further left would take the subject of another clause. Time nouns ("Putin
/// today met") and the nouns of a preposition's object ("the head of the agency said") are
/// not subjects. A subject pronoun no one was found for ("On health centres in Chile, he
/// said") is likewise the verb's own subject.
fn has_own_non_actor_subject(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> bool {
    const TIME_NOUNS: &[&str] =
        &["today", "yesterday", "tonight", "week", "month", "year", "morning", "evening", "night", "weekend", "time"];
    const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you"];
    let Some(before) = group.first.checked_sub(1) else { return false };
    if tells_content_of_statement(view, group.verb) {
        return false;
    }
    let is_common_noun = matches!(view.tag(before), "NN" | "NNS");
    let covered = phrases.iter().any(|phrase| phrase.first_token <= before && before < phrase.end_token);
    // "On health centres in Chile, he said": a pronoun opening its clause is the subject even
    // when no one could be found for it. (After a verb, "said they would", the search goes
    // on to the subject the pronoun stands for.)
    let opens_clause = before == 0 || view.word(before - 1) == ",";
    if view.is_any_word(before, SUBJECT_PRONOUNS) && opens_clause && !covered {
        return true;
    }
    if !is_common_noun || covered || view.is_any_word(before, TIME_NOUNS) {
        return false;
    }
    // The noun's own phrase: back over adjectives, numbers and nouns to its start, and over
    // modifiers coordinated inside it ("Eriador's death and injury toll").
    let in_noun_phrase = |index: usize| {
        matches!(view.tag(index), "NN" | "NNS" | "JJ" | "CD" | "NNP" | "NNPS" | "VBN" | "DT" | "PRP$" | "POS")
    };
    let mut start = before;
    while start > 0 {
        let coordinated_modifier =
            start >= 2 && view.is_any_word(start - 1, &["and", "or"]) && matches!(view.tag(start - 2), "NN" | "JJ");
        if in_noun_phrase(start - 1) {
            start -= 1;
        } else if coordinated_modifier {
            start -= 2;
        } else {
            break;
        }
    }
    // "Eriador's death toll has risen": an actor inside the noun's own phrase (its owner)
    // is left for the subject search to weigh. A name nobody knows there ("a Tirith
    // attorney said") is not one: the noun phrase is still the verb's own subject.
    let owner_inside = |phrase: &ActorPhrase| start <= phrase.first_token && phrase.end_token <= before;
    if phrases.iter().any(|phrase| owner_inside(phrase) && !is_unknown_name(phrase)) {
        return false;
    }
    // "Israeli helicopters and tanks shelled": a noun joined to an actor phrase shares its role.
    let joined_to_actor = start > 0
        && view.is_any_word(start - 1, &["and", "or"])
        && phrases.iter().any(|phrase| phrase.end_token == start - 1);
    if joined_to_actor {
        return false;
    }
    let inside_prepositional_phrase = start > 0 && matches!(view.tag(start - 1), "IN" | "TO");
    let subordinate_clause = start > 0 && view.is_any_word(start - 1, SUBORDINATORS);
    !inside_prepositional_phrase || subordinate_clause
}

/// Nouns of a text put out by its author, whose content a participle after them tells: "a
/// statement demanding ...", "a letter urging ...".
const STATEMENT_NOUNS: &[&str] =
    &["statement", "declaration", "communique", "letter", "resolution", "message", "appeal", "petition"];

/// "issued a declaration demanding that ...": a present participle right after a statement
/// noun says what the statement asks or says, an act of the statement's author (the subject
/// of the clause), not a description of the noun.
pub fn tells_content_of_statement(view: &SentenceView, verb: usize) -> bool {
    verb > 0 && view.tag(verb) == "VBG" && view.is_any_word(verb - 1, STATEMENT_NOUNS)
}

/// Conjunctions that open a clause with its own subject ("after crowds burned ...").
const SUBORDINATORS: &[&str] =
    &["after", "before", "since", "because", "while", "when", "although", "though", "as", "if", "until", "unless"];

/// For "to VERB", the nearest content verb before it in the same clause, if one is there.
fn governing_verb_of_infinitive(view: &SentenceView, group: &VerbGroup) -> Option<usize> {
    if group.first == 0 || !view.is_word(group.first - 1, "to") || view.tag(group.verb) != "VB" {
        return None;
    }
    let start = clause_start(view, group.first - 1);
    (start..group.first - 1).rev().find(|&index| view.tag(index).starts_with("VB") && !is_auxiliary(view, index))
}

/// An unknown name is taken as subject only when it opens the sentence or a clause.
fn is_strong_subject(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    phrase.kind == PhraseKind::Unknown
        && (phrase.first_token == 0 || view.word(phrase.first_token - 1) == ",")
        && !follows_preposition(view, phrase)
}

fn antecedent<'p>(view: &SentenceView, phrases: &'p [ActorPhrase], pronoun: usize) -> Option<&'p ActorPhrase> {
    let mut end = pronoun;
    while end > 0 && (view.word(end - 1) == "," || is_dash(view, end - 1)) {
        end -= 1;
    }
    phrases.iter().find(|phrase| phrase.end_token == end)
}

/// A phrase right after the complementiser "that" or a subordinating conjunction tagged as
/// a preposition ("after", "since").
fn follows_clause_opener(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    phrase.first_token > 0
        && (view.is_word(phrase.first_token - 1, "that") || view.is_any_word(phrase.first_token - 1, SUBORDINATORS))
}

fn follows_preposition(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    phrase.first_token > 0
        && matches!(view.tag(phrase.first_token - 1), "IN" | "TO")
        && !is_quantity_preposition(view, phrase.first_token - 1)
}

/// "more than 100 Palestinians", "up to 1,000 Turks", "about 200 supporters": a preposition that
/// belongs to a number, not a prepositional phrase; the phrase after it is a plain noun phrase.
fn is_quantity_preposition(view: &SentenceView, index: usize) -> bool {
    let number_follows = index + 1 < view.len() && view.tag(index + 1) == "CD";
    let after = |words: &[&str]| index > 0 && view.is_any_word(index - 1, words);
    number_follows
        && ((view.is_word(index, "than") && after(&["more", "less", "fewer"]))
            || (view.is_word(index, "to") && after(&["up"]))
            || view.is_any_word(index, &["about", "around", "over", "nearly", "almost"]))
}

/// The phrases a verb acts on, with the preposition that introduced the first one.
#[derive(Debug)]
pub struct Targets<'p> {
    pub phrases: Vec<&'p ActorPhrase>,
    pub preposition: Option<String>,
    /// The agent of a passive: "by X".
    pub by_agent: Vec<&'p ActorPhrase>,
}

pub fn find_targets<'p>(
    view: &SentenceView,
    phrases: &'p [ActorPhrase],
    group: &VerbGroup,
    wanted_preposition: Option<&str>,
) -> Targets<'p> {
    let mut targets = Targets { phrases: Vec::new(), preposition: None, by_agent: Vec::new() };
    let stop = past_attributive_participle(view, phrases, clause_end(view, group.end));
    let candidates: Vec<&ActorPhrase> =
        // A phrase that starts inside the clause is whole, even past a mistagged word inside
        // it ("forces loyal/VBP to Assad").
        phrases.iter().filter(|phrase| phrase.first_token >= group.end && phrase.first_token < stop).collect();
    let mut index = 0;
    while index < candidates.len() {
        let phrase = candidates[index];
        let preposition = preposition_before(view, phrase);
        // "arrested dozens of protesters": after a quantity, "of" introduces the object itself.
        let preposition = preposition.filter(|word| !(word == "of" && follows_quantity(view, phrase)));
        let is_target = match preposition.as_deref() {
            // "withdraw its troops from Lebanon": the actor's own forces are what it moves,
            // not whom it acts on; the party after them is.
            None if is_own_force(view, phrase) => false,
            // "in Syria and the Middle East": a phrase after a conjunction continues the list
            // it joins, it does not start an object of its own.
            None if follows_conjunction(view, phrase) => false,
            // "denounced as a crime Serbia's suppression of ...": the object, moved after its
            // "as" complement, is owned by the party the act is aimed at.
            Some("as") if is_possessor(view, phrase) => true,
            None => true,
            // "condemned an attack by Osgiliath soldiers": the author of the act named by
            // the object is the one the verb is aimed at.
            Some("by") if !group.passive && follows_common_noun(view, phrase) => true,
            Some("by") if group.passive => {
                targets.by_agent = coordinated(view, &candidates, index);
                index += targets.by_agent.len();
                continue;
            }
            // "warned of the Russian army": "of" right after the verb introduces what the
            // verb is about, as its object would.
            Some("of") if phrase.first_token == group.end + 1 => true,
            Some(word) => {
                wanted_preposition.is_some_and(|wanted| wanted.eq_ignore_ascii_case(word))
                    || TARGET_PREPOSITIONS.contains(&word)
            }
        };
        // "offered its troops to Lebanon's president", "provided aid to refugees in Chad": an
        // object of no country (the thing given, or people of no country) gives way to a
        // country's party the act is directed to, named later in the clause.
        // Likewise an unknown name of no country or sector ("celebrated Eid with Russia")
        // gives way to a party named after "with" or the preposition the pattern names.
        let has_country = |candidate: &ActorPhrase| candidate.entity.code.is_some();
        let directed = preposition.as_deref().is_some_and(|word| DIRECTION_PREPOSITIONS.contains(&word));
        let accompanying = preposition.as_deref().is_some_and(|word| {
            word == "with" || wanted_preposition.is_some_and(|wanted| wanted.eq_ignore_ascii_case(word))
        });
        let replaces_uncoded = !targets.phrases.is_empty()
            && !targets.phrases.iter().any(|kept| has_country(kept))
            && has_country(phrase)
            && (directed || (accompanying && targets.phrases.iter().all(|kept| is_unknown_name(kept))));
        if is_target && (targets.phrases.is_empty() || replaces_uncoded) {
            targets.phrases = coordinated(view, &candidates, index);
            targets.preposition = preposition;
            index += targets.phrases.len();
            continue;
        }
        index += 1;
    }
    let only_unknown_names = targets.phrases.iter().all(|kept| is_unknown_name(kept));
    if only_unknown_names
        && !group.passive
        && let Some(index) = object_modifier_target(view, &candidates, group)
    {
        targets.phrases = coordinated(view, &candidates, index);
        targets.preposition = preposition_before(view, candidates[index]);
    }
    targets
}

/// Sectors of the forces a state or group commands and moves about.
const FORCE_SECTORS: &[&str] = &["MIL", "COP", "REB", "UAF"];

/// "its troops", "its police": forces of no named country owned through "its", which in a
/// news clause refers back to the acting state or group.
fn is_own_force(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    view.is_word(phrase.first_token, "its")
        && phrase.entity.code.is_none()
        && phrase.entity.sector.as_deref().is_some_and(|sector| FORCE_SECTORS.contains(&sector))
}

/// The phrase is a possessor: "'s" follows it ("Serbia's suppression").
fn is_possessor(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    phrase.end_token < view.len() && view.tag(phrase.end_token) == "POS"
}

/// "launched an offensive against besieged Sarajevo", "arrested dozens in the occupied West
/// Bank", "withdrew from neighbouring Lebanon": a past participle (or "neighbouring") after a
/// preposition, determiner or adjective and right before a party the dictionaries know
/// modifies that party's name; it opens no clause, so the clause
/// (and the search for targets) goes on past it. A name nobody knows ("sign the proposed
/// Free Trade Agreement") is left where it was: such a participle may as well be a verb.
fn past_attributive_participle(view: &SentenceView, phrases: &[ActorPhrase], stop: usize) -> usize {
    let attributive = stop > 0
        && stop + 1 < view.len()
        && (view.tag(stop) == "VBN" || view.is_any_word(stop, &["neighboring", "neighbouring"]))
        && matches!(view.tag(stop - 1), "IN" | "DT" | "PRP$" | "POS" | "JJ");
    let names_party = phrases.iter().any(|phrase| phrase.first_token == stop + 1 && phrase.kind != PhraseKind::Unknown);
    if attributive && names_party { clause_end(view, stop + 1) } else { stop }
}

/// Prepositions that attach a party to the noun before them: "the closure of guest houses
/// in Bree", "the trade office of Taiwan", "reports about Iran".
const NOUN_MODIFIER_PREPOSITIONS: &[&str] = &["in", "of", "about"];
/// Prepositions that name the author after a participle modifying a noun: "memos sent by
/// Bree", "aid shipped from Jordan".
const PARTICIPLE_AUTHOR_PREPOSITIONS: &[&str] = &["by", "from"];

/// "criticized the closure of guest houses in Bree", "renewed ties with the government of
/// Chad": when the verb's object names no party, a party in an "in"/"of" phrase that modifies
/// the object noun is the one acted upon. Only the object's own modifier counts: the phrase
/// must follow a common noun, with nothing but the object's noun phrases (and the
/// prepositions joining them) between the verb and it, so a place adverbial of the clause
/// ("met on Tuesday in Geneva", "said in Paris") is not taken.
///
/// An object that is an unknown name ("warned of the Prince of Dol Amroth") is such a noun too.
fn object_modifier_target(view: &SentenceView, candidates: &[&ActorPhrase], group: &VerbGroup) -> Option<usize> {
    candidates.iter().position(|phrase| {
        let Some(preposition) = phrase.first_token.checked_sub(1) else { return false };
        if preposition <= group.end {
            return false;
        }
        let ends_unknown_name =
            candidates.iter().any(|earlier| earlier.end_token == preposition && is_unknown_name(earlier));
        let after_noun = matches!(view.tag(preposition - 1), "NN" | "NNS") || ends_unknown_name;
        let after_participle_of_noun = preposition > group.end + 1 && is_participle_of_noun(view, preposition - 1);
        let modifies_noun = (after_noun && view.is_any_word(preposition, NOUN_MODIFIER_PREPOSITIONS))
            || (after_participle_of_noun && view.is_any_word(preposition, PARTICIPLE_AUTHOR_PREPOSITIONS));
        !is_unknown_name(phrase)
            && modifies_noun
            && (group.end..preposition).all(|index| is_object_phrase_word(view, index))
    })
}

/// "memos sent by Bree", "aid shipped from Jordan": a participle (taggers often call it a past
/// tense) right after a common noun and before "by" or "from" modifies the noun; it opens no
/// clause of its own.
fn is_participle_of_noun(view: &SentenceView, index: usize) -> bool {
    matches!(view.tag(index), "VBN" | "VBD")
        && index > 0
        && matches!(view.tag(index - 1), "NN" | "NNS")
        && index + 1 < view.len()
        && view.is_any_word(index + 1, PARTICIPLE_AUTHOR_PREPOSITIONS)
}

/// A name the dictionaries do not know, with neither a country nor a sector: "Eid", "Prince".
fn is_unknown_name(phrase: &ActorPhrase) -> bool {
    phrase.kind == PhraseKind::Unknown && phrase.entity.code.is_none() && phrase.entity.sector.is_none()
}

/// A word that can stand inside an object noun phrase and the prepositional phrases hanging
/// on it ("his gardener's licence", "the recent closure of guest houses").
fn is_object_phrase_word(view: &SentenceView, index: usize) -> bool {
    let noun_phrase_tag = matches!(
        view.tag(index),
        "DT" | "PDT"
            | "JJ"
            | "JJR"
            | "JJS"
            | "NN"
            | "NNS"
            | "NNP"
            | "NNPS"
            | "PRP$"
            | "POS"
            | "CD"
            | "IN"
            | "TO"
            | "VBG"
    );
    if is_participle_of_noun(view, index) {
        return true;
    }
    noun_phrase_tag && !view.is_any_word(index, &["that", "because", "after", "before", "while", "as", "if"])
}

/// "Kurdish militias, Islamic State group jihadists and forces loyal to Assad": phrases joined
/// only by commas and conjunctions are one list.
fn coordinated<'p>(view: &SentenceView, candidates: &[&'p ActorPhrase], start: usize) -> Vec<&'p ActorPhrase> {
    let mut list = vec![candidates[start]];
    for next in &candidates[start + 1..] {
        let previous = list.last().unwrap();
        let joined = (previous.end_token..next.first_token)
            .all(|token| view.is_any_word(token, &[",", "and", "or", "as", "well", "both"]));
        if !joined || previous.end_token == next.first_token {
            break;
        }
        list.push(next);
    }
    list
}

fn follows_common_noun(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    phrase.first_token >= 2 && matches!(view.tag(phrase.first_token - 2), "NN" | "NNS")
}

/// "dozens of", "hundreds of", "two of", "several of": a quantity before the "of" that
/// introduces the phrase.
fn follows_quantity(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    const QUANTITIES: &[&str] = &[
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "tens",
        "millions",
        "some",
        "many",
        "several",
        "most",
        "all",
        "number",
        "group",
        "groups",
        "handful",
        "bunch",
        "band",
        "crowd",
        "crowds",
    ];
    let Some(quantity) = phrase.first_token.checked_sub(2) else { return false };
    view.tag(quantity) == "CD" || view.is_any_word(quantity, QUANTITIES)
}

fn follows_conjunction(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    let mut before = phrase.first_token;
    while before > 0 && view.tag(before - 1) == "DT" {
        before -= 1;
    }
    before > 0 && view.is_any_word(before - 1, &["and", "or", ","])
}

fn preposition_before(view: &SentenceView, phrase: &ActorPhrase) -> Option<String> {
    let index = phrase.first_token.checked_sub(1)?;
    let is_preposition = matches!(view.tag(index), "IN" | "TO") && !is_quantity_preposition(view, index);
    is_preposition.then(|| view.word(index).to_lowercase())
}

/// Where the verb's own clause ends: at a clause break, a relative pronoun, a dash, or a
/// new verb after a comma or conjunction ("..., targeting X" starts a new predicate).
pub fn clause_end(view: &SentenceView, from: usize) -> usize {
    let mut index = from;
    while index < view.len() {
        if is_clause_break(view, index) || is_dash(view, index) || is_relative_pronoun(view, index) {
            return index;
        }
        let starts_new_predicate = view.is_any_word(index, &[",", "and", "but", "while"])
            && index + 1 < view.len()
            && view.tag(index + 1).starts_with("VB");
        if starts_new_predicate {
            return index;
        }
        // "the roads leading into Mordor": a participle right after a common noun modifies it.
        let modifies_noun = (view.tag(index) == "VBG" && index > 0 && matches!(view.tag(index - 1), "NN" | "NNS"))
            || is_participle_of_noun(view, index);
        if view.tag(index).starts_with("VB") && index > from && !is_participle_in_phrase(view, index) && !modifies_noun
        {
            return index;
        }
        index += 1;
    }
    view.len()
}

fn is_participle_in_phrase(view: &SentenceView, index: usize) -> bool {
    matches!(view.tag(index), "VBN" | "VBG")
        && index + 1 < view.len()
        && matches!(view.tag(index + 1), "NN" | "NNS" | "JJ")
}

/// Where the verb's clause begins, for the pattern matcher's "before the verb" words.
pub fn clause_start(view: &SentenceView, verb: usize) -> usize {
    (0..verb)
        .rev()
        .find(|&index| is_clause_break(view, index) || is_relative_pronoun(view, index) || is_dash(view, index))
        .map_or(0, |index| index + 1)
}

/// Where the content of the verb group ending at `group_end` begins: "threatened (Monday) to
/// cut", "demanded (on Friday) that the US cancel", "accused the United States of violating",
/// "urged Iran to release". The marker ("to" before a base verb, the complementiser "that",
/// "of" before a gerund) must come within a few words, with no other verb before it. Returns
/// the marker's index.
pub fn complement_start(view: &SentenceView, group_end: usize) -> Option<usize> {
    const REACH: usize = 7;
    let last = (group_end + REACH).min(view.len());
    for index in group_end..last {
        let next_tag = if index + 1 < view.len() { view.tag(index + 1) } else { "" };
        let opens_infinitive = view.is_word(index, "to") && next_tag == "VB";
        let opens_that_clause = is_complementiser(view, index);
        let opens_gerund = view.is_word(index, "of") && next_tag == "VBG" && index > group_end;
        if opens_infinitive || opens_that_clause || opens_gerund {
            return Some(index);
        }
        if view.tag(index).starts_with("VB") || view.tag(index) == "MD" || is_clause_break(view, index) {
            return None;
        }
    }
    None
}

/// "that" opening a clause ("demanded on Friday that ..."), not a relative pronoun after a
/// noun ("the militias that control ..."): the tagger's IN, or any "that" no common noun
/// precedes (taggers often read "Friday that" as a determiner).
fn is_complementiser(view: &SentenceView, index: usize) -> bool {
    view.is_word(index, "that")
        && (view.tag(index) == "IN" || (index > 0 && !matches!(view.tag(index - 1), "NN" | "NNS")))
}

/// Where a complement opened at `start` ends: at a clause break, a dash, or a new finite
/// predicate joined by a comma or conjunction ("rejected the plan, and said ..."). Relative
/// clauses and conditions inside it ("if Hamas, which advocates ..., ran") belong to it.
pub fn complement_end(view: &SentenceView, start: usize) -> usize {
    let finite = |index: usize| index < view.len() && matches!(view.tag(index), "VBD" | "VBZ" | "VBP");
    for index in start + 1..view.len() {
        if is_clause_break(view, index) || is_dash(view, index) {
            return index;
        }
        let joins = view.is_any_word(index, &[",", "and", "but"]);
        let new_predicate = finite(index + 1)
            || (view.is_word(index + 1, "and") && finite(index + 2))
            || view.is_word(index + 1, "but");
        if joins && new_predicate {
            return index;
        }
    }
    view.len()
}

/// "threatened to cut off electricity to Nakhichevan": the verb of an infinitive complement
/// right after the group, whose targets stand for the group's own when it has none.
pub fn infinitive_complement(view: &SentenceView, group: &VerbGroup) -> Option<VerbGroup> {
    let marker = complement_start(view, group.end)?;
    if !view.is_word(marker, "to") {
        return None;
    }
    let verb = marker + 1;
    Some(verb_group(view, verb, verb, verb + 1))
}

/// "demanded that the United States cancel": the actor phrase that opens a that-clause right
/// after the group, as long as a verb or modal follows it (it is the clause's subject).
pub fn that_clause_subject<'p>(
    view: &SentenceView,
    phrases: &'p [ActorPhrase],
    group: &VerbGroup,
) -> Option<&'p ActorPhrase> {
    let marker = complement_start(view, group.end)?;
    if !view.is_word(marker, "that") {
        return None;
    }
    let phrase = phrases.iter().find(|phrase| phrase.first_token > marker && phrase.first_token <= marker + 2)?;
    let next = after_apposition(view, phrase.end_token);
    (next < view.len() && (view.tag(next).starts_with("VB") || view.tag(next) == "MD")).then_some(phrase)
}

/// The longest apposition skipped after a name: ", the country's main rival,".
const APPOSITION_REACH: usize = 8;

/// "Peru, the country's main rival, could ...": the token after an apposition that opens at
/// `index` (a noun phrase between two commas), or `index` itself when none opens there.
pub fn after_apposition(view: &SentenceView, index: usize) -> usize {
    if index >= view.len() || view.word(index) != "," {
        return index;
    }
    let last = (index + 1 + APPOSITION_REACH).min(view.len());
    for closing in index + 1..last {
        if view.word(closing) == "," {
            let is_noun_phrase = closing > index + 1
                && (index + 1..closing).all(|inner| {
                    matches!(
                        view.tag(inner),
                        "DT" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "POS" | "PRP$" | "CD"
                    )
                })
                && (index + 1..closing).any(|inner| view.tag(inner).starts_with("NN"));
            return if is_noun_phrase { closing + 1 } else { index };
        }
    }
    index
}

/// Whether the verb group heads the sentence's main clause: not after "to", not a participle
/// opening an adjunct (", killing"), not inside a relative clause or one opened by a
/// subordinating conjunction or the complementiser "that".
pub fn is_main_clause_verb(view: &SentenceView, group: &VerbGroup) -> bool {
    if group.first > 0 && view.is_word(group.first - 1, "to") {
        return false;
    }
    if view.tag(group.verb) == "VBG" && group.first > 0 && view.word(group.first - 1) == "," {
        return false;
    }
    let start = clause_start(view, group.first);
    if start > 0 && is_relative_pronoun(view, start - 1) {
        return false;
    }
    !(start..group.first).any(|index| {
        view.is_any_word(index, SUBORDINATORS) || is_complementiser(view, index) || is_relative_pronoun(view, index)
    })
}

/// Where a pattern's role slots move a role off its usual place (PETRARCH's `+` and `$`): a
/// target slot before the verb makes the subject the one acted upon ("+ * MONEY $": "Peru
/// received money from Chile" is Chile giving to Peru), and a source slot after the verb puts
/// the actor in the object ("... $": the first party named from the slot on). A target slot
/// after the verb names the recipient ("* THEIR ^ ABOUT +": "warned their citizens about
/// Iran" is aimed at Iran, not at the citizens). A slot after `^` steps takes the party after
/// the noun phrases they skip ("* IFTAR IN ^ +": "celebrated Iftar in Cairo with the leaders
/// of Jordan" is aimed at Jordan, not Cairo). Returns (actors,
/// recipients), or `None` when no slot moves a role, so the usual subject and targets stand.
pub fn slot_roles<'p>(
    view: &SentenceView,
    phrases: &'p [ActorPhrase],
    group: &VerbGroup,
    pattern: &PatternHit,
    subject: &[&'p ActorPhrase],
    targets: &[&'p ActorPhrase],
) -> Option<(Vec<&'p ActorPhrase>, Vec<&'p ActorPhrase>)> {
    let target_before_verb = pattern.target_index.is_some_and(|slot| slot < group.first);
    let source_after_verb = pattern.source_index.filter(|&slot| slot >= group.end);
    let skipped_target = match (pattern.target_index, pattern.target_skip) {
        (Some(slot), Some(skip)) if slot >= group.end => parties_from(view, phrases, group, skip.from, skip.count),
        (Some(slot), None) if slot >= group.end => parties_from(view, phrases, group, slot, 0),
        _ => None,
    };
    if !target_before_verb && source_after_verb.is_none() && skipped_target.is_none() {
        return None;
    }
    let actors = match (source_after_verb, pattern.source_skip) {
        (Some(_), Some(skip)) => parties_from(view, phrases, group, skip.from, skip.count)?,
        (Some(slot), None) => parties_from(view, phrases, group, slot, 0)?,
        (None, _) if target_before_verb => {
            speaker_before_target(view, phrases, pattern).unwrap_or_else(|| subject.to_vec())
        }
        (None, _) => subject.to_vec(),
    };
    let recipients = match skipped_target {
        _ if target_before_verb => subject.to_vec(),
        Some(skipped) => skipped,
        None => targets.to_vec(),
    };
    let recipients =
        recipients.into_iter().filter(|phrase| !actors.iter().any(|actor| std::ptr::eq(*actor, *phrase))).collect();
    Some((actors, recipients))
}

/// "Gondor's minister noted that Mordor regretted ...", pattern `NOTED + *`: when the
/// pattern's words before the target slot include a verb of their own, the verb's subject is
/// the one acted upon and the actor is the subject of that earlier verb.
fn speaker_before_target<'p>(
    view: &SentenceView,
    phrases: &'p [ActorPhrase],
    pattern: &PatternHit,
) -> Option<Vec<&'p ActorPhrase>> {
    let target = pattern.target_index?;
    let verb = pattern.matched.iter().copied().find(|&index| index < target && view.tag(index).starts_with("VB"))?;
    let subjects = find_subjects(view, phrases, &verb_group(view, verb, verb, verb + 1));
    (!subjects.is_empty()).then_some(subjects)
}

/// The first party of the verb's clause from token `from` on, past the first `skip` noun
/// phrases, with those coordinated with it; `None` when there is none. PETRARCH's `^` skips
/// a noun phrase whether or not it names a party ("Tabaski with Rohan next week at Isengard":
/// Rohan, then "next week"), and the phrases of a party joined by "of" count one each ("the
/// parliament of Gondor" is two), as in the parse trees its patterns were written against.
fn parties_from<'p>(
    view: &SentenceView,
    phrases: &'p [ActorPhrase],
    group: &VerbGroup,
    from: usize,
    skip: usize,
) -> Option<Vec<&'p ActorPhrase>> {
    let stop = clause_end(view, group.end);
    let from = nth_noun_phrase_start(view, from, skip, stop)?;
    let candidates: Vec<&ActorPhrase> =
        phrases.iter().filter(|phrase| phrase.end_token > from && phrase.first_token < stop).collect();
    (!candidates.is_empty()).then(|| coordinated(view, &candidates, 0))
}

/// Where the noun phrase after the first `skip` noun phrases from token `from` begins
/// (`from` itself when `skip` is 0); phrases are runs of determiners, adjectives, numbers and
/// nouns, read before `stop`.
fn nth_noun_phrase_start(view: &SentenceView, from: usize, skip: usize, stop: usize) -> Option<usize> {
    if skip == 0 {
        return Some(from);
    }
    let is_nominal = |index: usize| {
        matches!(
            view.tag(index),
            "DT" | "PDT" | "PRP$" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS"
        )
    };
    let mut seen = 0;
    for index in from..stop.min(view.len()) {
        let starts_phrase = is_nominal(index) && (index == from || !is_nominal(index - 1));
        if starts_phrase {
            if seen == skip {
                return Some(index);
            }
            seen += 1;
        }
    }
    None
}

/// Time measures that put an adjunct's event back in time: "five years after", "a month before".
const TIME_MEASURES: &[&str] =
    &["years", "months", "weeks", "decades", "days", "year", "month", "week", "decade", "day"];

/// The background adjunct of the clause whose verb group ends at `group_end`: "restored ties
/// five years after crowds burned its embassy". From "after" or "before" following a time
/// measure to the next comma, clause break or dash. What happens there lies a measured time
/// away from the main event, told as known background to date it, not reported as news: the
/// adjunct's own verbs code no events. A plain "after" ("seized power after detaining the
/// leader") is left alone, since it usually tells the news itself. The conjunction must come
/// in the verb's own clause, before any other finite verb.
pub fn time_adjunct(view: &SentenceView, group_end: usize) -> Option<std::ops::Range<usize>> {
    let mut index = group_end;
    while index < view.len() {
        if is_clause_break(view, index)
            || is_dash(view, index)
            || matches!(view.tag(index), "VBD" | "VBZ" | "VBP" | "MD")
        {
            return None;
        }
        let measured = index > group_end && view.is_any_word(index - 1, TIME_MEASURES);
        if view.is_any_word(index, &["after", "before"]) && measured {
            let end = (index + 1..view.len())
                .find(|&inner| view.word(inner) == "," || is_clause_break(view, inner) || is_dash(view, inner))
                .unwrap_or(view.len());
            let has_verb = (index + 1..end).any(|inner| view.tag(inner).starts_with("VB"));
            return has_verb.then_some(index..end);
        }
        index += 1;
    }
    None
}

/// Where the patterns of a verb form ending at `verb_end` may look: its own clause and, when a
/// that-clause complement follows, the complement too ("conceded that Peru is not a really
/// safe place"), or when an infinitive follows, that infinitive's own clause ("vowed on
/// Thursday to wage war": `VOW * WAR`). The dictionaries' patterns are written against the
/// whole verb phrase, the complement included; targets are still sought in the verb's own
/// clause.
pub fn pattern_region_end(view: &SentenceView, verb_end: usize) -> usize {
    let end = clause_end(view, verb_end);
    match complement_start(view, verb_end) {
        Some(marker) if marker <= end && view.is_word(marker, "that") => complement_end(view, marker).max(end),
        Some(marker)
            if marker <= end && view.is_word(marker, "to") && only_adverbials_between(view, verb_end, marker) =>
        {
            clause_end(view, marker + 2).max(end)
        }
        _ => end,
    }
}

/// Nothing but adverbs, prepositions, numbers and time words ("on Thursday", "again") stands
/// in `[from, to)`: no object the infinitive could belong to instead of the verb ("issued an
/// ultimatum to Ecuador to halt attacks": the ultimatum's content, not the verb's).
fn only_adverbials_between(view: &SentenceView, from: usize, to: usize) -> bool {
    const TIME_WORDS: &[&str] = &["today", "yesterday", "tonight", "week", "month", "year", "weekend", "morning"];
    (from..to).all(|index| {
        matches!(view.tag(index), "IN" | "RB" | "RBR" | "CD" | "DT" | ",")
            || view.is_any_word(index, TIME_WORDS)
            || dyad_time::is_month_or_weekday_name(view.word(index))
    })
}

#[cfg(test)]
#[path = "clause_tests.rs"]
mod tests;
