//! Tag repair from the knowledge base, where the tagger's reading contradicts what the
//! knowledge base knows about a word:
//! - a word it knows as an agent noun, tagged as a verb where only a noun fits, is a noun. The
//!   tagger is trained on a small mixed corpus and reads "jihadists and forces loyal to Assad"
//!   with "forces" as a verb; the list position says otherwise, and a wrong verb there would
//!   both invent an event and break the list;
//! - a capitalised name it knows (a country, person, group, institution or place), tagged as
//!   a function word, adverb, adjective or verb, is a proper noun. Unknown capitalised words
//!   opening a sentence often come out as adverbs or conjunctions ("Ruritania/RB welcomed"),
//!   which would then be read as part of the verb group and hide the subject.
//!
//! Invariant: only tags change, never tokens or spans; a repair never turns a noun into
//! anything but another noun tag.

use crate::lookup::MentionLookup;
use crate::view::SentenceView;
use dyad_analyse::{Sentence, Tag};
use dyad_document::PartialDate;
use dyad_kb::{EntryKind, KnowledgeBase, Mention};

pub fn repair_agent_noun_tags(
    body: &str,
    sentence: &mut Sentence,
    kb: &KnowledgeBase,
    found: &[Mention],
    date: PartialDate,
) {
    let repairs: Vec<(usize, Tag)> = {
        let view = SentenceView::new(body, sentence);
        let mentions = MentionLookup::from_mentions(&view, kb, found, date);
        let agent_nouns = mentions
            .mentions
            .iter()
            .filter(|mention| mention.kind == EntryKind::Agent && mention.end_token == mention.first_token + 1)
            .map(|mention| mention.first_token)
            .filter(|&token| matches!(view.tag(token), "VBZ" | "VBP" | "VB" | "VBD"))
            .filter(|&token| noun_position(&view, token))
            .map(|token| (token, if view.word(token).ends_with('s') { Tag::NNS } else { Tag::NN }));
        let names = mentions
            .mentions
            .iter()
            .filter(|mention| is_name_kind(mention.kind))
            .flat_map(|mention| mention.first_token..mention.end_token)
            .filter(|&token| is_capitalised(view.word(token)) && is_mistagged_name(view.tag(token)))
            .map(|token| (token, Tag::NNP));
        agent_nouns.chain(names).collect()
    };
    for (token, tag) in repairs {
        sentence.tokens[token].tag = tag;
    }
}

/// Kinds of entry whose names are proper nouns (country adjectives and agents are not).
fn is_name_kind(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::Country | EntryKind::Person | EntryKind::Group | EntryKind::Institution | EntryKind::Place
    )
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Tags a known name cannot carry: function words, adverbs, interjections and verbs. Nouns
/// stay as they are, and so do adjectives (a name used as a modifier, "Gondor/JJ soldiers",
/// chunks the same either way) and the possessive marker.
fn is_mistagged_name(tag: &str) -> bool {
    matches!(tag, "RB" | "RBR" | "RBS" | "CC" | "IN" | "DT" | "UH" | "JJS" | "JJR" | "FW" | "LS" | "MD" | "PRP")
        || tag.starts_with("VB")
}

/// After a determiner, adjective, number, conjunction or comma, and not before an object; or
/// after a noun ("Islamic State group jihadists") when a list or phrase boundary follows.
fn noun_position(view: &SentenceView, token: usize) -> bool {
    let previous = if token > 0 { view.tag(token - 1) } else { "" };
    let next = if token + 1 < view.len() { view.tag(token + 1) } else { "." };
    let after_noun_opener = matches!(previous, "DT" | "PRP$" | "JJ" | "CD" | "CC" | ",");
    let before_object = matches!(next, "DT" | "PRP" | "PRP$" | "TO");
    let after_noun = previous.starts_with("NN");
    let before_boundary = matches!(next, "CC" | "," | "." | ":" | "IN" | "JJ");
    (after_noun_opener && !before_object) || (after_noun && before_boundary)
}
