//! Choosing a page's publication date from all the date evidence it carries.
//!
//! Evidence comes in three kinds: structured (JSON-LD, meta tags, microdata), the URL path,
//! and dates the reader sees. Of the visible ones, only *standalone* dates count as a
//! publication date: a short text that is essentially a date ("Mar 27, 2024", "Updated
//! 12.12.2025", "By Ana Silva - 4 Sep 2025"), printed near the headline or inside an element
//! marked as a date (`<time>`, a date/byline class). A date mentioned in a sentence of
//! reporting, or in a list of related stories far below the headline, is never taken.
//!
//! Invariant: every date returned was either labelled a publication or update date by the
//! page's markup, written in its URL, or printed as a standalone date by the headline; a page
//! stating none gets `None`.

use crate::dates::{month_number, parse_date};
use crate::text::normalize_whitespace;
use dom_query::{Document, NodeRef};
use dyad_document::PartialDate;

/// How many words before the headline a standalone date may sit (kicker lines, "Blog |
/// date" bars above the `<h1>`).
const WORDS_BEFORE_HEADLINE: usize = 60;
/// How many words after the headline starts a standalone date may sit (deck, byline, share
/// bar, lead image caption).
const WORDS_AFTER_HEADLINE: usize = 200;
/// On pages without an `<h1>`, how many words from the top a standalone date may sit.
const WORDS_WITHOUT_HEADLINE: usize = 150;
/// Longest text node read as a standalone date.
const STANDALONE_MAX_CHARS: usize = 80;

/// What a visible date's own text or the text just before it says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateLabel {
    Published,
    Updated,
    Unlabelled,
}

/// A date printed on its own (a short text node that is essentially a date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StandaloneDate {
    pub date: PartialDate,
    /// Words of visible text before it.
    pub word_position: usize,
    pub label: DateLabel,
    /// Inside `<time>` or an element whose class or id names a date or byline.
    pub in_date_element: bool,
}

/// The dates a reader sees on the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct VisibleDates {
    /// Every full date anywhere in the visible text, page order, without repeats.
    pub anywhere: Vec<PartialDate>,
    pub standalone: Vec<StandaloneDate>,
    /// Words of visible text before the first `<h1>`.
    pub headline_position: Option<usize>,
    /// Names printed after a "By" / "Written by" / "Author:" label near the headline, page
    /// order (collected in the same walk because bylines sit next to the date line).
    pub labelled_bylines: Vec<String>,
}

impl VisibleDates {
    pub fn shows(&self, date: &PartialDate) -> bool {
        self.anywhere.contains(date)
    }

    /// A word position near the headline: a little above it or in its first paragraphs.
    fn is_near_headline(&self, word_position: usize) -> bool {
        match self.headline_position {
            Some(headline) => {
                word_position + WORDS_BEFORE_HEADLINE >= headline && word_position <= headline + WORDS_AFTER_HEADLINE
            }
            None => word_position <= WORDS_WITHOUT_HEADLINE,
        }
    }

    /// Standalone dates printed near the headline or in date elements, page order.
    fn near_headline(&self) -> impl Iterator<Item = &StandaloneDate> {
        // Without an `<h1>` the top of the page stands in for the header.
        self.standalone.iter().filter(|shown| {
            self.is_near_headline(shown.word_position) || (self.headline_position.is_none() && shown.in_date_element)
        })
    }

    /// The first date printed by the headline: a publication-labelled one when the header
    /// shows both "Published" and "Updated" dates.
    pub fn header_date(&self) -> Option<&StandaloneDate> {
        let mut near = self.near_headline().peekable();
        let first = *near.peek()?;
        if first.label == DateLabel::Updated
            && let Some(published) = near.find(|shown| shown.label == DateLabel::Published)
        {
            return Some(published);
        }
        Some(first)
    }
}

/// Keys that application data (Next.js, Nuxt, headless CMS payloads) uses for the
/// publication time, as they appear in the page source (possibly escaped: `\"publishedAt\"`,
/// `&quot;datePublished&quot;`).
const EMBEDDED_PUBLISHED_KEYS: [&str; 5] =
    ["datePublished", "publishedAt", "publishDate", "publishedDate", "firstPublishedAt"];

/// The first publication date stored under a well-known key anywhere in the page source:
/// the key, then up to a few quote, escape and colon characters, then an ISO date.
pub(crate) fn embedded_script_date(raw_html: &str) -> Option<PartialDate> {
    EMBEDDED_PUBLISHED_KEYS.iter().find_map(|key| {
        raw_html.match_indices(key).filter(|(index, _)| !inside_json_ld(raw_html, *index)).take(5).find_map(
            |(index, _)| {
                let after = &raw_html[index + key.len()..];
                let value_start = after.char_indices().take(16).find(|(_, c)| c.is_ascii_digit())?.0;
                let separator = &after[..value_start];
                let is_key_value = separator.contains(':')
                    && separator
                        .chars()
                        .all(|c| matches!(c, '"' | '\'' | '\\' | ':' | ' ' | '&' | ';' | 'q' | 'u' | 'o' | 't'));
                if !is_key_value {
                    return None;
                }
                let value: String = after[value_start..].chars().take(10).collect();
                parse_date(&value).filter(|date| date.day.is_some())
            },
        )
    })
}

/// JSON-LD is read as structured data, with its page-type rules; its keys must not be
/// read again as application data.
fn inside_json_ld(raw_html: &str, index: usize) -> bool {
    let before = &raw_html[..index];
    let Some(script_start) = before.rfind("<script") else {
        return false;
    };
    let since_script = &before[script_start..];
    let open_tag_end = since_script.find('>').unwrap_or(since_script.len());
    !since_script.contains("</script") && since_script[..open_tag_end].to_ascii_lowercase().contains("ld+json")
}

/// One walk over the body's text nodes (scripts and styles excluded) collecting dates.
pub(crate) fn visible_dates(document: &Document) -> VisibleDates {
    let mut visible = VisibleDates::default();
    let Some(body) = document.select("body").nodes().first().cloned() else {
        return visible;
    };
    let mut words: Vec<String> = Vec::new();
    let mut previous_text = String::new();
    let mut skip_until_after: Option<NodeRef> = None;
    for node in body.descendants_it() {
        if let Some(skipped) = &skip_until_after {
            if is_descendant_of(&node, skipped) {
                continue;
            }
            skip_until_after = None;
        }
        if node.is_element() {
            let name = node.node_name().unwrap_or_default();
            if matches!(name.as_ref(), "script" | "style" | "noscript" | "template" | "svg") {
                skip_until_after = Some(node);
            } else if name.as_ref() == "h1" && visible.headline_position.is_none() {
                visible.headline_position = Some(words.len());
            }
            continue;
        }
        if !node.is_text() || words.len() >= 30_000 {
            continue;
        }
        let text = node.text();
        let position = words.len();
        words.extend(text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase));
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.chars().count() <= STANDALONE_MAX_CHARS
            && let Some(date) = standalone_date(trimmed)
        {
            visible.standalone.push(StandaloneDate {
                date,
                word_position: position,
                label: label_of(trimmed).or_else(|| label_of(&previous_text)).unwrap_or(DateLabel::Unlabelled),
                in_date_element: in_date_element(&node),
            });
        }
        let normalized = normalize_whitespace(trimmed);
        if visible.is_near_headline(position)
            && let Some(name) = labelled_name(&previous_text, &normalized)
        {
            visible.labelled_bylines.push(name);
        }
        previous_text = normalized;
    }
    for window in words.windows(3) {
        if let Some(date) = date_from_three_words(&window[0], &window[1], &window[2])
            && !visible.anywhere.contains(&date)
        {
            visible.anywhere.push(date);
        }
    }
    visible
}

/// Labels that introduce a byline when they stand alone before the name.
const BYLINE_LABELS: [&str; 8] =
    ["by", "written by", "author", "authors", "posted by", "article by", "words by", "story by"];

/// The name in a byline: the text after a lone "By" / "Author:" label, or a short text
/// that starts with "By " and a capitalised word ("By Ana Silva").
fn labelled_name(previous_text: &str, text: &str) -> Option<String> {
    let is_label = |candidate: &str| {
        let lowered = candidate.trim_end_matches([':', ' ']).to_lowercase();
        BYLINE_LABELS.contains(&lowered.as_str())
    };
    let name = if is_label(previous_text) && !is_label(text) {
        text
    } else {
        let rest = text.strip_prefix("By ").or_else(|| text.strip_prefix("by "))?;
        rest.starts_with(|c: char| c.is_uppercase()).then_some(rest)?
    };
    let name = name.trim_end_matches([',', '|', '-', '–', '·', ' ']);
    let words = name.split_whitespace().count();
    let plausible = (1..=8).contains(&words)
        && name.chars().next().is_some_and(char::is_alphabetic)
        && crate::dates::parse_date(name).is_none()
        && first_written_date(name).is_none();
    plausible.then(|| name.to_string())
}

fn is_descendant_of(node: &NodeRef, ancestor: &NodeRef) -> bool {
    let mut current = node.parent();
    while let Some(parent) = current {
        if parent.id == ancestor.id {
            return true;
        }
        current = parent.parent();
    }
    false
}

/// A short text that is a date with at most a few words around it ("Published on 4 Sep
/// 2025", "By Ana Silva - Mar 27, 2024", "12.12.2025 · 5 min read"). Longer texts that
/// merely contain a date are sentences, not date lines.
fn standalone_date(text: &str) -> Option<PartialDate> {
    let word_count = text.split_whitespace().count();
    if word_count > 9 {
        return None;
    }
    parse_date(text).filter(|date| date.day.is_some()).or_else(|| first_written_date(text))
}

fn label_of(text: &str) -> Option<DateLabel> {
    let lowered = text.to_lowercase();
    if lowered.len() > STANDALONE_MAX_CHARS * 2 {
        return None;
    }
    if ["updated", "modified", "reviewed", "refreshed"].iter().any(|word| lowered.contains(word)) {
        Some(DateLabel::Updated)
    } else if ["published", "posted", "written", "created"].iter().any(|word| lowered.contains(word)) {
        Some(DateLabel::Published)
    } else {
        None
    }
}

/// Inside `<time>` or an element (up to three levels up) whose class or id names a date,
/// publication time or byline.
fn in_date_element(node: &NodeRef) -> bool {
    let mut current = node.parent();
    for _ in 0..3 {
        let Some(element) = current else {
            return false;
        };
        if element.node_name().is_some_and(|name| name.as_ref() == "time") {
            return true;
        }
        let names = format!(
            "{} {}",
            element.class().unwrap_or_default().to_lowercase(),
            element.id_attr().unwrap_or_default().to_lowercase()
        );
        if ["date", "publish", "posted", "updated", "byline", "time"].iter().any(|word| names.contains(word)) {
            return true;
        }
        current = element.parent();
    }
    false
}

/// The first full date written out in a short text ("Posted on 4 Sep 2025 by …").
pub(crate) fn first_written_date(text: &str) -> Option<PartialDate> {
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect();
    words.windows(3).find_map(|window| date_from_three_words(&window[0], &window[1], &window[2]))
}

/// A full date from three consecutive lower-cased words: month-day-year ("sep 4 2025",
/// "9 4 2025"), day-month-year ("4 sep 2025", "23 07 2025") or year-month-day.
pub(crate) fn date_from_three_words(first: &str, second: &str, third: &str) -> Option<PartialDate> {
    let year = |word: &str| -> Option<i16> {
        (word.len() == 4).then(|| word.parse().ok()).flatten().filter(|year| (1990..=2100).contains(year))
    };
    let day = |word: &str| -> Option<u8> {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &word[digits.len()..];
        (matches!(suffix, "" | "st" | "nd" | "rd" | "th") && (1..=2).contains(&digits.len()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let month = |word: &str| -> Option<u8> {
        if word.len() <= 2 { word.parse().ok().filter(|month| (1..=12).contains(month)) } else { month_number(word) }
    };
    let build = |year: i16, month: u8, day: u8| parse_date(&format!("{year:04}-{month:02}-{day:02}"));
    if let Some(year) = year(third) {
        if let (Some(month), Some(day)) = (month(first), day(second)) {
            return build(year, month, day);
        }
        if let (Some(day), Some(month)) = (day(first), month(second)) {
            return build(year, month, day);
        }
    }
    if let Some(year) = year(first)
        && let (Some(month), Some(day)) = (month(second), day(third))
    {
        return build(year, month, day);
    }
    None
}

/// All the date evidence of one page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DateEvidence {
    /// `datePublished` of a JSON-LD article object, a published-time meta tag or microdata.
    pub structured_published: Option<PartialDate>,
    /// A publication date in a script's application data (`"publishedAt": "…"`), written
    /// by JavaScript-rendered sites that carry no JSON-LD or meta tags.
    pub embedded_published: Option<PartialDate>,
    /// `datePublished` of a generic JSON-LD `WebPage`: CMSs stamp one on every page.
    pub generic_published: Option<PartialDate>,
    pub from_url: Option<PartialDate>,
    pub visible: VisibleDates,
}

/// Publication dates beat update dates, and labelled dates beat printed ones:
/// 1. a URL date the page shows;
/// 2. the structured publication date, shown or not (templates often print only the
///    "Updated …" date, or none); its calendar day is kept even when the page prints the
///    day after or before (measured on WCXB: the annotated date follows the markup);
/// 3. the date printed by the headline (see [`VisibleDates::header_date`]), then a
///    publication date in a script's application data;
/// 4. a generic `WebPage` date the page shows;
/// 5. the URL date.
pub(crate) fn choose_date(evidence: &DateEvidence) -> Option<PartialDate> {
    let visible = &evidence.visible;
    if let Some(date) = evidence.from_url.filter(|date| visible.shows(date)) {
        return Some(date);
    }
    if let Some(published) = evidence.structured_published {
        return Some(published);
    }
    if let Some(header) = visible.header_date() {
        return Some(header.date);
    }
    if let Some(embedded) = evidence.embedded_published {
        return Some(embedded);
    }
    if let Some(generic) = evidence.generic_published.filter(|date| visible.shows(date)) {
        return Some(generic);
    }
    evidence.from_url
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(html: &str) -> Option<PartialDate> {
        let document = Document::from(html);
        choose_date(&DateEvidence { visible: visible_dates(&document), ..DateEvidence::default() })
    }

    #[test]
    fn a_plain_date_line_under_the_headline_is_the_publication_date() {
        let html = r#"<body><nav>Home News</nav><h1>Council approves new bridge</h1>
            <p class="x1"><span>Ana Silva</span> <span>October 3, 2024</span></p>
            <p>The council voted on Monday.</p></body>"#;
        assert_eq!(date_of(html), Some(PartialDate::day(2024, 10, 3)));
    }

    #[test]
    fn numeric_day_month_year_lines_are_read() {
        let html = r#"<body><h1>Port workers end strike</h1><span>23.07.2025</span><p>Text.</p></body>"#;
        assert_eq!(date_of(html), Some(PartialDate::day(2025, 7, 23)));
    }

    #[test]
    fn dates_in_sentences_or_far_below_the_headline_are_not_publication_dates() {
        let filler = "<p>The mayor spoke to residents at length about the plans for the harbour.</p>".repeat(40);
        let html = format!(
            r#"<body><h1>Council approves new bridge</h1><p>The council said on March 3, 2024 that the vote would be held in spring.</p>{filler}
            <ul class="related"><li><a href="/a">Floods close schools</a><span>May 2, 2024</span></li></ul></body>"#
        );
        assert_eq!(date_of(&html), None);
    }

    #[test]
    fn a_published_label_wins_over_an_updated_one_in_the_header() {
        let html = r#"<body><h1>Talks resume in Geneva</h1><span>Updated Jan 8, 2025</span>
            <span>Published Dec 19, 2024</span><p>Talks resumed.</p></body>"#;
        assert_eq!(date_of(html), Some(PartialDate::day(2024, 12, 19)));
    }

    #[test]
    fn without_a_headline_a_date_at_the_top_of_the_page_counts() {
        let html =
            r#"<body><h2>Talks resume in Geneva</h2><h3>blog | February 01, 2022</h3><p>Talks resumed.</p></body>"#;
        assert_eq!(date_of(html), Some(PartialDate::day(2022, 2, 1)));
    }

    #[test]
    fn publication_dates_in_script_data_are_found_in_any_escaping() {
        assert_eq!(
            embedded_script_date(r#"<script>{"slug":"x","publishedAt":"2025-10-20T13:08:55-07:00"}</script>"#),
            Some(PartialDate::day(2025, 10, 20))
        );
        assert_eq!(
            embedded_script_date(r#"self.__next_f.push([1,"{\"datePublished\":\"2025-02-04T00:00:00.000Z\"}"])"#),
            Some(PartialDate::day(2025, 2, 4))
        );
        assert_eq!(
            embedded_script_date("<div data-x=\"{&quot;datePublished&quot;:&quot;2025-11-17T09:00:00&quot;}\">"),
            Some(PartialDate::day(2025, 11, 17))
        );
        assert_eq!(embedded_script_date("<p>The datePublished field: see 2025 docs.</p>"), None);
    }

    #[test]
    fn names_after_a_byline_label_are_collected() {
        let html = r#"<body><h1>Talks resume</h1><div><p>Written by</p><p>Ana Silva</p></div>
            <p>By <a href="/p/jo">Jo Roe</a></p><p>By the way, talks resumed.</p></body>"#;
        let visible = visible_dates(&Document::from(html));
        assert_eq!(visible.labelled_bylines, vec!["Ana Silva", "Jo Roe"]);
    }

    #[test]
    fn a_shown_url_date_beats_a_structured_one_and_a_structured_one_beats_the_header() {
        let document = Document::from("<body><h1>Talks</h1><span>May 12, 2024</span></body>");
        let evidence = DateEvidence {
            structured_published: Some(PartialDate::day(2024, 5, 10)),
            from_url: Some(PartialDate::day(2024, 5, 12)),
            visible: visible_dates(&document),
            ..DateEvidence::default()
        };
        assert_eq!(choose_date(&evidence), Some(PartialDate::day(2024, 5, 12)));
        let evidence = DateEvidence { from_url: None, ..evidence };
        assert_eq!(choose_date(&evidence), Some(PartialDate::day(2024, 5, 10)));
    }
}
