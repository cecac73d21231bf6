//! Filters over stored events and quotes, and their translation into SQL conditions.
//!
//! Every field left `None` does not filter. Fields combine with AND.
//!
//! Dates: a partial date stands for every day it could mean (`2024-07` is 2024-07-01 through
//! 2024-07-31; `2024` is the whole year). `since` starts at the first day of its own
//! precision and `until` ends at the last day of its own, so `since 2024-07` `until 2024-07`
//! is the month of July. With [`DateMatch::Within`] (the default) a record matches when all
//! the days its date could mean lie inside that range: an event known only to the year 2024
//! is not reported as a July event, since the text does not say it was. With
//! [`DateMatch::Overlaps`] it matches when any of those days do. Quotes without a date never
//! match a date filter.

use dyad_document::PartialDate;
use dyad_record::Modality;
use rusqlite::types::Value;

/// Which events to return. See the module docs for how dates compare.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// Matches an actor or recipient whose canonical name or mention text contains this
    /// (case-insensitive), or whose code equals it (`RUS`, case-insensitive).
    pub actor: Option<String>,
    /// ISO 3166-1 alpha-3 code of an actor or recipient, or of the event location's country.
    pub country: Option<String>,
    /// PLOVER event type, case-insensitive (`CONSULT`).
    pub event_type: Option<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub date_match: DateMatch,
    /// Words that must all occur in the sentence text or the event text (full-text search:
    /// whole words, case- and diacritic-insensitive; a word ending in `*` matches as a prefix).
    pub text: Option<String>,
    pub modality: Option<Modality>,
    pub doc_id: Option<String>,
    pub limit: Option<usize>,
}

/// Which quotes to return. Same conventions as [`EventFilter`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteFilter {
    /// Matches the speaker's canonical name or mention text (case-insensitive substring) or
    /// code (exact, case-insensitive).
    pub speaker: Option<String>,
    /// Code of the speaker or the addressee.
    pub country: Option<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub date_match: DateMatch,
    /// Words that must all occur in the quoted text.
    pub text: Option<String>,
    pub doc_id: Option<String>,
    pub limit: Option<usize>,
}

/// How a record's partial date is compared with a `since`..`until` range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateMatch {
    /// Every day the record's date could mean lies within the range.
    #[default]
    Within,
    /// Some day the record's date could mean lies within the range.
    Overlaps,
}

/// The first day a partial date can mean, as a `yyyymmdd` integer.
pub(crate) fn first_day_key(date: &PartialDate) -> i64 {
    let (year, month, day) = date.first_day();
    day_key(year, month, day)
}

/// The last day a partial date can mean, as a `yyyymmdd` integer.
pub(crate) fn last_day_key(date: &PartialDate) -> i64 {
    let month = date.month.unwrap_or(12);
    let day = date.day.unwrap_or_else(|| days_in_month(date.year, month));
    day_key(date.year, month, day)
}

fn day_key(year: i16, month: u8, day: u8) -> i64 {
    i64::from(year) * 10_000 + i64::from(month) * 100 + i64::from(day)
}

fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn is_leap_year(year: i16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// A conjunction of SQL conditions with their positional parameters, kept in step.
#[derive(Default)]
pub(crate) struct Conditions {
    clauses: Vec<String>,
    pub(crate) parameters: Vec<Value>,
}

impl Conditions {
    fn push(&mut self, clause: &str, parameters: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.to_string());
        self.parameters.extend(parameters);
    }

    /// `WHERE a AND b ...`, or nothing when there are no conditions.
    pub(crate) fn where_clause(&self) -> String {
        if self.clauses.is_empty() { String::new() } else { format!("WHERE {}", self.clauses.join(" AND ")) }
    }

    fn push_dates(&mut self, table: &str, since: Option<&PartialDate>, until: Option<&PartialDate>, rule: DateMatch) {
        let (since_column, until_column) = match rule {
            DateMatch::Within => ("date_first", "date_last"),
            DateMatch::Overlaps => ("date_last", "date_first"),
        };
        if let Some(since) = since {
            self.push(&format!("{table}.{since_column} >= ?"), [Value::Integer(first_day_key(since))]);
        }
        if let Some(until) = until {
            self.push(&format!("{table}.{until_column} <= ?"), [Value::Integer(last_day_key(until))]);
        }
    }

    fn push_full_text(&mut self, key_column: &str, fts_table: &str, words: &str) {
        match full_text_query(words) {
            Some(query) => self.push(
                &format!("{key_column} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)"),
                [Value::Text(query)],
            ),
            // Only punctuation: no word can match it.
            None => self.push("0", []),
        }
    }
}

pub(crate) fn event_conditions(filter: &EventFilter) -> Conditions {
    let mut conditions = Conditions::default();
    if let Some(actor) = &filter.actor {
        let folded = Value::Text(actor.trim().to_lowercase());
        conditions.push(
            "e.event_key IN (SELECT event_key FROM event_entities \
             WHERE instr(name_folded, ?) > 0 OR instr(text_folded, ?) > 0 OR code = ?)",
            [folded.clone(), folded, Value::Text(actor.trim().to_uppercase())],
        );
    }
    if let Some(country) = &filter.country {
        let code = Value::Text(country.trim().to_uppercase());
        conditions.push(
            "(e.event_key IN (SELECT event_key FROM event_entities WHERE code = ?) OR e.location_country = ?)",
            [code.clone(), code],
        );
    }
    if let Some(event_type) = &filter.event_type {
        conditions.push("e.event = ?", [Value::Text(event_type.trim().to_string())]);
    }
    conditions.push_dates("e", filter.since.as_ref(), filter.until.as_ref(), filter.date_match);
    if let Some(words) = &filter.text {
        conditions.push_full_text("e.event_key", "events_fts", words);
    }
    if let Some(modality) = filter.modality {
        conditions.push("e.modality = ?", [Value::Text(modality.as_str().to_string())]);
    }
    if let Some(doc_id) = &filter.doc_id {
        conditions.push("e.doc_id = ?", [Value::Text(doc_id.clone())]);
    }
    conditions
}

pub(crate) fn quote_conditions(filter: &QuoteFilter) -> Conditions {
    let mut conditions = Conditions::default();
    if let Some(speaker) = &filter.speaker {
        let folded = Value::Text(speaker.trim().to_lowercase());
        conditions.push(
            "(instr(q.speaker_name_folded, ?) > 0 OR instr(q.speaker_text_folded, ?) > 0 OR q.speaker_code = ?)",
            [folded.clone(), folded, Value::Text(speaker.trim().to_uppercase())],
        );
    }
    if let Some(country) = &filter.country {
        let code = Value::Text(country.trim().to_uppercase());
        conditions.push("(q.speaker_code = ? OR q.addressee_code = ?)", [code.clone(), code]);
    }
    conditions.push_dates("q", filter.since.as_ref(), filter.until.as_ref(), filter.date_match);
    if let Some(words) = &filter.text {
        conditions.push_full_text("q.quote_key", "quotes_fts", words);
    }
    if let Some(doc_id) = &filter.doc_id {
        conditions.push("q.doc_id = ?", [Value::Text(doc_id.clone())]);
    }
    conditions
}

/// `LIMIT n`, or nothing.
pub(crate) fn limit_clause(limit: Option<usize>) -> String {
    limit.map(|limit| format!("LIMIT {limit}")).unwrap_or_default()
}

/// Turns user words into an FTS5 query that is an AND of quoted words, so FTS5 operators
/// and punctuation in the input (`U.S.`, `"`, `-`, `NOT`) are taken as text, never as syntax.
/// A trailing `*` is kept as a prefix search. None when no word has a letter or digit.
pub(crate) fn full_text_query(words: &str) -> Option<String> {
    let terms: Vec<String> = words
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| {
            let (stem, prefix) = match word.strip_suffix('*') {
                Some(stem) => (stem, "*"),
                None => (word, ""),
            };
            format!("\"{}\"{prefix}", stem.replace('"', "\"\""))
        })
        .collect();
    if terms.is_empty() { None } else { Some(terms.join(" ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    // yyyy_mm_dd grouping reads as the date the key encodes.
    #[allow(clippy::inconsistent_digit_grouping)]
    #[test]
    fn partial_dates_cover_their_whole_period() {
        assert_eq!(first_day_key(&PartialDate::year(2024)), 2024_01_01);
        assert_eq!(last_day_key(&PartialDate::year(2024)), 2024_12_31);
        assert_eq!(last_day_key(&PartialDate::month(2024, 2)), 2024_02_29);
        assert_eq!(last_day_key(&PartialDate::month(2023, 2)), 2023_02_28);
        assert_eq!(last_day_key(&PartialDate::month(1900, 2)), 1900_02_28);
        assert_eq!(last_day_key(&PartialDate::month(2000, 2)), 2000_02_29);
        assert_eq!(last_day_key(&PartialDate::month(2024, 4)), 2024_04_30);
        assert_eq!(first_day_key(&PartialDate::day(2024, 7, 9)), 2024_07_09);
        assert_eq!(last_day_key(&PartialDate::day(2024, 7, 9)), 2024_07_09);
    }

    #[test]
    fn full_text_query_quotes_every_word_and_keeps_prefixes() {
        assert_eq!(full_text_query("talks  Moscow").as_deref(), Some("\"talks\" \"Moscow\""));
        assert_eq!(full_text_query("sanction* NOT").as_deref(), Some("\"sanction\"* \"NOT\""));
        assert_eq!(full_text_query("say \"hi\"").as_deref(), Some("\"say\" \"\"\"hi\"\"\""));
        assert_eq!(full_text_query(" - ! "), None);
    }
}
