//! Which reader an input goes to: chosen by the caller, by file extension, or by sniffing
//! the first bytes.
//!
//! The HTML, WARC and feed formats are recognised here and read by crates/html, through
//! `crate::web`; everything else is text, markdown or JSON Lines.

use std::fmt;
use std::path::Path;

/// The input formats dyad knows about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Decide per input: by extension, else by sniffing the first bytes.
    #[default]
    Auto,
    Text,
    Markdown,
    JsonLines,
    /// Web pages (.html, .htm): read by crates/html once wired in.
    Html,
    /// Web archives (.warc, .warc.gz): read by crates/html once wired in.
    Warc,
    /// RSS and Atom feeds (.xml, .rss, .atom): read by crates/html once wired in.
    Feed,
}

impl InputFormat {
    pub fn name(&self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::JsonLines => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Warc => "warc",
            InputFormat::Feed => "feed",
        }
    }

    /// All formats with their names, for a command line's list of choices.
    pub const ALL: [InputFormat; 7] = [
        InputFormat::Auto,
        InputFormat::Text,
        InputFormat::Markdown,
        InputFormat::JsonLines,
        InputFormat::Html,
        InputFormat::Warc,
        InputFormat::Feed,
    ];
}

impl fmt::Display for InputFormat {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.name())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown input format {0:?} (expected auto, text, markdown, jsonl, html, warc or feed)")]
pub struct UnknownFormat(pub String);

impl std::str::FromStr for InputFormat {
    type Err = UnknownFormat;

    fn from_str(text: &str) -> Result<InputFormat, UnknownFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" | "plain" => Ok(InputFormat::Text),
            "markdown" | "md" => Ok(InputFormat::Markdown),
            "jsonl" | "jsonlines" | "json-lines" | "ndjson" => Ok(InputFormat::JsonLines),
            "html" | "htm" => Ok(InputFormat::Html),
            "warc" => Ok(InputFormat::Warc),
            "feed" | "rss" | "atom" => Ok(InputFormat::Feed),
            _ => Err(UnknownFormat(text.to_string())),
        }
    }
}

/// The format a file's name implies, or None when the extension says nothing.
pub fn format_from_extension(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    // Checked on the whole name because ".warc.gz" is two extensions.
    if name.ends_with(".warc.gz") || name.ends_with(".warc") {
        return Some(InputFormat::Warc);
    }
    let extension = name.rsplit_once('.')?.1;
    match extension {
        "txt" | "text" => Some(InputFormat::Text),
        "md" | "markdown" => Some(InputFormat::Markdown),
        "jsonl" | "ndjson" => Some(InputFormat::JsonLines),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "xml" | "rss" | "atom" => Some(InputFormat::Feed),
        _ => None,
    }
}

/// The format the first bytes of an input suggest. Never returns `Auto`; falls back to
/// `Text`, since any readable text can at least be read as plain text.
pub fn sniff_format(prefix: &[u8]) -> InputFormat {
    let text = String::from_utf8_lossy(prefix);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let lowercase_start: String = text.chars().take(256).collect::<String>().to_ascii_lowercase();
    if text.starts_with('{') {
        InputFormat::JsonLines
    } else if text.starts_with("# ") || text.starts_with("---\n") || text.starts_with("---\r\n") {
        // A heading line, or YAML front matter as static-site markdown carries.
        InputFormat::Markdown
    } else if text.starts_with("WARC/") {
        InputFormat::Warc
    } else if lowercase_start.starts_with("<rss")
        || lowercase_start.starts_with("<feed")
        || is_xml_feed(&lowercase_start)
    {
        InputFormat::Feed
    } else if lowercase_start.starts_with("<!doctype html")
        || lowercase_start.starts_with("<html")
        || lowercase_start.starts_with("<?xml")
    {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

fn is_xml_feed(lowercase_start: &str) -> bool {
    lowercase_start.starts_with("<?xml") && (lowercase_start.contains("<rss") || lowercase_start.contains("<feed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_pick_the_reader() {
        let cases = [
            ("a/b/story.txt", Some(InputFormat::Text)),
            ("story.MD", Some(InputFormat::Markdown)),
            ("story.markdown", Some(InputFormat::Markdown)),
            ("dump.jsonl", Some(InputFormat::JsonLines)),
            ("dump.ndjson", Some(InputFormat::JsonLines)),
            ("page.htm", Some(InputFormat::Html)),
            ("crawl.warc.gz", Some(InputFormat::Warc)),
            ("feed.atom", Some(InputFormat::Feed)),
            ("README", None),
            ("archive.gz", None),
        ];
        for (path, expected) in cases {
            assert_eq!(format_from_extension(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn sniffing_reads_the_first_line() {
        assert_eq!(sniff_format(b"# Talks in Ankara\n\nJuly 2, 2024"), InputFormat::Markdown);
        assert_eq!(sniff_format(b"\xef\xbb\xbf  {\"text\": \"x\"}\n"), InputFormat::JsonLines);
        assert_eq!(sniff_format(b"<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(sniff_format(b"<?xml version=\"1.0\"?><rss>"), InputFormat::Feed);
        assert_eq!(sniff_format(b"WARC/1.1\r\n"), InputFormat::Warc);
        assert_eq!(sniff_format(b"ANKARA (Reuters) - Talks began."), InputFormat::Text);
        assert_eq!(sniff_format(b"#hashtag politics"), InputFormat::Text);
    }

    #[test]
    fn names_round_trip() {
        for format in InputFormat::ALL {
            assert_eq!(format.name().parse::<InputFormat>(), Ok(format));
        }
        assert!("pdf".parse::<InputFormat>().is_err());
    }
}
