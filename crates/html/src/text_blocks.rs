//! The fallback article finder: when the main-text extractor returns a fragment, find the
//! page element that holds the most article-like text, whatever elements the text sits in.
//!
//! A page is read as a sequence of *text blocks*: the text of one paragraph-like element
//! (`p`, `li`, `h1`–`h6`, `blockquote`, `td`, …) or one run of loose text and inline markup
//! inside a container (`<div>` text between child blocks or `<br>` breaks). Each block scores
//! the elements above it, readability-style, with its length minus its link text; blocks in
//! page furniture (navigation, sidebars, comments, share bars) score nothing. The best
//! element's blocks become the paragraphs, headings and list items each their own.
//!
//! Invariants:
//! - Blocks are in document order, and no character of the page's text is in two blocks.
//! - Text of `script`, `style`, hidden elements and navigation/form furniture is never read.
//! - Work is bounded: at most [`MAX_BLOCKS`] blocks and [`MAX_DEPTH`] levels of nesting are
//!   read, so a hostile page cannot make this slow or overflow the stack.

use crate::text::{is_furniture_line, normalize_whitespace};
use dom_query::{NodeId, NodeRef};
use std::collections::HashMap;

/// One run of text that reads as a paragraph.
#[derive(Debug)]
struct TextBlock {
    /// The element holding the text, then its ancestors, innermost first.
    owner_and_ancestors: Vec<NodeId>,
    /// How many levels above the owner its container is: 0 for a box of loose text (its
    /// own container), 1 for a paragraph-like element, 2 for a list item (the element around
    /// the list: a guide's lists are parts of the article, not the article).
    levels_to_container: usize,
    text: String,
    /// Characters of `text` (whitespace normalised) that are link text.
    link_chars: usize,
    /// Inside navigation, a sidebar, comments or a similar box.
    in_furniture: bool,
}

impl TextBlock {
    fn chars(&self) -> usize {
        self.text.chars().count()
    }

    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars().max(1) as f64
    }

    /// What this block says about where the article is: its text outside links, if it is
    /// long enough to be prose and is not furniture or mostly links.
    fn content_score(&self) -> f64 {
        let chars = self.chars();
        if self.in_furniture || chars < MIN_SCORED_BLOCK_CHARS || self.link_density() > MAX_SCORED_LINK_DENSITY {
            return 0.0;
        }
        (chars - self.link_chars.min(chars)) as f64
    }

    /// The elements this block lends its score to: the containers up to
    /// [`SCORED_ANCESTOR_LEVELS`] levels above the text.
    fn scored_containers(&self) -> &[NodeId] {
        let ancestors = self.owner_and_ancestors.get(self.levels_to_container..).unwrap_or(&[]);
        &ancestors[..ancestors.len().min(SCORED_ANCESTOR_LEVELS)]
    }
}

/// Blocks shorter than this (labels, buttons, bylines) say nothing about where the article is.
const MIN_SCORED_BLOCK_CHARS: usize = 25;
/// Blocks with more of their text in links than this are menus or teaser lists.
const MAX_SCORED_LINK_DENSITY: f64 = 0.5;
const SCORED_ANCESTOR_LEVELS: usize = 5;
const MAX_BLOCKS: usize = 20_000;
const MAX_DEPTH: usize = 256;

/// The paragraphs of the element holding the most article-like text, in document order, or
/// nothing when the page has no scored text. Furniture lines and blocks inside furniture
/// boxes are left out.
pub(crate) fn densest_text_container(document: &dom_query::Document) -> Vec<String> {
    let blocks = read_text_blocks(document);
    let Some(best) = best_container(&blocks) else {
        return Vec::new();
    };
    blocks
        .into_iter()
        .filter(|block| !block.in_furniture && block.owner_and_ancestors.contains(&best))
        .map(|block| block.text)
        .filter(|text| !is_furniture_line(text))
        .collect()
}

/// The element with the highest score: each block adds its content score to its container
/// and, decaying, to the containers above (1, 1/2, 1/6, 1/9, 1/12), and each element's total
/// is scaled down by the share of its text that is links, as a box of teasers or a menu
/// beside the story should not win by size.
fn best_container(blocks: &[TextBlock]) -> Option<NodeId> {
    #[derive(Default)]
    struct Totals {
        score: f64,
        chars: usize,
        link_chars: usize,
    }
    let mut totals: HashMap<NodeId, Totals> = HashMap::new();
    for block in blocks {
        let score = block.content_score();
        for (level, container) in block.scored_containers().iter().enumerate() {
            let entry = totals.entry(*container).or_default();
            entry.score += score / level_divider(level);
            entry.chars += block.chars();
            entry.link_chars += block.link_chars;
        }
    }
    totals
        .into_iter()
        .map(|(id, totals)| (id, totals.score * (1.0 - totals.link_chars as f64 / totals.chars.max(1) as f64)))
        .filter(|(_, score)| *score > 0.0)
        // Ties go to the element earlier in the tree (lower id), so the choice is stable.
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(id, _)| id)
}

fn level_divider(level: usize) -> f64 {
    match level {
        0 => 1.0,
        1 => 2.0,
        _ => level as f64 * 3.0,
    }
}

/// Every text block of the page's body, in document order.
fn read_text_blocks(document: &dom_query::Document) -> Vec<TextBlock> {
    let mut reader = BlockReader { blocks: Vec::new(), ancestors: Vec::new() };
    let body = document.select("body");
    if let Some(body) = body.nodes().first() {
        reader.read_container(body, false);
    }
    reader.blocks
}

struct BlockReader {
    blocks: Vec<TextBlock>,
    /// The element being read and its ancestors up to `<body>`, outermost first.
    ancestors: Vec<NodeId>,
}

/// Loose text and inline markup being gathered into one block.
#[derive(Default)]
struct InlineRun {
    text: String,
    link_chars: usize,
}

impl BlockReader {
    /// Reads an element's children: block children are read on their own, loose text and
    /// inline children between them form the element's own blocks.
    fn read_container(&mut self, element: &NodeRef, in_furniture: bool) {
        if self.ancestors.len() >= MAX_DEPTH || self.blocks.len() >= MAX_BLOCKS {
            return;
        }
        self.ancestors.push(element.id);
        let levels_to_container = levels_to_container(element);
        let mut run = InlineRun::default();
        for child in element.children_it(false) {
            if child.is_text() {
                run.text.push_str(&child.text());
                continue;
            }
            let Some(name) = child.node_name() else {
                continue;
            };
            if name.as_ref() == "br" {
                self.finish_run(&mut run, levels_to_container, in_furniture);
            } else if is_skipped(&child) {
                continue;
            } else if is_inline(&name) && !has_block_descendant(&child) {
                let text = child.text();
                run.link_chars += if name.as_ref() == "a" { visible_chars(&text) } else { link_chars_inside(&child) };
                run.text.push_str(&text);
            } else {
                self.finish_run(&mut run, levels_to_container, in_furniture);
                let child_in_furniture = match box_kind(&child) {
                    BoxKind::Content => false,
                    BoxKind::Furniture => true,
                    BoxKind::Neutral => in_furniture,
                };
                self.read_container(&child, child_in_furniture);
            }
        }
        self.finish_run(&mut run, levels_to_container, in_furniture);
        self.ancestors.pop();
    }

    fn finish_run(&mut self, run: &mut InlineRun, levels_to_container: usize, in_furniture: bool) {
        let run = std::mem::take(run);
        let text = normalize_whitespace(&run.text);
        if text.is_empty() || self.blocks.len() >= MAX_BLOCKS {
            return;
        }
        self.blocks.push(TextBlock {
            owner_and_ancestors: self.ancestors.iter().rev().copied().collect(),
            levels_to_container,
            link_chars: run.link_chars.min(text.chars().count()),
            text,
            in_furniture,
        });
    }
}

/// Characters that survive whitespace normalisation, roughly: all but whitespace, plus one
/// space between words.
fn visible_chars(text: &str) -> usize {
    normalize_whitespace(text).chars().count()
}

fn link_chars_inside(element: &NodeRef) -> usize {
    element
        .descendants_it()
        .filter(|node| node.node_name().is_some_and(|name| name.as_ref() == "a"))
        .map(|link| visible_chars(&link.text()))
        .sum()
}

/// See [`TextBlock::levels_to_container`].
fn levels_to_container(element: &NodeRef) -> usize {
    let in_list =
        element.parent().and_then(|parent| parent.node_name()).is_some_and(|name| matches!(name.as_ref(), "ul" | "ol"));
    match element.node_name() {
        Some(name) if name.as_ref() == "li" && in_list => 2,
        _ => usize::from(is_paragraph_like(element)),
    }
}

/// Elements whose text is one paragraph: their container is the element around them.
fn is_paragraph_like(element: &NodeRef) -> bool {
    element.node_name().is_some_and(|name| {
        matches!(
            name.as_ref(),
            "p" | "li"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
                | "pre"
                | "td"
                | "th"
                | "dd"
                | "dt"
                | "figcaption"
        )
    })
}

/// Phrasing elements, whose text continues the surrounding paragraph. Anything else
/// (including unknown custom elements) is read as a block of its own.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
    )
}

/// An inline element wrapping blocks (`<a><div>…</div></a>`, `<span><p>…</p></span>`) is
/// read as a container, so its paragraphs stay apart.
fn has_block_descendant(element: &NodeRef) -> bool {
    element.descendants_it().any(|node| {
        node.node_name().is_some_and(|name| node.is_element() && !is_inline(&name) && name.as_ref() != "br")
    })
}

/// Elements whose text is never article text: code, embedded media, form controls, and
/// anything hidden from readers.
fn is_skipped(element: &NodeRef) -> bool {
    let Some(name) = element.node_name() else {
        return true;
    };
    let never_article = matches!(
        name.as_ref(),
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "button"
            | "textarea"
            | "input"
            | "head"
            | "title"
            | "meta"
            | "link"
    );
    never_article || is_hidden(element)
}

fn is_hidden(element: &NodeRef) -> bool {
    let style_hides = element.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    });
    element.has_attr("hidden")
        || element.attr("aria-hidden").is_some_and(|value| value.as_ref() == "true")
        || style_hides
}

/// What an element's tag, class and id say about its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BoxKind {
    /// `<article>`, `<main>`, or a class/id naming content ("post-content", "story-body"):
    /// its text is candidate article text even inside a furniture box, because pages wrap
    /// the story and its sidebar in one "sidebar-container", or leave a banner unclosed.
    Content,
    /// `<nav>`, `<aside>`, `<header>`, `<footer>`, or a class/id naming furniture
    /// ("sidebar", "comments", "related-posts", "share-bar").
    Furniture,
    /// Says nothing: the text is what its surroundings are. A box named both ways
    /// ("comment-content") is neutral too, as in readability.
    Neutral,
}

fn box_kind(element: &NodeRef) -> BoxKind {
    let Some(name) = element.node_name() else {
        return BoxKind::Neutral;
    };
    match name.as_ref() {
        "article" | "main" => return BoxKind::Content,
        "nav" | "aside" | "header" | "footer" => return BoxKind::Furniture,
        _ => {}
    }
    let names = format!(
        "{} {}",
        element.attr("class").unwrap_or_default().to_lowercase(),
        element.attr("id").unwrap_or_default().to_lowercase()
    );
    let names_furniture = FURNITURE_NAMES.iter().any(|word| names.contains(word));
    let names_content = CONTENT_NAMES.iter().any(|word| names.contains(word));
    match (names_content, names_furniture) {
        (true, false) => BoxKind::Content,
        (false, true) => BoxKind::Furniture,
        _ => BoxKind::Neutral,
    }
}

const FURNITURE_NAMES: [&str; 23] = [
    "comment",
    "sidebar",
    "footer",
    "masthead",
    "menu",
    "navbar",
    "breadcrumb",
    "related",
    "share",
    "social",
    "sponsor",
    "promo",
    "newsletter",
    "subscribe",
    "cookie",
    "consent",
    "banner",
    "popup",
    "modal",
    "pagination",
    "pager",
    "disqus",
    "advert",
];
const CONTENT_NAMES: [&str; 5] = ["article", "content", "main", "story", "entry"];

#[cfg(test)]
mod tests {
    use super::*;

    fn container_paragraphs(html: &str) -> Vec<String> {
        densest_text_container(&dom_query::Document::from(html))
    }

    const SENTENCE: &str = "The harbour authority said on Monday that repairs to the northern pier would take a month.";

    #[test]
    fn a_guide_written_in_list_items_and_headings_is_found() {
        let items = format!("<li>{SENTENCE}</li>").repeat(5);
        let html = format!(
            r#"<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
            <div class="guide"><h2>Ferry timetable</h2><ul>{items}</ul><h3>Fares</h3>
            <div>Tickets cost more in summer, when the ferries run every hour from the pier.</div></div>
            <div class="sidebar"><p>Our newsletter brings the week's best stories to your inbox.</p></div></body>"#
        );
        let paragraphs = container_paragraphs(&html);
        assert_eq!(paragraphs.len(), 8, "{paragraphs:?}");
        assert_eq!(paragraphs[0], "Ferry timetable");
        assert!(paragraphs[1..6].iter().all(|paragraph| paragraph == SENTENCE));
        assert_eq!(paragraphs[6], "Fares");
        assert!(paragraphs[7].starts_with("Tickets cost more"));
    }

    #[test]
    fn loose_text_split_by_line_breaks_makes_paragraphs() {
        let html = format!(
            "<body><div id=\"text\">{SENTENCE}<br><br>The mayor <b>said</b> work would start soon.<br>{SENTENCE}</div></body>"
        );
        assert_eq!(
            container_paragraphs(&html),
            vec![SENTENCE.to_string(), "The mayor said work would start soon.".to_string(), SENTENCE.to_string()]
        );
    }

    #[test]
    fn a_list_of_links_loses_to_a_shorter_story() {
        let links = "<li><a href=\"/x\">Floods close schools across the northern region today</a></li>".repeat(12);
        let html = format!(
            "<body><div class=\"list\"><ul>{links}</ul></div><div class=\"story\"><p>{SENTENCE}</p><p>{SENTENCE}</p></div></body>"
        );
        assert_eq!(container_paragraphs(&html), vec![SENTENCE.to_string(), SENTENCE.to_string()]);
    }

    #[test]
    fn comments_and_hidden_text_are_neither_scored_nor_output() {
        let comments = format!("<p>{SENTENCE} I disagree with this entirely.</p>").repeat(6);
        let html = format!(
            r#"<body><div class="story"><p>{SENTENCE}</p><p style="display: none">Hidden teaser text that no reader sees on the page.</p>
            <div class="comments-list">{comments}</div></div></body>"#
        );
        assert_eq!(container_paragraphs(&html), vec![SENTENCE.to_string()]);
    }

    #[test]
    fn list_items_holding_paragraphs_are_read_once() {
        let html = format!("<body><div><ol><li><p>{SENTENCE}</p><p>{SENTENCE}</p></li></ol></div></body>");
        assert_eq!(container_paragraphs(&html), vec![SENTENCE.to_string(), SENTENCE.to_string()]);
    }

    #[test]
    fn a_page_without_text_gives_nothing_and_deep_nesting_is_safe() {
        assert!(container_paragraphs("<body><div><img src=\"a.jpg\"></div></body>").is_empty());
        let deep = format!("<body>{}{SENTENCE}{}</body>", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert!(container_paragraphs(&deep).len() <= 1);
    }
}
