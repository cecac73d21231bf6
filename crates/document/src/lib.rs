//! The document every dyad stage passes along, and the byte spans that point into it.
//!
//! Invariant: every [`Span`] anywhere in dyad indexes [`Document::body`], in bytes, on
//! `char` boundaries. Readers build the body once; later stages never rewrite it, they
//! only point into it. That is what lets a user slice the original text for any event.

mod date;
mod span;

pub use date::{DateParseError, DatePrecision, PartialDate};
pub use span::Span;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One news report: the text to code and what is known about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: given by the input (JSONL `id`) or derived from the body's content.
    pub id: String,
    pub metadata: Metadata,
    /// The text to code: paragraphs separated by a blank line ("\n\n"), with captions,
    /// credit lines, related-article boxes and markup left out by the reader.
    pub body: String,
}

/// What the reader learned about a document besides its body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publication date, as precise as the input gave it.
    pub published: Option<PartialDate>,
    /// Author or byline ("By Jane Doe").
    pub byline: Option<String>,
    /// Lines crediting agencies or photographers ("AFP contributed reporting."), kept out of the body.
    pub credits: Vec<String>,
    /// Image captions, kept out of the body so no event is coded from them.
    pub captions: Vec<String>,
    /// BCP-47 language code where known ("en").
    pub language: Option<String>,
    /// Where the document came from: a file path, "stdin", or a path with a line number.
    pub source: String,
    /// Place named in a dateline ("MOSCOW, July 25 (Reuters) -"), if any.
    pub dateline_place: Option<String>,
}

impl Document {
    /// A document whose id is derived from its body, so the same text always gets the same id.
    pub fn from_body(body: String, metadata: Metadata) -> Document {
        let id = content_id(&body);
        Document { id, metadata, body }
    }

    /// The text a span covers. Panics if the span does not index this body, which would be
    /// a bug in the stage that made it.
    pub fn text(&self, span: Span) -> &str {
        &self.body[span.start..span.end]
    }
}

/// A short, stable id for a text: the first 16 hex digits of its SHA-256.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_body_gives_same_id_and_different_body_a_different_one() {
        let first = Document::from_body("Putin met Assad.".into(), Metadata::default());
        let again = Document::from_body("Putin met Assad.".into(), Metadata::default());
        let other = Document::from_body("Erdogan met Assad.".into(), Metadata::default());
        assert_eq!(first.id, again.id);
        assert_ne!(first.id, other.id);
        assert_eq!(first.id.len(), 16);
    }
}
