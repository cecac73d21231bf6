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
//! Two more repairs follow the same pattern: a past tense read as an adjective between the
//! subject and its object ("students staged/JJ mass rallies"), and a verb of intent read as a
//! plural noun before its infinitive ("Greece, like other members, plans/NNS to impose").
//!
//! Invariant: only tags change; a token is retagged as a verb or not at all, and at most one
//! token per sentence.

use dyad_analyse::{Sentence, Tag};
use dyad_kb::{EntryKind, Mention};
use dyad_verbs::{VerbDictionary, WordView};

/// Tags the first noun-tagged verb after the subject as a present-tense verb (see the module
/// docs). `found` are the sentence's knowledge-base mentions.
pub fn repair_verb_after_subject(body: &str, sentence: &mut Sentence, verbs: &VerbDictionary, found: &[Mention]) {
    if let Some((token, tag)) = verb_after_subject(body, sentence, verbs, found) {
        sentence.tokens[token].tag = tag;
    } else if let Some(token) = past_verb_read_as_adjective(body, sentence, verbs) {
        sentence.tokens[token].tag = Tag::VBD;
    } else if let Some(token) = intent_verb_read_as_noun(body, sentence) {
        sentence.tokens[token].tag = Tag::VBZ;
    }
}

/// Verbs of intent whose third person is also a plural noun: "Greece, like other members,
/// plans to impose ...", "the party vows to fight".
const INTENT_VERBS_LIKE_NOUNS: &[&str] = &["plans", "vows", "threatens", "pledges", "promises", "hopes", "aims"];

/// "Greece, like most other members, plans to impose restrictions": a verb of intent the tagger
/// read as a plural noun. It must come before any finite verb of the sentence, not stand inside a noun
/// phrase (after a determiner, possessive, adjective or preposition: "Greece's plans to ..."),
/// and be followed by "to" and a base verb.
fn intent_verb_read_as_noun(body: &str, sentence: &Sentence) -> Option<usize> {
    let tokens = &sentence.tokens;
    let word = |index: usize| &body[tokens[index].span.start..tokens[index].span.end];
    // A participle may stand before it inside the subject ("other existing members"); a
    // finite verb or modal may not.
    let first_verb = tokens
        .iter()
        .position(|token| matches!(token.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
        .unwrap_or(tokens.len());
    (1..first_verb.min(tokens.len().saturating_sub(2))).find(|&index| {
        tokens[index].tag == Tag::NNS
            && INTENT_VERBS_LIKE_NOUNS.iter().any(|verb| word(index).eq_ignore_ascii_case(verb))
            && !matches!(tokens[index - 1].tag, Tag::DT | Tag::PRPS | Tag::POS | Tag::JJ | Tag::IN | Tag::TO)
            && word(index + 1).eq_ignore_ascii_case("to")
            && tokens[index + 2].tag == Tag::VB
    })
}

/// "Students throughout the country staged mass demonstrations": a past tense the tagger read
/// as an adjective ("staged", "organised") between the subject and its object. It must be the
/// sentence's first verb-like word, end in "-ed", follow a noun and open a noun phrase, and the
/// verb dictionary must know it as a verb.
fn past_verb_read_as_adjective(body: &str, sentence: &Sentence, verbs: &VerbDictionary) -> Option<usize> {
    let tokens = &sentence.tokens;
    let word = |index: usize| &body[tokens[index].span.start..tokens[index].span.end];
    let first_verb =
        tokens.iter().position(|token| token.tag.is_verb() || token.tag == Tag::MD).unwrap_or(tokens.len());
    let candidate = (1..first_verb.min(tokens.len().saturating_sub(1))).find(|&index| {
        tokens[index].tag == Tag::JJ
            && word(index).ends_with("ed")
            && matches!(tokens[index - 1].tag, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
            && matches!(tokens[index + 1].tag, Tag::DT | Tag::NN | Tag::NNS | Tag::JJ | Tag::CD | Tag::PRPS)
    })?;
    let words: Vec<WordView> = (0..tokens.len())
        .map(|index| WordView {
            text: word(index),
            tag: if index == candidate { Tag::VBD.as_str() } else { tokens[index].tag.as_str() },
        })
        .collect();
    verbs.verb_at(&words, candidate).is_some_and(|hit| hit.token_count == 1).then_some(candidate)
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

    /// The tag of `word` in `text` after the repairs, its tagger tag forced to JJ first.
    fn repaired_adjective(text: &str, word: &str) -> Tag {
        let mut sentence = Analyser::new().analyse(text).remove(0);
        let index = sentence.tokens.iter().position(|token| &text[token.span.start..token.span.end] == word).unwrap();
        sentence.tokens[index].tag = Tag::JJ;
        let verbs = VerbDictionary::from_petrarch_text("--- STAGE [141] ---\nSTAGE\n", "test verbs").unwrap();
        repair_verb_after_subject(text, &mut sentence, &verbs, &[]);
        sentence.tokens[index].tag
    }

    #[test]
    fn a_past_tense_read_as_an_adjective_after_the_subject_is_a_verb() {
        assert_eq!(repaired_adjective("Students across Gondor staged mass rallies on Monday.", "staged"), Tag::VBD);
        // After a determiner it describes a noun ("the staged rallies").
        assert_eq!(repaired_adjective("Police broke up the staged rallies.", "staged"), Tag::JJ);
        // A word the verb dictionary does not know stays an adjective.
        assert_eq!(repaired_adjective("Students across Gondor tired mass rallies.", "tired"), Tag::JJ);
    }

    #[test]
    fn a_verb_of_intent_read_as_a_plural_noun_is_a_verb() {
        let text = "Greece, like other existing members, plans to impose curbs on imports.";
        let mut sentence = Analyser::new().analyse(text).remove(0);
        let index = sentence.tokens.iter().position(|token| token.text(text) == "plans").unwrap();
        sentence.tokens[index].tag = Tag::NNS;
        let verbs = VerbDictionary::from_petrarch_text("--- IMPOSE [172] ---\nIMPOSE\n", "test verbs").unwrap();
        repair_verb_after_subject(text, &mut sentence, &verbs, &[]);
        assert_eq!(sentence.tokens[index].tag, Tag::VBZ);
        // "Greece's plans to impose" are a noun phrase.
        let text = "Greece's plans to impose curbs were dropped.";
        let mut sentence = Analyser::new().analyse(text).remove(0);
        let index = sentence.tokens.iter().position(|token| token.text(text) == "plans").unwrap();
        sentence.tokens[index].tag = Tag::NNS;
        repair_verb_after_subject(text, &mut sentence, &verbs, &[]);
        assert_eq!(sentence.tokens[index].tag, Tag::NNS);
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
