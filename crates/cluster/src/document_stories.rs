//! The document-level half of the story decision: which existing story a whole report leads
//! with, judged on its wording, names, actors and dates rather than on one coded event.
//!
//! A report joins the story that scores best ([`DocumentScore::combined`]) when the score
//! reaches [`JOIN_SCORE`], the wording alone reaches [`MIN_TEXT_SIMILARITY`], and no rule
//! *vetoes* the pair ([`vetoed`]). The vetoes keep near misses apart, whatever the wording:
//! - publication dates more than [`MAX_PUBLICATION_SPREAD_DAYS`] apart from a story's
//!   reports (the same actors meeting again a year later);
//! - stated dates of the headline events that do not overlap at their precision (a first and
//!   a second convoy one day apart), or a headline event stated to have happened after the
//!   other side was already published;
//! - a lead that names a repeat ("a second convoy") the story's lead does not, or the reverse;
//! - swapped roles in a directed headline event (an attack and the retaliation).
//!
//! Places do not veto: the coder often takes a photo caption's city for the event's place.
//!
//! Blocking: a story is filed under its leading documents' blocking keys (lead names and
//! leading role keys) for the weeks of their dates; a report looks only at stories sharing
//! at least two of its keys in its own date window, so cost stays near linear in the feed.
//! Undated reports look at the most recent [`MAX_UNDATED_SCAN`] stories of each key.

use crate::dates::{DayRange, TIME_ZONE_SLACK_DAYS};
use crate::document::{DocumentFeatures, overlap_coefficient, share_found};
use crate::features::{merge_sorted, sorted_overlap};
use std::collections::HashMap;

/// Reports of one event are published within this many days of each other.
pub const MAX_PUBLICATION_SPREAD_DAYS: i32 = 4;
/// Least combined score for a report to join a story.
pub const JOIN_SCORE: f64 = 0.3;
/// Least TF-IDF cosine of wording: names and actors alone never make two reports one story.
pub const MIN_TEXT_SIMILARITY: f64 = 0.15;
/// Weights of the combined score: wording, names, actors, and the share of the report's
/// events whose tuples match the story's. Wording and names come from the text itself and
/// weigh most; actors and tuples depend on the event coder, which is often wrong.
const TEXT_WEIGHT: f64 = 0.55;
const NAMES_WEIGHT: f64 = 0.25;
const ROLES_WEIGHT: f64 = 0.1;
const EVENTS_WEIGHT: f64 = 0.1;
/// Most terms, names and role keys a story remembers.
const MAX_STORY_TERMS: usize = 300;
const MAX_STORY_KEYS: usize = 128;
/// Most blocking keys one report is filed under and looks up.
pub(crate) const MAX_BLOCKING_KEYS: usize = 24;
/// A report must share this many blocking keys with a story to be compared with it (or all
/// its keys, if it has fewer).
const MIN_SHARED_KEYS: usize = 2;
/// Most stories fully compared per report, the ones sharing the most keys.
const MAX_CANDIDATES: usize = 32;
/// For a report without any date, how many of the latest stories per key are looked at.
pub const MAX_UNDATED_SCAN: usize = 256;
/// A date range up to this many days is blocked by week.
const WEEK_BLOCKING_MAX_DAYS: i32 = 62;

/// A report as the document-level decision sees it.
pub(crate) struct DocumentEvidence {
    pub features: DocumentFeatures,
    /// Stated date of the headline event, when asserted and given by the text.
    pub lead_stated: Option<DayRange>,
    /// Roles of the headline event when its family is directed (empty otherwise).
    pub lead_actors: Vec<u32>,
    pub lead_recipients: Vec<u32>,
}

impl DocumentEvidence {
    /// The days the report's event may fall on, for blocking: its publication day, else its
    /// stated lead date when that is narrow enough; None when it has neither.
    fn anchor(&self) -> Option<DayRange> {
        if let Some(day) = self.features.published_day {
            return Some(DayRange { first: day, last: day });
        }
        self.lead_stated.filter(|range| range.days() <= WEEK_BLOCKING_MAX_DAYS)
    }
}

/// What a story's leading reports say, to compare new reports with.
pub(crate) struct StoryDocuments {
    count: u32,
    /// Sum of the reports' unit-length term vectors, sorted by term.
    terms: Vec<(u32, f32)>,
    names: Vec<u32>,
    role_keys: Vec<u32>,
    first_published: Option<i32>,
    last_published: Option<i32>,
    /// Intersection of the reports' stated lead dates.
    stated: Option<DayRange>,
    /// The founding report's repeat ordinals.
    repeats: Vec<u8>,
    lead_actors: Vec<u32>,
    lead_recipients: Vec<u32>,
}

impl StoryDocuments {
    pub(crate) fn founded_by(evidence: &DocumentEvidence) -> StoryDocuments {
        let mut story = StoryDocuments {
            count: 0,
            terms: Vec::new(),
            names: Vec::new(),
            role_keys: Vec::new(),
            first_published: None,
            last_published: None,
            stated: None,
            repeats: evidence.features.repeats.clone(),
            lead_actors: Vec::new(),
            lead_recipients: Vec::new(),
        };
        story.add(evidence);
        story
    }

    pub(crate) fn add(&mut self, evidence: &DocumentEvidence) {
        let features = &evidence.features;
        self.count += 1;
        add_unit_vector(&mut self.terms, &features.terms);
        merge_sorted(&mut self.names, &features.names, MAX_STORY_KEYS);
        merge_sorted(&mut self.role_keys, &features.role_keys, MAX_STORY_KEYS);
        merge_sorted(&mut self.lead_actors, &evidence.lead_actors, MAX_STORY_KEYS);
        merge_sorted(&mut self.lead_recipients, &evidence.lead_recipients, MAX_STORY_KEYS);
        if let Some(day) = features.published_day {
            self.first_published = Some(self.first_published.map_or(day, |first| first.min(day)));
            self.last_published = Some(self.last_published.map_or(day, |last| last.max(day)));
        }
        if let Some(range) = evidence.lead_stated {
            // A joining report never conflicts (see `vetoed`), so the intersection exists.
            self.stated = Some(self.stated.map_or(range, |stated| stated.intersection(&range).unwrap_or(stated)));
        }
    }
}

/// Adds `vector` scaled to unit length into the sorted sum `target`, keeping the heaviest
/// [`MAX_STORY_TERMS`] terms.
fn add_unit_vector(target: &mut Vec<(u32, f32)>, vector: &[(u32, f32)]) {
    let norm = vector.iter().map(|(_, weight)| weight * weight).sum::<f32>().sqrt();
    if norm <= 0.0 {
        return;
    }
    let mut merged = Vec::with_capacity(target.len() + vector.len());
    let (mut i, mut j) = (0, 0);
    while i < target.len() || j < vector.len() {
        let take_target = j == vector.len() || (i < target.len() && target[i].0 < vector[j].0);
        let take_both = i < target.len() && j < vector.len() && target[i].0 == vector[j].0;
        if take_both {
            merged.push((target[i].0, target[i].1 + vector[j].1 / norm));
            i += 1;
            j += 1;
        } else if take_target {
            merged.push(target[i]);
            i += 1;
        } else {
            merged.push((vector[j].0, vector[j].1 / norm));
            j += 1;
        }
    }
    if merged.len() > MAX_STORY_TERMS {
        // Keep the heaviest terms (ties by term id, so the result is deterministic).
        merged.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        merged.truncate(MAX_STORY_TERMS);
        merged.sort_unstable_by_key(|(term, _)| *term);
    }
    *target = merged;
}

/// True when any rule of the module docs says the report and the story are different events.
pub(crate) fn vetoed(story: &StoryDocuments, evidence: &DocumentEvidence) -> bool {
    publication_too_far(story, evidence.features.published_day)
        || stated_dates_conflict(story, evidence)
        || story.repeats != evidence.features.repeats
        || roles_reversed(story, evidence)
}

fn publication_too_far(story: &StoryDocuments, published: Option<i32>) -> bool {
    match (published, story.first_published, story.last_published) {
        (Some(day), Some(first), Some(last)) => {
            day > first + MAX_PUBLICATION_SPREAD_DAYS || day < last - MAX_PUBLICATION_SPREAD_DAYS
        }
        _ => false,
    }
}

/// Stated dates must overlap; and an event stated to happen after the other side's first
/// report (beyond time-zone slack) cannot be what that report told.
fn stated_dates_conflict(story: &StoryDocuments, evidence: &DocumentEvidence) -> bool {
    if let (Some(story_range), Some(lead_range)) = (story.stated, evidence.lead_stated)
        && !story_range.overlaps(&lead_range)
    {
        return true;
    }
    let after_story_reports = evidence
        .lead_stated
        .zip(story.first_published)
        .is_some_and(|(range, first)| range.first > first + TIME_ZONE_SLACK_DAYS);
    let story_after_report = story
        .stated
        .zip(evidence.features.published_day)
        .is_some_and(|(range, published)| range.first > published + TIME_ZONE_SLACK_DAYS);
    after_story_reports || story_after_report
}

/// A directed headline event whose actor is the story's target and whose target is the
/// story's actor, with neither side in common: the other side hitting back.
fn roles_reversed(story: &StoryDocuments, evidence: &DocumentEvidence) -> bool {
    let (actors, recipients) = (&evidence.lead_actors, &evidence.lead_recipients);
    !actors.is_empty()
        && !recipients.is_empty()
        && sorted_overlap(actors, &story.lead_recipients)
        && sorted_overlap(recipients, &story.lead_actors)
        && !sorted_overlap(actors, &story.lead_actors)
        && !sorted_overlap(recipients, &story.lead_recipients)
}

/// How alike a report and a story are, each part in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DocumentScore {
    /// TF-IDF cosine of the report's words and the story's summed words.
    pub text: f64,
    /// Share of the report's lead names the story uses, or overlap of all names if higher;
    /// None when either side names nobody.
    pub names: Option<f64>,
    /// Overlap of actor and recipient keys.
    pub roles: f64,
    /// Share of the report's events whose tuples match the story (leading events count double).
    pub events: f64,
}

impl DocumentScore {
    /// Weighted mean of the parts. Names count only when both sides have some: a text without
    /// capitalised names (a transcript in lower case) is no evidence against the story.
    pub(crate) fn combined(&self) -> f64 {
        let parts = [
            (TEXT_WEIGHT, Some(self.text)),
            (NAMES_WEIGHT, self.names),
            (ROLES_WEIGHT, Some(self.roles)),
            (EVENTS_WEIGHT, Some(self.events)),
        ];
        let (sum, weights) = parts
            .iter()
            .filter_map(|(weight, part)| part.map(|part| (weight * part, *weight)))
            .fold((0.0, 0.0), |(sum, weights), (part, weight)| (sum + part, weights + weight));
        sum / weights
    }

    pub(crate) fn joins(&self) -> bool {
        self.text >= MIN_TEXT_SIMILARITY && self.combined() >= JOIN_SCORE
    }
}

/// Blocking lists and document frequencies over every report seen.
#[derive(Default)]
pub(crate) struct DocumentIndex {
    blocks: HashMap<(u32, Bucket), Vec<u32>>,
    documents: u32,
    /// Per interned id, how many reports hold that term.
    frequency: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Bucket {
    Week(i32),
    Undated,
    /// Every story, whatever its date.
    Any,
}

impl DocumentIndex {
    /// Counts the report's terms, so that rare shared words weigh more than common ones.
    pub(crate) fn count_terms(&mut self, features: &DocumentFeatures) {
        self.documents += 1;
        for (term, _) in &features.terms {
            let slot = *term as usize;
            if self.frequency.len() <= slot {
                self.frequency.resize(slot + 1, 0);
            }
            self.frequency[slot] += 1;
        }
    }

    /// Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1.
    pub(crate) fn idf(&self, term: u32) -> f32 {
        let frequency = self.frequency.get(term as usize).copied().unwrap_or(0);
        ((1.0 + self.documents as f32) / (1.0 + frequency as f32)).ln() + 1.0
    }

    pub(crate) fn score(
        &self,
        story: &StoryDocuments,
        evidence: &DocumentEvidence,
        event_support: f64,
    ) -> DocumentScore {
        let features = &evidence.features;
        // The lead's names are the most telling, but a lead cluttered with a caption or an
        // embedded post hides them: the body's names then speak instead.
        let names = (!features.names.is_empty() && !story.names.is_empty()).then(|| {
            share_found(&features.lead_names, &story.names).max(overlap_coefficient(&features.names, &story.names))
        });
        DocumentScore {
            text: self.cosine(&features.terms, &story.terms),
            names,
            roles: overlap_coefficient(&features.role_keys, &story.role_keys),
            events: event_support,
        }
    }

    fn cosine(&self, first: &[(u32, f32)], second: &[(u32, f32)]) -> f64 {
        let norm = |vector: &[(u32, f32)]| {
            vector.iter().map(|(term, weight)| (weight * self.idf(*term)).powi(2)).sum::<f32>().sqrt()
        };
        let (first_norm, second_norm) = (norm(first), norm(second));
        if first_norm <= 0.0 || second_norm <= 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < first.len() && j < second.len() {
            match first[i].0.cmp(&second[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let idf = self.idf(first[i].0);
                    dot += first[i].1 * second[j].1 * idf * idf;
                    i += 1;
                    j += 1;
                }
            }
        }
        f64::from((dot / (first_norm * second_norm)).clamp(0.0, 1.0))
    }

    /// Stories sharing enough blocking keys with the report in its date window, those sharing
    /// the most first (the latest on a tie), at most [`MAX_CANDIDATES`].
    pub(crate) fn candidates(&self, evidence: &DocumentEvidence) -> Vec<u32> {
        let keys = blocking_keys(evidence);
        let buckets = query_buckets(evidence.anchor());
        let mut hits: Vec<u32> = Vec::new();
        let mut per_key: Vec<u32> = Vec::new();
        for key in keys {
            per_key.clear();
            for bucket in &buckets {
                let Some(stories) = self.blocks.get(&(*key, *bucket)) else { continue };
                let scan = if *bucket == Bucket::Any { MAX_UNDATED_SCAN } else { usize::MAX };
                per_key.extend(stories.iter().rev().take(scan));
            }
            per_key.sort_unstable();
            per_key.dedup();
            hits.extend_from_slice(&per_key);
        }
        hits.sort_unstable();
        let needed = MIN_SHARED_KEYS.min(keys.len()).max(1);
        let mut counted: Vec<(usize, u32)> = Vec::new();
        for run in hits.chunk_by(|a, b| a == b) {
            if run.len() >= needed {
                counted.push((run.len(), run[0]));
            }
        }
        counted.sort_unstable_by(|a, b| b.cmp(a));
        counted.into_iter().take(MAX_CANDIDATES).map(|(_, story)| story).collect()
    }

    /// Files story `index` under the report's keys for the report's dates.
    pub(crate) fn file(&mut self, index: u32, evidence: &DocumentEvidence) {
        let buckets = member_buckets(evidence.anchor());
        for key in blocking_keys(evidence) {
            for bucket in &buckets {
                let list = self.blocks.entry((*key, *bucket)).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
    }
}

fn blocking_keys(evidence: &DocumentEvidence) -> &[u32] {
    &evidence.features.blocking_keys
}

fn weeks(first: i32, last: i32) -> impl Iterator<Item = Bucket> {
    (first.div_euclid(7)..=last.div_euclid(7)).map(Bucket::Week)
}

fn member_buckets(anchor: Option<DayRange>) -> Vec<Bucket> {
    let mut buckets = vec![Bucket::Any];
    match anchor {
        Some(range) => buckets.extend(weeks(range.first, range.last)),
        None => buckets.push(Bucket::Undated),
    }
    buckets
}

fn query_buckets(anchor: Option<DayRange>) -> Vec<Bucket> {
    match anchor {
        Some(range) => {
            let mut buckets: Vec<Bucket> =
                weeks(range.first - MAX_PUBLICATION_SPREAD_DAYS, range.last + MAX_PUBLICATION_SPREAD_DAYS).collect();
            buckets.push(Bucket::Undated);
            buckets
        }
        None => vec![Bucket::Any],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(published_day: Option<i32>, lead_stated: Option<DayRange>) -> DocumentEvidence {
        DocumentEvidence {
            features: DocumentFeatures {
                terms: vec![(1, 1.0), (2, 1.0)],
                names: vec![10],
                lead_names: vec![10],
                role_keys: vec![20, 21],
                blocking_keys: vec![10, 20, 21],
                published_day,
                repeats: Vec::new(),
            },
            lead_stated,
            lead_actors: vec![20],
            lead_recipients: vec![21],
        }
    }

    #[test]
    fn vetoes_follow_publication_dates_stated_dates_and_roles() {
        let story = StoryDocuments::founded_by(&evidence(Some(100), Some(DayRange { first: 99, last: 99 })));
        assert!(!vetoed(&story, &evidence(Some(103), None)));
        assert!(!vetoed(&story, &evidence(None, None)));
        // Published more than the spread after the story's first report.
        assert!(vetoed(&story, &evidence(Some(100 + MAX_PUBLICATION_SPREAD_DAYS + 1), None)));
        // Stated on another day, or after the story was first reported.
        assert!(vetoed(&story, &evidence(None, Some(DayRange { first: 97, last: 97 }))));
        assert!(vetoed(&story, &evidence(None, Some(DayRange { first: 105, last: 105 }))));
        // The story's event stated after this report was published.
        assert!(vetoed(&story, &evidence(Some(95), None)));
        // The target hitting back.
        let mut reply = evidence(Some(100), None);
        std::mem::swap(&mut reply.lead_actors, &mut reply.lead_recipients);
        assert!(vetoed(&story, &reply));
    }

    #[test]
    fn candidates_share_keys_within_the_date_window() {
        let mut index = DocumentIndex::default();
        let founder = evidence(Some(100), None);
        index.count_terms(&founder.features);
        index.file(0, &founder);
        assert_eq!(index.candidates(&evidence(Some(102), None)), [0]);
        assert_eq!(index.candidates(&evidence(None, None)), [0], "undated reports look at every date");
        assert!(index.candidates(&evidence(Some(200), None)).is_empty());
        let mut stranger = evidence(Some(100), None);
        stranger.features.blocking_keys = vec![10, 99];
        assert!(index.candidates(&stranger).is_empty(), "one shared key of two is not enough");
        let score = index.score(&StoryDocuments::founded_by(&founder), &founder, 1.0);
        assert!((score.text - 1.0).abs() < 1e-6 && score.joins());
    }

    #[test]
    fn unit_vectors_add_up_and_stay_sorted() {
        let mut sum = Vec::new();
        add_unit_vector(&mut sum, &[(1, 3.0), (4, 4.0)]);
        add_unit_vector(&mut sum, &[(2, 1.0), (4, 1.0)]);
        let expected = [(1, 0.6), (2, std::f32::consts::FRAC_1_SQRT_2), (4, 0.8 + std::f32::consts::FRAC_1_SQRT_2)];
        assert_eq!(sum.len(), expected.len());
        for ((term, weight), (expected_term, expected_weight)) in sum.iter().zip(expected) {
            assert_eq!(*term, expected_term);
            assert!((weight - expected_weight).abs() < 1e-6);
        }
    }

    #[test]
    fn stories_keep_only_their_heaviest_terms() {
        let mut sum = Vec::new();
        let many: Vec<(u32, f32)> = (0..MAX_STORY_TERMS as u32 + 50).map(|term| (term, 1.0 + term as f32)).collect();
        add_unit_vector(&mut sum, &many);
        assert_eq!(sum.len(), MAX_STORY_TERMS);
        assert_eq!(sum[0].0, 50, "the lightest terms were dropped");
        assert!(sum.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }
}
