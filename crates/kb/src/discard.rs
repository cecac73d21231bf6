//! Discard lists: phrases that mark a sentence or a whole story as out of scope (sports
//! results, weather), read from TABARI/PETRARCH discard files.
//!
//! Invariants: phrases match whole words in the folded form (case, diacritics and hyphens
//! ignored); a hit's span slices the searched text on char boundaries; the first hit in
//! text order is reported, a story-level one before a sentence-level one at the same place.

use crate::normalize::{fold, fold_text};
use crate::tabari::{DiscardLevel, DiscardRecord};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dyad_document::Span;

/// A discard phrase found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscardHit {
    /// The phrase as the dictionary writes it.
    pub phrase: String,
    pub level: DiscardLevel,
    pub span: Span,
}

/// The discard phrases of every imported list, with an automaton over their folded forms.
#[derive(Clone, Debug, Default)]
pub(crate) struct DiscardList {
    records: Vec<DiscardRecord>,
    automaton: Option<AhoCorasick>,
}

impl DiscardList {
    pub fn extend(&mut self, records: Vec<DiscardRecord>) -> Result<(), String> {
        self.records.extend(records);
        let keys: Vec<String> = self.records.iter().map(|record| fold(&record.phrase)).collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .map_err(|error| error.to_string())?;
        self.automaton = Some(automaton);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn find(&self, text: &str, region: Span) -> Option<DiscardHit> {
        let automaton = self.automaton.as_ref()?;
        let end = region.end.min(text.len());
        let start = region.start.min(end);
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return None;
        }
        let folded = fold_text(&text[start..end]);
        automaton
            .find_overlapping_iter(folded.folded.as_str())
            .filter_map(|found| {
                let span = Span::new(start + folded.offsets[found.start()], start + folded.offsets[found.end()]);
                let whole_word = !text[..span.start].chars().next_back().is_some_and(char::is_alphanumeric)
                    && !text[span.end..].chars().next().is_some_and(char::is_alphanumeric);
                let record = &self.records[found.pattern().as_usize()];
                whole_word.then(|| DiscardHit { phrase: record.phrase.clone(), level: record.level, span })
            })
            .min_by_key(|hit| (hit.span.start, hit.level != DiscardLevel::Story))
    }
}
