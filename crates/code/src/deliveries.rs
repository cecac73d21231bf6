//! Aid that arrives where the sentence says: "a convoy of 20 trucks carrying food entered the
//! Gaza Strip", "aid trucks crossed into Gaza from Egypt", "relief supplies reached the town".
//!
//! A delivery report names the aid and where it went, and often nobody who sent it; the verb
//! dictionary's giving patterns need a giver as subject, so such sentences coded nothing. Here
//! the aid phrase before a verb of arrival marks the act as AID, the place it reached is the
//! recipient, and the place it came "from" is the actor when the sentence says. With no sender
//! named the actor list stays empty (the record allows it) rather than being guessed.
//!
//! Invariants: the subject window must name aid (not just vehicles: a convoy of tanks entering
//! a town is no delivery) and the destination must be a place or country the knowledge base
//! knows; nothing else in the sentence is read.

use crate::clause::{VerbGroup, is_main_clause_verb, verb_group};
use crate::confidence::EventEvidence;
use crate::events::{CodedEvent, SentenceContext, event_date, event_id, event_location};
use crate::modality::{mark_historical_if_past, modality_of};
use dyad_actors::{ActorPhrase, PhraseKind, SentenceView};
use dyad_record::{Entity, EventRecord, Modality};
use dyad_verbs::cameo;

/// Verbs of arrival, as written: the aid went into, through or up to a place.
const ARRIVAL_VERBS: &[&str] = &[
    "enter", "enters", "entered", "entering", "reach", "reaches", "reached", "reaching", "cross", "crosses", "crossed",
    "crossing", "arrive", "arrives", "arrived", "arriving", "pass", "passes", "passed", "passing", "go", "goes",
    "went", "gone", "roll", "rolls", "rolled", "allowed", "admitted",
];

/// Words that make a subject aid rather than mere vehicles or people.
const AID_WORDS: &[&str] =
    &["aid", "humanitarian", "relief", "supplies", "medicine", "medicines", "medical", "food", "fuel", "water"];

/// How far before the verb the aid may be named ("the first of 20 trucks carrying humanitarian
/// aid entered"); a subject longer than this is rare in news and risks reading another clause.
const SUBJECT_WINDOW: usize = 12;

/// How far after the verb its destination may stand ("entered the war-torn and besieged Gaza
/// Strip", "passed through the Rafah crossing to Gaza").
const DESTINATION_WINDOW: usize = 10;

/// The delivery told by `verb`, if it is a verb of arrival with aid as its subject and a known
/// place as its destination.
pub(crate) fn aid_arrival(context: &SentenceContext, verb: usize) -> Option<CodedEvent> {
    let view = context.view;
    if !view.is_any_word(verb, ARRIVAL_VERBS) {
        return None;
    }
    let group = verb_group(view, verb, verb, verb + 1);
    if group.negated || !subject_names_aid(view, group.first) {
        return None;
    }
    let destination = destination(view, context.phrases, &group)?;
    let cameo = cameo("073")?;
    let actor: Vec<Entity> = origin(view, context.phrases, &group).into_iter().collect();
    let recipient = vec![destination];
    let date = event_date(context, &group);
    let verb_span = view.token_span(verb);
    let modality = modality_of(view, &group);
    let mut record = EventRecord {
        id: event_id(context.doc_id, view.sentence.span, verb_span, "AID"),
        event: "AID".into(),
        mode: cameo.plover_mode.clone(),
        context: cameo.plover_context.clone(),
        cameo: Some(cameo.code.clone()),
        goldstein: cameo.goldstein,
        quad_class: cameo.quad_class,
        confidence: 0.0,
        actor,
        recipient,
        date: date.date,
        date_source: date.source,
        date_text: date.text,
        modality,
        location: event_location(view, context.phrases, &group),
        event_text: view.text(verb_span).to_string(),
        doc_id: context.doc_id.to_string(),
        sentence: view.sentence.index,
        span: view.sentence.span,
        story_id: None,
    };
    mark_historical_if_past(&mut record, context.anchor);
    let evidence = EventEvidence {
        event_id: record.id.clone(),
        main_clause: is_main_clause_verb(view, &group),
        actor_has_country: record.actor.iter().any(|entity| entity.code.is_some()),
        recipient_coded: true,
        recipient_direct: !view.is_any_word(group.end, &["into", "to", "through"]),
        asserted: matches!(record.modality, Modality::Asserted | Modality::Historical),
        sentence_words: view.len(),
        ..EventEvidence::default()
    };
    Some(CodedEvent::new(record, evidence, &group))
}

/// Whether the words before the verb group (back to a finite verb, "that" or a semicolon)
/// name aid.
fn subject_names_aid(view: &SentenceView, group_first: usize) -> bool {
    let window_start = group_first.saturating_sub(SUBJECT_WINDOW);
    (window_start..group_first)
        .rev()
        .take_while(|&index| !ends_subject_window(view, index))
        .any(|index| view.is_any_word(index, AID_WORDS))
}

/// A finite verb or a clause link before the subject belongs to another clause.
fn ends_subject_window(view: &SentenceView, index: usize) -> bool {
    matches!(view.tag(index), "VBD" | "VBZ" | "VBP" | "MD")
        || view.is_any_word(index, &["that", ";", ":", "after", "before", "while", "when"])
}

/// The place the aid reached: after "into"/"to" anywhere in the window, otherwise the first
/// place after the verb (the object of "entered", "reached").
fn destination(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<Entity> {
    let window_end = (group.end + DESTINATION_WINDOW).min(view.len());
    let places: Vec<&ActorPhrase> = phrases
        .iter()
        .filter(|phrase| phrase.first_token >= group.end && phrase.first_token < window_end)
        .filter(|phrase| country_of_place_phrase(phrase).is_some())
        .filter(|phrase| !view.is_any_word(phrase.first_token.wrapping_sub(1), &["from", "with"]))
        .collect();
    let after_into = places.iter().find(|phrase| view.is_any_word(phrase.first_token.wrapping_sub(1), &["into", "to"]));
    let chosen = after_into.or(places.first())?;
    let code = country_of_place_phrase(chosen)?;
    Some(Entity { code: Some(code), sector: None, ..chosen.entity.clone() })
}

/// Where the aid came from: "from Egypt" after the verb.
fn origin(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<Entity> {
    let window_end = (group.end + DESTINATION_WINDOW).min(view.len());
    let phrase = phrases.iter().find(|phrase| {
        phrase.first_token > group.end
            && phrase.first_token < window_end
            && view.is_word(phrase.first_token - 1, "from")
            && country_of_place_phrase(phrase).is_some()
    })?;
    Some(Entity { code: country_of_place_phrase(phrase), sector: None, ..phrase.entity.clone() })
}

/// The country a place or country phrase stands in.
fn country_of_place_phrase(phrase: &ActorPhrase) -> Option<String> {
    match phrase.kind {
        PhraseKind::Country => phrase.entity.code.clone(),
        PhraseKind::Place | PhraseKind::City => phrase.place.as_ref().and_then(|place| place.country.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::tests::{code_text, find};

    fn recipient_codes(record: &dyad_record::EventRecord) -> Vec<Option<String>> {
        record.recipient.iter().map(|entity| entity.code.clone()).collect()
    }

    #[test]
    fn aid_trucks_entering_a_place_are_aid_to_it_with_no_sender_named() {
        let text = "A convoy of 30 trucks carrying food and medicine entered Lebanon on Sunday.";
        let coded = code_text(text, "2024-03-04");
        let aid = find(&coded, "AID");
        assert_eq!(recipient_codes(aid), vec![Some("LBN".to_string())]);
        assert!(aid.actor.is_empty(), "{aid:#?}");
        assert_eq!(aid.date.to_string(), "2024-03-03");
        let span = aid.recipient[0].span;
        assert_eq!(&text[span.start..span.end], "Lebanon");
    }

    #[test]
    fn the_place_aid_came_from_is_the_actor() {
        let coded = code_text("Relief supplies crossed into Syria from Turkey on Friday.", "2024-03-04");
        let aid = find(&coded, "AID");
        assert_eq!(recipient_codes(aid), vec![Some("SYR".to_string())]);
        assert_eq!(aid.actor.iter().map(|entity| entity.code.clone()).collect::<Vec<_>>(), vec![Some("TUR".into())]);
    }

    #[test]
    fn vehicles_without_aid_are_no_delivery() {
        let coded = code_text("A convoy of army trucks entered Lebanon on Sunday.", "2024-03-04");
        assert!(coded.events.iter().all(|event| event.event != "AID"), "{:#?}", coded.events);
    }
}
