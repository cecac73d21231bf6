//! A verb the tagger read as a noun right after the sentence's subject: "Norway and Chile
//! agree that ...", "Peru and Chile welcome a ...". A present-tense verb after a coordinated
//! subject has no agreement ending, and a tagger that has seen "agree" and "welcome" mostly
//! after determiners calls it a noun; the noun phrase then swallows it ("Chile agree") and the
//! sentence has no verb at all.
//!
//! The repair is narrow on purpose, since the same words are real nouns elsewhere ("a
//! welcome change"): the word must follow a known name directly (or its bracketed
//! abbreviation, "the European Union (EU) agree"), nothing before it may be a verb or modal,
//! it must open an object or complement (a determiner, a possessive, "that", "to"), and the
//! verb dictionary must know it as a verb.
//!
//! Invariant: only tags change; a token is retagged as a present-tense verb or not at all.

use dyad_analyse::{Sentence, Tag};
use dyad_kb::{EntryKind, Mention};
use dyad_verbs::{VerbDictionary, WordView};

/// Tags the first noun-tagged verb after the subject as a present-tense verb (see the module
/// docs). `found` are the sentence's knowledge-base mentions.
pub fn repair_verb_after_subject(body: &str, sentence: &mut Sentence, verbs: &VerbDictionary, found: &[Mention]) {
    if let Some((token, tag)) = verb_after_subject(body, sentence, verbs, found) {
        sentence.tokens[token].tag = tag;
    }
}

fn verb_after_subject(
    body: &str,
    sentence: &Sentence,
    verbs: &VerbDictionary,
    found: &[Mention],
) -> Option<(usize, Tag)> {
    let tokens = &sentence.tokens;
    let word = |index: usize| &body[tokens[index].span.start..tokens[index].span.end];
    // The sentence's first verb or modal bounds the search: past it the subject is over.
    let first_verb =
        tokens.iter().position(|token| token.tag.is_verb() || token.tag == Tag::MD).unwrap_or(tokens.len());
    for candidate in 1..first_verb {
        if !matches!(tokens[candidate].tag, Tag::NN | Tag::NNS | Tag::UH | Tag::JJ) {
            continue;
        }
        let name_end = name_end_before(body, sentence, candidate);
        let follows_name = found.iter().any(|mention| is_name(mention.kind) && Some(mention.span.end) == name_end);
        if !follows_name || !opens_object(body, sentence, candidate + 1) {
            continue;
        }
        let tag = if word(candidate).ends_with('s') { Tag::VBZ } else { Tag::VBP };
        let words: Vec<WordView> = (0..tokens.len())
            .map(|index| WordView {
                text: word(index),
                tag: if index == candidate { tag.as_str() } else { tokens[index].tag.as_str() },
            })
            .collect();
        let known_verb = verbs.verb_at(&words, candidate).is_some_and(|hit| hit.token_count == 1);
        return known_verb.then_some((candidate, tag));
    }
    None
}

/// Where the name before `token` ends: the previous token's end, or, when a bracketed
/// abbreviation sits between ("the European Union (EU) agree"), the end of the token before
/// the opening bracket.
fn name_end_before(body: &str, sentence: &Sentence, token: usize) -> Option<usize> {
    let tokens = &sentence.tokens;
    let previous = token.checked_sub(1)?;
    let is = |index: usize, text: &str| &body[tokens[index].span.start..tokens[index].span.end] == text;
    if is(previous, ")") && previous >= 3 && is(previous - 2, "(") {
        return Some(tokens[previous - 3].span.end);
    }
    Some(tokens[previous].span.end)
}

fn is_name(kind: EntryKind) -> bool {
    matches!(kind, EntryKind::Country | EntryKind::Person | EntryKind::Group | EntryKind::Institution)
}

/// Whether token `index` opens a verb's object or complement: a determiner, a possessive
/// pronoun, "that" or "to".
fn opens_object(body: &str, sentence: &Sentence, index: usize) -> bool {
    let Some(token) = sentence.tokens.get(index) else { return false };
    let text = &body[token.span.start..token.span.end];
    let determiner = matches!(token.tag, Tag::DT | Tag::PRPS) && !text.eq_ignore_ascii_case("that");
    determiner || text.eq_ignore_ascii_case("that") || text.eq_ignore_ascii_case("to")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_analyse::Analyser;
    use dyad_kb::KnowledgeBase;

    /// The repaired tag of `word` in `text`, after the tagger's tag for it is forced to `tag`.
    fn repaired(text: &str, word: &str, tag: Tag) -> Tag {
        let mut sentence = Analyser::new().analyse(text).remove(0);
        let index = sentence.tokens.iter().position(|token| &text[token.span.start..token.span.end] == word).unwrap();
        sentence.tokens[index].tag = tag;
        let kb = KnowledgeBase::embedded();
        let found = kb.find_mentions(text, sentence.span);
        let verbs = VerbDictionary::from_petrarch_text("--- AGREE [030] ---\nAGREE\n", "test verbs").unwrap();
        repair_verb_after_subject(text, &mut sentence, &verbs, &found);
        sentence.tokens[index].tag
    }

    #[test]
    fn a_known_verb_after_the_subject_is_a_verb() {
        assert_eq!(
            repaired("Peru and Chile agree that the dispute should go to arbitration.", "agree", Tag::NN),
            Tag::VBP
        );
        assert_eq!(
            repaired("Peru and the European Union (EU) agree that tariffs must fall.", "agree", Tag::NN),
            Tag::VBP
        );
    }

    #[test]
    fn nouns_elsewhere_stay_nouns() {
        // A verb already stands before it: the subject is over.
        assert_eq!(repaired("Officials said Peru and Chile agree that talks help.", "agree", Tag::NN), Tag::NN);
        // Not after a name.
        assert_eq!(repaired("The agree that was signed held.", "agree", Tag::NN), Tag::NN);
        // Nothing opens an object after it.
        assert_eq!(repaired("Peru and Chile agree on Monday.", "agree", Tag::NN), Tag::NN);
    }
}
