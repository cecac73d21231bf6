//! How far to trust a coded event: a logistic model over the evidence the coder had.
//!
//! Each event carries an [`EventEvidence`]: facts about how it was found that predict whether
//! it is right (whether its verb heads the sentence's main clause or sits in a subordinate,
//! relative or adjunct clause; whether the actor is the verb's own subject next to it or was
//! reached across a relative pronoun, an infinitive or another clause; whether the recipient
//! is the direct object, a prepositional target, or missing; whether the pattern matched more
//! than the bare verb; the modality; the sentence's length; how many events the sentence
//! gave). [`confidence`] is `1 / (1 + e^-z)` with `z` the weighted sum of those features.
//!
//! How the weights were chosen (so that the number means what it says): an event counts as
//! correct when it has its sentence's gold PLOVER type and an actor overlapping the gold
//! source (the `dyad eval plover` rule). The features of every event the coder gives on the
//! PLOVER gold records (`PLOVER_GSR_CAMEO.dev.json`) were dumped with
//! `cargo run -p dyad-code --example confidence_features -- <file>` and an L2-penalised
//! logistic regression was fitted by `crates/code/scripts/fit_confidence.py` with 5-fold
//! cross-fitting: the reliability claimed for the model is that of each fold's events scored
//! by the model fitted on the other four folds, i.e. measured on sentences the weights never
//! saw. The weights below are the fit on all folds. The penalty (0.1) was picked among 1,
//! 0.3, 0.1 and 0.03 by the cross-fitted table, the one choice made with all folds in view.
//! Measured that way (196 events, last fit): below 0.5: 114 events, 18.4% right; 0.5–0.7: 34,
//! 58.8%; 0.7–0.8: 40, 75.0%; above 0.8: 7 events, only 3 right. The model is calibrated up
//! to 0.8 but the evidence here does not single out events that are right more than 80% of
//! the time (most wrong events with strong evidence have the wrong PLOVER type, which no
//! structural feature predicts); in sample it gives 3 events above 0.8, all right. The file
//! has one gold event a sentence, so a real second event of a sentence counts as wrong: on
//! news text the numbers are lower bounds.
//! Refit (and paste the printed weights) whenever the coder's rules change what it finds.
//!
//! Invariants: the confidence lies in [0.05, 0.95] and is rounded to two decimals (the
//! records print it that way); the same evidence always gives the same confidence.

/// What the coder knew when it coded one event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventEvidence {
    /// The event's id (as in its [`dyad_record::EventRecord`]).
    pub event_id: String,
    /// The verb heads the sentence's main clause, not a subordinate ("after X attacked"),
    /// relative ("which attacked"), infinitive ("to attack") or participle (", attacking")
    /// clause.
    pub main_clause: bool,
    /// The actor is the verb's own subject, ending at most two words before the verb group
    /// (or the passive's "by" agent right after it), not one reached across clauses.
    pub actor_adjacent: bool,
    /// Some actor has a country code.
    pub actor_has_country: bool,
    /// Some actor is a name the knowledge base does not know.
    pub actor_unknown: bool,
    /// Some recipient is coded (country or sector).
    pub recipient_coded: bool,
    /// The recipient is the verb's direct object (no preposition before it).
    pub recipient_direct: bool,
    /// No recipient was found.
    pub recipient_missing: bool,
    /// The pattern matched words beyond the bare verb.
    pub pattern_specific: bool,
    /// The event is asserted (or historical), not negated, future or hypothetical.
    pub asserted: bool,
    /// Words in the sentence.
    pub sentence_words: usize,
    /// Events the sentence gave, this one included.
    pub events_in_sentence: usize,
    /// No other event of the sentence has its verb earlier: news leads with its main event.
    pub first_in_sentence: bool,
    /// The actor opens the sentence (its first phrase starts within the first three words).
    pub actor_opens_sentence: bool,
}

/// The length of the feature vector: the intercept and thirteen pieces of evidence.
pub const FEATURE_COUNT: usize = 14;

/// The model's weights, in the order of [`features`]; the first is the intercept.
/// Fitted as the module comment says.
const WEIGHTS: [f64; FEATURE_COUNT] =
    [-8.92, 0.15, 1.41, 3.96, -1.61, 1.31, -0.48, 1.03, 0.34, 0.84, -0.92, 0.13, 1.90, 0.51];

/// The feature vector: a leading 1 for the intercept, then each piece of evidence.
pub fn features(evidence: &EventEvidence) -> [f64; FEATURE_COUNT] {
    let flag = |value: bool| if value { 1.0 } else { 0.0 };
    [
        1.0,
        flag(evidence.main_clause),
        flag(evidence.actor_adjacent),
        flag(evidence.actor_has_country),
        flag(evidence.actor_unknown),
        flag(evidence.recipient_coded),
        flag(evidence.recipient_direct),
        flag(evidence.recipient_missing),
        flag(evidence.pattern_specific),
        flag(evidence.asserted),
        // Long sentences hold more clauses to mistake one for another: words beyond 20, per 20.
        (evidence.sentence_words.saturating_sub(20) as f64 / 20.0).min(2.0),
        // Each further event of the same sentence is a competing reading.
        (evidence.events_in_sentence.saturating_sub(1) as f64).min(3.0),
        flag(evidence.first_in_sentence),
        flag(evidence.actor_opens_sentence),
    ]
}

/// The probability, by the fitted model, that the event is right.
pub fn confidence(evidence: &EventEvidence) -> f64 {
    let score: f64 = features(evidence).iter().zip(WEIGHTS).map(|(value, weight)| value * weight).sum();
    let probability = 1.0 / (1.0 + (-score).exp());
    (probability.clamp(0.05, 0.95) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strong() -> EventEvidence {
        EventEvidence {
            main_clause: true,
            actor_adjacent: true,
            actor_has_country: true,
            recipient_coded: true,
            recipient_direct: true,
            pattern_specific: true,
            asserted: true,
            sentence_words: 25,
            events_in_sentence: 1,
            first_in_sentence: true,
            actor_opens_sentence: true,
            ..EventEvidence::default()
        }
    }

    #[test]
    fn stronger_evidence_never_lowers_confidence() {
        let best = confidence(&strong());
        let embedded = EventEvidence { main_clause: false, ..strong() };
        let borrowed_actor = EventEvidence { actor_adjacent: false, ..strong() };
        let long_sentence = EventEvidence { sentence_words: 60, ..strong() };
        let not_leading = EventEvidence { first_in_sentence: false, ..strong() };
        let no_country = EventEvidence { actor_has_country: false, ..strong() };
        for weaker in [embedded, borrowed_actor, long_sentence, not_leading, no_country] {
            assert!(confidence(&weaker) < best, "{weaker:?}");
        }
    }

    #[test]
    fn confidence_stays_within_its_bounds_and_two_decimals() {
        let weakest = EventEvidence {
            actor_unknown: true,
            recipient_missing: true,
            sentence_words: 90,
            events_in_sentence: 9,
            ..EventEvidence::default()
        };
        for evidence in [strong(), weakest] {
            let value = confidence(&evidence);
            assert!((0.05..=0.95).contains(&value), "{value}");
            assert_eq!((value * 100.0).round() / 100.0, value);
        }
    }
}
