//! From bytes to documents: sniffing, the binary check, the size limit, UTF-8 decoding,
//! and the one place where a format is sent to its reader (`dispatch`).
//!
//! Invariants: at most `SNIFF_BYTES` are read before the format is known; a single-document
//! input is never read past `max_document_bytes + 1` bytes, so a huge file or an endless
//! pipe costs bounded memory; JSON Lines inputs are streamed line by line; every document
//! leaves here with its language (declared or detected, see `crate::language`).

use crate::error::{ReadError, input_label};
use crate::format::{InputFormat, format_from_extension, sniff_format};
use crate::jsonl::JsonLinesReader;
use crate::language::with_language;
use crate::stats::StatsRecorder;
use crate::{ReadOptions, markdown, plain, web};
use dyad_document::Document;
use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

/// How many leading bytes are checked for NUL (binary) and used to sniff the format.
pub const SNIFF_BYTES: usize = 8 * 1024;

pub(crate) type BoxedDocuments = Box<dyn Iterator<Item = Result<Document, ReadError>> + Send>;

fn single(result: Result<Document, ReadError>) -> BoxedDocuments {
    Box::new(std::iter::once(result))
}

/// The documents of one file, read lazily; WARC archives report their records to `stats`.
pub(crate) fn documents_from_file(path: &Path, options: &ReadOptions, stats: &StatsRecorder) -> BoxedDocuments {
    let input = input_label(path);
    let format = match options.format {
        // Scrapers save markdown articles as .txt (the seed corpus is such), so a .txt
        // file is sniffed too and read as markdown when it opens with a "# " heading.
        InputFormat::Auto => match format_from_extension(path) {
            Some(InputFormat::Text) => FormatChoice::Sniff { default: InputFormat::Text, markdown_only: true },
            Some(by_extension) => FormatChoice::Known(by_extension),
            None => FormatChoice::Sniff { default: InputFormat::Text, markdown_only: false },
        },
        chosen => FormatChoice::Known(chosen),
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => {
            return single(Err(ReadError::Io { input, action: "open", error }));
        }
    };
    // A regular file's size is known up front, so an oversized one is refused unread.
    let known_size = file.metadata().ok().filter(|metadata| metadata.is_file()).map(|metadata| metadata.len());
    documents_from_reader(Box::new(file), input, format, known_size, options, stats)
}

/// What is known about an input's format before its first bytes are read.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FormatChoice {
    /// Chosen by the caller or by an unambiguous extension.
    Known(InputFormat),
    /// Decided by sniffing; with `markdown_only`, sniffing may only turn `default` into
    /// markdown (a .txt file is never read as JSON Lines or HTML).
    Sniff { default: InputFormat, markdown_only: bool },
}

impl FormatChoice {
    pub(crate) fn from_option(format: InputFormat) -> FormatChoice {
        match format {
            InputFormat::Auto => FormatChoice::Sniff { default: InputFormat::Text, markdown_only: false },
            chosen => FormatChoice::Known(chosen),
        }
    }

    fn resolve(self, prefix: &[u8]) -> InputFormat {
        match self {
            FormatChoice::Known(format) => format,
            FormatChoice::Sniff { default, markdown_only } => match sniff_format(prefix) {
                InputFormat::Markdown => InputFormat::Markdown,
                _ if markdown_only => default,
                sniffed => sniffed,
            },
        }
    }
}

/// The documents of any byte stream (a file, stdin, an in-memory buffer), each with its
/// language; WARC archives report their records to `stats`.
pub(crate) fn documents_from_reader(
    mut reader: Box<dyn Read + Send>,
    input: String,
    format: FormatChoice,
    known_size: Option<u64>,
    options: &ReadOptions,
    stats: &StatsRecorder,
) -> BoxedDocuments {
    let prefix = match read_prefix(&mut reader, SNIFF_BYTES) {
        Ok(prefix) => prefix,
        Err(error) => {
            return single(Err(ReadError::Io { input, action: "read", error }));
        }
    };
    let format = format.resolve(&prefix);
    let input_stream = InputStream { prefix, rest: reader, input, known_size };
    Box::new(dispatch(format, input_stream, options, stats).map(|item| item.map(with_language)))
}

/// An input whose first bytes have been read already.
pub(crate) struct InputStream {
    pub prefix: Vec<u8>,
    pub rest: Box<dyn Read + Send>,
    pub input: String,
    pub known_size: Option<u64>,
}

impl InputStream {
    pub(crate) fn into_reader(self) -> impl Read + Send {
        Cursor::new(self.prefix).chain(self.rest)
    }
}

/// Sends an input to the reader of its format.
fn dispatch(format: InputFormat, input: InputStream, options: &ReadOptions, stats: &StatsRecorder) -> BoxedDocuments {
    match format {
        InputFormat::Text | InputFormat::Markdown => single(read_single_document(format, input, options)),
        InputFormat::JsonLines => {
            if input.prefix.contains(&0) {
                return single(Err(ReadError::Binary { input: input.input }));
            }
            let name = input.input.clone();
            Box::new(JsonLinesReader::new(BufReader::new(input.into_reader()), name, options))
        }
        // Web inputs go to dyad-html (see `crate::web`): a page is one document, a WARC
        // archive is streamed record by record, a feed gives one document per item.
        InputFormat::Html => single(web::html_document(input, options)),
        InputFormat::Warc => web::warc_documents(input, stats),
        InputFormat::Feed => web::feed_documents(input, options),
        // Sniffing never answers Auto; read such an input as the sniffer would.
        InputFormat::Auto => {
            let sniffed = sniff_format(&input.prefix);
            let sniffed = if sniffed == InputFormat::Auto { InputFormat::Text } else { sniffed };
            dispatch(sniffed, input, options, stats)
        }
    }
}

/// A text or markdown input: checked, read whole (up to the limit), decoded and parsed.
fn read_single_document(format: InputFormat, input: InputStream, options: &ReadOptions) -> Result<Document, ReadError> {
    if input.prefix.contains(&0) {
        return Err(ReadError::Binary { input: input.input });
    }
    let (name, bytes) = read_within_limit(input, options)?;
    let text = decode_utf8(&bytes, &name, options.lossy_utf8)?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty { input: name });
    }
    match format {
        InputFormat::Markdown => markdown::parse_article(&text, &name),
        _ => plain::parse_article(&text, &name),
    }
}

/// Reads a whole input into memory, refusing one over `options.max_document_bytes`, whether
/// its size is known beforehand (a file) or only found while reading (a pipe, a growing file).
pub(crate) fn read_within_limit(input: InputStream, options: &ReadOptions) -> Result<(String, Vec<u8>), ReadError> {
    let limit = options.max_document_bytes;
    if let Some(size) = input.known_size.filter(|size| *size > limit) {
        return Err(ReadError::TooLarge { input: input.input, size, limit, size_is_lower_bound: false });
    }
    let name = input.input.clone();
    let mut bytes = Vec::new();
    input.into_reader().take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|error| ReadError::Io {
        input: name.clone(),
        action: "read",
        error,
    })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { input: name, size: limit, limit, size_is_lower_bound: true });
    }
    Ok((name, bytes))
}

/// Reads up to `count` bytes, fewer only at the end of the input.
fn read_prefix(reader: &mut dyn Read, count: usize) -> std::io::Result<Vec<u8>> {
    let mut prefix = Vec::with_capacity(count);
    reader.take(count as u64).read_to_end(&mut prefix)?;
    Ok(prefix)
}

/// UTF-8 text of `bytes`, or an error naming the offset of the first bad byte; with
/// `lossy` set, bad bytes become U+FFFD instead.
pub(crate) fn decode_utf8(bytes: &[u8], input: &str, lossy: bool) -> Result<String, ReadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes).into_owned()),
        Err(error) => Err(ReadError::InvalidUtf8 { input: input.to_string(), byte_offset: error.valid_up_to() as u64 }),
    }
}
