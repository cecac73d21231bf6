//! Plain-text articles (and the `text` of JSON Lines records).
//!
//! The body is the text with line endings normalised, hard-wrapped lines joined, and
//! paragraphs separated by "\n\n". Three things are moved out of the body into metadata:
//! a date line at the very start, as scraped pages keep it ("Wed, 14 Mar 2018 14:33 GMT"
//! on a line of its own, or "date 2021-02-02" before the first sentence); a dateline
//! ("MOSCOW, July 25 (Reuters) -", see `crate::dateline`); and credit paragraphs at the very
//! end ("(Reporting by ...; Editing by ...)"). A date line's date becomes `published` only
//! when the metadata had none: the reader's own fields are better evidence.

use crate::dateline::find_dateline;
use crate::dates::{labelled_date_prefix, parse_date_line, strip_date_label};
use crate::error::ReadError;
use crate::normalize::{clean_credit, is_credit_line, join_paragraphs, normalise_line_endings, paragraphs};
use dyad_document::{Document, Metadata};

/// Reads one plain-text article; `source` names it in `Metadata::source` and in errors.
pub fn parse_article(text: &str, source: &str) -> Result<Document, ReadError> {
    let metadata = Metadata { source: source.to_string(), ..Metadata::default() };
    parse_with_metadata(text, metadata)
}

/// Reads a plain-text body into a document whose other metadata is already known (the
/// JSON Lines reader passes title, url and date here). Known metadata wins over what the
/// text suggests, except that a dateline may make a year-only date more precise.
pub fn parse_with_metadata(text: &str, mut metadata: Metadata) -> Result<Document, ReadError> {
    let text = normalise_line_endings(text);
    let text = without_leading_date_line(&text, &mut metadata);
    let mut body_paragraphs = paragraphs(text);
    move_trailing_credits(&mut body_paragraphs, &mut metadata.credits);
    apply_labelled_date(&mut body_paragraphs, &mut metadata);
    apply_dateline(&mut body_paragraphs, &mut metadata);
    let body = join_paragraphs(&body_paragraphs);
    if body.is_empty() {
        return Err(ReadError::Empty { input: metadata.source });
    }
    Ok(Document::from_body(body, metadata))
}

/// The text without its first line when that line is only a date ("Wed, 14 Mar 2018
/// 14:33:14 GMT", "Published: 29 March, 2017") and text follows it.
fn without_leading_date_line<'t>(text: &'t str, metadata: &mut Metadata) -> &'t str {
    let trimmed = text.trim_start();
    let Some((first_line, rest)) = trimmed.split_once('\n') else {
        return text;
    };
    match parse_date_line(strip_date_label(first_line.trim())) {
        Some(date) if !rest.trim().is_empty() => {
            metadata.published.get_or_insert(date);
            rest
        }
        _ => text,
    }
}

/// Strips a labelled date from the start of the first paragraph ("date 2021-02-02 Troops
/// seized ...").
fn apply_labelled_date(body_paragraphs: &mut [String], metadata: &mut Metadata) {
    let Some(first) = body_paragraphs.first_mut() else {
        return;
    };
    let Some((date, length)) = labelled_date_prefix(first) else {
        return;
    };
    if first[length..].trim().is_empty() {
        return;
    }
    metadata.published.get_or_insert(date);
    *first = first[length..].trim_start().to_string();
}

/// Moves credit paragraphs at the end of the story into `credits`, in their original order.
pub(crate) fn move_trailing_credits(body_paragraphs: &mut Vec<String>, credits: &mut Vec<String>) {
    let mut trailing = Vec::new();
    // Keep at least one paragraph: a "story" that is only a credit line is left as text
    // so the empty-document check does not hide what the file held.
    while body_paragraphs.len() > 1 && body_paragraphs.last().is_some_and(|last| is_credit_line(last)) {
        if let Some(credit) = body_paragraphs.pop() {
            trailing.push(clean_credit(&credit));
        }
    }
    trailing.reverse();
    credits.extend(trailing);
}

/// Strips a dateline from the first paragraph into `dateline_place` (and `published`).
pub(crate) fn apply_dateline(body_paragraphs: &mut [String], metadata: &mut Metadata) {
    let Some(first) = body_paragraphs.first_mut() else {
        return;
    };
    let Some(dateline) = find_dateline(first) else {
        return;
    };
    metadata.published = dateline.refine_published(metadata.published);
    metadata.dateline_place = Some(dateline.place.clone());
    *first = first[dateline.length..].trim_start().to_string();
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_document::PartialDate;

    const WIRE_STORY: &str = "ANKARA, March 4 (Reuters) - Turkish police detained a man\r\non Monday \
        over a bomb plot,\r\nthe interior ministry said.\r\n\r\n\r\n  \"We acted on a tip,\" \
        Interior Minister Ali Yerlikaya told reporters.  \r\n\r\n(Reporting by Jane Doe; Editing by John Roe)\r\n";

    #[test]
    fn joins_lines_strips_dateline_and_moves_credits() {
        let document = parse_article(WIRE_STORY, "wire/ankara.txt").unwrap();
        assert_eq!(
            document.body,
            "Turkish police detained a man on Monday over a bomb plot, the interior ministry said.\n\n\
             \"We acted on a tip,\" Interior Minister Ali Yerlikaya told reporters."
        );
        assert_eq!(document.metadata.dateline_place.as_deref(), Some("ANKARA"));
        assert_eq!(document.metadata.published, None, "no year anywhere, so no date");
        assert_eq!(document.metadata.credits, vec!["Reporting by Jane Doe; Editing by John Roe"]);
        assert_eq!(document.metadata.source, "wire/ankara.txt");
    }

    #[test]
    fn same_text_gets_same_id_whatever_the_line_endings() {
        let unix = parse_article(&WIRE_STORY.replace("\r\n", "\n"), "a").unwrap();
        let windows = parse_article(WIRE_STORY, "b").unwrap();
        assert_eq!(unix.id, windows.id);
        assert_eq!(unix.id, dyad_document::content_id(&unix.body));
    }

    #[test]
    fn dateline_with_year_sets_published() {
        let document = parse_article("GENEVA, March 3, 2023 (Reuters) - Envoys met.", "x").unwrap();
        assert_eq!(document.metadata.published, Some(PartialDate::day(2023, 3, 3)));
        assert_eq!(document.body, "Envoys met.");
    }

    #[test]
    fn a_leading_date_line_is_metadata_not_prose() {
        let document = parse_article("Wed, 14 Mar 2018 14:33:14 GMT\nBritain expelled 23 diplomats.", "x").unwrap();
        assert_eq!(document.body, "Britain expelled 23 diplomats.");
        assert_eq!(document.metadata.published, Some(PartialDate::day(2018, 3, 14)));
        let document = parse_article(" date 2021-02-02 Troops seized power on Monday.", "y").unwrap();
        assert_eq!(document.body, "Troops seized power on Monday.");
        assert_eq!(document.metadata.published, Some(PartialDate::day(2021, 2, 2)));
    }

    #[test]
    fn known_publication_date_wins_over_a_date_line() {
        let metadata = Metadata { published: Some(PartialDate::day(2021, 2, 3)), ..Metadata::default() };
        let document = parse_with_metadata("date 2021-02-02 Troops seized power.", metadata).unwrap();
        assert_eq!(document.body, "Troops seized power.");
        assert_eq!(document.metadata.published, Some(PartialDate::day(2021, 2, 3)));
    }

    #[test]
    fn a_text_that_is_only_a_date_is_kept() {
        let document = parse_article("July 25, 2024\n", "z").unwrap();
        assert_eq!(document.body, "July 25, 2024");
    }

    #[test]
    fn whitespace_only_is_empty() {
        let error = parse_article(" \r\n\t\n", "blank.txt").unwrap_err();
        assert_eq!(error.to_string(), "blank.txt: empty document");
    }
}
