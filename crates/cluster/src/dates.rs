//! Event dates as ranges of days, so dates of different precision can be compared.
//!
//! "2024-07" is the range July 1–31, "2024" the whole year, "2024-07-24" one day. Two dates
//! are compatible when their ranges overlap: a report's "2024-07-24" and another's "2024-07"
//! agree, two different days do not. A date that is only the publication-date fallback says
//! the event happened shortly before publication: it becomes the window
//! [publication − [`REPORTING_DELAY_DAYS`], publication + [`TIME_ZONE_SLACK_DAYS`]]. A fallback
//! in a document whose publication date is unknown is no evidence at all (the pipeline then
//! fills in the day it ran), so it becomes [`DateEvidence::Unknown`].

use dyad_document::PartialDate;
use dyad_record::{DateSource, EventRecord};

/// How many days after an event a report of it may still carry only its publication date.
pub const REPORTING_DELAY_DAYS: i32 = 3;
/// A report published "before" the event by up to this many days is a time-zone artefact.
pub const TIME_ZONE_SLACK_DAYS: i32 = 1;

/// An inclusive range of days, counted from 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub first: i32,
    pub last: i32,
}

impl DayRange {
    pub fn of(date: &PartialDate) -> DayRange {
        let year = i32::from(date.year);
        // Clamped so a malformed date still gives a non-empty range instead of a panic.
        match (date.month.map(|month| month.clamp(1, 12)), date.day.map(|day| day.clamp(1, 31))) {
            (Some(month), Some(day)) => {
                let day = day_number(year, month, day);
                DayRange { first: day, last: day }
            }
            (Some(month), None) => {
                DayRange { first: day_number(year, month, 1), last: day_number(year, month + 1, 1) - 1 }
            }
            _ => DayRange { first: day_number(year, 1, 1), last: day_number(year + 1, 1, 1) - 1 },
        }
    }

    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// The common days of two overlapping ranges.
    pub fn intersection(&self, other: &DayRange) -> Option<DayRange> {
        self.overlaps(other).then(|| DayRange { first: self.first.max(other.first), last: self.last.min(other.last) })
    }

    pub fn days(&self) -> i32 {
        self.last - self.first + 1
    }

    /// The most precise partial date that covers the whole range (one day, one month, one year).
    pub fn covering_date(&self) -> Option<PartialDate> {
        let (first_year, first_month, first_day) = civil_from_days(self.first);
        let (last_year, last_month, _) = civil_from_days(self.last);
        let year = i16::try_from(first_year).ok()?;
        if self.first == self.last {
            Some(PartialDate::day(year, first_month, first_day))
        } else if first_year == last_year && first_month == last_month {
            Some(PartialDate::month(year, first_month))
        } else if first_year == last_year {
            Some(PartialDate::year(year))
        } else {
            None
        }
    }
}

/// What an event's date says about when it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateEvidence {
    /// The text gave the date (at some precision).
    Stated(DayRange),
    /// Only the publication date is known: the event happened in this window.
    Reported(DayRange),
    Unknown,
}

impl DateEvidence {
    /// Reads `event.date` and `event.date_source`; `document_published` tells whether a
    /// publication-date fallback is a real publication date or the pipeline's stand-in.
    pub fn of(event: &EventRecord, document_published: Option<&PartialDate>) -> DateEvidence {
        match event.date_source {
            // "On Monday" or "June 12" in a document of unknown publication date was resolved
            // against the pipeline's stand-in date; only a date that names its year stands.
            DateSource::Text if document_published.is_none() && !names_a_year(event.date_text.as_deref()) => {
                DateEvidence::Unknown
            }
            DateSource::Text => DateEvidence::Stated(DayRange::of(&event.date)),
            DateSource::Publication => match document_published {
                Some(published) => {
                    let range = DayRange::of(published);
                    DateEvidence::Reported(DayRange {
                        first: range.first - REPORTING_DELAY_DAYS,
                        last: range.last + TIME_ZONE_SLACK_DAYS,
                    })
                }
                None => DateEvidence::Unknown,
            },
        }
    }

    pub fn range(&self) -> Option<DayRange> {
        match self {
            DateEvidence::Stated(range) | DateEvidence::Reported(range) => Some(*range),
            DateEvidence::Unknown => None,
        }
    }
}

/// True when the date's words hold a four-digit number ("June 12, 2018"); a missing text is
/// taken as naming one, since nothing says it was relative.
fn names_a_year(date_text: Option<&str>) -> bool {
    let Some(text) = date_text else { return true };
    text.split(|character: char| !character.is_ascii_digit()).any(|digits| digits.len() == 4)
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian; H. Hinnant's algorithm). A month
/// of 13 rolls into the next year and out-of-range days roll over, so no input can panic.
pub fn day_number(year: i32, month: u8, day: u8) -> i32 {
    let month = i32::from(month.clamp(1, 13));
    let (year, month) = if month == 13 { (year + 1, 1) } else { (year, month) };
    let day = i32::from(day.max(1));
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`day_number`].
pub fn civil_from_days(days: i32) -> (i32, u8, u8) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u8;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u8;
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_match_known_dates() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2024, 7, 24), 19_928);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2, "2000 is a leap year");
        for days in [-800_000, -1, 0, 59, 19_928, 30_000] {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(day_number(year, month, day), days);
        }
    }

    #[test]
    fn ranges_follow_precision() {
        let july = DayRange::of(&PartialDate::month(2024, 7));
        assert_eq!(july.days(), 31);
        assert_eq!(DayRange::of(&PartialDate::month(2024, 12)).days(), 31);
        assert_eq!(DayRange::of(&PartialDate::year(2024)).days(), 366);
        let day = DayRange::of(&PartialDate::day(2024, 7, 24));
        assert!(july.overlaps(&day));
        assert!(!day.overlaps(&DayRange::of(&PartialDate::day(2024, 7, 25))));
        assert_eq!(july.intersection(&day), Some(day));
        assert_eq!(july.covering_date(), Some(PartialDate::month(2024, 7)));
        assert_eq!(day.covering_date(), Some(PartialDate::day(2024, 7, 24)));
    }

    #[test]
    fn relative_text_dates_in_undated_documents_are_unknown() {
        use dyad_document::Span;
        use dyad_record::Modality;
        let event = |date_text: Option<&str>| EventRecord {
            id: "e".into(),
            event: "CONSULT".into(),
            mode: None,
            context: vec![],
            cameo: None,
            goldstein: None,
            quad_class: 1,
            actor: vec![],
            recipient: vec![],
            date: PartialDate::day(2024, 7, 24),
            date_source: DateSource::Text,
            date_text: date_text.map(str::to_string),
            modality: Modality::Asserted,
            location: None,
            confidence: 0.5,
            event_text: "met".into(),
            doc_id: "d".into(),
            sentence: 0,
            span: Span::new(0, 0),
            story_id: None,
        };
        let day = DateEvidence::Stated(DayRange::of(&PartialDate::day(2024, 7, 24)));
        assert_eq!(DateEvidence::of(&event(Some("on Wednesday")), None), DateEvidence::Unknown);
        assert_eq!(DateEvidence::of(&event(Some("July 24, 2024")), None), day);
        let published = PartialDate::day(2024, 7, 25);
        assert_eq!(DateEvidence::of(&event(Some("on Wednesday")), Some(&published)), day);
        let fallback = EventRecord { date_source: DateSource::Publication, ..event(None) };
        assert_eq!(DateEvidence::of(&fallback, None), DateEvidence::Unknown);
        let window = DateEvidence::of(&fallback, Some(&published)).range().expect("a window");
        assert_eq!(window.days(), REPORTING_DELAY_DAYS + TIME_ZONE_SLACK_DAYS + 1);
    }

    #[test]
    fn odd_months_and_days_do_not_panic() {
        let range = DayRange::of(&PartialDate { year: 2024, month: Some(0), day: Some(0) });
        assert_eq!(range.days(), 1);
        let range = DayRange::of(&PartialDate { year: 2024, month: Some(200), day: None });
        assert!(range.days() >= 1);
    }
}
