//! Tokenization in the Penn Treebank style that GUM uses.
//!
//! Invariants: tokens are spans into the text given to [`Tokenizer::tokenize`], inside the
//! region asked for, on `char` boundaries, in order, non-empty, never overlapping and never
//! containing whitespace. Concatenating the tokens and the whitespace between them gives the
//! region back: nothing is dropped but whitespace.
//!
//! Punctuation is split off ("talks." → talks .), as are the clitics 's 're 've 'll 'd 'm and
//! n't ("didn't" → did n't); abbreviations, initials, decimals ("3.5"), numbers with commas
//! ("1,200"), hyphenated words ("al-Assad") and URLs or e-mail addresses stay whole.

use crate::abbreviations::keeps_its_period;
use crate::split::words_in;
use dyad_document::Span;

/// Cuts a region of a text into tokens.
pub trait Tokenizer {
    /// The tokens of `text[region]`, as spans into `text`.
    fn tokenize(&self, text: &str, region: Span) -> Vec<Span>;
}

/// The default rule-based Penn-style tokenizer.
#[derive(Clone, Copy, Debug, Default)]
pub struct PennTokenizer;

impl Tokenizer for PennTokenizer {
    fn tokenize(&self, text: &str, region: Span) -> Vec<Span> {
        let words = words_in(text, region);
        let mut tokens = Vec::with_capacity(words.len() + words.len() / 4);
        for (index, word) in words.iter().enumerate() {
            let next_word = words.get(index + 1).map(|next| &text[next.start..next.end]);
            tokenize_word(text, *word, next_word, &mut tokens);
        }
        tokens
    }
}

/// Clitics split off the end of a word, written with a straight apostrophe; the curly
/// apostrophe ’ is accepted in their place.
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Most quotes, apostrophes and periods peeled off the end of one piece of a word.
const MAX_TRAILING_MARKS: usize = 6;

/// Splits one whitespace-free word at punctuation that always stands alone, then hands each
/// piece to [`tokenize_piece`].
fn tokenize_word(text: &str, word: Span, next_word: Option<&str>, tokens: &mut Vec<Span>) {
    if let Some(address) = address_inside(text, word) {
        split_around_address(text, word, address, next_word, tokens);
        return;
    }
    let word_text = &text[word.start..word.end];
    let mut piece_start = word.start;
    let mut offset = 0;
    while offset < word_text.len() {
        let position = word.start + offset;
        match separator_length(word_text, offset) {
            Some(length) => {
                if piece_start < position {
                    tokenize_piece(text, Span::new(piece_start, position), Some(&word_text[offset..]), tokens);
                }
                tokens.push(Span::new(position, position + length));
                offset += length;
                piece_start = word.start + offset;
            }
            None => offset += char_length_at(word_text, offset),
        }
    }
    if piece_start < word.end {
        tokenize_piece(text, Span::new(piece_start, word.end), next_word, tokens);
    }
}

fn char_length_at(text: &str, offset: usize) -> usize {
    text[offset..].chars().next().map_or(1, char::len_utf8)
}

/// Length of the punctuation token starting at `offset` in `word`, if one starts there.
fn separator_length(word: &str, offset: usize) -> Option<usize> {
    let rest = &word[offset..];
    let character = rest.chars().next()?;
    let previous = word[..offset].chars().next_back();
    let following = rest[character.len_utf8()..].chars().next();
    let between_digits = previous.is_some_and(|c| c.is_ascii_digit()) && following.is_some_and(|c| c.is_ascii_digit());
    match character {
        // Runs of the same mark are one token: "--", "...", "``", "?!" is two.
        '-' | '.' | '`' => {
            let run = rest.bytes().take_while(|byte| *byte == character as u8).count();
            let is_separator = match character {
                '-' => run >= 2,
                '.' => run >= 2,
                _ => true,
            };
            is_separator.then_some(run)
        }
        ',' | ':' if between_digits => None,
        ',' | ';' | ':' | '?' | '!' | '"' | '(' | ')' | '[' | ']' | '{' | '}' | '“' | '”' | '‘' | '«' | '»' | '—'
        | '―' | '…' | '%' | '$' | '€' | '£' | '¥' | '¿' | '¡' | '<' | '>' | '*' | '|' => {
            Some(character.len_utf8())
        }
        '–' if !between_digits => Some(character.len_utf8()),
        _ => None,
    }
}

/// Tokenizes a piece of a word holding no separator: peels quotes and apostrophes, a final
/// period that is not part of an abbreviation, and clitics.
fn tokenize_piece(text: &str, piece: Span, next_text: Option<&str>, tokens: &mut Vec<Span>) {
    let mut start = piece.start;
    let mut end = piece.end;
    // A leading apostrophe is an opening quote unless it begins a clitic ("'s" written apart
    // from its word) or an abbreviated year ("'90s").
    while start < end {
        let rest = &text[start..end];
        let Some(apostrophe_length) = leading_apostrophe_length(rest) else {
            break;
        };
        let after = &rest[apostrophe_length..];
        if is_clitic(rest) || after.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        tokens.push(Span::new(start, start + apostrophe_length));
        start += apostrophe_length;
    }
    // Marks peeled off the end, last first; a fixed array since there are rarely more than
    // two ("soldiers'." has two) and tokenizing must not allocate per word.
    let mut trailing = [Span::default(); MAX_TRAILING_MARKS];
    let mut trailing_count = 0;
    while start < end && trailing_count < MAX_TRAILING_MARKS {
        let rest = &text[start..end];
        if let Some(before) = rest.strip_suffix("''").filter(|before| !before.is_empty()) {
            // Two apostrophes are the treebank's closing double quote.
            trailing[trailing_count] = Span::new(start + before.len(), end);
            trailing_count += 1;
            end = start + before.len();
        } else if let Some(apostrophe) = rest.strip_suffix(['\'', '’']).filter(|before| !before.is_empty()) {
            // Closing quote or the possessive of a plural ("soldiers'"): a token either way.
            let apostrophe_start = start + apostrophe.len();
            trailing[trailing_count] = Span::new(apostrophe_start, end);
            trailing_count += 1;
            end = apostrophe_start;
        } else if rest.len() > 1 && rest.ends_with('.') && !keeps_its_period(rest, next_text) {
            trailing[trailing_count] = Span::new(end - 1, end);
            trailing_count += 1;
            end -= 1;
        } else {
            break;
        }
    }
    if start < end {
        split_clitics(text, Span::new(start, end), tokens);
    }
    tokens.extend(trailing[..trailing_count].iter().rev());
}

fn leading_apostrophe_length(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    matches!(first, '\'' | '’').then_some(first.len_utf8())
}

/// True when `text` is exactly a clitic, with either apostrophe ("'s", "’ll", "n't").
fn is_clitic(text: &str) -> bool {
    clitic_suffix_length(text) == Some(text.len())
}

/// Byte length of the clitic that `text` ends with, if any.
fn clitic_suffix_length(text: &str) -> Option<usize> {
    let lower_tail = |length: usize| text.len() >= length && text.is_char_boundary(text.len() - length);
    for negation in ["n't", "n’t"] {
        if lower_tail(negation.len()) && text[text.len() - negation.len()..].eq_ignore_ascii_case(negation) {
            return Some(negation.len());
        }
    }
    for clitic in CLITICS {
        for apostrophe in ['\'', '’'] {
            let length = clitic.len() - 1 + apostrophe.len_utf8();
            if !lower_tail(length) {
                continue;
            }
            let tail = &text[text.len() - length..];
            if tail.starts_with(apostrophe) && tail[apostrophe.len_utf8()..].eq_ignore_ascii_case(&clitic[1..]) {
                return Some(length);
            }
        }
    }
    None
}

/// Emits `word`, with a clitic split off its end when a letter or digit comes before it.
fn split_clitics(text: &str, word: Span, tokens: &mut Vec<Span>) {
    let word_text = &text[word.start..word.end];
    let has_apostrophe = word_text.contains(['\'', '’']);
    if let Some(length) = clitic_suffix_length(word_text).filter(|_| has_apostrophe) {
        let stem = &word_text[..word_text.len() - length];
        if stem.chars().next_back().is_some_and(char::is_alphanumeric) {
            tokens.push(Span::new(word.start, word.end - length));
            tokens.push(Span::new(word.end - length, word.end));
            return;
        }
    }
    tokens.push(word);
}

/// The URL or e-mail address inside `word`, without surrounding quotes, brackets and final
/// punctuation, if the word holds one.
fn address_inside(text: &str, word: Span) -> Option<Span> {
    let word_text = &text[word.start..word.end];
    let leading = word_text.len() - word_text.trim_start_matches(is_address_wrapper).len();
    let inner = word_text[leading..].trim_end_matches(|c: char| is_address_wrapper(c) || ".,;:!?".contains(c));
    let is_url = ["http://", "https://", "www.", "ftp://"].iter().any(|prefix| {
        inner.len() > prefix.len() && inner.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    });
    let is_email = inner.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !domain.ends_with('.') && !domain.contains('@')
    });
    (is_url || is_email).then(|| Span::new(word.start + leading, word.start + leading + inner.len()))
}

fn is_address_wrapper(character: char) -> bool {
    matches!(character, '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | ')' | '[' | ']' | '<' | '>' | '«' | '»')
}

fn split_around_address(text: &str, word: Span, address: Span, next_word: Option<&str>, tokens: &mut Vec<Span>) {
    if word.start < address.start {
        tokenize_word(text, Span::new(word.start, address.start), Some(&text[address.start..address.end]), tokens);
    }
    tokens.push(address);
    if address.end < word.end {
        tokenize_word(text, Span::new(address.end, word.end), next_word, tokens);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let spans = PennTokenizer.tokenize(text, Span::new(0, text.len()));
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start, "tokens out of order: {pair:?}");
        }
        let mut rebuilt = String::new();
        for span in &spans {
            let slice = &text[span.start..span.end];
            assert!(!slice.is_empty() && !slice.contains(char::is_whitespace), "bad token {slice:?}");
            rebuilt.push_str(slice);
        }
        let without_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(rebuilt, without_space, "tokens lost text");
        spans.iter().map(|span| &text[span.start..span.end]).collect()
    }

    #[test]
    fn splits_final_punctuation_and_commas() {
        assert_eq!(
            tokens("Rebels attacked, officials said."),
            vec!["Rebels", "attacked", ",", "officials", "said", "."]
        );
        assert_eq!(tokens("Why? Nobody knows!"), vec!["Why", "?", "Nobody", "knows", "!"]);
    }

    #[test]
    fn splits_negation_and_clitics() {
        assert_eq!(tokens("They didn't say it's over."), vec!["They", "did", "n't", "say", "it", "'s", "over", "."]);
        assert_eq!(tokens("We can't and won't."), vec!["We", "ca", "n't", "and", "wo", "n't", "."]);
        assert_eq!(tokens("I’m sure they’ll come."), vec!["I", "’m", "sure", "they", "’ll", "come", "."]);
        assert_eq!(tokens("DON'T"), vec!["DO", "N'T"]);
    }

    #[test]
    fn splits_possessives() {
        assert_eq!(
            tokens("Russia's army and the soldiers' families"),
            vec!["Russia", "'s", "army", "and", "the", "soldiers", "'", "families"]
        );
        assert_eq!(tokens("Assad’s forces"), vec!["Assad", "’s", "forces"]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_numbers() {
        assert_eq!(
            tokens("U.S. Gen. Smith met Vladimir V. Putin at 3.5 p.m. on Jan. 5."),
            vec![
                "U.S.", "Gen.", "Smith", "met", "Vladimir", "V.", "Putin", "at", "3.5", "p.m.", "on", "Jan.", "5", "."
            ]
        );
        assert_eq!(
            tokens("About 1,200 troops, or 3.5%, left."),
            vec!["About", "1,200", "troops", ",", "or", "3.5", "%", ",", "left", "."]
        );
        assert_eq!(tokens("It cost $1.2 billion."), vec!["It", "cost", "$", "1.2", "billion", "."]);
        assert_eq!(tokens("They met at 10:30 in the U.S."), vec!["They", "met", "at", "10:30", "in", "the", "U.S."]);
    }

    #[test]
    fn keeps_hyphenated_words_whole() {
        assert_eq!(tokens("Bashar al-Assad's three-way talks"), vec!["Bashar", "al-Assad", "'s", "three-way", "talks"]);
    }

    #[test]
    fn splits_dashes_and_ellipses() {
        assert_eq!(
            tokens("He left--quickly—and then..."),
            vec!["He", "left", "--", "quickly", "—", "and", "then", "..."]
        );
        assert_eq!(tokens("Wait… what"), vec!["Wait", "…", "what"]);
    }

    #[test]
    fn quotes_are_tokens() {
        assert_eq!(tokens("\"Yes,\" he said."), vec!["\"", "Yes", ",", "\"", "he", "said", "."]);
        assert_eq!(tokens("“It will worsen.”"), vec!["“", "It", "will", "worsen", ".", "”"]);
        assert_eq!(tokens("'courageous achievement'"), vec!["'", "courageous", "achievement", "'"]);
        assert_eq!(tokens("``Hello''"), vec!["``", "Hello", "''"]);
        assert_eq!(tokens("the '90s"), vec!["the", "'90s"]);
    }

    #[test]
    fn brackets_are_tokens() {
        assert_eq!(tokens("(AFP) [sic]"), vec!["(", "AFP", ")", "[", "sic", "]"]);
    }

    #[test]
    fn urls_and_emails_stay_whole() {
        assert_eq!(
            tokens("See https://example.org/a?b=1, or (mail press@un.org)."),
            vec!["See", "https://example.org/a?b=1", ",", "or", "(", "mail", "press@un.org", ")", "."]
        );
        assert_eq!(tokens("Visit www.un.org."), vec!["Visit", "www.un.org", "."]);
    }

    #[test]
    fn tokenizes_only_the_region_asked_for() {
        let text = "First one. Second one.";
        let spans = PennTokenizer.tokenize(text, Span::new(11, text.len()));
        let words: Vec<&str> = spans.iter().map(|span| &text[span.start..span.end]).collect();
        assert_eq!(words, vec!["Second", "one", "."]);
    }

    #[test]
    fn keeps_multibyte_words_on_char_boundaries() {
        assert_eq!(tokens("Erdoğan’s “peace” — plan…"), vec!["Erdoğan", "’s", "“", "peace", "”", "—", "plan", "…"]);
    }
}
