//! Markdown articles in the shape news scrapers save them:
//!
//! ```text
//! # Title
//! July 25, 2024
//! Caption of the photo. **Photographer, AGENCY / site**
//! By Jane Doe
//! Body paragraphs ... [links](...) ... **Related article:** [...](...)
//! *AFP contributed reporting.*
//! Original url:
//! <https://...>
//! ```
//!
//! Invariant: the body is plain text (no markdown syntax) with paragraphs separated by
//! "\n\n", and never contains the title, the date line, a caption, a photo credit, a
//! related-article line, a credit line or the url footer: those go to metadata or nowhere.
//! Headings inside the body and list items each become their own paragraph.

use crate::dates::{parse_date_line, parse_date_value, strip_date_label};
use crate::error::ReadError;
use crate::inline::inline_to_text;
use crate::normalize::{clean_credit, collapse_whitespace, is_credit_line, join_paragraphs, normalise_line_endings};
use crate::plain::{apply_dateline, move_trailing_credits};
use dyad_document::{Document, Metadata};
use regex::Regex;
use std::sync::LazyLock;

/// Reads one markdown article; `source` names it in `Metadata::source` and in errors.
pub fn parse_article(text: &str, source: &str) -> Result<Document, ReadError> {
    let mut metadata = Metadata { source: source.to_string(), ..Metadata::default() };
    let text = normalise_line_endings(text);
    let without_front_matter = read_front_matter(&text, &mut metadata);
    let without_comments = HTML_COMMENT.replace_all(without_front_matter, "\n");
    let blocks = split_blocks(&without_comments);
    let mut body_paragraphs = ArticleBuilder::new(&mut metadata).build(&blocks);
    apply_dateline(&mut body_paragraphs, &mut metadata);
    let body = join_paragraphs(&body_paragraphs);
    if body.is_empty() {
        return Err(ReadError::Empty { input: metadata.source });
    }
    Ok(Document::from_body(body, metadata))
}

static HTML_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("comment pattern is valid"));

/// The markdown blocks that matter for an article: paragraphs keep their raw lines so
/// that a caption and its credit on the next line are seen together.
#[derive(Clone, Debug, PartialEq)]
enum Block {
    Heading(String),
    Paragraph(Vec<String>),
    ListItem(Vec<String>),
}

impl Block {
    fn raw_text(&self) -> String {
        match self {
            Block::Heading(text) => text.clone(),
            Block::Paragraph(lines) | Block::ListItem(lines) => lines.join(" "),
        }
    }
}

static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(?P<text>.*)$").expect("list pattern is valid"));
static THEMATIC_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$").expect("break pattern is valid")
});
static REFERENCE_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}\[[^\]]{1,200}\]:\s*\S+").expect("reference pattern is valid"));
static TABLE_RULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$").expect("table rule pattern is valid")
});

/// Groups lines into blocks. Code fences and reference definitions are dropped; block
/// quote markers are removed (quoted passages in news are still news).
fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut in_code_fence = false;
    for raw_line in text.split('\n') {
        let line = strip_quote_markers(raw_line);
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code_fence = !in_code_fence;
            blocks.extend(current.take());
            continue;
        }
        if in_code_fence || REFERENCE_DEFINITION.is_match(line) || (TABLE_RULE.is_match(line) && trimmed.contains('|'))
        {
            continue;
        }
        if trimmed.is_empty() {
            blocks.extend(current.take());
        } else if let Some(heading) = atx_heading(trimmed) {
            blocks.extend(current.take());
            blocks.push(Block::Heading(heading.to_string()));
        } else if let Some(Block::Paragraph(lines)) = current.as_ref().filter(|_| is_setext_underline(trimmed)) {
            // "Title\n=====" (or "-----"): the paragraph above was a heading.
            let heading = lines.join(" ");
            current = None;
            blocks.push(Block::Heading(heading));
        } else if THEMATIC_BREAK.is_match(line) {
            blocks.extend(current.take());
        } else if let Some(captures) = LIST_ITEM.captures(line) {
            blocks.extend(current.take());
            current = Some(Block::ListItem(vec![captures["text"].to_string()]));
        } else {
            match current.as_mut() {
                Some(Block::Paragraph(lines) | Block::ListItem(lines)) => lines.push(trimmed.to_string()),
                _ => current = Some(Block::Paragraph(vec![trimmed.to_string()])),
            }
        }
    }
    blocks.extend(current);
    blocks
}

fn strip_quote_markers(line: &str) -> &str {
    let mut rest = line;
    while let Some(after) = rest.trim_start().strip_prefix('>') {
        rest = after;
    }
    rest
}

/// "## Heading ##" → "Heading"; None when the line is not an ATX heading ("#hashtag").
fn atx_heading(trimmed: &str) -> Option<&str> {
    let level = trimmed.bytes().take_while(|byte| *byte == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &trimmed[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end())
}

fn is_setext_underline(trimmed: &str) -> bool {
    trimmed.len() >= 2 && (trimmed.bytes().all(|byte| byte == b'=') || trimmed.bytes().all(|byte| byte == b'-'))
}

/// Walks the blocks once, sending each to metadata or to the body.
struct ArticleBuilder<'a> {
    metadata: &'a mut Metadata,
    body: Vec<String>,
    seen_heading: bool,
}

impl<'a> ArticleBuilder<'a> {
    fn new(metadata: &'a mut Metadata) -> ArticleBuilder<'a> {
        ArticleBuilder { metadata, body: Vec::new(), seen_heading: false }
    }

    fn build(mut self, blocks: &[Block]) -> Vec<String> {
        let mut index = 0;
        while index < blocks.len() {
            index += match &blocks[index] {
                Block::Heading(raw) => self.take_heading(raw),
                block => {
                    let cleaned = self.remove_embedded_lines(block);
                    self.take_paragraph(&cleaned, blocks.get(index + 1))
                }
            };
        }
        move_trailing_credits(&mut self.body, &mut self.metadata.credits);
        self.body
    }

    /// The first heading before any body text is the title; later ones are body paragraphs.
    fn take_heading(&mut self, raw: &str) -> usize {
        let text = inline_to_text(raw);
        let is_top = !self.seen_heading && self.body.is_empty();
        self.seen_heading = true;
        match &self.metadata.title {
            None if is_top && !text.is_empty() => self.metadata.title = Some(text),
            // Front matter already gave the title; the heading repeats it.
            Some(title) if is_top && *title == text => {}
            _ => self.body.push(text),
        }
        1
    }

    /// Drops related-article lines and moves italic credit lines out of a paragraph that
    /// has them on lines of their own but with no blank line around them.
    fn remove_embedded_lines(&mut self, block: &Block) -> Block {
        let Block::Paragraph(lines) = block else {
            return block.clone();
        };
        if lines.len() < 2 {
            return block.clone();
        }
        let mut kept = Vec::with_capacity(lines.len());
        for line in lines {
            let text = inline_to_text(line);
            if is_related_line(&text) {
                continue;
            }
            if is_wrapped(line) && is_credit_line(&text) {
                self.metadata.credits.push(clean_credit(&text));
                continue;
            }
            kept.push(line.clone());
        }
        Block::Paragraph(kept)
    }

    /// Returns how many blocks it consumed (2 when a caption's credit or a footer's url
    /// sits in the following block).
    fn take_paragraph(&mut self, block: &Block, next: Option<&Block>) -> usize {
        let raw = block.raw_text();
        let text = inline_to_text(&raw);
        if text.is_empty() || is_related_line(&text) {
            return 1;
        }
        let in_header = self.body.len() <= 1;
        if self.body.is_empty()
            && self.metadata.published.is_none()
            && let Some(date) = parse_date_line(strip_date_label(&text))
        {
            self.metadata.published = Some(date);
            return 1;
        }
        if is_url_footer(&text) {
            return self.take_url_footer(&raw, next);
        }
        if in_header
            && self.metadata.byline.is_none()
            && let Some(byline) = byline_of(&text)
        {
            self.metadata.byline = Some(byline);
            return 1;
        }
        if let Some((caption, credit)) = split_caption_and_credit(&raw) {
            self.metadata.captions.push(caption);
            self.metadata.credits.push(credit);
            return 1;
        }
        if let Some(credit) = next.and_then(standalone_photo_credit).filter(|_| is_caption_sized(&text)) {
            self.metadata.captions.push(text);
            self.metadata.credits.push(credit);
            return 2;
        }
        if let Some(credit) = standalone_photo_credit(block) {
            self.metadata.credits.push(credit);
            return 1;
        }
        // A credit set apart by italics or parentheses is one wherever it stands; a bare
        // one only at the end of the story (see `build`), where it cannot be a sentence
        // such as "Reporting by local media showed ...".
        if is_wrapped(&raw) && is_credit_line(&text) {
            self.metadata.credits.push(clean_credit(&text));
            return 1;
        }
        self.body.push(text);
        1
    }

    /// "Original url: https://..." or the url alone in the next block.
    fn take_url_footer(&mut self, raw: &str, next: Option<&Block>) -> usize {
        if let Some(url) = first_url(raw) {
            self.metadata.url.get_or_insert(url);
            return 1;
        }
        match next.and_then(|block| first_url(&block.raw_text())) {
            Some(url) => {
                self.metadata.url.get_or_insert(url);
                2
            }
            None => 1,
        }
    }
}

/// A line wholly in italics or parentheses: how credit lines set themselves apart.
fn is_wrapped(line: &str) -> bool {
    let trimmed = line.trim();
    let wrapped_in =
        |open: char, close: char| trimmed.len() > 2 && trimmed.starts_with(open) && trimmed.ends_with(close);
    wrapped_in('*', '*') || wrapped_in('_', '_') || wrapped_in('(', ')')
}

static RELATED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:related(?:\s+(?:article|articles|story|stories|content|coverage|news))?|read\s+(?:more|also)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|recommended)\s*:")
        .expect("related pattern is valid")
});

/// "Related article: ...", "Read more: ...": links to other stories, dropped entirely.
fn is_related_line(text: &str) -> bool {
    text.len() <= 400 && RELATED_LINE.is_match(text)
}

fn is_url_footer(text: &str) -> bool {
    let lowercase = text.to_ascii_lowercase();
    ["original url", "original article", "source url", "canonical url"]
        .iter()
        .any(|label| lowercase.starts_with(label) && lowercase[label.len()..].trim_start().starts_with(':'))
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>()\[\]"']+"#).expect("url pattern is valid"));

fn first_url(raw: &str) -> Option<String> {
    URL.find(raw).map(|found| found.as_str().trim_end_matches(['.', ',', ';', ':']).to_string())
}

/// Words a byline may contain in lower case: name particles and "and".
const NAME_PARTICLES: [&str; 14] =
    ["and", "de", "da", "del", "der", "van", "von", "al", "bin", "el", "la", "le", "y", "in"];

/// "By Jane Doe", "BY JANE DOE AND OMAR HADDAD, Reuters" → the names; None for a sentence
/// such as "By Tuesday, the talks had collapsed."
fn byline_of(text: &str) -> Option<String> {
    let (by, names) = text.split_once(char::is_whitespace)?;
    if !by.eq_ignore_ascii_case("by") || names.len() > 100 {
        return None;
    }
    let words: Vec<&str> = names.split_whitespace().collect();
    let looks_like_names = !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|word| {
            let word = word.trim_matches([',', '|', ';']);
            word.is_empty()
                || word.starts_with(char::is_uppercase)
                || NAME_PARTICLES.contains(&word)
                || word.starts_with("al-")
        })
        && !is_weekday(words[0].trim_end_matches(','));
    looks_like_names.then(|| collapse_whitespace(names.trim_end_matches('.')))
}

fn is_weekday(word: &str) -> bool {
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        .contains(&word.to_ascii_lowercase().as_str())
}

static PHOTO_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:photo|photos|photograph|photographer|image|images|credit|courtesy|getty|reuters|ap|afp|epa|tass|ria|anadolu|xinhua|sputnik|shutterstock|pool|handout)\b")
        .expect("photo word pattern is valid")
});

/// A bold run that credits a photo: short, made mostly of names, agencies and sites, and
/// with a slash, a comma or a photo word ("Valery Sharifulin, TASS / kremlin.ru",
/// "Photo: AP"). A bold phrase of ordinary words ("the worst, ever") is not a credit.
fn is_photo_credit(plain: &str) -> bool {
    let words: Vec<&str> = plain.split_whitespace().collect();
    let name_like = words.iter().filter(|word| is_credit_word(word)).count();
    (1..=14).contains(&words.len())
        && plain.len() <= 140
        && name_like * 5 >= words.len() * 3
        && !plain.ends_with(':')
        && !plain.contains(['"', '“', '”'])
        && (plain.contains('/') || plain.contains(',') || PHOTO_WORDS.is_match(plain))
}

/// Words a credit is made of: capitalised names, agency acronyms, domains ("kremlin.ru"),
/// separators ("/", "|", "©") and the small words between them.
fn is_credit_word(word: &str) -> bool {
    let word = word.trim_matches([',', ':', ';', '(', ')']);
    word.is_empty()
        || word.starts_with(char::is_uppercase)
        || !word.contains(char::is_alphabetic)
        || (word.contains('.') && !word.ends_with('.'))
        || PHOTO_WORDS.is_match(word)
        || ["via", "for", "by", "of", "the"].contains(&word)
        || NAME_PARTICLES.contains(&word)
}

/// A caption is short: a line under a photo, not a paragraph of the story.
fn is_caption_sized(text: &str) -> bool {
    text.split_whitespace().count() <= 60
}

/// "Caption text. **Photographer, AGENCY**" → (caption, credit).
fn split_caption_and_credit(raw: &str) -> Option<(String, String)> {
    let trimmed = raw.trim();
    let without_close = trimmed.strip_suffix("**")?;
    let open = without_close.rfind("**")?;
    let credit = inline_to_text(&without_close[open + 2..]);
    let caption = inline_to_text(&without_close[..open]);
    (!caption.is_empty() && is_caption_sized(&caption) && is_photo_credit(&credit)).then_some((caption, credit))
}

/// A block that is nothing but a bold photo credit.
fn standalone_photo_credit(block: &Block) -> Option<String> {
    let Block::Paragraph(_) = block else {
        return None;
    };
    let raw = block.raw_text();
    let inner = raw.trim().strip_prefix("**")?.strip_suffix("**")?;
    if inner.contains("**") {
        return None;
    }
    let credit = inline_to_text(inner);
    is_photo_credit(&credit).then_some(credit)
}

/// YAML front matter ("---\ntitle: ...\n---"): fills metadata and returns the rest.
fn read_front_matter<'t>(text: &'t str, metadata: &mut Metadata) -> &'t str {
    let Some(after_open) = text.strip_prefix("---\n") else {
        return text;
    };
    let Some(close) = after_open.find("\n---\n").or_else(|| after_open.strip_suffix("\n---").map(|inner| inner.len()))
    else {
        return text;
    };
    // A "---" rule followed by prose and another rule is not front matter.
    if !after_open[..close].lines().all(is_front_matter_line) {
        return text;
    }
    for line in after_open[..close].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => metadata.title = Some(collapse_whitespace(value)),
            "date" | "published" | "pubdate" | "published_at" => {
                metadata.published = parse_date_value(value).or(metadata.published)
            }
            "url" | "link" | "canonical_url" | "source_url" => metadata.url = Some(value.to_string()),
            "author" | "byline" | "authors" => metadata.byline = Some(collapse_whitespace(value)),
            "lang" | "language" => metadata.language = Some(value.to_string()),
            _ => {}
        }
    }
    let rest_start = (close + "\n---\n".len()).min(after_open.len());
    &after_open[rest_start..]
}

static FRONT_MATTER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*$|[A-Za-z_][\w-]*\s*:|\s+\S|-\s)").expect("front matter line pattern is valid")
});

fn is_front_matter_line(line: &str) -> bool {
    FRONT_MATTER_LINE.is_match(line)
}

#[cfg(test)]
mod tests;
