//! A small tokenizer made for the time scanner: runs of letters, runs of ASCII digits, and
//! every other non-space character on its own.
//!
//! Invariant: every token's `start..end` indexes the text the tokens were cut from, on char
//! boundaries, and tokens come in text order without overlap. `glued` records whether a
//! token touches the one before it (no whitespace between), which is how the scanner tells
//! "2015-strong" or "4,000" from a year standing on its own.

use dyad_document::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'t> {
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// True when no whitespace separates this token from the previous one.
    pub glued: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    pub fn is_punct(&self, punct: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == punct
    }

    /// Case-insensitive comparison with a lowercase ASCII word.
    pub fn is(&self, lowercase_word: &str) -> bool {
        self.kind == TokenKind::Word && self.text.eq_ignore_ascii_case(lowercase_word)
    }

    pub fn is_any(&self, lowercase_words: &[&str]) -> bool {
        self.kind == TokenKind::Word && lowercase_words.iter().any(|word| self.text.eq_ignore_ascii_case(word))
    }

    /// Month and weekday names are proper nouns: the modal "may" and the noun "march" are not.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Apostrophes, straight or curly, both mark a possessive.
    pub fn is_apostrophe(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "'" | "\u{2019}")
    }

    /// The token read as a number, if it is one of at most four digits.
    pub fn number_value(&self) -> Option<u32> {
        if self.kind == TokenKind::Number && self.text.len() <= 4 { self.text.parse().ok() } else { None }
    }
}

/// Cuts `text[region]` into tokens whose offsets index `text`. A region that does not lie
/// within `text` on char boundaries yields no tokens rather than a panic.
pub(crate) fn tokenize(text: &str, region: Span) -> Vec<Token<'_>> {
    let Some(slice) = text.get(region.start..region.end) else {
        return Vec::new();
    };
    let mut tokens = Vec::with_capacity(slice.len() / 4 + 1);
    let mut chars = slice.char_indices().peekable();
    let mut previous_end: Option<usize> = None;
    while let Some((offset, character)) = chars.next() {
        if character.is_whitespace() {
            continue;
        }
        let kind = if character.is_alphabetic() {
            TokenKind::Word
        } else if character.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        let mut end = offset + character.len_utf8();
        if kind != TokenKind::Punct {
            while let Some(&(next_offset, next_character)) = chars.peek() {
                let same_kind = match kind {
                    TokenKind::Word => next_character.is_alphabetic(),
                    _ => next_character.is_ascii_digit(),
                };
                if !same_kind {
                    break;
                }
                end = next_offset + next_character.len_utf8();
                chars.next();
            }
        }
        tokens.push(Token {
            text: &slice[offset..end],
            start: region.start + offset,
            end: region.start + end,
            kind,
            glued: previous_end == Some(offset),
        });
        previous_end = Some(end);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation_with_glue() {
        let text = "a 4,000-strong force in Kyiv\u{2019}s mid-2015";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let texts: Vec<&str> = tokens.iter().map(|token| token.text).collect();
        assert_eq!(
            texts,
            ["a", "4", ",", "000", "-", "strong", "force", "in", "Kyiv", "\u{2019}", "s", "mid", "-", "2015"]
        );
        let glued: Vec<bool> = tokens.iter().map(|token| token.glued).collect();
        assert_eq!(glued, [false, false, true, true, true, true, false, false, false, true, true, false, true, true]);
        for token in &tokens {
            assert_eq!(&text[token.start..token.end], token.text);
        }
    }

    #[test]
    fn offsets_are_absolute_and_bad_regions_give_nothing() {
        let text = "Zürich, 2015";
        let tokens = tokenize(text, Span::new(9, text.len()));
        assert_eq!(tokens[0].text, "2015");
        assert_eq!(tokens[0].start, 9);
        // Byte 2 falls inside "ü": not a char boundary.
        assert!(tokenize(text, Span::new(2, 5)).is_empty());
        assert!(tokenize(text, Span::new(0, 99)).is_empty());
    }
}
