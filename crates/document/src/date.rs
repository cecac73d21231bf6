use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date known to the year, the month or the day: `2015`, `2023-03`, `2024-07-24`.
///
/// News text often names only a year ("in 2015") or a month ("March of last year"); the
/// event record keeps that precision rather than inventing a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a date in the form YYYY, YYYY-MM or YYYY-MM-DD: {0:?}")]
pub struct DateParseError(pub String);

impl PartialDate {
    pub fn day(year: i16, month: u8, day: u8) -> PartialDate {
        PartialDate { year, month: Some(month), day: Some(day) }
    }

    pub fn month(year: i16, month: u8) -> PartialDate {
        PartialDate { year, month: Some(month), day: None }
    }

    pub fn year(year: i16) -> PartialDate {
        PartialDate { year, month: None, day: None }
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first day this date could mean: `2015` → 2015-01-01. Knowledge-base lookups use
    /// it, since a role must be checked against some day.
    pub fn first_day(&self) -> (i16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// True when this date, at its own precision, lies wholly before `other` begins.
    pub fn is_before(&self, other: &PartialDate) -> bool {
        let last = (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31));
        last < other.first_day()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateParseError;

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and also the date part of an RFC 3339
    /// timestamp (`2024-07-25T10:00:00Z`), since feeds and JSONL inputs carry those.
    fn from_str(text: &str) -> Result<PartialDate, DateParseError> {
        let error = || DateParseError(text.to_string());
        let date_part = text.trim().split(['T', ' ']).next().unwrap_or("");
        let mut parts = date_part.split('-');
        let year_text = parts.next().ok_or_else(error)?;
        if year_text.len() != 4 {
            return Err(error());
        }
        let year: i16 = year_text.parse().map_err(|_| error())?;
        let month = parse_component(parts.next(), 1..=12).map_err(|_| error())?;
        let day = parse_component(parts.next(), 1..=31).map_err(|_| error())?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return Err(error());
        }
        Ok(PartialDate { year, month, day })
    }
}

fn parse_component(part: Option<&str>, range: std::ops::RangeInclusive<u8>) -> Result<Option<u8>, ()> {
    match part {
        None => Ok(None),
        Some(text) if text.len() == 2 => {
            let value: u8 = text.parse().map_err(|_| ())?;
            if range.contains(&value) { Ok(Some(value)) } else { Err(()) }
        }
        Some(_) => Err(()),
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PartialDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for text in ["2015", "2023-03", "2024-07-24"] {
            assert_eq!(text.parse::<PartialDate>().unwrap().to_string(), text);
        }
        assert_eq!("2024-07-25T10:00:00Z".parse::<PartialDate>().unwrap(), PartialDate::day(2024, 7, 25));
    }

    #[test]
    fn rejects_malformed_dates() {
        for text in ["", "24", "2024-13", "2024-7-1", "2024-07-24-01", "July 2024"] {
            assert!(text.parse::<PartialDate>().is_err(), "{text} should not parse");
        }
    }

    #[test]
    fn before_respects_precision() {
        let year = PartialDate::year(2015);
        assert!(year.is_before(&PartialDate::day(2016, 1, 1)));
        assert!(!year.is_before(&PartialDate::day(2015, 12, 31)));
    }
}
