//! The one error type every reader returns.
//!
//! Invariant: `Display` is a single line that starts with the input it is about (a path,
//! `path:line` for JSON Lines, or `stdin`), so a run over thousands of files can print one
//! line per skipped input and the user can find it. No reader panics on bad input; each
//! bad input becomes one of these and the run goes on with the next.

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path could not be opened, read or listed (missing, permission denied, ...).
    #[error("{input}: cannot {action}: {error}")]
    Io {
        input: String,
        action: &'static str,
        #[source]
        error: std::io::Error,
    },

    /// NUL bytes in the first 8 KB: an image, archive or other non-text file.
    #[error("{input}: binary file, skipped")]
    Binary { input: String },

    /// Nothing but whitespace, or nothing left once markup, captions and credits are removed.
    #[error("{input}: empty document")]
    Empty { input: String },

    /// Bytes that are not UTF-8; `byte_offset` counts from the start of the file (or of
    /// the line, for JSON Lines, whose `input` names the line).
    #[error("{input}: invalid UTF-8 at byte {byte_offset} (ReadOptions::lossy_utf8 decodes it lossily)")]
    InvalidUtf8 { input: String, byte_offset: u64 },

    /// Larger than `ReadOptions::max_document_bytes`. When the size could not be known in
    /// advance (a pipe), reading stopped at the limit and `size_is_lower_bound` is set.
    #[error("{input}: too large ({}{size} bytes; limit {limit})", if *size_is_lower_bound { "over " } else { "" })]
    TooLarge { input: String, size: u64, limit: u64, size_is_lower_bound: bool },

    /// A JSON Lines line that is not a JSON object.
    #[error("{input}: malformed JSON: {message}")]
    MalformedJson { input: String, message: String },

    /// A JSON Lines record whose field is missing or of the wrong kind.
    #[error("{input}: field {field:?} {problem}")]
    BadField { input: String, field: &'static str, problem: String },

    /// A web page, WARC record or feed that dyad-html could not read; for a WARC record,
    /// `input` names the archive, the record id and the record's byte offset.
    #[error("{input}: {message}")]
    Web { input: String, message: String },
}

impl ReadError {
    /// The input the error is about, as it starts the message.
    pub fn input(&self) -> &str {
        match self {
            ReadError::Io { input, .. }
            | ReadError::Binary { input }
            | ReadError::Empty { input }
            | ReadError::InvalidUtf8 { input, .. }
            | ReadError::TooLarge { input, .. }
            | ReadError::MalformedJson { input, .. }
            | ReadError::BadField { input, .. }
            | ReadError::Web { input, .. } => input,
        }
    }
}

/// A path as it appears in messages and in `Metadata::source`: control characters escaped
/// so that a file name with a newline in it cannot break the one-line message rule.
pub fn input_label(path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    if shown.chars().any(char::is_control) {
        shown
            .chars()
            .flat_map(|character| {
                if character.is_control() { character.escape_default().collect::<Vec<_>>() } else { vec![character] }
            })
            .collect()
    } else {
        shown
    }
}

/// One line of a message: serde_json and io messages are single-line already, but a
/// message built from user data might not be.
pub(crate) fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_one_line_starting_with_the_input() {
        let errors = [
            ReadError::Binary { input: "a.txt".into() },
            ReadError::Empty { input: "a.txt".into() },
            ReadError::InvalidUtf8 { input: "a.txt".into(), byte_offset: 17 },
            ReadError::TooLarge { input: "a.txt".into(), size: 50, limit: 10, size_is_lower_bound: false },
            ReadError::MalformedJson { input: "a.jsonl:3".into(), message: "expected value".into() },
            ReadError::Web { input: "a.warc (WARC record <urn:x> at byte 9)".into(), message: "truncated".into() },
        ];
        for error in errors {
            let message = error.to_string();
            assert!(message.starts_with(error.input()), "{message}");
            assert!(!message.contains('\n'), "{message}");
        }
    }

    #[test]
    fn too_large_says_size_and_limit() {
        let exact = ReadError::TooLarge {
            input: "big.txt".into(),
            size: 52_428_800,
            limit: 10_485_760,
            size_is_lower_bound: false,
        };
        assert_eq!(exact.to_string(), "big.txt: too large (52428800 bytes; limit 10485760)");
        let piped = ReadError::TooLarge { input: "stdin".into(), size: 10, limit: 10, size_is_lower_bound: true };
        assert_eq!(piped.to_string(), "stdin: too large (over 10 bytes; limit 10)");
    }

    #[test]
    fn control_characters_in_paths_are_escaped() {
        let label = input_label(std::path::Path::new("bad\nname.txt"));
        assert_eq!(label, "bad\\nname.txt");
    }
}
