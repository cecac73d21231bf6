//! Time expressions: found in text, normalised and anchored to the publication date.
//!
//! Event datasets date events by the day an article was published; dyad dates them from the
//! text. [`find_time_expressions`] finds the expressions in one sentence ("late Wednesday",
//! "March of last year", "since 2016", "between 2011 and 2013") and resolves each against the
//! publication date (the anchor) and the sentence's tense ([`guess_tense`]).
//!
//! Invariants:
//! - Every span indexes the text passed in, on char boundaries, inside the region asked for.
//! - Spans leave out a leading locative preposition ("on", "in", "at", "during") but keep
//!   words that change the value or belong to the noun phrase: "since 2016", "between 2011
//!   and 2013", "late Wednesday", "last March", "the 1990s", "the day before".
//! - In a past-tense sentence no expression begins after the anchor: such a match is dropped.
//! - Nothing is guessed past what the anchor supports: with a year-only anchor, "yesterday"
//!   and "in March" are not returned; with no anchor at all only dates that name their year.
//! - Expressions dated relative to another event ("two days after the election") are returned
//!   with [`ExpressionKind::RelativeToEvent`] and no value: the text gives no calendar date.
//!
//! Resolution rules (all deterministic; "backward" is used for past and present tense, since
//! news reports mostly what happened, "forward" for future tense):
//! - A weekday is the nearest such day on or before the anchor (backward) or on or after it
//!   (forward): the anchor's own weekday is the anchor itself. "last Wednesday" is strictly
//!   before the anchor, "next Wednesday" strictly after.
//! - "last week" / "this week" / "next week" are `Range(Monday, Sunday)` of that week, day
//!   precision; "this week" in a past-tense sentence ends at the anchor.
//! - A month named without a year is the latest such month not after the anchor (backward) or
//!   the next not before it (forward); a month-day likewise at day precision. "last March" and
//!   "March of last year" are March of the anchor's previous year, "next March" of the next.
//! - "N days/weeks ago" keep day precision, "N months ago" month, "N years/decades ago" year.

mod calendar;
mod dateline;
mod lexicon;
mod scanner;
mod tense;
mod tokens;
mod url_date;

pub use url_date::date_from_url;

/// Whether `word` is the full English name of a month or a weekday ("March", "monday"), in
/// any case. Other stages ask this rather than keep month tables of their own: a capitalised
/// "Monday" is never an actor's name.
pub fn is_month_or_weekday_name(word: &str) -> bool {
    lexicon::weekday_from_word(word).is_some()
        || lexicon::month_from_word(word).is_some_and(|(_, form)| form == lexicon::MonthForm::Full)
}

#[cfg(test)]
mod table_tests;

pub use dateline::{Dateline, parse_dateline};
pub use tense::guess_tense;

use dyad_document::{PartialDate, Span};
use std::fmt;

/// The tense of the clause a time expression sits in; it decides which way an ambiguous
/// expression ("Wednesday", "in March") resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// What a time expression means on the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeValue {
    /// One date at some precision: "late Wednesday" → 2024-07-24, "in 2015" → 2015.
    Point(PartialDate),
    /// An open interval starting at a date: "since 2016".
    Since(PartialDate),
    /// A closed interval: "between 2011 and 2013", "last week" (Monday to Sunday).
    Range(PartialDate, PartialDate),
}

impl TimeValue {
    /// The one date that stands for the value when a record has room for one: a point
    /// itself, the start of an interval.
    pub fn representative(&self) -> PartialDate {
        match *self {
            TimeValue::Point(date) | TimeValue::Since(date) | TimeValue::Range(date, _) => date,
        }
    }
}

/// Written as EDTF-style intervals: `2024-07-24`, `2016/..`, `2011/2013`.
impl fmt::Display for TimeValue {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeValue::Point(date) => write!(formatter, "{date}"),
            TimeValue::Since(date) => write!(formatter, "{date}/.."),
            TimeValue::Range(start, end) => write!(formatter, "{start}/{end}"),
        }
    }
}

/// How an expression names its time, which says how far to trust the resolved value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExpressionKind {
    /// The text names the date in full, year included: "in 2015", "3 January 2024".
    Absolute,
    /// A calendar name whose year came from the anchor and tense: "in March", "January 3".
    Inferred,
    /// Counted from the anchor: "yesterday", "last year", "two days ago", "last week".
    Relative,
    /// A day of the week resolved against the anchor: "late Wednesday".
    Weekday,
    /// Counted from another event the text names: "two days after the election". No value.
    RelativeToEvent,
}

/// One time expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeExpression {
    /// Byte span of the expression as a reader would quote it.
    pub span: Span,
    /// `None` only for [`ExpressionKind::RelativeToEvent`].
    pub value: Option<TimeValue>,
    pub kind: ExpressionKind,
}

impl TimeExpression {
    /// The value's representative date, if the expression has a value.
    pub fn representative(&self) -> Option<PartialDate> {
        self.value.map(|value| value.representative())
    }
}

/// Finds the time expressions in `text[region]`, resolving relative ones against `anchor`
/// (the publication date; day precision ideally) and `tense`. Returned in text order, not
/// overlapping. A region that does not index `text` on char boundaries yields nothing.
pub fn find_time_expressions(text: &str, region: Span, anchor: PartialDate, tense: Tense) -> Vec<TimeExpression> {
    scanner::scan(text, region, Some(calendar::Anchor::new(anchor)), tense)
}

/// How much of an undated body [`anchor_from_text`] reads: datelines, photo credits and
/// opening sentences carry the report's own date; dates deeper in are history.
const OPENING_BYTES: usize = 600;

/// A stand-in publication date for a document that has none: the first date in the opening
/// of `body` written in full, year and day included ("21 October 2023", "2023-10-21",
/// "KYIV, Ukraine, March 3, 2025 /PRNewswire/"). `None` when the opening has no such date;
/// a caller then falls back to its own default rather than guess from a bare "Monday".
pub fn anchor_from_text(body: &str) -> Option<PartialDate> {
    let mut end = body.len().min(OPENING_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    find_time_expressions_unanchored(body, Span::new(0, end), Tense::Past).into_iter().find_map(|expression| {
        match expression.value {
            Some(TimeValue::Point(date)) if expression.kind == ExpressionKind::Absolute && date.day.is_some() => {
                Some(date)
            }
            _ => None,
        }
    })
}

/// Like [`find_time_expressions`] for a document with no known publication date: only
/// expressions that name their own year get a value ("in 2015", "3 January 2024", "the
/// 1990s"); relative ones are still found and skipped, event-relative ones still returned.
pub fn find_time_expressions_unanchored(text: &str, region: Span, tense: Tense) -> Vec<TimeExpression> {
    scanner::scan(text, region, None, tense)
}

/// Today's date in UTC, from the system clock: the anchor for documents that carry no date,
/// when the caller gives none.
pub fn today_utc() -> PartialDate {
    let date = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
    // jiff's month and day are 1-based and always in range.
    PartialDate::day(date.year(), date.month() as u8, date.day() as u8)
}

#[cfg(test)]
mod name_tests {
    use super::is_month_or_weekday_name;

    #[test]
    fn full_month_and_weekday_names_in_any_case_and_nothing_else() {
        for word in ["March", "monday", "SEPTEMBER", "Sunday"] {
            assert!(is_month_or_weekday_name(word), "{word}");
        }
        for word in ["Mar", "Jan", "Mon", "Marcher", "Putin", ""] {
            assert!(!is_month_or_weekday_name(word), "{word}");
        }
    }
}
