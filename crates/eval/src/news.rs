//! The news development set (`news-dev/`): short real news excerpts grouped by the event they
//! report. Each `dNNN.json` is one document (`id`, `cluster`, `published`, `title`, `url`,
//! `text`); `gold.json` maps a cluster name to its headline event: a date and one or more
//! acceptable alternatives, each a PLOVER type with acceptable actor and recipient codes.
//!
//! A document *finds* its cluster's headline event when one of its events has an acceptable
//! type and its actors and recipients overlap the acceptable codes ([`crate::matching`]; an
//! empty list accepts anything; entries that are not codes, such as `SUU KYI`, match by name).
//! The date check takes the first such event in document order and asks for an exact match
//! with the gold date, at the gold's precision.
//!
//! Clusters named `none-*` are non-political stories: every event coded from them is a false
//! alarm. No event may be dated after its document's publication date.
//!
//! Documents are read and coded as `dyad code --stories` reads and codes a JSON Lines file of
//! them: a document without a publication date counts its "Monday" from the first report of
//! the story it joins, or from the fallback date (the CLI uses today) when its story has no
//! dated report. Their dates are reported apart.

use crate::error::{EvalError, read_text};
use crate::matching::{any_overlap, describe_event};
use crate::table::{TextTable, percent};
use dyad_cluster::StoryClusterer;
use dyad_document::{Document, Metadata, PartialDate};
use dyad_kb::KnowledgeBase;
use dyad_pipeline::{Pipeline, ProcessedDocument, StoryPipeline};
use dyad_record::{DateSource, EventRecord};
use dyad_verbs::VerbDictionary;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One acceptable reading of a headline event.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct HeadlineAlternative {
    pub event: String,
    #[serde(default)]
    pub actor: Vec<String>,
    #[serde(default)]
    pub recipient: Vec<String>,
}

/// A cluster's headline event.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Headline {
    pub date: PartialDate,
    pub alts: Vec<HeadlineAlternative>,
}

/// One news document as the set stores it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct NewsDocument {
    pub id: String,
    pub cluster: String,
    pub published: Option<PartialDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

impl NewsDocument {
    pub fn is_non_political(&self) -> bool {
        self.cluster.starts_with("none-")
    }
}

/// The first event of a document that meets its headline.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundHeadline {
    pub description: String,
    pub date: PartialDate,
    pub date_source: DateSource,
}

/// One document, coded.
#[derive(Clone, Debug, PartialEq)]
pub struct NewsOutcome {
    pub id: String,
    pub cluster: String,
    pub published: Option<PartialDate>,
    pub events: usize,
    /// None for documents of clusters without a headline (the `none-*` ones).
    pub gold_date: Option<PartialDate>,
    pub found: Option<FoundHeadline>,
    /// Events dated after the publication date, described.
    pub after_publication: Vec<String>,
    /// What the document coded, for reading misses (at most a few).
    pub sample: Vec<String>,
}

impl NewsOutcome {
    pub fn date_matches(&self) -> Option<bool> {
        Some(self.found.as_ref()?.date == self.gold_date?)
    }
}

#[derive(Clone, Debug)]
pub struct NewsReport {
    pub dir: PathBuf,
    pub fallback_date: PartialDate,
    pub headlines: BTreeMap<String, Headline>,
    pub outcomes: Vec<NewsOutcome>,
}

impl NewsReport {
    /// Documents of clusters with a headline.
    pub fn graded(&self) -> impl Iterator<Item = &NewsOutcome> {
        self.outcomes.iter().filter(|outcome| outcome.gold_date.is_some())
    }

    /// (documents found, documents graded).
    pub fn recall(&self) -> (usize, usize) {
        let graded: Vec<&NewsOutcome> = self.graded().collect();
        (graded.iter().filter(|outcome| outcome.found.is_some()).count(), graded.len())
    }

    /// (exact date matches, found) over documents with (`true`) or without a publication date.
    pub fn date_matches(&self, published: bool) -> (usize, usize) {
        let found: Vec<&NewsOutcome> = self
            .graded()
            .filter(|outcome| outcome.found.is_some() && outcome.published.is_some() == published)
            .collect();
        (found.iter().filter(|outcome| outcome.date_matches() == Some(true)).count(), found.len())
    }

    /// (events coded, documents) from the non-political `none-*` clusters.
    pub fn non_political_events(&self) -> (usize, usize) {
        let documents: Vec<&NewsOutcome> =
            self.outcomes.iter().filter(|outcome| outcome.cluster.starts_with("none-")).collect();
        (documents.iter().map(|outcome| outcome.events).sum(), documents.len())
    }

    pub fn events_after_publication(&self) -> usize {
        self.outcomes.iter().map(|outcome| outcome.after_publication.len()).sum()
    }
}

/// Codes the set with the embedded dictionaries; undated documents fall back to today (UTC).
pub fn evaluate_news(dir: &Path) -> Result<NewsReport, EvalError> {
    evaluate_news_with(dir, KnowledgeBase::embedded(), VerbDictionary::embedded(), dyad_time::today_utc())
}

/// [`evaluate_news`] with the given dictionaries and fallback date.
pub fn evaluate_news_with(
    dir: &Path,
    kb: &KnowledgeBase,
    verbs: &VerbDictionary,
    fallback_date: PartialDate,
) -> Result<NewsReport, EvalError> {
    let gold_path = dir.join("gold.json");
    let headlines: BTreeMap<String, Headline> = serde_json::from_str(&read_text(&gold_path)?)
        .map_err(|source| EvalError::Json { path: gold_path.clone(), source })?;
    let documents = read_documents(dir)?;
    let pipeline = Pipeline::new(kb, verbs, fallback_date);
    let coded = code_in_stories(&pipeline, dir, &documents)?;
    let outcomes = documents
        .iter()
        .zip(&coded.processed)
        .map(|(document, processed)| outcome(document, processed.events(), headlines.get(&document.cluster)))
        .collect();
    Ok(NewsReport { dir: dir.to_path_buf(), fallback_date, headlines, outcomes })
}

/// Every `*.json` but `gold.json`, in file-name order (so reports are stable).
pub(crate) fn read_documents(dir: &Path) -> Result<Vec<NewsDocument>, EvalError> {
    let listing = std::fs::read_dir(dir).map_err(|source| EvalError::Read { path: dir.to_path_buf(), source })?;
    let mut paths = Vec::new();
    for entry in listing {
        let path = entry.map_err(|source| EvalError::Read { path: dir.to_path_buf(), source })?.path();
        let is_document = path.extension().is_some_and(|extension| extension == "json")
            && path.file_name().is_some_and(|name| name != "gold.json");
        if is_document {
            paths.push(path);
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|path| {
            serde_json::from_str(&read_text(path)?).map_err(|source| EvalError::Json { path: path.clone(), source })
        })
        .collect()
}

/// The documents coded as `dyad code --stories` codes a JSON Lines file of them, with the
/// stories they were grouped into.
pub(crate) struct CodedInStories {
    /// One per document, in the order given.
    pub processed: Vec<ProcessedDocument>,
    pub stories: usize,
}

/// Reads each document as the JSON Lines reader would (date lines, datelines and credits moved
/// into metadata), codes them in order into stories, undated ones once their story's dated
/// reports are known ([`StoryPipeline`]), and returns them in the order given.
pub(crate) fn code_in_stories(
    pipeline: &Pipeline,
    dir: &Path,
    documents: &[NewsDocument],
) -> Result<CodedInStories, EvalError> {
    let mut stories = StoryPipeline::new(pipeline, StoryClusterer::new());
    let mut processed = Vec::with_capacity(documents.len());
    for document in documents {
        processed.extend(stories.push(read_as_jsonl_record(dir, document)?));
    }
    processed.extend(stories.finish());
    let position: BTreeMap<&str, usize> =
        documents.iter().enumerate().map(|(position, document)| (document.id.as_str(), position)).collect();
    processed.sort_by_key(|coded| position.get(coded.document.id.as_str()).copied().unwrap_or(usize::MAX));
    Ok(CodedInStories { processed, stories: stories.clusterer().stories().len() })
}

fn read_as_jsonl_record(dir: &Path, document: &NewsDocument) -> Result<Document, EvalError> {
    let metadata = Metadata {
        title: document.title.clone(),
        url: document.url.clone(),
        published: document.published,
        language: Some("en".into()),
        source: format!("news-dev/{}", document.id),
        ..Metadata::default()
    };
    let mut read = dyad_read::plain::parse_with_metadata(&document.text, metadata)
        .map_err(|error| EvalError::format(dir.join(format!("{}.json", document.id)), error.to_string()))?;
    read.id = document.id.clone();
    Ok(read)
}

fn outcome(document: &NewsDocument, events: &[EventRecord], headline: Option<&Headline>) -> NewsOutcome {
    let found = headline.and_then(|headline| events.iter().find(|event| meets_headline(event, headline)));
    let after_publication = match document.published {
        Some(published) => events
            .iter()
            .filter(|event| published.is_before(&event.date))
            .map(|event| format!("{} on {}", describe_event(event), event.date))
            .collect(),
        None => Vec::new(),
    };
    NewsOutcome {
        id: document.id.clone(),
        cluster: document.cluster.clone(),
        published: document.published,
        events: events.len(),
        gold_date: headline.map(|headline| headline.date),
        found: found.map(|event| FoundHeadline {
            description: format!("{} {}", event.event, describe_event(event)),
            date: event.date,
            date_source: event.date_source,
        }),
        after_publication,
        sample: events.iter().take(4).map(|event| format!("{} {}", event.event, describe_event(event))).collect(),
    }
}

/// Whether an event is one of the headline's acceptable readings.
pub fn meets_headline(event: &EventRecord, headline: &Headline) -> bool {
    headline.alts.iter().any(|alternative| {
        // A reciprocal event lists both parties as actors with no recipient ("Trump and Kim
        // met"); it meets a headline whose actor and recipient are both among them.
        let reciprocal =
            event.recipient.is_empty() && event.actor.len() >= 2 && any_overlap(&alternative.recipient, &event.actor);
        event.event == alternative.event
            && any_overlap(&alternative.actor, &event.actor)
            && (any_overlap(&alternative.recipient, &event.recipient) || reciprocal)
    })
}

impl fmt::Display for NewsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "News development set: {}  (undated documents coded with fallback date {})\n",
            self.dir.display(),
            self.fallback_date
        )?;
        let mut clusters = TextTable::new(["cluster", "gold date", "documents", "found", "share", "date exact"]);
        for (name, headline) in &self.headlines {
            let documents: Vec<&NewsOutcome> =
                self.outcomes.iter().filter(|outcome| &outcome.cluster == name).collect();
            let found = documents.iter().filter(|outcome| outcome.found.is_some()).count();
            let dated = documents.iter().filter(|outcome| outcome.date_matches() == Some(true)).count();
            clusters.row([
                name.clone(),
                headline.date.to_string(),
                documents.len().to_string(),
                found.to_string(),
                percent(found, documents.len()),
                format!("{dated}/{found}"),
            ]);
        }
        writeln!(f, "{clusters}")?;
        let (found, graded) = self.recall();
        writeln!(f, "Headline recall: {found}/{graded} documents ({})", percent(found, graded))?;
        let (dated_right, dated_found) = self.date_matches(true);
        writeln!(
            f,
            "Date exact match, documents with a publication date: {dated_right}/{dated_found} ({})",
            percent(dated_right, dated_found)
        )?;
        let (undated_right, undated_found) = self.date_matches(false);
        writeln!(
            f,
            "Date exact match, undated documents: {undated_right}/{undated_found} ({})",
            percent(undated_right, undated_found)
        )?;
        let (false_alarms, non_political) = self.non_political_events();
        writeln!(
            f,
            "Events coded from {non_political} non-political (none-*) documents: {false_alarms} (should be 0)"
        )?;
        writeln!(f, "Events dated after their publication date: {} (should be 0)\n", self.events_after_publication())?;
        let mut documents =
            TextTable::new(["doc", "cluster", "published", "events", "headline found", "date", "coded (first few)"]);
        for outcome in &self.outcomes {
            let found = outcome.found.as_ref();
            documents.row([
                outcome.id.clone(),
                outcome.cluster.chars().take(28).collect(),
                outcome.published.map_or("-".into(), |date| date.to_string()),
                outcome.events.to_string(),
                found.map_or("-".into(), |found| found.description.clone()),
                found.map_or("-".into(), |found| format!("{} ({:?})", found.date, found.date_source)),
                if found.is_some() { String::new() } else { outcome.sample.join("; ") },
            ]);
        }
        writeln!(f, "{documents}")?;
        for outcome in self.outcomes.iter().filter(|outcome| !outcome.after_publication.is_empty()) {
            writeln!(f, "{} dated after publication: {}", outcome.id, outcome.after_publication.join("; "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
