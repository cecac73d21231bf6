//! Calendar days for role bounds, and the TABARI `YYMMDD` / `YYYYMMDD` date forms.
//!
//! Invariant: a [`Day`] is always a real calendar day (month 1–12, day within the month).

use dyad_document::PartialDate;
use std::fmt;

/// One calendar day; ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// A day, or None when it does not exist (2023-02-29, month 13).
    pub fn new(year: i16, month: u8, day: u8) -> Option<Day> {
        jiff::civil::Date::new(year, month as i8, day as i8).ok()?;
        Some(Day { year, month, day })
    }

    /// The first day a partial date could mean: roles are checked against one day.
    pub fn first_of(date: PartialDate) -> Day {
        let (year, month, day) = date.first_day();
        let month = month.clamp(1, 12);
        let last = days_in_month(year, month);
        Day { year, month, day: day.clamp(1, last) }
    }

    /// Reads `YYYY-MM-DD`, the form the knowledge-base files use.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Day::new(year, month, day)
    }

    /// Reads a TABARI date: `YYMMDD` (years 00–30 are 20YY, others 19YY, the KEDS/TABARI rule
    /// PETRARCH keeps) or `YYYYMMDD`. A seven-digit string is read as `YYMMDD` plus a stray
    /// digit, as PETRARCH does. A day past the month's end (the sources contain `20050631`)
    /// is clamped to the month's last day rather than rejected, since the intent is clear.
    pub fn parse_tabari(digits: &str) -> Option<Day> {
        if !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let (year, rest) = match digits.len() {
            6 | 7 => {
                let short: i16 = digits[..2].parse().ok()?;
                (if short <= 30 { 2000 + short } else { 1900 + short }, &digits[2..6])
            }
            8 => (digits[..4].parse().ok()?, &digits[4..8]),
            _ => return None,
        };
        let month: u8 = rest[..2].parse().ok()?;
        let day: u8 = rest[2..4].parse().ok()?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Day { year, month, day: day.min(days_in_month(year, month)) })
    }
}

fn days_in_month(year: i16, month: u8) -> u8 {
    jiff::civil::Date::new(year, month as i8, 1).map(|date| date.days_in_month() as u8).unwrap_or(28)
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabari_dates_use_the_2030_century_rule() {
        assert_eq!(Day::parse_tabari("991231"), Day::new(1999, 12, 31));
        assert_eq!(Day::parse_tabari("080507"), Day::new(2008, 5, 7));
        assert_eq!(Day::parse_tabari("19411207"), Day::new(1941, 12, 7));
        assert_eq!(Day::parse_tabari("20050631"), Day::new(2005, 6, 30));
        assert_eq!(Day::parse_tabari("9008223"), Day::new(1990, 8, 22));
        assert_eq!(Day::parse_tabari("0805"), None);
        assert_eq!(Day::parse_tabari("081307"), None);
    }

    #[test]
    fn partial_dates_resolve_to_their_first_day() {
        assert_eq!(Day::first_of(PartialDate::year(2015)), Day::new(2015, 1, 1).unwrap());
        assert_eq!(Day::first_of(PartialDate::month(2024, 12)), Day::new(2024, 12, 1).unwrap());
        assert_eq!(Day::parse_iso("2024-12-08").unwrap().to_string(), "2024-12-08");
        assert_eq!(Day::parse_iso("2024-02-30"), None);
    }
}
