//! The event coder: from analysed sentences and their actor phrases to PLOVER events.
//!
//! For each verb the CAMEO dictionary knows, the coder finds the pattern that fits the words
//! around it, the actor (the verb's subject, across relative clauses and passives), the
//! recipients (object or prepositional target, with coordination), the place, the date that
//! governs the clause and the modality, then writes an [`EventRecord`] exactly as the spec
//! names its fields.
//!
//! Invariants:
//! - deterministic: the same document, dictionary and knowledge base give the same records,
//!   byte for byte (no hash-map iteration order leaks into output, ids are content hashes);
//! - every record's spans index the document body;
//! - every knowledge-base lookup uses the event's own date, not today's.

mod anchor;
mod clause;
mod confidence;
mod dating;
mod deliveries;
mod events;
mod modality;
mod secondary;
mod unidentified;
mod verb_tags;

use dyad_actors::{ActorPhrase, Discourse, SentenceView, find_actor_phrases_in, repair_agent_noun_tags};
use dyad_analyse::Sentence;
use dyad_document::{Document, PartialDate};
use dyad_kb::{DiscardHit, DiscardLevel, KnowledgeBase, Mention};
use dyad_record::EventRecord;
use dyad_time::TimeExpression;
use dyad_verbs::VerbDictionary;

pub use anchor::document_anchor;
pub use confidence::{
    ConfidenceModel, Direction, EVENT_TYPES, EventEvidence, FEATURE_COUNT, FOLDS, LabelledEvidence, PENALTY,
    confidence, cross_fitted_confidences, feature_directions, feature_name, features,
};
pub use dating::SentenceTimes;

/// What the coder found in one document: its events, and the actors and time expressions of
/// each sentence, which quotes and `dyad show` reuse rather than compute again.
#[derive(Clone, Debug, Default)]
pub struct CodedDocument {
    pub events: Vec<EventRecord>,
    pub actors: Vec<Vec<ActorPhrase>>,
    pub times: Vec<Vec<TimeExpression>>,
    /// The date every relative expression was anchored to: publication date or the fallback.
    pub anchor: Option<PartialDate>,
    /// What the coder knew about each event, in the order of `events` (same length).
    pub evidence: Vec<EventEvidence>,
}

/// The event coder, borrowing the dictionaries it codes with.
pub struct Coder<'a> {
    kb: &'a KnowledgeBase,
    verbs: &'a VerbDictionary,
    fallback_date: PartialDate,
    options: CoderOptions,
}

/// Choices a caller can make about what the coder emits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoderOptions {
    /// Emit events whose CAMEO code has no PLOVER type (with an empty `event`). Off for users:
    /// every record then has a PLOVER type. On for validation suites such as PETRARCH's, whose
    /// records test pattern matching with codes of their own (901, 345, ...). Such suites
    /// also score CAMEO's paired codes (`[042:043]`: a visit, and the host's hosting) as two
    /// events, so with this option the second event is kept even where PLOVER's one record
    /// of the mutual act would say it all.
    pub keep_unmapped_codes: bool,
}

impl<'a> Coder<'a> {
    /// `fallback_date` anchors documents that carry no publication date (the CLI passes today).
    pub fn new(kb: &'a KnowledgeBase, verbs: &'a VerbDictionary, fallback_date: PartialDate) -> Coder<'a> {
        Coder { kb, verbs, fallback_date, options: CoderOptions::default() }
    }

    pub fn with_options(mut self, options: CoderOptions) -> Coder<'a> {
        self.options = options;
        self
    }

    pub fn code_document(&self, document: &Document, sentences: &[Sentence]) -> CodedDocument {
        self.code_document_in_story(document, sentences, None)
    }

    /// [`Coder::code_document`] for a document that belongs to a story whose first dated
    /// report came out on `story_first_reported`: an undated document is anchored there
    /// rather than on today (see [`document_anchor`]).
    pub fn code_document_in_story(
        &self,
        document: &Document,
        sentences: &[Sentence],
        story_first_reported: Option<PartialDate>,
    ) -> CodedDocument {
        let anchor = document_anchor(document, story_first_reported, self.fallback_date);
        let mut discourse = Discourse::default();
        let mut coded = CodedDocument { anchor: Some(anchor), ..CodedDocument::default() };
        let mut sentences = sentences.to_vec();
        let mentions: Vec<Vec<Mention>> =
            sentences.iter().map(|sentence| self.kb.find_mentions(&document.body, sentence.span)).collect();
        for (sentence, found) in sentences.iter_mut().zip(&mentions) {
            repair_agent_noun_tags(&document.body, sentence, self.kb, found, anchor);
            verb_tags::repair_verb_after_subject(&document.body, sentence, self.verbs, found);
        }
        let sentences = &sentences[..];
        let discarded = self.discarded_sentences(document, sentences);
        for ((sentence, found), discarded) in sentences.iter().zip(&mentions).zip(discarded) {
            let view = SentenceView::new(&document.body, sentence);
            let before_sentence = discourse.clone();
            let phrases = find_actor_phrases_in(&view, self.kb, found, anchor, &mut discourse);
            let times = SentenceTimes::find(&view, anchor);
            let context = events::SentenceContext {
                view: &view,
                kb: self.kb,
                verbs: self.verbs,
                phrases: &phrases,
                times: &times,
                anchor,
                discourse_before: &before_sentence,
                mentions: found,
                keep_unmapped_codes: self.options.keep_unmapped_codes,
                doc_id: &document.id,
            };
            let sentence_events = if discarded { Vec::new() } else { events::code_sentence(&context) };
            for event in sentence_events {
                coded.events.push(event.record);
                coded.evidence.push(event.evidence);
            }
            coded.actors.push(phrases);
            coded.times.push(times.expressions);
        }
        events::merge_same_sentence_acts(&mut coded.events);
        dating::date_events_from_later_mentions(document, sentences, &coded.times, anchor, &mut coded.events);
        events::drop_retellings(&mut coded.events);
        align_evidence(&mut coded);
        coded
    }
}

impl Coder<'_> {
    /// For each sentence, whether a discard list silences it (PETRARCH's `+PHRASE` entries):
    /// a sentence-level phrase ("baseball") silences its sentence, a story-level one
    /// ("typhoon") the whole document, so sports and weather stories that borrow the verbs of
    /// conflict ("Tigers attack", "the storm hit the capital") code nothing.
    fn discarded_sentences(&self, document: &Document, sentences: &[Sentence]) -> Vec<bool> {
        if self.kb.discard_count() == 0 {
            return vec![false; sentences.len()];
        }
        let hits: Vec<Option<DiscardHit>> =
            sentences.iter().map(|sentence| self.kb.find_discard(&document.body, sentence.span)).collect();
        let whole_story = hits.iter().flatten().any(|hit| hit.level == DiscardLevel::Story);
        hits.iter().map(|hit| whole_story || hit.is_some()).collect()
    }
}

/// Merging and dropping retellings remove events; the evidence list follows them by event id.
fn align_evidence(coded: &mut CodedDocument) {
    let mut evidence = std::mem::take(&mut coded.evidence);
    coded.evidence = coded
        .events
        .iter()
        .map(|event| {
            let found = evidence.iter().position(|known| known.event_id == event.id);
            found.map(|index| evidence.swap_remove(index)).unwrap_or_default()
        })
        .collect();
}

#[cfg(test)]
mod tests;
