//! Publication dates as news sites print them: "July 25, 2024", "25 July 2024",
//! "Jul. 25, 2024 10:00 am", "Thu, 25 Jul 2024 10:00:00 +0000", "2024-07-25", "20240725".
//!
//! `parse_date_line` accepts a line only when the whole line is a date (with an optional
//! weekday before it and time of day after it), so a body sentence that merely contains
//! a date is never mistaken for the article's date line.

use dyad_document::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTH_PATTERN: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY_PATTERN: &str = r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|sday|urday)?";

/// Optional time of day and zone after a date: "10:00 am", "| 10:00 GMT", "at 9.30 a.m. EDT".
const TIME_TAIL_PATTERN: &str = r"(?:\s*(?:[,|@–—-]|\bat\b)?\s*\d{1,2}(?:[:.]\d{2}){0,2}\s*(?i:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|(?i:gmt|utc)\s*[+-]?\d{0,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z)?)?";

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{WEEKDAY_PATTERN}\.?,?\s+)?(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}})(?i:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){TIME_TAIL_PATTERN}\s*$"
    ))
    .expect("month-first date pattern is valid")
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{WEEKDAY_PATTERN}\.?,?\s+)?(?P<day>\d{{1,2}})(?i:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_PATTERN})\.?,?\s+(?P<year>\d{{4}}){TIME_TAIL_PATTERN}\s*$"
    ))
    .expect("day-first date pattern is valid")
});

static MONTH_AND_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<month>{MONTH_PATTERN})\.?,?\s+(?P<year>\d{{4}})\s*$"))
        .expect("month-year pattern is valid")
});

static ISO_WITH_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?\s*$")
        .expect("ISO date pattern is valid")
});

static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:\d{6})?$").expect("compact date pattern is valid")
});

/// Month number of an English month name or abbreviation ("Jul", "sept", "July").
pub fn month_number(name: &str) -> Option<u8> {
    let lowercase = name.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lowercase.get(..3)?;
    let number = match prefix {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(number)
}

/// The number of days in a month, so that "February 30" is rejected rather than stored.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A day-precision date, or None when the numbers do not name a real day.
pub fn checked_day(year: i32, month: u8, day: u8) -> Option<PartialDate> {
    let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
    let year = i16::try_from(year).ok().filter(|year| (1000..=9999).contains(year))?;
    valid.then(|| PartialDate::day(year, month, day))
}

/// The date a whole line states, or None when the line is not just a date.
pub fn parse_date_line(line: &str) -> Option<PartialDate> {
    let line = line.trim();
    if line.len() > 80 {
        return None;
    }
    for pattern in [&*MONTH_FIRST, &*DAY_FIRST] {
        if let Some(captures) = pattern.captures(line) {
            let month = month_number(&captures["month"])?;
            let day: u8 = captures["day"].parse().ok()?;
            let year: i32 = captures["year"].parse().ok()?;
            return checked_day(year, month, day);
        }
    }
    for pattern in [&*ISO_WITH_TAIL, &*COMPACT] {
        if let Some(captures) = pattern.captures(line) {
            let year: i32 = captures["year"].parse().ok()?;
            let month: u8 = captures["month"].parse().ok()?;
            let day: u8 = captures["day"].parse().ok()?;
            return checked_day(year, month, day);
        }
    }
    if let Some(captures) = MONTH_AND_YEAR.captures(line) {
        let month = month_number(&captures["month"])?;
        let year: i16 = captures["year"].parse().ok()?;
        return Some(PartialDate::month(year, month));
    }
    None
}

/// The text after a date label that opens it ("Published: July 25, 2024" → "July 25, 2024");
/// the text itself when it has none. Callers still check that what follows is a date, so
/// prose that merely starts with "Date" or "Posted" is left alone.
pub fn strip_date_label(text: &str) -> &str {
    let lowercase = text.to_ascii_lowercase();
    for label in [
        "published on",
        "published:",
        "published",
        "posted on",
        "posted:",
        "posted",
        "updated:",
        "updated",
        "dated",
        "date:",
        "date",
    ] {
        if lowercase.starts_with(label) {
            return text[label.len()..].trim_start_matches([':', ' ']);
        }
    }
    text
}

/// A labelled date opening a paragraph of prose, as scraped pages often begin: "date
/// 2021-02-02 Troops seized ...", "Published: July 25, 2024 The talks ...". Returns the date
/// and the byte length of label, date and the space after them. The label is required:
/// without it a date at the start of a sentence ("July 25, 2024 was ...") is prose.
pub fn labelled_date_prefix(text: &str) -> Option<(PartialDate, usize)> {
    let captures = LABELLED_DATE_PREFIX.captures(text)?;
    let date = parse_date_value(captures.name("date")?.as_str())?;
    Some((date, captures.get(0)?.end()))
}

static LABELLED_DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?i:date|dated|published(?:\s+on)?|posted(?:\s+on)?)\s*[:\-–—]?\s*(?P<date>\d{{4}}-\d{{2}}(?:-\d{{2}})?|{MONTH_PATTERN}\.?\s+\d{{1,2}}(?i:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_PATTERN}\.?,?\s+\d{{4}})(?:\s*[|:\-–—])?\s+"
    ))
    .expect("labelled date prefix pattern is valid")
});

/// A date given as a metadata value (JSON Lines `published`, front matter `date`): the
/// strict `YYYY[-MM[-DD]]` forms first, then anything `parse_date_line` reads.
pub fn parse_date_value(value: &str) -> Option<PartialDate> {
    value.trim().parse::<PartialDate>().ok().filter(is_real_date).or_else(|| parse_date_line(value))
}

fn is_real_date(date: &PartialDate) -> bool {
    match (date.month, date.day) {
        (Some(month), Some(day)) => checked_day(i32::from(date.year), month, day).is_some(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_dates_opening_prose_are_found_with_their_length() {
        let text = "date 2021-02-02 Troops seized power on Monday.";
        let (date, length) = labelled_date_prefix(text).unwrap();
        assert_eq!(date, PartialDate::day(2021, 2, 2));
        assert_eq!(&text[length..], "Troops seized power on Monday.");
        let (date, length) = labelled_date_prefix("Published: July 25, 2024 | The talks ended.").unwrap();
        assert_eq!(date, PartialDate::day(2024, 7, 25));
        assert_eq!(length, "Published: July 25, 2024 | ".len());
        assert_eq!(labelled_date_prefix("date 2023-10 The first convoy").unwrap().0, PartialDate::month(2023, 10));
    }

    #[test]
    fn prose_that_starts_like_a_label_is_not_a_date() {
        assert_eq!(labelled_date_prefix("July 25, 2024 was the day the talks ended."), None);
        assert_eq!(labelled_date_prefix("Dated agreements from 2019 were void."), None);
        assert_eq!(labelled_date_prefix("Posted guards stood at the gate."), None);
        assert_eq!(labelled_date_prefix("date 2021-13-45 Troops"), None, "not a real day");
    }

    #[test]
    fn reads_the_common_printed_forms() {
        let expected = PartialDate::day(2024, 7, 25);
        for line in [
            "July 25, 2024",
            "25 July 2024",
            "2024-07-25",
            "Jul. 25, 2024 10:00 am",
            "Thursday, July 25, 2024",
            "Thu, 25 Jul 2024 10:00:00 +0000",
            "July 25th, 2024",
            "25 Jul 2024 | 09:14 GMT",
            "2024-07-25T10:00:00Z",
            "20240725",
            "  JULY 25, 2024  ",
        ] {
            assert_eq!(parse_date_line(line), Some(expected), "{line}");
        }
        assert_eq!(parse_date_line("March 2023"), Some(PartialDate::month(2023, 3)));
    }

    #[test]
    fn rejects_sentences_and_impossible_days() {
        for line in [
            "On July 25, 2024 the two leaders met in Moscow.",
            "February 30, 2024",
            "July 32, 2024",
            "2024-13-01",
            "July 25",
            "By Jane Doe",
            "",
        ] {
            assert_eq!(parse_date_line(line), None, "{line}");
        }
    }

    #[test]
    fn metadata_values_accept_year_precision() {
        assert_eq!(parse_date_value("2024"), Some(PartialDate::year(2024)));
        assert_eq!(parse_date_value("2023-02-29"), None);
        assert_eq!(parse_date_value("Wed, 24 Jul 2024 18:00:00 GMT"), Some(PartialDate::day(2024, 7, 24)));
    }
}
