//! Plain-text articles (and the `text` of JSON Lines records).
//!
//! The body is the text with line endings normalised, hard-wrapped lines joined, and
//! paragraphs separated by "\n\n". Two things are moved out of the body into metadata:
//! a dateline at the very start ("MOSCOW, July 25 (Reuters) -", see `crate::dateline`)
//! and credit paragraphs at the very end ("(Reporting by ...; Editing by ...)").

use crate::dateline::find_dateline;
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
    let mut body_paragraphs = paragraphs(&normalise_line_endings(text));
    move_trailing_credits(&mut body_paragraphs, &mut metadata.credits);
    apply_dateline(&mut body_paragraphs, &mut metadata);
    let body = join_paragraphs(&body_paragraphs);
    if body.is_empty() {
        return Err(ReadError::Empty { input: metadata.source });
    }
    Ok(Document::from_body(body, metadata))
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
    fn whitespace_only_is_empty() {
        let error = parse_article(" \r\n\t\n", "blank.txt").unwrap_err();
        assert_eq!(error.to_string(), "blank.txt: empty document");
    }
}
