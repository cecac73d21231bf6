//! The PETRARCH/TABARI validation suite, run as its authors meant: with only the toy
//! dictionaries its `<Environment>` names, each sentence coded with its own date.
//!
//! Scoring follows PETRARCH's own validation: each produced record is read as PETRARCH's
//! codings, one per (source, target) pair, so a compound actor or recipient gives one coding
//! per member; a record with several actors and no recipient may instead read as the
//! reciprocal pairs between them. Under `require_dyad` (PETRARCH's default, changed by a
//! `<Config>` before the record) codings whose source or target is null (`---`, no coded
//! entity) are dropped, as PETRARCH drops them before writing. An expected coding is found when
//! a coding has its event code and meets its source and target codes (rules in
//! [`crate::matching`]). A record passes *leniently* when every expectation is found, and
//! *strictly* when, besides, every coding matches some expectation. A `noevents` record, and
//! an `error` record (dateline, discard), passes when no coding remains.
//!
//! Records outside the scored set are still coded and counted, apart: categories missing from
//! `<Include>`, records the authors mark `sentence="false"` (features PETRARCH never had), and
//! `bad_input_parse` records (they test PETRARCH's reading of a broken Treebank parse, an
//! input dyad does not take).
//!
//! The discard lists the environment names are loaded with the actor dictionaries: the coder
//! skips a sentence holding a sentence-level discard phrase and a document holding a
//! story-level one, as PETRARCH does.

use crate::coding::{code_text, empty_knowledge_base};
use crate::error::{EvalError, read_text};
use crate::matching::{describe_event, entity_code, petrarch_code_matches};
use crate::petrarch_file::{Environment, Expectation, ExpectedCoding, ValidationFile, ValidationRecord};
use crate::table::{TextTable, percent, snippet};
use dyad_document::PartialDate;
use dyad_kb::KnowledgeBase;
use dyad_pipeline::Pipeline;
use dyad_record::{Entity, EventRecord};
use dyad_verbs::VerbDictionary;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Whether a record counts towards the pass rates, and if not, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Scored,
    /// Its category is not in the file's `<Include>` list.
    NotIncluded,
    /// `sentence="false"`: the authors mark the feature as not implemented in PETRARCH.
    MarkedUnimplemented,
    /// The record tests something dyad has no counterpart for.
    NotApplicable(String),
}

/// Why a scored record failed, most specific first; the first that applies is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FailureCause {
    /// An expected event code is missing from dyad's CAMEO table (the suite's 9xx test codes),
    /// so the coder cannot emit it.
    CodeNotInCameoTable,
    /// An expected code is a CAMEO 01x/02x code (statements, appeals), which PLOVER dropped and
    /// dyad does not emit.
    CodeWithoutPloverType,
    /// Events were expected, none was produced.
    NothingProduced,
    /// Events were produced, none with an expected CAMEO code.
    WrongEventCode,
    /// The code was produced, but not with the expected source.
    WrongActor,
    /// The code and source were produced, but not with the expected target.
    WrongRecipient,
    /// Every expectation was found, plus events nobody expected.
    ExtraEvents,
    /// Nothing was expected (noevents, dateline, discard), something was produced.
    EventsWhereNoneExpected,
}

impl FailureCause {
    pub fn describe(self) -> &'static str {
        match self {
            FailureCause::CodeNotInCameoTable => "expected code not in dyad's CAMEO table",
            FailureCause::CodeWithoutPloverType => "expected code has no PLOVER type (CAMEO 01x/02x)",
            FailureCause::NothingProduced => "no event produced",
            FailureCause::WrongEventCode => "an expected code not produced (other events were)",
            FailureCause::WrongActor => "expected code, wrong or missing source",
            FailureCause::WrongRecipient => "expected code and source, wrong or missing target",
            FailureCause::ExtraEvents => "all expected found, plus extra events",
            FailureCause::EventsWhereNoneExpected => "events where none expected",
        }
    }
}

/// One record, coded and scored.
#[derive(Clone, Debug)]
pub struct RecordOutcome {
    pub id: String,
    pub category: String,
    pub text: String,
    pub expectation: Expectation,
    /// Produced events in PETRARCH's notation (`ARNGOV>GON:064`).
    pub produced: Vec<String>,
    pub scope: Scope,
    pub lenient_pass: bool,
    pub strict_pass: bool,
    pub cause: Option<FailureCause>,
    /// Every expected code is one dyad can emit (in its CAMEO table, with a PLOVER type).
    pub emittable: bool,
    /// Config options in force that differ from PETRARCH's defaults, as `name=value`.
    pub config: Vec<String>,
}

/// Pass counts over a set of records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PassCounts {
    pub records: usize,
    pub strict: usize,
    pub lenient: usize,
}

impl PassCounts {
    fn add(&mut self, outcome: &RecordOutcome) {
        self.records += 1;
        self.strict += usize::from(outcome.strict_pass);
        self.lenient += usize::from(outcome.lenient_pass);
    }
}

/// The whole run: what was loaded and how every record fared.
#[derive(Clone, Debug)]
pub struct PetrarchReport {
    pub file: PathBuf,
    /// The dictionaries loaded, as "kind: path".
    pub dictionaries: Vec<String>,
    pub outcomes: Vec<RecordOutcome>,
}

impl PetrarchReport {
    pub fn scored(&self) -> impl Iterator<Item = &RecordOutcome> {
        self.outcomes.iter().filter(|outcome| outcome.scope == Scope::Scored)
    }

    pub fn overall(&self) -> PassCounts {
        let mut counts = PassCounts::default();
        self.scored().for_each(|outcome| counts.add(outcome));
        counts
    }

    /// Pass counts over the scored records whose expected codes dyad can emit at all.
    pub fn emittable(&self) -> PassCounts {
        let mut counts = PassCounts::default();
        self.scored().filter(|outcome| outcome.emittable).for_each(|outcome| counts.add(outcome));
        counts
    }

    /// Pass counts of scored records by category, in category order.
    pub fn by_category(&self) -> BTreeMap<String, PassCounts> {
        let mut categories: BTreeMap<String, PassCounts> = BTreeMap::new();
        for outcome in self.scored() {
            categories.entry(outcome.category.clone()).or_default().add(outcome);
        }
        categories
    }

    /// Pass counts of the records left out of the rates, by reason.
    pub fn unscored(&self) -> BTreeMap<String, PassCounts> {
        let mut reasons: BTreeMap<String, PassCounts> = BTreeMap::new();
        for outcome in &self.outcomes {
            let reason = match &outcome.scope {
                Scope::Scored => continue,
                Scope::NotIncluded => "category not in <Include>".to_string(),
                Scope::MarkedUnimplemented => "sentence=\"false\" (not in PETRARCH)".to_string(),
                Scope::NotApplicable(reason) => reason.clone(),
            };
            reasons.entry(reason).or_default().add(outcome);
        }
        reasons
    }

    /// Failed scored records by cause (strict failures).
    pub fn failure_causes(&self) -> BTreeMap<FailureCause, Vec<&RecordOutcome>> {
        let mut causes: BTreeMap<FailureCause, Vec<&RecordOutcome>> = BTreeMap::new();
        for outcome in self.scored() {
            if let Some(cause) = outcome.cause {
                causes.entry(cause).or_default().push(outcome);
            }
        }
        causes
    }
}

/// Runs a PETRARCH validation file (see the module docs).
pub fn evaluate_petrarch(xml_path: &Path) -> Result<PetrarchReport, EvalError> {
    let file = ValidationFile::read(xml_path)?;
    let (kb, mut dictionaries) = validation_knowledge_base(&file.environment, xml_path)?;
    let verbs = validation_verbs(&file.environment, xml_path)?;
    dictionaries.extend(file.environment.verb_files.iter().map(|path| format!("verbs: {}", path.display())));
    let fallback = file.records.first().map_or(PartialDate::year(2000), |record| record.date);
    // The suite's records test pattern matching with codes of their own (901, 345, ...): the
    // coder keeps them, as PETRARCH would, instead of dropping codes PLOVER has no type for.
    let pipeline = Pipeline::new(&kb, &verbs, fallback)
        .with_coder_options(dyad_pipeline::CoderOptions { keep_unmapped_codes: true });
    let outcomes = file.records.iter().map(|record| score_record(record, &file.environment, &pipeline)).collect();
    Ok(PetrarchReport { file: xml_path.to_path_buf(), dictionaries, outcomes })
}

/// A knowledge base holding only the environment's actor, agent and discard dictionaries.
fn validation_knowledge_base(
    environment: &Environment,
    xml_path: &Path,
) -> Result<(KnowledgeBase, Vec<String>), EvalError> {
    if environment.actor_files.is_empty() {
        return Err(EvalError::format(xml_path, "the <Environment> names no <Actorfile>"));
    }
    let mut kb = empty_knowledge_base()?;
    let mut loaded = Vec::new();
    for path in environment.actor_files.iter().chain(&environment.agent_files).chain(&environment.discard_files) {
        let summary = kb.import_tabari(path)?;
        loaded.push(format!("{:?}: {} ({} entries)", summary.kind, path.display(), summary.entries));
    }
    Ok((kb, loaded))
}

fn validation_verbs(environment: &Environment, xml_path: &Path) -> Result<VerbDictionary, EvalError> {
    let mut files = environment.verb_files.iter();
    let Some(first) = files.next() else {
        return Err(EvalError::format(xml_path, "the <Environment> names no <Verbfile>"));
    };
    let mut verbs = VerbDictionary::from_petrarch_text(&read_text(first)?, &first.display().to_string())?;
    for path in files {
        verbs.merge(VerbDictionary::from_petrarch_text(&read_text(path)?, &path.display().to_string())?);
    }
    Ok(verbs)
}

fn scope_of(record: &ValidationRecord, environment: &Environment) -> Scope {
    if !environment.includes(&record.category) {
        Scope::NotIncluded
    } else if !record.marked_implemented {
        Scope::MarkedUnimplemented
    } else if record.expectation == Expectation::Error("bad_input_parse".into()) {
        Scope::NotApplicable("bad_input_parse (tests PETRARCH's Treebank input)".into())
    } else {
        Scope::Scored
    }
}

fn score_record(record: &ValidationRecord, environment: &Environment, pipeline: &Pipeline) -> RecordOutcome {
    let events = code_text(pipeline, &record.id, &record.text, Some(record.date), "petrarch-validation");
    let (lenient_pass, strict_pass, cause) = judge(&record.expectation, &events, requires_dyad(&record.config));
    RecordOutcome {
        id: record.id.clone(),
        category: record.category.clone(),
        text: record.text.clone(),
        expectation: record.expectation.clone(),
        produced: events.iter().map(describe_event).collect(),
        scope: scope_of(record, environment),
        lenient_pass,
        strict_pass,
        cause,
        emittable: is_emittable(&record.expectation),
        config: non_default_config(&record.config),
    }
}

/// PETRARCH-2's defaults (its `PETR_config.ini`) for the options the suite changes; an
/// option set to another value is worth showing next to a failure.
fn non_default_config(config: &BTreeMap<String, String>) -> Vec<String> {
    let default_of = |option: &str| match option {
        "require_dyad" => Some("true"),
        "new_actor_length" => Some("0"),
        "comma_min" | "comma_emin" => Some("2"),
        "comma_max" | "comma_emax" => Some("8"),
        "comma_bmin" | "comma_bmax" => Some("0"),
        // stop_on_error steers PETRARCH's run, not its coding.
        "stop_on_error" => None,
        _ => Some(""),
    };
    config
        .iter()
        .filter(|(option, value)| default_of(option).is_some_and(|default| !value.eq_ignore_ascii_case(default)))
        .map(|(option, value)| format!("{option}={value}"))
        .collect()
}

/// Whether an event meets one expected coding.
pub fn event_meets(event: &EventRecord, expected: &ExpectedCoding) -> bool {
    readings(event).iter().flatten().any(|coding| coding.meets(expected))
}

/// One coding in PETRARCH's sense: one source, one target, one event code. `None` on a side is
/// PETRARCH's null actor `---`.
#[derive(Clone, Copy, Debug)]
struct PairCoding<'e> {
    source: Option<&'e Entity>,
    target: Option<&'e Entity>,
    code: &'e str,
}

impl PairCoding<'_> {
    fn meets(&self, expected: &ExpectedCoding) -> bool {
        self.code == expected.event.trim()
            && petrarch_code_matches(&expected.source, side(self.source))
            && petrarch_code_matches(&expected.target, side(self.target))
    }

    /// A side with no coded entity is `---`, which PETRARCH's `require_dyad` removes.
    fn is_dyad(&self) -> bool {
        let coded = |side: Option<&Entity>| side.is_some_and(|entity| entity.code.is_some() || entity.sector.is_some());
        coded(self.source) && coded(self.target)
    }
}

/// A side of a coding as the entity list [`petrarch_code_matches`] takes.
fn side(entity: Option<&Entity>) -> &[Entity] {
    entity.map(std::slice::from_ref).unwrap_or(&[])
}

/// The ways one dyad record reads as PETRARCH codings. PETRARCH writes a compound actor as one
/// coding per pair ("Norland and Elbonia welcomed talks with Ruritania" is NOR>RUR and ELB>RUR),
/// so the plain reading is every actor with every recipient. A record listing two or more
/// parties as actors and no recipient is, in dyad's format, also a reciprocal event ("Norland
/// and Elbonia delayed their meeting"), which PETRARCH writes as every ordered pair of
/// distinct parties: that second reading is offered too, and scoring picks the better one.
fn readings(event: &EventRecord) -> Vec<Vec<PairCoding<'_>>> {
    let code = event.cameo.as_deref().unwrap_or(&event.event);
    let sources: Vec<Option<&Entity>> =
        if event.actor.is_empty() { vec![None] } else { event.actor.iter().map(Some).collect() };
    let targets: Vec<Option<&Entity>> =
        if event.recipient.is_empty() { vec![None] } else { event.recipient.iter().map(Some).collect() };
    let plain = sources
        .iter()
        .flat_map(|&source| targets.iter().map(move |&target| PairCoding { source, target, code }))
        .collect();
    let mut readings = vec![plain];
    if event.recipient.is_empty() && event.actor.len() >= 2 {
        let parties = &event.actor;
        let reciprocal = parties
            .iter()
            .flat_map(|source| parties.iter().map(move |target| (source, target)))
            // PETRARCH pairs codes, and never a code with itself.
            .filter(|(source, target)| !std::ptr::eq(*source, *target) && entity_code(source) != entity_code(target))
            .map(|(source, target)| PairCoding { source: Some(source), target: Some(target), code })
            .collect();
        readings.push(reciprocal);
    }
    readings
}

/// The codings a record's events stand for, one reading per event: the reading that meets the
/// most expectations, then the one with the fewest codings nobody expected. With `require_dyad`
/// (PETRARCH's default) codings with a null side are dropped before scoring, as PETRARCH drops
/// them before output.
fn produced_codings<'e>(
    events: &'e [EventRecord],
    codings: &[ExpectedCoding],
    require_dyad: bool,
) -> Vec<PairCoding<'e>> {
    let mut chosen = Vec::new();
    for event in events {
        let scored = readings(event).into_iter().map(|reading| {
            let kept: Vec<PairCoding> =
                reading.into_iter().filter(|coding| !require_dyad || coding.is_dyad()).collect();
            let met = codings.iter().filter(|expected| kept.iter().any(|coding| coding.meets(expected))).count();
            let unexpected =
                kept.iter().filter(|coding| !codings.iter().any(|expected| coding.meets(expected))).count();
            (met, std::cmp::Reverse(unexpected), kept)
        });
        // `max_by_key` keeps the last of equals; reversing keeps the plain reading on a tie.
        let best = scored.rev().max_by_key(|(met, unexpected, _)| (*met, *unexpected));
        chosen.extend(best.map(|(.., kept)| kept).unwrap_or_default());
    }
    chosen
}

/// (lenient pass, strict pass, cause of a strict failure), scored as PETRARCH's validation
/// does: the record's codings, compound actors split per pair and, under `require_dyad`, null
/// codings removed, must include every expected coding (lenient) and nothing else (strict).
pub fn judge(
    expectation: &Expectation,
    events: &[EventRecord],
    require_dyad: bool,
) -> (bool, bool, Option<FailureCause>) {
    let no_codings: [ExpectedCoding; 0] = [];
    let codings = match expectation {
        Expectation::Codings(codings) => &codings[..],
        Expectation::NoEvents | Expectation::Error(_) => &no_codings[..],
    };
    let produced = produced_codings(events, codings, require_dyad);
    if codings.is_empty() {
        let pass = produced.is_empty();
        return (pass, pass, (!pass).then_some(FailureCause::EventsWhereNoneExpected));
    }
    let missing: Vec<&ExpectedCoding> =
        codings.iter().filter(|expected| !produced.iter().any(|coding| coding.meets(expected))).collect();
    let has_extra = produced.iter().any(|coding| !codings.iter().any(|expected| coding.meets(expected)));
    let lenient = missing.is_empty();
    let strict = lenient && !has_extra;
    // Causes look at everything coded, null codings included: "the target was missing" says
    // more than "nothing was produced".
    let all: Vec<PairCoding> = events.iter().flat_map(readings).flatten().collect();
    let cause = match missing.first() {
        None if has_extra => Some(FailureCause::ExtraEvents),
        None => None,
        Some(_) if missing.iter().any(|expected| dyad_verbs::cameo(expected.event.trim()).is_none()) => {
            Some(FailureCause::CodeNotInCameoTable)
        }
        Some(_) if missing.iter().any(|expected| !has_plover_type(&expected.event)) => {
            Some(FailureCause::CodeWithoutPloverType)
        }
        Some(_) if all.is_empty() => Some(FailureCause::NothingProduced),
        Some(expected) => Some(miss_cause(expected, &all)),
    };
    (lenient, strict, cause)
}

/// Whether `require_dyad` is in force for a record: PETRARCH's default is true, and a
/// `<Config>` value containing "false" turns it off (PETRARCH reads it that way).
fn requires_dyad(config: &BTreeMap<String, String>) -> bool {
    config.get("require_dyad").is_none_or(|value| !value.to_ascii_lowercase().contains("false"))
}

/// Whether dyad can emit a CAMEO code at all: it must be in the table and map to a PLOVER type.
pub fn has_plover_type(code: &str) -> bool {
    dyad_verbs::cameo(code.trim()).is_some_and(|cameo| cameo.plover_event.is_some())
}

/// Whether every event a record expects is one dyad can emit.
fn is_emittable(expectation: &Expectation) -> bool {
    match expectation {
        Expectation::Codings(codings) => codings.iter().all(|coding| has_plover_type(&coding.event)),
        Expectation::NoEvents | Expectation::Error(_) => true,
    }
}

fn miss_cause(expected: &ExpectedCoding, produced: &[PairCoding]) -> FailureCause {
    let same_code: Vec<&PairCoding> = produced.iter().filter(|coding| coding.code == expected.event.trim()).collect();
    if same_code.is_empty() {
        FailureCause::WrongEventCode
    } else if same_code.iter().any(|coding| petrarch_code_matches(&expected.source, side(coding.source))) {
        FailureCause::WrongRecipient
    } else {
        FailureCause::WrongActor
    }
}

fn describe_expectation(expectation: &Expectation) -> String {
    match expectation {
        Expectation::Codings(codings) => codings
            .iter()
            .map(|coding| format!("{}>{}:{}", coding.source, coding.target, coding.event))
            .collect::<Vec<_>>()
            .join(" "),
        Expectation::NoEvents => "(no events)".into(),
        Expectation::Error(error) => format!("(error {error}: no events)"),
    }
}

impl fmt::Display for PetrarchReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "PETRARCH validation: {}", self.file.display())?;
        for dictionary in &self.dictionaries {
            writeln!(f, "  loaded {dictionary}")?;
        }
        let overall = self.overall();
        writeln!(
            f,
            "\nScored records: {}  strict pass: {} ({})  lenient pass (extras ignored): {} ({})\n",
            overall.records,
            overall.strict,
            percent(overall.strict, overall.records),
            overall.lenient,
            percent(overall.lenient, overall.records)
        )?;
        let emittable = self.emittable();
        writeln!(
            f,
            "Of them, records whose expected codes dyad can emit (in its CAMEO table, with a PLOVER type): {}  strict: {} ({})  lenient: {} ({})\n",
            emittable.records,
            emittable.strict,
            percent(emittable.strict, emittable.records),
            emittable.lenient,
            percent(emittable.lenient, emittable.records)
        )?;
        let mut categories = TextTable::new(["category", "records", "strict", "strict %", "lenient", "lenient %"]);
        for (category, counts) in self.by_category() {
            categories.row(pass_row(&category, counts));
        }
        writeln!(f, "{categories}")?;
        let mut unscored = TextTable::new(["not scored", "records", "strict", "strict %", "lenient", "lenient %"]);
        for (reason, counts) in self.unscored() {
            unscored.row(pass_row(&reason, counts));
        }
        writeln!(f, "{unscored}")?;
        let causes = self.failure_causes();
        let mut cause_table = TextTable::new(["failure cause", "records", "examples"]);
        for (cause, outcomes) in &causes {
            let examples: Vec<&str> = outcomes.iter().take(4).map(|outcome| outcome.id.as_str()).collect();
            cause_table.row([cause.describe().to_string(), outcomes.len().to_string(), examples.join(" ")]);
        }
        writeln!(f, "{cause_table}")?;
        writeln!(f, "Failures (strict):")?;
        for outcome in self.scored().filter(|outcome| !outcome.strict_pass) {
            let cause = outcome.cause.map_or("?".to_string(), |cause| format!("{cause:?}"));
            writeln!(f, "{} [{}] {}: {}", outcome.id, outcome.category, cause, snippet(&outcome.text, 110))?;
            writeln!(f, "    expected: {}", describe_expectation(&outcome.expectation))?;
            writeln!(
                f,
                "    got:      {}",
                if outcome.produced.is_empty() { "(none)".into() } else { outcome.produced.join(" ") }
            )?;
            if !outcome.config.is_empty() {
                writeln!(f, "    config:   {}", outcome.config.join(" "))?;
            }
        }
        Ok(())
    }
}

fn pass_row(label: &str, counts: PassCounts) -> [String; 6] {
    [
        label.to_string(),
        counts.records.to_string(),
        counts.strict.to_string(),
        percent(counts.strict, counts.records),
        counts.lenient.to_string(),
        percent(counts.lenient, counts.records),
    ]
}

#[cfg(test)]
mod tests;
