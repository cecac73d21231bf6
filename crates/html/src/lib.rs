//! HTML, WARC and feed readers: turn saved news pages, web archives and RSS/Atom feeds into
//! [`Document`]s.
//!
//! Invariants:
//! - Nothing here panics on user input: malformed HTML, wrong charset declarations, binary
//!   junk and truncated archives give an [`HtmlError`] or a best-effort result.
//! - A [`Document`] body built here is the article's paragraphs joined by `"\n\n"`, with
//!   captions, credits, share prompts and related-story boxes left out.
//! - Dates come only from sources that label them as publication dates (structured data,
//!   meta tags, script data keys, URL paths, WARC-Date), from a standalone date line printed
//!   by the headline, or from a date line the page labels "Published" / "Updated" elsewhere;
//!   never from a sentence of text: a page that states none gets none.

mod article;
mod charset;
mod content_types;
mod dates;
pub mod evaluation;
mod feed;
mod language;
mod markup;
mod metadata;
mod page_dates;
mod text;
mod text_blocks;
mod warc;

pub use article::{Article, article_to_document, extract_article};
pub use charset::decode_html;
pub use content_types::{ContentTypeCounts, MAX_DISTINCT_CONTENT_TYPES, OTHER_CONTENT_TYPES, media_type_key};
pub use dates::parse_date;
pub use feed::read_feed;
pub use language::detect_language;
pub use warc::{MAX_HTML_BLOCK_BYTES, WarcReader, WarcStats};

/// Why a page, archive record or feed could not be read. Every variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("the page {source_name} is empty (no markup or text)")]
    EmptyPage { source_name: String },
    #[error("no article text found in {source_name}")]
    NoArticleText { source_name: String },
    #[error("article extraction failed for {source_name}: {message}")]
    Extraction { source_name: String, message: String },
    #[error("WARC record at byte offset {offset} (record id {record_id}) is malformed: {message}")]
    MalformedWarcRecord { offset: u64, record_id: String, message: String },
    #[error("reading {source_name} failed: {source}")]
    Io {
        source_name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the feed {source_name} is not valid RSS or Atom: {message}")]
    MalformedFeed { source_name: String, message: String },
    #[error("the evaluation data in {path} is malformed: {message}")]
    EvaluationData { path: String, message: String },
}
