//! From one verb to one event record: pattern, actor, recipients, place, date, modality.

use crate::clause::{
    Targets, VerbGroup, clause_start, complement_end, complement_start, content_verbs, find_subjects, find_targets,
    infinitive_complement, is_main_clause_verb, pattern_region_end, slot_roles, tells_content_of_statement,
    that_clause_subject, time_adjunct, verb_group,
};
use crate::confidence::{EventEvidence, confidence};
use crate::dating::SentenceTimes;
use crate::deliveries::aid_arrival;
use crate::modality::{
    Announcement, announcement, is_framing_verb, is_offered, is_refusal, mark_historical_if_past, modality_of,
};
use crate::unidentified::{place_country, unidentified_actor};
use dyad_actors::{ActorPhrase, Discourse, PhraseKind, SentenceView, find_actor_phrases_in, sole_country};
use dyad_document::{PartialDate, Span};
use dyad_kb::{EntryKind, KnowledgeBase, Mention};
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
    pub(crate) verb: usize,
    /// First token of the verb group (an auxiliary, modal or the verb itself).
    pub(crate) group_first: usize,
    pub(crate) group_end: usize,
    /// A demand read from "X said Y must ...": everything after the verb is its content.
    reported_demand: bool,
}

impl CodedEvent {
    pub(crate) fn new(record: EventRecord, evidence: EventEvidence, group: &VerbGroup) -> CodedEvent {
        CodedEvent {
            record,
            evidence,
            verb: group.verb,
            group_first: group.first,
            group_end: group.end,
            reported_demand: false,
        }
    }
}

pub fn code_sentence(context: &SentenceContext) -> Vec<CodedEvent> {
    let view = context.view;
    let words: Vec<WordView> =
        (0..view.len()).map(|index| WordView { text: view.word(index), tag: view.tag(index) }).collect();
    let upper_words: Vec<String> = words.iter().map(|word| word.text.to_uppercase()).collect();
    let mut events = Vec::new();
    for verb in content_verbs(view) {
        if is_framing_verb(view, verb) || is_attributive_participle(view, verb) || is_background_verb(context, verb) {
            continue;
        }
        if let Some(delivery) = aid_arrival(context, verb) {
            events.push(delivery);
            continue;
        }
        if let Some(demand) = obligation_demand(context, verb) {
            events.push(demand);
            continue;
        }
        let Some(hit) = context.verbs.verb_at(&words, verb).or_else(|| form_led_by(context, &words, verb)) else {
            continue;
        };
        let start = clause_start(view, hit.start);
        let end = pattern_region_end(view, hit.end());
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
        if cameo.code == "041" && is_naming_call(view, &group) {
            continue;
        }
        let Some(event) = build_event(context, &group, &pattern, cameo) else {
            continue;
        };
        let answer = reciprocal_event(context, &group, &pattern, &event);
        events.push(event);
        events.extend(answer);
    }
    drop_complement_events(view, &mut events);
    drop_protest_topics(&mut events);
    crate::secondary::drop_secondary_events(view, &mut events);
    let count = events.len();
    let first_verb = events.iter().map(|event| event.verb).min();
    for event in &mut events {
        event.evidence.events_in_sentence = count;
        event.evidence.first_in_sentence = Some(event.verb) == first_verb;
        // The type is evidence too (confidence.rs: some types are coded more reliably).
        event.evidence.event_type = event.record.event.clone();
        event.record.confidence = confidence(&event.evidence);
    }
    events
}

/// How far after a verb word the head of a multi-word form it opens may stand ("wire tap").
const MULTI_WORD_REACH: usize = 3;

/// "will not wire tap the links": a multi-word verb whose verb word the tagger saw ("wire/VB")
/// while it missed the head the dictionary marks ("tap/IN"). The form is met at its first
/// verb word, once: a head tagged as a verb is met at its own turn instead.
fn form_led_by(context: &SentenceContext, words: &[WordView], verb: usize) -> Option<dyad_verbs::VerbHit> {
    let view = context.view;
    let last = (verb + MULTI_WORD_REACH).min(words.len().saturating_sub(1));
    (verb + 1..=last)
        .filter(|&head| !view.tag(head).starts_with("VB"))
        .filter_map(|head| context.verbs.verb_at(words, head))
        .find(|hit| hit.start <= verb && verb < hit.end() && hit.token_count > 1)
}

/// A participle used as an adjective names no act of its own: "the besieged town", "the
/// occupied West Bank", "the defeated party", "an occupying army", "Algeria's leading activist",
/// "support of suspected terrorists", "evacuated the wounded". After a determiner or possessive
/// a participle cannot head a verb phrase; after a preposition a past participle followed by a
/// noun or adjective is a modifier of that noun ("for suspected militants").
fn is_attributive_participle(view: &SentenceView, verb: usize) -> bool {
    if verb == 0 {
        return false;
    }
    if is_aid_as_noun(view, verb) {
        return true;
    }
    let next_tag = if verb + 1 < view.len() { view.tag(verb + 1) } else { "." };
    let next_is_nominal = matches!(next_tag, "NN" | "NNS" | "NNP" | "NNPS" | "JJ");
    let after_determiner = matches!(view.tag(verb - 1), "DT" | "PRP$" | "POS");
    // "extradited suspected militants": a participle between a verb that is no auxiliary and
    // a noun modifies the noun, the verb's object.
    // Only a past-tense verb counts: taggers read plural nouns as present verbs ("officials/VBZ
    // demanded/VBN support").
    let after_full_verb = view.tag(verb - 1) == "VBD" && !crate::clause::is_auxiliary_word(view, verb - 1);
    match view.tag(verb) {
        "VBN" => after_determiner || (matches!(view.tag(verb - 1), "IN") || after_full_verb) && next_is_nominal,
        "VBG" => after_determiner && next_is_nominal,
        _ => false,
    }
}

/// "U.N. aid/VBD convoys", "US aid/VBP groups": "aid" between a name or noun and the noun
/// it modifies is the noun of a compound, which taggers often read as a verb. As a verb it
/// follows "to", a modal or its subject and takes an object that a plural noun alone would not
/// be preceded by a name ("to aid refugees", "will aid the rebels").
fn is_aid_as_noun(view: &SentenceView, verb: usize) -> bool {
    let next_is_noun = verb + 1 < view.len() && matches!(view.tag(verb + 1), "NN" | "NNS");
    view.is_word(verb, "aid") && next_is_noun && matches!(view.tag(verb - 1), "NNP" | "NN" | "JJ" | "DT" | "POS")
}

/// Prepositions of time before a gerund open an adjunct that may tell the sentence's news
/// ("after meeting Putin, Erdogan said"); other prepositions make the gerund a noun.
const TEMPORAL_PREPOSITIONS: &[&str] = &["after", "before", "while", "when", "since", "upon", "on"];

/// Verbs that describe a participant or the background rather than report an act of the
/// sentence:
/// - a relative clause ("the faction that controls Afghanistan", "rebels who entered the
///   country", "whom authorities blame");
/// - a gerund used as a noun after a preposition ("after two days of fighting", "a proposal for
///   signing a pact", "aimed at establishing ties");
/// - a reduced relative after a noun once the sentence has had its finite verb ("suspended an
///   aid program aimed at ...", "food aid to refugees fleeing the war", "officials suspected of
///   taking kickbacks").
fn is_background_verb(context: &SentenceContext, verb: usize) -> bool {
    let view = context.view;
    in_relative_clause(context, verb) || is_prepositional_gerund(view, verb) || is_reduced_relative(view, verb)
}

/// The relative clause runs from its pronoun to the next comma: in "Hamas, which controls
/// Gaza, attacked ..." the verb after the closing comma is the main clause's again.
fn in_relative_clause(context: &SentenceContext, verb: usize) -> bool {
    let view = context.view;
    let group = verb_group(view, verb, verb, verb + 1);
    let start = clause_start(view, group.first);
    start > 0
        && is_relative_word(view, start - 1)
        && !(start..group.first).any(|index| view.word(index) == ",")
        && !tells_dated_past_act(context, start - 1, verb)
}

/// A non-restrictive relative clause in the past tense that dates its own act reports
/// history rather than describing a participant: in "Russia, which intervened in Syria in
/// 2015, seeks ..." the intervention is an event of its own (coded as historical), while
/// "the militia that controls the province" only says which militia. The clause's date is the
/// time expression the sentence's dating assigns to the verb (`SentenceTimes`), when it lies
/// inside the clause.
fn tells_dated_past_act(context: &SentenceContext, pronoun: usize, verb: usize) -> bool {
    let view = context.view;
    let set_off = pronoun > 0 && (view.word(pronoun - 1) == "," || crate::clause::is_dash(view, pronoun - 1));
    if !set_off || view.tag(verb) != "VBD" {
        return false;
    }
    let clause_end = (verb + 1..view.len())
        .find(|&index| view.word(index) == "," || crate::clause::is_dash(view, index))
        .unwrap_or(view.len());
    context.times.for_verb(view, verb).is_some_and(|(expression, _)| {
        view.token_at_offset(expression.span.start).is_some_and(|token| (verb + 1..clause_end).contains(&token))
    })
}

fn is_relative_word(view: &SentenceView, index: usize) -> bool {
    matches!(view.tag(index), "WDT" | "WP") || view.is_any_word(index, &["which", "who", "whom"])
}

fn is_prepositional_gerund(view: &SentenceView, verb: usize) -> bool {
    if view.tag(verb) != "VBG" || verb == 0 {
        return false;
    }
    // "of fierce fighting": an adjective may stand between.
    let preposition = if view.tag(verb - 1) == "JJ" && verb >= 2 { verb - 2 } else { verb - 1 };
    // "are in the process of expelling 23 diplomats" tells the act itself, as "are expelling".
    let in_the_process_of =
        preposition >= 1 && view.is_word(preposition, "of") && view.is_word(preposition - 1, "process");
    view.tag(preposition) == "IN" && !view.is_any_word(preposition, TEMPORAL_PREPOSITIONS) && !in_the_process_of
}

fn is_reduced_relative(view: &SentenceView, verb: usize) -> bool {
    if verb == 0 || !matches!(view.tag(verb - 1), "NN" | "NNS" | "NNP" | "NNPS") {
        return false;
    }
    if tells_content_of_statement(view, verb) {
        return false;
    }
    let next_tag = if verb + 1 < view.len() { view.tag(verb + 1) } else { "." };
    let participle = match view.tag(verb) {
        // "aimed at", "suspected of", "submitted to": a past participle taking a preposition.
        "VBN" => matches!(next_tag, "IN" | "TO"),
        "VBG" => true,
        _ => false,
    };
    // "will provide aid to refugees fleeing the war": a modal makes the clause finite too.
    participle && (0..verb - 1).any(|index| matches!(view.tag(index), "VBD" | "VBZ" | "VBP" | "MD"))
}

/// "staged rallies against the leader, saying he must resign", "continued their hunger strike
/// to demand the resignation of ...": the PLOVER manual does not code the topic of a protest
/// (typically a REQUEST) as an event of its own. Requests after a protest in its sentence go.
fn drop_protest_topics(events: &mut Vec<CodedEvent>) {
    let Some(protest) = events.iter().filter(|event| event.record.event == "PROTEST").map(|event| event.verb).min()
    else {
        return;
    };
    events.retain(|event| event.record.event != "REQUEST" || event.verb < protest);
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
    record.mode = cameo.plover_mode.clone();
    if let Some((announced, mode)) =
        announced_type(&record.event, &cameo.code, announcement(context.view, group, record.modality))
    {
        record.event = announced.into();
        record.mode = mode.map(str::to_string);
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
    Some(CodedEvent {
        record,
        evidence,
        verb: first.verb,
        group_first: first.group_first,
        group_end: first.group_end,
        reported_demand: false,
    })
}

/// "Israel threatened to ban voting", "China demanded that the US cancel plans to sell arms
/// to Taiwan", "accused the United States of violating": what a threat, demand, offer,
/// refusal or accusation is about has not happened; it is the content of the one event, not
/// an event of its own. Events whose verb lies in the complement of another event's verb are
/// dropped.
///
/// One exception: parties that "agreed to sanction Belarus" or "decided to impose a blockade"
/// have decided a hostile act, which is the event (PLOVER codes the act; AGREE is for
/// cooperation promised). The agreement is dropped and the act in its content kept.
fn drop_complement_events(view: &SentenceView, events: &mut Vec<CodedEvent>) {
    let content_of = |event: &CodedEvent| {
        let start = if event.reported_demand { event.verb + 1 } else { complement_start(view, event.group_end)? };
        Some(start..complement_end(view, start))
    };
    let decided_hostile_acts: Vec<usize> = events
        .iter()
        .filter(|event| event.record.event == "AGREE")
        .filter_map(content_of)
        .filter(|content| events.iter().any(|act| content.contains(&act.verb) && is_hostile_act(act)))
        .map(|content| content.start)
        .collect();
    let contents: Vec<std::ops::Range<usize>> = events
        .iter()
        .filter_map(content_of)
        .filter(|content| !decided_hostile_acts.contains(&content.start))
        .chain(events.iter().filter_map(|event| time_adjunct(view, event.group_end)))
        .collect();
    let agreement_to_hostile_act = |event: &CodedEvent| {
        event.record.event == "AGREE"
            && content_of(event).is_some_and(|content| decided_hostile_acts.contains(&content.start))
    };
    events.retain(|event| {
        !contents.iter().any(|content| content.contains(&event.verb)) && !agreement_to_hostile_act(event)
    });
}

/// Material conflict a party can decide on: sanctions, coercion, force, mobilisation.
fn is_hostile_act(event: &CodedEvent) -> bool {
    matches!(event.record.event.as_str(), "SANCTION" | "COERCE" | "ASSAULT" | "MOBILIZE")
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
    "reiterate",
    "reiterates",
    "reiterated",
    "stress",
    "stresses",
    "stressed",
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
        // "Kagame and his party": a possessive or determiner may open the next party.
        let joined = (last.end_token..phrase.first_token)
            .all(|index| view.is_any_word(index, &["and", ","]) || matches!(view.tag(index), "DT" | "PRP$"));
        if !joined || last.end_token == phrase.first_token {
            break;
        }
        obliged.push(phrase);
    }
    let modal = after_coordinated_common_nouns(view, obliged[obliged.len() - 1].end_token);
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
        target_skip: None,
        source_skip: None,
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
    if !happens_at_unknown_scene(context.view, context.phrases) {
        inherit_sole_country(&mut demand.record.actor, &mut demand.record.recipient, context.phrases);
    }
    demand.evidence.recipient_missing = demand.record.recipient.is_empty();
    demand.evidence.recipient_coded =
        demand.record.recipient.iter().any(|entity| entity.code.is_some() || entity.sector.is_some());
    demand.reported_demand = true;
    Some(demand)
}

/// "the US and other developed nations must", "Kagame and his Patriotic Front must": past a
/// party joined by a noun phrase no actor phrase covers, to the word after it (the modal, if
/// the clause goes on as a demand).
fn after_coordinated_common_nouns(view: &SentenceView, end: usize) -> usize {
    const REACH: usize = 5;
    if end >= view.len() || !view.is_word(end, "and") {
        return end;
    }
    let tail_end = (end + 1..(end + 1 + REACH).min(view.len()))
        .find(|&index| !matches!(view.tag(index), "DT" | "JJ" | "JJR" | "NN" | "NNS" | "NNP" | "NNPS" | "PRP$" | "CD"));
    match tail_end {
        Some(tail_end) if tail_end > end + 1 && view.tag(tail_end - 1).starts_with("NN") => tail_end,
        _ => end,
    }
}

/// For a participle opening an adjunct (", targeting X"), the content verb it depends on.
fn participle_governor(view: &SentenceView, group: &VerbGroup) -> Option<usize> {
    if view.tag(group.verb) != "VBG" || group.first == 0 || view.word(group.first - 1) != "," {
        return None;
    }
    content_verbs(view).into_iter().rev().find(|&verb| verb < group.first)
}

pub(crate) struct EventDate {
    pub date: PartialDate,
    pub source: DateSource,
    pub text: Option<String>,
}

pub(crate) fn event_date(context: &SentenceContext, group: &VerbGroup) -> EventDate {
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
    let slots = (pattern.source_index, pattern.target_index);
    // A pattern that places both parties itself ("+ WAS * FREED FROM $") was written for the
    // voice it matches: its slots decide over the passive swap. The subject is then the
    // recipient already, so it is handed to the slots as the subject it is.
    let passive_with_both_slots = group.passive && !pattern.reversed && matches!(slots, (Some(_), Some(_)));
    let (actor_phrases, recipient_phrases) = match (group.passive || pattern.reversed, slots) {
        (false, (Some(_), _) | (_, Some(_))) => {
            match slot_roles(view, phrases, group, pattern, &actor_phrases, &recipient_phrases) {
                // "blamed M23 and Rwandan troops for the attack on the Mugunga camp": a slot
                // filled only by a name nobody knows does not displace coded parties the verb
                // takes as its object.
                Some((_, slotted))
                    if only_unknown_names(&slotted) && recipient_phrases.iter().any(|p| p.is_coded()) =>
                {
                    (actor_phrases, recipient_phrases)
                }
                Some(roles) => roles,
                None => (actor_phrases, recipient_phrases),
            }
        }
        _ if passive_with_both_slots => slot_roles(view, phrases, group, pattern, &recipient_phrases, &targets.phrases)
            .unwrap_or((actor_phrases, recipient_phrases)),
        _ => (actor_phrases, recipient_phrases),
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
    let mut actor = entities(&actor_phrases);
    let mut recipient = entities(&recipient_phrases);
    recipient.retain(|entity| !actor.iter().any(|acting| same_actor(acting, entity)));
    let has_code = |list: &[Entity]| list.iter().any(|entity| entity.code.is_some() || entity.sector.is_some());
    // "were killed by a roadside bomb": violence and protest by a doer the text does not name.
    let mut evidence = evidence;
    if actor.is_empty() {
        let country = located_country(view, phrases, group)
            .and_then(|entity| entity.code)
            .or_else(|| place_country(phrases, group));
        let event_type = cameo.plover_event.as_deref().unwrap_or("");
        let unknown = unidentified_actor(view, phrases, group, event_type, has_code(&recipient), country.as_deref())
            .map(|entity| with_nationality_of_its_words(context, entity, date.date));
        evidence.actor_unknown |= unknown.is_some();
        actor.extend(unknown);
    } else if cameo.plover_event.as_deref() == Some("PROTEST") && !has_code(&actor) {
        // "Young Algerians blocked roads": a crowd the dictionaries do not know is still
        // civilians protesting (PLOVER sector CVL), of the country where they protest.
        let country = located_country(view, phrases, group).and_then(|entity| entity.code);
        for entity in &mut actor {
            entity.sector = Some("CVL".into());
            entity.code.clone_from(&country);
        }
    }
    if actor.is_empty() || !(has_code(&actor) || has_code(&recipient)) {
        return None;
    }
    // Political event data: a company launching a phone is not an event, nor are schools
    // offering courses, so at least one party must be political. Contention is political
    // whoever takes part: civilians or an ethnic group that protest, threaten or fight.
    let contentious =
        matches!(cameo.plover_event.as_deref(), Some("PROTEST" | "THREATEN" | "ASSAULT" | "COERCE" | "MOBILIZE"));
    let takes_part = |entity: &Entity| is_political(entity) || (contentious && is_social_party(entity));
    if !actor.iter().chain(&recipient).any(takes_part) {
        return None;
    }
    let location = event_location(view, phrases, group);
    let mut modality = modality_of(view, group);
    let negation_in_pattern = pattern_names_negation(view, group, pattern);
    let refusal = if negation_in_pattern { None } else { refused_cooperation(cameo, view, group) };
    let cameo = match refusal {
        Some(rejection) => {
            modality = Modality::Asserted;
            rejection
        }
        None => cameo,
    };
    if negation_in_pattern {
        // The code is already that of the negated act ("WILL NOT * [081]"): its modality is
        // what the rest of the group says ("will": future).
        modality = modality_of(view, &VerbGroup { negated: false, ..group.clone() });
    }
    let (cameo, mut mode) = refine_meeting_mode(cameo, &actor, &recipient, location.as_ref());
    let verb_span = event_text_span(view, group, &targets);
    let mut event_type = cameo.plover_event.clone()?;
    if event_type == "CONCEDE" && is_resignation(view, group) {
        event_type = "RETREAT".into();
        mode = Some("resign".into());
    }
    // "is willing to withdraw its troops": an offered concession is an intent to yield (035).
    let offered_yield = matches!(event_type.as_str(), "CONCEDE" | "RETREAT") && is_offered(view, group);
    let cameo = match dyad_verbs::cameo("035").filter(|_| offered_yield) {
        Some(intent) => {
            event_type = "AGREE".into();
            mode = None;
            intent
        }
        None => cameo,
    };
    if let Some((announced, announced_mode)) =
        announced_type(&event_type, &cameo.code, announcement(view, group, modality))
    {
        event_type = announced.into();
        mode = announced_mode.map(str::to_string);
    }
    if event_type == "ACCUSE" && targets.preposition.as_deref() == Some("to") {
        let addressee_end = recipient_phrases.iter().map(|phrase| phrase.end_token).max().unwrap_or(group.end);
        if let Some(accused) = complaint_subject(context, phrases, addressee_end, &actor, date.date) {
            recipient = vec![accused];
        }
    }
    if event_type != "CONSULT" && recipient.is_empty() {
        recipient.extend(originator_of_object(context, group, &actor, date.date));
    }
    if event_type == "PROTEST" && recipient.is_empty() {
        recipient.extend(protest_purpose_target(view, phrases, group, &actor));
    }
    if event_type == "THREATEN" && recipient.is_empty() {
        recipient.extend(condition_subject(view, phrases, group).map(|phrase| phrase.entity.clone()));
    }
    if event_type != "CONSULT" {
        place_recipients(&mut recipient, &actor, located_country(view, phrases, group));
    }
    if !happens_at_unknown_scene(view, phrases) {
        inherit_sole_country(&mut actor, &mut recipient, phrases);
        inherit_domestic_country(&actor, &mut recipient);
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
    Some(CodedEvent {
        record,
        evidence,
        verb: group.verb,
        group_first: group.first,
        group_end: group.end,
        reported_demand: false,
    })
}

/// "A Russian missile strike killed three people": a doer the text names only by its weapon is
/// still the country its nationality word names, wherever the act happened.
fn with_nationality_of_its_words(context: &SentenceContext, mut entity: Entity, date: PartialDate) -> Entity {
    let nationality = context.mentions.iter().find(|mention| {
        mention.kind == EntryKind::CountryAdjective
            && entity.span.start <= mention.span.start
            && mention.span.end <= entity.span.end
    });
    if let Some(code) = nationality.and_then(|mention| context.kb.resolve(mention, date).code) {
        entity.code = Some(code);
    }
    entity
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

/// The domestic default: a party named by its sector alone ("rebels", "the opposition
/// newspaper", "Judge Rivera") in a sentence whose countries are all one takes that country,
/// as human coders read it. The place of the event, when it has one, already decided
/// ([`place_recipients`]); business parties stay as they are, since companies cross borders.
///
/// Callers withhold it, as they do the police-and-courts one, when the act happens at a scene
/// of unknown country ([`happens_at_unknown_scene`]).
fn inherit_sole_country(actor: &mut [Entity], recipient: &mut [Entity], phrases: &[ActorPhrase]) {
    let Some(country) = sole_country(phrases) else { return };
    let lacks_country =
        |entity: &&mut Entity| entity.code.is_none() && entity.sector.as_deref().is_some_and(|sector| sector != "BUS");
    for entity in actor.iter_mut().chain(recipient.iter_mut()).filter(lacks_country) {
        entity.code = Some(country.to_string());
    }
}

/// Prepositions after which a protest's purpose names the one it presses: "to demand
/// freedoms from the government", "to protest against the ban".
const PROTEST_ADDRESSEE_PREPOSITIONS: &[&str] = &["from", "against", "of", "to"];

/// "blocked roads on Sunday to press their demands for more freedom from the government":
/// a protest is aimed at the party its purpose clause ("to" and a verb, later in the
/// sentence) makes demands of or protests against.
fn protest_purpose_target(
    view: &SentenceView,
    phrases: &[ActorPhrase],
    group: &VerbGroup,
    actor: &[Entity],
) -> Option<Entity> {
    let purpose = (group.end..view.len().saturating_sub(1))
        .take_while(|&index| !matches!(view.word(index), ";" | ":"))
        .find(|&index| view.is_word(index, "to") && view.tag(index + 1) == "VB")?;
    let end = complement_end(view, purpose);
    phrases
        .iter()
        .filter(|phrase| phrase.first_token > purpose + 1 && phrase.first_token < end)
        .filter(|phrase| view.is_any_word(phrase.first_token - 1, PROTEST_ADDRESSEE_PREPOSITIONS))
        .map(|phrase| phrase.entity.clone())
        .find(|entity| {
            (entity.code.is_some() || entity.sector.is_some()) && !actor.iter().any(|acting| same_actor(acting, entity))
        })
}

/// Sectors of a state's institutions that act only at home: police and courts.
const DOMESTIC_SECTORS: &[&str] = &["COP", "JUD"];

/// "Turkish police prevented a march by students": police and courts act within their own
/// country, so the party of no country they act on is of that country, even in a sentence
/// that names other countries ("... to protest the sending of troops to Iraq").
fn inherit_domestic_country(actor: &[Entity], recipient: &mut [Entity]) {
    let Some(country) = actor
        .iter()
        .filter(|entity| entity.sector.as_deref().is_some_and(|sector| DOMESTIC_SECTORS.contains(&sector)))
        .find_map(|entity| entity.code.clone())
        .filter(|code| !INTERNATIONAL_CODES.contains(&code.as_str()))
    else {
        return;
    };
    for entity in recipient.iter_mut() {
        let lacks_country = entity.code.is_none() && entity.sector.as_deref().is_some_and(|sector| sector != "BUS");
        if lacks_country {
            entity.code = Some(country.clone());
        }
    }
}

/// Codes of international bodies, which have no home country.
const INTERNATIONAL_CODES: &[&str] = &["IGO", "NGO", "UNO", "EUR", "IMG", "MNC"];

/// Words that open what a complaint is about: "complained to the UN over Israeli raids".
const COMPLAINT_TOPIC_WORDS: &[&str] = &["over", "about"];

/// "Lebanon complained to the United Nations over two Israeli air raids": a complaint made to
/// one party about another's acts is aimed at the other; the addressee only hears it. The
/// topic must follow the addressee closely (a time adverbial may stand between); the party is
/// a phrase right after "over"/"about" or a nationality inside the topic noun phrase.
fn complaint_subject(
    context: &SentenceContext,
    phrases: &[ActorPhrase],
    addressee_end: usize,
    actor: &[Entity],
    date: PartialDate,
) -> Option<Entity> {
    const REACH: usize = 4;
    let view = context.view;
    let last = (addressee_end + REACH).min(view.len());
    let topic = (addressee_end..last)
        .take_while(|&index| !matches!(view.word(index), "," | ";" | ":"))
        .find(|&index| view.is_any_word(index, COMPLAINT_TOPIC_WORDS))?;
    let named = phrases
        .iter()
        .filter(|phrase| phrase.first_token > topic && phrase.first_token <= topic + 3)
        .find(|phrase| phrase.entity.code.is_some() && !actor.iter().any(|acting| acting.code == phrase.entity.code));
    match named {
        Some(phrase) => Some(phrase.entity.clone()),
        None => nationality_in_object(context, topic + 1, actor, date),
    }
}

/// "arrested students in Kherson", the town not in the knowledge base: the act may well happen
/// abroad, among another country's people, so the domestic defaults are withheld.
fn happens_at_unknown_scene(view: &SentenceView, phrases: &[ActorPhrase]) -> bool {
    phrases.iter().any(|phrase| is_scene_of_unknown_country(view, phrase))
}

/// A name after "in", "at", "near" or "inside" that the knowledge base cannot place in a
/// country: an unknown name, or a place whose country it does not record.
fn is_scene_of_unknown_country(view: &SentenceView, phrase: &ActorPhrase) -> bool {
    let unplaced = match phrase.kind {
        PhraseKind::Unknown => true,
        PhraseKind::Place | PhraseKind::City => phrase.place.as_ref().is_none_or(|place| place.country.is_none()),
        _ => false,
    };
    unplaced && governing_preposition(view, phrase).is_some_and(|index| view.is_any_word(index, SCENE_PREPOSITIONS))
}

/// Prepositions that join a further noun phrase to the object it is part of: "an offer from
/// Kabul", "restrictions against German goods", "electricity to the Azerbaijani republic".
const OBJECT_LINKS: &[&str] = &["from", "against", "to", "on", "of", "over"];

/// "rejected an Indian proposal", "threatened to impose restrictions against German goods":
/// the nationality inside the object of the act (or of its infinitive complement) names the
/// party the act answers or is aimed at, when no actor phrase does. Only the object noun
/// phrase and one prepositional phrase hanging on it are read, and a nationality the actor
/// shares says nothing about the other side.
fn originator_of_object(
    context: &SentenceContext,
    group: &VerbGroup,
    actor: &[Entity],
    date: PartialDate,
) -> Option<Entity> {
    let own = nationality_in_object(context, group.end, actor, date);
    own.or_else(|| {
        let complement = infinitive_complement(context.view, group)?;
        nationality_in_object(context, complement.end, actor, date)
    })
}

/// The first nationality word, of a country other than the actor's, in the object noun phrase
/// that starts at `start` and the one prepositional phrase joined to it.
fn nationality_in_object(
    context: &SentenceContext,
    start: usize,
    actor: &[Entity],
    date: PartialDate,
) -> Option<Entity> {
    let view = context.view;
    let mut end = start;
    // Particles and adverbs right after the verb ("cut off", "rejected outright"). Past
    // participles stand inside the noun phrase ("the besieged Bosnian town").
    while end < view.len() && matches!(view.tag(end), "RP" | "RB") {
        end += 1;
    }
    let object_start = end;
    let mut links = 0;
    while end < view.len() {
        let noun_phrase_word = matches!(
            view.tag(end),
            "DT" | "PDT"
                | "PRP$"
                | "JJ"
                | "JJR"
                | "JJS"
                | "NN"
                | "NNS"
                | "NNP"
                | "NNPS"
                | "CD"
                | "HYPH"
                | "POS"
                | "VBN"
        );
        if end > object_start && links == 0 && view.is_any_word(end, OBJECT_LINKS) {
            links += 1;
        } else if !noun_phrase_word {
            break;
        }
        end += 1;
    }
    let object = object_start..end;
    context
        .mentions
        .iter()
        .filter(|mention| mention.kind == EntryKind::CountryAdjective)
        .filter(|mention| view.token_at_offset(mention.span.start).is_some_and(|token| object.contains(&token)))
        .map(|mention| {
            let resolution = context.kb.resolve(mention, date);
            Entity {
                text: view.text(mention.span).to_string(),
                name: Some(resolution.name),
                code: resolution.code,
                sector: None,
                span: mention.span,
            }
        })
        .find(|entity| entity.code.is_some() && !actor.iter().any(|acting| acting.code == entity.code))
}

/// "threatened to stop the talks if the United States deploys the missiles": a threat is held
/// over the one whose act its condition names, the subject right after "if" or "unless".
fn condition_subject<'p>(
    view: &SentenceView,
    phrases: &'p [ActorPhrase],
    group: &VerbGroup,
) -> Option<&'p ActorPhrase> {
    let marker = (group.end..view.len()).find(|&index| view.is_any_word(index, &["if", "unless"]))?;
    phrases.iter().find(|phrase| phrase.first_token > marker && phrase.first_token <= marker + 2)
}

/// Nouns for a kind of place, which name the place after them: "the northern city of Kirkuk".
const PLACE_NOUNS: &[&str] =
    &["city", "town", "village", "region", "province", "district", "area", "capital", "port", "suburb", "state"];

/// The preposition that governs a phrase, reached over the determiner, adjectives and
/// participles that the phrase itself may leave out ("in the occupied West Bank"), and over a
/// noun for the kind of place the phrase names ("in the northern city of Kirkuk").
fn governing_preposition(view: &SentenceView, phrase: &ActorPhrase) -> Option<usize> {
    let mut index = phrase.first_token.checked_sub(1)?;
    if index >= 2 && view.is_word(index, "of") && view.is_any_word(index - 1, PLACE_NOUNS) {
        index -= 2;
    }
    let mut skipped = 0;
    while skipped < 3 && index > 0 && matches!(view.tag(index), "DT" | "JJ" | "JJR" | "JJS" | "VBN" | "VBD") {
        index -= 1;
        skipped += 1;
    }
    Some(index)
}

/// Prepositions that name where an event took place.
const SCENE_PREPOSITIONS: &[&str] = &["in", "at", "near", "inside"];

/// The country where the event took place: the phrase after "in", "at", "near" or "inside"
/// closest to the verb that names a country or a place in one, as an entity of that country
/// with no sector (the place's people, not its government).
fn located_country(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<Entity> {
    phrases
        .iter()
        .filter(|phrase| is_in_verbs_reach(view, phrase, group))
        .filter(|phrase| {
            governing_preposition(view, phrase).is_some_and(|index| view.is_any_word(index, SCENE_PREPOSITIONS))
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
    let closing = closing_preposition(view, group, pattern);
    let wanted = pattern.target_preposition.as_deref().or(closing.as_deref());
    let own = find_targets(view, phrases, group, wanted);
    if !own.phrases.is_empty() || group.passive {
        return own;
    }
    if let Some(shared) = coordinated_verb(view, group) {
        let borrowed = find_targets(view, phrases, &shared, pattern.target_preposition.as_deref());
        if !borrowed.phrases.is_empty() {
            return Targets { by_agent: own.by_agent, ..borrowed };
        }
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

/// "donated and personally delivered goods to the school": a verb joined straight away by
/// "and" or "or" to a second verb of the same form shares that verb's object and targets.
fn coordinated_verb(view: &SentenceView, group: &VerbGroup) -> Option<VerbGroup> {
    let conjunction = group.end;
    if conjunction >= view.len() || !view.is_any_word(conjunction, &["and", "or"]) {
        return None;
    }
    let mut next = conjunction + 1;
    while next < view.len() && (view.tag(next).starts_with("RB") || view.word(next).ends_with("ly")) {
        next += 1;
    }
    // Taggers often split a pair of past forms between VBD and VBN.
    let form = |index: usize| match view.tag(index) {
        "VBD" | "VBN" => "past",
        other => other,
    };
    let same_form = next < view.len() && view.tag(next).starts_with("VB") && form(next) == form(group.verb);
    same_form.then(|| VerbGroup { first: next, verb: next, end: next + 1, ..group.clone() })
}

/// "welcomed economic memos about Bree": a pattern whose last word is a preposition after the
/// verb ends where the party it is about begins, so that preposition introduces the target
/// as a bracketed "(ABOUT)" would.
fn closing_preposition(view: &SentenceView, group: &VerbGroup, pattern: &PatternHit) -> Option<String> {
    let last = *pattern.matched.iter().max()?;
    (last >= group.end && view.tag(last) == "IN").then(|| view.word(last).to_lowercase())
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

/// Sectors that make a party political on their own, with no country named: the state, its
/// forces and courts, parties, armed groups, opposition and elites. Schools, hospitals, the
/// press, workers or civilians of no stated country are political only through a country or
/// a political party facing them ("educational institutions offer nurses" is no event).
const POLITICAL_SECTORS: &[&str] =
    &["GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "SPY", "UAF", "UNK", "OPP", "ELI", "PRE", "PRM"];

/// Phrases that are all capitalised names the knowledge base does not know, uncoded.
fn only_unknown_names(phrases: &[&ActorPhrase]) -> bool {
    !phrases.is_empty() && phrases.iter().all(|phrase| phrase.kind == PhraseKind::Unknown && !phrase.is_coded())
}

/// A party named by a sector other than business, with or without a country.
fn is_social_party(entity: &Entity) -> bool {
    entity.sector.as_deref().is_some_and(|sector| !matches!(sector, "BUS" | "MNC"))
}

/// A party with a country, or a political sector (see [`POLITICAL_SECTORS`]), and not a
/// business (companies: BUS; multinationals: MNC).
fn is_political(entity: &Entity) -> bool {
    let business = |code: Option<&str>| matches!(code, Some("BUS") | Some("MNC"));
    let political_code = entity.code.is_some() && !business(entity.code.as_deref());
    let political_sector = entity.sector.as_deref().is_some_and(|sector| POLITICAL_SECTORS.contains(&sector));
    (political_code || political_sector) && !business(entity.sector.as_deref())
}

/// The same party: the same words, or the same name in the same role ("Russian police
/// arrested Russian students" names Russia twice, as two different parties).
fn same_actor(left: &Entity, right: &Entity) -> bool {
    left.span == right.span || (left.name.is_some() && left.name == right.name && left.sector == right.sector)
}

/// Whether a place phrase can say where this verb's act happened: no other clause with a
/// finite verb of its own, set off by a comma or by "before", "after", "since" or "until",
/// stands between them ("killed three people on Wednesday, hours before Zelensky arrived in
/// Brussels": Brussels is where he arrived). A "when" clause telling the same act ("killed 23
/// people when they blew themselves up in Tel Aviv") still places it.
fn is_in_verbs_reach(view: &SentenceView, phrase: &ActorPhrase, group: &VerbGroup) -> bool {
    let between = if phrase.first_token >= group.end {
        group.end..phrase.first_token
    } else {
        phrase.end_token.min(group.first)..group.first
    };
    let mut set_off = false;
    for index in between {
        if view.word(index) == "," || view.is_any_word(index, &["before", "after", "since", "until"]) {
            set_off = true;
        } else if set_off && matches!(view.tag(index), "VBD" | "VBZ" | "VBP" | "MD") {
            return false;
        }
    }
    true
}

/// Where it happened: the place after "in", "at" or "near" closest to the verb.
pub(crate) fn event_location(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<Place> {
    phrases
        .iter()
        .filter(|phrase| phrase.place.is_some() && is_in_verbs_reach(view, phrase, group))
        .filter(|phrase| {
            governing_preposition(view, phrase)
                .is_some_and(|index| view.is_any_word(index, &["in", "at", "near", "outside"]))
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

/// A pattern that names the verb's negation among its words ("- WILL NOT * [081]") gives the
/// code of the negated act itself: the dictionary has read the negation already, so the
/// coder must not read it a second time as a refusal or a negated event.
fn pattern_names_negation(view: &SentenceView, group: &VerbGroup, pattern: &PatternHit) -> bool {
    group.negated
        && pattern
            .matched
            .iter()
            .any(|&index| index < group.verb && view.is_any_word(index, &["not", "n't", "never", "no"]))
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

/// PLOVER codes one category, never a category plus an auxiliary mode (manual, "special
/// cases"), so an act announced for the future is coded as what the announcement is:
/// - cooperation still to come ("will meet", "said they would provide aid", "plans to sign") is
///   AGREE, an expression of intent (manual, AGREE);
/// - a retreat announced ("announced ... would withdraw troops") is CONCEDE (manual, RETREAT and
///   CONCEDE);
/// - coercion, sanctions or force held over the recipient, on a condition or as a plan ("will
///   withdraw its force unless ...", "plans to impose restrictions", "is prepared to impose
///   martial law") is THREATEN, its mode the content of the threat (manual, THREATEN:
///   "ASSAULT + hypothetical" is a THREATEN). One decided outright ("the UK will expel 23
///   diplomats") is the sanction itself, with future modality.
///
/// CAMEO codes the act itself ("are about to restore ties" is 064), so the record keeps the
/// CAMEO code, its Goldstein score and the modality; only the PLOVER type and mode change.
/// Returns the new type and mode, or None when the type stands.
fn announced_type(
    event_type: &str,
    code: &str,
    announcement: Option<Announcement>,
) -> Option<(&'static str, Option<&'static str>)> {
    let announcement = announcement?;
    match event_type {
        "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" => Some(("AGREE", None)),
        "RETREAT" => Some(("CONCEDE", None)),
        "SANCTION" | "COERCE" | "ASSAULT" if announcement == Announcement::Held => {
            Some(("THREATEN", Some(threat_mode(code))))
        }
        _ => None,
    }
}

/// "resigned", "will step down": CAMEO codes a resignation as acceding to demands for a change
/// of leadership (083, 0831, CONCEDE in the crosswalk), but the PLOVER 0.8 manual codes the
/// resignation of an official as RETREAT 'resign' (an announced one is then CONCEDE, as every
/// announced retreat is).
fn is_resignation(view: &SentenceView, group: &VerbGroup) -> bool {
    const RESIGN: &[&str] = &["resign", "resigns", "resigned", "resigning", "quit", "quits"];
    const STEP: &[&str] = &["step", "steps", "stepped", "stepping"];
    view.is_any_word(group.verb, RESIGN) || (view.is_any_word(group.verb, STEP) && view.is_word(group.verb + 1, "down"))
}

/// The THREATEN mode (the content of the threat) of an announced CAMEO act: arrests, expulsions,
/// restrictions (boycotts, blockades, curfews, bans), broken relations, or violence.
fn threat_mode(code: &str) -> &'static str {
    match code {
        _ if code.starts_with("173") => "arrest",
        _ if code.starts_with("174") || code.starts_with("166") => "expel",
        _ if code.starts_with("163") || code.starts_with("172") || code.starts_with("191") => "restrict",
        _ if code.starts_with("16") => "relations",
        _ if code.starts_with("17") && !code.starts_with("171") => "restrict",
        _ => "violence",
    }
}

/// "Taiwan called the drills irresponsible", "the leader called it 'very comprehensive'",
/// "called him a liar": a call whose object is followed by what it is called names or judges
/// it; it is no phone call. Judged on the words up to the clause's end: an adjective, a
/// quotation mark, or "a"/"an" after the object; "late", "early", "last" and "next" open times
/// ("called Putin late Friday"), not judgements.
fn is_naming_call(view: &SentenceView, group: &VerbGroup) -> bool {
    if !view.word(group.verb).to_ascii_lowercase().starts_with("call") {
        return false;
    }
    let end = (group.end + 8).min(view.len());
    (group.end..end).take_while(|&index| !matches!(view.word(index), "," | ";" | "." | "and")).any(|index| {
        let time_adjective = view.is_any_word(index, &["late", "early", "last", "next", "previous", "same"]);
        (matches!(view.tag(index), "JJ" | "JJR" | "JJS") && !time_adjective)
            || matches!(view.word(index), "\"" | "“" | "'" | "‘" | "``")
            || (index > group.end && view.is_any_word(index, &["a", "an"]))
    })
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
pub(crate) fn event_id(doc_id: &str, sentence: Span, verb: Span, event: &str) -> String {
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

pub(crate) fn is_same_sentence_act(kept: &EventRecord, event: &EventRecord) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::Coder;
    use dyad_analyse::Analyser;
    use dyad_document::{Document, Metadata, PartialDate};
    use dyad_kb::KnowledgeBase;
    use dyad_record::{EventRecord, Modality};
    use dyad_verbs::VerbDictionary;

    fn code_text(text: &str) -> Vec<EventRecord> {
        let metadata = Metadata { published: Some(PartialDate::year(2024)), ..Metadata::default() };
        let document = Document::from_body(text.to_string(), metadata);
        let sentences = Analyser::new().analyse(&document.body);
        let coder = Coder::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::year(2026));
        coder.code_document(&document, &sentences).events
    }

    fn coded<'a>(events: &'a [EventRecord], event_type: &str) -> Option<&'a EventRecord> {
        events.iter().find(|event| event.event == event_type)
    }

    fn verbs_coded(events: &[EventRecord]) -> Vec<&str> {
        events.iter().map(|event| event.event_text.as_str()).collect()
    }

    #[test]
    fn a_participle_after_a_past_tense_modifies_its_object() {
        let events = code_text("Kenya extradited suspected Somali militants to Somalia on Friday.");
        assert_eq!(verbs_coded(&events), vec!["extradited"], "{events:#?}");
    }

    #[test]
    fn a_reduced_relative_after_a_modal_clause_is_no_event() {
        let events = code_text("The United Nations will provide food aid to refugees fleeing the fighting in Sudan.");
        assert_eq!(verbs_coded(&events), vec!["provide"], "{events:#?}");
    }

    #[test]
    fn aid_before_a_noun_is_the_noun_of_a_compound() {
        let events = code_text("Serbia demanded a ceasefire on Monday and blocked U.N. aid convoys at the border.");
        assert!(!verbs_coded(&events).contains(&"aid"), "{events:#?}");
    }

    #[test]
    fn participles_used_as_adjectives_are_not_events() {
        let events = code_text("Serbian troops shelled the besieged town of Gorazde on Friday.");
        assert!(coded(&events, "ASSAULT").is_some(), "{events:#?}");
        assert!(!verbs_coded(&events).contains(&"besieged"), "{events:#?}");
        let events = code_text("Britain imposed sanctions on Ruritania for its support of suspected terrorists.");
        assert!(coded(&events, "SANCTION").is_some(), "{events:#?}");
        assert_eq!(events.len(), 1, "{events:#?}");
    }

    #[test]
    fn relative_clauses_and_gerund_nouns_describe_rather_than_report() {
        let events = code_text("Norway imposed sanctions on the militia that controls the northern province.");
        assert_eq!(verbs_coded(&events), vec!["imposed"], "{events:#?}");
        let events = code_text("Chad rejected a Libyan proposal for signing a trade pact with Niger.");
        assert_eq!(verbs_coded(&events), vec!["rejected"], "{events:#?}");
        // After the relative clause's closing comma the main clause goes on.
        let events = code_text("Hamas, which controls Gaza, attacked Israeli troops on Monday.");
        assert!(coded(&events, "ASSAULT").is_some(), "{events:#?}");
        // A set-off relative clause that dates a past act of its own is history, not description.
        let events = code_text("Russia, which attacked Georgia in 2008, criticized Tbilisi on Monday.");
        let war = coded(&events, "ASSAULT").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(war.modality, Modality::Historical, "{war:#?}");
        assert!(coded(&events, "DISAPPROVE").or_else(|| coded(&events, "ACCUSE")).is_some(), "{events:#?}");
    }

    #[test]
    fn force_held_over_a_recipient_is_a_threat_and_a_decided_sanction_is_not() {
        let events = code_text("Greece plans to impose restrictions on Turkish imports.");
        let threat = coded(&events, "THREATEN").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(threat.mode.as_deref(), Some("restrict"));
        assert!(threat.cameo.as_deref().is_some_and(|code| code.starts_with("172")), "{threat:#?}");
        let events = code_text("Russia will impose sanctions on Georgia unless it frees the soldiers.");
        assert!(coded(&events, "THREATEN").is_some(), "{events:#?}");
        let events = code_text("The United Kingdom will expel 23 Russian diplomats, the prime minister said.");
        let expulsion = coded(&events, "SANCTION").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(expulsion.modality, Modality::Future);
    }

    #[test]
    fn announced_retreats_are_concessions_and_resignations_retreats() {
        let events = code_text("Syria said it would withdraw its troops from Lebanon.");
        assert!(coded(&events, "CONCEDE").is_some() && coded(&events, "RETREAT").is_none(), "{events:#?}");
        let events = code_text("Haitian President Prosper Avril resigned on Tuesday.");
        let resignation = coded(&events, "RETREAT").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(resignation.mode.as_deref(), Some("resign"));
        let events = code_text("Serbia lifted the curfew in Montenegro on Sunday.");
        assert!(coded(&events, "CONCEDE").is_some(), "lifting a curfew is a concession: {events:#?}");
    }

    fn recipient_codes(event: &EventRecord) -> Vec<Option<&str>> {
        event.recipient.iter().map(|entity| entity.code.as_deref()).collect()
    }

    #[test]
    fn the_nationality_of_the_thing_rejected_names_the_recipient() {
        let events = code_text("Chad rejected a Libyan proposal for a trade pact.");
        let rejection = coded(&events, "REJECT").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_codes(rejection), vec![Some("LBY")], "{rejection:#?}");
        // A nationality the actor shares says nothing about the other side.
        let events = code_text("Chad rejected a Chadian proposal for a trade pact.");
        let rejection = coded(&events, "REJECT").unwrap_or_else(|| panic!("{events:#?}"));
        assert!(rejection.recipient.is_empty(), "{rejection:#?}");
    }

    #[test]
    fn a_threat_is_held_over_the_subject_of_its_condition() {
        let events = code_text("Russia threatened to leave the talks if the United States deploys new missiles.");
        let threat = coded(&events, "THREATEN").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_codes(threat), vec![Some("USA")], "{threat:#?}");
    }

    #[test]
    fn parties_of_no_country_take_the_one_country_of_their_sentence() {
        let events = code_text("The Kenyan government accepted demands from rebels that it hold elections.");
        let concession = events.first().unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_codes(concession), vec![Some("KEN")], "{concession:#?}");
        // Two countries: nobody can tell whose rebels these are.
        let events = code_text("The Kenyan government accepted demands from rebels backed by Uganda.");
        let concession = events.first().unwrap_or_else(|| panic!("{events:#?}"));
        assert!(concession.recipient.iter().all(|entity| entity.code.is_none()), "{concession:#?}");
    }

    #[test]
    fn a_place_named_after_its_kind_is_where_the_event_happened() {
        let events = code_text("Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday.");
        let protest = coded(&events, "PROTEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(protest.actor[0].code.as_deref(), Some("IRQ"), "{protest:#?}");
        assert_eq!(protest.location.as_ref().and_then(|place| place.country.as_deref()), Some("IRQ"));
    }

    #[test]
    fn a_number_after_more_than_is_still_the_object() {
        let events = code_text("Israeli soldiers arrested more than 100 Palestinians on Saturday.");
        let arrest = coded(&events, "COERCE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_codes(arrest), vec![Some("PSE")], "{arrest:#?}");
    }

    #[test]
    fn violence_by_an_unnamed_doer_is_coded_with_an_unidentified_actor() {
        const BOMBING: &str = "Two Gondorian soldiers were killed by a roadside bomb near Minas Tirith on Monday.";
        let events = code_text(BOMBING);
        let attack = coded(&events, "ASSAULT").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(attack.actor.len(), 1, "{attack:#?}");
        let unknown = &attack.actor[0];
        assert_eq!((unknown.name.as_deref(), unknown.sector.as_deref()), (None, Some("UNK")), "{unknown:#?}");
        assert_eq!(unknown.text, "a roadside bomb");
        assert_eq!(&BOMBING[unknown.span.start..unknown.span.end], "a roadside bomb");
        let events = code_text("A car bomb explosion in Baghdad killed three Iraqi policemen on Sunday.");
        let attack = coded(&events, "ASSAULT").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(attack.actor[0].code.as_deref(), Some("IRQ"), "the country where it happened: {attack:#?}");
        // Nothing names what did it: no event, rather than an actor made of nothing.
        let events = code_text("Three Iraqi policemen were killed on Sunday.");
        assert!(coded(&events, "ASSAULT").is_none(), "{events:#?}");
        // A participle after a comma belongs to the clause before it, whose actor is named.
        let events = code_text("A village was attacked by Burundian militiamen, killing at least 40 people.");
        assert!(
            events.iter().all(|event| event.actor.iter().all(|actor| actor.sector.as_deref() != Some("UNK"))),
            "{events:#?}"
        );
    }

    #[test]
    fn a_crowd_the_dictionaries_do_not_know_still_protests() {
        let events = code_text("Prisoners rioted at a jail in Baghdad on Monday.");
        let riot = coded(&events, "PROTEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(riot.actor[0].text, "Prisoners");
        assert_eq!(riot.actor[0].sector.as_deref(), Some("CVL"));
        assert_eq!(riot.actor[0].code.as_deref(), Some("IRQ"));
        let events =
            code_text("Up to 500 ethnic Gondorians began a hunger strike on Monday to protest against Russia.");
        let strike = coded(&events, "PROTEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(strike.mode.as_deref(), Some("hunger"));
        assert_eq!(strike.actor[0].text, "500 ethnic Gondorians");
    }

    #[test]
    fn an_offered_concession_is_an_intent_to_yield() {
        let events = code_text("Syria says it is willing to withdraw its troops from Lebanon.");
        let offer = coded(&events, "AGREE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(offer.cameo.as_deref(), Some("035"));
        assert_eq!(offer.modality, Modality::Future);
        let events = code_text("The Algerian president said he is prepared to lift the ban on the party.");
        assert!(coded(&events, "AGREE").is_some() && coded(&events, "CONCEDE").is_none(), "{events:#?}");
        // Announced as decided, a retreat stays a concession (manual, CONCEDE).
        let events = code_text("Syria said it would withdraw its troops from Lebanon.");
        assert!(coded(&events, "CONCEDE").is_some() && coded(&events, "AGREE").is_none(), "{events:#?}");
    }

    #[test]
    fn a_statement_that_another_party_must_act_is_a_demand_on_it() {
        let events = code_text("A British minister reiterated that Libya must hand over the suspects.");
        let demand = coded(&events, "REQUEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(demand.recipient[0].code.as_deref(), Some("LBY"), "{demand:#?}");
        let events = code_text("Rwandan rebels announced that President Kagame and his allies must agree to reforms.");
        assert!(coded(&events, "REQUEST").is_some() && coded(&events, "AGREE").is_none(), "{events:#?}");
        let events =
            code_text("Chad concluded on Saturday that the United States and other rich nations must give more aid.");
        let demand = coded(&events, "REQUEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(demand.recipient[0].code.as_deref(), Some("USA"), "{demand:#?}");
        let events = code_text("The rebel party issued a declaration demanding that the Turkish government resign.");
        let demand = coded(&events, "REQUEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(demand.actor[0].text, "The rebel party", "the declaration's author demands: {demand:#?}");
        assert_eq!(events.len(), 1, "issuing a declaration is no cooperation: {events:#?}");
    }

    #[test]
    fn refusing_to_commit_aid_is_a_rejection_and_citing_a_reason_is_no_event() {
        let events = code_text(
            "The Turkish government has refused to commit to any assistance to Iraq, citing domestic opposition.",
        );
        assert!(coded(&events, "REJECT").is_some(), "{events:#?}");
        assert!(coded(&events, "ACCUSE").is_none(), "{events:#?}");
    }

    #[test]
    fn easing_a_restriction_is_a_concession() {
        let events = code_text("Serbia eased emergency measures in Montenegro on Wednesday.");
        let easing = coded(&events, "CONCEDE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(easing.cameo.as_deref(), Some("0814"));
        assert!(coded(&events, "COOPERATE").is_none(), "{events:#?}");
    }

    #[test]
    fn stopping_a_protest_is_coercion_and_beating_up_is_assault() {
        let events = code_text("Turkish police prevented a demonstration by students in Ankara on Monday.");
        let ban = coded(&events, "COERCE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(ban.mode.as_deref(), Some("restrict"));
        let events = code_text("Israeli soldiers beat up Palestinian detainees with the knowledge of their officers.");
        let beating = coded(&events, "ASSAULT").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(beating.mode.as_deref(), Some("beat"));
        assert!(coded(&events, "THREATEN").is_none(), "{events:#?}");
    }

    #[test]
    fn the_topic_of_a_protest_is_not_a_request_of_its_own() {
        let events = code_text(
            "Islamic fundamentalists continued their hunger strike to demand the resignation of the Algerian president.",
        );
        let protest = coded(&events, "PROTEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(protest.mode.as_deref(), Some("hunger"));
        assert!(coded(&events, "REQUEST").is_none(), "{events:#?}");
    }

    fn recipient_code(event: &EventRecord) -> Option<&str> {
        event.recipient.first().and_then(|entity| entity.code.as_deref())
    }

    #[test]
    fn a_complaint_to_one_party_about_another_is_aimed_at_the_other() {
        let events =
            code_text("Lebanon complained to the United Nations on Monday over Syrian shelling of its villages.");
        let complaint = coded(&events, "ACCUSE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_code(complaint), Some("SYR"), "{complaint:#?}");
        // With nothing complained about, the addressee stays the recipient.
        let events = code_text("Lebanon complained to the United Nations on Monday.");
        let complaint = coded(&events, "ACCUSE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_code(complaint), Some("UNO"), "{complaint:#?}");
    }

    #[test]
    fn the_owner_of_an_object_moved_after_its_as_phrase_is_the_recipient() {
        let events = code_text("Greece denounced as a provocation Turkey's drilling off the coast of Cyprus.");
        let denunciation = coded(&events, "ACCUSE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_code(denunciation), Some("TUR"), "{denunciation:#?}");
    }

    #[test]
    fn a_state_moving_its_own_troops_acts_on_the_place_they_leave() {
        let events = code_text("Russia agreed to withdraw its troops from neighbouring Moldova.");
        let withdrawal = events.first().unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_code(withdrawal), Some("MDA"), "{withdrawal:#?}");
    }

    #[test]
    fn police_act_on_people_of_their_own_country() {
        let events = code_text("Egyptian police arrested journalists covering a visit by the Israeli prime minister.");
        let arrest = coded(&events, "COERCE").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(arrest.actor[0].code.as_deref(), Some("EGY"), "{arrest:#?}");
        assert_eq!(recipient_code(arrest), Some("EGY"), "{arrest:#?}");
        assert_eq!(arrest.recipient[0].sector.as_deref(), Some("JRN"), "{arrest:#?}");
    }

    #[test]
    fn a_protest_is_aimed_at_the_party_its_purpose_makes_demands_of() {
        let events = code_text(
            "Young Moroccans blocked roads in the capital on Sunday to press their demands for jobs from Morocco's government.",
        );
        let protest = coded(&events, "PROTEST").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_code(protest), Some("MAR"), "{protest:#?}");
        assert_eq!(protest.recipient[0].sector.as_deref(), Some("GOV"), "{protest:#?}");
    }

    #[test]
    fn coordinated_verbs_share_their_recipient() {
        let events =
            code_text("Canadian doctors donated and personally delivered medicine to the Afghan health ministry.");
        let aid = coded(&events, "AID").unwrap_or_else(|| panic!("{events:#?}"));
        assert_eq!(recipient_code(aid), Some("AFG"), "{aid:#?}");
    }
}
