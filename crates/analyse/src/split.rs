//! Sentence splitting.
//!
//! Invariants of every splitter here: the spans it returns index the text it was given, on
//! `char` boundaries, in order and without overlap; no span is empty or starts or ends with
//! whitespace; a blank line (a line holding only whitespace) always ends a sentence.

use crate::abbreviations::{PeriodWord, classify_period_word, is_common_sentence_starter};
use dyad_document::Span;

/// Cuts a text into sentences.
pub trait SentenceSplitter {
    /// The sentences of `text`, as spans into it.
    fn split(&self, text: &str) -> Vec<Span>;
}

/// A rule-based splitter for news prose: paragraphs at blank lines, then sentences at `.`, `?`,
/// `!` and ellipses, unless the period belongs to an abbreviation, an initial or a number.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleSentenceSplitter;

impl SentenceSplitter for RuleSentenceSplitter {
    fn split(&self, text: &str) -> Vec<Span> {
        let mut sentences = Vec::new();
        for paragraph in paragraphs(text) {
            split_paragraph(text, paragraph, &mut sentences);
        }
        sentences
    }
}

/// Characters that may follow the final punctuation of a sentence and still belong to it.
fn is_closing_character(character: char) -> bool {
    matches!(character, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}')
}

/// Characters that may come before the first word of a sentence.
fn is_opening_character(character: char) -> bool {
    matches!(character, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '{' | '`')
}

/// The paragraphs of `text`: maximal runs of lines that are not blank, trimmed of whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut result = Vec::new();
    let mut paragraph_start: Option<usize> = None;
    let mut paragraph_end = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_span = Span::new(line_start, line_start + line.len());
        line_start = line_span.end;
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(start) = paragraph_start.take() {
                result.push(Span::new(start, paragraph_end));
            }
            continue;
        }
        paragraph_start.get_or_insert(line_span.start + trimmed_start);
        paragraph_end = line_span.start + trimmed_start + trimmed.len();
    }
    if let Some(start) = paragraph_start {
        result.push(Span::new(start, paragraph_end));
    }
    result
}

/// The whitespace-separated words of `text[region]`, as absolute spans.
pub(crate) fn words_in(text: &str, region: Span) -> Vec<Span> {
    let mut words = Vec::new();
    let mut word_start: Option<usize> = None;
    for (offset, character) in text[region.start..region.end].char_indices() {
        let position = region.start + offset;
        if character.is_whitespace() {
            if let Some(start) = word_start.take() {
                words.push(Span::new(start, position));
            }
        } else if word_start.is_none() {
            word_start = Some(position);
        }
    }
    if let Some(start) = word_start {
        words.push(Span::new(start, region.end));
    }
    words
}

fn split_paragraph(text: &str, paragraph: Span, sentences: &mut Vec<Span>) {
    let words = words_in(text, paragraph);
    let mut sentence_start: Option<usize> = None;
    for (index, word) in words.iter().enumerate() {
        let start = *sentence_start.get_or_insert(word.start);
        let next_word = words.get(index + 1).map(|next| &text[next.start..next.end]);
        let ends_here = match next_word {
            None => true,
            Some(next) => ends_sentence(&text[word.start..word.end], next),
        };
        if ends_here {
            sentences.push(Span::new(start, word.end));
            sentence_start = None;
        }
    }
}

/// The first letter or digit of `word` after any opening quotes or brackets.
fn first_content_character(word: &str) -> Option<char> {
    word.chars().find(|character| !is_opening_character(*character))
}

/// True when a sentence ends after `word`, given the word that follows it.
fn ends_sentence(word: &str, next_word: &str) -> bool {
    let without_closers = word.trim_end_matches(is_closing_character);
    let had_closers = without_closers.len() < word.len();
    let Some(next_first) = first_content_character(next_word) else {
        // The next word is only quotes or brackets: a new sentence begins with them.
        return ends_with_final_punctuation(without_closers);
    };
    if next_first.is_lowercase() {
        // "'Yes?' he asked." and "the U.S. dollar": nothing ends before a lower-case word.
        return false;
    }
    if without_closers.ends_with(['?', '!']) || is_ellipsis_end(without_closers) {
        return true;
    }
    if !without_closers.ends_with('.') {
        return false;
    }
    let core = without_closers.trim_start_matches(is_opening_character);
    match classify_period_word(core, Some(next_word)) {
        PeriodWord::Ordinary => true,
        PeriodWord::Title | PeriodWord::ExampleMarker => false,
        // A closing quote or bracket after the abbreviation ("in the U.S.)") shows the author
        // ended something there; otherwise only a typical first word starts a new sentence.
        PeriodWord::Abbreviation | PeriodWord::InitialOrAcronym => {
            had_closers || starts_like_a_new_sentence(core, next_word)
        }
    }
}

fn ends_with_final_punctuation(word: &str) -> bool {
    word.ends_with(['.', '?', '!', '…'])
}

fn is_ellipsis_end(word: &str) -> bool {
    word.ends_with("...") || word.ends_with('…')
}

/// After an abbreviation or initial: does `next_word` look like the first word of a sentence?
fn starts_like_a_new_sentence(abbreviation: &str, next_word: &str) -> bool {
    let stripped = next_word.trim_start_matches(is_opening_character);
    let bare = stripped.trim_end_matches(|character: char| !character.is_alphanumeric());
    let is_single_letter_initial = abbreviation.chars().filter(|character| character.is_alphabetic()).count() == 1;
    // "Plan B. A week later" is rare next to "John A. Smith", so after an initial the single
    // letters "A" and "I" do not start a sentence.
    if is_single_letter_initial && bare.chars().count() == 1 {
        return false;
    }
    // An opening quote after an abbreviation ("the U.S. \"We ...") starts a new sentence.
    let opens_a_quote = stripped.len() < next_word.len() && !is_single_letter_initial;
    opens_a_quote || is_common_sentence_starter(bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let spans = RuleSentenceSplitter.split(text);
        for span in &spans {
            let slice = &text[span.start..span.end];
            assert!(!slice.is_empty());
            assert_eq!(slice, slice.trim(), "sentence has outer whitespace: {slice:?}");
        }
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start, "overlapping sentences {pair:?}");
        }
        spans.iter().map(|span| &text[span.start..span.end]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("The army moved north. Rebels fled the town! Was anyone hurt? Nobody knows."),
            vec!["The army moved north.", "Rebels fled the town!", "Was anyone hurt?", "Nobody knows."]
        );
    }

    #[test]
    fn blank_line_always_ends_a_sentence() {
        assert_eq!(
            sentences("  Talks collapse in Geneva\n\nDelegates left early.\n \n Fighting resumed  "),
            vec!["Talks collapse in Geneva", "Delegates left early.", "Fighting resumed"]
        );
    }

    #[test]
    fn single_newline_inside_a_paragraph_does_not_split() {
        assert_eq!(
            sentences("The minister said\nthe border was closed."),
            vec!["The minister said\nthe border was closed."]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sentences("Gen. Mark Milley met Sen. John Reed and Dr. Ana Diaz. Mr. Diaz left."),
            vec!["Gen. Mark Milley met Sen. John Reed and Dr. Ana Diaz.", "Mr. Diaz left."]
        );
    }

    #[test]
    fn acronyms_inside_a_sentence_do_not_split() {
        assert_eq!(
            sentences("U.S. and U.N. officials met in Washington, D.C. on Monday."),
            vec!["U.S. and U.N. officials met in Washington, D.C. on Monday."]
        );
        assert_eq!(sentences("The U.S. Secretary of State arrived."), vec!["The U.S. Secretary of State arrived."]);
    }

    #[test]
    fn acronym_before_a_sentence_starter_ends_the_sentence() {
        assert_eq!(
            sentences("Troops withdrew from the U.S. The base closed. Officials came from the U.S."),
            vec!["Troops withdrew from the U.S.", "The base closed.", "Officials came from the U.S."]
        );
        assert_eq!(sentences("U.S. officials said."), vec!["U.S. officials said."]);
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            sentences("Vladimir V. Putin praised J. R. R. Tolkien. George W. Bush did not."),
            vec!["Vladimir V. Putin praised J. R. R. Tolkien.", "George W. Bush did not."]
        );
    }

    #[test]
    fn months_and_company_abbreviations() {
        assert_eq!(
            sentences("On Jan. 5 the firm, Acme Corp., sued Widget Inc. in Sept. 2020. It lost."),
            vec!["On Jan. 5 the firm, Acme Corp., sued Widget Inc. in Sept. 2020.", "It lost."]
        );
        assert_eq!(
            sentences("The deal closed in Feb. The shares rose."),
            vec!["The deal closed in Feb.", "The shares rose."]
        );
    }

    #[test]
    fn example_markers_and_numbers() {
        assert_eq!(
            sentences("Some states, e.g. Texas, and others, i.e. Ohio, voted. Room No. 10 was empty."),
            vec!["Some states, e.g. Texas, and others, i.e. Ohio, voted.", "Room No. 10 was empty."]
        );
        assert_eq!(
            sentences("Growth slowed to 3.5 percent. Exports fell by $1.2 billion. Gold rose 2."),
            vec!["Growth slowed to 3.5 percent.", "Exports fell by $1.2 billion.", "Gold rose 2."]
        );
    }

    #[test]
    fn lower_case_after_a_period_continues_the_sentence() {
        assert_eq!(sentences("Prices rose approx. ten percent."), vec!["Prices rose approx. ten percent."]);
    }

    #[test]
    fn quotes_close_the_sentence_they_end() {
        assert_eq!(
            sentences("\"The situation will worsen.\" He said nothing else."),
            vec!["\"The situation will worsen.\"", "He said nothing else."]
        );
        assert_eq!(sentences("\"Yes,\" he said. \"No.\""), vec!["\"Yes,\" he said.", "\"No.\""]);
        assert_eq!(
            sentences("“Will they attack?” she asked. “Never!” He laughed."),
            vec!["“Will they attack?” she asked.", "“Never!”", "He laughed."]
        );
    }

    #[test]
    fn quote_opening_the_next_sentence_splits() {
        assert_eq!(
            sentences("The talks failed. \"We are leaving,\" the envoy said."),
            vec!["The talks failed.", "\"We are leaving,\" the envoy said."]
        );
    }

    #[test]
    fn ellipses_split_only_before_a_capital() {
        assert_eq!(
            sentences("He paused... and then went on. We waited… Nothing came."),
            vec!["He paused... and then went on.", "We waited…", "Nothing came."]
        );
    }

    #[test]
    fn parentheses_and_dashes() {
        assert_eq!(
            sentences("The vote passed (barely.) Critics were furious - and said so. (The count was close.) Done."),
            vec!["The vote passed (barely.)", "Critics were furious - and said so.", "(The count was close.)", "Done."]
        );
    }

    #[test]
    fn keeps_multibyte_text_on_char_boundaries() {
        assert_eq!(
            sentences("Erdoğan met Łukaszenka in Kyiv. Both left — quickly."),
            vec!["Erdoğan met Łukaszenka in Kyiv.", "Both left — quickly."]
        );
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n \t").is_empty());
    }
}
