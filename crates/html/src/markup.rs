//! Removing markup that never holds article text before any HTML parser sees the page.
//!
//! Modern pages are mostly inline scripts, style sheets and SVG icons; the main-text
//! extractor parses a page twice (it serialises and re-parses a backup copy) and we parse it
//! once more for metadata, so every byte of script is tokenised three times. Cutting those
//! elements out of the source first roughly halves the parsing work and changes no text a
//! reader sees.
//!
//! Invariants:
//! - JSON-LD scripts (`type` containing `ld+json`) are kept: metadata and the extractor's
//!   `articleBody` fallback read them.
//! - Only whole elements are removed (from the opening tag to the end of its matching closing
//!   tag), and
//!   comments; an unterminated element or comment is left as it is, so malformed input is
//!   never made worse. The output is always valid UTF-8 because cuts fall on ASCII `<`/`>`.

/// Raw-text elements: they end at the first closing tag, whatever they contain.
const RAW_TEXT_ELEMENTS: [&str; 2] = ["script", "style"];
/// Elements whose text never reaches the article body: SVG drawings (their `<title>`s are
/// tooltips), navigation menus, asides, frames, `<noscript>` fallbacks and inert templates.
/// The main-text extractor skips all of these itself; cutting them first saves parsing
/// them twice. They may nest (a `<nav>` inside a `<nav>`), so closing tags are counted.
const NESTABLE_DROPPED_ELEMENTS: [&str; 6] = ["svg", "nav", "aside", "noscript", "iframe", "template"];

/// The page without inline scripts (except JSON-LD), style sheets, SVG drawings and comments.
pub fn strip_inert_markup(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut output = String::with_capacity(html.len() / 2);
    let mut copied_up_to = 0;
    let mut position = 0;
    while let Some(offset) = memchr_lt(&bytes[position..]) {
        let start = position + offset;
        let Some(end) = removable_end(html, start) else {
            position = start + 1;
            continue;
        };
        output.push_str(&html[copied_up_to..start]);
        copied_up_to = end;
        position = end;
    }
    output.push_str(&html[copied_up_to..]);
    output
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&byte| byte == b'<')
}

/// Where the removable element or comment starting at `start` (a `<`) ends, if it is one.
fn removable_end(html: &str, start: usize) -> Option<usize> {
    let rest = &html[start + 1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        return comment.find("-->").map(|found| start + 1 + 3 + found + 3);
    }
    let name =
        RAW_TEXT_ELEMENTS.into_iter().chain(NESTABLE_DROPPED_ELEMENTS).find(|name| starts_with_tag_name(rest, name))?;
    let open_tag_end = start + 1 + rest.find('>')?;
    let open_tag = &html[start..open_tag_end];
    if name == "script" && open_tag.to_ascii_lowercase().contains("ld+json") {
        return None;
    }
    if open_tag.ends_with('/') && !RAW_TEXT_ELEMENTS.contains(&name) {
        return Some(open_tag_end + 1);
    }
    let closing_start = if RAW_TEXT_ELEMENTS.contains(&name) {
        open_tag_end + find_ascii_case_insensitive(&html[open_tag_end..], &format!("</{name}"))?
    } else {
        matching_close(html, open_tag_end, name)?
    };
    let closing_end = closing_start + html[closing_start..].find('>')? + 1;
    Some(closing_end)
}

/// Start of the closing tag that matches an element opened just before `from`, counting
/// nested elements of the same name.
fn matching_close(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth = 1usize;
    let mut position = from;
    while let Some(offset) = memchr_lt(&bytes[position..]) {
        let tag_start = position + offset;
        let rest = &html[tag_start + 1..];
        if let Some(closing) = rest.strip_prefix('/')
            && starts_with_tag_name(closing, name)
        {
            depth -= 1;
            if depth == 0 {
                return Some(tag_start);
            }
        } else if starts_with_tag_name(rest, name) {
            depth += 1;
        }
        position = tag_start + 1;
    }
    None
}

/// `rest` begins with the tag name (any case) followed by whitespace, `>` or `/`.
fn starts_with_tag_name(rest: &str, name: &str) -> bool {
    rest.len() > name.len()
        && rest.as_bytes()[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && matches!(rest.as_bytes()[name.len()], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/')
}

/// Jumps between occurrences of the needle's first character with `str::find` (a
/// vectorised byte search) and compares the rest only there: closing tags are searched
/// across whole scripts, so a byte-by-byte window comparison shows in profiles.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle_bytes = needle.as_bytes();
    let first = char::from(*needle_bytes.first()?);
    let bytes = haystack.as_bytes();
    let mut from = 0;
    while let Some(offset) = haystack[from..].find(first) {
        let start = from + offset;
        let candidate = bytes.get(start..start + needle_bytes.len())?;
        if candidate.eq_ignore_ascii_case(needle_bytes) {
            return Some(start);
        }
        from = start + first.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_svgs_and_comments_go_but_json_ld_and_text_stay() {
        let html = concat!(
            "<head><script>var a = '<p>not text</p>';</script><STYLE>p{color:red}</STYLE>",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>",
            "<body><!-- a comment --><p>Talks <svg viewBox=\"0 0 1 1\"><title>icon</title></svg>resumed.</p>",
            "<svg/><p>Café reopened.</p></body>"
        );
        assert_eq!(
            strip_inert_markup(html),
            concat!(
                "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>",
                "<body><p>Talks resumed.</p><p>Café reopened.</p></body>"
            )
        );
    }

    #[test]
    fn nested_menus_are_removed_whole() {
        let html =
            "<nav><ul><li><nav><a>Sub</a></nav></li></ul><a>Home</a></nav><p>Talks resumed.</p><aside>Ad</aside>";
        assert_eq!(strip_inert_markup(html), "<p>Talks resumed.</p>");
    }

    #[test]
    fn unterminated_elements_and_look_alike_tags_are_left_alone() {
        let inputs = [
            "<p>a</p><script>never closed",
            "<p>a <!-- open comment",
            "<scripture>Genesis</scripture>",
            "<nav><a>Home</a>",
        ];
        for html in inputs {
            assert_eq!(strip_inert_markup(html), html);
        }
    }
}
