//! The PLOVER gold-standard records (`PLOVER_GSR_CAMEO.dev.json`): sentences from the CAMEO
//! manual, each with one gold event, coded with dyad's embedded knowledge base and verbs.
//!
//! Labels: the file uses PLOVER 0.5b1, dyad PLOVER 0.8; DEMAND → REQUEST, DISAPPROVE and
//! INVESTIGATE → ACCUSE, FIGHT → ASSAULT. The `DOCUMENT` record (file documentation) and any
//! record without text are skipped.
//!
//! Scoring, at three levels (type; type + actor; type + actor + recipient): a record's gold
//! event is found when one output event of its sentence has the gold type and, at the higher
//! levels, actors (recipients) that overlap the gold source (target) codes as defined in
//! [`crate::matching`] — same country code, `UNO`/`EUR` counting as `IGO`. Sectors are not
//! required to agree; their agreement is reported apart. A gold side left empty accepts any
//! output. Recall = found / gold records. Precision = found / output events: each sentence has
//! one gold event, so every further event of the sentence counts against precision even when
//! it is a real event, and precision is a lower bound.
//!
//! An output event is *correct* (for the reliability table) when it matches its sentence's
//! gold event at the type + actor level.

use crate::coding::code_text_with_evidence;
use crate::error::{EvalError, read_text};
use crate::matching::{any_overlap, describe_event, gold_code_overlaps};
use crate::petrarch_file::collapse_whitespace;
use crate::table::{TextTable, percent, ratio, snippet};
use dyad_code::EventEvidence;
use dyad_document::PartialDate;
use dyad_kb::KnowledgeBase;
use dyad_pipeline::Pipeline;
use dyad_record::EventRecord;
use dyad_verbs::VerbDictionary;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// PLOVER 0.5b1 event labels renamed in 0.8.
pub fn plover_08_label(label_05: &str) -> &str {
    match label_05 {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// One gold actor: its text, code and (0.5b1) sector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldActor {
    pub text: String,
    pub code: String,
    pub sector: Option<String>,
}

/// One gold record, its label already in PLOVER 0.8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PloverRecord {
    pub id: String,
    pub text: String,
    pub date: PartialDate,
    pub event: String,
    pub sources: Vec<GoldActor>,
    pub targets: Vec<GoldActor>,
}

impl PloverRecord {
    fn source_codes(&self) -> Vec<String> {
        self.sources.iter().map(|actor| actor.code.clone()).collect()
    }

    fn target_codes(&self) -> Vec<String> {
        self.targets.iter().map(|actor| actor.code.clone()).collect()
    }
}

/// Reads the gold records of a PLOVER GSR JSON file (an array of objects).
pub fn read_plover_records(path: &Path) -> Result<Vec<PloverRecord>, EvalError> {
    let text = read_text(path)?;
    let value: Value =
        serde_json::from_str(&text).map_err(|source| EvalError::Json { path: path.to_path_buf(), source })?;
    let Value::Array(items) = value else {
        return Err(EvalError::format(path, "expected a JSON array of records"));
    };
    let mut records = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if let Some(record) = parse_record(item, index, path)? {
            records.push(record);
        }
    }
    Ok(records)
}

fn parse_record(item: &Value, index: usize, path: &Path) -> Result<Option<PloverRecord>, EvalError> {
    let field = |name: &str| item.get(name).and_then(Value::as_str).map(str::trim).unwrap_or("");
    let id = if field("id").is_empty() { format!("#{index}") } else { field("id").to_string() };
    let event = field("event");
    let text = clean_text(field("text"));
    if event == "DOCUMENT" || text.is_empty() {
        return Ok(None);
    }
    if event.is_empty() {
        return Err(EvalError::format(path, format!("record {id} has no event label")));
    }
    let date = field("date")
        .parse::<PartialDate>()
        .map_err(|error| EvalError::format(path, format!("record {id}: {error}")))?;
    Ok(Some(PloverRecord {
        id,
        text,
        date,
        event: plover_08_label(event).to_string(),
        sources: gold_actors(item.get("source")),
        targets: gold_actors(item.get("target")),
    }))
}

/// The manual's examples sometimes wrap a sentence in `{...}`; the braces are not text.
fn clean_text(text: &str) -> String {
    let trimmed = text.trim();
    let unwrapped = trimmed.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')).unwrap_or(trimmed);
    collapse_whitespace(unwrapped)
}

/// `source`/`target` is a list of `{actorText, code, sector?}`, or `""`/null for none.
fn gold_actors(value: Option<&Value>) -> Vec<GoldActor> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let get =
                |name: &str| item.get(name).and_then(Value::as_str).map(str::trim).filter(|text| !text.is_empty());
            Some(GoldActor {
                text: get("actorText").unwrap_or("").to_string(),
                code: get("code")?.to_ascii_uppercase(),
                sector: get("sector").map(str::to_ascii_uppercase),
            })
        })
        .collect()
}

/// How well an output event meets a gold record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchLevel {
    None,
    Type,
    TypeActor,
    TypeActorRecipient,
}

pub fn match_level(event: &EventRecord, gold: &PloverRecord) -> MatchLevel {
    if event.event != gold.event {
        MatchLevel::None
    } else if !any_overlap(&gold.source_codes(), &event.actor) {
        MatchLevel::Type
    } else if !any_overlap(&gold.target_codes(), &event.recipient) {
        MatchLevel::TypeActor
    } else {
        MatchLevel::TypeActorRecipient
    }
}

/// One record, coded.
#[derive(Clone, Debug)]
pub struct PloverOutcome {
    pub record: PloverRecord,
    pub events: Vec<EventRecord>,
    /// What the coder knew about each event, in the order of `events`, for the held-out
    /// reliability table (see the `reliability` module).
    pub evidence: Vec<EventEvidence>,
    /// The best level any output event reaches.
    pub best: MatchLevel,
}

impl PloverOutcome {
    /// The predicted type for the confusion table: the gold type if any event has it, else
    /// the type of the most confident event, else `NONE`.
    pub fn predicted_type(&self) -> String {
        if self.best >= MatchLevel::Type {
            return self.record.event.clone();
        }
        let most_confident = self.events.iter().max_by(|a, b| a.confidence.total_cmp(&b.confidence));
        most_confident.map_or_else(|| "NONE".to_string(), |event| event.event.clone())
    }

    /// Whether the sector of the matched actor agrees with the gold source's sector; None when
    /// there is no type + actor match or the gold gives no sector.
    pub fn sector_agrees(&self) -> Option<bool> {
        let event = self.events.iter().find(|event| match_level(event, &self.record) >= MatchLevel::TypeActor)?;
        let gold = self
            .record
            .sources
            .iter()
            .find(|gold| event.actor.iter().any(|entity| gold_code_overlaps(&gold.code, entity)))?;
        let gold_sector: String = gold.sector.as_deref()?.chars().take(3).collect();
        Some(event.actor.iter().any(|entity| entity.sector.as_deref() == Some(gold_sector.as_str())))
    }
}

/// Precision, recall and F1 at one level.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub found: usize,
    pub gold: usize,
    pub output: usize,
}

impl Scores {
    pub fn precision(&self) -> Option<f64> {
        (self.output > 0).then(|| self.found as f64 / self.output as f64)
    }

    pub fn recall(&self) -> Option<f64> {
        (self.gold > 0).then(|| self.found as f64 / self.gold as f64)
    }

    pub fn f1(&self) -> Option<f64> {
        let (precision, recall) = (self.precision()?, self.recall()?);
        (precision + recall > 0.0).then(|| 2.0 * precision * recall / (precision + recall))
    }
}

/// Confidence bins of the reliability table: [0, 0.5), [0.5, 0.6), ..., [0.9, 1.0].
pub const CONFIDENCE_BINS: [(f64, f64); 6] = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0)];

/// One row of the reliability table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReliabilityBin {
    pub events: usize,
    /// Matches at type + actor.
    pub correct: usize,
    /// Matches at type only.
    pub type_correct: usize,
}

/// Why a record's gold event was not found at the full (type + actor + recipient) level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PloverMiss {
    NoEvent,
    WrongType,
    WrongActor,
    WrongRecipient,
}

impl PloverMiss {
    pub fn describe(self) -> &'static str {
        match self {
            PloverMiss::NoEvent => "no event coded",
            PloverMiss::WrongType => "events coded, none of the gold type",
            PloverMiss::WrongActor => "gold type, actor missing or other country",
            PloverMiss::WrongRecipient => "gold type and actor, recipient missing or other",
        }
    }
}

#[derive(Clone, Debug)]
pub struct PloverReport {
    pub file: PathBuf,
    pub outcomes: Vec<PloverOutcome>,
}

impl PloverReport {
    pub fn scores(&self, level: MatchLevel) -> Scores {
        let found = self.outcomes.iter().filter(|outcome| outcome.best >= level).count();
        let output = self.outcomes.iter().map(|outcome| outcome.events.len()).sum();
        Scores { found, gold: self.outcomes.len(), output }
    }

    /// gold type → predicted type → records.
    pub fn confusion(&self) -> BTreeMap<String, BTreeMap<String, usize>> {
        let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for outcome in &self.outcomes {
            *table.entry(outcome.record.event.clone()).or_default().entry(outcome.predicted_type()).or_default() += 1;
        }
        table
    }

    /// The reliability table of the confidences the coder gave.
    pub fn reliability(&self) -> Vec<ReliabilityBin> {
        reliability::count_bins(&self.coded_confidences())
    }

    /// Output events above a confidence threshold: (events, correct at type + actor).
    pub fn above_confidence(&self, threshold: f64) -> (usize, usize) {
        reliability::count_above(&self.coded_confidences(), threshold)
    }

    /// Every output event's confidence as coded, with how well it meets its gold record.
    fn coded_confidences(&self) -> Vec<(f64, MatchLevel)> {
        let events =
            self.outcomes.iter().flat_map(|outcome| outcome.events.iter().map(move |event| (event, &outcome.record)));
        events.map(|(event, gold)| (event.confidence, match_level(event, gold))).collect()
    }

    pub fn misses(&self) -> BTreeMap<PloverMiss, Vec<&PloverOutcome>> {
        let mut misses: BTreeMap<PloverMiss, Vec<&PloverOutcome>> = BTreeMap::new();
        for outcome in &self.outcomes {
            let miss = match outcome.best {
                MatchLevel::TypeActorRecipient => continue,
                _ if outcome.events.is_empty() => PloverMiss::NoEvent,
                MatchLevel::None => PloverMiss::WrongType,
                MatchLevel::Type => PloverMiss::WrongActor,
                MatchLevel::TypeActor => PloverMiss::WrongRecipient,
            };
            misses.entry(miss).or_default().push(outcome);
        }
        misses
    }
}

fn confidence_bin(confidence: f64) -> usize {
    CONFIDENCE_BINS.iter().rposition(|(low, _)| confidence >= *low).unwrap_or(0)
}

/// Codes every gold record with the embedded knowledge base and verbs, and scores them.
pub fn evaluate_plover(json_path: &Path) -> Result<PloverReport, EvalError> {
    evaluate_plover_with(json_path, KnowledgeBase::embedded(), VerbDictionary::embedded())
}

/// [`evaluate_plover`] with the given dictionaries.
pub fn evaluate_plover_with(
    json_path: &Path,
    kb: &KnowledgeBase,
    verbs: &VerbDictionary,
) -> Result<PloverReport, EvalError> {
    let records = read_plover_records(json_path)?;
    let fallback = records.first().map_or(PartialDate::year(2000), |record| record.date);
    let pipeline = Pipeline::new(kb, verbs, fallback);
    let outcomes = records
        .into_iter()
        .map(|record| {
            let (events, evidence) =
                code_text_with_evidence(&pipeline, &record.id, &record.text, Some(record.date), "plover-gsr");
            let best = events.iter().map(|event| match_level(event, &record)).max().unwrap_or(MatchLevel::None);
            PloverOutcome { record, events, evidence, best }
        })
        .collect();
    Ok(PloverReport { file: json_path.to_path_buf(), outcomes })
}

fn describe_gold(record: &PloverRecord) -> String {
    let side = |actors: &[GoldActor]| -> String {
        if actors.is_empty() {
            return "---".into();
        }
        actors
            .iter()
            .map(|actor| format!("{}{}", actor.code, actor.sector.as_deref().unwrap_or("")))
            .collect::<Vec<_>>()
            .join("+")
    };
    format!("{} {}>{}", record.event, side(&record.sources), side(&record.targets))
}

fn describe_output(event: &EventRecord) -> String {
    format!("{} {} ({:.2})", event.event, describe_event(event), event.confidence)
}

impl fmt::Display for PloverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let output_events: usize = self.outcomes.iter().map(|outcome| outcome.events.len()).sum();
        writeln!(
            f,
            "PLOVER gold records: {}  ({} records, {} output events)\n",
            self.file.display(),
            self.outcomes.len(),
            output_events
        )?;
        let mut scores = TextTable::new(["level", "found", "gold", "output", "precision", "recall", "F1"]);
        for (label, level) in [
            ("type", MatchLevel::Type),
            ("type+actor", MatchLevel::TypeActor),
            ("type+actor+recipient", MatchLevel::TypeActorRecipient),
        ] {
            let level_scores = self.scores(level);
            scores.row([
                label.to_string(),
                level_scores.found.to_string(),
                level_scores.gold.to_string(),
                level_scores.output.to_string(),
                ratio(level_scores.precision()),
                ratio(level_scores.recall()),
                ratio(level_scores.f1()),
            ]);
        }
        writeln!(f, "{scores}")?;
        let sector_checks: Vec<bool> = self.outcomes.iter().filter_map(PloverOutcome::sector_agrees).collect();
        let agreeing = sector_checks.iter().filter(|agrees| **agrees).count();
        writeln!(
            f,
            "Sector agreement on type+actor matches where the gold gives a sector: {agreeing}/{} ({})\n",
            sector_checks.len(),
            percent(agreeing, sector_checks.len())
        )?;
        write_confusion(f, &self.confusion())?;
        reliability::write_reliability(f, self)?;
        let misses = self.misses();
        let mut miss_table = TextTable::new(["miss (type+actor+recipient)", "records", "examples"]);
        for (miss, outcomes) in &misses {
            let examples: Vec<&str> = outcomes.iter().take(3).map(|outcome| outcome.record.id.as_str()).collect();
            miss_table.row([miss.describe().to_string(), outcomes.len().to_string(), examples.join(" ")]);
        }
        writeln!(f, "{miss_table}")?;
        writeln!(f, "Misses:")?;
        for (miss, outcomes) in &misses {
            for outcome in outcomes {
                writeln!(f, "{} {:?}: {}", outcome.record.id, miss, snippet(&outcome.record.text, 110))?;
                writeln!(f, "    gold:   {}", describe_gold(&outcome.record))?;
                let output: Vec<String> = outcome.events.iter().map(describe_output).collect();
                writeln!(f, "    output: {}", if output.is_empty() { "(none)".into() } else { output.join("; ") })?;
            }
        }
        Ok(())
    }
}

/// The confusion table, with 4-letter column heads when those are unambiguous.
fn write_confusion(f: &mut fmt::Formatter<'_>, confusion: &BTreeMap<String, BTreeMap<String, usize>>) -> fmt::Result {
    let predicted: BTreeSet<&String> = confusion.values().flat_map(BTreeMap::keys).collect();
    let short: Vec<String> = predicted.iter().map(|label| label.chars().take(4).collect()).collect();
    let heads = if short.iter().collect::<BTreeSet<_>>().len() == short.len() {
        short
    } else {
        predicted.iter().map(|label| label.to_string()).collect()
    };
    let mut table =
        TextTable::new(std::iter::once("gold \\ predicted".to_string()).chain(heads).chain(["total".to_string()]));
    for (gold, row) in confusion {
        let cells = predicted.iter().map(|label| row.get(*label).map_or(".".to_string(), usize::to_string));
        let total: usize = row.values().sum();
        table.row(std::iter::once(gold.clone()).chain(cells).chain([total.to_string()]));
    }
    writeln!(f, "Event types (rows gold, columns predicted; heads are the first 4 letters):\n{table}")
}

mod reliability;
pub use reliability::HeldOutReliability;

#[cfg(test)]
mod tests;
