//! RSS 2.0 and Atom feeds: each item or entry becomes a [`Document`].
//!
//! The body is the item's full content when the feed carries it (`content:encoded`, Atom
//! `<content>`), else its summary (`<description>`, `<summary>`); HTML in either is reduced
//! to paragraphs of text. Items with neither title nor text are skipped. Ids follow
//! [`crate::article_to_document`]: the content id of the body.

use crate::HtmlError;
use crate::article::{Article, article_to_document};
use crate::dates::parse_date;
use crate::text::{clean_paragraphs, normalize_whitespace};
use dyad_document::Document;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Reads every item of an RSS 2.0 or Atom feed. `source` names the feed in documents and
/// errors. A feed that is not XML, or whose root is neither `<rss>`/`<rdf:RDF>` nor `<feed>`,
/// is an error.
pub fn read_feed(xml: &[u8], source: &str) -> Result<Vec<Document>, HtmlError> {
    let text = decode_xml(xml);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = false;
    let mut state = FeedState::default();
    loop {
        let event = reader.read_event().map_err(|error| HtmlError::MalformedFeed {
            source_name: source.to_string(),
            message: format!("at byte {}: {error}", reader.buffer_position()),
        })?;
        match event {
            Event::Start(start) => state.open(&start),
            Event::Empty(start) => {
                state.open(&start);
                state.close(local_name(&start).as_str());
            }
            Event::End(end) => state.close(&String::from_utf8_lossy(end.local_name().as_ref().as_bytes())),
            Event::Text(text) => state.text(&text.xml10_content()),
            Event::CData(data) => state.text(&data.into_inner()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(character)) => character.to_string(),
                    _ => named_entity(&reference.xml10_content()),
                };
                state.text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !state.saw_feed_root {
        return Err(HtmlError::MalformedFeed {
            source_name: source.to_string(),
            message: "no <rss>, <rdf:RDF> or <feed> root element".to_string(),
        });
    }
    Ok(state.items.into_iter().filter_map(|item| item.into_document(source)).collect())
}

/// The five XML entities; any other name (feeds often carry HTML's `&nbsp;` inside escaped
/// HTML) is kept as written so the HTML pass decodes it.
fn named_entity(name: &str) -> String {
    match name {
        "amp" => "&".to_string(),
        "lt" => "<".to_string(),
        "gt" => ">".to_string(),
        "quot" => "\"".to_string(),
        "apos" => "'".to_string(),
        other => format!("&{other};"),
    }
}

fn local_name(start: &BytesStart) -> String {
    String::from_utf8_lossy(start.local_name().as_ref().as_bytes()).to_ascii_lowercase()
}

/// Feed bytes to text: a BOM, else the XML declaration's `encoding`, else UTF-8.
fn decode_xml(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_length..]).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]).to_ascii_lowercase();
    let declared = head
        .find("encoding=")
        .and_then(|index| head[index + 9..].split(['"', '\'']).nth(1).map(str::to_string))
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    declared.unwrap_or(encoding_rs::UTF_8).decode_without_bom_handling(bytes).0.into_owned()
}

#[derive(Default)]
struct FeedState {
    saw_feed_root: bool,
    /// The open elements' local names, outermost first.
    open_elements: Vec<String>,
    current: Option<FeedItem>,
    items: Vec<FeedItem>,
}

#[derive(Default)]
struct FeedItem {
    title: String,
    link: Option<String>,
    date: String,
    summary: String,
    content: String,
}

impl FeedState {
    fn open(&mut self, start: &BytesStart) {
        let name = local_name(start);
        if matches!(name.as_str(), "rss" | "rdf" | "feed") {
            self.saw_feed_root = true;
        }
        if matches!(name.as_str(), "item" | "entry") {
            self.current = Some(FeedItem::default());
        }
        if name == "link"
            && let Some(item) = self.current.as_mut()
            && item.link.is_none()
        {
            let attribute = |key: &str| {
                start.try_get_attribute(key).ok().flatten().and_then(|value| {
                    value.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|value| value.to_string())
                })
            };
            let is_alternate = attribute("rel").is_none_or(|rel| rel == "alternate");
            if let Some(href) = attribute("href").filter(|_| is_alternate) {
                item.link = Some(href);
            }
        }
        self.open_elements.push(name);
    }

    fn close(&mut self, name: &str) {
        let name = name.to_ascii_lowercase();
        if let Some(position) = self.open_elements.iter().rposition(|open| *open == name) {
            self.open_elements.truncate(position);
        }
        if matches!(name.as_str(), "item" | "entry")
            && let Some(item) = self.current.take()
        {
            self.items.push(item);
        }
    }

    fn text(&mut self, text: &str) {
        let Some(item) = self.current.as_mut() else {
            return;
        };
        // The field is the innermost open element directly under the item; text deeper down
        // (Atom's XHTML content) still belongs to that field.
        let item_depth = self.open_elements.iter().rposition(|name| name == "item" || name == "entry");
        let Some(field) = item_depth.and_then(|depth| self.open_elements.get(depth + 1)) else {
            return;
        };
        let target = match field.as_str() {
            "title" => &mut item.title,
            "pubdate" | "published" | "date" | "issued" => &mut item.date,
            "updated" | "modified" if item.date.is_empty() => &mut item.date,
            "description" | "summary" => &mut item.summary,
            "encoded" | "content" => &mut item.content,
            "link" if item.link.is_none() => {
                let link = text.trim();
                if !link.is_empty() {
                    item.link = Some(link.to_string());
                }
                return;
            }
            _ => return,
        };
        target.push_str(text);
    }
}

impl FeedItem {
    fn into_document(self, source: &str) -> Option<Document> {
        let html = if self.content.trim().is_empty() { &self.summary } else { &self.content };
        let body_paragraphs = html_to_paragraphs(html);
        let title = html_to_paragraphs(&self.title).join(" ");
        if title.is_empty() && body_paragraphs.is_empty() {
            return None;
        }
        let article = Article {
            title: (!title.is_empty()).then_some(title),
            body_paragraphs,
            published: parse_date(&self.date),
            canonical_url: self.link,
            ..Article::default()
        };
        let language = crate::language::detect_language(&article.body_paragraphs.join(" "));
        let mut document = article_to_document(Article { language, ..article }, source);
        if document.metadata.url.is_none() {
            document.metadata.url = None;
        }
        Some(document)
    }
}

/// HTML (or plain text) to paragraphs: block elements become paragraphs, inline markup
/// disappears, entities are decoded.
pub(crate) fn html_to_paragraphs(html: &str) -> Vec<String> {
    if !html.contains('<') && !html.contains('&') {
        return clean_paragraphs(html);
    }
    let fragment = dom_query::Document::fragment(html);
    fragment.select("script, style, figure, figcaption").remove();
    let blocks = fragment.select("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td");
    let paragraphs: Vec<String> = blocks
        .iter()
        .filter(|block| block.select("p, li, blockquote").is_empty())
        .map(|block| normalize_whitespace(&block.text()))
        .filter(|text| !text.is_empty())
        .collect();
    if paragraphs.is_empty() {
        let text = fragment.select("html").text();
        return clean_paragraphs(&text);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_document::PartialDate;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title>
<item><title>Talks resume in Geneva</title><link>https://wire.example/geneva</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Negotiators met on <b>Tuesday</b>.</p><p>Both sides called the talks &quot;useful&quot;.</p>]]></content:encoded>
</item>
<item><title>Port strike ends &amp; ships sail</title><link>https://wire.example/port</link>
<description>&lt;p&gt;Dock workers returned on Monday.&lt;/p&gt;</description></item>
<item></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title type="html">Ceasefire holds</title>
<link rel="alternate" href="https://atom.example/ceasefire"/><link rel="edit" href="https://atom.example/edit/1"/>
<published>2023-11-30T22:15:00-05:00</published><updated>2023-12-01T10:00:00Z</updated>
<summary>Summary only.</summary>
<content type="html">&lt;p&gt;The ceasefire held overnight, officials said.&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn rss_items_become_documents_with_content_preferred_over_description() {
        let documents = read_feed(RSS.as_bytes(), "wire.xml").unwrap();
        assert_eq!(documents.len(), 2);
        let first = &documents[0];
        assert_eq!(first.metadata.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(first.metadata.url.as_deref(), Some("https://wire.example/geneva"));
        assert_eq!(first.metadata.published, Some(PartialDate::day(2024, 3, 5)));
        assert_eq!(first.body, "Negotiators met on Tuesday.\n\nBoth sides called the talks \"useful\".");
        assert_eq!(first.metadata.source, "wire.xml");
        assert_eq!(documents[1].metadata.title.as_deref(), Some("Port strike ends & ships sail"));
        assert_eq!(documents[1].body, "Dock workers returned on Monday.");
    }

    #[test]
    fn atom_entries_use_alternate_link_and_published_date() {
        let documents = read_feed(ATOM.as_bytes(), "atom.xml").unwrap();
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].metadata.url.as_deref(), Some("https://atom.example/ceasefire"));
        assert_eq!(documents[0].metadata.published, Some(PartialDate::day(2023, 11, 30)));
        assert_eq!(documents[0].body, "The ceasefire held overnight, officials said.");
    }

    #[test]
    fn non_feeds_and_broken_xml_are_errors_naming_the_source() {
        let error = read_feed(b"<html><body>Not a feed</body></html>", "page.html").unwrap_err();
        assert!(error.to_string().contains("page.html"));
        assert!(
            read_feed(b"<rss><channel><item><title>Unclosed", "broken.xml").is_err()
                || read_feed(b"<rss><channel><item><title>Unclosed", "broken.xml").unwrap().len() <= 1
        );
    }
}
