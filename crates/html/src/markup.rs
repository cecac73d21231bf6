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
//!
//! [`slim_for_extractor`] goes further for the main-text extractor only: it drops form
//! controls, media and head furniture the extractor would delete anyway, and every attribute
//! its rules never read. Measured on WCXB-dev (80 pages, cachegrind): about 8% fewer
//! instructions per page, with the same body F1. [`with_extractor_head`] then replaces its
//! `<head>` by dyad's own metadata so that the extractor's metadata pass never searches the
//! body (about 10% fewer instructions). [`slim_for_own_parse`] drops, for dyad's own parse,
//! only the attributes none of our passes read (every element stays; about 1%).

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

/// Void elements that never carry article text and that the main-text extractor removes in
/// its own cleaning (`link` and `base` are head furniture: dyad reads metadata from its own
/// parse of the whole page). `<meta>` stays: when the extractor's own metadata pass finds an
/// author, section or date there it skips slower searches of the whole page for them.
const EXTRACTOR_DROPPED_VOID_ELEMENTS: [&str; 7] = ["img", "input", "link", "source", "base", "track", "area"];

/// Elements whose whole content the main-text extractor removes in its own cleaning (form
/// controls, media with their fallback markup): cutting them first saves tokenising,
/// serialising and re-parsing them.
const EXTRACTOR_DROPPED_ELEMENTS: [&str; 8] =
    ["button", "select", "textarea", "picture", "video", "audio", "canvas", "datalist"];

/// Elements whose content is text up to their closing tag, not markup: attributes inside them
/// must not be rewritten (a JSON-LD block may well contain `<a href=…>`).
const TEXT_CONTENT_ELEMENTS: [&str; 4] = ["script", "title", "xmp", "plaintext"];

/// The attributes the main-text extractor reads (its boilerplate rules test class, id, role,
/// `style` for hidden elements, a few `data-` markers and microdata; its metadata pass reads
/// `<meta>` name/property/content); every other attribute (`href`, `src`, `srcset`, `data-*`
/// blobs, event handlers) is dropped from its input.
const EXTRACTOR_KEPT_ATTRIBUTES: [&str; 24] = [
    "name",
    "content",
    "class",
    "id",
    "role",
    "style",
    "hidden",
    "aria-hidden",
    "aria-label",
    "itemprop",
    "itemtype",
    "itemscope",
    "type",
    "lang",
    "rel",
    "colspan",
    "rowspan",
    "align",
    "data-component",
    "data-role",
    "data-controller",
    "data-preloaded",
    "data-lp-replacement-content",
    "property",
];

/// The page as the main-text extractor needs it: [`strip_inert_markup`]'s output without the
/// elements and attributes the extractor removes or never reads (see the constants above).
///
/// Invariants: see [`slim_tags`].
pub fn slim_for_extractor(html: &str) -> String {
    slim_tags(
        html,
        &SlimmingRules {
            dropped_void_elements: &EXTRACTOR_DROPPED_VOID_ELEMENTS,
            dropped_elements: &EXTRACTOR_DROPPED_ELEMENTS,
            kept_attributes: &EXTRACTOR_KEPT_ATTRIBUTES,
        },
    )
}

/// The attributes dyad's own passes read on its parse of the page (metadata.rs, page_dates.rs,
/// text_blocks.rs, article.rs): `<meta>` and `<link>` fields, microdata, `<time>` dates,
/// author links (`href`), class/id/role names, and what marks an element hidden. `title` and
/// the microdata scope markers are not read today but kept as cheap insurance for date and
/// byline rules (`<abbr title=…>`).
const OWN_PARSE_KEPT_ATTRIBUTES: [&str; 23] = [
    "name",
    "content",
    "property",
    "itemprop",
    "itemscope",
    "itemtype",
    "http-equiv",
    "charset",
    "rel",
    "href",
    "type",
    "lang",
    "datetime",
    "pubdate",
    "class",
    "id",
    "role",
    "style",
    "hidden",
    "aria-hidden",
    "title",
    "colspan",
    "rowspan",
];

/// The page as dyad's own parse needs it: [`strip_inert_markup`]'s output with every element
/// kept (our fallback body and caption passes read any text) but without the attributes none
/// of our passes read (`src`, `srcset`, `data-*` blobs, event handlers, `aria-*` labels…),
/// which are a large share of a modern page's bytes.
///
/// Invariants: see [`slim_tags`].
pub fn slim_for_own_parse(html: &str) -> String {
    slim_tags(
        html,
        &SlimmingRules {
            dropped_void_elements: &[],
            dropped_elements: &[],
            kept_attributes: &OWN_PARSE_KEPT_ATTRIBUTES,
        },
    )
}

/// What [`slim_tags`] removes: whole elements by name and every attribute not kept.
struct SlimmingRules<'a> {
    dropped_void_elements: &'a [&'a str],
    dropped_elements: &'a [&'a str],
    kept_attributes: &'a [&'a str],
}

/// Removes the elements and attributes `rules` name.
///
/// Invariants: text between tags is copied byte for byte, so every word of the page
/// survives; a malformed tag (no closing `>`, an unclosed quote) and everything after it are
/// copied unchanged; cuts fall on ASCII bytes, so the output is valid UTF-8.
fn slim_tags(html: &str, rules: &SlimmingRules) -> String {
    let bytes = html.as_bytes();
    let mut output = String::with_capacity(html.len());
    let mut copied_up_to = 0;
    let mut position = 0;
    while let Some(offset) = memchr_lt(&bytes[position..]) {
        let start = position + offset;
        if !bytes.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            position = start + 1;
            continue;
        }
        let Some(tag) = StartTag::parse(html, start) else {
            break;
        };
        let name = tag.name(html).to_ascii_lowercase();
        let dropped_end = if rules.dropped_void_elements.contains(&name.as_str()) {
            Some(tag.end)
        } else if rules.dropped_elements.contains(&name.as_str()) && !tag.self_closing {
            matching_close(html, tag.end, &name)
                .and_then(|closing_start| html[closing_start..].find('>').map(|found| closing_start + found + 1))
        } else {
            None
        };
        if let Some(end) = dropped_end {
            output.push_str(&html[copied_up_to..start]);
            copied_up_to = end;
            position = end;
            continue;
        }
        if tag.has_dropped_attribute(html, rules.kept_attributes) {
            output.push_str(&html[copied_up_to..start]);
            tag.write_slim(html, rules.kept_attributes, &mut output);
            copied_up_to = tag.end;
        }
        position = tag.end;
        if TEXT_CONTENT_ELEMENTS.contains(&name.as_str()) {
            match find_ascii_case_insensitive(&html[position..], &format!("</{name}")) {
                Some(found) => position += found,
                None => break,
            }
        }
    }
    output.push_str(&html[copied_up_to..]);
    output
}

/// What dyad has already read from the page, written into the main-text extractor's
/// `<head>` so that its own metadata pass (JSON-LD, `<meta>` tags, then searches of the whole
/// body with dozens of selectors for each field still missing) stops at the `<meta>` tags.
/// The extractor uses only the title of its metadata (to drop a repeated headline from the
/// body); dyad takes nothing else from it, so the other values only need to be present.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtractorHead {
    /// The title the extractor compares `<h1>` headings with; `None` keeps the page's own
    /// `<title>` element.
    pub title: Option<String>,
    pub author: Option<String>,
    /// A date the extractor's date parser accepts (`YYYY-MM-DD`).
    pub published: Option<String>,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
}

/// Value of the `<meta>` tags whose field dyad never reads (section, tags, licence) or did not
/// find: the extractor searches the whole body for them when they are missing, and what it
/// finds there is thrown away.
pub(crate) const UNREAD_FIELD_PLACEHOLDER: &str = "none";

/// Elements that may stand in a `<head>`; a head holding anything else (text, a `<div>`) is
/// one the HTML parser would close early, moving the rest into the body, so it is not
/// replaced.
const HEAD_ELEMENTS: [&str; 5] = ["meta", "link", "title", "script", "base"];

impl ExtractorHead {
    /// The new head content: the title, the synthetic `<meta>` tags, then `json_ld` (the
    /// page's own JSON-LD scripts, as written).
    fn to_html(&self, page_title_element: Option<&str>, json_ld: &[&str]) -> String {
        let mut head = String::new();
        match (&self.title, page_title_element) {
            (Some(title), _) => {
                head.push_str("<title>");
                push_escaped(&mut head, title);
                head.push_str("</title>");
                push_meta(&mut head, "property", "og:title", title);
            }
            (None, Some(element)) => head.push_str(element),
            (None, None) => {}
        }
        let optional_fields = [
            ("name", "author", &self.author),
            ("property", "article:published_time", &self.published),
            ("property", "og:url", &self.canonical_url),
            ("property", "og:site_name", &self.site_name),
            ("property", "og:locale", &self.language),
        ];
        for (attribute, name, value) in optional_fields {
            if let Some(value) = value {
                push_meta(&mut head, attribute, name, value);
            }
        }
        push_meta(&mut head, "property", "article:section", UNREAD_FIELD_PLACEHOLDER);
        push_meta(&mut head, "property", "article:tag", UNREAD_FIELD_PLACEHOLDER);
        push_meta(&mut head, "name", "dc.rights", UNREAD_FIELD_PLACEHOLDER);
        for script in json_ld {
            head.push_str(script);
        }
        head
    }
}

fn push_meta(output: &mut String, attribute: &str, name: &str, content: &str) {
    output.push_str("<meta ");
    output.push_str(attribute);
    output.push_str("=\"");
    output.push_str(name);
    output.push_str("\" content=\"");
    push_escaped(output, content);
    output.push_str("\">");
}

/// Escapes text for an attribute value in double quotes or for element text.
fn push_escaped(output: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => output.push_str("&amp;"),
            '"' => output.push_str("&quot;"),
            '<' => output.push_str("&lt;"),
            '>' => output.push_str("&gt;"),
            other => output.push(other),
        }
    }
}

/// The page with its `<head>` content replaced by `head` (see [`ExtractorHead`]), keeping
/// the page's JSON-LD scripts, which the extractor falls back to for the article body.
///
/// Invariants: nothing outside the head changes. When the head holds anything but head
/// elements (the parser would move the rest to the body), nothing is removed and the new
/// tags are only inserted at its start, where they take precedence over the page's own
/// `<meta>` tags; a page without a `<head>` start tag is returned unchanged.
pub fn with_extractor_head(html: &str, head: &ExtractorHead) -> String {
    let Some(head_tag) = find_start_tag(html, "head") else {
        return html.to_string();
    };
    let content_start = head_tag.end;
    let content_end = find_ascii_case_insensitive(&html[content_start..], "</head").map(|found| content_start + found);
    let parts = content_end.and_then(|end| head_parts(html, content_start, end));
    let mut output = String::with_capacity(html.len() + 512);
    output.push_str(&html[..content_start]);
    match (content_end, parts) {
        (Some(end), Some(parts)) => {
            output.push_str(&head.to_html(parts.title_element, &parts.json_ld));
            output.push_str(&html[end..]);
        }
        _ => {
            output.push_str(&head.to_html(None, &[]));
            output.push_str(&html[content_start..]);
        }
    }
    output
}

/// The pieces of a head that are kept when it is replaced.
struct HeadParts<'a> {
    /// The page's `<title>…</title>`, as written.
    title_element: Option<&'a str>,
    /// Each `<script>…</script>` (only JSON-LD ones remain after [`strip_inert_markup`]).
    json_ld: Vec<&'a str>,
}

/// Splits the head content `html[start..end]` into its parts; `None` when it holds text or
/// an element that does not belong in a head.
fn head_parts(html: &str, start: usize, end: usize) -> Option<HeadParts<'_>> {
    let mut parts = HeadParts { title_element: None, json_ld: Vec::new() };
    let mut position = start;
    while position < end {
        let rest = &html[position..end];
        let Some(offset) = rest.find('<') else {
            return rest.trim().is_empty().then_some(parts);
        };
        if !rest[..offset].trim().is_empty() {
            return None;
        }
        let tag_start = position + offset;
        let after = &html[tag_start + 1..end];
        if let Some(comment) = after.strip_prefix("!--") {
            position = tag_start + 4 + comment.find("-->")? + 3;
            continue;
        }
        let tag = StartTag::parse(html, tag_start).filter(|tag| tag.end <= end)?;
        let name = tag.name(html).to_ascii_lowercase();
        if !HEAD_ELEMENTS.contains(&name.as_str()) {
            return None;
        }
        position = tag.end;
        if name == "title" || name == "script" {
            let closing = tag.end + find_ascii_case_insensitive(&html[tag.end..end], &format!("</{name}"))?;
            position = closing + html[closing..end].find('>')? + 1;
            let element = &html[tag_start..position];
            if name == "title" {
                parts.title_element.get_or_insert(element);
            } else {
                parts.json_ld.push(element);
            }
        }
    }
    Some(parts)
}

/// The first start tag named `name`, if it closes.
fn find_start_tag(html: &str, name: &str) -> Option<StartTag> {
    let bytes = html.as_bytes();
    let mut position = 0;
    while let Some(offset) = memchr_lt(&bytes[position..]) {
        let start = position + offset;
        if starts_with_tag_name(&html[start + 1..], name) {
            return StartTag::parse(html, start);
        }
        position = start + 1;
    }
    None
}

/// One start tag's layout in the source: byte ranges of its name and of each attribute
/// (name, `=` and value as written).
struct StartTag {
    start: usize,
    name_end: usize,
    attributes: Vec<Attribute>,
    self_closing: bool,
    /// Just past the closing `>`.
    end: usize,
}

struct Attribute {
    start: usize,
    name_end: usize,
    end: usize,
}

impl StartTag {
    /// Reads the start tag whose `<` is at `start`, as an HTML tokeniser would: attribute
    /// values in quotes may hold `>`. `None` when the tag never closes.
    fn parse(html: &str, start: usize) -> Option<StartTag> {
        let bytes = html.as_bytes();
        let is_name_end = |byte: u8| byte.is_ascii_whitespace() || byte == b'/' || byte == b'>';
        let mut position = start + 1;
        while position < bytes.len() && !is_name_end(bytes[position]) {
            position += 1;
        }
        let name_end = position;
        let mut attributes = Vec::new();
        let mut self_closing = false;
        loop {
            match *bytes.get(position)? {
                b'>' => break,
                b'/' => {
                    self_closing = true;
                    position += 1;
                }
                byte if byte.is_ascii_whitespace() => position += 1,
                _ => {
                    self_closing = false;
                    let attribute = Attribute::parse(bytes, position)?;
                    position = attribute.end;
                    attributes.push(attribute);
                }
            }
        }
        Some(StartTag { start, name_end, attributes, self_closing, end: position + 1 })
    }

    fn name<'a>(&self, html: &'a str) -> &'a str {
        &html[self.start + 1..self.name_end]
    }

    fn has_dropped_attribute(&self, html: &str, kept: &[&str]) -> bool {
        self.attributes.iter().any(|attribute| !attribute.is_kept(html, kept))
    }

    fn write_slim(&self, html: &str, kept: &[&str], output: &mut String) {
        output.push_str(&html[self.start..self.name_end]);
        for attribute in self.attributes.iter().filter(|attribute| attribute.is_kept(html, kept)) {
            output.push(' ');
            output.push_str(&html[attribute.start..attribute.end]);
        }
        output.push_str(if self.self_closing { "/>" } else { ">" });
    }
}

impl Attribute {
    /// Reads one attribute starting at `start` (not whitespace, `/` or `>`). `None` when a
    /// quoted value never closes or the input ends inside the tag.
    fn parse(bytes: &[u8], start: usize) -> Option<Attribute> {
        let mut position = start + 1;
        while position < bytes.len()
            && !matches!(bytes[position], b'=' | b'/' | b'>')
            && !bytes[position].is_ascii_whitespace()
        {
            position += 1;
        }
        let name_end = position;
        let mut after_name = position;
        while bytes.get(after_name).is_some_and(u8::is_ascii_whitespace) {
            after_name += 1;
        }
        if bytes.get(after_name) != Some(&b'=') {
            return Some(Attribute { start, name_end, end: name_end });
        }
        let mut value_start = after_name + 1;
        while bytes.get(value_start).is_some_and(u8::is_ascii_whitespace) {
            value_start += 1;
        }
        let end = match *bytes.get(value_start)? {
            quote @ (b'"' | b'\'') => {
                value_start + 1 + bytes[value_start + 1..].iter().position(|&byte| byte == quote)? + 1
            }
            b'>' => value_start,
            _ => {
                let mut end = value_start;
                while end < bytes.len() && bytes[end] != b'>' && !bytes[end].is_ascii_whitespace() {
                    end += 1;
                }
                end
            }
        };
        Some(Attribute { start, name_end, end })
    }

    fn is_kept(&self, html: &str, kept: &[&str]) -> bool {
        let name = &html.as_bytes()[self.start..self.name_end];
        kept.iter().any(|kept| kept.as_bytes().eq_ignore_ascii_case(name))
    }
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
    fn the_extractor_gets_no_media_controls_or_unread_attributes() {
        let html = concat!(
            "<head><title>Talks</title><meta property=\"og:title\" content=\"Talks resume\">",
            "<link rel=\"stylesheet\" href=\"/a.css\"></head>",
            "<body><div class=\"story\" id=\"main\" data-props='{\"a\":\"<b>\"}' onclick=\"go()\">",
            "<picture><source srcset=\"a.webp 1x\"><img src=\"a.jpg\" alt=\"x\"></picture>",
            "<p style=\"display:none\" data-component=\"ad\">Hidden</p>",
            "<p>Talks <a href=\"/talks?a=1&amp;b=2\" title=\"more\">resumed</a> in Zürich.</p>",
            "<button type=button>Share <b>now</b></button><select><option>One</option></select>",
            "<input type=text value=x/><p>Café reopened.</p></div></body>"
        );
        assert_eq!(
            slim_for_extractor(html),
            concat!(
                "<head><title>Talks</title><meta property=\"og:title\" content=\"Talks resume\">",
                "</head>",
                "<body><div class=\"story\" id=\"main\">",
                "",
                "<p style=\"display:none\" data-component=\"ad\">Hidden</p>",
                "<p>Talks <a>resumed</a> in Zürich.</p>",
                "",
                "<p>Café reopened.</p></div></body>"
            )
        );
    }

    #[test]
    fn text_content_elements_are_copied_verbatim() {
        let html = concat!(
            "<script type=\"application/ld+json\" data-x=\"1\">{\"articleBody\":\"<a href=x>Talks</a>\"}</script>",
            "<title>A <img src=x> title</title><p lang=\"de\" data-y=\"2\">Straße</p>"
        );
        assert_eq!(
            slim_for_extractor(html),
            concat!(
                "<script type=\"application/ld+json\">{\"articleBody\":\"<a href=x>Talks</a>\"}</script>",
                "<title>A <img src=x> title</title><p lang=\"de\">Straße</p>"
            )
        );
    }

    #[test]
    fn malformed_tags_leave_the_rest_of_the_page_unchanged() {
        let unclosed_quote = "<p data-x=\"1\">Talks resumed.</p><div class=\"a>Café";
        assert_eq!(slim_for_extractor(unclosed_quote), "<p>Talks resumed.</p><div class=\"a>Café");
        let unclosed_button = "<button class=\"b\" data-x=\"1\">Share<p>Talks resumed in Zürich.</p>";
        assert_eq!(slim_for_extractor(unclosed_button), "<button class=\"b\">Share<p>Talks resumed in Zürich.</p>");
        for html in ["<", "<p", "text < more", "<p data-x=\"1\""] {
            assert_eq!(slim_for_extractor(html), html);
        }
    }

    #[test]
    fn slimming_keeps_every_paragraph_text() {
        let html = concat!(
            "<body><article data-id=\"7\"><h1 itemprop=\"headline\" data-t=\"x\">Ceasefire holds</h1>",
            "<p data-a=\"1\" class=\"lead\">Officials in Kyiv — and in Moscow — said <em data-e>so</em>.</p>",
            "<p><a href='/x' target=_blank>Talks</a> resumed on Monday, 12 May.</p></article></body>"
        );
        let paragraph_texts = |page: &str| -> Vec<String> {
            let document = dom_query::Document::from(page);
            document.select("h1, p").iter().map(|node| node.text().to_string()).collect()
        };
        let slim = slim_for_extractor(html);
        assert_eq!(paragraph_texts(&slim), paragraph_texts(html));
        assert!(slim.len() < html.len());
    }

    fn sample_head() -> ExtractorHead {
        ExtractorHead {
            title: Some("Talks \"resume\" in <Zürich> & Bern".to_string()),
            author: Some("Ana Díaz".to_string()),
            published: Some("2024-05-12".to_string()),
            canonical_url: Some("https://news.example/talks?a=1&b=2".to_string()),
            site_name: None,
            language: Some("en".to_string()),
        }
    }

    #[test]
    fn the_extractor_head_is_escaped_keeps_json_ld_and_prefills_fields() {
        let html = concat!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Old | Site</title>",
            "<meta property=\"og:title\" content=\"Old\">",
            "<script type=\"application/ld+json\">{\"articleBody\":\"Talks resumed.\"}</script>",
            "</head><body><p>Talks resumed.</p></body></html>"
        );
        let rewritten = with_extractor_head(html, &sample_head());
        let document = dom_query::Document::from(rewritten.as_str());
        let meta = |name: &str| {
            let selection = document.select(&format!("meta[property=\"{name}\"], meta[name=\"{name}\"]"));
            selection.attr("content").map(|value| value.to_string())
        };
        assert_eq!(document.select("title").text().to_string(), "Talks \"resume\" in <Zürich> & Bern");
        assert_eq!(meta("og:title").as_deref(), Some("Talks \"resume\" in <Zürich> & Bern"));
        assert_eq!(meta("author").as_deref(), Some("Ana Díaz"));
        assert_eq!(meta("article:published_time").as_deref(), Some("2024-05-12"));
        assert_eq!(meta("og:url").as_deref(), Some("https://news.example/talks?a=1&b=2"));
        assert_eq!(meta("og:locale").as_deref(), Some("en"));
        assert_eq!(meta("og:site_name"), None, "a field dyad did not find gets no tag");
        for unread in ["article:section", "article:tag", "dc.rights"] {
            assert_eq!(meta(unread).as_deref(), Some(UNREAD_FIELD_PLACEHOLDER));
        }
        assert_eq!(document.select("meta").length(), 8, "the page's own meta tags are gone");
        assert!(
            rewritten.contains("<script type=\"application/ld+json\">{\"articleBody\":\"Talks resumed.\"}</script>")
        );
        assert!(rewritten.ends_with("</head><body><p>Talks resumed.</p></body></html>"));
        assert!(rewritten.starts_with("<!DOCTYPE html><html><head><title>"));
    }

    #[test]
    fn without_a_title_the_pages_own_title_element_is_kept() {
        let html =
            "<head><title>Talks | Site</title><meta name=\"author\" content=\"Old\"></head><body><p>Café</p></body>";
        let head = ExtractorHead { title: None, ..ExtractorHead::default() };
        let rewritten = with_extractor_head(html, &head);
        assert!(rewritten.starts_with("<head><title>Talks | Site</title><meta property=\"article:section\""));
        assert!(!rewritten.contains("Old"));
        assert!(rewritten.ends_with("</head><body><p>Café</p></body>"));
    }

    #[test]
    fn a_head_holding_body_content_is_only_prefixed() {
        let html = "<head><title>Talks</title><div>Talks resumed in Zürich.</div></head><body><p>More</p></body>";
        let rewritten = with_extractor_head(html, &sample_head());
        let (new_tags, rest) = rewritten.split_at(rewritten.find("<title>Talks</title>").unwrap_or(0));
        assert_eq!(rest, &html["<head>".len()..]);
        assert!(new_tags.starts_with("<head><title>Talks &quot;resume&quot; in &lt;Zürich&gt; &amp; Bern</title>"));
        let unclosed = "<head><meta name=\"a\" content=\"b\"><body><p>Talks</p>";
        let rewritten = with_extractor_head(unclosed, &ExtractorHead::default());
        assert!(rewritten.ends_with("<meta name=\"a\" content=\"b\"><body><p>Talks</p>"));
    }

    #[test]
    fn a_page_without_a_head_is_unchanged() {
        for html in ["<p>Talks resumed in Zürich.</p>", "<header><p>Talks</p></header>", "<head", ""] {
            assert_eq!(with_extractor_head(html, &sample_head()), html);
        }
    }

    #[test]
    fn prefilled_fields_reach_the_extractor_and_leave_its_text_alone() {
        let html = concat!(
            "<html><head><title>Ceasefire holds</title></head><body><article>",
            "<h1>Ceasefire holds</h1><p class=\"byline\">By Ana Díaz</p>",
            "<p>Officials in Kyiv said on Monday that the ceasefire agreed last week was holding across the front, ",
            "and that talks would resume in Geneva on Thursday with both delegations present.</p>",
            "</article></body></html>"
        );
        let options = rs_trafilatura::Options {
            page_type: Some(rs_trafilatura::page_type::PageType::Article),
            ..rs_trafilatura::Options::default()
        };
        let head = ExtractorHead { title: Some("Ceasefire holds".to_string()), ..sample_head() };
        let original = rs_trafilatura::extract_with_options(html, &options).expect("the sample page extracts");
        let rewritten = rs_trafilatura::extract_with_options(&with_extractor_head(html, &head), &options)
            .expect("the rewritten page extracts");
        assert_eq!(rewritten.content_text, original.content_text);
        assert_eq!(rewritten.metadata.author.as_deref(), Some("Ana Díaz"));
        assert!(!rewritten.metadata.categories.is_empty() && !rewritten.metadata.tags.is_empty());
        assert!(rewritten.metadata.date.is_some() && rewritten.metadata.license.is_some());
    }

    #[test]
    fn our_own_parse_keeps_every_element_and_the_attributes_we_read() {
        let html = concat!(
            "<html lang=\"de\"><head><meta property=\"og:title\" content=\"Talks\" data-x=\"1\">",
            "<link rel=\"canonical\" href=\"https://news.example/a\" crossorigin></head>",
            "<body><article class=\"story\" id=\"main\" data-props='{\"a\":\"<b>\"}' onclick=\"go()\">",
            "<a rel=\"author\" href=\"/author/ana\" data-track=\"x\">Ana Díaz</a>",
            "<time datetime=\"2024-05-12\" pubdate data-t=\"1\">12 May</time>",
            "<figure><img src=\"a.jpg\" srcset=\"a.webp 1x\" alt=\"x\"><figcaption>Talks</figcaption></figure>",
            "<div hidden aria-hidden=\"true\" style=\"display:none\" aria-label=\"x\">Hidden</div>",
            "<button type=\"button\" data-a=\"1\">Share</button><p itemprop=\"articleBody\">Straße</p></article></body></html>"
        );
        assert_eq!(
            slim_for_own_parse(html),
            concat!(
                "<html lang=\"de\"><head><meta property=\"og:title\" content=\"Talks\">",
                "<link rel=\"canonical\" href=\"https://news.example/a\"></head>",
                "<body><article class=\"story\" id=\"main\">",
                "<a rel=\"author\" href=\"/author/ana\">Ana Díaz</a>",
                "<time datetime=\"2024-05-12\" pubdate>12 May</time>",
                "<figure><img><figcaption>Talks</figcaption></figure>",
                "<div hidden aria-hidden=\"true\" style=\"display:none\">Hidden</div>",
                "<button type=\"button\">Share</button><p itemprop=\"articleBody\">Straße</p></article></body></html>"
            )
        );
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
