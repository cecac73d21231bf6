//! JSON Lines: one JSON object per line, one document per object.
//!
//! Fields: `text` (required), `title`, `url`, `published`, `id`, `byline` (or `author`, a
//! string or a list of strings), `language`, `source`. Unknown fields are ignored. The
//! names other news dumps use are accepted when the canonical one is absent (news-please's
//! `maintext`, `date_publish` and `authors`; `body`, `content`, `date`, `doc_id`, `lang`). `text` goes through the plain-text reader (`crate::plain`), so datelines and
//! trailing credit lines are handled the same way as in .txt files.
//!
//! `Metadata::source` is always `path:line`, so every document can be traced back to its
//! line. The record's own `source` field (usually the outlet, "Reuters") has no slot of
//! its own in `Metadata` and is kept in `credits`.
//!
//! Invariants: the file is read line by line and never held in memory as a whole; each
//! line is checked against `max_document_bytes` on its own (a line over the limit is
//! skipped without buffering it); a bad line becomes one error naming `path:line` and
//! reading goes on with the next line. Blank lines are skipped.

use crate::ReadOptions;
use crate::dates::parse_date_value;
use crate::error::{ReadError, one_line};
use crate::plain::parse_with_metadata;
use crate::source::decode_utf8;
use dyad_document::{Document, Metadata, PartialDate};
use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// Reads one JSON Lines record; `input` is its `path:line`.
pub fn parse_record(line: &str, input: &str) -> Result<Document, ReadError> {
    let value: Value = serde_json::from_str(line).map_err(|error| ReadError::MalformedJson {
        input: input.to_string(),
        message: one_line(&error.to_string()),
    })?;
    let Value::Object(record) = value else {
        return Err(ReadError::MalformedJson {
            input: input.to_string(),
            message: format!("expected a JSON object, found {}", kind_of(&value)),
        });
    };
    let fields = RecordFields { record: &record, input };
    let text = match fields.first_present(&TEXT_FIELDS) {
        Some((_, Value::String(text))) => text,
        Some((field, other)) => return Err(fields.wrong_type(field, "a string", other)),
        None => return Err(fields.missing_text()),
    };
    let mut metadata = Metadata {
        title: fields.optional_string("title")?,
        url: fields.optional_string("url")?,
        published: fields.published()?,
        byline: fields.byline()?,
        language: fields.first_string(&["language", "lang"])?,
        source: input.to_string(),
        ..Metadata::default()
    };
    metadata.credits.extend(fields.optional_string("source")?);
    let given_id = fields.id()?;
    let mut document = parse_with_metadata(text, metadata)?;
    if let Some(id) = given_id {
        document.id = id;
    }
    Ok(document)
}

const TEXT_FIELDS: [&str; 4] = ["text", "body", "content", "maintext"];

struct RecordFields<'a> {
    record: &'a Map<String, Value>,
    input: &'a str,
}

impl RecordFields<'_> {
    /// The first of `fields` the record has (null counts as absent), with its value.
    fn first_present(&self, fields: &[&'static str]) -> Option<(&'static str, &Value)> {
        fields
            .iter()
            .find_map(|field| self.record.get(*field).filter(|value| !value.is_null()).map(|value| (*field, value)))
    }

    /// The first of `fields` given as a non-blank string.
    fn first_string(&self, fields: &[&'static str]) -> Result<Option<String>, ReadError> {
        for field in fields {
            if let Some(text) = self.optional_string(field)? {
                return Ok(Some(text));
            }
        }
        Ok(None)
    }

    /// A string field; null, absent and blank all mean "not given".
    fn optional_string(&self, field: &'static str) -> Result<Option<String>, ReadError> {
        match self.record.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.trim().to_string()).filter(|text| !text.is_empty())),
            Some(other) => Err(self.wrong_type(field, "a string", other)),
        }
    }

    /// `published` (or `date`): any form `crate::dates::parse_date_value` reads.
    fn published(&self) -> Result<Option<PartialDate>, ReadError> {
        for field in ["published", "date", "date_publish", "published_at"] {
            let Some(text) = self.optional_string(field)? else {
                continue;
            };
            return match parse_date_value(&text) {
                Some(date) => Ok(Some(date)),
                None => Err(ReadError::BadField {
                    input: self.input.to_string(),
                    field,
                    problem: format!("is not a date: {text:?}"),
                }),
            };
        }
        Ok(None)
    }

    /// `byline`, else `author` as a string or a list of names.
    fn byline(&self) -> Result<Option<String>, ReadError> {
        if let Some(byline) = self.optional_string("byline")? {
            return Ok(Some(byline));
        }
        match self.first_present(&["author", "authors"]) {
            Some((_, Value::Array(names))) => {
                let names: Vec<&str> =
                    names.iter().filter_map(Value::as_str).map(str::trim).filter(|name| !name.is_empty()).collect();
                Ok(Some(names.join(", ")).filter(|joined| !joined.is_empty()))
            }
            _ => self.first_string(&["author", "authors"]),
        }
    }

    /// `id` as a string or a number; absent or blank means "derive it from the body".
    fn id(&self) -> Result<Option<String>, ReadError> {
        match self.first_present(&["id", "doc_id"]) {
            Some((_, Value::Number(number))) => Ok(Some(number.to_string())),
            _ => self.first_string(&["id", "doc_id"]),
        }
    }

    fn missing_text(&self) -> ReadError {
        ReadError::BadField {
            input: self.input.to_string(),
            field: "text",
            problem: "is missing (nor is there body, content or maintext)".to_string(),
        }
    }

    fn wrong_type(&self, field: &'static str, expected: &str, found: &Value) -> ReadError {
        ReadError::BadField {
            input: self.input.to_string(),
            field,
            problem: format!("must be {expected}, found {}", kind_of(found)),
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Streams the documents of a JSON Lines input, one line at a time.
pub struct JsonLinesReader<R: BufRead> {
    reader: R,
    /// The path (or "stdin") that `:line` is appended to.
    input: String,
    max_line_bytes: u64,
    lossy_utf8: bool,
    line_number: u64,
    line: Vec<u8>,
    saw_a_record: bool,
    finished: bool,
}

impl<R: BufRead> JsonLinesReader<R> {
    pub fn new(reader: R, input: String, options: &ReadOptions) -> JsonLinesReader<R> {
        JsonLinesReader {
            reader,
            input,
            max_line_bytes: options.max_document_bytes,
            lossy_utf8: options.lossy_utf8,
            line_number: 0,
            line: Vec::new(),
            saw_a_record: false,
            finished: false,
        }
    }

    fn line_input(&self) -> String {
        format!("{}:{}", self.input, self.line_number)
    }

    /// The document (or error) of the line just read, or None for a blank line.
    fn document_of_current_line(&mut self) -> Option<Result<Document, ReadError>> {
        let input = self.line_input();
        let text = match decode_utf8(&self.line, &input, self.lossy_utf8) {
            Ok(text) => text,
            Err(error) => return Some(Err(error)),
        };
        if text.trim().is_empty() {
            return None;
        }
        self.saw_a_record = true;
        Some(parse_record(&text, &input))
    }
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            let outcome = read_bounded_line(&mut self.reader, self.max_line_bytes, &mut self.line);
            self.line_number += 1;
            match outcome {
                Ok(LineOutcome::EndOfInput) => {
                    self.finished = true;
                    if !self.saw_a_record {
                        return Some(Err(ReadError::Empty { input: self.input.clone() }));
                    }
                }
                Ok(LineOutcome::Line) => {
                    if let Some(result) = self.document_of_current_line() {
                        return Some(result);
                    }
                }
                Ok(LineOutcome::TooLong { length }) => {
                    self.saw_a_record = true;
                    return Some(Err(ReadError::TooLarge {
                        input: self.line_input(),
                        size: length,
                        limit: self.max_line_bytes,
                        size_is_lower_bound: false,
                    }));
                }
                Err(error) => {
                    // The stream itself failed; later lines cannot be trusted to exist.
                    self.finished = true;
                    return Some(Err(ReadError::Io { input: self.line_input(), action: "read", error }));
                }
            }
        }
        None
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineOutcome {
    EndOfInput,
    /// A line (without its "\n" or "\r\n") is in the buffer.
    Line,
    /// The line was longer than the limit; it was skipped, not buffered.
    TooLong {
        length: u64,
    },
}

/// Reads one line into `line`, keeping at most `limit` bytes of it in memory.
pub(crate) fn read_bounded_line<R: BufRead>(reader: &mut R, limit: u64, line: &mut Vec<u8>) -> io::Result<LineOutcome> {
    line.clear();
    let mut length: u64 = 0;
    let mut read_anything = false;
    let mut last_content_byte = None;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        read_anything = true;
        let newline = memchr::memchr(b'\n', available);
        let content = &available[..newline.unwrap_or(available.len())];
        length += content.len() as u64;
        last_content_byte = content.last().copied().or(last_content_byte);
        if length <= limit {
            line.extend_from_slice(content);
        } else if !line.is_empty() {
            // Over the limit: drop what was kept and only count the rest.
            *line = Vec::new();
        }
        let consumed = newline.map_or(available.len(), |index| index + 1);
        reader.consume(consumed);
        if newline.is_some() {
            break;
        }
    }
    if !read_anything {
        return Ok(LineOutcome::EndOfInput);
    }
    // "\r\n" endings: the "\r" is not part of the line, kept or not.
    if last_content_byte == Some(b'\r') {
        length -= 1;
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    if length > limit {
        return Ok(LineOutcome::TooLong { length });
    }
    Ok(LineOutcome::Line)
}

#[cfg(test)]
mod tests;
