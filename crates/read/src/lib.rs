//! Readers: plain text, markdown, JSON Lines, web pages, WARC archives, feeds, directories
//! and stdin into [`Document`]s.
//!
//! Entry points: [`read_paths`] (files and directories), [`read_stdin`], [`read_reader`]
//! (any byte stream) and [`read_str`] (text already in memory). Each yields one
//! `Result<Document, ReadError>` per document or per bad input, lazily; a stream also counts
//! what it read in a [`ReadStats`] ([`DocumentStream::stats`]): documents, errors, and for
//! WARC archives the records read and why each skipped one was skipped.
//!
//! Invariants every reader keeps:
//! - bad input never panics and never stops the run: it becomes one [`ReadError`] whose
//!   message starts with the input it is about, and the stream goes on;
//! - bodies are plain text, paragraphs separated by exactly "\n\n" (see `normalize`);
//!   captions, credits, datelines, related-article lines and markup are kept out of them;
//! - `Metadata::source` is the path (with `:line` for JSON Lines) or "stdin";
//! - `Metadata::language` is the language the input declared, else the one detected from
//!   the body (`None` when the body is too short to tell); no document is dropped for its
//!   language;
//! - `Document::id` is the JSON Lines `id` when given, else `content_id` of the body, so the
//!   same text read twice gets the same id;
//! - memory is bounded by `max_document_bytes` per document, not by the size of the input.

mod dateline;
pub mod dates;
mod error;
mod format;
mod inline;
pub mod jsonl;
mod language;
pub mod markdown;
mod normalize;
pub mod plain;
mod source;
mod stats;
mod walk;
mod web;

pub use dateline::{Dateline, find_dateline};
pub use error::{ReadError, input_label};
pub use format::{InputFormat, UnknownFormat, format_from_extension, sniff_format};
pub use source::SNIFF_BYTES;
pub use stats::{ReadStats, WarcCounts};

use dyad_document::Document;
use std::io::Read;
use std::path::PathBuf;

/// Largest single document read by default: 10 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;

/// How inputs are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// `Auto` picks the format per input, by extension and then by sniffing.
    pub format: InputFormat,
    /// Largest document (a text or markdown file, or one JSON Lines line) to read; larger
    /// ones become `ReadError::TooLarge`. A JSON Lines file as a whole may be larger.
    pub max_document_bytes: u64,
    /// Decode invalid UTF-8 as U+FFFD instead of refusing the input.
    pub lossy_utf8: bool,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions { format: InputFormat::Auto, max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES, lossy_utf8: false }
    }
}

/// A lazy stream of documents and per-input errors, counting what it reads.
pub struct DocumentStream {
    inner: source::BoxedDocuments,
    stats: stats::StatsRecorder,
}

impl DocumentStream {
    /// What the stream has read so far; after the last item, what all inputs held. Holds
    /// counts only, so it costs the same for ten documents or ten million.
    pub fn stats(&self) -> ReadStats {
        self.stats.snapshot()
    }
}

impl Iterator for DocumentStream {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.inner.next()?;
        self.stats.count_item(&item);
        Some(item)
    }
}

/// Reads files, and directories recursively (sorted, hidden entries skipped), one file
/// at a time.
pub fn read_paths(paths: &[PathBuf], options: &ReadOptions) -> DocumentStream {
    let options = options.clone();
    let stats = stats::StatsRecorder::default();
    let file_stats = stats.clone();
    let documents = walk::PathWalker::new(paths).flat_map(move |entry| match entry {
        Ok(path) => source::documents_from_file(&path, &options, &file_stats),
        Err(error) => Box::new(std::iter::once(Err(error))),
    });
    DocumentStream { inner: Box::new(documents), stats }
}

/// Reads standard input; with `InputFormat::Auto` the format is sniffed. JSON Lines is
/// streamed; a single text or markdown document is read up to the size limit.
pub fn read_stdin(options: &ReadOptions) -> DocumentStream {
    read_reader(std::io::stdin(), "stdin", options)
}

/// Reads any byte stream; `source` names it in metadata and errors.
pub fn read_reader(reader: impl Read + Send + 'static, source: &str, options: &ReadOptions) -> DocumentStream {
    let stats = stats::StatsRecorder::default();
    let documents = source::documents_from_reader(
        Box::new(reader),
        source.to_string(),
        source::FormatChoice::from_option(options.format),
        None,
        options,
        &stats,
    );
    DocumentStream { inner: documents, stats }
}

/// Reads text already in memory, with the default limits.
pub fn read_str(text: &str, format: InputFormat, source: &str) -> Vec<Result<Document, ReadError>> {
    let options = ReadOptions { format, ..ReadOptions::default() };
    let bytes = std::io::Cursor::new(text.as_bytes().to_vec());
    source::documents_from_reader(
        Box::new(bytes),
        source.to_string(),
        source::FormatChoice::from_option(format),
        Some(text.len() as u64),
        &options,
        &stats::StatsRecorder::default(),
    )
    .collect()
}

#[cfg(test)]
mod tests;
