//! Stories: the reports of one real-world event, grouped incrementally.
//!
//! Each document is decided as a whole first ([`StoryClusterer::add_document_story`]): the
//! story it leads with is the existing story its wording, names, actors and dates fit best,
//! with the share of its events whose tuples match a story as one more piece of evidence
//! ([`crate::document_stories`] has the score and the vetoes that keep near misses apart). Its
//! headline event, the most confident asserted event of its first sentences that is not
//! background (dated well before publication), joins that story; when no story fits, the
//! headline event's own tuple decides as below, never into a story the document-level rules
//! veto, and otherwise founds a story. A document without events founds no story; it joins one
//! only on strong wording and name overlap, under the same vetoes.
//!
//! Every other event is assigned by its tuple: it joins an existing story when all of these
//! hold (else it founds a new story):
//! - same [`EventFamily`];
//! - roles agree: the actors overlap the story's actors and the recipients its recipients
//!   (by code or canonical name); a side that is empty on either part neither helps nor
//!   hurts, but at least one side must truly overlap. In a reciprocal family (meetings) the
//!   roles may also match swapped; in a directed one (an attack) they may not, so the
//!   retaliation is its own story;
//! - dates agree: the event's day range overlaps the story's ([`crate::dates`]). A story keeps
//!   the intersection of its members' stated ranges and, apart, of their publication windows,
//!   so all members stay pairwise compatible (intervals that pairwise overlap share a point);
//! - places agree: when both name countries, they share one;
//! - wording agrees: the overlap of the event sentence's content words (stopwords and the
//!   actors' own names left out, cut to 6 letters as a crude stem) with the story's reaches a
//!   threshold that rises as date agreement weakens ([`wording_threshold`]): same-day
//!   reports need little shared wording, "sometime in 2024" needs a lot.
//!
//! Among several matching stories the best score wins (wording, plus a bonus for agreeing to
//! the day), the earliest story on a tie. Candidates come from blocking on (family, date
//! bucket, actor key, recipient key) for tuples and on (name or actor key, week) for
//! documents, so adding a document only looks at its own blocks and never re-clusters:
//! stories only grow, and an event's story never changes later. A headline event placed by
//! the document-level decision whose own tuple does not fit the story is kept as a member
//! only, so a miscoded tuple never widens what later tuples may match.
//!
//! Story ids are derived from the first member (its document and event id), so the same input
//! in the same order always yields the same ids, and ids do not change as a story grows.
//! Adding a document again returns its earlier assignments.

use crate::dates::{DateEvidence, DayRange};
use crate::document::{DocumentFeatures, is_background, stated_range};
use crate::document_stories::{DocumentEvidence, DocumentIndex, StoryDocuments, vetoed};
use crate::evaluation::{HEADLINE_SENTENCES, headline_event};
use crate::family::EventFamily;
use crate::features::{EventFeatures, Interner, merge_sorted, sorted_intersection_count, sorted_overlap};
use dyad_document::{Document, PartialDate, content_id};
use dyad_record::EventRecord;
use dyad_record::Modality;
use serde::{Deserialize, Serialize};

/// Wording similarity a report without events needs to join a story: twice the bar of a report
/// whose events also match, since nothing else speaks for it.
const EVENTLESS_MIN_TEXT_SIMILARITY: f64 = 0.3;
/// Share of its names (lead names, or all names) a report without events must share with the
/// story it joins.
const EVENTLESS_MIN_NAME_SHARE: f64 = 0.5;
use std::collections::HashMap;

/// Most distinct content words a story remembers for wording comparisons.
pub const MAX_STORY_WORDS: usize = 256;
/// A date range up to this many days is blocked by week; a longer one by year.
const WEEK_BLOCKING_MAX_DAYS: i32 = 62;
/// Ranges spanning more years than this are too vague to block on a date at all.
const YEAR_BLOCKING_MAX_YEARS: i32 = 3;
/// Score bonus for agreeing to the exact day, so a same-day story beats a same-week one.
const SAME_DAY_BONUS: f64 = 0.2;

/// The document a batch of events came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DocumentInfo<'a> {
    pub doc_id: &'a str,
    /// The headline, when the reader found one apart from the body; its words count as lead.
    pub title: Option<&'a str>,
    /// Real publication date, if known. Leave it `None` when the pipeline only had a stand-in:
    /// events dated from the publication fallback then count as undated.
    pub published: Option<PartialDate>,
    /// The outlet's name or web host, kept as evidence of who reported the story.
    pub outlet: Option<&'a str>,
    /// The document body, used to read each event's sentence (`EventRecord::span`). Without
    /// it the clusterer compares the events' own words, which is weaker.
    pub body: Option<&'a str>,
}

impl<'a> DocumentInfo<'a> {
    /// From a read document; the outlet is the URL's host without "www.".
    pub fn from_document(document: &'a Document) -> DocumentInfo<'a> {
        DocumentInfo {
            doc_id: &document.id,
            title: document.metadata.title.as_deref(),
            published: document.metadata.published,
            outlet: document.metadata.url.as_deref().and_then(url_host),
            body: Some(&document.body),
        }
    }
}

impl DocumentInfo<'_> {
    /// The publication day, when the date is known to the day. A month or a year ("2023-10")
    /// says too little to hold reports to the days-apart rules: its first day would set a
    /// report of 21 October three weeks after one "of October".
    pub fn published_day(&self) -> Option<i32> {
        self.published.filter(|date| date.day.is_some()).map(|date| DayRange::of(&date).first)
    }
}

/// Of two publication dates, the earlier; a date known to the day wins over a month or year
/// that contains it, so a story's first report is not blurred by a vaguer source.
fn earlier(first: PartialDate, other: PartialDate) -> PartialDate {
    reported_bound(first, other, |other_day, kept_day| other_day < kept_day)
}

/// Of two publication dates, the later; the more precise of two that overlap.
fn later(last: PartialDate, other: PartialDate) -> PartialDate {
    reported_bound(last, other, |other_day, kept_day| other_day > kept_day)
}

/// `kept` or `other`: the more precise of two that overlap (`kept` on a tie), else `other`
/// when `beyond` says its first day lies past `kept`'s in the wanted direction.
fn reported_bound(kept: PartialDate, other: PartialDate, beyond: impl Fn(i32, i32) -> bool) -> PartialDate {
    let (kept_range, other_range) = (DayRange::of(&kept), DayRange::of(&other));
    if kept_range.overlaps(&other_range) {
        return if kept_range.days() <= other_range.days() { kept } else { other };
    }
    if beyond(other_range.first, kept_range.first) { other } else { kept }
}

/// "https://www.example.com/a/b" → "example.com".
pub fn url_host(url: &str) -> Option<&str> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = after_scheme.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Where one event went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryAssignment {
    pub event_id: String,
    pub doc_id: String,
    pub story_id: String,
    /// True when this event founded the story.
    pub new_story: bool,
    /// Wording similarity with the story it joined (1 for a founder).
    pub similarity: f64,
}

/// Where one document went: the story it leads with, and each of its events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentAssignment {
    pub doc_id: String,
    /// The story the document leads with; None for a document without events that resembles
    /// no story closely enough (such a document never founds one).
    pub story_id: Option<String>,
    /// True when the document founded its story.
    pub new_story: bool,
    /// Document-level score with the story it joined (1 when it founded it, 0 without one).
    pub similarity: f64,
    /// One per event, in the order given.
    pub events: Vec<StoryAssignment>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryMember {
    pub event_id: String,
    pub doc_id: String,
    /// The member's own PLOVER type (the story's family may hold several).
    pub event: String,
    pub sentence: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySource {
    pub doc_id: String,
    pub outlet: Option<String>,
    pub published: Option<PartialDate>,
}

/// One real-world event and every report of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub family: EventFamily,
    pub members: Vec<StoryMember>,
    /// Each reporting document once, in the order they were added.
    pub sources: Vec<StorySource>,
    /// The documents that lead with this story, in the order they were added.
    #[serde(default)]
    pub leading_documents: Vec<String>,
    /// Earliest and latest known publication date among the sources.
    pub first_reported: Option<PartialDate>,
    pub last_reported: Option<PartialDate>,
    /// The most precise date covering what the members' texts state, if any stated one.
    pub date: Option<PartialDate>,
    /// The sentence of the member from the earliest-published source (first added on a tie).
    pub representative: String,
    pub representative_event_id: String,
}

/// What the clusterer remembers of a story to match new events against it.
struct StoryProfile {
    family_id: u32,
    reciprocal: bool,
    actors: Vec<u32>,
    recipients: Vec<u32>,
    stated: Option<DayRange>,
    reported: Option<DayRange>,
    countries: Vec<u32>,
    words: Vec<u32>,
    /// Publication day of the representative's source; None sorts last.
    representative_published: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Bucket {
    Week(i32),
    Year(i32),
    /// Stories with an undated member.
    Undated,
    /// Every story, whatever its date: for events whose own date is too vague to block on.
    Any,
}

/// A role slot of a blocking key: an entity key, "this side of the member was empty", or
/// "whatever this side holds".
const EMPTY_SIDE: u32 = u32::MAX;
const ANY_SIDE: u32 = u32::MAX - 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct BlockKey {
    family_id: u32,
    bucket: Bucket,
    actor: u32,
    recipient: u32,
}

/// Groups events into stories as documents arrive.
#[derive(Default)]
pub struct StoryClusterer {
    interner: Interner,
    stories: Vec<Story>,
    profiles: Vec<StoryProfile>,
    index_by_id: HashMap<String, u32>,
    blocks: HashMap<BlockKey, Vec<u32>>,
    /// "doc_id \u{1f} event_id" → story index, so re-adding a document is idempotent.
    assigned: HashMap<String, u32>,
    /// Per story, the last event number that looked at it: dedups candidates without allocating.
    seen_stamp: Vec<u32>,
    stamp: u32,
    /// Per story, what the documents leading with it say (None until one does).
    story_documents: Vec<Option<Box<StoryDocuments>>>,
    document_index: DocumentIndex,
    /// doc_id → the story it leads with, so re-adding a document is idempotent.
    document_story: HashMap<String, Option<u32>>,
}

impl StoryClusterer {
    pub fn new() -> StoryClusterer {
        StoryClusterer::default()
    }

    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    pub fn story(&self, story_id: &str) -> Option<&Story> {
        self.index_by_id.get(story_id).map(|index| &self.stories[*index as usize])
    }

    /// Assigns each event of one document to a story and returns one assignment per event, in
    /// the order given ([`StoryClusterer::add_document_story`] also says which story the
    /// document leads with).
    pub fn add_document(&mut self, document: &DocumentInfo<'_>, events: &[EventRecord]) -> Vec<StoryAssignment> {
        self.add_document_story(document, events).events
    }

    /// Decides which story the document leads with and assigns each event.
    ///
    /// The document's story is chosen on document-level evidence (wording, names, actors,
    /// dates: [`crate::document_stories`]) together with how many of its events' tuples match
    /// a story, so one miscoded event does not split a story. Its headline event (the most
    /// confident asserted event of the first sentences) joins that story; when no story fits,
    /// the headline event's own tuple decides, never against a document-level veto. Every
    /// other event goes to the story its own tuple matches, or founds one. A document without
    /// events founds no story and joins one only on strong wording and names
    /// ([`Self::story_without_events`]).
    pub fn add_document_story(&mut self, document: &DocumentInfo<'_>, events: &[EventRecord]) -> DocumentAssignment {
        let features: Vec<EventFeatures> = events
            .iter()
            .map(|event| EventFeatures::new(event, document.body, document.published.as_ref(), &mut self.interner))
            .collect();
        if let Some(previous) = self.document_story.get(document.doc_id).copied() {
            return self.repeated_document(document, events, &features, previous);
        }
        let published_day = document.published_day();
        let headline = headline_position(events, &features, published_day);
        let mut evidence = self.document_evidence(document, events, &features, headline);
        self.document_index.count_terms(&evidence.features);
        let Some(headline) = headline else {
            let joined = self.story_without_events(&evidence);
            match joined {
                Some((index, _)) => self.lead_with(index, document.doc_id, &evidence),
                None => {
                    self.document_story.insert(document.doc_id.to_string(), None);
                }
            }
            return DocumentAssignment {
                doc_id: document.doc_id.to_string(),
                story_id: joined.map(|(index, _)| self.stories[index as usize].id.clone()),
                new_story: false,
                similarity: joined.map_or(0.0, |(_, similarity)| similarity),
                events: Vec::new(),
            };
        };
        let support = self.event_support(events, &features);
        let chosen = self.best_document_story(&mut evidence, &support, events, &features, headline);
        let headline = chosen.map_or(headline, |(_, _, lead)| lead);
        let mut assignments = Vec::with_capacity(events.len());
        let mut story_indices = Vec::with_capacity(events.len());
        for (position, (event, event_features)) in events.iter().zip(&features).enumerate() {
            let (assignment, index) = match chosen {
                Some((index, similarity, _)) if position == headline => {
                    (self.add_to_story(index, similarity, document, event, event_features), index)
                }
                _ if position == headline => self.add_event(document, event, event_features, Some(&evidence)),
                _ => self.add_event(document, event, event_features, None),
            };
            assignments.push(assignment);
            story_indices.push(index);
        }
        let lead = if assignments[headline].new_story {
            self.corroborated_lead(events, &features, &assignments, &story_indices, &mut evidence).unwrap_or(headline)
        } else {
            headline
        };
        self.lead_with(story_indices[lead], document.doc_id, &evidence);
        let lead_assignment = &assignments[lead];
        DocumentAssignment {
            doc_id: document.doc_id.to_string(),
            story_id: Some(lead_assignment.story_id.clone()),
            new_story: lead_assignment.new_story,
            similarity: lead_assignment.similarity,
            events: assignments,
        }
    }

    /// When the headline event founded a story of its own, another leading event that joined
    /// an existing story is likelier the news (the coder may have taken a side remark for the
    /// headline): the position of the one whose story has the most sources, unless the
    /// document-level rules veto it with that event as the lead. Leaves `evidence` led by the
    /// event chosen, or by the headline.
    fn corroborated_lead(
        &self,
        events: &[EventRecord],
        features: &[EventFeatures],
        assignments: &[StoryAssignment],
        story_indices: &[u32],
        evidence: &mut DocumentEvidence,
    ) -> Option<usize> {
        let headline_lead = (evidence.lead_stated, evidence.lead_actors.clone(), evidence.lead_recipients.clone());
        let mut best: Option<(usize, usize)> = None;
        for (position, event) in events.iter().enumerate() {
            if event.sentence >= HEADLINE_SENTENCES || assignments[position].new_story {
                continue;
            }
            let index = story_indices[position] as usize;
            set_lead(evidence, event, &features[position]);
            if self.story_documents[index].as_deref().is_some_and(|story| vetoed(story, evidence)) {
                continue;
            }
            let sources = self.stories[index].sources.len();
            if best.is_none_or(|(_, top)| sources > top) {
                best = Some((position, sources));
            }
        }
        match best {
            Some((position, _)) => set_lead(evidence, &events[position], &features[position]),
            None => (evidence.lead_stated, evidence.lead_actors, evidence.lead_recipients) = headline_lead,
        }
        best.map(|(position, _)| position)
    }

    fn repeated_document(
        &mut self,
        document: &DocumentInfo<'_>,
        events: &[EventRecord],
        features: &[EventFeatures],
        previous: Option<u32>,
    ) -> DocumentAssignment {
        let assignments: Vec<StoryAssignment> = events
            .iter()
            .zip(features)
            .map(|(event, features)| self.add_event(document, event, features, None).0)
            .collect();
        DocumentAssignment {
            doc_id: document.doc_id.to_string(),
            story_id: previous.map(|index| self.stories[index as usize].id.clone()),
            new_story: false,
            similarity: if previous.is_some() { 1.0 } else { 0.0 },
            events: assignments,
        }
    }

    fn document_evidence(
        &mut self,
        document: &DocumentInfo<'_>,
        events: &[EventRecord],
        features: &[EventFeatures],
        headline: Option<usize>,
    ) -> DocumentEvidence {
        let mut lead_role_keys: Vec<u32> = Vec::new();
        let mut all_role_keys: Vec<u32> = Vec::new();
        for (event, features) in events.iter().zip(features) {
            let keys = features.actors.iter().chain(&features.recipients);
            if event.sentence < HEADLINE_SENTENCES {
                lead_role_keys.extend(keys.clone());
            }
            all_role_keys.extend(keys);
        }
        for keys in [&mut lead_role_keys, &mut all_role_keys] {
            keys.sort_unstable();
            keys.dedup();
        }
        let published_day = document.published_day();
        let document_features = DocumentFeatures::new(
            document.title,
            document.body,
            published_day,
            events,
            &lead_role_keys,
            &all_role_keys,
            &mut self.interner,
        );
        let mut evidence = DocumentEvidence {
            features: document_features,
            lead_stated: None,
            lead_actors: Vec::new(),
            lead_recipients: Vec::new(),
        };
        if let Some(position) = headline {
            set_lead(&mut evidence, &events[position], &features[position]);
        }
        evidence
    }

    /// For each story that some event's tuple matches, the weighted share of the document's
    /// events that match it (events in the leading sentences count double); and per event,
    /// the story its tuple matches.
    fn event_support(&mut self, events: &[EventRecord], features: &[EventFeatures]) -> EventSupport {
        let mut shares: Vec<(u32, f64)> = Vec::new();
        let mut matched = Vec::with_capacity(events.len());
        let mut total = 0.0;
        for (event, features) in events.iter().zip(features) {
            let weight = if event.sentence < HEADLINE_SENTENCES { 2.0 } else { 1.0 };
            total += weight;
            let best = if features.has_roles() { self.best_story(features, None) } else { None };
            matched.push(best.as_ref().map(|best| best.index));
            if let Some(best) = best {
                match shares.iter_mut().find(|(index, _)| *index == best.index) {
                    Some(entry) => entry.1 += weight,
                    None => shares.push((best.index, weight)),
                }
            }
        }
        for entry in &mut shares {
            entry.1 /= total;
        }
        EventSupport { shares, matched }
    }

    /// The best-scoring story the document may join: (story, combined score, position of the
    /// event that leads the document into it). A story that one of the leading events' own
    /// tuple matches is judged with that event as the lead (its date and roles), since the
    /// coder's most confident event may be a side remark; any other with the headline.
    fn best_document_story(
        &self,
        evidence: &mut DocumentEvidence,
        support: &EventSupport,
        events: &[EventRecord],
        features: &[EventFeatures],
        headline: usize,
    ) -> Option<(u32, f64, usize)> {
        let mut candidates = self.document_index.candidates(evidence);
        candidates.extend(support.shares.iter().map(|(index, _)| *index));
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u32, f64, usize)> = None;
        for index in candidates {
            let Some(story) = self.story_documents[index as usize].as_deref() else { continue };
            let lead = leading_event_for(index, events, features, support, evidence.features.published_day)
                .unwrap_or(headline);
            set_lead(evidence, &events[lead], &features[lead]);
            if vetoed(story, evidence) {
                continue;
            }
            let event_support =
                support.shares.iter().find(|(supported, _)| *supported == index).map_or(0.0, |(_, share)| *share);
            let score = self.document_index.score(story, evidence, event_support);
            let combined = score.combined();
            // Candidates come in index order, so a strict `>` keeps the earliest story on a tie.
            if score.joins() && best.is_none_or(|(_, top, _)| combined > top) {
                best = Some((index, combined, lead));
            }
        }
        let lead = best.map_or(headline, |(_, _, lead)| lead);
        set_lead(evidence, &events[lead], &features[lead]);
        best
    }

    /// A report that codes no event (its news told in nouns, or only in background clauses)
    /// still belongs to the story its words tell. With no event tuple to support it, it joins
    /// only on strong wording and name overlap with an existing story, never against a
    /// document-level veto, and it founds no story of its own.
    fn story_without_events(&self, evidence: &DocumentEvidence) -> Option<(u32, f64)> {
        let mut best: Option<(u32, f64)> = None;
        for index in self.document_index.candidates(evidence) {
            let Some(story) = self.story_documents[index as usize].as_deref() else { continue };
            if vetoed(story, evidence) {
                continue;
            }
            let score = self.document_index.score(story, evidence, 0.0);
            let names = score.names.unwrap_or(0.0);
            let strong = score.text >= EVENTLESS_MIN_TEXT_SIMILARITY && names >= EVENTLESS_MIN_NAME_SHARE;
            // Candidates come in index order, so a strict `>` keeps the earliest story on a tie.
            if strong && best.is_none_or(|(_, top)| score.text > top) {
                best = Some((index, score.text));
            }
        }
        best
    }

    /// Records that the document leads with story `index`.
    fn lead_with(&mut self, index: u32, doc_id: &str, evidence: &DocumentEvidence) {
        match &mut self.story_documents[index as usize] {
            Some(story) => story.add(evidence),
            slot @ None => *slot = Some(Box::new(StoryDocuments::founded_by(evidence))),
        }
        self.document_index.file(index, evidence);
        self.stories[index as usize].leading_documents.push(doc_id.to_string());
        self.document_story.insert(doc_id.to_string(), Some(index));
    }

    /// Puts the headline event into the story the document-level decision chose. When the
    /// event's own tuple also fits, the story learns its roles and dates; a miscoded tuple is
    /// kept as a member only, so it cannot widen what later events may match.
    fn add_to_story(
        &mut self,
        index: u32,
        similarity: f64,
        document: &DocumentInfo<'_>,
        event: &EventRecord,
        features: &EventFeatures,
    ) -> StoryAssignment {
        match score(features, &self.profiles[index as usize], index) {
            Some(candidate) => self.join(index, document, event, features, candidate.swapped),
            None => self.attach(index, document, event),
        }
        self.assigned.insert(format!("{}\u{1f}{}", document.doc_id, event.id), index);
        StoryAssignment {
            event_id: event.id.clone(),
            doc_id: document.doc_id.to_string(),
            story_id: self.stories[index as usize].id.clone(),
            new_story: false,
            similarity,
        }
    }

    /// Assigns one event by its own tuple; `evidence`, for a headline event, keeps it out of
    /// stories the document-level rules veto. Returns the assignment and the story's index.
    fn add_event(
        &mut self,
        document: &DocumentInfo<'_>,
        event: &EventRecord,
        features: &EventFeatures,
        evidence: Option<&DocumentEvidence>,
    ) -> (StoryAssignment, u32) {
        let member_key = format!("{}\u{1f}{}", document.doc_id, event.id);
        if let Some(index) = self.assigned.get(&member_key).copied() {
            let story = &self.stories[index as usize];
            let assignment = StoryAssignment {
                event_id: event.id.clone(),
                doc_id: document.doc_id.to_string(),
                story_id: story.id.clone(),
                new_story: false,
                similarity: 1.0,
            };
            return (assignment, index);
        }
        let best = if features.has_roles() { self.best_story(features, evidence) } else { None };
        let (index, new_story, similarity, swapped) = match best {
            Some(found) => (found.index, false, found.similarity, found.swapped),
            None => (self.found_story(document, event, features), true, 1.0, false),
        };
        self.join(index, document, event, features, swapped);
        self.assigned.insert(member_key, index);
        let assignment = StoryAssignment {
            event_id: event.id.clone(),
            doc_id: document.doc_id.to_string(),
            story_id: self.stories[index as usize].id.clone(),
            new_story,
            similarity,
        };
        (assignment, index)
    }

    fn best_story(&mut self, features: &EventFeatures, evidence: Option<&DocumentEvidence>) -> Option<Candidate> {
        self.stamp = self.stamp.wrapping_add(1);
        let mut best: Option<Candidate> = None;
        for key in query_keys(features) {
            let Some(stories) = self.blocks.get(&key) else { continue };
            for &index in stories {
                let slot = &mut self.seen_stamp[index as usize];
                if *slot == self.stamp {
                    continue;
                }
                *slot = self.stamp;
                let Some(candidate) = score(features, &self.profiles[index as usize], index) else { continue };
                let vetoed_by_document = evidence
                    .zip(self.story_documents[index as usize].as_deref())
                    .is_some_and(|(evidence, story)| vetoed(story, evidence));
                if !vetoed_by_document && best.as_ref().is_none_or(|top| candidate.beats(top)) {
                    best = Some(candidate);
                }
            }
        }
        best
    }

    fn found_story(&mut self, document: &DocumentInfo<'_>, event: &EventRecord, features: &EventFeatures) -> u32 {
        let index = self.stories.len() as u32;
        let id = format!("story-{}", content_id(&format!("{}\u{1f}{}", document.doc_id, event.id)));
        self.index_by_id.insert(id.clone(), index);
        self.stories.push(Story {
            id,
            family: features.family.clone(),
            members: Vec::new(),
            sources: Vec::new(),
            leading_documents: Vec::new(),
            first_reported: None,
            last_reported: None,
            date: None,
            representative: features.sentence.clone(),
            representative_event_id: event.id.clone(),
        });
        self.profiles.push(StoryProfile {
            family_id: features.family_id,
            reciprocal: features.family.is_reciprocal(),
            actors: Vec::new(),
            recipients: Vec::new(),
            stated: None,
            reported: None,
            countries: Vec::new(),
            words: Vec::new(),
            representative_published: document.published_day(),
        });
        self.seen_stamp.push(0);
        self.story_documents.push(None);
        index
    }

    /// Adds the event to story `index`: its roles (in the orientation that matched), dates,
    /// words and source, and files the story under the event's blocking keys.
    fn join(
        &mut self,
        index: u32,
        document: &DocumentInfo<'_>,
        event: &EventRecord,
        features: &EventFeatures,
        swapped: bool,
    ) {
        let (actors, recipients) =
            if swapped { (&features.recipients, &features.actors) } else { (&features.actors, &features.recipients) };
        let profile = &mut self.profiles[index as usize];
        merge_sorted(&mut profile.actors, actors, usize::MAX);
        merge_sorted(&mut profile.recipients, recipients, usize::MAX);
        merge_sorted(&mut profile.countries, &features.countries, usize::MAX);
        merge_sorted(&mut profile.words, &features.tokens, MAX_STORY_WORDS);
        match features.date {
            DateEvidence::Stated(range) => profile.stated = narrowed(profile.stated, range),
            DateEvidence::Reported(range) => profile.reported = narrowed(profile.reported, range),
            DateEvidence::Unknown => {}
        }
        let published_day = document.published_day();
        let earlier = match (published_day, profile.representative_published) {
            (Some(day), Some(current)) => day < current,
            (Some(_), None) => true,
            _ => false,
        };
        if earlier {
            profile.representative_published = published_day;
        }
        let stated = profile.stated;
        let story = &mut self.stories[index as usize];
        if earlier {
            story.representative = features.sentence.clone();
            story.representative_event_id = event.id.clone();
        }
        story.date = stated.and_then(|range| range.covering_date());
        self.attach(index, document, event);
        for key in member_keys(features.family_id, actors, recipients, features.date) {
            let list = self.blocks.entry(key).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
    }

    /// Adds the event to story `index` as a member, and its document as a source.
    fn attach(&mut self, index: u32, document: &DocumentInfo<'_>, event: &EventRecord) {
        let story = &mut self.stories[index as usize];
        story.members.push(StoryMember {
            event_id: event.id.clone(),
            doc_id: document.doc_id.to_string(),
            event: event.event.clone(),
            sentence: event.sentence,
        });
        if !story.sources.iter().any(|source| source.doc_id == document.doc_id) {
            story.sources.push(StorySource {
                doc_id: document.doc_id.to_string(),
                outlet: document.outlet.map(str::to_string),
                published: document.published,
            });
            if let Some(published) = document.published {
                story.first_reported = Some(story.first_reported.map_or(published, |first| earlier(first, published)));
                story.last_reported = Some(story.last_reported.map_or(published, |last| later(last, published)));
            }
        }
    }
}

/// How a document's events' own tuples matched stories before the document was added.
struct EventSupport {
    /// (story, weighted share of the document's events matching it).
    shares: Vec<(u32, f64)>,
    /// Per event, the story its tuple matches.
    matched: Vec<Option<u32>>,
}

/// The leading event (first sentences, asserted, not background) whose own tuple matches
/// story `index`, the most confident first.
fn leading_event_for(
    index: u32,
    events: &[EventRecord],
    features: &[EventFeatures],
    support: &EventSupport,
    published_day: Option<i32>,
) -> Option<usize> {
    (0..events.len())
        .filter(|position| support.matched[*position] == Some(index))
        .filter(|position| events[*position].sentence < HEADLINE_SENTENCES)
        .filter(|position| events[*position].modality == Modality::Asserted)
        .filter(|position| !is_background(features[*position].date, published_day))
        .max_by(|first, second| {
            events[*first].confidence.total_cmp(&events[*second].confidence).then(second.cmp(first))
        })
}

/// Makes `event` the lead of `evidence`: its stated date when asserted, its roles when its
/// family is directed.
fn set_lead(evidence: &mut DocumentEvidence, event: &EventRecord, features: &EventFeatures) {
    let published_day = evidence.features.published_day;
    let asserted = event.modality == Modality::Asserted;
    let directed = !features.family.is_reciprocal();
    evidence.lead_stated = if asserted { stated_range(features.date, published_day) } else { None };
    evidence.lead_actors = if directed { features.actors.clone() } else { Vec::new() };
    evidence.lead_recipients = if directed { features.recipients.clone() } else { Vec::new() };
}

/// Position of the document's headline event ([`headline_event`]) among its events that are
/// not background ([`is_background`]; all events if every one is), None without events.
fn headline_position(events: &[EventRecord], features: &[EventFeatures], published_day: Option<i32>) -> Option<usize> {
    let current: Vec<&EventRecord> = events
        .iter()
        .zip(features)
        .filter(|(_, features)| !is_background(features.date, published_day))
        .map(|(event, _)| event)
        .collect();
    let references: Vec<&EventRecord> = if current.is_empty() { events.iter().collect() } else { current };
    let headline = headline_event(&references)?;
    events.iter().position(|event| std::ptr::eq(event, headline))
}

fn narrowed(current: Option<DayRange>, range: DayRange) -> Option<DayRange> {
    match current {
        // A joining event always overlaps, so the intersection exists; keep the old range if not.
        Some(current) => Some(current.intersection(&range).unwrap_or(current)),
        None => Some(range),
    }
}

struct Candidate {
    index: u32,
    score: f64,
    similarity: f64,
    swapped: bool,
}

impl Candidate {
    fn beats(&self, other: &Candidate) -> bool {
        self.score > other.score || (self.score == other.score && self.index < other.index)
    }
}

/// How well `features` fits a story, or None when any condition of the module docs fails.
fn score(features: &EventFeatures, profile: &StoryProfile, index: u32) -> Option<Candidate> {
    if features.family_id != profile.family_id {
        return None;
    }
    let swapped = if roles_agree(&features.actors, &features.recipients, profile) {
        false
    } else if profile.reciprocal && roles_agree(&features.recipients, &features.actors, profile) {
        true
    } else {
        return None;
    };
    let agreement_days = date_agreement(features.date, profile)?;
    if !features.countries.is_empty()
        && !profile.countries.is_empty()
        && !sorted_overlap(&features.countries, &profile.countries)
    {
        return None;
    }
    let similarity = wording_similarity(&features.tokens, &profile.words);
    if similarity < wording_threshold(agreement_days) {
        return None;
    }
    let bonus = if agreement_days <= 1 { SAME_DAY_BONUS } else { 0.0 };
    Some(Candidate { index, score: similarity + bonus, similarity, swapped })
}

/// Roles agree when no side conflicts and at least one side shares a key.
fn roles_agree(actors: &[u32], recipients: &[u32], profile: &StoryProfile) -> bool {
    let actor_side = side_agreement(actors, &profile.actors);
    let recipient_side = side_agreement(recipients, &profile.recipients);
    match (actor_side, recipient_side) {
        (Some(actor_shared), Some(recipient_shared)) => actor_shared || recipient_shared,
        _ => false,
    }
}

/// Some(true): the side shares a key; Some(false): one part leaves it empty; None: conflict.
fn side_agreement(event_side: &[u32], story_side: &[u32]) -> Option<bool> {
    if event_side.is_empty() || story_side.is_empty() {
        Some(false)
    } else if sorted_overlap(event_side, story_side) {
        Some(true)
    } else {
        None
    }
}

/// None when the dates conflict; otherwise how coarse the agreement is, in days: the width
/// of the vaguer of the two date ranges (i32::MAX when either side has no date).
fn date_agreement(event_date: DateEvidence, profile: &StoryProfile) -> Option<i32> {
    let story_ranges = [profile.stated, profile.reported];
    let Some(event_range) = event_date.range() else {
        return Some(i32::MAX);
    };
    for story_range in story_ranges.iter().flatten() {
        if !event_range.overlaps(story_range) {
            return None;
        }
    }
    // A stated story date outranks the fuzzy publication window.
    let story_width = match (profile.stated, profile.reported) {
        (Some(stated), _) => stated.days(),
        (None, Some(reported)) => reported.days(),
        (None, None) => return Some(i32::MAX),
    };
    Some(event_range.days().max(story_width))
}

/// Overlap coefficient of the event sentence's content words and the story's: shared words
/// over the smaller set, so a long sentence is not penalised against a young story.
fn wording_similarity(event_words: &[u32], story_words: &[u32]) -> f64 {
    let smaller = event_words.len().min(story_words.len());
    if smaller == 0 {
        return 0.0;
    }
    sorted_intersection_count(event_words, story_words) as f64 / smaller as f64
}

/// Shared wording required, by how precisely the dates agree: the vaguer the date, the more
/// the wording must say it is the same event.
pub fn wording_threshold(agreement_days: i32) -> f64 {
    match agreement_days {
        days if days <= 1 => 0.10,
        days if days <= 7 => 0.20,
        days if days <= 31 => 0.30,
        _ => 0.45,
    }
}

/// Role pairs of a member: each (actor, recipient), with EMPTY_SIDE for an empty side, and
/// (key, ANY_SIDE) / (ANY_SIDE, key) for every key so one-sided events find the story.
fn role_pairs(actors: &[u32], recipients: &[u32]) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    let actor_slots: Vec<u32> = if actors.is_empty() { vec![EMPTY_SIDE] } else { actors.to_vec() };
    let recipient_slots: Vec<u32> = if recipients.is_empty() { vec![EMPTY_SIDE] } else { recipients.to_vec() };
    for actor in &actor_slots {
        for recipient in &recipient_slots {
            pairs.push((*actor, *recipient));
        }
    }
    pairs.extend(actors.iter().map(|actor| (*actor, ANY_SIDE)));
    pairs.extend(recipients.iter().map(|recipient| (ANY_SIDE, *recipient)));
    pairs
}

/// Keys a story is filed under for one member.
fn member_keys(family_id: u32, actors: &[u32], recipients: &[u32], date: DateEvidence) -> Vec<BlockKey> {
    let mut buckets = vec![Bucket::Any];
    match date.range() {
        Some(range) if range.days() <= WEEK_BLOCKING_MAX_DAYS => buckets.extend(week_buckets(range)),
        Some(range) => match year_buckets(range) {
            Some(years) => buckets.extend(years),
            None => buckets.push(Bucket::Undated),
        },
        None => buckets.push(Bucket::Undated),
    }
    keys(family_id, &buckets, &role_pairs(actors, recipients))
}

/// Keys an event looks up, in a fixed order.
fn query_keys(features: &EventFeatures) -> Vec<BlockKey> {
    let buckets: Vec<Bucket> = match features.date.range() {
        Some(range) if range.days() <= WEEK_BLOCKING_MAX_DAYS => {
            let mut buckets = week_buckets(range);
            buckets.extend(year_buckets(range).unwrap_or_default());
            buckets.push(Bucket::Undated);
            buckets
        }
        // A vague or missing date cannot narrow the search: look at every date.
        _ => vec![Bucket::Any],
    };
    let mut pairs = query_pairs(&features.actors, &features.recipients);
    if features.family.is_reciprocal() {
        pairs.extend(query_pairs(&features.recipients, &features.actors));
    }
    keys(features.family_id, &buckets, &pairs)
}

/// Pairs that find every story the roles could agree with: the exact pairs, stories lacking
/// one side, and, for an event lacking a side, any story sharing the other side.
fn query_pairs(actors: &[u32], recipients: &[u32]) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    match (actors.is_empty(), recipients.is_empty()) {
        (false, false) => {
            for actor in actors {
                for recipient in recipients {
                    pairs.push((*actor, *recipient));
                }
            }
            pairs.extend(actors.iter().map(|actor| (*actor, EMPTY_SIDE)));
            pairs.extend(recipients.iter().map(|recipient| (EMPTY_SIDE, *recipient)));
        }
        (false, true) => pairs.extend(actors.iter().map(|actor| (*actor, ANY_SIDE))),
        (true, false) => pairs.extend(recipients.iter().map(|recipient| (ANY_SIDE, *recipient))),
        (true, true) => {}
    }
    pairs
}

fn keys(family_id: u32, buckets: &[Bucket], pairs: &[(u32, u32)]) -> Vec<BlockKey> {
    let mut keys = Vec::with_capacity(buckets.len() * pairs.len());
    for bucket in buckets {
        for (actor, recipient) in pairs {
            keys.push(BlockKey { family_id, bucket: *bucket, actor: *actor, recipient: *recipient });
        }
    }
    keys
}

fn week_buckets(range: DayRange) -> Vec<Bucket> {
    (range.first.div_euclid(7)..=range.last.div_euclid(7)).map(Bucket::Week).collect()
}

fn year_buckets(range: DayRange) -> Option<Vec<Bucket>> {
    let first_year = crate::dates::civil_from_days(range.first).0;
    let last_year = crate::dates::civil_from_days(range.last).0;
    (last_year - first_year < YEAR_BLOCKING_MAX_YEARS).then(|| (first_year..=last_year).map(Bucket::Year).collect())
}
