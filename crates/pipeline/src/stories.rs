//! Coding a stream of documents into stories, with undated reports dated by their story.
//!
//! A report without a publication date ("Leaders met on Monday ...", copied from a page that
//! lost its metadata) cannot say which Monday on its own. Once it has joined a story, the
//! story's first dated report says when that story was news, and the report's "Monday" is
//! counted from there instead of from today ([`dyad_code::document_anchor`]).
//!
//! So undated documents are held back and coded after the dated ones: a report that comes
//! before the dated reports of its story in the input still finds them. The hold is bounded
//! ([`DEFAULT_HOLD_LIMIT`] documents): past it the oldest held document is coded with what
//! is known so far, so memory stays flat on a stream of undated documents.
//!
//! Invariants:
//! - every document pushed comes out exactly once, from [`StoryPipeline::push`] or
//!   [`StoryPipeline::finish`];
//! - dated documents come out in input order, as soon as they are pushed; held documents
//!   come out in input order after them;
//! - the output depends only on the input order, the dictionaries and the fallback date.

use crate::{Pipeline, ProcessedDocument};
use dyad_cluster::{DocumentInfo, StoryClusterer};
use dyad_document::{Document, PartialDate};
use dyad_record::EventRecord;
use std::collections::{HashMap, VecDeque};

/// How many undated documents wait for their story's dated reports before the oldest is coded
/// anyway.
pub const DEFAULT_HOLD_LIMIT: usize = 10_000;

/// The pipeline plus a story clusterer, fed one document at a time.
pub struct StoryPipeline<'p, 'a> {
    pipeline: &'p Pipeline<'a>,
    clusterer: StoryClusterer,
    held: VecDeque<Document>,
    hold_limit: usize,
}

impl<'p, 'a> StoryPipeline<'p, 'a> {
    /// Starts from `clusterer`, which may already hold stories (those of stored documents).
    pub fn new(pipeline: &'p Pipeline<'a>, clusterer: StoryClusterer) -> StoryPipeline<'p, 'a> {
        StoryPipeline { pipeline, clusterer, held: VecDeque::new(), hold_limit: DEFAULT_HOLD_LIMIT }
    }

    /// At most `limit` undated documents wait; 0 codes every document as it comes.
    pub fn with_hold_limit(mut self, limit: usize) -> StoryPipeline<'p, 'a> {
        self.hold_limit = limit;
        self
    }

    pub fn clusterer(&self) -> &StoryClusterer {
        &self.clusterer
    }

    /// Adds a document coded earlier (events as stored) to the stories, so that new reports
    /// can join them; sets each event's `story_id`.
    pub fn remember(&mut self, document: &Document, events: &mut [EventRecord]) -> Option<String> {
        assign_stories(&mut self.clusterer, document, events)
    }

    /// Codes a document, or holds it back when it is undated. Returns the document coded now:
    /// this one if it is dated, else the oldest held one if the hold is full, else nothing.
    pub fn push(&mut self, document: Document) -> Option<ProcessedDocument> {
        if document.metadata.published.is_some() {
            return Some(self.code_dated(document));
        }
        self.held.push_back(document);
        if self.held.len() > self.hold_limit {
            let oldest = self.held.pop_front()?;
            return Some(self.code_undated(oldest));
        }
        None
    }

    /// Codes every held document, in input order, now that all dated ones are known.
    pub fn finish(&mut self) -> Vec<ProcessedDocument> {
        let held: Vec<Document> = self.held.drain(..).collect();
        held.into_iter().map(|document| self.code_undated(document)).collect()
    }

    fn code_dated(&mut self, document: Document) -> ProcessedDocument {
        let mut processed = self.pipeline.process(document);
        processed.story_id = assign_stories(&mut self.clusterer, &processed.document, &mut processed.coded.events);
        processed
    }

    /// Codes an undated document against today, finds its story, and codes it again counting
    /// from the story's first dated report when there is one. Event ids do not depend on
    /// dates, so the second coding's events take the stories the first one's chose.
    fn code_undated(&mut self, document: Document) -> ProcessedDocument {
        let first = self.code_dated(document);
        let Some(first_reported) = first.story_id.as_deref().and_then(|id| self.story_first_reported(id)) else {
            return first;
        };
        let mut second = self.pipeline.process_in_story(first.document.clone(), Some(first_reported));
        if second.coded.anchor == first.coded.anchor {
            return first;
        }
        let story_of: HashMap<&str, &str> =
            first.events().iter().filter_map(|event| Some((event.id.as_str(), event.story_id.as_deref()?))).collect();
        let all_known = second.events().iter().all(|event| story_of.contains_key(event.id.as_str()));
        if all_known {
            for event in &mut second.coded.events {
                event.story_id = story_of.get(event.id.as_str()).map(|story| story.to_string());
            }
        } else {
            assign_stories(&mut self.clusterer, &second.document, &mut second.coded.events);
        }
        second.story_id = first.story_id;
        second
    }

    /// When the story was first news: its earliest dated report. (The day its texts state
    /// would be tempting, but a story's stated date can be a background one; a publication
    /// date cannot.)
    fn story_first_reported(&self, story_id: &str) -> Option<PartialDate> {
        self.clusterer.story(story_id)?.first_reported
    }
}

/// Assigns each event its story and returns the story the document leads with.
fn assign_stories(clusterer: &mut StoryClusterer, document: &Document, events: &mut [EventRecord]) -> Option<String> {
    let info = DocumentInfo::from_document(document);
    let assignment = clusterer.add_document_story(&info, events);
    let story_of: HashMap<String, String> =
        assignment.events.into_iter().map(|event| (event.event_id, event.story_id)).collect();
    for event in events.iter_mut() {
        event.story_id = story_of.get(&event.id).cloned();
    }
    assignment.story_id
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_document::Metadata;
    use dyad_kb::KnowledgeBase;
    use dyad_verbs::VerbDictionary;

    const TODAY: PartialDate = PartialDate { year: 2026, month: Some(11), day: Some(29) };

    fn report(id: &str, published: Option<PartialDate>, body: &str) -> Document {
        let metadata = Metadata { published, source: id.to_string(), ..Metadata::default() };
        Document { id: id.to_string(), metadata, body: body.to_string() }
    }

    fn undated_report() -> Document {
        report(
            "undated",
            None,
            "The United States imposed sanctions on Venezuela's state oil company on Monday, \
             Treasury officials said, in a move to cut off funds to President Nicolas Maduro.",
        )
    }

    fn dated_report() -> Document {
        report(
            "dated",
            Some(PartialDate::day(2019, 1, 29)),
            "The United States imposed sanctions on Venezuela's state oil company on Monday, \
             aiming to cut off the main source of money for President Nicolas Maduro's government.",
        )
    }

    fn pipeline() -> Pipeline<'static> {
        Pipeline::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), TODAY)
    }

    fn sanction_dates(processed: &ProcessedDocument) -> Vec<String> {
        processed
            .events()
            .iter()
            .filter(|event| event.event == "SANCTION")
            .map(|event| event.date.to_string())
            .collect()
    }

    #[test]
    fn an_undated_report_met_first_is_dated_by_its_story() {
        let pipeline = pipeline();
        let mut stories = StoryPipeline::new(&pipeline, StoryClusterer::new());
        assert!(stories.push(undated_report()).is_none(), "undated reports wait for the dated ones");
        let dated = stories.push(dated_report()).expect("dated reports are coded at once");
        assert_eq!(sanction_dates(&dated), ["2019-01-28"]);
        let held = stories.finish();
        assert_eq!(held.len(), 1);
        assert_eq!(held[0].document.id, "undated");
        assert_eq!(
            sanction_dates(&held[0]),
            ["2019-01-28"],
            "Monday before the story's first report, not before today"
        );
        assert_eq!(held[0].story_id, dated.story_id, "both reports tell one story");
        assert!(held[0].events().iter().all(|event| event.story_id.is_some()));
    }

    #[test]
    fn without_a_dated_story_an_undated_report_counts_from_the_fallback() {
        let pipeline = pipeline();
        let mut stories = StoryPipeline::new(&pipeline, StoryClusterer::new());
        assert!(stories.push(undated_report()).is_none());
        let held = stories.finish();
        assert_eq!(sanction_dates(&held[0]), ["2026-11-23"], "the Monday before the fallback date");
    }

    #[test]
    fn a_full_hold_codes_its_oldest_document_and_loses_none() {
        let pipeline = pipeline();
        let mut stories = StoryPipeline::new(&pipeline, StoryClusterer::new()).with_hold_limit(1);
        assert!(stories.push(undated_report()).is_none());
        let mut second = undated_report();
        second.id = "second".into();
        let released = stories.push(second).expect("the hold is full, so the oldest comes out");
        assert_eq!(released.document.id, "undated");
        let rest = stories.finish();
        assert_eq!(rest.iter().map(|processed| processed.document.id.as_str()).collect::<Vec<_>>(), ["second"]);
        assert!(stories.finish().is_empty(), "finishing twice gives nothing more");
    }
}
