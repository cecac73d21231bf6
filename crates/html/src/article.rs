//! Article extraction from one HTML page: metadata from structured data first, the main
//! text from the page's content blocks.
//!
//! The main-text pass is `rs-trafilatura` (a port of trafilatura's boilerplate removal);
//! this module decides what to ask it, and cleans what comes back into paragraphs.

use crate::HtmlError;
use crate::charset::decode_html;
use crate::language::detect_language;
use crate::markup::strip_inert_markup;
use crate::metadata::read_metadata;
use crate::text::{clean_paragraphs, normalize_whitespace};
use dyad_document::{Document, Metadata, PartialDate, content_id};
use std::collections::HashSet;

/// One news article read from a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    /// The article text, one entry per paragraph, without captions, credits or page furniture.
    pub body_paragraphs: Vec<String>,
    pub published: Option<PartialDate>,
    pub authors: Vec<String>,
    pub canonical_url: Option<String>,
    /// ISO 639-1 code: declared by the page, or detected from the body when it declares none.
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub lead_image_caption: Option<String>,
}

/// Extracts the article from a page's raw bytes (any charset). `url` is where the page was
/// fetched from, used for error messages, URL dates and the page-type heuristics.
pub fn extract_article(html: &[u8], url: Option<&str>) -> Result<Article, HtmlError> {
    let source_name = url.unwrap_or("the page").to_string();
    if html.iter().all(u8::is_ascii_whitespace) {
        return Err(HtmlError::EmptyPage { source_name });
    }
    let source = decode_html(html);
    let text = strip_inert_markup(&source);
    let document = dom_query::Document::from(text.as_str());
    let captions = caption_texts(&document);
    let link_texts = whole_link_texts(&document);
    let metadata = read_metadata(&document, &source, url);
    drop(source);
    let mut body_paragraphs = main_text_paragraphs(&text, url, &source_name)?;
    if word_count(&body_paragraphs) < SHORT_BODY_WORDS {
        let densest = densest_paragraph_block(&document);
        if word_count(&densest) >= 3 * word_count(&body_paragraphs).max(100) {
            body_paragraphs = densest;
        }
    }
    drop(document);
    let body_paragraphs = drop_repeated_title(body_paragraphs, metadata.title.as_deref());
    let body_paragraphs: Vec<String> =
        body_paragraphs.into_iter().filter(|paragraph| !is_caption(paragraph, &captions)).collect();
    let body_paragraphs = drop_related_story_lists(body_paragraphs, &link_texts);
    if body_paragraphs.is_empty() {
        return Err(HtmlError::NoArticleText { source_name });
    }
    let language = metadata.language.clone().or_else(|| detect_language(&body_paragraphs.join(" ")));
    Ok(Article {
        title: metadata.title,
        body_paragraphs,
        published: metadata.published,
        authors: metadata.authors,
        canonical_url: metadata.canonical_url,
        language,
        site_name: metadata.site_name,
        lead_image_caption: metadata.lead_image_caption,
    })
}

fn main_text_paragraphs(html: &str, url: Option<&str>, source_name: &str) -> Result<Vec<String>, HtmlError> {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_string),
        // dyad reads news: skip the page-type classifier (a third of the extractor's time)
        // and extract every page as an article.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let result = rs_trafilatura::extract_with_options(html, &options)
        .map_err(|error| HtmlError::Extraction { source_name: source_name.to_string(), message: error.to_string() })?;
    Ok(clean_paragraphs(&result.content_text))
}

/// The paragraphs of the element holding the most paragraph text, readability-style: every
/// `<p>` of some length scores its parent with its length and its grandparent with half.
/// Used when the extractor returns a fragment (a teaser box, a bio, a disclosure) although
/// the page plainly holds an article: its paragraphs then sit together under one element.
fn densest_paragraph_block(document: &dom_query::Document) -> Vec<String> {
    let mut scores: Vec<(dom_query::NodeId, f64)> = Vec::new();
    let mut add = |id: dom_query::NodeId, score: f64| match scores.iter_mut().find(|(known, _)| *known == id) {
        Some((_, total)) => *total += score,
        None => scores.push((id, score)),
    };
    for paragraph in document.select("body p").nodes().iter().take(3_000) {
        let length = paragraph.text().trim().chars().count();
        if length < MIN_SCORED_PARAGRAPH_CHARS {
            continue;
        }
        if let Some(parent) = paragraph.parent() {
            add(parent.id, length as f64);
            if let Some(grandparent) = parent.parent() {
                add(grandparent.id, length as f64 / 2.0);
            }
        }
    }
    let Some((best, _)) = scores.into_iter().max_by(|a, b| a.1.total_cmp(&b.1)) else {
        return Vec::new();
    };
    let container = dom_query::Selection::from(dom_query::NodeRef::new(best, &document.tree));
    container
        .select("p, h2, h3, h4, blockquote, li")
        .nodes()
        .iter()
        // A list item holding paragraphs is read through those paragraphs.
        .filter(|block| !(block.node_name().is_some_and(|name| name.as_ref() == "li") && block_has_paragraph(block)))
        .map(|block| normalize_whitespace(&block.text()))
        .filter(|text| !text.is_empty() && !crate::text::is_furniture_line(text))
        .collect()
}

fn block_has_paragraph(block: &dom_query::NodeRef) -> bool {
    block.descendants_it().any(|node| node.node_name().is_some_and(|name| name.as_ref() == "p"))
}

/// Shorter `<p>`s (labels, buttons, captions) say nothing about where the article is.
const MIN_SCORED_PARAGRAPH_CHARS: usize = 60;

/// Below this many words an extracted body is suspected of being a fragment of the article.
const SHORT_BODY_WORDS: usize = 250;

fn word_count(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|paragraph| paragraph.split_whitespace().count()).sum()
}

/// Texts of image captions and credits on the page: `<figcaption>`, table captions and
/// elements whose class names a caption or credit. Read before extraction, because the
/// extractor flattens them into ordinary paragraphs.
fn caption_texts(document: &dom_query::Document) -> HashSet<String> {
    document
        .select("figcaption, caption, [class*=\"caption\"], [class*=\"credit\"], [class*=\"Caption\"]")
        .iter()
        .take(500)
        .map(|node| normalize_whitespace(&node.text()))
        .filter(|text| !text.is_empty() && text.len() < 2000)
        .collect()
}

/// Texts of links that fill their whole block (a list item, paragraph or heading that is
/// nothing but one link): the entries of related-story lists, tag clouds and menus. A
/// paragraph of reporting is never exactly one link's text, so an extracted paragraph equal
/// to one of these is furniture.
fn whole_link_texts(document: &dom_query::Document) -> HashSet<String> {
    document
        .select("li, p, h2, h3, h4, h5, h6, dt, dd")
        .iter()
        .take(5_000)
        .filter_map(|block| {
            let links = block.select("a");
            if links.length() != 1 {
                return None;
            }
            let block_text = normalize_whitespace(&block.text());
            let link_text = normalize_whitespace(&links.text());
            (!link_text.is_empty() && block_text == link_text).then_some(block_text)
        })
        .collect()
}

/// Removes related-story lists: a "Related" / "You may also like" / "More in …" heading and
/// the link-only entries after it, and any run of link-only entries that ends the body.
/// Link-only entries inside the article (a list of tools, a table of contents) are kept when
/// prose follows them.
fn drop_related_story_lists(paragraphs: Vec<String>, link_texts: &HashSet<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut in_related_list = false;
    for paragraph in paragraphs {
        if is_related_heading(&paragraph) {
            in_related_list = true;
            continue;
        }
        if in_related_list && (link_texts.contains(&paragraph) || is_headline_like(&paragraph)) {
            continue;
        }
        in_related_list = false;
        kept.push(paragraph);
    }
    while kept.len() > 1 && kept.last().is_some_and(|last| link_texts.contains(last)) {
        kept.pop();
    }
    kept
}

/// A short line without closing punctuation: a story title in a list, not a sentence.
fn is_headline_like(paragraph: &str) -> bool {
    paragraph.chars().count() < 120 && !paragraph.ends_with(['.', '!', '?', '"', '”', '。'])
}

/// The headings sites put over lists of other stories, in the languages news sites use most.
fn is_related_heading(paragraph: &str) -> bool {
    if paragraph.chars().count() > 60 {
        return false;
    }
    let lowered = paragraph.to_lowercase();
    let lowered = lowered.trim_end_matches(['.', '…', ':', '!', ' ']);
    const HEADINGS: [&str; 27] = [
        "related",
        "related tags",
        "tags",
        "topics",
        "related articles",
        "related stories",
        "related posts",
        "related news",
        "related content",
        "you may also like",
        "you might also like",
        "you may also be interested in",
        "you might be interested in",
        "don't miss",
        "don’t miss",
        "recommended",
        "recommended for you",
        "most popular",
        "most read",
        "read next",
        "more stories",
        "see also",
        "also read",
        "leia também",
        "veja também",
        "lesen sie auch",
        "à lire aussi",
    ];
    const PREFIXES: [&str; 4] = ["more in ", "more from ", "more on ", "read more about "];
    HEADINGS.contains(&lowered)
        || PREFIXES.iter().any(|prefix| lowered.starts_with(prefix))
        || ["関連記事", "관련기사", "相关新闻", "相關新聞"].iter().any(|heading| lowered.starts_with(heading))
}

/// A paragraph is a caption when it is one of the caption texts, or a caption text contains
/// it (a caption split into a description and a credit line).
fn is_caption(paragraph: &str, captions: &HashSet<String>) -> bool {
    captions.contains(paragraph)
        || (paragraph.len() >= 12 && captions.iter().any(|caption| caption.contains(paragraph)))
}

/// The extractor sometimes keeps the headline as the first block; the body should not
/// repeat it.
fn drop_repeated_title(mut paragraphs: Vec<String>, title: Option<&str>) -> Vec<String> {
    if let (Some(first), Some(title)) = (paragraphs.first(), title)
        && first.eq_ignore_ascii_case(title)
    {
        paragraphs.remove(0);
    }
    paragraphs
}

/// Turns an article into a [`Document`]. The body is the paragraphs joined by `"\n\n"`;
/// the id is [`content_id`] of that body, so the same text read from a page, a WARC record
/// or a feed gets the same id wherever it came from.
pub fn article_to_document(article: Article, source: &str) -> Document {
    let body = article.body_paragraphs.join("\n\n");
    let byline = (!article.authors.is_empty()).then(|| join_author_names(&article.authors));
    let metadata = Metadata {
        title: article.title,
        url: article.canonical_url,
        published: article.published,
        byline,
        captions: article.lead_image_caption.into_iter().collect(),
        language: article.language,
        source: source.to_string(),
        ..Metadata::default()
    };
    Document { id: content_id(&body), metadata, body }
}

/// "A", "A and B", "A, B, and C": how bylines print a list of names.
pub(crate) fn join_author_names(authors: &[String]) -> String {
    match authors {
        [] => String::new(),
        [only] => only.clone(),
        [first, second] => format!("{first} and {second}"),
        [init @ .., last] => format!("{}, and {}", init.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| text.to_string()).collect()
    }

    #[test]
    fn related_story_lists_after_a_heading_or_at_the_end_are_dropped() {
        let links: HashSet<String> =
            strings(&["Floods close schools in the north", "Minister resigns over budget"]).into_iter().collect();
        let paragraphs = strings(&[
            "The council voted on Monday to reopen the bridge.",
            "You may also like:",
            "Floods close schools in the north",
            "Port workers end three-day strike",
            "The mayor said repairs would take a month.",
            "Minister resigns over budget",
        ]);
        assert_eq!(
            drop_related_story_lists(paragraphs, &links),
            strings(&[
                "The council voted on Monday to reopen the bridge.",
                "The mayor said repairs would take a month."
            ])
        );
    }

    #[test]
    fn link_lists_inside_the_article_are_kept() {
        let links: HashSet<String> = strings(&["Budget statement (PDF)"]).into_iter().collect();
        let paragraphs = strings(&[
            "The documents were published:",
            "Budget statement (PDF)",
            "Opposition parties rejected the plan.",
        ]);
        assert_eq!(drop_related_story_lists(paragraphs.clone(), &links), paragraphs);
    }

    #[test]
    fn the_densest_paragraph_block_is_the_article_not_the_teaser() {
        let sentence = "The harbour authority said on Monday that repairs to the northern pier would take a month.";
        let article_paragraphs = format!("<p>{sentence}</p>").repeat(6);
        let html = format!(
            r#"<body><div class="promo"><p>Sign up for our newsletter to get the latest stories every morning.</p></div>
            <div class="story"><h2>What happens next</h2>{article_paragraphs}<ul><li>Ferries resume on Friday.</li></ul></div></body>"#
        );
        let paragraphs = densest_paragraph_block(&dom_query::Document::from(html.as_str()));
        assert_eq!(paragraphs.len(), 8);
        assert_eq!(paragraphs[0], "What happens next");
        assert_eq!(paragraphs[1], sentence);
        assert_eq!(paragraphs[7], "Ferries resume on Friday.");
    }

    #[test]
    fn whole_link_blocks_are_found_but_links_inside_sentences_are_not() {
        let html = r#"<ul><li><a href="/a">Floods close schools</a></li></ul><p>Officials <a href="/b">said</a> on Monday.</p>"#;
        let texts = whole_link_texts(&dom_query::Document::from(html));
        assert!(texts.contains("Floods close schools"));
        assert!(!texts.iter().any(|text| text.contains("said")));
    }
}
