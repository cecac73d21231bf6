//! Noun chunks: the maximal runs of determiner, adjective and noun tokens that make a noun
//! phrase, found from part-of-speech tags alone. Actor phrases are chunks that name someone.

use crate::lookup::MentionLookup;
use crate::view::SentenceView;
use dyad_kb::EntryKind;

/// Nouns that introduce a name in apposition without being a sector of their own:
/// "his Syrian counterpart Bashar al-Assad", "her longtime rival Ahmet Davutoglu".
const RELATIONAL_TITLES: &[&str] = &[
    "counterpart",
    "colleague",
    "ally",
    "rival",
    "predecessor",
    "successor",
    "opponent",
    "host",
    "guest",
    "friend",
    "deputy",
    "adviser",
    "advisor",
    "aide",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// A candidate noun phrase: tokens `[first, end)`, and where a possessive "'s" splits the
/// possessor from the head ("Assad 's government").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub first: usize,
    pub end: usize,
    pub possessive_marker: Option<usize>,
}

pub fn noun_chunks(view: &SentenceView, mentions: &MentionLookup) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut index = 0;
    while index < view.len() {
        if view.tag(index) == "PRP" {
            chunks.push(Chunk { first: index, end: index + 1, possessive_marker: None });
            index += 1;
            continue;
        }
        if !can_start_chunk(view, mentions, index) {
            index += 1;
            continue;
        }
        let chunk = extend_chunk(view, mentions, index);
        index = chunk.end;
        chunks.push(chunk);
    }
    chunks
}

fn can_start_chunk(view: &SentenceView, mentions: &MentionLookup, index: usize) -> bool {
    mentions.at_token(index).is_some()
        || matches!(
            view.tag(index),
            "DT" | "PDT" | "PRP$" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD"
        )
}

fn extend_chunk(view: &SentenceView, mentions: &MentionLookup, first: usize) -> Chunk {
    let mut end = first + 1;
    let mut possessive_marker = None;
    while end < view.len() {
        if let Some(mention) = mentions.at_token(end) {
            // "the first time Putin": a name after a plain common noun starts its own phrase;
            // after a title or agent ("his Syrian counterpart Bashar al-Assad") it does not.
            let after_plain_noun = matches!(view.tag(end - 1), "NN" | "NNS")
                && mentions.at_token(end - 1).is_none()
                && !view.is_any_word(end - 1, RELATIONAL_TITLES);
            if after_plain_noun && mention.kind == EntryKind::Person {
                break;
            }
            // A mention never splits: "al-Assad" or "Islamic State" joins whole.
            end = end.max(mention.end_token);
            continue;
        }
        match view.tag(end) {
            // An adjective after a noun starts a postmodifier ("forces loyal to Assad"),
            // unless a noun follows it ("the State Department official").
            "JJ" | "JJR" | "JJS" if view.tag(end - 1).starts_with("NN") && !is_common_noun(view, end + 1) => {
                break;
            }
            "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "HYPH" => end += 1,
            "CC" if joins_plain_adjectives(view, mentions, end) => end += 1,
            "POS" if possessive_marker.is_none() && end + 1 < view.len() && is_noun_like(view, mentions, end + 1) => {
                possessive_marker = Some(end);
                end += 1;
            }
            // Participles inside a noun phrase ("the ruling party", "armed forces"), but not a
            // verb between two names ("Putin greeting Assad"), nor a present participle after
            // a noun, which opens a reduced relative clause ("aircraft using guided missiles").
            "VBN" | "VBG"
                if is_common_noun(view, end + 1)
                    && !view.tag(end - 1).starts_with("NNP")
                    && !(view.tag(end) == "VBG" && view.tag(end - 1).starts_with("NN")) =>
            {
                end += 1
            }
            _ => break,
        }
    }
    Chunk { first, end, possessive_marker }
}

/// "Russia's long and costly war", "the old or new government": a conjunction between two
/// plain adjectives, before a noun, is inside one noun phrase. Adjectives the knowledge base
/// knows ("Russian and Chinese troops") name two parties, so the conjunction splits them.
fn joins_plain_adjectives(view: &SentenceView, mentions: &MentionLookup, conjunction: usize) -> bool {
    let is_plain_adjective = |index: usize| {
        index < view.len() && matches!(view.tag(index), "JJ" | "JJR" | "JJS") && mentions.at_token(index).is_none()
    };
    let mut after = conjunction + 1;
    while is_plain_adjective(after) {
        after += 1;
    }
    conjunction > 0
        && view.is_any_word(conjunction, &["and", "or"])
        && is_plain_adjective(conjunction - 1)
        && after > conjunction + 1
        && after < view.len()
        && (mentions.at_token(after).is_some() || matches!(view.tag(after), "NN" | "NNS" | "NNP" | "NNPS"))
}

fn is_noun_like(view: &SentenceView, mentions: &MentionLookup, index: usize) -> bool {
    mentions.at_token(index).is_some() || matches!(view.tag(index), "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "CD")
}

fn is_common_noun(view: &SentenceView, index: usize) -> bool {
    index < view.len() && matches!(view.tag(index), "NN" | "NNS" | "JJ")
}
