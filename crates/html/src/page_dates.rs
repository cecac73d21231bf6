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
//! page's markup or by the words printed with it ("Published", "Last updated", "originally
//! published on"), written in its URL, or printed as a standalone date by the headline or
//! alone in the page's side column; a page stating none gets `None`. A JSON-LD date that
//! nothing else on the page repeats is not enough on its own.

use crate::dates::{month_number, parse_date, valid_day};
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
/// A page printing this many date lines is an index (events, an archive, search results):
/// none of its dates is the page's own.
const DATE_LINES_OF_AN_INDEX: usize = 50;
/// Most words from a publication date to the update stamp printed after it on one line.
const WORDS_BETWEEN_PAIRED_DATES: usize = 8;
/// Most words between a byline and the date line printed after it.
const WORDS_FROM_BYLINE_TO_DATE: usize = 12;
/// Longest text node read as a standalone date.
const STANDALONE_MAX_CHARS: usize = 80;

/// What a visible date's own text or the text just before it says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateLabel {
    Published,
    Updated,
    Unlabelled,
    /// A date the words with it mark as something else than when the page was written:
    /// today's date ("Today's hours", "Open today"), an activity stamp ("Last active"), or
    /// a span of days ("2025-12-12 – 2025-12-17", an event's or a report period's dates).
    NotPublication,
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
    /// Printed within a few words after a byline ("By Ana Silva" then "12.12.2025").
    pub follows_byline: bool,
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
    /// The date in an "originally published on …" statement anywhere on the page.
    pub originally_published: Option<PartialDate>,
}

impl VisibleDates {
    pub fn shows(&self, date: &PartialDate) -> bool {
        self.anywhere.contains(date)
    }

    /// Shows the date, or prints it with day and month the other way round ("03/10/2023"
    /// for 3 October read as 10 March): all-numeric dates whose day is 12 or less are
    /// ambiguous, and a second source settles which reading the page meant.
    fn shows_in_either_order(&self, date: &PartialDate) -> bool {
        let swapped = match (date.month, date.day) {
            (Some(month), Some(day)) if day <= 12 && day != month => valid_day(date.year, day, month),
            _ => None,
        };
        self.shows(date) || swapped.is_some_and(|swapped| self.shows(&swapped))
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

    /// Standalone dates printed near the headline or in date elements, page order, except
    /// those whose words say they are not publication dates.
    fn near_headline(&self) -> impl Iterator<Item = &StandaloneDate> {
        // Without an `<h1>` the top of the page stands in for the header.
        self.standalone.iter().filter(|shown| {
            shown.label != DateLabel::NotPublication
                && (self.is_near_headline(shown.word_position)
                    || (self.headline_position.is_none() && shown.in_date_element))
        })
    }

    /// A date the page prints other than as an update date: shown somewhere, and not only
    /// in standalone lines labelled "Updated" / "Modified". `<time>` and microdata dates are
    /// trusted only when this holds, because templates put them on comments, reviews and
    /// "last updated" stamps as well as on the article.
    pub fn shows_not_as_update(&self, date: &PartialDate) -> bool {
        let mut lines = self.standalone.iter().filter(|shown| shown.date == *date).peekable();
        self.shows(date) && (lines.peek().is_none() || lines.any(|shown| shown.label != DateLabel::Updated))
    }

    /// The first standalone date anywhere on the page that is labelled a publication date
    /// ("Published", "Posted on", "Publish date"), or else the first labelled an update
    /// inside a date element ("Page last modified: …" in a `<time>`). Pages that print
    /// their date in a footer or side column, far from the headline, state it this way.
    ///
    /// An update stamp printed right after another, unlabelled date ("December 3, 2025.
    /// Updated: December 7, 2025") gives way to that date: the pair is the page's
    /// published-then-updated line.
    pub fn labelled_anywhere(&self) -> Option<&StandaloneDate> {
        if let Some(published) = self.standalone.iter().find(|shown| shown.label == DateLabel::Published) {
            return Some(published);
        }
        let updated_index =
            self.standalone.iter().position(|shown| shown.label == DateLabel::Updated && shown.in_date_element)?;
        let updated = &self.standalone[updated_index];
        let paired = updated_index.checked_sub(1).map(|index| &self.standalone[index]).filter(|before| {
            before.label == DateLabel::Unlabelled
                && before.date != updated.date
                && updated.word_position - before.word_position <= WORDS_BETWEEN_PAIRED_DATES
        });
        Some(paired.unwrap_or(updated))
    }

    /// The first date printed by the headline: a publication-labelled one when the header
    /// shows both "Published" and "Updated" dates. When a date below the headline is marked
    /// as a date (by its element or a label), dates above the headline are passed over: the
    /// byline's date line sits under the headline, while a date above it is then site-header
    /// furniture (today's date in the top bar, the newest item of a menu). An unmarked date
    /// below the headline may as well be the article's first dated fact, so it does not
    /// displace a date line above.
    pub fn header_date(&self) -> Option<&StandaloneDate> {
        let below_headline =
            |shown: &StandaloneDate| self.headline_position.is_none_or(|headline| shown.word_position >= headline);
        let marked_below = self.near_headline().any(|shown| {
            below_headline(shown)
                && (shown.in_date_element || shown.follows_byline || shown.label != DateLabel::Unlabelled)
        });
        let mut near = self.near_headline().filter(|shown| !marked_below || below_headline(shown)).peekable();
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

/// The one date printed in the page's side column, for pages that state no date anywhere
/// else. Article templates often put the date line in an `<aside>` beside the text, which
/// the extraction pipeline cuts before parsing (asides are mostly furniture), so the asides
/// of the page source are read here. Only a single date counts: an aside with several is
/// a list of other stories or an archive.
pub(crate) fn aside_date(raw_html: &str) -> Option<PartialDate> {
    let mut found: Option<PartialDate> = None;
    let mut rest = raw_html;
    while let Some(start) = rest.find("<aside") {
        let block_and_after = &rest[start..];
        let end = block_and_after.find("</aside>").map_or(block_and_after.len(), |end| end + "</aside>".len());
        let block = &block_and_after[..end];
        let fragment = Document::from(format!("<html><body>{block}</body></html>").as_str());
        for shown in visible_dates(&fragment).standalone {
            if shown.label == DateLabel::NotPublication || found == Some(shown.date) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(shown.date);
        }
        rest = &block_and_after[end..];
    }
    found
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
    // One small token per word of visible text: positions count words, and full dates are
    // read from three consecutive tokens, so the words themselves need not be kept.
    let mut words: Vec<DateWord> = Vec::new();
    let mut previous_text = String::new();
    // Word position just after the last byline read near the headline.
    let mut byline_end: Option<usize> = None;
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
        words.extend(text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(DateWord::of));
        let trimmed = text.trim();
        if trimmed.is_empty() {
            continue;
        }
        if visible.originally_published.is_none() {
            visible.originally_published = originally_published(trimmed);
        }
        if trimmed.chars().count() <= STANDALONE_MAX_CHARS
            && let Some(date) = standalone_date(trimmed)
        {
            visible.standalone.push(StandaloneDate {
                date,
                word_position: position,
                label: if is_date_range(trimmed) {
                    DateLabel::NotPublication
                } else {
                    label_of(trimmed).or_else(|| label_of(&previous_text)).unwrap_or(DateLabel::Unlabelled)
                },
                in_date_element: in_date_element(&node),
                follows_byline: byline_end
                    .is_some_and(|end| position >= end && position - end <= WORDS_FROM_BYLINE_TO_DATE),
            });
        }
        let normalized = normalize_whitespace(trimmed);
        if visible.is_near_headline(position)
            && let Some(name) = labelled_name(&previous_text, &normalized)
        {
            visible.labelled_bylines.push(name);
            byline_end = Some(words.len());
        }
        previous_text = normalized;
    }
    for window in words.windows(3) {
        if let Some(date) = date_from_three_tokens(window[0], window[1], window[2])
            && !visible.anywhere.contains(&date)
        {
            visible.anywhere.push(date);
        }
    }
    visible
}

/// The date of an "originally published on 26 Sep 2019" statement: pages republished or
/// moved to a new address say in words when they first appeared.
fn originally_published(text: &str) -> Option<PartialDate> {
    const PHRASE: &str = "riginally published";
    let start = text.find(PHRASE)? + PHRASE.len();
    let after: String = text[start..].chars().take(40).collect();
    first_written_date(&after)
        .or_else(|| parse_date(after.trim_start().trim_start_matches("on ")))
        .filter(|date| date.day.is_some())
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
    // Separators left over from a byline ("- 2025/4/29", "· Mar 3, 2024") hide the date's
    // own format from the parser.
    let text = text.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '|' | '·' | '•' | '/') || c.is_whitespace());
    parse_date(text).filter(|date| date.day.is_some()).or_else(|| first_written_date(text))
}

fn label_of(text: &str) -> Option<DateLabel> {
    let lowered = text.to_lowercase();
    if lowered.len() > STANDALONE_MAX_CHARS * 2 {
        return None;
    }
    // "Today" labels the day the page was rendered (opening hours, a date bar), but the word
    // is common in sentences ("Subscribe today"), so it counts only in a short label.
    let short_label = lowered.split_whitespace().count() <= 6;
    if (short_label && lowered.contains("today"))
        || ["last active", "last seen"].iter().any(|phrase| lowered.contains(phrase))
    {
        Some(DateLabel::NotPublication)
    } else if ["updated", "modified", "reviewed", "refreshed"].iter().any(|word| lowered.contains(word)) {
        Some(DateLabel::Updated)
    } else if ["publish", "posted", "written", "created", "post date", "post time"]
        .iter()
        .any(|word| lowered.contains(word))
    {
        Some(DateLabel::Published)
    } else {
        None
    }
}

/// Two different full dates joined by a dash or "to" / "until" with no label word between
/// them: a span of days (an event, a report period), not the day a page was published.
fn is_date_range(text: &str) -> bool {
    let words: Vec<(usize, &str)> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
        .collect();
    let date_at = |index: usize| {
        let window = words.get(index..index + 3)?;
        date_from_three_tokens(DateWord::of(window[0].1), DateWord::of(window[1].1), DateWord::of(window[2].1))
    };
    let Some((first_index, first_date)) = (0..words.len()).find_map(|index| Some((index, date_at(index)?))) else {
        return false;
    };
    let first_end = words[first_index + 2].0 + words[first_index + 2].1.len();
    (first_index + 3..words.len()).filter_map(|index| Some((index, date_at(index)?))).take(1).any(|(index, date)| {
        let between = text[first_end..words[index].0].to_lowercase();
        let joining_words: Vec<&str> = between
            .split_whitespace()
            .map(|word| word.trim_matches([',', '.', ':']))
            .filter(|w| !w.is_empty())
            .collect();
        date != first_date
            && !joining_words.is_empty()
            && joining_words.iter().all(|word| matches!(*word, "-" | "–" | "—" | "to" | "until" | "through"))
    })
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
    let words: Vec<DateWord> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(DateWord::of).collect();
    words.windows(3).find_map(|window| date_from_three_tokens(window[0], window[1], window[2]))
}

/// What a word can contribute to a written date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateWord {
    /// Digits, possibly with an ordinal suffix ("4th"); such a number can only be a day.
    Number {
        value: u16,
        digits: u8,
        ordinal: bool,
    },
    /// A month name or its abbreviation ("sep", "September").
    Month(u8),
    Other,
}

impl DateWord {
    fn of(word: &str) -> DateWord {
        // The day of an ISO timestamp is glued to its time: "2021-01-18T19:55" splits into
        // "2021", "01", "18T19".
        let word = match word.split_once(['T', 't']) {
            Some((day, time)) if day.len() == 2 && !time.is_empty() && time.bytes().all(|b| b.is_ascii_digit()) => day,
            _ => word,
        };
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &word[digits.len()..];
        if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let ordinal = !suffix.is_empty();
            let suffix_allowed = !ordinal
                || (digits.len() <= 2 && matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th"));
            return match digits.parse() {
                Ok(value) if suffix_allowed => DateWord::Number { value, digits: digits.len() as u8, ordinal },
                _ => DateWord::Other,
            };
        }
        if (3..=9).contains(&word.len())
            && let Some(month) = month_number(word)
        {
            return DateWord::Month(month);
        }
        DateWord::Other
    }

    fn year(self) -> Option<i16> {
        match self {
            DateWord::Number { value, digits: 4, ordinal: false } if (1990..=2100).contains(&value) => {
                i16::try_from(value).ok()
            }
            _ => None,
        }
    }

    fn day(self) -> Option<u8> {
        match self {
            DateWord::Number { value, digits: 1..=2, .. } => u8::try_from(value).ok(),
            _ => None,
        }
    }

    fn month(self) -> Option<u8> {
        match self {
            DateWord::Number { value, digits: 1..=2, ordinal: false } if (1..=12).contains(&value) => {
                u8::try_from(value).ok()
            }
            DateWord::Month(month) => Some(month),
            _ => None,
        }
    }
}

/// A full date from three consecutive lower-cased words: month-day-year ("sep 4 2025",
/// "9 4 2025"), day-month-year ("4 sep 2025", "23 07 2025") or year-month-day.
#[cfg(test)]
fn date_from_three_words(first: &str, second: &str, third: &str) -> Option<PartialDate> {
    date_from_three_tokens(DateWord::of(first), DateWord::of(second), DateWord::of(third))
}

fn date_from_three_tokens(first: DateWord, second: DateWord, third: DateWord) -> Option<PartialDate> {
    if let Some(year) = third.year() {
        if let (Some(month), Some(day)) = (first.month(), second.day()) {
            return valid_day(year, month, day);
        }
        if let (Some(day), Some(month)) = (first.day(), second.month()) {
            return valid_day(year, month, day);
        }
    }
    // Year first is the ISO order, which writes the month with two digits: "2021 5 11" is a
    // year followed by a time of day ("2021 5:11:10"), not 11 May.
    let written_as_iso_month = matches!(second, DateWord::Month(_) | DateWord::Number { digits: 2, .. });
    if let Some(year) = first.year()
        && written_as_iso_month
        && let (Some(month), Some(day)) = (second.month(), third.day())
    {
        return valid_day(year, month, day);
    }
    None
}

/// All the date evidence of one page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DateEvidence {
    /// `datePublished` of a JSON-LD article object, a published-time meta tag or microdata.
    pub structured_published: Option<PartialDate>,
    /// The structured publication date is stated by the JSON-LD article object alone: no
    /// meta tag or microdata on the page gives the same day.
    pub published_only_in_json_ld: bool,
    /// `datePublished` of a generic JSON-LD `WebPage`: CMSs stamp one on every page.
    pub generic_published: Option<PartialDate>,
    /// The modification time the page's metadata states (`article:modified_time`,
    /// `dateModified`, …): a printed date equal to it is the page's update date.
    pub structured_modified: Option<PartialDate>,
    pub from_url: Option<PartialDate>,
    /// The page marks a date up for machines (`itemprop`, `<time>` in the article) but
    /// prints that date only as its "Updated" stamp: the page's own markup says the date
    /// it shows is an update, not a publication.
    pub markup_dates_only_update: bool,
    pub visible: VisibleDates,
}

impl DateEvidence {
    /// Whether a second source backs the structured publication date: a meta tag or
    /// microdata stating it too, the URL, or the page printing it. JSON-LD graphs are
    /// generated wholesale by SEO plugins and site builders, which fill `datePublished` from
    /// the CMS record (often its creation, import or first-draft time); when nothing else on
    /// the page repeats that date it is the weakest date claim the page makes.
    fn published_is_corroborated(&self, published: PartialDate) -> bool {
        !self.published_only_in_json_ld || self.from_url == Some(published) || self.visible.shows(&published)
    }
}

/// Publication dates beat update dates, and labelled dates beat printed ones:
/// 1. a URL date the page shows;
/// 2. the structured publication date, shown or not (templates often print only the
///    "Updated …" date, or none); its calendar day is kept even when the page prints the
///    day after or before (measured on WCXB: the annotated date follows the markup). The
///    exception: a structured date the page never shows gives way to a date printed by the
///    headline that is clearly the page's own publication date (see
///    [`printed_date_overrides`]);
/// 3. a structured date that only JSON-LD states, that the page never prints and that
///    nothing else repeats (see [`DateEvidence::published_is_corroborated`]) gives way to
///    any date printed by the headline, even an "Updated" one: that is the date the page
///    shows its readers. Without such a printed date it is not used at all;
/// 4. the date printed by the headline (see [`VisibleDates::header_date`]), then a
///    publication date in a script's application data;
/// 5. a generic `WebPage` date the page shows;
/// 6. a date labelled "Published" (or "Updated", in a date element) anywhere on the page;
/// 7. the URL date.
///
/// `embedded_published` finds a publication date in a script's application data
/// (`"publishedAt": "…"`, see [`embedded_script_date`]), written by JavaScript-rendered
/// sites that carry no JSON-LD or meta tags. It scans the whole page source, so it is only
/// called when steps 1–4 found nothing.
pub(crate) fn choose_date(
    evidence: &DateEvidence,
    embedded_published: impl FnOnce() -> Option<PartialDate>,
) -> Option<PartialDate> {
    let visible = &evidence.visible;
    if let Some(date) = evidence.from_url.filter(|date| visible.shows_in_either_order(date)) {
        return Some(date);
    }
    if let Some(date) = visible.originally_published {
        return Some(date);
    }
    let is_index = visible.standalone.len() >= DATE_LINES_OF_AN_INDEX;
    let header = visible.header_date().filter(|_| !is_index);
    let mut json_ld_set_aside = false;
    if let Some(published) = evidence.structured_published {
        if !evidence.published_is_corroborated(published) {
            if let Some(printed) = header {
                return Some(printed.date);
            }
            json_ld_set_aside = true;
        } else {
            if let Some(printed) = header.filter(|printed| printed_date_overrides(printed, published, evidence)) {
                return Some(printed.date);
            }
            return Some(published);
        }
    }
    // Without a publication date anywhere in the markup, an "Updated" line is still the
    // best date the page offers, unless the markup itself calls that date an update.
    let is_usable = |shown: &&StandaloneDate| !(evidence.markup_dates_only_update && shown.label == DateLabel::Updated);
    if let Some(header) = header.filter(is_usable) {
        return Some(header.date);
    }
    // Application data in scripts comes from the same CMS record as the JSON-LD, so it
    // cannot vouch for a JSON-LD date that was just set aside.
    if !json_ld_set_aside && let Some(embedded) = embedded_published() {
        return Some(embedded);
    }
    if let Some(generic) = evidence.generic_published.filter(|date| visible.shows(date)) {
        return Some(generic);
    }
    // A labelled date far from the headline is the weakest printed evidence; on a page whose
    // markup dates itself only by an update stamp it belongs to something else (a list).
    if !evidence.markup_dates_only_update
        && let Some(labelled) = visible.labelled_anywhere()
    {
        return Some(labelled.date);
    }
    evidence.from_url
}

/// Whether the date printed by the headline should replace a corroborated structured
/// publication date. Never when the URL states the structured date too (two independent
/// sources agree), nor when the two lie within a day of each other (a time-zone difference,
/// where the markup is kept). Otherwise it does when:
/// - the printed date is labelled "Published" and the page prints the structured date
///   nowhere, or only as its "Updated" date: the page says in words which date is which;
/// - the printed date is unlabelled, the structured date appears nowhere on the page, and
///   the printed date is not (within a day) the modification time the metadata states.
///   Such a structured date is typically a CMS creation stamp or a migrated page's import
///   date, while readers, and anyone citing the page, go by the date printed under the
///   headline.
///
/// An "Updated" date by the headline never replaces a corroborated publication date.
fn printed_date_overrides(printed: &StandaloneDate, structured: PartialDate, evidence: &DateEvidence) -> bool {
    if evidence.from_url == Some(structured) || within_a_day(printed.date, structured) {
        return false;
    }
    match printed.label {
        DateLabel::Published => !evidence.visible.shows_not_as_update(&structured),
        DateLabel::Unlabelled => {
            !evidence.visible.shows(&structured)
                && !evidence.structured_modified.is_some_and(|modified| within_a_day(modified, printed.date))
        }
        DateLabel::Updated | DateLabel::NotPublication => false,
    }
}

/// Two dates at most one calendar day apart; partial dates only when year and month agree.
fn within_a_day(first: PartialDate, second: PartialDate) -> bool {
    match (first.month, first.day, second.month, second.day) {
        (Some(first_month), Some(first_day), Some(second_month), Some(second_day)) => {
            let first_days = days_from_civil(first.year, first_month, first_day);
            let second_days = days_from_civil(second.year, second_month, second_day);
            (first_days - second_days).abs() <= 1
        }
        _ => first.year == second.year && first.month == second.month,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i16, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(html: &str) -> Option<PartialDate> {
        let document = Document::from(html);
        choose_date(&DateEvidence { visible: visible_dates(&document), ..DateEvidence::default() }, || None)
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
    fn an_unshown_structured_date_gives_way_to_a_different_printed_date() {
        let document =
            Document::from("<body><h1>Harbour reopens</h1><span>June 3, 2024</span><p>Ships docked.</p></body>");
        let evidence = DateEvidence {
            structured_published: Some(PartialDate::day(2019, 1, 1)),
            visible: visible_dates(&document),
            ..DateEvidence::default()
        };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2024, 6, 3)));
        // The printed date is the metadata's modification time: it is the update date.
        let modified = DateEvidence { structured_modified: Some(PartialDate::day(2024, 6, 3)), ..evidence.clone() };
        assert_eq!(choose_date(&modified, || None), Some(PartialDate::day(2019, 1, 1)));
        // A day apart is a time-zone difference: the markup's day is kept.
        let next_day = DateEvidence { structured_published: Some(PartialDate::day(2024, 6, 2)), ..evidence };
        assert_eq!(choose_date(&next_day, || None), Some(PartialDate::day(2024, 6, 2)));
    }

    #[test]
    fn an_updated_label_by_the_headline_does_not_override_the_structured_date() {
        let document = Document::from(
            "<body><h1>Harbour reopens</h1><span>Updated June 3, 2024</span><p>Ships docked.</p></body>",
        );
        let evidence = DateEvidence {
            structured_published: Some(PartialDate::day(2019, 1, 1)),
            visible: visible_dates(&document),
            ..DateEvidence::default()
        };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2019, 1, 1)));
    }

    #[test]
    fn a_labelled_date_far_below_the_headline_is_used_when_nothing_else_dates_the_page() {
        let filler = "<p>The mayor spoke to residents at length about the plans for the harbour.</p>".repeat(40);
        let published = format!(
            r#"<body><h1>Council approves new bridge</h1>{filler}<div><h4>Publish date</h4><time datetime="2018-11-15">15 November 2018</time></div></body>"#
        );
        assert_eq!(date_of(&published), Some(PartialDate::day(2018, 11, 15)));
        let modified = format!(
            r#"<body><h1>Council approves new bridge</h1>{filler}<p>Page last modified <time>Jan. 17, 2025</time></p></body>"#
        );
        assert_eq!(date_of(&modified), Some(PartialDate::day(2025, 1, 17)));
        let unlabelled =
            format!(r#"<body><h1>Council approves new bridge</h1>{filler}<p><span>May 2, 2024</span></p></body>"#);
        assert_eq!(date_of(&unlabelled), None);
    }

    #[test]
    fn dates_shown_only_as_update_stamps_are_not_shown_as_publication_dates() {
        let visible = visible_dates(&Document::from(
            "<body><h1>Talks</h1><p>Updated <time>May 12, 2024</time></p><p>Jan 3, 2024</p></body>",
        ));
        assert!(!visible.shows_not_as_update(&PartialDate::day(2024, 5, 12)));
        assert!(visible.shows_not_as_update(&PartialDate::day(2024, 1, 3)));
        assert!(!visible.shows_not_as_update(&PartialDate::day(2023, 1, 3)));
    }

    #[test]
    fn three_words_make_a_date_in_any_usual_order() {
        assert_eq!(date_from_three_words("sep", "4th", "2025"), Some(PartialDate::day(2025, 9, 4)));
        assert_eq!(date_from_three_words("23", "07", "2025"), Some(PartialDate::day(2025, 7, 23)));
        assert_eq!(date_from_three_words("2025", "March", "02"), Some(PartialDate::day(2025, 3, 2)));
        assert_eq!(date_from_three_words("4th", "9", "2025"), Some(PartialDate::day(2025, 9, 4)));
        assert_eq!(date_from_three_words("9", "4th", "2025"), Some(PartialDate::day(2025, 9, 4)));
        for (first, second, third) in [
            ("mayor", "4", "2025"),
            ("31", "feb", "2025"),
            ("4", "sep", "1776"),
            ("4x", "sep", "2025"),
            ("sep", "4", "20250"),
        ] {
            assert_eq!(date_from_three_words(first, second, third), None, "{first} {second} {third}");
        }
    }

    #[test]
    fn script_data_is_searched_only_when_nothing_else_dates_the_page() {
        let document = Document::from("<body><h1>Talks</h1><p>Text.</p></body>");
        let mut searched = false;
        let evidence = DateEvidence {
            structured_published: Some(PartialDate::day(2024, 5, 11)),
            visible: visible_dates(&document),
            ..DateEvidence::default()
        };
        assert_eq!(
            choose_date(&evidence, || {
                searched = true;
                None
            }),
            Some(PartialDate::day(2024, 5, 11))
        );
        assert!(!searched);
        let undated = DateEvidence { structured_published: None, ..evidence };
        assert_eq!(choose_date(&undated, || Some(PartialDate::day(2023, 1, 2))), Some(PartialDate::day(2023, 1, 2)));
    }

    fn evidence_of(html: &str) -> DateEvidence {
        DateEvidence { visible: visible_dates(&Document::from(html)), ..DateEvidence::default() }
    }

    #[test]
    fn a_json_ld_date_nothing_repeats_gives_way_to_the_printed_date_even_an_update() {
        let html = "<body><h1>Harbour reopens</h1><span>Updated June 3, 2024</span><p>Ships docked.</p></body>";
        let json_ld_only = DateEvidence {
            structured_published: Some(PartialDate::day(2019, 1, 1)),
            published_only_in_json_ld: true,
            ..evidence_of(html)
        };
        assert_eq!(choose_date(&json_ld_only, || None), Some(PartialDate::day(2024, 6, 3)));
        // The URL states the JSON-LD date too: two sources agree, and the update stays one.
        let with_url = DateEvidence { from_url: Some(PartialDate::day(2019, 1, 1)), ..json_ld_only.clone() };
        assert_eq!(choose_date(&with_url, || None), Some(PartialDate::day(2019, 1, 1)));
    }

    #[test]
    fn an_unrepeated_json_ld_date_on_a_page_printing_no_date_is_dropped() {
        let html = "<body><h1>Harbour reopens</h1><p>Ships docked.</p></body>";
        let json_ld_only = DateEvidence {
            structured_published: Some(PartialDate::day(2019, 1, 1)),
            published_only_in_json_ld: true,
            ..evidence_of(html)
        };
        let mut searched_scripts = false;
        let chosen = choose_date(&json_ld_only, || {
            searched_scripts = true;
            Some(PartialDate::day(2019, 1, 1))
        });
        assert_eq!(chosen, None);
        assert!(!searched_scripts, "script data comes from the same CMS record");
        let also_in_meta = DateEvidence { published_only_in_json_ld: false, ..json_ld_only };
        assert_eq!(choose_date(&also_in_meta, || None), Some(PartialDate::day(2019, 1, 1)));
    }

    #[test]
    fn a_published_label_overrides_a_structured_date_printed_only_as_the_update() {
        let html = r#"<body><h1>Talks resume</h1><span>Published Apr 26, 2023</span>
            <span>Updated Aug 21, 2025</span><p>Talks resumed.</p></body>"#;
        let evidence = DateEvidence { structured_published: Some(PartialDate::day(2025, 8, 21)), ..evidence_of(html) };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2023, 4, 26)));
    }

    #[test]
    fn a_printed_date_within_a_day_of_the_modification_time_is_the_update() {
        let html = "<body><h1>Wine types</h1><span>27 September, 2023</span><p>Red and white.</p></body>";
        let evidence = DateEvidence {
            structured_published: Some(PartialDate::day(2022, 2, 16)),
            structured_modified: Some(PartialDate::day(2023, 9, 28)),
            ..evidence_of(html)
        };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2022, 2, 16)));
    }

    #[test]
    fn a_url_agreeing_with_the_structured_date_beats_an_unlabelled_printed_one() {
        let html = "<body><h1>Choosing a tool</h1><p>Steps.</p><ul><li>2022-04-12</li></ul></body>";
        let evidence = DateEvidence {
            structured_published: Some(PartialDate::day(2021, 1, 18)),
            from_url: Some(PartialDate::day(2021, 1, 18)),
            ..evidence_of(html)
        };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2021, 1, 18)));
    }

    #[test]
    fn a_url_date_settles_an_ambiguous_numeric_date() {
        let html = "<body><h1>Wine styles</h1><span>03/10/2023</span><p>Red and white.</p></body>";
        let evidence = DateEvidence { from_url: Some(PartialDate::day(2023, 10, 3)), ..evidence_of(html) };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2023, 10, 3)));
        assert_eq!(choose_date(&evidence_of(html), || None), Some(PartialDate::day(2023, 3, 10)));
    }

    #[test]
    fn a_marked_date_below_the_headline_beats_a_date_bar_above_it() {
        let html = r#"<body><div class="top-date">Friday, December 19, 2025</div><h1>Tax basics</h1>
            <p>By The Currency editors</p><p>12.12.2025</p><p>Taxes fund services.</p></body>"#;
        assert_eq!(date_of(html), Some(PartialDate::day(2025, 12, 12)));
        // An unmarked date below the headline may be the article's first dated fact.
        let unmarked = r#"<body><div class="date">October 13, 2025</div><h1>Tech events</h1>
            <p>CES</p><p>June 9, 2026</p></body>"#;
        assert_eq!(date_of(unmarked), Some(PartialDate::day(2025, 10, 13)));
    }

    #[test]
    fn todays_date_activity_stamps_and_date_ranges_are_not_publication_dates() {
        for html in [
            "<body><h1>Shade plants</h1><p>Today's Hours</p><p>March 14, 2026</p><p>Ferns.</p></body>",
            "<body><h1>writeup.md</h1><p>Last active December 20, 2025</p><p>Notes.</p></body>",
            "<body><h1>Coding agent</h1><p>DATE: 2025-12-12 - 2025-12-17</p><p>Report.</p></body>",
        ] {
            assert_eq!(date_of(html), None, "{html}");
        }
        assert!(is_date_range("March 2, 2026 to March 5, 2026"));
        assert!(!is_date_range("Published Apr 26, 2023 - Updated Aug 21, 2025"));
        assert!(!is_date_range("May 3, 2024 - 5 min read"));
    }

    #[test]
    fn an_update_stamp_right_after_another_date_gives_that_date() {
        let filler = "<p>The mayor spoke to residents at length about the plans for the harbour.</p>".repeat(40);
        let html = format!(
            r#"<body><h1>Sci-fi prizes</h1>{filler}<p>Interview by Ana Silva December 3, 2025.</p>
            <p class="updated">Updated: <span>December 7, 2025</span></p></body>"#
        );
        assert_eq!(date_of(&html), Some(PartialDate::day(2025, 12, 3)));
    }

    #[test]
    fn an_originally_published_statement_wins_over_a_printed_date() {
        let filler = "<p>The mayor spoke to residents at length about the plans for the harbour.</p>".repeat(20);
        let html = format!(
            r#"<body><h1>Tiny homes</h1><span>30 Sep 2022, 11:07am</span>{filler}
            <p>This article was originally published on 26 Sep 2019 at 4:12pm and has been updated.</p></body>"#
        );
        assert_eq!(date_of(&html), Some(PartialDate::day(2019, 9, 26)));
        assert_eq!(originally_published("originally published by the Herald"), None);
    }

    #[test]
    fn an_update_line_is_not_used_when_the_markup_calls_that_date_an_update() {
        let html = "<body><h1>Sleep FAQ</h1><p>Latest updated <time>October 3rd, 2025</time></p><p>Naps.</p></body>";
        assert_eq!(date_of(html), Some(PartialDate::day(2025, 10, 3)));
        let marked = DateEvidence { markup_dates_only_update: true, ..evidence_of(html) };
        assert_eq!(choose_date(&marked, || None), None);
    }

    #[test]
    fn a_page_with_dozens_of_date_lines_is_an_index() {
        let items: String = (1..=28)
            .flat_map(|day| [format!("<li><div class=\"date\">March {day}, 2026</div><p>Summit</p></li>")])
            .chain((1..=28).map(|day| format!("<li><div class=\"date\">April {day}, 2026</div><p>Expo</p></li>")))
            .collect();
        let html = format!("<body><h1>Conferences 2026</h1><ul>{items}</ul></body>");
        assert_eq!(date_of(&html), None);
    }

    #[test]
    fn the_single_date_of_a_side_column_dates_an_otherwise_undated_page() {
        let page = r#"<body><h1>Sleep training</h1><aside><p class="date">May 25, 2023</p>
            <p>Written By Ana Silva</p></aside><p>Text.</p></body>"#;
        assert_eq!(aside_date(page), Some(PartialDate::day(2023, 5, 25)));
        let archive = r#"<aside><ul><li>March 3, 2019</li><li>March 10, 2019</li></ul></aside>"#;
        assert_eq!(aside_date(archive), None);
        let two_asides = r#"<aside><time>May 25, 2023</time></aside><p>x</p><aside><time>May 2, 2023</time></aside>"#;
        assert_eq!(aside_date(two_asides), None);
    }

    #[test]
    fn separators_and_timestamps_around_dates_are_read_through() {
        let html = "<body><h1>Laptop watts</h1><time>- 2025/4/29</time><p>Watts.</p></body>";
        assert_eq!(date_of(html), Some(PartialDate::day(2025, 4, 29)));
        let visible = visible_dates(&Document::from("<body><p>Published on <time>2021-01-18T19:55</time></p></body>"));
        assert!(visible.shows(&PartialDate::day(2021, 1, 18)));
        // A year followed by a time of day is not a date.
        assert_eq!(date_from_three_words("2021", "5", "11"), None);
        assert_eq!(first_written_date("on 04-ago-2021 5:11:10"), None);
    }

    #[test]
    fn post_time_labels_a_publication_date() {
        assert_eq!(label_of("Post time:"), Some(DateLabel::Published));
        assert_eq!(label_of("Sign up today and save"), Some(DateLabel::NotPublication));
        assert_eq!(label_of("Subscribe today to read the full report on the harbour plans"), None);
    }

    #[test]
    fn days_between_dates_cross_month_and_year_ends() {
        assert!(within_a_day(PartialDate::day(2024, 12, 31), PartialDate::day(2025, 1, 1)));
        assert!(within_a_day(PartialDate::day(2024, 2, 29), PartialDate::day(2024, 3, 1)));
        assert!(!within_a_day(PartialDate::day(2024, 2, 28), PartialDate::day(2024, 3, 1)));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn a_shown_url_date_beats_a_structured_one_and_a_structured_one_beats_the_header() {
        // The structured date is a day off the printed one (a time-zone difference).
        let document = Document::from("<body><h1>Talks</h1><span>May 12, 2024</span></body>");
        let evidence = DateEvidence {
            structured_published: Some(PartialDate::day(2024, 5, 11)),
            from_url: Some(PartialDate::day(2024, 5, 12)),
            visible: visible_dates(&document),
            ..DateEvidence::default()
        };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2024, 5, 12)));
        let evidence = DateEvidence { from_url: None, ..evidence };
        assert_eq!(choose_date(&evidence, || None), Some(PartialDate::day(2024, 5, 11)));
    }
}
