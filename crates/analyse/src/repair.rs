//! Tag repairs after the tagger, for readings a sentence's grammar rules out whatever the
//! statistics say. The tagger is trained on a small mixed corpus; news turns up a few
//! patterns it gets wrong often enough to lose whole events:
//! - "said" and "says" are never nouns ("a senior official said/NN on Saturday": the tagger
//!   took the adjective-like "official" for a modifier and "said" for its head);
//! - a present-tense verb form right after a number or an article is a plural noun ("a
//!   million rupees/VBZ", "the talks/VBZ"): a verb cannot follow either.
//!
//! Invariant: only tags change, one token at a time, and only from a noun or verb tag to
//! another; no allocation.

use crate::Tag;

/// Applies the repairs above to one sentence's `tags`, `words` in the same order.
pub(crate) fn repair_tags<S: AsRef<str>>(words: &[S], tags: &mut [Tag]) {
    for index in 0..words.len().min(tags.len()) {
        let word = words[index].as_ref();
        if matches!(tags[index], Tag::NN | Tag::NNS) {
            if word == "said" {
                tags[index] = Tag::VBD;
            } else if word == "says" {
                tags[index] = Tag::VBZ;
            }
        }
        if tags[index] == Tag::VBZ && index > 0 && after_number_or_article(words[index - 1].as_ref(), tags[index - 1]) {
            tags[index] = Tag::NNS;
        }
    }
}

fn after_number_or_article(previous: &str, tag: Tag) -> bool {
    tag == Tag::CD || ["a", "an", "the"].iter().any(|article| previous.eq_ignore_ascii_case(article))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn said_is_never_a_noun() {
        let words = ["a", "senior", "official", "said", "on", "Monday"];
        let mut tags = [Tag::DT, Tag::JJ, Tag::JJ, Tag::NN, Tag::IN, Tag::NNP];
        repair_tags(&words, &mut tags);
        assert_eq!(tags[3], Tag::VBD);
        let mut adjective = [Tag::DT, Tag::JJ, Tag::JJ, Tag::JJ, Tag::IN, Tag::NNP];
        repair_tags(&words, &mut adjective);
        assert_eq!(adjective[3], Tag::JJ, "only a noun reading is repaired");
    }

    #[test]
    fn a_verb_form_after_a_number_or_article_is_a_plural_noun() {
        let words = ["Japan", "will", "give", "a", "million", "yen", "and", "the", "talks", "continue"];
        let mut tags = [Tag::NNP, Tag::MD, Tag::VB, Tag::DT, Tag::CD, Tag::VBZ, Tag::CC, Tag::DT, Tag::VBZ, Tag::VBP];
        repair_tags(&words, &mut tags);
        assert_eq!(tags[5], Tag::NNS);
        assert_eq!(tags[8], Tag::NNS);
        let mut after_name = [Tag::NNP, Tag::VBZ];
        repair_tags(&["Japan", "says"], &mut after_name);
        assert_eq!(after_name[1], Tag::VBZ);
    }
}
