//! Article extraction from one HTML page: metadata from structured data first, the main
//! text from the page's content blocks.
//!
//! The main-text pass is `rs-trafilatura` (a port of trafilatura's boilerplate removal);
//! this module decides what to ask it, and cleans what comes back into paragraphs.

use crate::HtmlError;
use crate::charset::decode_html;
use crate::language::detect_language;
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
    let text = decode_html(html);
    let document = dom_query::Document::from(text.as_str());
    let captions = caption_texts(&document);
    let link_texts = whole_link_texts(&document);
    let metadata = read_metadata(&document, url);
    drop(document);
    let body_paragraphs = main_text_paragraphs(&text, url, &source_name)?;
    let body_paragraphs = drop_repeated_title(body_paragraphs, metadata.title.as_deref());
    let body_paragraphs: Vec<String> = body_paragraphs
        .into_iter()
        .filter(|paragraph| !is_caption(paragraph, &captions) && !link_texts.contains(paragraph))
        .collect();
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
