//! Tag repairs after the tagger, for readings a sentence's grammar rules out whatever the
//! statistics say. The tagger is trained on a small mixed corpus; news turns up a few
//! patterns it gets wrong often enough to lose whole events:
//! - "said" and "says" are never nouns ("a senior official said/NN on Saturday": the tagger
//!   took the adjective-like "official" for a modifier and "said" for its head);
//! - a present-tense verb form right after a number or an article is a plural noun ("a
//!   million rupees/VBZ", "the talks/VBZ"): a verb cannot follow either;
//! - a singular noun after "to" that is followed by a determiner, a possessive or a name is a
//!   base verb ("agreed on Monday to sanction/NN Belarus", "to attack/NN the base"): a noun
//!   after "to" would not take an object of its own. A day or month after it ("went to
//!   court/NN Monday") is a time, not an object, and leaves the noun alone.
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
        if tags[index] == Tag::NN
            && index > 0
            && tags[index - 1] == Tag::TO
            && index + 1 < words.len().min(tags.len())
            && takes_an_object(words[index + 1].as_ref(), tags[index + 1])
        {
            tags[index] = Tag::VB;
        }
    }
}

/// Whether a word opens a noun phrase a verb could take as its object (and is not a date).
fn takes_an_object(word: &str, tag: Tag) -> bool {
    matches!(tag, Tag::DT | Tag::PRPS | Tag::NNP | Tag::NNPS | Tag::PRP) && !dyad_time::is_month_or_weekday_name(word)
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

    #[test]
    fn a_noun_after_to_with_an_object_is_a_base_verb() {
        let words = ["agreed", "on", "Monday", "to", "sanction", "Belarus"];
        let mut tags = [Tag::VBD, Tag::IN, Tag::NNP, Tag::TO, Tag::NN, Tag::NNP];
        repair_tags(&words, &mut tags);
        assert_eq!(tags[4], Tag::VB);
        let words = ["went", "to", "court", "Monday"];
        let mut tags = [Tag::VBD, Tag::TO, Tag::NN, Tag::NNP];
        repair_tags(&words, &mut tags);
        assert_eq!(tags[2], Tag::NN, "a day after the noun is a time, not an object");
    }
}
