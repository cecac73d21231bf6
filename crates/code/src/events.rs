//! From one verb to one event record: pattern, actor, recipients, place, date, modality.

use crate::clause::{
    Targets, VerbGroup, clause_end, clause_start, complement_end, complement_start, content_verbs, find_subjects,
    find_targets, infinitive_complement, is_main_clause_verb, that_clause_subject, verb_group,
};
use crate::confidence::{EventEvidence, confidence};
use crate::dating::SentenceTimes;
use crate::modality::{is_framing_verb, is_refusal, mark_historical_if_past, modality_of};
use dyad_actors::{ActorPhrase, Discourse, PhraseKind, SentenceView, find_actor_phrases_in};
use dyad_document::{PartialDate, Span};
use dyad_kb::{KnowledgeBase, Mention};
use dyad_record::{DateSource, Entity, EventRecord, Modality, Place};
use dyad_verbs::{Cameo, PatternHit, VerbDictionary, WordView, cameo};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// Everything the coder knows about the sentence it is coding.
pub struct SentenceContext<'a> {
    pub view: &'a SentenceView<'a>,
    pub kb: &'a KnowledgeBase,
    pub verbs: &'a VerbDictionary,
    pub phrases: &'a [ActorPhrase],
    pub times: &'a SentenceTimes,
    pub anchor: PartialDate,
    /// The discourse as it stood before this sentence, to resolve it again on another date.
    pub discourse_before: &'a Discourse,
    /// Keep events whose code has no PLOVER type (validation suites only).
    pub keep_unmapped_codes: bool,
    /// The sentence's knowledge-base mentions, found once.
    pub mentions: &'a [Mention],
    pub doc_id: &'a str,
}

/// One event of a sentence with what the coder knew about it, and where its verb group ends
/// (where a complement after it would begin).
pub struct CodedEvent {
    pub record: EventRecord,
    pub evidence: EventEvidence,
    verb: usize,
    group_end: usize,
    /// A demand read from "X said Y must ...": everything after the verb is its content.
    reported_demand: bool,
}

pub fn code_sentence(context: &SentenceContext) -> Vec<CodedEvent> {
    let view = context.view;
    let words: Vec<WordView> =
        (0..view.len()).map(|index| WordView { text: view.word(index), tag: view.tag(index) }).collect();
    let upper_words: Vec<String> = words.iter().map(|word| word.text.to_uppercase()).collect();
    let mut events = Vec::new();
    for verb in content_verbs(view) {
        if is_framing_verb(view, verb) {
            continue;
        }
        if let Some(demand) = obligation_demand(context, verb) {
            events.push(demand);
            continue;
        }
        let Some(hit) = context.verbs.verb_at(&words, verb) else {
            continue;
        };
        // A multi-word form is met once, at its head.
        if hit.head != verb {
            continue;
        }
        let start = clause_start(view, hit.start);
        let end = clause_end(view, hit.end());
        let Some(pattern) = context.verbs.best_pattern_in(&hit, &words, &upper_words, start, end) else {
            continue;
        };
        // CAMEO codes PLOVER has no event type for (statements) are not events, unless the
        // caller runs a validation suite whose own test codes must come through.
        let unmapped;
        let cameo = match cameo(&pattern.cameo).filter(|cameo| cameo.plover_event.is_some()) {
            Some(cameo) => cameo,
            None if context.keep_unmapped_codes => {
                unmapped = unmapped_code(&pattern.cameo);
                &unmapped
            }
            None => continue,
        };
        let group = verb_group(view, hit.start, hit.head, hit.end());
        let Some(event) = build_event(context, &group, &pattern, cameo) else {
            continue;
        };
        let answer = reciprocal_event(context, &group, &pattern, &event);
        events.push(event);
        events.extend(answer);
    }
    drop_complement_events(view, &mut events);
    let count = events.len();
    let first_verb = events.iter().map(|event| event.verb).min();
    for event in &mut events {
        event.evidence.events_in_sentence = count;
        event.evidence.first_in_sentence = Some(event.verb) == first_verb;
        event.record.confidence = confidence(&event.evidence);
    }
    events
}

/// A `[active:passive]` pattern ("042:043": the source visits, the target hosts) codes a
/// second event running the other way: the target's act towards the source, with the code
/// after the colon. It exists only when the first event has a recipient (an event with
/// several actors and none already stands for every pair of them), and only when the second
/// code is one the coder emits. In PLOVER one record stands for a mutual act (a visit is one
/// CONSULT, a clash one ASSAULT), so the second event is kept only when its PLOVER type says
/// something the first does not, or when the caller runs a CAMEO validation suite
/// (`keep_unmapped_codes`), which scores PETRARCH's paired codes as two events. Its id is its
/// own: the same verb carries both events.
fn reciprocal_event(
    context: &SentenceContext,
    group: &VerbGroup,
    pattern: &PatternHit,
    first: &CodedEvent,
) -> Option<CodedEvent> {
    let code = pattern.reciprocal_cameo.as_deref()?;
    if first.record.recipient.is_empty() {
        return None;
    }
    let unmapped;
    let cameo = match cameo(code).filter(|cameo| cameo.plover_event.is_some()) {
        Some(cameo) => cameo,
        None if context.keep_unmapped_codes => {
            unmapped = unmapped_code(code);
            &unmapped
        }
        None => return None,
    };
    let first_type = dyad_verbs::cameo(&pattern.cameo).and_then(|first| first.plover_event.as_deref());
    if !context.keep_unmapped_codes && cameo.plover_event.as_deref() == first_type {
        return None;
    }
    // A first event read again (a refusal made a rejection, a meeting made a visit) has no
    // counterpart the pattern names.
    if first.record.cameo.as_deref() != Some(pattern.cameo.as_str()) {
        return None;
    }
    // The parties are the first event's, swapped: wherever its recipient came from (the object,
    // a "with" phrase, the country it happened in), that party does the act back.
    let mut record = first.record.clone();
    std::mem::swap(&mut record.actor, &mut record.recipient);
    record.event = cameo.plover_event.clone()?;
    if is_future_cooperation(&record.event, record.modality) {
        record.event = "AGREE".into();
        record.mode = None;
    } else {
        record.mode = cameo.plover_mode.clone();
    }
    record.context = cameo.plover_context.clone();
    record.cameo = Some(cameo.code.clone());
    record.goldstein = cameo.goldstein;
    record.quad_class = cameo.quad_class;
    let verb_span = context.view.range_span(group.verb, group.end);
    let marked_type = format!("{}:reciprocal", record.event);
    record.id = event_id(context.doc_id, context.view.sentence.span, verb_span, &marked_type);
    let has_code = |list: &[Entity]| list.iter().any(|entity| entity.code.is_some() || entity.sector.is_some());
    let evidence = EventEvidence {
        event_id: record.id.clone(),
        actor_has_country: record.actor.iter().any(|entity| entity.code.is_some()),
        recipient_coded: has_code(&record.recipient),
        recipient_missing: record.recipient.is_empty(),
        ..first.evidence.clone()
    };
    Some(CodedEvent { record, evidence, verb: first.verb, group_end: first.group_end, reported_demand: false })
}

/// "Israel threatened to ban voting", "China demanded that the US cancel plans to sell arms
/// to Taiwan", "accused the United States of violating": what a threat, demand, offer,
/// refusal or accusation is about has not happened; it is the content of the one event, not
/// an event of its own. Events whose verb lies in the complement of another event's verb are
/// dropped.
fn drop_complement_events(view: &SentenceView, events: &mut Vec<CodedEvent>) {
    let contents: Vec<std::ops::Range<usize>> = events
        .iter()
        .filter_map(|event| {
            let start = if event.reported_demand { event.verb + 1 } else { complement_start(view, event.group_end)? };
            Some(start..complement_end(view, start))
        })
        .collect();
    events.retain(|event| !contents.iter().any(|content| content.contains(&event.verb)));
}

/// Verbs that report what someone said or concluded.
const STATEMENT_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "declare",
    "declares",
    "declared",
    "announce",
    "announces",
    "announced",
    "insist",
    "insists",
    "insisted",
    "conclude",
    "concludes",
    "concluded",
    "state",
    "states",
    "stated",
    "warn",
    "warns",
    "warned",
];
/// Modals of obligation: "X must allow", "Y should withdraw".
const OBLIGATION_MODALS: &[&str] = &["must", "should"];

/// "The Red Cross said US forces must ensure security", "Washington declared that China
/// must drop barriers": a statement that another actor must act is a demand on that actor
/// (PLOVER REQUEST, CAMEO 100), from the one who says it. The obliged verb itself is left as
/// the hypothetical event it is.
fn obligation_demand(context: &SentenceContext, verb: usize) -> Option<CodedEvent> {
    let view = context.view;
    if !view.is_any_word(verb, STATEMENT_VERBS) {
        return None;
    }
    // The obliged actors open the reported clause ("said on Tuesday that China ...", "said US
    // and British forces ...") and the modal follows them directly.
    let within_reach = |phrase: &&ActorPhrase| phrase.first_token > verb && phrase.first_token <= verb + 6;
    let first = context.phrases.iter().find(within_reach)?;
    let opens_clause = (verb + 1..first.first_token)
        .all(|index| view.is_word(index, "that") || matches!(view.tag(index), "IN" | "NNP" | "CD" | "DT" | "NN"));
    let mut obliged = vec![first];
    for phrase in context.phrases.iter().filter(|phrase| phrase.first_token >= first.end_token) {
        let last = obliged[obliged.len() - 1];
        let joined = (last.end_token..phrase.first_token).all(|index| view.is_any_word(index, &["and", ","]));
        if !joined || last.end_token == phrase.first_token {
            break;
        }
        obliged.push(phrase);
    }
    let modal = obliged[obliged.len() - 1].end_token;
    if !opens_clause || modal >= view.len() || !view.is_any_word(modal, OBLIGATION_MODALS) {
        return None;
    }
    let pattern = PatternHit {
        cameo: "100".into(),
        reversed: false,
        reciprocal_cameo: None,
        matched: vec![verb],
        specificity: 1,
        target_preposition: None,
        target_index: Some(first.first_token),
        source_index: None,
        origin: None,
    };
    let group = verb_group(view, verb, verb, verb + 1);
    let mut demand = build_event(context, &group, &pattern, cameo("100")?)?;
    // The obliged are the recipients, wherever the clause-based target search stopped.
    let recipient = entities(&obliged);
    demand.record.recipient = recipient
        .into_iter()
        .filter(|entity| !demand.record.actor.iter().any(|actor| same_actor(actor, entity)))
        .collect();
    demand.evidence.recipient_missing = demand.record.recipient.is_empty();
    demand.evidence.recipient_coded =
        demand.record.recipient.iter().any(|entity| entity.code.is_some() || entity.sector.is_some());
    demand.reported_demand = true;
    Some(demand)
}

/// For a participle opening an adjunct (", targeting X"), the content verb it depends on.
fn participle_governor(view: &SentenceView, group: &VerbGroup) -> Option<usize> {
    if view.tag(group.verb) != "VBG" || group.first == 0 || view.word(group.first - 1) != "," {
        return None;
    }
    content_verbs(view).into_iter().rev().find(|&verb| verb < group.first)
}

struct EventDate {
    date: PartialDate,
    source: DateSource,
    text: Option<String>,
}

fn event_date(context: &SentenceContext, group: &VerbGroup) -> EventDate {
    let view = context.view;
    // ", targeting X" continues the verb before it and shares its date.
    let governing = participle_governor(view, group);
    let own = context
        .times
        .for_verb(view, group.verb)
        .or_else(|| governing.and_then(|verb| context.times.for_verb(view, verb)));
    let is_past = matches!(view.tag(group.verb), "VBD" | "VBN");
    let background = if is_past { context.times.background_date(context.anchor) } else { None };
    // A report cannot tell of an event after its own publication unless the event is still
    // to come ("will visit next week", "plans to visit"): a later date in any other sentence is
    // page furniture (a timestamp line), and the event keeps the publication date.
    let may_lie_ahead = group.modal.is_some() || (group.first > 0 && view.is_word(group.first - 1, "to"));
    // Plans in news look months ahead, not years: a "will" sentence holding a date years
    // after publication has picked up a page timestamp.
    let near_enough = |date: &PartialDate| date.year <= context.anchor.year + 1;
    let own = own.filter(|(_, date)| !context.anchor.is_before(date) || (may_lie_ahead && near_enough(date)));
    match own.or(background) {
        Some((expression, date)) => {
            EventDate { date, source: DateSource::Text, text: Some(view.text(expression.span).to_string()) }
        }
        None => EventDate { date: context.anchor, source: DateSource::Publication, text: None },
    }
}

/// A code outside the CAMEO table (a validation suite's test code): kept as it is, with no
/// PLOVER type, Goldstein score or quad class.
fn unmapped_code(code: &str) -> Cameo {
    Cameo {
        code: code.to_string(),
        label: String::new(),
        plover_event: Some(String::new()),
        plover_mode: None,
        plover_context: Vec::new(),
        goldstein: None,
        goldstein_code: None,
        quad_class: 0,
    }
}

fn build_event(
    context: &SentenceContext,
    group: &VerbGroup,
    pattern: &PatternHit,
    cameo: &Cameo,
) -> Option<CodedEvent> {
    let view = context.view;
    let date = event_date(context, group);
    // Roles change: an event dated in 2015 is coded with the roles people held in 2015.
    let redated_phrases;
    let phrases = if date.date != context.anchor {
        redated_phrases =
            find_actor_phrases_in(view, context.kb, context.mentions, date.date, &mut context.discourse_before.clone());
        &redated_phrases[..]
    } else {
        context.phrases
    };
    let subject = find_subjects(view, phrases, group);
    let targets = find_targets_or_complement_targets(view, phrases, group, pattern);
    // A passive sentence, or a pattern whose code runs from target to source ("appeared
    // before the court"), puts the one acted upon first.
    let (actor_phrases, recipient_phrases) = match (group.passive, pattern.reversed) {
        (false, false) => (subject, targets.phrases.clone()),
        (true, false) => (targets.by_agent.clone(), subject),
        (false, true) => (targets.phrases.clone(), subject),
        (true, true) => (subject, targets.by_agent.clone()),
    };
    let evidence = EventEvidence {
        main_clause: is_main_clause_verb(view, group),
        actor_adjacent: is_actor_adjacent(group, &actor_phrases),
        actor_unknown: actor_phrases.iter().any(|phrase| phrase.kind == PhraseKind::Unknown),
        actor_opens_sentence: actor_phrases.first().is_some_and(|phrase| phrase.first_token <= 3),
        recipient_direct: !recipient_phrases.is_empty() && (group.passive || targets.preposition.is_none()),
        pattern_specific: pattern.specificity > 0,
        sentence_words: view.len(),
        ..EventEvidence::default()
    };
    let actor = entities(&actor_phrases);
    let mut recipient = entities(&recipient_phrases);
    recipient.retain(|entity| !actor.iter().any(|acting| same_actor(acting, entity)));
    let has_code = |list: &[Entity]| list.iter().any(|entity| entity.code.is_some() || entity.sector.is_some());
    if actor.is_empty() || !(has_code(&actor) || has_code(&recipient)) {
        return None;
    }
    // Political event data: a company launching a phone is not an event, so at least one
    // party must be other than a business.
    if !actor.iter().chain(&recipient).any(is_political) {
        return None;
    }
    let location = event_location(view, phrases, group);
    let mut modality = modality_of(view, group);
    let cameo = match refused_cooperation(cameo, view, group) {
        Some(rejection) => {
            modality = Modality::Asserted;
            rejection
        }
        None => cameo,
    };
    let (cameo, mut mode) = refine_meeting_mode(cameo, &actor, &recipient, location.as_ref());
    let verb_span = event_text_span(view, group, &targets);
    let mut event_type = cameo.plover_event.clone()?;
    if is_future_cooperation(&event_type, modality) {
        event_type = "AGREE".into();
        mode = None;
    }
    if event_type != "CONSULT" {
        place_recipients(&mut recipient, &actor, located_country(view, phrases, group));
    }
    let mut record = EventRecord {
        id: event_id(context.doc_id, view.sentence.span, verb_span, &event_type),
        event: event_type,
        mode,
        context: cameo.plover_context.clone(),
        cameo: Some(cameo.code.clone()),
        goldstein: cameo.goldstein,
        quad_class: cameo.quad_class,
        // Set once the sentence's events are known (their number is evidence).
        confidence: 0.0,
        actor,
        recipient,
        date: date.date,
        date_source: date.source,
        date_text: date.text,
        modality,
        location,
        event_text: view.text(verb_span).to_string(),
        doc_id: context.doc_id.to_string(),
        sentence: view.sentence.index,
        span: view.sentence.span,
        story_id: None,
    };
    mark_historical_if_past(&mut record, context.anchor);
    let evidence = EventEvidence {
        event_id: record.id.clone(),
        actor_has_country: record.actor.iter().any(|entity| entity.code.is_some()),
        recipient_coded: record.recipient.iter().any(|entity| entity.code.is_some() || entity.sector.is_some()),
        recipient_missing: record.recipient.is_empty(),
        asserted: matches!(record.modality, Modality::Asserted | Modality::Historical),
        ..evidence
    };
    Some(CodedEvent { record, evidence, verb: group.verb, group_end: group.end, reported_demand: false })
}

/// What happens in a country happens to it: recipients of no country named by a sector
/// ("arrested protesters in Ankara", "shelled rebels in Idlib") are of the country where the
/// event took place, and an act with no recipient at all ("lifted the curfew in Montenegro",
/// "deployed troops in Iraq") is aimed at that country. Meetings are left alone: where
/// leaders meet is a venue, not a party.
fn place_recipients(recipient: &mut Vec<Entity>, actor: &[Entity], country: Option<Entity>) {
    let Some(country) = country else { return };
    let Some(code) = country.code.clone() else { return };
    if recipient.is_empty() {
        if !actor.iter().any(|acting| same_actor(acting, &country)) {
            recipient.push(country);
        }
        return;
    }
    for entity in recipient.iter_mut().filter(|entity| entity.code.is_none() && entity.sector.is_some()) {
        entity.code = Some(code.clone());
    }
}

/// The country where the event took place: the phrase after "in", "at", "near" or "inside"
/// closest to the verb that names a country or a place in one, as an entity of that country
/// with no sector (the place's people, not its government).
fn located_country(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<Entity> {
    phrases
        .iter()
        .filter(|phrase| {
            phrase.first_token > 0 && view.is_any_word(phrase.first_token - 1, &["in", "at", "near", "inside"])
        })
        .filter_map(|phrase| {
            let code = match phrase.kind {
                PhraseKind::Country => phrase.entity.code.clone(),
                _ => phrase.place.as_ref().and_then(|place| place.country.clone()),
            }?;
            Some((phrase, code))
        })
        .min_by_key(|(phrase, _)| phrase.first_token.abs_diff(group.verb))
        .map(|(phrase, code)| Entity { code: Some(code), sector: None, ..phrase.entity.clone() })
}

/// The verb's targets; when it has none and an infinitive complement follows, the targets of
/// that infinitive ("threatened to cut off electricity to Nakhichevan"), and failing that the
/// subject of a that-clause after it ("demanded that the United States cancel ...").
fn find_targets_or_complement_targets<'p>(
    view: &SentenceView,
    phrases: &'p [ActorPhrase],
    group: &VerbGroup,
    pattern: &PatternHit,
) -> Targets<'p> {
    let own = find_targets(view, phrases, group, pattern.target_preposition.as_deref());
    if !own.phrases.is_empty() || group.passive {
        return own;
    }
    if let Some(complement) = infinitive_complement(view, group) {
        let borrowed = find_targets(view, phrases, &complement, None);
        if !borrowed.phrases.is_empty() {
            return Targets { by_agent: own.by_agent, ..borrowed };
        }
    }
    match that_clause_subject(view, phrases, group) {
        Some(subject) => Targets { phrases: vec![subject], preposition: None, by_agent: own.by_agent },
        None => own,
    }
}

/// The actor is the verb's own subject, ending at most two words before the verb group, or
/// the passive's agent right after it.
fn is_actor_adjacent(group: &VerbGroup, actors: &[&ActorPhrase]) -> bool {
    actors.iter().any(|phrase| {
        let before = phrase.end_token <= group.first && group.first - phrase.end_token <= 2;
        let agent_after = group.passive && phrase.first_token >= group.end && phrase.first_token <= group.end + 2;
        before || agent_after
    })
}

/// The entities of a list of phrases; "the two leaders" stands for both people, and a city
/// acting or acted on stands for its country's government ("Ankara", "Damascus").
fn entities(phrases: &[&ActorPhrase]) -> Vec<Entity> {
    let mut list = Vec::new();
    for phrase in phrases {
        if !phrase.group_members.is_empty() {
            for member in &phrase.group_members {
                list.push(Entity { text: phrase.entity.text.clone(), span: phrase.entity.span, ..member.clone() });
            }
            continue;
        }
        // A city is where something happened, not who did it.
        if phrase.kind == PhraseKind::City {
            continue;
        }
        let mut entity = phrase.entity.clone();
        if phrase.kind == PhraseKind::Place {
            entity.code = entity.code.or_else(|| phrase.place.as_ref().and_then(|place| place.country.clone()));
            entity.sector.get_or_insert_with(|| "GOV".to_string());
        }
        list.push(entity);
    }
    list
}

/// A party with a country or a sector other than business (companies: BUS; multinationals:
/// MNC).
fn is_political(entity: &Entity) -> bool {
    let business = |code: Option<&str>| matches!(code, Some("BUS") | Some("MNC"));
    let political_code = entity.code.is_some() && !business(entity.code.as_deref());
    let political_sector = entity.sector.is_some() && !business(entity.sector.as_deref());
    (political_code || political_sector) && !business(entity.sector.as_deref())
}

fn same_actor(left: &Entity, right: &Entity) -> bool {
    left.span == right.span || (left.name.is_some() && left.name == right.name)
}

/// Where it happened: the place after "in", "at" or "near" closest to the verb.
fn event_location(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<Place> {
    phrases
        .iter()
        .filter(|phrase| phrase.place.is_some())
        .filter(|phrase| {
            phrase.first_token > 0 && view.is_any_word(phrase.first_token - 1, &["in", "at", "near", "outside"])
        })
        .min_by_key(|phrase| phrase.first_token.abs_diff(group.verb))
        .and_then(|phrase| {
            phrase.place.clone().map(|place| Place {
                text: phrase.entity.text.clone(),
                span: phrase.entity.span,
                ..place
            })
        })
}

/// "refused to deploy peacekeepers", "will not accept more refugees": refusing cooperation
/// is itself an event, PLOVER's REJECT ("all rejections and refusals"), with the CAMEO 12x
/// code for what was refused; it happened, so the caller makes it asserted.
fn refused_cooperation(cameo: &Cameo, view: &SentenceView, group: &VerbGroup) -> Option<&'static Cameo> {
    if !is_refusal(view, group) {
        return None;
    }
    let rejection_code = match cameo.plover_event.as_deref()? {
        "AID" | "COOPERATE" => "121",
        "CONSULT" => "125",
        "CONCEDE" | "RETREAT" => "124",
        "AGREE" | "SUPPORT" => "120",
        _ => return None,
    };
    dyad_verbs::cameo(rejection_code)
}

/// PLOVER codes cooperation still to come ("will meet", "will provide aid", "plans to sign")
/// as AGREE, an expression of intent, rather than as the act. CAMEO codes the act itself
/// ("are about to restore ties" is 064), so the record keeps the CAMEO code, its Goldstein
/// score and `future` modality, and only the PLOVER type (and its mode) says AGREE.
fn is_future_cooperation(event_type: &str, modality: Modality) -> bool {
    modality == Modality::Future && matches!(event_type, "CONSULT" | "SUPPORT" | "COOPERATE" | "AID")
}

/// A meeting held in one party's country is a visit: the host's country decides whether
/// the actor hosted (043) or made (042) the visit; elsewhere it is a third-location meeting.
fn refine_meeting_mode<'c>(
    cameo: &'c Cameo,
    actor: &[Entity],
    recipient: &[Entity],
    location: Option<&Place>,
) -> (&'c Cameo, Option<String>) {
    let unchanged = (cameo, cameo.plover_mode.clone());
    let is_plain_meeting = cameo.code == "040" || cameo.code == "036";
    let Some(country) = location.and_then(|place| place.country.as_deref()) else {
        return unchanged;
    };
    if !is_plain_meeting || recipient.is_empty() {
        return unchanged;
    }
    let has_country = |list: &[Entity]| list.iter().any(|entity| entity.code.as_deref() == Some(country));
    let refined_code = if has_country(actor) {
        "043"
    } else if has_country(recipient) {
        "042"
    } else {
        "044"
    };
    match dyad_verbs::cameo(refined_code).filter(|refined| refined.plover_event == cameo.plover_event) {
        Some(refined) => (refined, refined.plover_mode.clone()),
        None => unchanged,
    }
}

/// The words that carry the event: the verb form, plus the preposition right after it
/// when that preposition introduced the target ("met with").
fn event_text_span(view: &SentenceView, group: &VerbGroup, targets: &Targets) -> Span {
    let mut end = group.end;
    let preposition_follows = targets.preposition.is_some()
        && end < view.len()
        && targets.phrases.first().is_some_and(|first| first.first_token == end + 1);
    if preposition_follows {
        end += 1;
    }
    view.range_span(group.verb, end)
}

/// A stable id: the same document, sentence, verb and event type give the same id.
fn event_id(doc_id: &str, sentence: Span, verb: Span, event: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(doc_id.as_bytes());
    hasher.update(format!(":{}:{}:{}:{}:", sentence.start, sentence.end, verb.start, verb.end).as_bytes());
    hasher.update(event.as_bytes());
    let digest = hasher.finalize();
    let mut id = String::with_capacity(16);
    for byte in &digest[..8] {
        // Writing to a String cannot fail.
        let _ = write!(id, "{byte:02x}");
    }
    id
}

/// One event per act within a sentence: the same type by the same actor is one event
/// ("launched offensives ..., targeting X, Y and Z"), its recipients joined, first verb kept.
pub fn merge_same_sentence_acts(events: &mut Vec<EventRecord>) {
    let mut merged: Vec<EventRecord> = Vec::with_capacity(events.len());
    for event in events.drain(..) {
        if let Some(existing) = merged.iter_mut().find(|kept| is_same_sentence_act(kept, &event)) {
            for recipient in event.recipient {
                if !existing.recipient.iter().any(|known| same_actor(known, &recipient)) {
                    existing.recipient.push(recipient);
                }
            }
            existing.confidence = existing.confidence.max(event.confidence);
            if existing.date_source == DateSource::Publication && event.date_source == DateSource::Text {
                (existing.date, existing.date_source, existing.date_text) =
                    (event.date, event.date_source, event.date_text);
            }
            continue;
        }
        merged.push(event);
    }
    *events = merged;
}

/// One event per real act within a document: the same (type, actor, recipient, date) told
/// twice is kept once, at its first telling.
pub fn drop_retellings(events: &mut Vec<EventRecord>) {
    let mut kept: Vec<EventRecord> = Vec::with_capacity(events.len());
    for event in events.drain(..) {
        if !kept.iter().any(|earlier| is_retelling(earlier, &event)) {
            kept.push(event);
        }
    }
    *events = kept;
}

fn actor_key(entities: &[Entity]) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    let mut key: Vec<_> = entities
        .iter()
        .map(|entity| (entity.name.as_deref(), entity.code.as_deref(), entity.sector.as_deref()))
        .collect();
    key.sort();
    key
}

fn is_same_sentence_act(kept: &EventRecord, event: &EventRecord) -> bool {
    kept.sentence == event.sentence
        && kept.event == event.event
        && kept.modality == event.modality
        && actor_key(&kept.actor) == actor_key(&event.actor)
}

fn is_retelling(kept: &EventRecord, event: &EventRecord) -> bool {
    kept.event == event.event
        && kept.date == event.date
        && kept.modality == event.modality
        && event.modality != Modality::Negated
        && actor_key(&kept.actor) == actor_key(&event.actor)
        && actor_key(&kept.recipient) == actor_key(&event.recipient)
}
