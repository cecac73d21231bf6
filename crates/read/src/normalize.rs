//! Text normalisation shared by every reader.
//!
//! Invariant of every body this crate builds: paragraphs separated by exactly "\n\n", no
//! other newlines, no leading or trailing whitespace, runs of spaces and tabs inside a
//! paragraph collapsed to one space. Later stages compute byte spans into that body, so it
//! must be built once, here, and never rewritten.

use regex::Regex;
use std::sync::LazyLock;

/// CRLF and lone CR become LF; a leading byte-order mark is dropped.
pub fn normalise_line_endings(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Collapses every run of whitespace (including newlines) to one space and trims the ends:
/// the lines of one paragraph joined with spaces.
pub fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

/// Splits line-normalised text into paragraphs at blank (whitespace-only) lines; each
/// paragraph has its hard-wrapped lines joined with single spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut result = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            push_paragraph(&mut result, &mut current);
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    push_paragraph(&mut result, &mut current);
    result
}

fn push_paragraph(paragraphs: &mut Vec<String>, current: &mut String) {
    let paragraph = collapse_whitespace(current);
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    current.clear();
}

/// Joins paragraphs into a body with the "\n\n" separator, skipping empty ones.
pub fn join_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> String {
    let kept: Vec<&str> =
        paragraphs.iter().map(AsRef::as_ref).map(str::trim).filter(|paragraph| !paragraph.is_empty()).collect();
    kept.join("\n\n")
}

static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\(?\s*(?:
            (?:additional\s+)?(?:reporting|writing|editing|compiled|translated|research|photos?)\s+by\b
          | [^.!?]{1,120}\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))
          | (?:this\s+(?:story|article|report)\s+(?:was|has\s+been)\s+(?:updated|corrected|edited))
        )",
    )
    .expect("credit line pattern is valid")
});

/// True for a short paragraph that credits reporters or agencies rather than reporting
/// news: "AFP contributed reporting.", "(Reporting by Jane Doe; Editing by John Roe)".
pub fn is_credit_line(paragraph: &str) -> bool {
    paragraph.len() <= 400 && CREDIT_LINE.is_match(paragraph.trim())
}

/// A credit line without its wrapping parentheses and surrounding space.
pub fn clean_credit(paragraph: &str) -> String {
    let trimmed = paragraph.trim();
    let unwrapped = trimmed.strip_prefix('(').and_then(|inner| inner.strip_suffix(')')).unwrap_or(trimmed);
    collapse_whitespace(unwrapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(normalise_line_endings("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn wrapped_lines_join_and_blank_lines_separate() {
        let text = "  First line\nwrapped\there.\n \n\n\nSecond   paragraph.\n";
        assert_eq!(paragraphs(text), vec!["First line wrapped here.", "Second paragraph."]);
        assert_eq!(join_paragraphs(&paragraphs(text)), "First line wrapped here.\n\nSecond paragraph.");
    }

    #[test]
    fn credit_lines_are_recognised_and_news_is_not() {
        for credit in [
            "AFP contributed reporting.",
            "(Reporting by Jane Doe in Ankara; Editing by John Roe)",
            "Additional reporting by Omar Haddad",
            "The Associated Press contributed to this report.",
        ] {
            assert!(is_credit_line(credit), "{credit}");
        }
        for news in [
            "Police said the man was detained after reporting by local media.",
            "Turkey has launched a string of offensives in Syria since 2016.",
        ] {
            assert!(!is_credit_line(news), "{news}");
        }
        assert_eq!(clean_credit(" (Reporting by Jane Doe) "), "Reporting by Jane Doe");
    }
}
