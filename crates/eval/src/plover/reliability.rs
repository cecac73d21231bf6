//! The reliability tables of `dyad eval plover`: does an event's confidence say how often
//! such events are right?
//!
//! Three tables, each binned by [`CONFIDENCE_BINS`] with "correct" meaning a type + actor
//! match with the sentence's gold event:
//! - **as coded**: the confidences the coder gave, by the shipped weights. When those weights
//!   were fitted on this file, this is an in-sample measure and flatters the model;
//! - **held out**: the events are split into [`FOLDS`] folds by gold record (record `i` in
//!   fold `i % FOLDS`, so a sentence's events stay together) and each fold is scored by
//!   weights fitted, with the shipped model's features, directions and penalty, on the other
//!   folds only ([`dyad_code::cross_fitted_confidences`]). This is the honest measure;
//! - **refit in sample**: the weights fitted on all the file's events, scored on them. The
//!   report prints those weights as the constant to paste into `crates/code/src/confidence.rs`,
//!   which is how the shipped weights are refitted (see that module's docs).
//!
//! One fold assignment can be lucky: the report also gives the held-out count above 0.8 under
//! [`OTHER_ASSIGNMENTS`] further assignments, each a fixed pseudo-random shuffle of the
//! records (deterministic: the same file always gives the same report).
//!
//! Events whose evidence is unknown (none, in a report this module's `evaluate_plover`
//! codes) are left out of the held-out and refit tables.

use super::{CONFIDENCE_BINS, MatchLevel, PloverReport, ReliabilityBin, confidence_bin, match_level};
use crate::table::{TextTable, percent};
use dyad_code::{ConfidenceModel, EventEvidence, FOLDS, LabelledEvidence, PENALTY, cross_fitted_confidences};
use std::collections::BTreeMap;
use std::fmt;

/// The confidence threshold the issue sets: events above it must be right ≥ 80% of the time.
pub const CONFIDENT: f64 = 0.8;

/// How many shuffled fold assignments the report measures besides `record % FOLDS`.
pub const OTHER_ASSIGNMENTS: u64 = 5;

/// The reliability of confidences fitted on part of the file and measured on the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldOutReliability {
    /// Each event scored by the model fitted on the other folds.
    pub held_out: Vec<ReliabilityBin>,
    /// (events, correct) with a held-out confidence above [`CONFIDENT`].
    pub held_out_confident: (usize, usize),
    /// The model fitted on every event of the file.
    pub refit: ConfidenceModel,
    /// Every event scored by `refit` (in sample).
    pub refit_in_sample: Vec<ReliabilityBin>,
    /// (events, correct) with an in-sample refit confidence above [`CONFIDENT`].
    pub refit_confident: (usize, usize),
    /// (events, correct) above [`CONFIDENT`] held out under each shuffled fold assignment.
    pub other_assignments_confident: Vec<(usize, usize)>,
    /// The events the tables count.
    pub events: usize,
}

/// A fixed pseudo-random 64-bit value of (group, assignment): splitmix64's finaliser.
fn mix(group: usize, assignment: u64) -> u64 {
    let mut value = (group as u64) ^ assignment.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    value = (value ^ (value >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    value ^ (value >> 31)
}

/// The events with their groups renumbered in a shuffled order, so that `group % folds`
/// deals the records into folds of equal size in another way.
fn shuffled_groups(events: &[LabelledEvidence], assignment: u64) -> Vec<LabelledEvidence> {
    let mut groups: Vec<usize> = events.iter().map(|event| event.group).collect();
    groups.sort_unstable();
    groups.dedup();
    groups.sort_by_key(|group| (mix(*group, assignment), *group));
    let rank_of: BTreeMap<usize, usize> = groups.iter().enumerate().map(|(rank, group)| (*group, rank)).collect();
    events.iter().map(|event| LabelledEvidence { group: rank_of[&event.group], ..event.clone() }).collect()
}

/// Counts (confidence, match level) pairs into the bins of [`CONFIDENCE_BINS`].
pub(super) fn count_bins(scored: &[(f64, MatchLevel)]) -> Vec<ReliabilityBin> {
    let mut bins = vec![ReliabilityBin::default(); CONFIDENCE_BINS.len()];
    for (confidence, level) in scored {
        let bin = &mut bins[confidence_bin(*confidence)];
        bin.events += 1;
        bin.correct += usize::from(*level >= MatchLevel::TypeActor);
        bin.type_correct += usize::from(*level >= MatchLevel::Type);
    }
    bins
}

/// (events, correct at type + actor) with a confidence above `threshold`.
pub(super) fn count_above(scored: &[(f64, MatchLevel)], threshold: f64) -> (usize, usize) {
    let above: Vec<&MatchLevel> =
        scored.iter().filter(|(confidence, _)| *confidence > threshold).map(|(_, level)| level).collect();
    (above.len(), above.iter().filter(|level| ***level >= MatchLevel::TypeActor).count())
}

impl PloverReport {
    /// Every output event with known evidence, labelled right (type + actor match) or wrong,
    /// grouped by its gold record, with its match level.
    fn labelled_evidence(&self) -> (Vec<LabelledEvidence>, Vec<MatchLevel>) {
        let mut labelled = Vec::new();
        let mut levels = Vec::new();
        for (group, outcome) in self.outcomes.iter().enumerate() {
            for (event, evidence) in outcome.events.iter().zip(&outcome.evidence) {
                let level = match_level(event, &outcome.record);
                labelled.push(LabelledEvidence {
                    evidence: evidence.clone(),
                    correct: level >= MatchLevel::TypeActor,
                    group,
                });
                levels.push(level);
            }
        }
        (labelled, levels)
    }

    /// The held-out and refit reliability of the confidence model on this file's events.
    pub fn held_out_reliability(&self) -> HeldOutReliability {
        let (labelled, levels) = self.labelled_evidence();
        let held_out: Vec<(f64, MatchLevel)> =
            cross_fitted_confidences(&labelled, FOLDS, PENALTY).into_iter().zip(levels.iter().copied()).collect();
        let training: Vec<(&EventEvidence, bool)> =
            labelled.iter().map(|event| (&event.evidence, event.correct)).collect();
        let refit = ConfidenceModel::fit(&training, PENALTY);
        let in_sample: Vec<(f64, MatchLevel)> =
            labelled.iter().map(|event| refit.confidence(&event.evidence)).zip(levels.iter().copied()).collect();
        let other_assignments_confident = (1..=OTHER_ASSIGNMENTS)
            .map(|assignment| {
                let shuffled = shuffled_groups(&labelled, assignment);
                let confidences = cross_fitted_confidences(&shuffled, FOLDS, PENALTY);
                let scored: Vec<(f64, MatchLevel)> = confidences.into_iter().zip(levels.iter().copied()).collect();
                count_above(&scored, CONFIDENT)
            })
            .collect();
        HeldOutReliability {
            held_out: count_bins(&held_out),
            held_out_confident: count_above(&held_out, CONFIDENT),
            refit,
            refit_in_sample: count_bins(&in_sample),
            refit_confident: count_above(&in_sample, CONFIDENT),
            other_assignments_confident,
            events: labelled.len(),
        }
    }
}

fn reliability_table(bins: &[ReliabilityBin]) -> TextTable {
    let mut table = TextTable::new(["confidence", "events", "correct", "share", "type right", "share"]);
    for ((low, high), bin) in CONFIDENCE_BINS.iter().zip(bins) {
        table.row([
            format!("{low:.1}–{high:.1}"),
            bin.events.to_string(),
            bin.correct.to_string(),
            percent(bin.correct, bin.events),
            bin.type_correct.to_string(),
            percent(bin.type_correct, bin.events),
        ]);
    }
    table
}

fn confident_line((events, correct): (usize, usize)) -> String {
    format!("confidence > {CONFIDENT}: {events} events, {correct} correct ({}); target ≥ 80%", percent(correct, events))
}

/// The report's reliability section: the three tables and the refit weights.
pub(super) fn write_reliability(f: &mut fmt::Formatter<'_>, report: &PloverReport) -> fmt::Result {
    writeln!(
        f,
        "Reliability as coded (shipped weights; in sample if they were fitted on this file; \
         correct = type + actor match):\n{}",
        reliability_table(&report.reliability())
    )?;
    writeln!(f, "As coded, {}\n", confident_line(report.above_confidence(CONFIDENT)))?;
    let checked = report.held_out_reliability();
    writeln!(
        f,
        "Reliability held out ({FOLDS} folds by record, each scored by weights fitted on the other folds; \
         {} events):\n{}",
        checked.events,
        reliability_table(&checked.held_out)
    )?;
    writeln!(f, "Held out, {}", confident_line(checked.held_out_confident))?;
    let others: Vec<String> = checked
        .other_assignments_confident
        .iter()
        .map(|(events, correct)| format!("{correct}/{events} ({})", percent(*correct, *events)))
        .collect();
    writeln!(
        f,
        "Held out under {OTHER_ASSIGNMENTS} shuffled fold assignments, correct/events above {CONFIDENT}: {}\n",
        others.join(", ")
    )?;
    writeln!(
        f,
        "Reliability of the weights refitted on all {} events, in sample:\n{}",
        checked.events,
        reliability_table(&checked.refit_in_sample)
    )?;
    writeln!(f, "Refit in sample, {}", confident_line(checked.refit_confident))?;
    writeln!(
        f,
        "Refitted weights (penalty {PENALTY}; to ship them, paste over the constant in \
         crates/code/src/confidence.rs):\n{}\n",
        checked.refit.weights_source()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::tests::entity;
    use crate::plover::{GoldActor, PloverOutcome, PloverRecord};
    use crate::test_support::event_of_type;
    use dyad_document::PartialDate;
    use dyad_record::EventRecord;

    fn record(index: usize) -> PloverRecord {
        PloverRecord {
            id: format!("r{index}"),
            text: "Norland rejected the offer from Elbonia.".into(),
            date: PartialDate::year(2001),
            event: "REJECT".into(),
            sources: vec![GoldActor { text: "Norland".into(), code: "NOR".into(), sector: None }],
            targets: vec![],
        }
    }

    fn event(event_type: &str, confidence: f64) -> EventRecord {
        event_of_type(event_type, vec![entity("Norland", Some("NOR"), None)], vec![], confidence)
    }

    fn evidence(event_type: &str, main_clause: bool) -> EventEvidence {
        EventEvidence {
            event_type: event_type.into(),
            main_clause,
            actor_adjacent: main_clause,
            actor_has_country: true,
            asserted: true,
            sentence_words: 12,
            events_in_sentence: 1,
            first_in_sentence: true,
            ..EventEvidence::default()
        }
    }

    /// Twenty records: a right REJECT in a main clause each, and in every other record a
    /// wrong ASSAULT from a subordinate clause.
    fn report() -> PloverReport {
        let outcomes = (0..20)
            .map(|index| {
                let mut events = vec![event("REJECT", 0.9)];
                let mut evidences = vec![evidence("REJECT", true)];
                if index % 2 == 0 {
                    events.push(event("ASSAULT", 0.3));
                    evidences.push(evidence("ASSAULT", false));
                }
                PloverOutcome {
                    record: record(index),
                    events,
                    evidence: evidences,
                    best: MatchLevel::TypeActorRecipient,
                }
            })
            .collect();
        PloverReport { file: "gold.json".into(), outcomes }
    }

    #[test]
    fn held_out_tables_count_every_event_with_evidence() {
        let checked = report().held_out_reliability();
        assert_eq!(checked.events, 30);
        assert_eq!(checked.held_out.iter().map(|bin| bin.events).sum::<usize>(), 30);
        assert_eq!(checked.held_out.iter().map(|bin| bin.correct).sum::<usize>(), 20);
        assert_eq!(checked.refit_in_sample.iter().map(|bin| bin.events).sum::<usize>(), 30);
    }

    #[test]
    fn held_out_confidence_separates_what_the_other_folds_taught() {
        // The right events are told apart by evidence every fold sees, so held out they are
        // still confident and the wrong ones are not.
        let checked = report().held_out_reliability();
        assert_eq!(checked.held_out_confident, (20, 20));
        assert_eq!(checked.held_out[0], ReliabilityBin { events: 10, correct: 0, type_correct: 0 });
    }

    #[test]
    fn events_without_evidence_are_left_out() {
        let mut report = report();
        report.outcomes[0].evidence.clear();
        assert_eq!(report.held_out_reliability().events, 28);
    }

    #[test]
    fn the_report_prints_three_tables_and_the_weights_to_paste() {
        let report = report();
        let text = report.to_string();
        for expected in ["Reliability as coded", "Reliability held out", "in sample", "const SHIPPED_WEIGHTS"] {
            assert!(text.contains(expected), "{expected} missing from\n{text}");
        }
        assert_eq!(report.held_out_reliability(), report.held_out_reliability());
    }

    #[test]
    fn shuffled_assignments_keep_each_record_whole_and_deal_folds_evenly() {
        let (labelled, _) = report().labelled_evidence();
        let shuffled = shuffled_groups(&labelled, 1);
        assert_ne!(
            shuffled.iter().map(|event| event.group).collect::<Vec<_>>(),
            labelled.iter().map(|event| event.group).collect::<Vec<_>>()
        );
        for (before, after) in labelled.iter().zip(&shuffled) {
            let same_record_before: Vec<bool> = labelled.iter().map(|other| other.group == before.group).collect();
            let same_record_after: Vec<bool> = shuffled.iter().map(|other| other.group == after.group).collect();
            assert_eq!(same_record_before, same_record_after);
        }
        let mut per_fold = [0; FOLDS];
        let mut groups: Vec<usize> = shuffled.iter().map(|event| event.group).collect();
        groups.dedup();
        for group in groups {
            per_fold[group % FOLDS] += 1;
        }
        assert_eq!(per_fold, [4; FOLDS]);
        assert_eq!(report().held_out_reliability().other_assignments_confident.len(), OTHER_ASSIGNMENTS as usize);
    }

    #[test]
    fn counting_above_a_threshold_is_strict() {
        let scored = [(0.8, MatchLevel::TypeActor), (0.81, MatchLevel::TypeActor), (0.95, MatchLevel::Type)];
        assert_eq!(count_above(&scored, CONFIDENT), (2, 1));
    }
}
