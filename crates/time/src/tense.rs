//! A simple tense guess over Penn Treebank tags, good enough to choose which way an
//! ambiguous time expression ("Wednesday", "in March") resolves.
//!
//! Rules, in order: any future marker makes the clause future ("will"/"shall"/"'ll" + base
//! verb, "is/are/am going to", "plans/intends to", "is set/due to"); else a past verb (VBD),
//! or a participle (VBN) after a form of "have", makes it past; else present. Callers that
//! want a clause's tense rather than a sentence's pass only that clause's words: in
//! "X said on Wednesday it will Y" the whole sentence reads as future.

use crate::Tense;

/// Guesses the tense of a clause from its words and their Penn tags (same length; extra
/// entries in the longer slice are ignored).
pub fn guess_tense(words: &[&str], tags: &[&str]) -> Tense {
    let length = words.len().min(tags.len());
    let (words, tags) = (&words[..length], &tags[..length]);
    if (0..length).any(|index| marks_future(words, tags, index)) {
        Tense::Future
    } else if (0..length).any(|index| marks_past(words, tags, index)) {
        Tense::Past
    } else {
        Tense::Present
    }
}

fn is_one_of(word: &str, candidates: &[&str]) -> bool {
    candidates.iter().any(|candidate| word.eq_ignore_ascii_case(candidate))
}

/// The index of the next word that is not an adverb or a negation: "will not soon send".
fn skip_adverbs(words: &[&str], tags: &[&str], mut index: usize) -> usize {
    while index < words.len() && (tags[index].starts_with("RB") || is_one_of(words[index], &["not", "n't"])) {
        index += 1;
    }
    index
}

fn marks_future(words: &[&str], tags: &[&str], index: usize) -> bool {
    let word = words[index];
    if tags[index] == "MD" && is_one_of(word, &["will", "shall", "'ll", "wo", "won't"]) {
        let verb = skip_adverbs(words, tags, index + 1);
        return tags.get(verb) == Some(&"VB");
    }
    let to_and_verb = |at: usize| {
        words.get(at).is_some_and(|to| to.eq_ignore_ascii_case("to"))
            && tags.get(skip_adverbs(words, tags, at + 1)) == Some(&"VB")
    };
    let after_present_be = index
        .checked_sub(1)
        .is_some_and(|previous| is_one_of(words[previous], &["is", "are", "am", "'s", "'re", "'m"]));
    if is_one_of(word, &["going", "set", "due"]) && after_present_be {
        return to_and_verb(index + 1);
    }
    if is_one_of(word, &["plans", "plan", "planning", "intends", "intend"]) {
        return to_and_verb(index + 1);
    }
    false
}

fn marks_past(words: &[&str], tags: &[&str], index: usize) -> bool {
    match tags[index] {
        "VBD" => true,
        "VBN" => {
            // "has killed", "had already left": look back over adverbs for a form of "have".
            let mut previous = index;
            while previous > 0 {
                previous -= 1;
                if tags[previous].starts_with("RB") {
                    continue;
                }
                return is_one_of(words[previous], &["has", "have", "had", "'ve", "'d"]);
            }
            false
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(tagged: &str) -> Tense {
        let pairs: Vec<(&str, &str)> = tagged.split(' ').filter_map(|pair| pair.rsplit_once('/')).collect();
        let words: Vec<&str> = pairs.iter().map(|(word, _)| *word).collect();
        let tags: Vec<&str> = pairs.iter().map(|(_, tag)| *tag).collect();
        guess_tense(&words, &tags)
    }

    #[test]
    fn future_markers() {
        assert_eq!(tense_of("Russia/NNP will/MD hold/VB talks/NNS"), Tense::Future);
        assert_eq!(tense_of("Kyiv/NNP will/MD not/RB attend/VB"), Tense::Future);
        assert_eq!(tense_of("Iran/NNP is/VBZ going/VBG to/TO respond/VB"), Tense::Future);
        assert_eq!(tense_of("Turkey/NNP plans/VBZ to/TO send/VB troops/NNS"), Tense::Future);
        assert_eq!(tense_of("The/DT talks/NNS are/VBP set/VBN to/TO resume/VB"), Tense::Future);
    }

    #[test]
    fn past_markers() {
        assert_eq!(tense_of("Israel/NNP struck/VBD Gaza/NNP"), Tense::Past);
        assert_eq!(tense_of("Rebels/NNS have/VBP seized/VBN the/DT town/NN"), Tense::Past);
        assert_eq!(tense_of("He/PRP had/VBD already/RB left/VBN"), Tense::Past);
        assert_eq!(tense_of("He/PRP was/VBD going/VBG to/TO resign/VB"), Tense::Past);
    }

    #[test]
    fn present_otherwise() {
        assert_eq!(tense_of("Troops/NNS remain/VBP in/IN the/DT city/NN"), Tense::Present);
        assert_eq!(tense_of("Seized/VBN weapons/NNS"), Tense::Present);
        assert_eq!(tense_of("Russia/NNP would/MD respond/VB"), Tense::Present);
        assert_eq!(guess_tense(&[], &[]), Tense::Present);
    }
}
