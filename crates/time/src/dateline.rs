//! Datelines at the start of an article body: "MOSCOW, July 25 (Reuters) -",
//! "DAMASCUS, Syria (AP) —", "KYIV, Ukraine, March 3, 2025 /PRNewswire/ --", "BEIRUT —".
//!
//! Shape accepted: a place in capitals; then up to three comma-separated parts, each a
//! region in title case ("Syria", "N.C.") or a date ("July 25", "25 July", "March 3" then
//! "2025"); then an optional agency in parentheses or slashes; then a dash (-, --, – or —).
//! Anything else is not a dateline, so ordinary first sentences ("NATO said on ...") and a
//! capitalised word followed by a comma ("WASHINGTON, which ...") are rejected.
//!
//! Invariant: the span starts at the place's first character and ends after the dash; both
//! ends are char boundaries of the text.

use crate::calendar::{Anchor, Direction, infer_year_for_month_day, valid_day};
use crate::lexicon::month_from_word;
use dyad_document::{PartialDate, Span};

/// A dateline found at the start of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written, usually in capitals: "MOSCOW", "NEW YORK".
    pub place: String,
    /// A region or country after the place: "Syria" in "DAMASCUS, Syria (AP) —".
    pub region: Option<String>,
    /// (year if written, month, day).
    pub date: Option<(Option<i16>, u8, u8)>,
    /// The agency named in parentheses or slashes: "Reuters", "AP", "PRNewswire".
    pub agency: Option<String>,
    /// The whole dateline, dash included.
    pub span: Span,
}

/// Datelines are short; a longer run of capitals is a headline or shouting, not a place.
const MAX_PLACE_BYTES: usize = 48;
const MAX_PART_BYTES: usize = 40;

/// Reads the dateline at the start of `text`, if there is one.
pub fn parse_dateline(text: &str) -> Option<Dateline> {
    let start = text.len() - text.trim_start().len();
    let mut cursor = Cursor { text, position: start };
    let place = cursor.place()?;
    let mut dateline = Dateline { place, region: None, date: None, agency: None, span: Span::new(start, start) };
    for _ in 0..3 {
        cursor.skip_spaces();
        if !cursor.eat(",") {
            break;
        }
        let part = cursor.part()?;
        dateline.read_part(part)?;
    }
    cursor.skip_spaces();
    dateline.agency = cursor.agency();
    cursor.skip_spaces();
    if !cursor.dash() {
        return None;
    }
    dateline.span = Span::new(start, cursor.position);
    Some(dateline)
}

impl Dateline {
    /// The dateline's date as a [`PartialDate`]: its own year when written, else the latest
    /// such day not after `anchor` (a dateline dates the report, which is never in the
    /// future). `None` without a date, or without a year and an anchor with a month.
    pub fn resolved_date(&self, anchor: Option<PartialDate>) -> Option<PartialDate> {
        let (year, month, day) = self.date?;
        let year = match year {
            Some(year) => year,
            None => infer_year_for_month_day(month, day, &Anchor::new(anchor?), Direction::Backward)?,
        };
        valid_day(year, month, day)
    }

    /// Files one comma-separated part as a date, the year of that date, or a region.
    fn read_part(&mut self, part: &str) -> Option<()> {
        if let Some((month, day)) = month_and_day(part)
            && self.date.is_none()
        {
            self.date = Some((None, month, day));
            return Some(());
        }
        if let Some((None, month, day)) = self.date
            && let Some(year) = four_digit_year(part)
        {
            self.date = Some((Some(year), month, day));
            return Some(());
        }
        if self.region.is_none() && self.date.is_none() && is_title_case_name(part) {
            self.region = Some(part.to_string());
            return Some(());
        }
        None
    }
}

struct Cursor<'t> {
    text: &'t str,
    position: usize,
}

impl<'t> Cursor<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.position..]
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.position += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    fn eat(&mut self, prefix: &str) -> bool {
        if self.rest().starts_with(prefix) {
            self.position += prefix.len();
            true
        } else {
            false
        }
    }

    /// Capitals, spaces and the punctuation of place names ("ST. LOUIS", "PORT-AU-PRINCE"),
    /// up to a comma, parenthesis, slash or dash. At least three letters, no lowercase.
    fn place(&mut self) -> Option<String> {
        let rest = self.rest();
        let mut end = 0;
        let mut letters = 0;
        for (offset, character) in rest.char_indices() {
            if matches!(character, ',' | '(' | '/' | '\u{2013}' | '\u{2014}')
                || (character == '-' && rest[..offset].ends_with(' '))
            {
                break;
            }
            if character.is_alphabetic() {
                if !character.is_uppercase() {
                    return None;
                }
                letters += 1;
            } else if !matches!(character, ' ' | '.' | '\'' | '\u{2019}' | '-' | '&') {
                return None;
            }
            end = offset + character.len_utf8();
            if end > MAX_PLACE_BYTES {
                return None;
            }
        }
        let place = rest[..end].trim_end();
        if letters < 3 {
            return None;
        }
        self.position += place.len();
        Some(place.to_string())
    }

    /// One comma-separated part, trimmed, up to the next separator.
    fn part(&mut self) -> Option<&'t str> {
        let rest = self.rest();
        let end = rest
            .char_indices()
            .find(|&(offset, character)| {
                matches!(character, ',' | '(' | '/' | '\u{2013}' | '\u{2014}' | '\n')
                    || (character == '-' && rest[..offset].ends_with(' '))
            })
            .map_or(rest.len(), |(offset, _)| offset);
        if end > MAX_PART_BYTES {
            return None;
        }
        self.position += end;
        let part = rest[..end].trim();
        if part.is_empty() { None } else { Some(part) }
    }

    /// "(Reuters)" or "/PRNewswire/".
    fn agency(&mut self) -> Option<String> {
        let rest = self.rest();
        let (open, close) = match rest.chars().next()? {
            '(' => ('(', ')'),
            '/' => ('/', '/'),
            _ => return None,
        };
        let inner = &rest[open.len_utf8()..];
        let close_at = inner.find(close)?;
        let agency = &inner[..close_at];
        if agency.is_empty() || agency.len() > MAX_PART_BYTES || agency.contains('\n') {
            return None;
        }
        self.position += open.len_utf8() + close_at + close.len_utf8();
        Some(agency.trim().to_string())
    }

    /// "-", "--", "–" or "—", which must be followed by a space, a line end or the end.
    fn dash(&mut self) -> bool {
        let before = self.position;
        let matched = ["--", "\u{2014}", "\u{2013}", "-"].iter().any(|dash| self.eat(dash));
        let followed_well = self.rest().chars().next().is_none_or(char::is_whitespace);
        if matched && followed_well {
            return true;
        }
        self.position = before;
        false
    }
}

/// "July 25", "Jan. 5", "25 July".
fn month_and_day(part: &str) -> Option<(u8, u8)> {
    let mut words = part.split_whitespace();
    let (first, second) = (words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    let month_of = |word: &str| month_from_word(word.trim_end_matches('.')).map(|(month, _)| month);
    let day_of = |word: &str| word.parse::<u8>().ok().filter(|day| (1..=31).contains(day));
    match (month_of(first), day_of(second)) {
        (Some(month), Some(day)) => Some((month, day)),
        _ => Some((month_of(second)?, day_of(first)?)),
    }
}

fn four_digit_year(part: &str) -> Option<i16> {
    if part.len() != 4 || !part.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    part.parse().ok().filter(|year| (1900..=2100).contains(year))
}

/// "Syria", "South Korea", "N.C.": every word starts with a capital.
fn is_title_case_name(part: &str) -> bool {
    part.split_whitespace().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|character| character.is_alphabetic() || matches!(character, '.' | '-' | '\''))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline_text(text: &str) -> &str {
        let dateline = parse_dateline(text).expect("a dateline");
        &text[dateline.span.start..dateline.span.end]
    }

    #[test]
    fn reads_the_agency_datelines() {
        let text = "MOSCOW, July 25 (Reuters) - Russia said on Thursday ...";
        let dateline = parse_dateline(text).unwrap();
        assert_eq!(dateline.place, "MOSCOW");
        assert_eq!(dateline.date, Some((None, 7, 25)));
        assert_eq!(dateline.agency.as_deref(), Some("Reuters"));
        assert_eq!(dateline_text(text), "MOSCOW, July 25 (Reuters) -");

        let text = "DAMASCUS, Syria (AP) \u{2014} Syrian forces shelled ...";
        let dateline = parse_dateline(text).unwrap();
        assert_eq!((dateline.place.as_str(), dateline.region.as_deref()), ("DAMASCUS", Some("Syria")));
        assert_eq!(dateline.date, None);
        assert_eq!(dateline_text(text), "DAMASCUS, Syria (AP) \u{2014}");

        let text = "KYIV, Ukraine, March 3, 2025 /PRNewswire/ -- The company ...";
        let dateline = parse_dateline(text).unwrap();
        assert_eq!(dateline.region.as_deref(), Some("Ukraine"));
        assert_eq!(dateline.date, Some((Some(2025), 3, 3)));
        assert_eq!(dateline.agency.as_deref(), Some("PRNewswire"));
        assert_eq!(dateline_text(text), "KYIV, Ukraine, March 3, 2025 /PRNewswire/ --");
    }

    #[test]
    fn dateline_dates_resolve_against_the_anchor() {
        let dateline = parse_dateline("MOSCOW, July 25 (Reuters) - ...").unwrap();
        assert_eq!(dateline.resolved_date(Some(PartialDate::day(2024, 7, 26))), Some(PartialDate::day(2024, 7, 25)));
        assert_eq!(dateline.resolved_date(Some(PartialDate::day(2024, 7, 24))), Some(PartialDate::day(2023, 7, 25)));
        assert_eq!(dateline.resolved_date(None), None);
        let dateline = parse_dateline("KYIV, Ukraine, March 3, 2025 /PRNewswire/ -- ...").unwrap();
        assert_eq!(dateline.resolved_date(None), Some(PartialDate::day(2025, 3, 3)));
    }

    #[test]
    fn reads_bare_and_multiword_places() {
        assert_eq!(dateline_text("  BEIRUT \u{2014} Israeli jets struck ..."), "BEIRUT \u{2014}");
        let dateline = parse_dateline("NEW YORK, Jan. 5 (AP) - Talks ...").unwrap();
        assert_eq!(dateline.place, "NEW YORK");
        assert_eq!(dateline.date, Some((None, 1, 5)));
        let dateline = parse_dateline("PORT-AU-PRINCE, Haiti, 12 July (AFP) - Gangs ...").unwrap();
        assert_eq!(dateline.place, "PORT-AU-PRINCE");
        assert_eq!(dateline.date, Some((None, 7, 12)));
        let dateline = parse_dateline("SÃO PAULO (Reuters) - Brazil ...").unwrap();
        assert_eq!(dateline.place, "SÃO PAULO");
    }

    #[test]
    fn rejects_ordinary_first_sentences() {
        for text in [
            "NATO said on Thursday it would send more troops.",
            "Russia said on Thursday - in a statement - that ...",
            "WASHINGTON, which has long backed Kyiv, said ...",
            "UN - The council met.",
            "",
            "MOSCOW, July 25 (Reuters) Russia said ...",
        ] {
            assert_eq!(parse_dateline(text), None, "{text}");
        }
    }
}
