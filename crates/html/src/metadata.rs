//! What a page says about itself: title, authors, publication date, canonical URL,
//! language, site name and lead-image caption.
//!
//! Structured sources are trusted first — JSON-LD (`NewsArticle`, `Article`, … including
//! `@graph` arrays), then OpenGraph / `article:*` / Dublin Core / `citation_*` meta tags,
//! then microdata (`itemprop`) and `<time datetime>` — and only then the visible page
//! (`<h1>`, `<title>`, byline elements). A date is only ever taken from a source that labels
//! it a publication date, or from the URL path, never from arbitrary text: a page with no
//! stated date gets `None`, not a guess.

use crate::dates::{date_from_url, parse_date};
use crate::page_dates::{DateEvidence, aside_date, choose_date, embedded_script_date, visible_dates};
use crate::text::normalize_whitespace;
use dom_query::{Document, Selection};
use dyad_document::PartialDate;
use serde_json::Value;

/// Metadata read from one page; every field is optional because pages omit any of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMetadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PartialDate>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub lead_image_caption: Option<String>,
}

/// The schema.org types that describe an article; the first JSON-LD object of one of these
/// types is the page's own article (later ones are usually related stories).
const ARTICLE_TYPES: [&str; 12] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
];

/// `raw_html` is the page source before scripts were stripped: application data in scripts
/// (`"publishedAt": …`) is read from it.
pub fn read_metadata(document: &Document, raw_html: &str, url: Option<&str>) -> PageMetadata {
    let json_ld = JsonLdArticle::from_document(document);
    let meta = MetaTags::from_document(document);
    let canonical_url = meta
        .first(&["og:url"])
        .or_else(|| attribute_of(document, "link[rel=\"canonical\"]", "href"))
        .or_else(|| json_ld.url.clone())
        .or_else(|| url.map(str::to_string));
    let visible = visible_dates(document);
    let labelled_bylines = visible.labelled_bylines.clone();
    let article_json_ld_published = json_ld.published.filter(|_| !json_ld.is_generic_page);
    let meta_published = meta.date(&PUBLISHED_KEYS);
    // Microdata costs two more selector passes: it is read only when it can matter, as the
    // publication date of a page without JSON-LD or meta dates, or to back a JSON-LD date
    // that the meta tags do not repeat.
    let microdata_matters = match article_json_ld_published {
        Some(json_ld_date) => meta_published != Some(json_ld_date),
        None => meta_published.is_none(),
    };
    let microdata = if microdata_matters { microdata_date(document) } else { None };
    let microdata_published = microdata.filter(|date| visible.shows_not_as_update(date));
    let other_published = meta.any_published_date();
    let published_only_in_json_ld = article_json_ld_published
        .is_some_and(|published| ![meta_published, microdata_published, other_published].contains(&Some(published)));
    let evidence = DateEvidence {
        structured_published: article_json_ld_published.or(meta_published).or(microdata_published).or(other_published),
        published_only_in_json_ld,
        generic_published: json_ld.published.filter(|_| json_ld.is_generic_page),
        structured_modified: meta.date(&MODIFIED_KEYS).or(json_ld.modified),
        from_url: canonical_url.as_deref().and_then(date_from_url).or_else(|| url.and_then(date_from_url)),
        markup_dates_only_update: microdata.is_some() && microdata_published.is_none(),
        visible,
    };
    // A site's front page (an address with no path) is a changing index of stories: the
    // dates in its metadata are the home page's CMS record, not a publication date.
    let is_front_page = url.is_some_and(is_site_front_page);
    let published = if is_front_page {
        None
    } else {
        choose_date(&evidence, || embedded_script_date(raw_html)).or_else(|| aside_date(raw_html))
    };
    PageMetadata {
        title: choose_title(document, &json_ld, &meta),
        authors: choose_authors(document, &json_ld, &meta, &labelled_bylines),
        published,
        canonical_url,
        language: attribute_of(document, "html", "lang")
            .or_else(|| meta.first(&["og:locale", "content-language", "dc.language", "language"]))
            .or_else(|| json_ld.language.clone())
            .and_then(|code| normalize_language_code(&code)),
        site_name: meta.first(&["og:site_name", "application-name"]).or_else(|| json_ld.publisher.clone()),
        lead_image_caption: json_ld.image_caption.clone().or_else(|| first_figure_caption(document)),
    }
}

/// The page's visible headline is preferred (it is what readers see, without " | Site Name"
/// suffixes), but only a heading that shares most of its words with the structured title or
/// `<title>`: the first `<h1>` is too often the site name, "Blog" or a menu label. Without a
/// matching heading the structured title is used, trimmed of a site-name suffix.
fn choose_title(document: &Document, json_ld: &JsonLdArticle, meta: &MetaTags) -> Option<String> {
    let structured = json_ld
        .headline
        .clone()
        .or_else(|| meta.first(&["og:title", "twitter:title", "citation_title", "dc.title"]))
        .map(|title| decode_basic_entities(&title));
    let html_title = text_of(document, "head title");
    let headings: Vec<String> = document
        .select("body h1, body h2")
        .iter()
        .take(60)
        .map(|heading| normalize_whitespace(&heading.text()))
        .filter(|text| !text.is_empty() && text.chars().count() < 300)
        .collect();
    let references: Vec<&String> = structured.iter().chain(html_title.iter()).collect();
    let best_heading = headings
        .iter()
        .map(|heading| {
            let score = references.iter().map(|reference| heading_agreement(heading, reference)).fold(0.0, f64::max);
            (heading, score)
        })
        .filter(|(_, score)| *score >= 0.6)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((heading, _)) = best_heading {
        return Some(heading.clone());
    }
    if let Some(headline) = standalone_headline(document, meta) {
        return Some(headline);
    }
    structured
        .map(|title| strip_site_suffix(&title))
        .or_else(|| html_title.map(|title| strip_site_suffix(&title)))
        .or_else(|| headings.into_iter().next())
}

/// An `<h1>` that reads like a headline even though no structured title backs it: inside
/// the article or main element, or of at least three words and not the site's name.
fn standalone_headline(document: &Document, meta: &MetaTags) -> Option<String> {
    let site_name = meta.first(&["og:site_name"]).unwrap_or_default().to_lowercase();
    let looks_like_headline = |text: &String| {
        text.split_whitespace().count() >= 3 && text.chars().count() < 250 && text.to_lowercase() != site_name
    };
    let scoped = document
        .select("article h1, main h1, [role=\"main\"] h1")
        .iter()
        .map(|heading| normalize_whitespace(&heading.text()))
        .find(|text| looks_like_headline(text));
    scoped.or_else(|| {
        document
            .select("body h1")
            .iter()
            .map(|heading| normalize_whitespace(&heading.text()))
            .find(|text| looks_like_headline(text))
    })
}

/// How well a heading matches a reference title: the share of the heading's words found in
/// the reference, weighted by how much of the reference the heading covers, so that "Blog"
/// inside "Ten tips | Blog" scores low.
fn heading_agreement(heading: &str, reference: &str) -> f64 {
    let heading_words = lowercase_words(heading);
    let reference_words = lowercase_words(reference);
    if heading_words.is_empty() || reference_words.is_empty() {
        return 0.0;
    }
    let shared = heading_words.iter().filter(|word| reference_words.contains(word)).count() as f64;
    let precision = shared / heading_words.len() as f64;
    let coverage = shared / reference_words.len() as f64;
    precision * coverage.sqrt()
}

fn lowercase_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect()
}

/// "Talks resume in Geneva | The Daily Example" → "Talks resume in Geneva".
fn strip_site_suffix(title: &str) -> String {
    for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some(position) = title.rfind(separator) {
            let head = &title[..position];
            if head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// Person names from JSON-LD first, then author meta tags (as the page states them, login
/// names included: that is the page's own credit), then a name after a "By" / "Written by"
/// label near the headline, then byline elements. A JSON-LD author that is an organisation
/// (a newspaper crediting itself) gives way to any of those naming a person.
fn choose_authors(
    document: &Document,
    json_ld: &JsonLdArticle,
    meta: &MetaTags,
    labelled_bylines: &[String],
) -> Vec<String> {
    let meta_names = || -> Vec<String> {
        meta.all(&[
            "author",
            "article:author",
            "byl",
            "dc.creator",
            "citation_author",
            "parsely-author",
            "sailthru.author",
        ])
        .into_iter()
        .filter(|value| !value.starts_with("http") && !value.starts_with('@'))
        .collect()
    };
    let mut authors = json_ld.person_authors.clone();
    if authors.is_empty() {
        authors = meta_names();
    }
    if authors.is_empty() {
        authors = labelled_bylines.iter().take(1).cloned().collect();
    }
    if authors.is_empty() {
        authors = byline_authors(document);
    }
    if authors.is_empty() {
        authors = json_ld.organization_authors.clone();
    }
    let mut cleaned: Vec<String> = Vec::new();
    for author in authors.iter().flat_map(|author| split_author_list(author)) {
        if !cleaned.iter().any(|existing| existing.eq_ignore_ascii_case(&author)) {
            cleaned.push(author);
        }
    }
    cleaned
}

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; strips "By" / "Written by" /
/// "Author:", cuts a trailing date or "| 5 min read", and refuses strings too long to be
/// names (a whole sentence picked up by a loose selector).
fn split_author_list(raw: &str) -> Vec<String> {
    let text = normalize_whitespace(raw);
    let mut text = text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
    for prefix in ["written by", "posted by", "reviewed by", "author:", "authors:", "author ", "by:", "by "] {
        if text.to_lowercase().starts_with(prefix) && text.is_char_boundary(prefix.len()) {
            text = text[prefix.len()..].trim().to_string();
        }
    }
    // "BySummer Swann": a "By" glued to a capitalised name.
    if text.starts_with("By") && text[2..].starts_with(|c: char| c.is_uppercase()) {
        text = text[2..].to_string();
    }
    let text = text.trim_end_matches(['-', '–', '|', ' ']).to_string();
    let mut text = text;
    if let Some(cut) = text.find(" | ").or_else(|| text.find(" · ")).or_else(|| text.find(" - ")) {
        text.truncate(cut);
    }
    // Footnote marks, stray quotes and e-mail addresses printed beside the name.
    let text: String = text.split_whitespace().filter(|word| !word.contains('@')).collect::<Vec<_>>().join(" ");
    let text = text.trim().trim_end_matches(['*', '"', '\'', '†', ':', ',']).trim();
    if text.is_empty()
        || !text.chars().any(char::is_alphabetic)
        || matches!(text.to_lowercase().as_str(), "by" | "author" | "written by")
        || text.chars().count() > 100
        || text.contains("http")
        || text.chars().filter(char::is_ascii_digit).count() > 3
    {
        return Vec::new();
    }
    text.split(" and ")
        .flat_map(|part| part.split(';'))
        .map(|part| part.trim().trim_end_matches(',').trim().to_string())
        .filter(|part| !part.is_empty())
        .collect()
}

fn byline_authors(document: &Document) -> Vec<String> {
    const BYLINE_SELECTORS: [&str; 9] = [
        "[itemprop=\"author\"] [itemprop=\"name\"]",
        "[itemprop=\"author\"]",
        "[rel=\"author\"]",
        "a[href*=\"/author/\"]",
        "[class*=\"author-name\"]",
        "[class*=\"byline\"] a",
        "[class*=\"author\"] a",
        "[class*=\"byline\"]",
        "[class*=\"author\"]",
    ];
    for selector in BYLINE_SELECTORS {
        let mut names: Vec<String> = Vec::new();
        for node in document.select(selector).iter().take(20) {
            let name = first_text_line(&node);
            if is_plausible_byline(&name) && !names.contains(&name) {
                names.push(name);
            }
        }
        // Visible bylines repeat the name (avatar alt, link, bio box); the first is the one
        // printed under the headline.
        if !names.is_empty() {
            names.truncate(1);
            return names;
        }
    }
    Vec::new()
}

/// The first text node of an element that is more than a "By" label: a byline box prints
/// the name first and then a role or bio in sibling elements ("Jane Doe" / "Senior
/// Reporter"), which `.text()` would glue into "Jane DoeSenior Reporter".
fn first_text_line(node: &Selection) -> String {
    let Some(root) = node.nodes().first() else {
        return String::new();
    };
    for descendant in root.descendants_it().filter(|descendant| descendant.is_text()).take(50) {
        let text = normalize_whitespace(&descendant.text());
        let lowered = text.to_lowercase();
        let bare = lowered.trim_end_matches([':', ' ']);
        if !text.is_empty() && !matches!(bare, "by" | "written by" | "author" | "posted by" | "|" | "-" | "·") {
            return text;
        }
    }
    String::new()
}

/// A short text that could be a byline: a few words, starting with a capital, no sentence.
fn is_plausible_byline(text: &str) -> bool {
    let lowered = text.to_lowercase();
    let words = text.split_whitespace().count();
    const NOT_NAMES: [&str; 8] =
        ["author", "about the", "more about", "view ", "profile", "share", "admin", "posts by"];
    (1..=6).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with('.')
        && !NOT_NAMES.iter().any(|phrase| lowered.starts_with(phrase) || lowered.ends_with(phrase.trim()))
}

fn microdata_date(document: &Document) -> Option<PartialDate> {
    if let Some(date) = itemprop_date(document, "datePublished") {
        return Some(date);
    }
    for node in document.select("time[pubdate], article time[datetime], header time[datetime]").iter() {
        // Comments carry their own timestamps, often inside the article element.
        if is_inside_comment(&node) {
            continue;
        }
        if let Some(date) = node.attr("datetime").and_then(|value| parse_date(&value)) {
            return Some(date);
        }
    }
    None
}

/// Inside an element whose class or id names a comment (`comment-header`, `comments`).
fn is_inside_comment(node: &Selection) -> bool {
    let mut current = node.nodes().first().and_then(|node| node.parent());
    while let Some(element) = current {
        let names = format!("{} {}", element.class().unwrap_or_default(), element.id_attr().unwrap_or_default());
        if names.to_ascii_lowercase().contains("comment") {
            return true;
        }
        current = element.parent();
    }
    false
}

/// The first parseable `itemprop` date of this name (`content`, `datetime` or text).
fn itemprop_date(document: &Document, property: &str) -> Option<PartialDate> {
    document.select(&format!("[itemprop=\"{property}\"]")).iter().find_map(|node| {
        let value = node.attr("content").or_else(|| node.attr("datetime")).unwrap_or_else(|| node.text());
        parse_date(&value)
    })
}

/// An absolute address whose path is empty or `/` (query and fragment aside).
fn is_site_front_page(url: &str) -> bool {
    let Some((_, after_scheme)) = url.split_once("://") else {
        return false;
    };
    let (host, path) = after_scheme.split_at(after_scheme.find(['/', '?', '#']).unwrap_or(after_scheme.len()));
    let path = path.split(['?', '#']).next().unwrap_or("");
    !host.is_empty() && (path.is_empty() || path == "/")
}

fn first_figure_caption(document: &Document) -> Option<String> {
    let caption = text_of(document, "article figure figcaption").or_else(|| text_of(document, "figure figcaption"))?;
    (!caption.is_empty()).then_some(caption)
}

fn normalize_language_code(raw: &str) -> Option<String> {
    let primary: String = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

fn attribute_of(document: &Document, selector: &str, attribute: &str) -> Option<String> {
    document
        .select(selector)
        .iter()
        .find_map(|node| node.attr(attribute).map(|value| value.trim().to_string()).filter(|value| !value.is_empty()))
}

fn text_of(document: &Document, selector: &str) -> Option<String> {
    document.select(selector).iter().map(|node| normalize_whitespace(&node.text())).find(|text| !text.is_empty())
}

/// `<meta>` tags by lower-cased `property` / `name` / `itemprop` / `http-equiv`, in page order.
struct MetaTags {
    entries: Vec<(String, String)>,
}

impl MetaTags {
    fn from_document(document: &Document) -> MetaTags {
        let entries = document
            .select("meta")
            .iter()
            .filter_map(|meta: Selection| {
                let key = meta
                    .attr("property")
                    .or_else(|| meta.attr("name"))
                    .or_else(|| meta.attr("itemprop"))
                    .or_else(|| meta.attr("http-equiv"))?;
                let content = normalize_whitespace(&meta.attr("content")?);
                (!content.is_empty()).then(|| (key.trim().to_ascii_lowercase(), content))
            })
            .collect();
        MetaTags { entries }
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| self.entries.iter().find(|(name, _)| name == key).map(|(_, value)| value.clone()))
    }

    fn all(&self, keys: &[&str]) -> Vec<String> {
        for key in keys {
            let values: Vec<String> =
                self.entries.iter().filter(|(name, _)| name == key).map(|(_, value)| value.clone()).collect();
            if !values.is_empty() {
                return values;
            }
        }
        Vec::new()
    }

    /// The first of `keys` (in order of trust) whose value parses as a date.
    fn date(&self, keys: &[&str]) -> Option<PartialDate> {
        keys.iter().find_map(|key| self.first(&[key]).and_then(|value| parse_date(&value)))
    }

    /// A date in any meta tag whose name says "published" in a site's own vocabulary
    /// ("w-published-date", "page.published"), read after the well-known names.
    fn any_published_date(&self) -> Option<PartialDate> {
        self.entries
            .iter()
            .filter(|(name, _)| name.contains("publish") && !name.contains("publisher"))
            .find_map(|(_, value)| parse_date(value))
    }
}

/// Meta tags that state a publication time, most specific first.
const PUBLISHED_KEYS: [&str; 26] = [
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "og:publish_date",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "publish_time",
    "published",
    "published-date",
    "published_at",
    "publication_date",
    "pubdate",
    "pub_date",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:publishtime",
    "article_date_original",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "citation_publication_date",
    "citation_date",
    "date",
];

/// Meta tags that state a modification time, most specific first.
const MODIFIED_KEYS: [&str; 6] = [
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dcterms.modified",
    "last-modified",
];

/// The fields of the page's own JSON-LD article object.
#[derive(Default)]
struct JsonLdArticle {
    headline: Option<String>,
    person_authors: Vec<String>,
    organization_authors: Vec<String>,
    published: Option<PartialDate>,
    modified: Option<PartialDate>,
    url: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
    image_caption: Option<String>,
    /// The article object is only a generic `WebPage`, whose dates CMSs fill in for any page.
    is_generic_page: bool,
}

impl JsonLdArticle {
    fn from_document(document: &Document) -> JsonLdArticle {
        let mut objects = Vec::new();
        for script in document.select("script[type=\"application/ld+json\"]").iter() {
            let text = script.text();
            // Some sites wrap JSON-LD in CDATA or leave trailing semicolons; trim those.
            let trimmed =
                text.trim().trim_start_matches("//<![CDATA[").trim_end_matches("//]]>").trim().trim_end_matches(';');
            if let Ok(value) = serde_json::from_str::<Value>(trimmed) {
                flatten_json_ld(value, &mut objects, 0);
            }
        }
        let article = objects.iter().find(|object| has_type(object, &ARTICLE_TYPES));
        let Some(article) = article.or_else(|| objects.iter().find(|object| has_type(object, &["WebPage"]))) else {
            return JsonLdArticle::default();
        };
        JsonLdArticle {
            headline: string_field(article, "headline").or_else(|| string_field(article, "name")),
            person_authors: author_names(article.get("author").or_else(|| article.get("creator")), false),
            organization_authors: author_names(article.get("author").or_else(|| article.get("creator")), true),
            published: string_field(article, "datePublished").and_then(|value| parse_date(&value)),
            modified: string_field(article, "dateModified").and_then(|value| parse_date(&value)),
            url: string_field(article, "url"),
            publisher: article.get("publisher").and_then(|publisher| match publisher {
                Value::Object(_) => string_field(publisher, "name"),
                Value::String(name) => Some(name.clone()),
                _ => None,
            }),
            language: string_field(article, "inLanguage"),
            image_caption: image_caption(article.get("image")),
            is_generic_page: !has_type(article, &ARTICLE_TYPES),
        }
    }
}

/// Collects every JSON object in a JSON-LD value: top-level arrays and `@graph` members.
fn flatten_json_ld(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten_json_ld(item, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_json_ld(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn has_type(object: &Value, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(Value::String(name)) => types.contains(&name.as_str()),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(|name| types.contains(&name)),
        _ => false,
    }
}

fn string_field(object: &Value, key: &str) -> Option<String> {
    let value = match object.get(key)? {
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().find_map(Value::as_str)?.to_string(),
        _ => return None,
    };
    let value = normalize_whitespace(&decode_basic_entities(&value));
    (!value.is_empty()).then_some(value)
}

/// JSON-LD is often written with HTML entities still in it (`&amp;`, `&#8217;`).
fn decode_basic_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let fragment = Document::fragment(format!("<p>{}</p>", text.replace('<', "&lt;")));
    fragment.select("p").text().to_string()
}

/// Names of JSON-LD authors: of organisations when `organizations` is true, otherwise of
/// people (including untyped objects and bare strings).
fn author_names(value: Option<&Value>, organizations: bool) -> Vec<String> {
    match value {
        Some(Value::String(name)) if !organizations => vec![normalize_whitespace(name)],
        Some(Value::Object(_)) => {
            let object = value.filter(|object| {
                has_type(object, &["Organization", "NewsMediaOrganization", "Corporation"]) == organizations
            });
            object.and_then(|author| string_field(author, "name")).into_iter().collect()
        }
        Some(Value::Array(items)) => items.iter().flat_map(|item| author_names(Some(item), organizations)).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|name| !name.is_empty() && !name.starts_with("http"))
    .collect()
}

fn image_caption(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Object(_) => string_field(value?, "caption"),
        Value::Array(items) => items.first().and_then(|first| image_caption(Some(first))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata_of(html: &str) -> PageMetadata {
        read_metadata(&Document::from(html), html, None)
    }

    #[test]
    fn json_ld_graph_article_gives_headline_authors_and_date() {
        let html = r#"<html lang="en-GB"><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example News"},
             {"@type":"NewsArticle","headline":"Ministers meet in Geneva","datePublished":"2024-03-05T08:00:00+01:00",
              "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
              "publisher":{"@type":"Organization","name":"Example News"}}]}
            </script></head><body><h1>Ministers meet in Geneva</h1><p class="dateline">5 March 2024</p></body></html>"#;
        let metadata = metadata_of(html);
        assert_eq!(metadata.title.as_deref(), Some("Ministers meet in Geneva"));
        assert_eq!(metadata.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(metadata.published, Some(PartialDate::day(2024, 3, 5)));
        assert_eq!(metadata.site_name.as_deref(), Some("Example News"));
        assert_eq!(metadata.language.as_deref(), Some("en"));
    }

    #[test]
    fn open_graph_and_meta_tags_fill_in_without_json_ld() {
        let html = r#"<head><title>Strike ends at port | Harbour Times</title>
            <meta property="og:title" content="Strike ends at port | Harbour Times">
            <meta property="article:published_time" content="2023-11-30T22:15:00Z">
            <meta name="author" content="By Ana Silva">
            <link rel="canonical" href="https://harbour.example/strike-ends"></head><body><p>Posted November 30, 2023</p></body>"#;
        let metadata = metadata_of(html);
        assert_eq!(metadata.title.as_deref(), Some("Strike ends at port"));
        assert_eq!(metadata.authors, vec!["Ana Silva"]);
        assert_eq!(metadata.published, Some(PartialDate::day(2023, 11, 30)));
        assert_eq!(metadata.canonical_url.as_deref(), Some("https://harbour.example/strike-ends"));
    }

    #[test]
    fn an_unshown_article_date_is_kept_but_an_unshown_generic_page_date_is_not() {
        let article = r#"<head><meta property="article:published_time" content="2019-01-01T00:00:00Z"></head><body><h1>Port strike ends</h1><p class="date">Updated March 3, 2024</p></body>"#;
        assert_eq!(metadata_of(article).published, Some(PartialDate::day(2019, 1, 1)));
        let generic = r#"<head><script type="application/ld+json">{"@type":"WebPage","name":"Visit our shop","datePublished":"2019-01-01"}</script></head><body><h1>Visit our shop</h1></body>"#;
        assert_eq!(metadata_of(generic).published, None);
        let dated_url = read_metadata(&Document::from(generic), generic, Some("https://news.example/2024/05/12/talks"));
        assert_eq!(dated_url.published, Some(PartialDate::day(2024, 5, 12)));
    }

    #[test]
    fn a_date_inside_a_byline_label_is_found() {
        let html = r#"<body><h1>Talks resume</h1><div class="byline">By Ana Silva - Mar 27, 2024</div></body>"#;
        assert_eq!(metadata_of(html).published, Some(PartialDate::day(2024, 3, 27)));
    }

    #[test]
    fn the_structured_publication_date_beats_a_printed_update_date() {
        let html = r#"<head><meta property="article:published_time" content="2025-12-19T01:30:00Z"></head><body><h1>Port reopens</h1><span class="date">Updated Jan 8, 2026</span></body>"#;
        assert_eq!(metadata_of(html).published, Some(PartialDate::day(2025, 12, 19)));
    }

    #[test]
    fn a_site_specific_published_meta_name_is_read() {
        let html = r#"<head><meta name="x-published-date" content="2025-05-27T06:03:43Z"></head><body><h1>Port reopens</h1></body>"#;
        assert_eq!(metadata_of(html).published, Some(PartialDate::day(2025, 5, 27)));
    }

    #[test]
    fn byline_boxes_give_the_name_without_the_role_printed_beside_it() {
        let html = r#"<body><h1>Talks resume</h1><div class="author-box"><span>Ana Silva</span><span>Senior Reporter</span></div></body>"#;
        assert_eq!(metadata_of(html).authors, vec!["Ana Silva"]);
    }

    #[test]
    fn a_name_after_a_written_by_label_is_the_author() {
        let html = r#"<body><h1>Talks resume</h1><div><p>Written by</p><p>Jo Roe</p></div><p>Talks resumed on Monday in Geneva.</p></body>"#;
        assert_eq!(metadata_of(html).authors, vec!["Jo Roe"]);
    }

    #[test]
    fn author_names_lose_footnote_marks_and_email_addresses() {
        assert_eq!(split_author_list("Ana Silva, MD*"), vec!["Ana Silva, MD"]);
        assert_eq!(split_author_list("Newsdesk news@example.org"), vec!["Newsdesk"]);
        assert!(split_author_list("By").is_empty());
        assert!(split_author_list(":").is_empty());
    }

    #[test]
    fn a_login_name_in_the_author_meta_tag_is_kept_as_the_page_states_it() {
        let html = r#"<head><meta name="author" content="jdoe"></head><body><h1>Talks resume</h1></body>"#;
        assert_eq!(metadata_of(html).authors, vec!["jdoe"]);
    }

    #[test]
    fn a_time_element_date_counts_only_when_the_page_prints_it() {
        let unshown = r#"<body><h1>Talks resume</h1><article><time datetime="2021-12-08"></time><p>Talks resumed.</p></article></body>"#;
        assert_eq!(metadata_of(unshown).published, None);
        let printed = r#"<body><h1>Talks resume</h1><article><time datetime="2021-12-08">8 December 2021</time><p>Talks resumed.</p></article></body>"#;
        assert_eq!(metadata_of(printed).published, Some(PartialDate::day(2021, 12, 8)));
    }

    #[test]
    fn drupal_style_numeric_meta_dates_are_read() {
        let html = r#"<head><meta property="article:published_time" content="Thu, 09/25/2025 - 11:38"></head><body><h1>Port reopens</h1></body>"#;
        assert_eq!(metadata_of(html).published, Some(PartialDate::day(2025, 9, 25)));
    }

    #[test]
    fn a_page_without_a_stated_date_gets_none() {
        let html = "<head><title>About us</title></head><body><h1>About us</h1><p>Founded in 1998, we report on 2024 elections.</p></body>";
        assert_eq!(metadata_of(html).published, None);
    }

    #[test]
    fn a_json_ld_date_needs_a_second_source_or_a_printed_date() {
        let json_ld = r#"<script type="application/ld+json">{"@type":"Article","headline":"Port strike ends",
            "datePublished":"2019-01-01T08:00:00Z"}</script>"#;
        let bare = format!("<html><head>{json_ld}</head><body><h1>Port strike ends</h1><p>Text.</p></body></html>");
        assert_eq!(metadata_of(&bare).published, None);
        let with_meta = format!(
            r#"<html><head>{json_ld}<meta property="article:published_time" content="2019-01-01T08:00:00Z"></head>
            <body><h1>Port strike ends</h1><p>Text.</p></body></html>"#
        );
        assert_eq!(metadata_of(&with_meta).published, Some(PartialDate::day(2019, 1, 1)));
        let updated_line = format!(
            "<html><head>{json_ld}</head><body><h1>Port strike ends</h1><p>Updated June 3, 2024</p></body></html>"
        );
        assert_eq!(metadata_of(&updated_line).published, Some(PartialDate::day(2024, 6, 3)));
    }

    #[test]
    fn a_sites_front_page_has_no_publication_date() {
        let html = r#"<html><head><meta property="article:published_time" content="2021-05-24T15:24:38+00:00"></head>
            <body><h1>Marketing made simple</h1></body></html>"#;
        let document = Document::from(html);
        assert_eq!(read_metadata(&document, html, Some("https://agency.example/")).published, None);
        assert_eq!(
            read_metadata(&document, html, Some("https://agency.example/blog/launch")).published,
            Some(PartialDate::day(2021, 5, 24))
        );
        assert!(is_site_front_page("https://agency.example?ref=home"));
        assert!(!is_site_front_page(""));
    }

    #[test]
    fn comment_timestamps_are_not_the_articles_date() {
        let filler = "<p>The mayor spoke to residents at length about the plans for the harbour.</p>".repeat(40);
        let html = format!(
            r#"<html><body><article><h1>Notion alternatives</h1>{filler}
            <div id="comment-header"><time datetime="2024-11-17T21:48:00Z">Nov 17, 2024</time></div>
            </article></body></html>"#
        );
        assert_eq!(microdata_date(&Document::from(html.as_str())), None);
        assert_eq!(metadata_of(&html).published, None);
        let outside_comments = html.replace("comment-header", "byline");
        assert_eq!(metadata_of(&outside_comments).published, Some(PartialDate::day(2024, 11, 17)));
    }

    #[test]
    fn a_time_element_printed_only_as_the_update_stamp_leaves_the_page_undated() {
        let html = r#"<html><body><article><h1>Sleep FAQ</h1>
            <p>Latest updated <time datetime="2025-10-03">October 3rd, 2025</time></p><p>Naps.</p></article></body></html>"#;
        assert_eq!(metadata_of(html).published, None);
        let plain =
            r#"<html><body><h1>Sleep FAQ</h1><p>Latest updated October 3rd, 2025</p><p>Naps.</p></body></html>"#;
        assert_eq!(metadata_of(plain).published, Some(PartialDate::day(2025, 10, 3)));
    }
}
