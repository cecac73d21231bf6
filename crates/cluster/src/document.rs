//! What a whole report says, beyond its coded events: its wording, the names it gives, the
//! actors its events hold, when it was published, when its headline event happened and
//! whether its lead speaks of a repeat ("a second convoy").
//!
//! The event coder is imperfect: it misses recipients, leads with a side event or picks a
//! type of the wrong family. Two reports of one event still share their wording and their
//! names, so stories are decided on this document-level evidence as well as on event tuples
//! ([`crate::stories`]).
//!
//! Invariants: every id list here is sorted and distinct; term vectors are sorted by term id
//! with positive weights; nothing depends on hash-map iteration order.

use crate::dates::{DateEvidence, DayRange, TIME_ZONE_SLACK_DAYS};
use crate::document_stories::MAX_BLOCKING_KEYS;
use crate::features::{Interner, sorted_intersection_count};
use crate::text::{is_content_word, words};
use dyad_record::EventRecord;
use std::collections::HashMap;

/// Words of the body (after the title) that make up the lead: roughly the first sentence or two.
pub const LEAD_WORDS: usize = 40;
/// A word in the title or the lead counts this many times: the lead says what the report is about.
const LEAD_WEIGHT: f32 = 2.0;
/// Words are cut to this many characters, a crude stemmer ("expels", "expelled" → "expel").
const STEM_CHARACTERS: usize = 6;
/// Names longer than this many characters are cut: no real name is that long.
const MAX_NAME_CHARACTERS: usize = 40;

/// Capitalised words that are not names of actors or places: calendar words and the like.
const NOT_NAMES: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Ordinal words that mark a repeat of an earlier event when they lead a report.
const ORDINALS: &[(&str, u8)] = &[
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
];

/// Words after an ordinal that make it no repeat of an event: "the second day of talks",
/// "the second-largest city", "the Second World War".
const ORDINAL_NOT_REPEAT: &[&str] =
    &["biggest", "consecutive", "day", "half", "largest", "quarter", "straight", "time", "week", "world"];

pub(crate) struct DocumentFeatures {
    /// (stemmed content word, weight): 1 + ln(count), lead words counted [`LEAD_WEIGHT`] times.
    pub terms: Vec<(u32, f32)>,
    /// Capitalised names used in the body ("rafah", "guterres"), as interned ids.
    pub names: Vec<u32>,
    /// The names that already appear in the title or lead.
    pub lead_names: Vec<u32>,
    /// Role keys (codes and canonical names) of every event's actors and recipients.
    pub role_keys: Vec<u32>,
    /// Keys the document is blocked on, most telling first: the role keys of its leading
    /// events, then its names in order of appearance; at most [`MAX_BLOCKING_KEYS`].
    pub blocking_keys: Vec<u32>,
    /// Publication day, when the real publication date is known.
    pub published_day: Option<i32>,
    /// Ordinals of repeats named in the lead ("a second convoy" → 2).
    pub repeats: Vec<u8>,
}

impl DocumentFeatures {
    pub(crate) fn new(
        title: Option<&str>,
        body: Option<&str>,
        published_day: Option<i32>,
        events: &[EventRecord],
        lead_role_keys: &[u32],
        all_role_keys: &[u32],
        interner: &mut Interner,
    ) -> DocumentFeatures {
        let title = title.unwrap_or("");
        let body = body.unwrap_or("");
        let lead_text = lead_of(title, body);
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for word in words(body).filter(|word| is_content_word(word)) {
            *counts.entry(interner.id(&stem(&word))).or_default() += 1.0;
        }
        for word in words(&lead_text).filter(|word| is_content_word(word)) {
            *counts.entry(interner.id(&stem(&word))).or_default() += LEAD_WEIGHT - 1.0;
        }
        if counts.is_empty() {
            // No body: the events' own words still say something.
            for event in events {
                for word in words(&event.event_text).filter(|word| is_content_word(word)) {
                    *counts.entry(interner.id(&stem(&word))).or_default() += 1.0;
                }
            }
        }
        let mut terms: Vec<(u32, f32)> = counts.into_iter().map(|(term, count)| (term, 1.0 + count.ln())).collect();
        terms.sort_unstable_by_key(|(term, _)| *term);
        let body_names = capitalised_names(body);
        let lead_lower: Vec<String> = words(&lead_text).collect();
        let lead_name_texts: Vec<&String> =
            body_names.iter().filter(|name| lead_lower.iter().any(|word| word == *name)).collect();
        let names = sorted_ids(body_names.iter().map(|name| format!("name:{name}")), interner);
        let lead_names = sorted_ids(lead_name_texts.iter().map(|name| format!("name:{name}")), interner);
        // Most telling first: the leading events' actors, then names in order of appearance
        // (the lead's come first), so the cap drops the least telling.
        let mut blocking_keys: Vec<u32> = Vec::new();
        let named = body_names.iter().map(|name| interner.id(&format!("name:{name}"))).collect::<Vec<_>>();
        for key in lead_role_keys.iter().chain(&named) {
            if blocking_keys.len() == MAX_BLOCKING_KEYS {
                break;
            }
            if !blocking_keys.contains(key) {
                blocking_keys.push(*key);
            }
        }
        DocumentFeatures {
            terms,
            names,
            lead_names,
            role_keys: all_role_keys.to_vec(),
            blocking_keys,
            published_day,
            repeats: repeat_ordinals(&lead_text),
        }
    }
}

/// The title followed by the first [`LEAD_WORDS`] words of the body.
fn lead_of(title: &str, body: &str) -> String {
    let mut lead = String::from(title);
    let mut seen = 0;
    let mut end = body.len();
    for (position, character) in body.char_indices() {
        let starts_word = character.is_alphanumeric()
            && body[..position].chars().next_back().is_none_or(|previous| !previous.is_alphanumeric());
        if starts_word {
            if seen == LEAD_WORDS {
                end = position;
                break;
            }
            seen += 1;
        }
    }
    lead.push('\n');
    lead.push_str(&body[..end]);
    lead
}

fn stem(word: &str) -> String {
    word.chars().take(STEM_CHARACTERS).collect()
}

fn sorted_ids(texts: impl Iterator<Item = String>, interner: &mut Interner) -> Vec<u32> {
    let mut ids: Vec<u32> = texts.map(|text| interner.id(&text)).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Lower-cased words written with a capital inside a sentence ("in Rafah", "said Guterres"),
/// in first-seen order. A capital after a sentence end or line break proves nothing (every
/// sentence starts with one), so such a word counts only if it is capitalised elsewhere too.
fn capitalised_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut sentence_start = true;
    let mut word_start: Option<usize> = None;
    let finish = |start: usize, end: usize, initial: bool, names: &mut Vec<String>| {
        let word = &text[start..end];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        let is_name = capitalised
            && !initial
            && word.chars().count() >= 2
            && is_content_word(&lower)
            && NOT_NAMES.binary_search(&lower.as_str()).is_err()
            && !word.chars().all(|character| character.is_ascii_digit());
        if is_name && !names.contains(&lower) {
            names.push(lower.chars().take(MAX_NAME_CHARACTERS).collect());
        }
    };
    let mut start_was_initial = false;
    for (position, character) in text.char_indices() {
        if character.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(position);
                start_was_initial = sentence_start;
                sentence_start = false;
            }
            continue;
        }
        if let Some(start) = word_start.take() {
            finish(start, position, start_was_initial, &mut names);
        }
        if matches!(character, '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '•') {
            sentence_start = true;
        }
    }
    if let Some(start) = word_start {
        finish(start, text.len(), start_was_initial, &mut names);
    }
    names
}

/// Ordinals in `lead` that speak of a repeated event ("a second aid convoy"), sorted.
fn repeat_ordinals(lead: &str) -> Vec<u8> {
    let lead_words: Vec<String> = words(lead).collect();
    let mut found: Vec<u8> = lead_words
        .iter()
        .enumerate()
        .filter_map(|(index, word)| {
            let ordinal = ORDINALS.iter().find(|(text, _)| text == word)?.1;
            let next = lead_words.get(index + 1)?;
            ORDINAL_NOT_REPEAT.binary_search(&next.as_str()).is_err().then_some(ordinal)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Share of `part` found in `whole` (0 when `part` is empty).
pub(crate) fn share_found(part: &[u32], whole: &[u32]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    sorted_intersection_count(part, whole) as f64 / part.len() as f64
}

/// Overlap coefficient: shared over the smaller list (0 when either is empty).
pub(crate) fn overlap_coefficient(first: &[u32], second: &[u32]) -> f64 {
    let smaller = first.len().min(second.len());
    if smaller == 0 {
        return 0.0;
    }
    sorted_intersection_count(first, second) as f64 / smaller as f64
}

/// A report leads with news: an event stated to have ended more than this many days before
/// the report was published is background ("since the war began on October 7"), not its lead.
pub const MAX_LEAD_EVENT_AGE_DAYS: i32 = 7;

/// True when the event's stated date lies well before the report's publication
/// ([`MAX_LEAD_EVENT_AGE_DAYS`]), so the event is background rather than the news.
pub(crate) fn is_background(evidence: DateEvidence, published_day: Option<i32>) -> bool {
    match (evidence, published_day) {
        (DateEvidence::Stated(range), Some(published)) => range.last < published - MAX_LEAD_EVENT_AGE_DAYS,
        _ => false,
    }
}

/// The date evidence of a document's headline event, reduced to a stated range: only a date
/// the text gives says which occurrence of a repeated event this is. A stated day equal to
/// the publication day is often the dateline, or "today" in a report written the evening
/// before, so it stands for that day or the one before ([`TIME_ZONE_SLACK_DAYS`]).
/// Background dates ([`is_background`]) say nothing about the lead and give None.
pub(crate) fn stated_range(evidence: DateEvidence, published_day: Option<i32>) -> Option<DayRange> {
    let DateEvidence::Stated(range) = evidence else { return None };
    if is_background(evidence, published_day) {
        return None;
    }
    if range.days() == 1 && published_day == Some(range.first) {
        return Some(DayRange { first: range.first - TIME_ZONE_SLACK_DAYS, last: range.last });
    }
    Some(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [NOT_NAMES, ORDINAL_NOT_REPEAT] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list);
        }
    }

    #[test]
    fn names_are_capitalised_inside_sentences() {
        let names = capitalised_names("Trucks crossed at Rafah on Saturday. Officials in Gaza said the UN helped.");
        assert_eq!(names, ["rafah", "gaza", "un"]);
        // A sentence-initial capital counts once the word is capitalised elsewhere.
        let names = capitalised_names("Egypt opened the crossing. Aid from Egypt followed.");
        assert_eq!(names, ["egypt"]);
    }

    #[test]
    fn repeats_are_ordinals_that_do_not_count_days() {
        assert_eq!(repeat_ordinals("A second convoy of aid trucks reached Rafah"), [2]);
        assert!(repeat_ordinals("On the second day of talks the leaders met").is_empty());
        assert!(repeat_ordinals("the country's second-largest city").is_empty());
        assert!(repeat_ordinals("Twenty trucks crossed, the first convoy").is_empty());
    }

    #[test]
    fn the_lead_is_the_title_and_the_first_words() {
        let body = (0..100).map(|index| format!("w{index}")).collect::<Vec<_>>().join(" ");
        let lead = lead_of("Title", &body);
        assert!(lead.starts_with("Title\nw0 w1"));
        assert!(lead.ends_with("w39 "), "{lead}");
        // Multi-byte text is cut on a character boundary.
        let lead = lead_of("", &"é ".repeat(60));
        assert_eq!(lead.chars().filter(|character| *character == 'é').count(), LEAD_WORDS);
    }

    #[test]
    fn a_stated_day_equal_to_publication_may_be_the_day_before() {
        let day = DayRange { first: 100, last: 100 };
        assert_eq!(stated_range(DateEvidence::Stated(day), Some(100)), Some(DayRange { first: 99, last: 100 }));
        assert_eq!(stated_range(DateEvidence::Stated(day), Some(101)), Some(day));
        assert_eq!(stated_range(DateEvidence::Reported(day), Some(100)), None);
        // Two weeks before publication is background, not the lead.
        assert!(is_background(DateEvidence::Stated(day), Some(114)));
        assert_eq!(stated_range(DateEvidence::Stated(day), Some(114)), None);
        assert!(!is_background(DateEvidence::Stated(day), None));
    }

    #[test]
    fn overlaps_of_sorted_lists() {
        assert_eq!(share_found(&[1, 2, 3, 4], &[2, 4, 9]), 0.5);
        assert_eq!(share_found(&[], &[2]), 0.0);
        assert_eq!(overlap_coefficient(&[1, 2], &[2, 3, 4]), 0.5);
    }
}
