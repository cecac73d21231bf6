//! The annotated passages (`data/annotated/*.jsonl`): short news-style texts written for dyad,
//! each with its publication date and gold annotations, scoring what the time and quote
//! stages find.
//!
//! One JSON object a line: `id`, `published` (YYYY-MM-DD), `text` (paragraphs separated by a
//! blank line), and
//! - `times`: `{text, value, pattern}` in text order. `value` is the normalised value as
//!   [`dyad_time::TimeValue`] writes it (`2024-07-24`, `2016/..`, `2011/2013`) or `null` for an
//!   expression dated from another event ("two days after the election").
//! - `quotes`: `{quote, speaker, addressee, verb, pattern}` in text order. `quote` is a few
//!   words from the start of the quoted (or reported) words; `speaker` and `addressee` are a
//!   knowledge-base canonical name or a country/IGO code.
//! - `event` (optional): `{trigger, date}`: the first event whose trigger text holds the word
//!   `trigger` (the headline event: "met") must carry that date, taken from the text. The
//!   event's type is reported but not judged: this checks dating, not verb coding.
//!
//! Matching rules (so a score can be read without the code):
//! - Each gold item is located at the first occurrence of its text at or after the previous
//!   gold item of the same list, so repeated words ("Thursday" twice) are told apart.
//! - A time expression is *found* when a produced expression overlaps the gold span, and
//!   *right* when that expression's value prints as the gold value (`null` ↔ no value).
//!   A produced expression overlapping no gold span is *spurious*.
//! - A quote is matched by the produced quote whose span holds the gold snippet's first byte
//!   (the narrowest such, since a split quote's span covers its attribution). Its speaker is
//!   right when the entity's canonical name or code equals the gold; likewise the addressee,
//!   scored over gold quotes that name one. A produced quote holding no gold snippet is spurious.
//!
//! Times are scored the way the pipeline dates events: per sentence of the pipeline's analysis,
//! with the sentence's tense ([`dyad_time::guess_tense`]) and the publication date as anchor,
//! but keeping the value-less event-relative expressions the coder leaves out of its output.

use crate::coding::evaluation_document;
use crate::error::{EvalError, read_text};
use crate::table::{TextTable, percent, snippet};
use dyad_document::{Metadata, PartialDate, Span};
use dyad_kb::KnowledgeBase;
use dyad_pipeline::{Pipeline, ProcessedDocument};
use dyad_record::{DateSource, Entity, QuoteRecord};
use dyad_time::{TimeExpression, find_time_expressions, guess_tense};
use dyad_verbs::VerbDictionary;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One annotated passage as stored.
#[derive(Clone, Debug, Deserialize)]
pub struct AnnotatedDocument {
    pub id: String,
    pub published: PartialDate,
    pub text: String,
    #[serde(default)]
    pub times: Vec<GoldTime>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    pub event: Option<GoldEventDate>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldTime {
    pub text: String,
    /// `None` for an expression dated from another event.
    pub value: Option<String>,
    pub pattern: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// The first words of the quoted or reported words.
    pub quote: String,
    pub speaker: String,
    pub addressee: Option<String>,
    pub verb: String,
    pub pattern: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldEventDate {
    /// A word of the headline event's trigger as written ("met", "spoke").
    pub trigger: String,
    pub date: PartialDate,
}

/// How one gold time expression fared.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeOutcome {
    pub doc_id: String,
    pub text: String,
    pub pattern: String,
    pub gold: Option<String>,
    /// The overlapping produced expression as (span text, value or "none"), if any.
    pub produced: Option<(String, String)>,
    pub right: bool,
}

/// How one gold quote fared.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteOutcome {
    pub doc_id: String,
    pub quote: String,
    pub pattern: String,
    pub gold_speaker: String,
    pub gold_addressee: Option<String>,
    pub gold_verb: String,
    /// Whether a produced quote holds the snippet at all.
    pub found: bool,
    pub speaker: Option<String>,
    pub addressee: Option<String>,
    pub verb: Option<String>,
    pub speaker_right: bool,
    /// `None` when the gold names no addressee.
    pub addressee_right: Option<bool>,
    pub verb_right: bool,
}

/// The headline-event date check of one passage.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDateOutcome {
    pub doc_id: String,
    pub trigger: String,
    pub gold: PartialDate,
    /// The PLOVER type of the event found, for reading failures.
    pub produced_type: Option<String>,
    /// The first event with the trigger: its date and where the date came from.
    pub produced: Option<(PartialDate, DateSource)>,
}

impl EventDateOutcome {
    pub fn passes(&self) -> bool {
        self.produced == Some((self.gold, DateSource::Text))
    }
}

#[derive(Clone, Debug)]
pub struct AnnotatedReport {
    pub dir: PathBuf,
    pub documents: usize,
    pub times: Vec<TimeOutcome>,
    /// Produced time expressions overlapping no gold one: (doc id, span text, value).
    pub spurious_times: Vec<(String, String, String)>,
    pub quotes: Vec<QuoteOutcome>,
    /// Produced quotes holding no gold snippet: (doc id, text).
    pub spurious_quotes: Vec<(String, String)>,
    pub events: Vec<EventDateOutcome>,
}

/// A share in [0, 1]; an empty denominator scores 1 (nothing was missed).
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

impl AnnotatedReport {
    /// Time expressions found with the right value / gold expressions.
    pub fn time_accuracy(&self) -> f64 {
        share(self.times.iter().filter(|outcome| outcome.right).count(), self.times.len())
    }

    /// Quotes whose speaker matches the gold / gold quotes.
    pub fn speaker_accuracy(&self) -> f64 {
        share(self.quotes.iter().filter(|outcome| outcome.speaker_right).count(), self.quotes.len())
    }

    /// Right addressees / gold quotes naming an addressee.
    pub fn addressee_accuracy(&self) -> f64 {
        let named: Vec<bool> = self.quotes.iter().filter_map(|outcome| outcome.addressee_right).collect();
        share(named.iter().filter(|&&right| right).count(), named.len())
    }

    pub fn verb_accuracy(&self) -> f64 {
        share(self.quotes.iter().filter(|outcome| outcome.verb_right).count(), self.quotes.len())
    }

    /// (passing, checked) event-date checks.
    pub fn event_dates(&self) -> (usize, usize) {
        (self.events.iter().filter(|outcome| outcome.passes()).count(), self.events.len())
    }
}

/// Scores every `*.jsonl` file of `dir` (in file-name order) with the embedded dictionaries.
pub fn evaluate_annotated(dir: &Path) -> Result<AnnotatedReport, EvalError> {
    evaluate_annotated_with(dir, KnowledgeBase::embedded(), VerbDictionary::embedded())
}

/// [`evaluate_annotated`] with the given dictionaries.
pub fn evaluate_annotated_with(
    dir: &Path,
    kb: &KnowledgeBase,
    verbs: &VerbDictionary,
) -> Result<AnnotatedReport, EvalError> {
    let documents = read_annotated_documents(dir)?;
    let mut report = AnnotatedReport {
        dir: dir.to_path_buf(),
        documents: documents.len(),
        times: Vec::new(),
        spurious_times: Vec::new(),
        quotes: Vec::new(),
        spurious_quotes: Vec::new(),
        events: Vec::new(),
    };
    for (path, document) in &documents {
        // Every document carries its own date, so the fallback is never used.
        let pipeline = Pipeline::new(kb, verbs, document.published);
        let metadata = Metadata {
            published: Some(document.published),
            language: Some("en".into()),
            source: format!("{}#{}", path.display(), document.id),
            ..Metadata::default()
        };
        let processed = pipeline.process(evaluation_document(&document.id, &document.text, metadata));
        score_times(path, document, &processed, &mut report)?;
        score_quotes(path, document, &processed, &mut report)?;
        if let Some(gold) = &document.event {
            report.events.push(score_event_date(document, gold, &processed));
        }
    }
    Ok(report)
}

/// Every line of every `*.jsonl` file, with the file it came from.
pub fn read_annotated_documents(dir: &Path) -> Result<Vec<(PathBuf, AnnotatedDocument)>, EvalError> {
    let listing = std::fs::read_dir(dir).map_err(|source| EvalError::Read { path: dir.to_path_buf(), source })?;
    let mut paths = Vec::new();
    for entry in listing {
        let path = entry.map_err(|source| EvalError::Read { path: dir.to_path_buf(), source })?.path();
        if path.extension().is_some_and(|extension| extension == "jsonl") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut documents = Vec::new();
    for path in paths {
        for (number, line) in read_text(&path)?.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let document: AnnotatedDocument = serde_json::from_str(line).map_err(|source| {
                EvalError::format(&path, format!("line {}: not an annotated document: {source}", number + 1))
            })?;
            documents.push((path.clone(), document));
        }
    }
    Ok(documents)
}

/// Byte spans of `needles` in `text`, each searched from where the previous one started.
fn locate_in_order<'n>(
    path: &Path,
    document: &AnnotatedDocument,
    needles: impl Iterator<Item = &'n str>,
) -> Result<Vec<Span>, EvalError> {
    let mut cursor = 0;
    let mut spans = Vec::new();
    for needle in needles {
        let Some(relative) = document.text[cursor..].find(needle) else {
            let message = format!("{}: gold text {needle:?} not found in order in the passage", document.id);
            return Err(EvalError::format(path, message));
        };
        let start = cursor + relative;
        spans.push(Span::new(start, start + needle.len()));
        cursor = start;
    }
    Ok(spans)
}

/// The time expressions of every sentence, found as the pipeline finds them.
fn produced_times(processed: &ProcessedDocument, anchor: PartialDate) -> Vec<TimeExpression> {
    let body = &processed.document.body;
    processed
        .sentences
        .iter()
        .flat_map(|sentence| {
            let words: Vec<&str> = sentence.tokens.iter().map(|token| token.text(body)).collect();
            let tags: Vec<&str> = sentence.tokens.iter().map(|token| token.tag.as_str()).collect();
            find_time_expressions(body, sentence.span, anchor, guess_tense(&words, &tags))
        })
        .collect()
}

fn value_text(expression: &TimeExpression) -> String {
    expression.value.map_or_else(|| "none".to_string(), |value| value.to_string())
}

fn score_times(
    path: &Path,
    document: &AnnotatedDocument,
    processed: &ProcessedDocument,
    report: &mut AnnotatedReport,
) -> Result<(), EvalError> {
    let gold_spans = locate_in_order(path, document, document.times.iter().map(|gold| gold.text.as_str()))?;
    let produced = produced_times(processed, document.published);
    let body = &processed.document.body;
    for (gold, span) in document.times.iter().zip(&gold_spans) {
        let overlapping = produced.iter().find(|expression| expression.span.overlaps(*span));
        let right = overlapping.is_some_and(|expression| expression.value.map(|value| value.to_string()) == gold.value);
        report.times.push(TimeOutcome {
            doc_id: document.id.clone(),
            text: gold.text.clone(),
            pattern: gold.pattern.clone(),
            gold: gold.value.clone(),
            produced: overlapping.map(|expression| {
                (body[expression.span.start..expression.span.end].to_string(), value_text(expression))
            }),
            right,
        });
    }
    for expression in &produced {
        if !gold_spans.iter().any(|span| span.overlaps(expression.span)) {
            let text = body[expression.span.start..expression.span.end].to_string();
            report.spurious_times.push((document.id.clone(), text, value_text(expression)));
        }
    }
    Ok(())
}

/// True when the entity is the one the gold names, by canonical name or by code.
fn entity_is(entity: Option<&Entity>, gold: &str) -> bool {
    entity.is_some_and(|entity| {
        entity.name.as_deref().is_some_and(|name| name.eq_ignore_ascii_case(gold))
            || entity.code.as_deref().is_some_and(|code| code.eq_ignore_ascii_case(gold))
    })
}

fn describe_entity(entity: Option<&Entity>) -> Option<String> {
    let entity = entity?;
    Some(match (&entity.name, &entity.code) {
        (Some(name), _) => name.clone(),
        (None, Some(code)) => format!("{code}{}", entity.sector.as_deref().unwrap_or("")),
        (None, None) => format!("\"{}\"", entity.text),
    })
}

fn score_quotes(
    path: &Path,
    document: &AnnotatedDocument,
    processed: &ProcessedDocument,
    report: &mut AnnotatedReport,
) -> Result<(), EvalError> {
    let gold_spans = locate_in_order(path, document, document.quotes.iter().map(|gold| gold.quote.as_str()))?;
    let holding = |offset: usize| -> Option<&QuoteRecord> {
        processed
            .quotes
            .iter()
            .filter(|quote| quote.span.start <= offset && offset < quote.span.end)
            .min_by_key(|quote| quote.span.len())
    };
    for (gold, span) in document.quotes.iter().zip(&gold_spans) {
        let produced = holding(span.start);
        let speaker = produced.and_then(|quote| quote.speaker.as_ref());
        let addressee = produced.and_then(|quote| quote.addressee.as_ref());
        let verb = produced.and_then(|quote| quote.verb.clone());
        report.quotes.push(QuoteOutcome {
            doc_id: document.id.clone(),
            quote: gold.quote.clone(),
            pattern: gold.pattern.clone(),
            gold_speaker: gold.speaker.clone(),
            gold_addressee: gold.addressee.clone(),
            gold_verb: gold.verb.clone(),
            found: produced.is_some(),
            speaker: describe_entity(speaker),
            addressee: describe_entity(addressee),
            speaker_right: entity_is(speaker, &gold.speaker),
            addressee_right: gold.addressee.as_deref().map(|wanted| entity_is(addressee, wanted)),
            verb_right: verb.as_deref().is_some_and(|verb| verb.eq_ignore_ascii_case(&gold.verb)),
            verb,
        });
    }
    for quote in &processed.quotes {
        if !gold_spans.iter().any(|span| quote.span.start <= span.start && span.start < quote.span.end) {
            report.spurious_quotes.push((document.id.clone(), quote.text.clone()));
        }
    }
    Ok(())
}

fn score_event_date(
    document: &AnnotatedDocument,
    gold: &GoldEventDate,
    processed: &ProcessedDocument,
) -> EventDateOutcome {
    let has_trigger = |text: &str| text.split_whitespace().any(|word| word.eq_ignore_ascii_case(&gold.trigger));
    let first = processed
        .coded
        .events
        .iter()
        .filter(|event| has_trigger(&event.event_text))
        .min_by_key(|event| event.span.start);
    EventDateOutcome {
        doc_id: document.id.clone(),
        trigger: gold.trigger.clone(),
        gold: gold.date,
        produced_type: first.map(|event| event.event.clone()),
        produced: first.map(|event| (event.date, event.date_source)),
    }
}

/// (right, total) per pattern label, in label order.
fn by_pattern<T>(
    items: &[T],
    pattern: impl Fn(&T) -> &str,
    right: impl Fn(&T) -> bool,
) -> BTreeMap<String, (usize, usize)> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for item in items {
        let entry = counts.entry(pattern(item).to_string()).or_default();
        entry.0 += usize::from(right(item));
        entry.1 += 1;
    }
    counts
}

fn pattern_table(title: &str, counts: &BTreeMap<String, (usize, usize)>) -> TextTable {
    let mut table = TextTable::new([title, "right", "share"]);
    for (pattern, &(right, total)) in counts {
        table.row([pattern.clone(), format!("{right}/{total}"), percent(right, total)]);
    }
    table
}

impl fmt::Display for AnnotatedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = |right: usize, total: usize| format!("{right}/{total} ({})", percent(right, total));
        writeln!(f, "Annotated passages: {}  ({} documents)\n", self.dir.display(), self.documents)?;
        let mut summary = TextTable::new(["measure", "score"]);
        let times_right = self.times.iter().filter(|outcome| outcome.right).count();
        summary.row(["time expressions normalised right".to_string(), count(times_right, self.times.len())]);
        summary.row(["spurious time expressions".to_string(), self.spurious_times.len().to_string()]);
        let speakers = self.quotes.iter().filter(|outcome| outcome.speaker_right).count();
        summary.row(["quote speaker right".to_string(), count(speakers, self.quotes.len())]);
        let named: Vec<bool> = self.quotes.iter().filter_map(|outcome| outcome.addressee_right).collect();
        let addressees = named.iter().filter(|&&right| right).count();
        summary.row(["quote addressee right (where named)".to_string(), count(addressees, named.len())]);
        let verbs = self.quotes.iter().filter(|outcome| outcome.verb_right).count();
        summary.row(["quote verb right".to_string(), count(verbs, self.quotes.len())]);
        let found = self.quotes.iter().filter(|outcome| outcome.found).count();
        summary.row(["gold quotes found at all".to_string(), count(found, self.quotes.len())]);
        summary.row(["spurious quotes".to_string(), self.spurious_quotes.len().to_string()]);
        let (events_right, events) = self.event_dates();
        summary.row(["headline event dated from the text".to_string(), count(events_right, events)]);
        writeln!(f, "{summary}")?;
        let time_patterns = by_pattern(&self.times, |outcome| &outcome.pattern, |outcome| outcome.right);
        writeln!(f, "{}", pattern_table("time pattern", &time_patterns))?;
        let quote_patterns = by_pattern(&self.quotes, |outcome| &outcome.pattern, |outcome| outcome.speaker_right);
        writeln!(f, "{}", pattern_table("quote pattern (speaker)", &quote_patterns))?;
        self.write_failures(f)
    }
}

impl AnnotatedReport {
    fn write_failures(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut times = TextTable::new(["doc", "gold text", "gold value", "produced"]);
        for outcome in self.times.iter().filter(|outcome| !outcome.right) {
            let produced =
                outcome.produced.as_ref().map_or("-".to_string(), |(text, value)| format!("{text:?} = {value}"));
            let gold = outcome.gold.clone().unwrap_or_else(|| "none".into());
            times.row([outcome.doc_id.clone(), outcome.text.clone(), gold, produced]);
        }
        for (doc_id, text, value) in &self.spurious_times {
            times.row([doc_id.clone(), "(spurious)".into(), "-".into(), format!("{text:?} = {value}")]);
        }
        writeln!(f, "Time misses:\n{times}")?;
        let mut quotes = TextTable::new(["doc", "quote", "gold speaker / addressee / verb", "produced"]);
        let wrong = |outcome: &&QuoteOutcome| {
            !outcome.speaker_right || outcome.addressee_right == Some(false) || !outcome.verb_right
        };
        for outcome in self.quotes.iter().filter(wrong) {
            let or_dash = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".into());
            let produced = if outcome.found {
                format!("{} / {} / {}", or_dash(&outcome.speaker), or_dash(&outcome.addressee), or_dash(&outcome.verb))
            } else {
                "not found".into()
            };
            let gold =
                format!("{} / {} / {}", outcome.gold_speaker, or_dash(&outcome.gold_addressee), outcome.gold_verb);
            quotes.row([outcome.doc_id.clone(), snippet(&outcome.quote, 30), gold, produced]);
        }
        for (doc_id, text) in &self.spurious_quotes {
            quotes.row([doc_id.clone(), snippet(text, 30), "(spurious)".into(), String::new()]);
        }
        writeln!(f, "Quote misses:\n{quotes}")?;
        for outcome in self.events.iter().filter(|outcome| !outcome.passes()) {
            let produced = match (&outcome.produced_type, outcome.produced) {
                (Some(event_type), Some((date, source))) => format!("{event_type} on {date} ({source:?})"),
                _ => "no event with that trigger".to_string(),
            };
            writeln!(f, "{} event {:?}: gold {}, produced {produced}", outcome.doc_id, outcome.trigger, outcome.gold)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
