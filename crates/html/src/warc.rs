//! A streaming reader for WARC files (ISO 28500; Common Crawl's news crawl writes WARC 1.0
//! and 1.1), plain or gzip-compressed, including the usual one-gzip-member-per-record
//! layout.
//!
//! Invariants:
//! - Memory stays flat: records are read one at a time, and the block of a record that is
//!   not an HTML `response` is skipped without being stored. A single block larger than
//!   [`MAX_HTML_BLOCK_BYTES`] is skipped too.
//! - A malformed or truncated record yields one `Err` item naming its byte offset (in the
//!   decompressed stream) and `WARC-Record-ID`, and reading resumes at the next line that
//!   starts a record (`WARC/…`), or at the next gzip member when the compression itself is
//!   corrupt. The iterator never panics and ends at end of input.

use crate::HtmlError;
use crate::article::{article_to_document, extract_article};
use crate::content_types::ContentTypeCounts;
use dyad_document::Document;
use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, BufReader, Read};

/// HTML response blocks larger than this are skipped rather than held in memory.
pub const MAX_HTML_BLOCK_BYTES: u64 = 64 * 1024 * 1024;
/// The longest header line accepted; a longer one means the reader is not at a record.
const MAX_HEADER_LINE_BYTES: usize = 64 * 1024;
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Content-type keys for skipped responses that have no usable media type.
const OVERSIZED_KEY: &str = "oversized response";
const UNREADABLE_HEAD_KEY: &str = "unreadable http head";
const EMPTY_BODY_KEY: &str = "empty body";
const UNDECODABLE_BODY_KEY: &str = "undecodable body";

/// Counts of what a [`WarcReader`] has seen so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WarcStats {
    /// Records whose headers were read (including skipped ones).
    pub records: u64,
    /// Documents yielded.
    pub documents: u64,
    /// Records of another type than `response` (warcinfo, request, metadata, …).
    pub skipped_record_types: u64,
    /// `response` records whose payload is not HTML (images, PDFs, redirects without body);
    /// [`WarcReader::skipped_content_type_counts`] breaks them down by type.
    pub skipped_content_types: u64,
    /// HTML responses in which no article text was found.
    pub skipped_without_text: u64,
    /// Error items yielded (malformed or truncated records, corrupt compression).
    pub errors: u64,
}

/// Iterator over the HTML pages of a WARC file, each turned into a [`Document`].
pub struct WarcReader<R: BufRead> {
    input: Input<R>,
    source: String,
    /// Position in the (decompressed) record stream.
    offset: u64,
    stats: WarcStats,
    /// `stats.skipped_content_types` by media type (kept apart so that `WarcStats` stays
    /// `Copy` and cheap to snapshot after every record).
    skipped_content_type_counts: ContentTypeCounts,
    finished: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads WARC records from `input`, detecting gzip compression from its first bytes.
    /// `source` names the input in documents (`Metadata::source`) and errors.
    pub fn new(mut input: R, source: &str) -> WarcReader<R> {
        let is_gzip = input.fill_buf().map(|bytes| bytes.starts_with(&GZIP_MAGIC[..2])).unwrap_or(false);
        let input = if is_gzip {
            Input::Gzip(BufReader::with_capacity(64 * 1024, GzipMembers::new(input)))
        } else {
            Input::Plain(input)
        };
        WarcReader {
            input,
            source: source.to_string(),
            offset: 0,
            stats: WarcStats::default(),
            skipped_content_type_counts: ContentTypeCounts::default(),
            finished: false,
        }
    }

    pub fn stats(&self) -> WarcStats {
        self.stats
    }

    /// The non-HTML responses skipped so far, by media type ("application/pdf", "image/png";
    /// HTTP statuses other than 2xx as "http 404"), or by the reason a response had no
    /// usable type ("oversized response", "empty body", …). Its total always equals
    /// `stats().skipped_content_types`.
    pub fn skipped_content_type_counts(&self) -> &ContentTypeCounts {
        &self.skipped_content_type_counts
    }

    fn count_skipped_response(&mut self, content_type: &str) {
        self.stats.skipped_content_types += 1;
        self.skipped_content_type_counts.add(content_type, 1);
    }

    /// Reads records until one yields a document or an error; `None` at end of input.
    fn next_item(&mut self) -> Option<Result<Document, HtmlError>> {
        loop {
            match self.read_record() {
                Ok(RecordOutcome::Document(document)) => {
                    let document = *document;
                    self.stats.documents += 1;
                    return Some(Ok(document));
                }
                Ok(RecordOutcome::Skipped) => continue,
                Ok(RecordOutcome::EndOfInput) => return None,
                Err(failure) => {
                    self.stats.errors += 1;
                    if failure.fatal {
                        self.finished = true;
                    } else {
                        self.resynchronise();
                    }
                    return Some(Err(failure.error));
                }
            }
        }
    }

    fn read_record(&mut self) -> Result<RecordOutcome, RecordFailure> {
        let record_offset = self.skip_blank_lines().map_err(|error| self.failure(self.offset, "", error))?;
        let Some(record_offset) = record_offset else {
            return Ok(RecordOutcome::EndOfInput);
        };
        let version_line = self.read_line().map_err(|error| self.failure(record_offset, "", error))?;
        if !version_line.starts_with(b"WARC/") {
            return Err(self.malformed(record_offset, "", "expected a WARC/1.x version line"));
        }
        let headers = self.read_headers().map_err(|error| self.failure(record_offset, "", error))?;
        let record_id = headers.get("warc-record-id").unwrap_or("").to_string();
        self.stats.records += 1;
        let length: u64 = headers
            .get("content-length")
            .and_then(|value| value.trim().parse().ok())
            .ok_or_else(|| self.malformed(record_offset, &record_id, "missing or invalid Content-Length"))?;
        let is_http_response = headers.get("warc-type").is_some_and(|kind| kind.eq_ignore_ascii_case("response"))
            && headers.get("content-type").is_none_or(|kind| kind.to_ascii_lowercase().starts_with("application/http"));
        if !is_http_response || length > MAX_HTML_BLOCK_BYTES {
            if is_http_response {
                self.count_skipped_response(OVERSIZED_KEY);
            } else {
                self.stats.skipped_record_types += 1
            }
            self.skip_bytes(length).map_err(|error| self.failure(record_offset, &record_id, error))?;
            return Ok(RecordOutcome::Skipped);
        }
        let block = self.read_bytes(length).map_err(|error| self.failure(record_offset, &record_id, error))?;
        Ok(self.document_from_response(&block, &headers))
    }

    fn document_from_response(&mut self, block: &[u8], headers: &Headers) -> RecordOutcome {
        let payload = match html_payload(block) {
            Ok(payload) => payload,
            Err(content_type) => {
                self.count_skipped_response(&content_type);
                return RecordOutcome::Skipped;
            }
        };
        let target_uri = headers.get("warc-target-uri").map(|uri| uri.trim_matches(['<', '>']).to_string());
        match extract_article(&payload, target_uri.as_deref()) {
            Ok(article) => {
                let mut document = article_to_document(article, &self.source);
                if let Some(uri) = target_uri {
                    document.metadata.url = Some(uri);
                }
                if document.metadata.published.is_none() {
                    document.metadata.published = headers.get("warc-date").and_then(crate::dates::parse_date);
                }
                RecordOutcome::Document(Box::new(document))
            }
            Err(_) => {
                self.stats.skipped_without_text += 1;
                RecordOutcome::Skipped
            }
        }
    }

    /// Skips the blank lines between records; returns the offset of the next record's first
    /// byte, or `None` at end of input.
    fn skip_blank_lines(&mut self) -> io::Result<Option<u64>> {
        loop {
            let available = self.input.fill_buf()?;
            if available.is_empty() {
                return Ok(None);
            }
            let blank = available.iter().take_while(|&&byte| byte == b'\r' || byte == b'\n').count();
            if blank == 0 {
                return Ok(Some(self.offset));
            }
            self.input.consume(blank);
            self.offset += blank as u64;
        }
    }

    /// After an error: drop input up to the next line that begins a record.
    fn resynchronise(&mut self) {
        loop {
            match self.input.fill_buf() {
                Ok([]) => return,
                Ok(available) if available.starts_with(b"WARC/") => return,
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                // A second compression error while resynchronising: the gzip layer has
                // already moved on to the next member, so keep scanning from there.
                Err(_) => continue,
            }
            if self.read_line().is_err() && self.input.fill_buf().map(|rest| rest.is_empty()).unwrap_or(true) {
                return;
            }
        }
    }

    fn read_headers(&mut self) -> io::Result<Headers> {
        let mut headers = Headers::default();
        loop {
            let line = self.read_line()?;
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(headers);
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.entries.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
            if headers.entries.len() > 1000 {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "more than 1000 header lines"));
            }
        }
    }

    /// One line including its `\n`; errors at end of input mid-line or on an overlong line.
    fn read_line(&mut self) -> io::Result<Vec<u8>> {
        let mut line = Vec::new();
        loop {
            let available = self.input.fill_buf()?;
            if available.is_empty() {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "input ends inside a header"));
            }
            let (used, done) = match memchr_newline(available) {
                Some(index) => (index + 1, true),
                None => (available.len(), false),
            };
            line.extend_from_slice(&available[..used]);
            self.input.consume(used);
            self.offset += used as u64;
            if done {
                return Ok(line);
            }
            if line.len() > MAX_HEADER_LINE_BYTES {
                return Err(io::Error::new(io::ErrorKind::InvalidData, "header line longer than 64 KiB"));
            }
        }
    }

    fn read_bytes(&mut self, length: u64) -> io::Result<Vec<u8>> {
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        let read = (&mut self.input).take(length).read_to_end(&mut block)?;
        self.offset += read as u64;
        if (read as u64) < length {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("record block truncated: {read} of {length} bytes"),
            ));
        }
        Ok(block)
    }

    fn skip_bytes(&mut self, length: u64) -> io::Result<()> {
        let skipped = io::copy(&mut (&mut self.input).take(length), &mut io::sink())?;
        self.offset += skipped;
        if skipped < length {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("record block truncated: {skipped} of {length} bytes"),
            ));
        }
        Ok(())
    }

    fn failure(&self, offset: u64, record_id: &str, error: io::Error) -> RecordFailure {
        // Only the end of input is final; anything else may be followed by good records.
        let fatal = error.kind() == io::ErrorKind::UnexpectedEof && self.input_is_exhausted();
        RecordFailure { error: self.error(offset, record_id, &error.to_string()), fatal }
    }

    fn malformed(&self, offset: u64, record_id: &str, message: &str) -> RecordFailure {
        RecordFailure { error: self.error(offset, record_id, message), fatal: false }
    }

    fn error(&self, offset: u64, record_id: &str, message: &str) -> HtmlError {
        let record_id = if record_id.is_empty() { "unknown".to_string() } else { record_id.to_string() };
        HtmlError::MalformedWarcRecord { offset, record_id, message: format!("{} (in {})", message, self.source) }
    }

    fn input_is_exhausted(&self) -> bool {
        match &self.input {
            Input::Plain(_) => true,
            Input::Gzip(reader) => reader.get_ref().is_done(),
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Document, HtmlError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let item = self.next_item();
        if item.is_none() {
            self.finished = true;
        }
        item
    }
}

enum RecordOutcome {
    Document(Box<Document>),
    Skipped,
    EndOfInput,
}

struct RecordFailure {
    error: HtmlError,
    fatal: bool,
}

#[derive(Default)]
struct Headers {
    entries: Vec<(String, String)>,
}

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.entries.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&byte| byte == b'\n')
}

/// The HTML body of an HTTP response block, de-chunked and decompressed. When the response
/// is not HTML or is not a success with a body, the error is what it held instead: its
/// media type, `http NNN` for a status other than 2xx, or a reason key.
fn html_payload(block: &[u8]) -> Result<Vec<u8>, String> {
    let header_end = crate::charset::find_bytes(block, b"\r\n\r\n")
        .map(|index| index + 4)
        .or_else(|| crate::charset::find_bytes(block, b"\n\n").map(|index| index + 2))
        .ok_or(UNREADABLE_HEAD_KEY)?;
    let head = String::from_utf8_lossy(&block[..header_end]).to_ascii_lowercase();
    let status: u16 = head
        .lines()
        .next()
        .and_then(|status_line| status_line.split_whitespace().nth(1)?.parse().ok())
        .ok_or(UNREADABLE_HEAD_KEY)?;
    if !(200..300).contains(&status) {
        return Err(format!("http {status}"));
    }
    let header = |name: &str| {
        head.lines().skip(1).find_map(|line| {
            line.split_once(':').filter(|(key, _)| key.trim() == name).map(|(_, value)| value.trim().to_string())
        })
    };
    let body = &block[header_end..];
    let content_type = header("content-type");
    let is_html = match &content_type {
        Some(kind) => kind.contains("html"),
        None => {
            body.len() > 15
                && String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase().contains("<html")
        }
    };
    if !is_html {
        return Err(content_type.unwrap_or_default());
    }
    if body.is_empty() {
        return Err(EMPTY_BODY_KEY.to_string());
    }
    let body = if header("transfer-encoding").is_some_and(|value| value.contains("chunked")) {
        dechunk(body)
    } else {
        body.to_vec()
    };
    if header("content-encoding").is_some_and(|value| value.contains("gzip")) {
        let mut decoded = Vec::new();
        GzDecoder::new(body.as_slice())
            .take(MAX_HTML_BLOCK_BYTES)
            .read_to_end(&mut decoded)
            .map_err(|_| UNDECODABLE_BODY_KEY.to_string())?;
        return Ok(decoded);
    }
    Ok(body)
}

/// Undoes HTTP chunked transfer coding; stops quietly at the first malformed chunk.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    while let Some(line_end) = crate::charset::find_bytes(body, b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let Ok(size) = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16) else {
            break;
        };
        let start = line_end + 2;
        if size == 0 || start + size > body.len() {
            break;
        }
        out.extend_from_slice(&body[start..start + size]);
        body = &body[(start + size + 2).min(body.len())..];
    }
    out
}

enum Input<R: BufRead> {
    Plain(R),
    Gzip(BufReader<GzipMembers<R>>),
}

impl<R: BufRead> Read for Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::Plain(reader) => reader.read(buf),
            Input::Gzip(reader) => reader.read(buf),
        }
    }
}

impl<R: BufRead> BufRead for Input<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Input::Plain(reader) => reader.fill_buf(),
            Input::Gzip(reader) => reader.fill_buf(),
        }
    }

    fn consume(&mut self, amount: usize) {
        match self {
            Input::Plain(reader) => reader.consume(amount),
            Input::Gzip(reader) => reader.consume(amount),
        }
    }
}

/// Decompresses consecutive gzip members as one stream. When a member is corrupt or cut
/// short it reports the error once, then skips to the next gzip header in the compressed
/// input, so one bad member costs only the records inside it.
struct GzipMembers<R: BufRead> {
    state: MemberState<R>,
    resynchronising: bool,
}

enum MemberState<R: BufRead> {
    Decoding(GzDecoder<R>),
    Between(R),
    Done,
}

impl<R: BufRead> GzipMembers<R> {
    fn new(input: R) -> GzipMembers<R> {
        GzipMembers { state: MemberState::Between(input), resynchronising: false }
    }

    fn is_done(&self) -> bool {
        matches!(self.state, MemberState::Done)
    }

    /// Between members: start the next one, or scan forward to it after an error.
    fn advance_between(&mut self, mut input: R) -> io::Result<()> {
        loop {
            let available = match input.fill_buf() {
                Ok(available) => available,
                Err(error) => {
                    self.state = MemberState::Done;
                    return Err(error);
                }
            };
            if available.is_empty() {
                self.state = MemberState::Done;
                return Ok(());
            }
            if available.len() < GZIP_MAGIC.len() && !self.resynchronising {
                // Trailing bytes too short to be a member: ignore them.
                let length = available.len();
                input.consume(length);
                continue;
            }
            match crate::charset::find_bytes(available, &GZIP_MAGIC) {
                Some(0) => {
                    self.resynchronising = false;
                    self.state = MemberState::Decoding(GzDecoder::new(input));
                    return Ok(());
                }
                Some(position) => {
                    input.consume(position);
                    if !self.resynchronising {
                        self.state = MemberState::Between(input);
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!("{position} bytes between gzip members are not a gzip header"),
                        ));
                    }
                }
                None if !self.resynchronising => {
                    self.resynchronising = true;
                    self.state = MemberState::Between(input);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "bytes between gzip members are not a gzip header",
                    ));
                }
                None => {
                    // Keep the last two bytes: a header may straddle the buffer edge.
                    let keep = GZIP_MAGIC.len() - 1;
                    let drop = available.len().saturating_sub(keep).max(1);
                    input.consume(drop);
                }
            }
        }
    }
}

impl<R: BufRead> Read for GzipMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, MemberState::Done) {
                MemberState::Done => return Ok(0),
                MemberState::Between(input) => self.advance_between(input)?,
                MemberState::Decoding(mut decoder) => match decoder.read(buf) {
                    Ok(0) if !buf.is_empty() => self.state = MemberState::Between(decoder.into_inner()),
                    Ok(count) => {
                        self.state = MemberState::Decoding(decoder);
                        return Ok(count);
                    }
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {
                        self.state = MemberState::Decoding(decoder)
                    }
                    Err(error) => {
                        let mut input = decoder.into_inner();
                        // Step past this member's header so the scan finds the next one.
                        let available = input.fill_buf().map(<[u8]>::len).unwrap_or(0);
                        input.consume(available.min(1));
                        self.resynchronising = true;
                        self.state = MemberState::Between(input);
                        let kind = if error.kind() == io::ErrorKind::UnexpectedEof {
                            io::ErrorKind::UnexpectedEof
                        } else {
                            io::ErrorKind::InvalidData
                        };
                        return Err(io::Error::new(kind, format!("corrupt gzip member: {error}")));
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, block: &[u8]) -> Vec<u8> {
        let mut record = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{id}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        record.extend_from_slice(block);
        record.extend_from_slice(b"\r\n\r\n");
        record
    }

    #[test]
    fn skipped_responses_are_counted_by_media_type_or_status() {
        let responses: [&[u8]; 6] = [
            b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7",
            b"HTTP/1.1 200 OK\r\nContent-Type: Application/PDF; qs=0.9\r\n\r\n%PDF-1.4",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            b"HTTP/1.1 301 Moved Permanently\r\nContent-Type: text/html\r\nLocation: /new\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
            b"not an HTTP response at all",
        ];
        let archive: Vec<u8> = responses
            .iter()
            .enumerate()
            .flat_map(|(index, block)| record("response", &format!("urn:uuid:{index}"), block))
            .collect();
        let mut reader = WarcReader::new(archive.as_slice(), "mixed.warc");
        assert_eq!(reader.by_ref().count(), 0, "no record holds an article");
        assert_eq!(reader.stats().skipped_content_types, 6);
        assert_eq!(
            reader.skipped_content_type_counts().most_frequent_first(),
            vec![
                ("application/pdf", 2),
                (EMPTY_BODY_KEY, 1),
                ("http 301", 1),
                ("image/png", 1),
                (UNREADABLE_HEAD_KEY, 1)
            ]
        );
    }
}
