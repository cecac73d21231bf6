//! Markdown inline syntax to plain text: `[text](url)` → `text`, emphasis markers removed,
//! images and HTML tags dropped, backslash escapes and common HTML entities resolved.
//!
//! The converter is deliberately forgiving: anything it cannot parse as markup is kept
//! as literal text ("[sic]" and "5 < 6" survive). Searches for a closing bracket are
//! bounded, so a paragraph full of unmatched brackets costs linear time, not quadratic.

use crate::normalize::collapse_whitespace;

/// Longest link text and link target the converter will look across for a closing bracket.
const MAX_LINK_TEXT_BYTES: usize = 1_000;
const MAX_LINK_TARGET_BYTES: usize = 2_048;
/// Links nested deeper than this are kept as literal text instead of recursing further.
const MAX_NESTING: usize = 8;

/// Plain text of one markdown paragraph, whitespace collapsed.
pub fn inline_to_text(markdown: &str) -> String {
    let mut output = String::with_capacity(markdown.len());
    convert_into(markdown, &mut output, 0);
    collapse_whitespace(&output)
}

fn convert_into(markdown: &str, output: &mut String, depth: usize) {
    let mut position = 0;
    while let Some(character) = markdown[position..].chars().next() {
        let rest = &markdown[position..];
        let consumed = match character {
            '\\' => escaped_character(rest, output),
            '!' if rest.starts_with("![") => link_at(&rest[1..]).map(|link| 1 + link.length),
            '[' if depth < MAX_NESTING => link_at(rest).map(|link| {
                convert_into(link.text, output, depth + 1);
                link.length
            }),
            '<' => angle_bracket_at(rest, output),
            '&' => entity_at(rest, output),
            '*' | '`' => Some(1),
            '~' if rest.starts_with("~~") => Some(2),
            '_' if is_emphasis_underscore(markdown, position) => Some(1),
            _ => None,
        };
        match consumed {
            Some(length) => position += length,
            None => {
                output.push(character);
                position += character.len_utf8();
            }
        }
    }
}

/// `\*` → `*`: a backslash before ASCII punctuation makes it literal.
fn escaped_character(rest: &str, output: &mut String) -> Option<usize> {
    let escaped = rest[1..].chars().next().filter(char::is_ascii_punctuation)?;
    output.push(escaped);
    Some(2)
}

/// An underscore is emphasis only at a word edge: `_AFP_` loses its markers, `snake_case` keeps them.
fn is_emphasis_underscore(text: &str, position: usize) -> bool {
    let before = text[..position].chars().next_back();
    let after = text[position + 1..].chars().next();
    let is_word = |character: Option<char>| character.is_some_and(char::is_alphanumeric);
    !(is_word(before) && is_word(after))
}

struct Link<'a> {
    text: &'a str,
    length: usize,
}

/// `[text](target)` or `[text][reference]` at the start of `rest`.
fn link_at(rest: &str) -> Option<Link<'_>> {
    let text_end = matching_close(rest, '[', ']', MAX_LINK_TEXT_BYTES)?;
    let after_text = &rest[text_end + 1..];
    let target_length = if after_text.starts_with('(') {
        matching_close(after_text, '(', ')', MAX_LINK_TARGET_BYTES)?
    } else if after_text.starts_with('[') {
        matching_close(after_text, '[', ']', MAX_LINK_TEXT_BYTES)?
    } else {
        // A bare "[...]" is editorial text in news ("[he] said"), not a link.
        return None;
    };
    Some(Link { text: &rest[1..text_end], length: text_end + 1 + target_length + 1 })
}

/// Byte index of the bracket closing the one `text` starts with, within `limit` bytes.
fn matching_close(text: &str, open: char, close: char, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (index, character) in text.char_indices() {
        if index > limit {
            return None;
        }
        if escaped {
            escaped = false;
        } else if character == '\\' {
            escaped = true;
        } else if character == open {
            depth += 1;
        } else if character == close {
            depth -= 1;
            if depth == 0 {
                return Some(index);
            }
        } else if character == '\n' && open == '(' {
            return None;
        }
    }
    None
}

/// `<https://...>` keeps the address; `<!-- ... -->` and HTML tags are dropped; any other
/// `<` is literal.
fn angle_bracket_at(rest: &str, output: &mut String) -> Option<usize> {
    if rest.starts_with("<!--") {
        return rest.find("-->").map(|end| end + 3);
    }
    let close = rest.bytes().take(512).position(|byte| byte == b'>')?;
    let inner = &rest[1..close];
    if inner.is_empty() || inner.contains(['<', '\n']) {
        return None;
    }
    if is_autolink(inner) {
        output.push_str(inner);
        return Some(close + 1);
    }
    let first = inner.chars().next()?;
    let is_tag =
        first.is_ascii_alphabetic() || (first == '/' && inner[1..].starts_with(|c: char| c.is_ascii_alphabetic()));
    if is_tag && (!inner.contains(' ') || inner.contains('=')) {
        // A tag may separate words (<br>, </p>), so leave a space where it was.
        output.push(' ');
        return Some(close + 1);
    }
    None
}

fn is_autolink(inner: &str) -> bool {
    let has_scheme = ["http://", "https://", "ftp://", "mailto:"]
        .iter()
        .any(|scheme| inner.to_ascii_lowercase().starts_with(scheme));
    has_scheme && !inner.contains(char::is_whitespace)
}

/// The common HTML entities that survive HTML-to-markdown conversion.
fn entity_at(rest: &str, output: &mut String) -> Option<usize> {
    let end = rest.bytes().take(12).position(|byte| byte == b';')?;
    let name = &rest[1..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        _ => numeric_entity(name)?,
    };
    output.push(decoded);
    Some(end + 1)
}

fn numeric_entity(name: &str) -> Option<char> {
    let digits = name.strip_prefix('#')?;
    let code = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    char::from_u32(code).filter(|character| *character != '\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_images_and_emphasis_become_plain_text() {
        let cases = [
            ("A video [published](#) by the Kremlin", "A video published by the Kremlin"),
            (
                "**Related article:** [Police detain suspect](https://x.test/a_(b))",
                "Related article: Police detain suspect",
            ),
            ("![Putin and Assad](img.jpg) Leaders met.", "Leaders met."),
            ("*AFP contributed reporting.*", "AFP contributed reporting."),
            ("_Reuters_ said the __talks__ were ~~off~~ on", "Reuters said the talks were off on"),
            ("see <https://example.test/x> now", "see https://example.test/x now"),
            ("line<br>break and </span>tags", "line break and tags"),
            ("Tom &amp; Jerry &#8212; &quot;hi&quot;", "Tom & Jerry — \"hi\""),
            (r"an \*escaped\* star and snake_case_name", "an *escaped* star and snake_case_name"),
            ("\"[He] will come,\" she said; 5 < 6", "\"[He] will come,\" she said; 5 < 6"),
            ("[outer [inner](a) text](b)", "outer inner text"),
            ("`code` and [ref link][1]", "code and ref link"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(inline_to_text(markdown), expected, "{markdown}");
        }
    }

    #[test]
    fn unmatched_markup_is_kept_and_costs_linear_time() {
        assert_eq!(inline_to_text("[unclosed (paren"), "[unclosed (paren");
        let many_brackets = "[(".repeat(200_000);
        let started = std::time::Instant::now();
        let text = inline_to_text(&many_brackets);
        assert_eq!(text.len(), many_brackets.len());
        assert!(started.elapsed().as_secs() < 5, "took {:?}", started.elapsed());
    }
}
