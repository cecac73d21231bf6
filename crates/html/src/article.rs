//! Article extraction from one HTML page: metadata from structured data first, the main
//! text from the page's content blocks.
//!
//! The main-text pass is `rs-trafilatura` (a port of trafilatura's boilerplate removal);
//! this module decides what to ask it, and cleans what comes back into paragraphs.

use crate::HtmlError;
use crate::charset::decode_html;
use crate::language::detect_language;
use crate::markup::{
    ExtractorHead, UNREAD_FIELD_PLACEHOLDER, slim_for_extractor, slim_for_own_parse, strip_inert_markup,
    with_extractor_head,
};
use crate::metadata::read_metadata;
use crate::text::{clean_paragraphs, is_date_only_line, normalize_whitespace};
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
    // Our passes read a few attributes only; the rest (`srcset`, `data-*` blobs) is parsing
    // work for nothing.
    let document = dom_query::Document::from(slim_for_own_parse(&text).as_str());
    let captions = caption_texts(&document);
    let link_texts = whole_link_texts(&document);
    let page_link_texts = page_link_texts(&document);
    let metadata = read_metadata(&document, &source, url);
    drop(source);
    // The extractor parses its input twice (once more for a backup copy): hand it only the
    // markup it reads.
    let extractor_page = with_extractor_head(&slim_for_extractor(&text), &extractor_head(&metadata));
    let mut body_paragraphs = main_text_paragraphs(&extractor_page, url, &source_name)?;
    if word_count(&body_paragraphs) < SHORT_BODY_WORDS
        && let Some(rescued) = fallback_body(&document, word_count(&body_paragraphs))
    {
        body_paragraphs = rescued;
    }
    drop(document);
    let body_paragraphs = drop_repeated_title(body_paragraphs, metadata.title.as_deref());
    let body_paragraphs: Vec<String> =
        body_paragraphs.into_iter().filter(|paragraph| !is_caption(paragraph, &captions)).collect();
    let body_paragraphs = drop_related_story_lists(body_paragraphs, &link_texts);
    let body_paragraphs = drop_date_stamps(body_paragraphs);
    let body_paragraphs = drop_link_menus(body_paragraphs, &link_texts);
    let body_paragraphs: Vec<String> =
        body_paragraphs.into_iter().filter(|paragraph| !is_link_dense(paragraph, &page_link_texts)).collect();
    let body_paragraphs = drop_author_notes(body_paragraphs, &metadata.authors);
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

/// What the extractor's metadata pass would otherwise search the whole page for (see
/// [`ExtractorHead`]). The title is dyad's own, so that the extractor drops the same headline
/// from the body that dyad reports (measured: same body F1 as the page's `<title>`, which
/// loses 0.0001 precision on WCXB). A field dyad did not find gets a placeholder: the
/// extractor uses only the title of its metadata, and a missing field costs it a search of
/// the whole body with a dozen selectors (about 1% of all instructions on WCXB).
fn extractor_head(metadata: &crate::metadata::PageMetadata) -> ExtractorHead {
    let or_placeholder = |value: Option<&String>| value.cloned().or(Some(UNREAD_FIELD_PLACEHOLDER.to_string()));
    ExtractorHead {
        title: metadata.title.clone(),
        author: or_placeholder(metadata.authors.first()),
        published: Some(metadata.published.as_ref().map_or_else(
            || "1970-01-01".to_string(),
            |date| format!("{:04}-{:02}-{:02}", date.year, date.month.unwrap_or(1), date.day.unwrap_or(1)),
        )),
        canonical_url: or_placeholder(metadata.canonical_url.as_ref()),
        site_name: or_placeholder(metadata.site_name.as_ref()),
        language: or_placeholder(metadata.language.as_ref()),
    }
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

/// The article read another way when the extractor's body is suspiciously short, if that
/// finds much more text: first the densest block of `<p>`s (the tighter choice where a page
/// writes its story in paragraphs), then the densest container of any text blocks (guides
/// and lists written in `<li>`, headings and loose `<div>` text).
fn fallback_body(document: &dom_query::Document, extracted_words: usize) -> Option<Vec<String>> {
    let is_much_larger =
        |paragraphs: &[String]| word_count(paragraphs) >= (3 * extracted_words).max(MIN_FALLBACK_WORDS);
    let paragraph_block = densest_paragraph_block(document);
    if is_much_larger(&paragraph_block) {
        return Some(paragraph_block);
    }
    let container = crate::text_blocks::densest_text_container(document);
    is_much_larger(&container).then_some(container)
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

/// The fallback block must hold at least this many words (and three times the extracted
/// body's) to replace it: enough for a short news story, more than a teaser or a bio.
const MIN_FALLBACK_WORDS: usize = 200;

/// Below this many words an extracted body is suspected of being a fragment of the article
/// (a guide's introduction without its list, a teaser); it is only replaced when the
/// fallback finds three times as much.
const SHORT_BODY_WORDS: usize = 500;

fn word_count(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|paragraph| paragraph.split_whitespace().count()).sum()
}

/// Texts of image captions and credits on the page: `<figcaption>`, table captions and
/// elements whose class names a caption or credit. Read before extraction, because the
/// extractor flattens them into ordinary paragraphs.
fn caption_texts(document: &dom_query::Document) -> Captions {
    let texts: HashSet<String> = document
        .select("figcaption, caption, [class*=\"caption\"], [class*=\"credit\"], [class*=\"Caption\"]")
        .iter()
        .take(500)
        .map(|node| normalize_whitespace(&node.text()))
        .filter(|text| !text.is_empty() && text.len() < 2000)
        .collect();
    Captions::new(texts)
}

/// The page's caption texts, and all of them in one string for the "part of a caption" test.
struct Captions {
    texts: HashSet<String>,
    /// The texts joined by newlines. Captions and paragraphs are whitespace-normalised (no
    /// newline inside), so a paragraph occurs in this string exactly when it occurs inside
    /// one caption; one search here replaces one search per caption.
    joined: String,
}

impl Captions {
    fn new(texts: HashSet<String>) -> Captions {
        let joined = texts.iter().map(String::as_str).collect::<Vec<_>>().join("\n");
        Captions { texts, joined }
    }
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

/// The distinct texts of the page's links, longest first, for measuring how much of an
/// extracted paragraph is link text. One-letter links (pagination, initials) are left out.
fn page_link_texts(document: &dom_query::Document) -> PageLinks {
    let mut texts: Vec<String> = document
        .select("a")
        .iter()
        .take(MAX_PAGE_LINKS)
        .map(|link| normalize_whitespace(&link.text()))
        .filter(|text| text.chars().count() >= 2 && text.len() <= 300)
        .collect::<HashSet<String>>()
        .into_iter()
        .collect();
    texts.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    PageLinks::new(texts)
}

/// The page's link texts, and every word in them for a quick first test.
struct PageLinks {
    /// Distinct link texts, longest first.
    texts: Vec<String>,
    /// The [`word_core`]s of each text, in the order of `texts`.
    text_words: Vec<Vec<String>>,
    words: HashSet<String>,
}

impl PageLinks {
    fn new(texts: Vec<String>) -> PageLinks {
        let text_words: Vec<Vec<String>> = texts
            .iter()
            .map(|text| text.split_whitespace().map(word_core).filter(|word| !word.is_empty()).collect())
            .collect();
        let words = text_words.iter().flatten().cloned().collect();
        PageLinks { texts, text_words, words }
    }
}

/// A word without the punctuation around it, lower-cased.
fn word_core(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

const MAX_PAGE_LINKS: usize = 3_000;

/// A paragraph that is mostly the text of several links: a tag line, an archive list, a
/// category menu or a teaser card flattened into one line. Prose links a few words of a
/// sentence; these are links with little or nothing between them.
fn is_link_dense(paragraph: &str, page_links: &PageLinks) -> bool {
    if paragraph.len() > MAX_LINK_DENSITY_PARAGRAPH_BYTES {
        return false;
    }
    let Some(paragraph_words) = mostly_link_words(paragraph, &page_links.words) else {
        return false;
    };
    let mut covered = vec![false; paragraph.len()];
    let mut links_found = 0;
    for (link_text, link_words) in page_links.texts.iter().zip(&page_links.text_words) {
        // Only a link whose words are all words of the paragraph is searched for: building a
        // substring searcher for each of thousands of link texts is what costs time.
        if link_text.len() > paragraph.len() || !link_words.iter().all(|word| paragraph_words.contains(word)) {
            continue;
        }
        let Some(start) = paragraph.find(link_text.as_str()) else {
            continue;
        };
        let span = &mut covered[start..start + link_text.len()];
        // A shorter link text found inside a longer one already counted adds nothing.
        if span.iter().all(|&is_covered| is_covered) {
            continue;
        }
        span.iter_mut().for_each(|is_covered| *is_covered = true);
        links_found += 1;
    }
    let visible_bytes = |covered_only: bool| {
        paragraph
            .char_indices()
            .filter(|(index, character)| !character.is_whitespace() && (!covered_only || covered[*index]))
            .map(|(_, character)| character.len_utf8())
            .sum::<usize>()
    };
    links_found >= MIN_DENSE_LINKS
        && visible_bytes(true) * 10 >= visible_bytes(false) * LINK_DENSITY_TENTHS
        && longest_unlinked_word_run(paragraph, &covered) < MIN_UNLINKED_SENTENCE_WORDS
}

/// A cheap necessary condition for [`is_link_dense`], checked first because most paragraphs
/// are prose: at least half of the paragraph's words occur in some link text. Searching every
/// link text in every paragraph is what costs time on pages with thousands of links.
/// Returns the paragraph's word cores when the condition holds.
fn mostly_link_words(paragraph: &str, link_words: &HashSet<String>) -> Option<HashSet<String>> {
    let words: Vec<String> = paragraph.split_whitespace().map(word_core).filter(|word| !word.is_empty()).collect();
    let linked_words = words.iter().filter(|word| link_words.contains(word.as_str())).count();
    (linked_words * 2 >= words.len()).then(|| words.into_iter().collect())
}

/// The most consecutive words outside link text: a sentence of reporting survives even in
/// a paragraph that a site has stuffed with link cards.
fn longest_unlinked_word_run(paragraph: &str, covered: &[bool]) -> usize {
    let mut longest = 0;
    let mut current = 0;
    let mut word_start = None;
    for (index, character) in paragraph.char_indices().chain(std::iter::once((paragraph.len(), ' '))) {
        match (character.is_whitespace(), word_start) {
            (false, None) => word_start = Some(index),
            (true, Some(start)) => {
                let word_is_linked = covered[start..index].iter().any(|&is_covered| is_covered);
                current = if word_is_linked { 0 } else { current + 1 };
                longest = longest.max(current);
                word_start = None;
            }
            _ => {}
        }
    }
    longest
}

/// This many words in a row outside any link make a sentence of prose.
const MIN_UNLINKED_SENTENCE_WORDS: usize = 8;

const MAX_LINK_DENSITY_PARAGRAPH_BYTES: usize = 20_000;
const MIN_DENSE_LINKS: usize = 3;
/// Share of the paragraph's visible characters that must be link text, in tenths.
const LINK_DENSITY_TENTHS: usize = 7;

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

/// Removes navigation menus the extractor let through: runs of at least
/// [`MIN_MENU_ENTRIES`] consecutive paragraphs that are each one short link ("Sports",
/// "Opinion", "Latest news"). A list of sources inside an article has longer entries or
/// prose between them.
fn drop_link_menus(paragraphs: Vec<String>, link_texts: &HashSet<String>) -> Vec<String> {
    let is_menu_entry = |paragraph: &String| {
        link_texts.contains(paragraph) && paragraph.split_whitespace().count() <= MAX_MENU_ENTRY_WORDS
    };
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut run: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        if is_menu_entry(&paragraph) {
            run.push(paragraph);
            continue;
        }
        if run.len() < MIN_MENU_ENTRIES {
            kept.append(&mut run);
        }
        run.clear();
        kept.push(paragraph);
    }
    if run.len() < MIN_MENU_ENTRIES {
        kept.append(&mut run);
    }
    kept
}

const MIN_MENU_ENTRIES: usize = 4;
const MAX_MENU_ENTRY_WORDS: usize = 3;

/// Removes the author's note after a story: a biography that opens with the author's name
/// ("Jane Doe is a reporter covering …", "Jane Doe has no position in …") or a contact line
/// ("… can be reached at …"). Only the last [`AUTHOR_NOTE_TAIL`] paragraphs are examined,
/// because a story may well quote its own author's name earlier on.
fn drop_author_notes(mut paragraphs: Vec<String>, authors: &[String]) -> Vec<String> {
    let tail_start = paragraphs.len().saturating_sub(AUTHOR_NOTE_TAIL);
    let mut position = paragraphs.len();
    while position > tail_start.max(1) {
        position -= 1;
        if is_author_note(&paragraphs[position], authors) {
            paragraphs.remove(position);
        }
    }
    paragraphs
}

const AUTHOR_NOTE_TAIL: usize = 4;

fn is_author_note(paragraph: &str, authors: &[String]) -> bool {
    let lowered = paragraph.to_lowercase();
    let is_contact_line = paragraph.split_whitespace().count() <= 40
        && ["can be reached at", "may be reached at", "can be contacted at", "follow him on", "follow her on"]
            .iter()
            .any(|marker| lowered.contains(marker));
    let opens_with_author_biography = authors.iter().any(|author| {
        let name = author.to_lowercase();
        let after_name = lowered.strip_prefix("dr. ").unwrap_or(&lowered).strip_prefix(name.as_str());
        name.split_whitespace().count() >= 2
            && after_name.is_some_and(|rest| {
                [" is ", " has ", " was ", " writes ", " covers ", " holds ", " joined ", "'s ", "’s "]
                    .iter()
                    .any(|verb| rest.starts_with(verb))
            })
    });
    is_contact_line || opens_with_author_biography || is_writer_biography(paragraph)
}

/// "Jane Doe is a freelance writer based in Lisbon …", "About the author: …": a contributor's
/// biography, recognised without the page naming its author: a name of two or three
/// capitalised words, "is a/an/the", and a writing trade among the next words.
fn is_writer_biography(paragraph: &str) -> bool {
    let lowered = paragraph.to_lowercase();
    if lowered.starts_with("about the author") {
        return true;
    }
    let words: Vec<&str> = paragraph.split_whitespace().take(16).collect();
    let Some(verb_position) =
        words.windows(2).position(|pair| pair[0] == "is" && ["a", "an", "the"].contains(&pair[1]))
    else {
        return false;
    };
    let name = &words[..verb_position];
    let name_is_capitalised = (2..=4).contains(&name.len())
        && name
            .iter()
            .all(|word| word.starts_with(char::is_uppercase) && !word.ends_with([',', '.']) || *word == "Dr.");
    const TRADES: [&str; 12] = [
        "writer",
        "editor",
        "journalist",
        "reporter",
        "correspondent",
        "contributor",
        "columnist",
        "author",
        "photographer",
        "freelance",
        "blogger",
        "contributing",
    ];
    name_is_capitalised
        && words[verb_position..].iter().any(|word| TRADES.iter().any(|trade| word.to_lowercase().starts_with(trade)))
}

/// Removes lines that are only a date ("19 Nov 2019, 11:06am"): the stamp printed above or
/// below a story. A body with many of them is a schedule or a list of events, where the dates
/// are the content, so they are only removed when there are at most two.
fn drop_date_stamps(paragraphs: Vec<String>) -> Vec<String> {
    let stamps = paragraphs.iter().filter(|paragraph| is_date_only_line(paragraph)).count();
    if stamps == 0 || stamps > MAX_DATE_STAMPS {
        return paragraphs;
    }
    paragraphs.into_iter().filter(|paragraph| !is_date_only_line(paragraph)).collect()
}

/// More date-only lines than this make a schedule, not stamps.
const MAX_DATE_STAMPS: usize = 2;

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
        || is_story_list_heading(lowered)
        || ["関連記事", "관련기사", "相关新闻", "相關新聞"].iter().any(|heading| lowered.starts_with(heading))
}

/// "More Great Stories", "Latest news", "Trending articles": a short heading that names a
/// list of other stories by what kind of list it is.
fn is_story_list_heading(lowered: &str) -> bool {
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // A number makes it a statement ("More than 300 stories"), not a list's name.
    words.len() <= 6
        && !lowered.contains(|c: char| c.is_ascii_digit())
        && [
            "more",
            "related",
            "other",
            "latest",
            "top",
            "popular",
            "trending",
            "recommended",
            "featured",
            "similar",
            "recent",
        ]
        .contains(first)
        && ["stories", "articles", "posts", "news", "reads", "videos", "headlines"].contains(last)
}

/// A paragraph is a caption when it is one of the caption texts, or a caption text contains
/// it (a caption split into a description and a credit line).
fn is_caption(paragraph: &str, captions: &Captions) -> bool {
    captions.texts.contains(paragraph)
        || (paragraph.len() >= 12 && !paragraph.contains('\n') && captions.joined.contains(paragraph))
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
    fn a_guide_in_list_items_replaces_a_short_extract_but_not_a_long_one() {
        let item =
            "<li>Pack the kitchen last, since you will keep cooking until the evening before the van arrives.</li>";
        let html = format!(
            "<body><div class=\"guide\"><p>Moving house takes planning.</p><h2>Kitchen</h2><ul>{}</ul><h2>Books</h2><ul>{}</ul></div></body>",
            item.repeat(8),
            item.repeat(8)
        );
        let document = dom_query::Document::from(html.as_str());
        let rescued = fallback_body(&document, 5).expect("the guide is much longer than a five-word extract");
        assert_eq!(rescued[0], "Moving house takes planning.");
        assert_eq!(rescued[1], "Kitchen");
        assert_eq!(rescued.len(), 19);
        assert!(fallback_body(&document, 200).is_none());
    }

    #[test]
    fn one_date_stamp_goes_but_a_schedule_of_dates_stays() {
        let story = strings(&["19 Nov 2019", "The council voted on Monday to reopen the bridge."]);
        assert_eq!(drop_date_stamps(story), strings(&["The council voted on Monday to reopen the bridge."]));
        let schedule =
            strings(&["March 16, 2026", "Opening hearing.", "March 17, 2026", "Witnesses.", "March 18, 2026"]);
        assert_eq!(drop_date_stamps(schedule.clone()), schedule);
    }

    #[test]
    fn runs_of_short_links_are_menus_but_a_few_links_are_kept() {
        let links: HashSet<String> =
            strings(&["News", "Sport", "Opinion", "Business", "Budget statement"]).into_iter().collect();
        let paragraphs =
            strings(&["News", "Sport", "Opinion", "Business", "Talks resumed on Monday.", "Budget statement"]);
        assert_eq!(drop_link_menus(paragraphs, &links), strings(&["Talks resumed on Monday.", "Budget statement"]));
        let short_run = strings(&["News", "Sport", "Talks resumed on Monday."]);
        assert_eq!(drop_link_menus(short_run.clone(), &links), short_run);
    }

    #[test]
    fn author_biographies_and_contact_lines_after_the_story_are_dropped() {
        let authors = strings(&["Jane Doe"]);
        let paragraphs = strings(&[
            "Jane Doe is not the only candidate, the party said.",
            "The vote is due on Friday.",
            "Jane Doe is a political reporter covering the state legislature.",
            "John Roe can be reached at jroe@example.com.",
            "Mary Major is a freelance writer based in Lisbon.",
        ]);
        assert_eq!(
            drop_author_notes(paragraphs, &authors),
            strings(&["Jane Doe is not the only candidate, the party said.", "The vote is due on Friday."])
        );
        assert!(!is_writer_biography("Prime Minister Mark Carney is a former central banker."));
        assert!(!is_writer_biography("Jane Doe is the new finance minister, the palace said."));
    }

    #[test]
    fn paragraphs_made_of_links_are_dense_but_linked_sentences_are_not() {
        let page_links = PageLinks::new(strings(&["Elections 2024", "said on Monday", "Jane Doe", "Floods", "Budget"]));
        assert!(is_link_dense("Tags: Floods, Elections 2024, Budget", &page_links));
        assert!(!is_link_dense("Jane Doe said on Monday that Budget talks on Floods would resume.", &page_links));
        let card_stuffed = "A man pleaded guilty on Monday to threatening a member of the state assembly Jane Doe \
            Floods Budget Elections 2024";
        assert!(!is_link_dense(card_stuffed, &page_links));
    }

    #[test]
    fn paragraphs_inside_a_caption_are_captions_but_others_are_not() {
        let captions = Captions::new(
            strings(&["Rescue workers search the rubble in Antakya. Photo: Jane Doe/Reuters", "Map of the region"])
                .into_iter()
                .collect(),
        );
        assert!(is_caption("Map of the region", &captions));
        assert!(is_caption("Photo: Jane Doe/Reuters", &captions));
        // A paragraph spanning the end of one caption and the start of another is in neither.
        assert!(!is_caption("Jane Doe/Reuters Map of the region", &captions));
        assert!(!is_caption("Rescue workers search the rubble in Antakya for a third day.", &captions));
    }

    #[test]
    fn links_found_only_inside_longer_words_do_not_make_a_paragraph_dense() {
        let page_links = PageLinks::new(strings(&[
            "Portuga",
            "Artoi",
            "Rainin",
            "Portugal travel",
            "Artois beer",
            "Raining season",
        ]));
        assert!(!is_link_dense("Portugal Artois Raining", &page_links));
        assert!(is_link_dense("Portuga · Artoi · Rainin", &page_links));
    }

    #[test]
    fn story_list_headings_are_recognised() {
        assert!(is_related_heading("More Great WIRED Stories"));
        assert!(is_related_heading("Latest news"));
        assert!(!is_related_heading("More than 300 stories"));
        assert!(!is_related_heading("Top officials met reporters on Monday to discuss the news"));
    }

    #[test]
    fn whole_link_blocks_are_found_but_links_inside_sentences_are_not() {
        let html = r#"<ul><li><a href="/a">Floods close schools</a></li></ul><p>Officials <a href="/b">said</a> on Monday.</p>"#;
        let texts = whole_link_texts(&dom_query::Document::from(html));
        assert!(texts.contains("Floods close schools"));
        assert!(!texts.iter().any(|text| text.contains("said")));
    }
}
