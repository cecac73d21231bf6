//! Calendar arithmetic against the anchor (the publication date), on `jiff::civil::Date`.
//!
//! Invariant: every function here returns `None` rather than guess when the anchor is not
//! precise enough for the question ("yesterday" needs a day; "last month" needs a month)
//! or when the answer would not be a real date (30 February).

use dyad_document::PartialDate;
use jiff::civil::{Date, Weekday};

/// Which way an ambiguous expression resolves: "Wednesday" in a past-tense sentence is the
/// last Wednesday on or before the anchor; in a future-tense one, the next on or after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    Backward,
    Forward,
}

/// The publication date, as precise as it is known.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Anchor {
    pub year: i16,
    pub month: Option<u8>,
    /// Set only when the anchor is a real date at day precision.
    pub date: Option<Date>,
}

impl Anchor {
    pub fn new(partial: PartialDate) -> Anchor {
        let month = partial.month.filter(|month| (1..=12).contains(month));
        let date = match (month, partial.day) {
            (Some(month), Some(day)) => Date::new(partial.year, month as i8, day as i8).ok(),
            _ => None,
        };
        Anchor { year: partial.year, month, date }
    }

    pub fn year_month(&self) -> Option<(i16, u8)> {
        self.month.map(|month| (self.year, month))
    }

    /// True when `value` begins after the last day the anchor could stand for. An anchor of
    /// `2024-07` could be 31 July, so `2024-07-30` is not after it.
    pub fn precedes(&self, value: PartialDate) -> bool {
        let anchor_last = match self.date {
            Some(date) => (date.year(), date.month() as u8, date.day() as u8),
            None => (self.year, self.month.unwrap_or(12), 31),
        };
        value.first_day() > anchor_last
    }
}

pub(crate) fn to_partial(date: Date) -> PartialDate {
    PartialDate::day(date.year(), date.month() as u8, date.day() as u8)
}

pub(crate) fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(days)).ok()
}

/// A (year, month) pair moved by whole months: (2024, 1) - 1 → (2023, 12).
pub(crate) fn shift_month((year, month): (i16, u8), delta: i32) -> Option<(i16, u8)> {
    let index = i32::from(year) * 12 + i32::from(month) - 1 + delta;
    let shifted_year = i16::try_from(index.div_euclid(12)).ok()?;
    Some((shifted_year, (index.rem_euclid(12) + 1) as u8))
}

/// The `weekday` nearest the anchor in `direction`; `strictly` excludes the anchor's own day.
pub(crate) fn weekday_from(anchor: Date, weekday: Weekday, direction: Direction, strictly: bool) -> Option<Date> {
    let offset = match direction {
        Direction::Backward => anchor.weekday().since(weekday),
        Direction::Forward => anchor.weekday().until(weekday),
    };
    let offset = if offset == 0 && strictly { 7 } else { i64::from(offset) };
    match direction {
        Direction::Backward => add_days(anchor, -offset),
        Direction::Forward => add_days(anchor, offset),
    }
}

/// Monday of the week (Monday to Sunday) holding `date`.
pub(crate) fn monday_of_week(date: Date) -> Option<Date> {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// The year of a month named without one: in a past-tense sentence "in March" is the latest
/// March not after the anchor's month; in a future one, the next March not before it.
pub(crate) fn infer_year_for_month(month: u8, anchor: &Anchor, direction: Direction) -> Option<i16> {
    let (anchor_year, anchor_month) = anchor.year_month()?;
    match direction {
        Direction::Backward if month > anchor_month => anchor_year.checked_sub(1),
        Direction::Forward if month < anchor_month => anchor_year.checked_add(1),
        _ => Some(anchor_year),
    }
}

/// The year of a month and day named without one ("January 3"), by the same rule as
/// [`infer_year_for_month`] at day precision. 29 February moves on to a leap year.
pub(crate) fn infer_year_for_month_day(month: u8, day: u8, anchor: &Anchor, direction: Direction) -> Option<i16> {
    let (anchor_year, anchor_month) = anchor.year_month()?;
    // With a month-only anchor, the named day is taken to fall in the same year when the
    // months are equal: the article could be from any day of that month.
    let anchor_day = anchor.date.map_or(
        match direction {
            Direction::Backward => 31,
            Direction::Forward => 1,
        },
        |date| date.day() as u8,
    );
    let step: i16 = match direction {
        Direction::Backward => -1,
        Direction::Forward => 1,
    };
    let mut year = match direction {
        Direction::Backward if (month, day) > (anchor_month, anchor_day) => anchor_year.checked_sub(1)?,
        Direction::Forward if (month, day) < (anchor_month, anchor_day) => anchor_year.checked_add(1)?,
        _ => anchor_year,
    };
    // Leap days recur every four years, eight at most across a skipped century year.
    for _ in 0..=8 {
        if Date::new(year, month as i8, day as i8).is_ok() {
            return Some(year);
        }
        year = year.checked_add(step)?;
    }
    None
}

/// A month and day that exist in that year.
pub(crate) fn valid_day(year: i16, month: u8, day: u8) -> Option<PartialDate> {
    let date = Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
    Some(to_partial(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(text: &str) -> Anchor {
        Anchor::new(text.parse().unwrap())
    }

    #[test]
    fn weekdays_resolve_both_ways_and_the_same_day_counts_unless_strict() {
        let thursday = jiff::civil::date(2024, 7, 25);
        assert_eq!(
            weekday_from(thursday, Weekday::Wednesday, Direction::Backward, false),
            Some(jiff::civil::date(2024, 7, 24))
        );
        assert_eq!(weekday_from(thursday, Weekday::Thursday, Direction::Backward, false), Some(thursday));
        assert_eq!(
            weekday_from(thursday, Weekday::Thursday, Direction::Backward, true),
            Some(jiff::civil::date(2024, 7, 18))
        );
        assert_eq!(
            weekday_from(thursday, Weekday::Monday, Direction::Forward, false),
            Some(jiff::civil::date(2024, 7, 29))
        );
        assert_eq!(monday_of_week(thursday), Some(jiff::civil::date(2024, 7, 22)));
    }

    #[test]
    fn month_years_are_inferred_from_the_anchor_and_direction() {
        assert_eq!(infer_year_for_month(3, &anchor("2024-07-25"), Direction::Backward), Some(2024));
        assert_eq!(infer_year_for_month(3, &anchor("2024-02"), Direction::Backward), Some(2023));
        assert_eq!(infer_year_for_month(3, &anchor("2024-07"), Direction::Forward), Some(2025));
        assert_eq!(infer_year_for_month(3, &anchor("2024"), Direction::Backward), None);
        assert_eq!(infer_year_for_month_day(7, 26, &anchor("2024-07-25"), Direction::Backward), Some(2023));
        assert_eq!(infer_year_for_month_day(7, 25, &anchor("2024-07-25"), Direction::Backward), Some(2024));
        assert_eq!(infer_year_for_month_day(2, 29, &anchor("2023-07-25"), Direction::Backward), Some(2020));
    }

    #[test]
    fn months_shift_across_years_and_precedence_respects_precision() {
        assert_eq!(shift_month((2024, 1), -1), Some((2023, 12)));
        assert_eq!(shift_month((2024, 12), 1), Some((2025, 1)));
        assert!(!anchor("2024-07").precedes(PartialDate::day(2024, 7, 30)));
        assert!(anchor("2024-07-25").precedes(PartialDate::day(2024, 7, 26)));
        assert!(!anchor("2024-07-25").precedes(PartialDate::year(2024)));
    }
}
