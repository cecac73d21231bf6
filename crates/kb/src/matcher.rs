//! The name matcher: one Aho-Corasick automaton over the folded form of every alias.
//!
//! Invariants: every mention span lies on char boundaries of the searched text, never
//! starts or ends inside a word, and mentions never overlap (leftmost-longest among the
//! matches that pass the word and case checks, so a failed long match never hides a valid
//! shorter one).

use crate::model::{Entry, EntryId, EntryKind, Mention};
use crate::normalize::{capitals_match, fold, fold_text, required_capitals};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dyad_document::Span;
use std::collections::HashMap;

/// One entry a folded name may stand for, with the capitals the text must show.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub entry: EntryId,
    pub kind: EntryKind,
    pub capitals: Box<[u16]>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Matcher {
    automaton: Option<AhoCorasick>,
    /// Per pattern, its targets in order of preference.
    pub targets: Vec<Vec<Target>>,
    pub pattern_of_key: HashMap<String, u32>,
}

impl Matcher {
    pub fn build(entries: &[Entry]) -> Result<Matcher, String> {
        let mut keys: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut pattern_of_key: HashMap<String, u32> = HashMap::new();
        for (index, entry) in entries.iter().enumerate() {
            // Only aliases: a country-adjective entry is named after its country but must
            // not match the country's name.
            for alias in &entry.aliases {
                let key = fold(alias.trim());
                if !key.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let pattern = *pattern_of_key.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    targets.push(Vec::new());
                    (targets.len() - 1) as u32
                });
                let capitals: Box<[u16]> =
                    if entry.kind.is_proper_name() { required_capitals(alias.trim()).into() } else { Box::new([]) };
                let list = &mut targets[pattern as usize];
                let id = EntryId(index as u32);
                if !list.iter().any(|target| target.entry == id && target.capitals == capitals) {
                    list.push(Target { entry: id, kind: entry.kind, capitals });
                }
            }
        }
        for (list, key) in targets.iter_mut().zip(&keys) {
            // Most lists hold one target; the cached key folds each entry's name once.
            list.sort_by_cached_key(|target| {
                let entry = &entries[target.entry.0 as usize];
                let derived_from_name = std::cmp::Reverse(shared_prefix_len(key, &fold(&entry.name)));
                (std::cmp::Reverse(entry.origin as u8), target.kind.preference(), derived_from_name, target.entry)
            });
        }
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&keys)
                    .map_err(|error| error.to_string())?,
            )
        };
        Ok(Matcher { automaton, targets, pattern_of_key })
    }

    /// Mentions inside `region` of `text`; see the module invariants.
    pub fn find(&self, text: &str, region: Span) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let end = region.end.min(text.len());
        let start = region.start.min(end);
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Vec::new();
        }
        let folded = fold_text(&text[start..end]);
        let mut candidates: Vec<Mention> = Vec::new();
        for found in automaton.find_overlapping_iter(folded.folded.as_str()) {
            let span = Span::new(start + folded.offsets[found.start()], start + folded.offsets[found.end()]);
            if !is_whole_word(text, span) {
                continue;
            }
            let pattern = found.pattern().as_u32();
            let written = &text[span.start..span.end];
            let Some(target) =
                self.targets[pattern as usize].iter().find(|target| capitals_match(written, &target.capitals))
            else {
                continue;
            };
            candidates.push(Mention { span, entry: target.entry, kind: target.kind, pattern });
        }
        leftmost_longest(candidates)
    }
}

/// How many leading characters two folded names share. A nationality word listed for several
/// countries ("Serbian" for Serbia and for Montenegro, whose sources list its Serb
/// population) belongs first to the country it is formed from: "Serbian" shares "serbia".
fn shared_prefix_len(left: &str, right: &str) -> usize {
    left.chars().zip(right.chars()).take_while(|(a, b)| a == b).count()
}

/// True when no letter or digit touches the span on either side.
fn is_whole_word(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Keeps the leftmost match, the longest where several start together, then the next that
/// starts after it ends.
fn leftmost_longest(mut candidates: Vec<Mention>) -> Vec<Mention> {
    candidates.sort_by_key(|mention| (mention.span.start, std::cmp::Reverse(mention.span.end)));
    let mut chosen: Vec<Mention> = Vec::new();
    for mention in candidates {
        if chosen.last().is_none_or(|last| mention.span.start >= last.span.end) {
            chosen.push(mention);
        }
    }
    chosen
}
