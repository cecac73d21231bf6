//! Tag repair from the knowledge base: a word the knowledge base knows as an agent noun,
//! tagged as a verb where only a noun fits, is a noun. The tagger is trained on a small mixed
//! corpus and reads "jihadists and forces loyal to Assad" with "forces" as a verb; the list
//! position says otherwise, and a wrong verb there would both invent an event and break the list.

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
        mentions
            .mentions
            .iter()
            .filter(|mention| mention.kind == EntryKind::Agent && mention.end_token == mention.first_token + 1)
            .map(|mention| mention.first_token)
            .filter(|&token| matches!(view.tag(token), "VBZ" | "VBP" | "VB" | "VBD"))
            .filter(|&token| noun_position(&view, token))
            .map(|token| (token, if view.word(token).ends_with('s') { Tag::NNS } else { Tag::NN }))
            .collect()
    };
    for (token, tag) in repairs {
        sentence.tokens[token].tag = tag;
    }
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
