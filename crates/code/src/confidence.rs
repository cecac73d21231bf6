//! How far to trust a coded event: a logistic model over the evidence the coder had.
//!
//! Each event carries an [`EventEvidence`]: facts about how it was found that predict whether
//! it is right (whether its verb heads the sentence's main clause or sits in a subordinate,
//! relative or adjunct clause; whether the actor is the verb's own subject next to it or was
//! reached across a relative pronoun, an infinitive or another clause; whether the recipient
//! is the direct object, a prepositional target, or missing; whether the pattern matched more
//! than the bare verb; the modality; the sentence's length; how many events the sentence
//! gave), and its PLOVER type, since some types are coded far more reliably than others (a
//! verb of rejection is rarely anything else; "closed", "blocked" and "lifted" are read as
//! coercion or concession in sentences that report other things). [`confidence`] is
//! `1 / (1 + e^-z)` with `z` the weighted sum of the [`features`].
//!
//! How the weights are chosen, so that the number means what it says: an event counts as
//! correct when it has its sentence's gold PLOVER type and an actor overlapping the gold
//! source (the `dyad eval plover` rule). [`ConfidenceModel::fit`] fits an L2-penalised
//! logistic regression ([`PENALTY`]) to every event the coder gives on the PLOVER gold
//! records, by coordinate-wise Newton steps in a fixed order (deterministic, no randomness).
//! Each structural feature has a [`Direction`] fixed beforehand, and the fit keeps its weight
//! on that side of zero: stronger evidence never lowers the confidence, whatever the data.
//! The PLOVER types are one-hot features pulled towards zero by the penalty, so a type seen
//! on few events keeps close to the average.
//!
//! The reliability claimed for the model is measured on events the weights never saw:
//! [`cross_fitted_confidences`] splits the events into [`FOLDS`] folds by gold record and
//! scores each fold with weights fitted on the others. `dyad eval plover` prints that
//! held-out table next to the table of the confidences the coder gave, and the weights
//! fitted on all the file's events. **To refit** (whenever the coder's rules change what it
//! finds), run, from the workspace root,
//!
//! ```text
//! cargo run --release -p dyad -- eval plover ../shared/eval/plover-gsr/PLOVER_GSR_CAMEO.dev.json
//! ```
//!
//! and paste its `SHIPPED_WEIGHTS` line over the constant below. The penalty (0.5) was picked
//! among 0.3, 0.5, 1 and 2 on the held-out table, the one choice made with all folds in view.
//! At the last fit (177 events) the held-out table gave 41 events above 0.8, 80.5% right, and
//! 37 to 44 events, 81% to 88% right, under five shuffled fold assignments; in sample the
//! weights put 48 events above 0.8, 93.8% right. The gold file has one gold event a
//! sentence, so a real second event of a sentence counts as wrong; its sentences come from
//! the CAMEO manual, so on news text the type weights are an estimate, not a measurement.
//!
//! Invariants: the confidence lies in [0.05, 0.95] and is rounded to two decimals (the
//! records print it that way); the same evidence always gives the same confidence; fitting
//! the same events gives the same weights, bit for bit.

/// What the coder knew when it coded one event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventEvidence {
    /// The event's id (as in its [`dyad_record::EventRecord`]).
    pub event_id: String,
    /// The event's PLOVER type (as in its record when its confidence was set).
    pub event_type: String,
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

/// The PLOVER 0.8 event types, one feature each (alphabetical). A type outside this list
/// (a validation suite's unmapped code) sets none of them: it is scored as an average type.
pub const EVENT_TYPES: [&str; 16] = [
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
];

/// The intercept and the thirteen structural features, before the type features.
const STRUCTURAL_COUNT: usize = 14;

/// The length of the feature vector: the intercept, thirteen pieces of structural evidence
/// and one feature per PLOVER type.
pub const FEATURE_COUNT: usize = STRUCTURAL_COUNT + EVENT_TYPES.len();

/// Which way a feature may move the confidence: the sign its weight is kept to by the fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// More of it never lowers the confidence (weight ≥ 0).
    Raises,
    /// More of it never raises the confidence (weight ≤ 0).
    Lowers,
    /// No sign known beforehand (the intercept, the event types, ambiguous evidence).
    Free,
}

/// The name and direction of each structural feature, in the order of [`features`].
const STRUCTURAL_FEATURES: [(&str, Direction); STRUCTURAL_COUNT] = [
    ("intercept", Direction::Free),
    ("main_clause", Direction::Raises),
    ("actor_adjacent", Direction::Raises),
    ("actor_has_country", Direction::Raises),
    ("actor_unknown", Direction::Lowers),
    ("recipient_coded", Direction::Raises),
    // A direct object is cleaner evidence than a prepositional target, but a missing
    // recipient also means no wrong one; neither direction is known beforehand.
    ("recipient_direct", Direction::Free),
    ("recipient_missing", Direction::Free),
    ("pattern_specific", Direction::Raises),
    ("asserted", Direction::Raises),
    ("sentence_length", Direction::Lowers),
    ("other_events_in_sentence", Direction::Lowers),
    ("first_in_sentence", Direction::Raises),
    ("actor_opens_sentence", Direction::Raises),
];

/// The name of feature `index` (the structural evidence, then `type:<PLOVER type>`).
pub fn feature_name(index: usize) -> String {
    match index.checked_sub(STRUCTURAL_COUNT) {
        None => STRUCTURAL_FEATURES[index].0.to_string(),
        Some(type_index) => format!("type:{}", EVENT_TYPES.get(type_index).copied().unwrap_or("?")),
    }
}

/// The direction of each feature, in the order of [`features`].
pub fn feature_directions() -> [Direction; FEATURE_COUNT] {
    let mut directions = [Direction::Free; FEATURE_COUNT];
    for (direction, (_, structural)) in directions.iter_mut().zip(STRUCTURAL_FEATURES) {
        *direction = structural;
    }
    directions
}

/// The L2 penalty of the fit (on every weight but the intercept); see the module docs.
pub const PENALTY: f64 = 0.5;

/// The number of folds of the held-out measurement.
pub const FOLDS: usize = 5;

/// The shipped model's weights, in the order of [`features`]; the first is the intercept.
/// Fitted as the module docs say (paste the line `dyad eval plover` prints).
const SHIPPED_WEIGHTS: [f64; FEATURE_COUNT] = [
    -5.35, 0.64, 0.32, 1.96, 0.00, 1.12, -0.05, -0.15, 0.53, 1.42, -0.82, -0.80, 2.26, 0.00, -1.04, 1.43, 0.57, -0.73,
    -1.54, -0.33, 0.27, -0.30, 0.21, 0.37, 1.34, -0.63, -0.80, -0.93, 0.76, 1.34,
];

/// The feature vector: a leading 1 for the intercept, then each piece of evidence, then a 1
/// for the event's PLOVER type.
pub fn features(evidence: &EventEvidence) -> [f64; FEATURE_COUNT] {
    let flag = |value: bool| if value { 1.0 } else { 0.0 };
    let structural = [
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
    ];
    let mut vector = [0.0; FEATURE_COUNT];
    vector[..STRUCTURAL_COUNT].copy_from_slice(&structural);
    if let Some(type_index) = EVENT_TYPES.iter().position(|known| *known == evidence.event_type) {
        vector[STRUCTURAL_COUNT + type_index] = 1.0;
    }
    vector
}

/// A logistic model over [`features`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConfidenceModel {
    weights: [f64; FEATURE_COUNT],
}

impl ConfidenceModel {
    /// The model the coder uses.
    pub const fn shipped() -> ConfidenceModel {
        ConfidenceModel { weights: SHIPPED_WEIGHTS }
    }

    pub const fn from_weights(weights: [f64; FEATURE_COUNT]) -> ConfidenceModel {
        ConfidenceModel { weights }
    }

    pub fn weights(&self) -> &[f64; FEATURE_COUNT] {
        &self.weights
    }

    /// Fits the model to events labelled right or wrong, with the L2 `penalty` and each
    /// feature's weight kept to its [`Direction`]. No events give the zero model (0.5).
    pub fn fit(events: &[(&EventEvidence, bool)], penalty: f64) -> ConfidenceModel {
        let rows: Vec<([f64; FEATURE_COUNT], bool)> =
            events.iter().map(|(evidence, correct)| (features(evidence), *correct)).collect();
        ConfidenceModel { weights: fit_logistic(&rows, &feature_directions(), penalty) }
    }

    /// The model's probability that the event is right, unrounded.
    pub fn probability(&self, evidence: &EventEvidence) -> f64 {
        let score: f64 = features(evidence).iter().zip(self.weights).map(|(value, weight)| value * weight).sum();
        sigmoid(score)
    }

    /// The probability as records carry it: within [0.05, 0.95], two decimals.
    pub fn confidence(&self, evidence: &EventEvidence) -> f64 {
        (self.probability(evidence).clamp(0.05, 0.95) * 100.0).round() / 100.0
    }

    /// The weights as a Rust constant, two decimals each, to paste into this module.
    pub fn weights_source(&self) -> String {
        let listed: Vec<String> = self.weights.iter().map(|weight| format!("{:.2}", round_weight(*weight))).collect();
        format!("const SHIPPED_WEIGHTS: [f64; FEATURE_COUNT] = [{}];", listed.join(", "))
    }
}

/// Two decimals, with -0.00 written as 0.00.
fn round_weight(weight: f64) -> f64 {
    let rounded = (weight * 100.0).round() / 100.0;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// The probability, by the shipped model, that the event is right.
pub fn confidence(evidence: &EventEvidence) -> f64 {
    ConfidenceModel::shipped().confidence(evidence)
}

/// One event of a gold file, for fitting and measuring: its evidence, whether it is right,
/// and the gold record (group) it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelledEvidence {
    pub evidence: EventEvidence,
    pub correct: bool,
    /// Events of one group are never split between fitting and measuring: the group of an
    /// event is its gold record's index, and its fold is `group % folds`.
    pub group: usize,
}

/// Each event's confidence (rounded as records carry it) by the model fitted, with
/// `penalty`, on the events of the other `folds - 1` folds: the honest measure of how the
/// fit does on sentences it never saw. `folds` below 2 is taken as 2.
pub fn cross_fitted_confidences(events: &[LabelledEvidence], folds: usize, penalty: f64) -> Vec<f64> {
    let folds = folds.max(2);
    let mut confidences = vec![0.0; events.len()];
    for fold in 0..folds {
        let training: Vec<(&EventEvidence, bool)> = events
            .iter()
            .filter(|event| event.group % folds != fold)
            .map(|event| (&event.evidence, event.correct))
            .collect();
        let model = ConfidenceModel::fit(&training, penalty);
        for (confidence, event) in confidences.iter_mut().zip(events) {
            if event.group % folds == fold {
                *confidence = model.confidence(&event.evidence);
            }
        }
    }
    confidences
}

fn sigmoid(score: f64) -> f64 {
    1.0 / (1.0 + (-score).exp())
}

/// `ln(1 + e^z)` without overflow.
fn softplus(score: f64) -> f64 {
    score.max(0.0) + (-score.abs()).exp().ln_1p()
}

/// Most sweeps over the coordinates; the fit stops earlier once no weight moves by more
/// than [`CONVERGED`].
const MAX_SWEEPS: usize = 2000;
const CONVERGED: f64 = 1e-9;

/// L2-penalised logistic regression by cyclic coordinate descent: each weight in turn takes
/// a Newton step on its own coordinate, is clipped to its direction's side of zero, and is
/// halved back towards its old value until the objective does not rise. The objective is
/// convex and the coordinate order fixed, so the result is unique up to [`CONVERGED`] and the
/// same on every run. The penalty spares the intercept (index 0).
fn fit_logistic<const N: usize>(rows: &[([f64; N], bool)], directions: &[Direction; N], penalty: f64) -> [f64; N] {
    let mut weights = [0.0; N];
    let mut scores = vec![0.0; rows.len()];
    for _ in 0..MAX_SWEEPS {
        let mut largest_move: f64 = 0.0;
        for coordinate in 0..N {
            let coordinate_penalty = if coordinate == 0 { 0.0 } else { penalty };
            let step = coordinate_step(
                rows,
                &scores,
                coordinate,
                weights[coordinate],
                directions[coordinate],
                coordinate_penalty,
            );
            if step != 0.0 {
                weights[coordinate] += step;
                for (score, (features, _)) in scores.iter_mut().zip(rows) {
                    *score += step * features[coordinate];
                }
            }
            largest_move = largest_move.max(step.abs());
        }
        if largest_move < CONVERGED {
            break;
        }
    }
    weights
}

/// The change to one weight: a Newton step on the coordinate, kept to the direction's side of
/// zero and halved until the penalised loss does not rise (so every step is a descent).
fn coordinate_step<const N: usize>(
    rows: &[([f64; N], bool)],
    scores: &[f64],
    coordinate: usize,
    weight: f64,
    direction: Direction,
    penalty: f64,
) -> f64 {
    let mut gradient = penalty * weight;
    let mut curvature = penalty;
    for ((features, correct), score) in rows.iter().zip(scores) {
        let value = features[coordinate];
        if value == 0.0 {
            continue;
        }
        let probability = sigmoid(*score);
        gradient += (probability - f64::from(u8::from(*correct))) * value;
        curvature += probability * (1.0 - probability) * value * value;
    }
    if curvature <= f64::MIN_POSITIVE {
        return 0.0;
    }
    let target = match direction {
        Direction::Raises => (weight - gradient / curvature).max(0.0),
        Direction::Lowers => (weight - gradient / curvature).min(0.0),
        Direction::Free => weight - gradient / curvature,
    };
    let loss_at = |step: f64| coordinate_loss(rows, scores, coordinate, weight, step, penalty);
    let current = loss_at(0.0);
    let mut step = target - weight;
    for _ in 0..40 {
        if loss_at(step) <= current {
            return step;
        }
        step /= 2.0;
    }
    0.0
}

/// The penalised loss with one weight moved by `step` (the other weights as they are).
fn coordinate_loss<const N: usize>(
    rows: &[([f64; N], bool)],
    scores: &[f64],
    coordinate: usize,
    weight: f64,
    step: f64,
    penalty: f64,
) -> f64 {
    let data_loss: f64 = rows
        .iter()
        .zip(scores)
        .map(|((features, correct), score)| {
            let moved = score + step * features[coordinate];
            if *correct { softplus(-moved) } else { softplus(moved) }
        })
        .sum();
    data_loss + 0.5 * penalty * (weight + step).powi(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strong() -> EventEvidence {
        EventEvidence {
            event_type: "REJECT".into(),
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

    /// Small deterministic generator (xorshift64*), so the synthetic data is the same on
    /// every run without a dependency.
    struct Sequence(u64);

    impl Sequence {
        fn next_unit(&mut self) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    /// Rows drawn from a known logistic model over three binary features and an intercept.
    fn synthetic_rows(true_weights: [f64; 4], count: usize) -> Vec<([f64; 4], bool)> {
        let mut sequence = Sequence(0x9E37_79B9_7F4A_7C15);
        (0..count)
            .map(|_| {
                let mut row = [1.0, 0.0, 0.0, 0.0];
                for value in &mut row[1..] {
                    *value = if sequence.next_unit() < 0.5 { 1.0 } else { 0.0 };
                }
                let score: f64 = row.iter().zip(true_weights).map(|(value, weight)| value * weight).sum();
                (row, sequence.next_unit() < sigmoid(score))
            })
            .collect()
    }

    #[test]
    fn the_fitter_recovers_known_weights() {
        let true_weights = [-1.0, 2.0, -1.5, 0.5];
        let rows = synthetic_rows(true_weights, 20_000);
        let fitted = fit_logistic(&rows, &[Direction::Free; 4], 0.01);
        for (fitted, truth) in fitted.iter().zip(true_weights) {
            assert!((fitted - truth).abs() < 0.12, "fitted {fitted:?}, true {true_weights:?}");
        }
    }

    #[test]
    fn the_fitter_keeps_each_weight_to_its_direction() {
        // The second feature truly lowers the odds; declared as raising, its weight stays at 0.
        let rows = synthetic_rows([-1.0, 2.0, -1.5, 0.5], 5_000);
        let directions = [Direction::Free, Direction::Free, Direction::Raises, Direction::Free];
        let fitted = fit_logistic(&rows, &directions, 0.01);
        assert_eq!(fitted[2], 0.0, "{fitted:?}");
        assert!(fitted[1] > 1.5, "{fitted:?}");
    }

    #[test]
    fn the_penalty_shrinks_weights_towards_zero() {
        let rows = synthetic_rows([-1.0, 2.0, -1.5, 0.5], 2_000);
        let loose = fit_logistic(&rows, &[Direction::Free; 4], 0.01);
        let tight = fit_logistic(&rows, &[Direction::Free; 4], 500.0);
        for index in 1..4 {
            assert!(tight[index].abs() < loose[index].abs() / 2.0, "{loose:?} {tight:?}");
        }
    }

    #[test]
    fn fitting_is_deterministic() {
        let rows = synthetic_rows([0.3, 1.0, -0.7, 0.2], 3_000);
        let directions = [Direction::Free; 4];
        assert_eq!(fit_logistic(&rows, &directions, 0.5), fit_logistic(&rows, &directions, 0.5));
    }

    #[test]
    fn stronger_evidence_never_lowers_confidence() {
        let best = ConfidenceModel::shipped().probability(&strong());
        let embedded = EventEvidence { main_clause: false, ..strong() };
        let borrowed_actor = EventEvidence { actor_adjacent: false, ..strong() };
        let long_sentence = EventEvidence { sentence_words: 60, ..strong() };
        let not_leading = EventEvidence { first_in_sentence: false, ..strong() };
        let no_country = EventEvidence { actor_has_country: false, ..strong() };
        let unknown_actor = EventEvidence { actor_unknown: true, ..strong() };
        let crowded = EventEvidence { events_in_sentence: 3, ..strong() };
        let bare_verb = EventEvidence { pattern_specific: false, ..strong() };
        let negated = EventEvidence { asserted: false, ..strong() };
        for weaker in [
            embedded,
            borrowed_actor,
            long_sentence,
            not_leading,
            no_country,
            unknown_actor,
            crowded,
            bare_verb,
            negated,
        ] {
            assert!(ConfidenceModel::shipped().probability(&weaker) <= best, "{weaker:?}");
        }
    }

    #[test]
    fn shipped_weights_keep_their_directions() {
        for ((index, weight), direction) in SHIPPED_WEIGHTS.iter().enumerate().zip(feature_directions()) {
            let allowed = match direction {
                Direction::Raises => *weight >= 0.0,
                Direction::Lowers => *weight <= 0.0,
                Direction::Free => true,
            };
            assert!(allowed, "{} has weight {weight}, direction {direction:?}", feature_name(index));
        }
    }

    #[test]
    fn each_type_sets_its_own_feature_and_unknown_types_none() {
        for (index, event_type) in EVENT_TYPES.iter().enumerate() {
            let vector = features(&EventEvidence { event_type: event_type.to_string(), ..strong() });
            assert_eq!(vector[STRUCTURAL_COUNT..].iter().sum::<f64>(), 1.0);
            assert_eq!(vector[STRUCTURAL_COUNT + index], 1.0);
            assert_eq!(feature_name(STRUCTURAL_COUNT + index), format!("type:{event_type}"));
        }
        let unmapped = features(&EventEvidence { event_type: String::new(), ..strong() });
        assert!(unmapped[STRUCTURAL_COUNT..].iter().all(|value| *value == 0.0));
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

    #[test]
    fn cross_fitting_scores_each_group_by_a_model_that_never_saw_it() {
        // The events are alike; group 0 holds three extra right ones, so a model fitted with
        // group 0 in view rates its events higher than the model that never saw them.
        let event = |group: usize, correct: bool| LabelledEvidence { evidence: strong(), correct, group };
        let mut events: Vec<LabelledEvidence> = (0..10).map(|group| event(group, group % 2 == 1)).collect();
        events.extend((0..3).map(|_| event(0, true)));
        let held_out = cross_fitted_confidences(&events, 5, PENALTY);
        let all: Vec<(&EventEvidence, bool)> = events.iter().map(|event| (&event.evidence, event.correct)).collect();
        let in_sample = ConfidenceModel::fit(&all, PENALTY).confidence(&strong());
        assert_eq!(held_out.len(), events.len());
        assert!(held_out[0] < in_sample, "held out {} in sample {in_sample}", held_out[0]);
        assert_eq!(held_out, cross_fitted_confidences(&events, 5, PENALTY));
    }

    #[test]
    fn weights_print_as_a_constant_to_paste() {
        let source = ConfidenceModel::shipped().weights_source();
        assert!(source.starts_with("const SHIPPED_WEIGHTS: [f64; FEATURE_COUNT] = [-"), "{source}");
        assert_eq!(source.matches(", ").count(), FEATURE_COUNT - 1);
    }
}
