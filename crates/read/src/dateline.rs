//! Datelines: the "MOSCOW, July 25 (Reuters) -" or "DAMASCUS (AP) —" that opens wire copy.
//!
//! Policy: the dateline is stripped from the body and kept in `Metadata::dateline_place`
//! (and, when it carries a full date, in `published` if nothing better is known). The body
//! then starts with the first word of the story, which is what sentence-level coding wants.
//!
//! To avoid eating the first words of ordinary prose, a dateline needs either an all-caps
//! place ("NEW YORK", "ST. PETERSBURG") or an agency in parentheses after a title-case
//! place ("Kyiv, Ukraine (AP) —"), and it must end in a dash.

use crate::dates::{checked_day, month_number};
use dyad_document::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

/// A dateline found at the start of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written, with its region if given: "MOSCOW", "KYIV, Ukraine".
    pub place: String,
    /// Month and day as written, if any.
    pub month_day: Option<(u8, u8)>,
    /// Year, when the dateline prints one (wire datelines usually do not).
    pub year: Option<i32>,
    pub agency: Option<String>,
    /// Byte length of the dateline including the dash and the space after it.
    pub length: usize,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MARCH|APRIL|MAY|JUNE|JULY|AUG|SEPT|OCT|NOV|DEC)";
/// Upper-case words, with "/" for joint datelines ("WASHINGTON/MOSCOW").
const CAPS_PLACE: &str = r"[A-Z][A-Z'’.\-/]*(?:\s[A-Z][A-Z'’.\-/]*){0,3}";
const TITLE_PLACE: &str = r"[A-Z][a-zA-Z'’.\-]+(?:\s[A-Z][a-zA-Z'’.\-]+){0,3}";
const REGION: &str = r"[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+){0,2}";
const AGENCY: &str = r"[A-Za-z][A-Za-z .&/\-]{0,29}";
/// A spaced hyphen or double hyphen, or an en/em dash with or without spaces.
const DASH: &str = r"(?:\s*[—–]\s*|\s+--?\s+|\s*--\s*)";

fn dateline_tail() -> String {
    format!(
        r"(?:,\s+(?P<region>{REGION}))?(?:,\s+(?P<month>{MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,\s+(?P<year>\d{{4}}))?)?\s*"
    )
}

static CAPS_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let tail = dateline_tail();
    Regex::new(&format!(r"^(?P<place>{CAPS_PLACE}){tail}(?:\((?P<agency>{AGENCY})\))?{DASH}"))
        .expect("caps dateline pattern is valid")
});

static AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let tail = dateline_tail();
    Regex::new(&format!(r"^(?P<place>{TITLE_PLACE}){tail}\((?P<agency>{AGENCY})\){DASH}"))
        .expect("agency dateline pattern is valid")
});

/// The dateline opening `text`, if there is one.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let captures = CAPS_DATELINE.captures(text).or_else(|| AGENCY_DATELINE.captures(text))?;
    let place_text = captures.name("place")?.as_str();
    // A lone capital ("A - B") or one short word is more likely prose than a place.
    if place_text.chars().filter(|character| character.is_alphabetic()).count() < 2 {
        return None;
    }
    let mut place = place_text.to_string();
    if let Some(region) = captures.name("region") {
        place.push_str(", ");
        place.push_str(region.as_str());
    }
    let month_day = match (captures.name("month"), captures.name("day")) {
        (Some(month), Some(day)) => Some((month_number(month.as_str())?, day.as_str().parse().ok()?)),
        _ => None,
    };
    let length = captures.get(0)?.end();
    // The dateline must leave some story behind it.
    if text[length..].trim().is_empty() {
        return None;
    }
    Some(Dateline {
        place,
        month_day,
        year: captures.name("year").and_then(|year| year.as_str().parse().ok()),
        agency: captures.name("agency").map(|agency| agency.as_str().trim().to_string()),
        length,
    })
}

impl Dateline {
    /// The date the dateline gives, combined with what the metadata already knows.
    ///
    /// A dateline without a year only helps when the metadata knows the year (and no more):
    /// otherwise the year is unknowable and the date is left alone.
    pub fn refine_published(&self, known: Option<PartialDate>) -> Option<PartialDate> {
        let Some((month, day)) = self.month_day else {
            return known;
        };
        match (known, self.year) {
            (None, Some(year)) => checked_day(year, month, day),
            (Some(known_date), _) if known_date.month.is_none() => {
                checked_day(i32::from(known_date.year), month, day).or(Some(known_date))
            }
            (known, _) => known,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_and_rest(text: &str) -> Option<(String, &str)> {
        find_dateline(text).map(|dateline| (dateline.place, &text[dateline.length..]))
    }

    #[test]
    fn finds_wire_datelines() {
        let cases = [
            ("MOSCOW, July 25 (Reuters) - Talks began.", "MOSCOW", "Talks began."),
            ("DAMASCUS (AP) — Shelling resumed.", "DAMASCUS", "Shelling resumed."),
            ("KYIV, Ukraine (AP) — Sirens sounded.", "KYIV, Ukraine", "Sirens sounded."),
            ("Ankara (AFP) - Police detained a man.", "Ankara", "Police detained a man."),
            ("NEW YORK -- The council met.", "NEW YORK", "The council met."),
            ("ST. PETERSBURG, Jan. 3 — Crowds gathered.", "ST. PETERSBURG", "Crowds gathered."),
            ("BEIRUT—Israeli jets struck.", "BEIRUT", "Israeli jets struck."),
        ];
        for (text, place, rest) in cases {
            assert_eq!(place_and_rest(text), Some((place.to_string(), rest)), "{text}");
        }
    }

    #[test]
    fn leaves_ordinary_openings_alone() {
        for text in [
            "President Vladimir Putin met Bashar al-Assad - a rare visit.",
            "By Tuesday, the talks had collapsed.",
            "MOSCOW-BASED analysts disagreed.",
            "The meeting — held late Wednesday — was brief.",
            "A - B testing",
            "MOSCOW (Reuters) - ",
        ] {
            assert_eq!(find_dateline(text), None, "{text}");
        }
    }

    #[test]
    fn dates_need_a_year_from_somewhere() {
        let without_year = find_dateline("MOSCOW, July 25 (Reuters) - Talks began.").unwrap();
        assert_eq!(without_year.month_day, Some((7, 25)));
        assert_eq!(without_year.refine_published(None), None);
        assert_eq!(without_year.refine_published(Some(PartialDate::year(2024))), Some(PartialDate::day(2024, 7, 25)));
        let known = Some(PartialDate::day(2024, 7, 26));
        assert_eq!(without_year.refine_published(known), known);
        let with_year = find_dateline("GENEVA, March 3, 2023 (Reuters) - Envoys met.").unwrap();
        assert_eq!(with_year.refine_published(None), Some(PartialDate::day(2023, 3, 3)));
    }
}
