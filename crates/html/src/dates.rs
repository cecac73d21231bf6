//! Reading publication dates from the many forms pages write them in.
//!
//! Only the calendar date the page states is kept, in the page's own time zone: a
//! `2024-05-12T23:30:00-04:00` timestamp is 12 May, because that is the day the page
//! shows its readers. Nothing here guesses: text that is not clearly a date gives `None`.

use dyad_document::PartialDate;

const MONTH_NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Parses ISO 8601 / RFC 3339 (`2024-05-12`, `2024-05-12T10:00Z`), slashed (`2024/05/12`),
/// compact (`20240512`), RFC 2822 (`Sun, 12 May 2024 10:00:00 GMT`) and written-out English
/// dates (`May 12, 2024`, `12 May 2024`). Years outside 1990–2100 are rejected, since a page
/// claiming them is almost always showing something other than its publication date.
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.len() > 200 {
        return None;
    }
    parse_numeric_date(trimmed)
        .or_else(|| parse_written_date(trimmed))
        .or_else(|| parse_day_month_year_numbers(trimmed))
        .filter(is_plausible)
}

/// `09/25/2025`, `Thu, 09/25/2025 - 11:38` (Drupal's default), `03-09-2026`, `25.09.2025`:
/// a numeric date with the year last, among the first three words. With `/` or `-` the
/// month comes first, as the United States CMS defaults that write these forms into
/// metadata do; with `.` the day comes first, as in Europe. A number above 12 settles the
/// order either way.
fn parse_day_month_year_numbers(text: &str) -> Option<PartialDate> {
    text.split(|c: char| c.is_whitespace() || c == ',').filter(|word| !word.is_empty()).take(3).find_map(|word| {
        let separator = word.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
        let parts: Vec<&str> = word.trim_end_matches('.').split(separator).collect();
        let [first, second, year] = parts.as_slice() else {
            return None;
        };
        let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4
            || first.len() > 2
            || second.len() > 2
            || ![first, second, year].iter().all(|p| all_digits(p))
        {
            return None;
        }
        let (first_number, second_number): (u8, u8) = (first.parse().ok()?, second.parse().ok()?);
        let month_first = match (first_number > 12, second_number > 12) {
            (true, false) => false,
            (false, true) => true,
            (false, false) => separator != '.',
            (true, true) => return None,
        };
        let (month, day) = if month_first { (first, second) } else { (second, first) };
        build_date(year, month, day)
    })
}

fn is_plausible(date: &PartialDate) -> bool {
    (1990..=2100).contains(&date.year)
}

/// `YYYY-MM-DD…`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD` at the start of the text.
fn parse_numeric_date(text: &str) -> Option<PartialDate> {
    let bytes = text.as_bytes();
    if bytes.len() >= 8 && bytes[..8].iter().all(u8::is_ascii_digit) && bytes.get(8).is_none_or(|b| !b.is_ascii_digit())
    {
        return build_date(&text[..4], &text[4..6], &text[6..8]);
    }
    if bytes.len() < 7 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let separator = bytes[4];
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let rest = &text[5..];
    let month_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let month_text = &rest[..month_end];
    let after_month = &rest[month_end..];
    if after_month.as_bytes().first() == Some(&separator) {
        let day_text: String = after_month[1..].chars().take_while(char::is_ascii_digit).collect();
        return build_date(&text[..4], month_text, &day_text);
    }
    let year: i16 = text[..4].parse().ok()?;
    let month: u8 = month_text.parse().ok()?;
    (month_text.len() <= 2 && (1..=12).contains(&month)).then(|| PartialDate::month(year, month))
}

fn build_date(year_text: &str, month_text: &str, day_text: &str) -> Option<PartialDate> {
    if month_text.is_empty() || month_text.len() > 2 || day_text.is_empty() || day_text.len() > 2 {
        return None;
    }
    let year: i16 = year_text.parse().ok()?;
    let month: u8 = month_text.parse().ok()?;
    let day: u8 = day_text.parse().ok()?;
    is_valid_day(year, month, day).then(|| PartialDate::day(year, month, day))
}

/// The full date, when it exists and its year is plausible (see [`parse_date`]).
pub(crate) fn valid_day(year: i16, month: u8, day: u8) -> Option<PartialDate> {
    (is_valid_day(year, month, day) && (1990..=2100).contains(&year)).then(|| PartialDate::day(year, month, day))
}

fn is_valid_day(year: i16, month: u8, day: u8) -> bool {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// English dates with a month name: `May 12, 2024`, `12 May 2024`, `Sun, 12 May 2024 …`,
/// `Published: Monday, September 4th, 2023`. Needs a month name, a day and a four-digit
/// year among the first few words.
fn parse_written_date(text: &str) -> Option<PartialDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-' | '|'))
        .filter(|word| !word.is_empty())
        .take(12)
        .collect();
    let month_position = words.iter().position(|word| month_number(word).is_some())?;
    let month = month_number(words[month_position])?;
    // The year must follow the month closely ("May 12, 2024", "12 May 2024"): a year further
    // on belongs to something else ("June 29 … © 2021").
    let year_position = (month_position + 1..words.len().min(month_position + 3))
        .find(|&index| words[index].len() == 4 && words[index].bytes().all(|b| b.is_ascii_digit()))?;
    let year: i16 = words[year_position].parse().ok()?;
    let day = [month_position.checked_sub(1), Some(month_position + 1)]
        .into_iter()
        .flatten()
        .filter(|&index| index != year_position)
        .filter_map(|index| words.get(index))
        .find_map(|word| day_number(word));
    match day {
        Some(day) if is_valid_day(year, month, day) => Some(PartialDate::day(year, month, day)),
        Some(_) => None,
        None => Some(PartialDate::month(year, month)),
    }
}

pub(crate) fn month_number(word: &str) -> Option<u8> {
    // Most words are not months: reject on the first three letters before allocating.
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    let position = MONTH_NAMES.iter().position(|name| word[..3].eq_ignore_ascii_case(name))?;
    let lowered = word.to_ascii_lowercase();
    // "mayor" or "marching" must not count: the word is the name or a prefix of it.
    let full_names = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = full_names[position];
    let is_name = full.starts_with(&lowered) || lowered == "sept";
    is_name.then_some(position as u8 + 1)
}

fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

/// A date written into a URL path: `/2024/05/12/`, `/2024-05-12/`, `/20240512/`.
pub fn date_from_url(url: &str) -> Option<PartialDate> {
    let path_start = url.find("://").map_or(0, |index| index + 3);
    let path = &url[path_start..];
    let segments: Vec<&str> = path.split(['/', '?', '#', '_']).collect();
    for (index, segment) in segments.iter().enumerate() {
        if segment.len() == 4 && segment.bytes().all(|b| b.is_ascii_digit()) {
            let month = segments.get(index + 1)?;
            let day = segments.get(index + 2).copied().unwrap_or("");
            let day_digits: String = day.chars().take_while(char::is_ascii_digit).collect();
            if month.len() == 2
                && month.bytes().all(|b| b.is_ascii_digit())
                && day_digits.len() == 2
                && let Some(date) = build_date(segment, month, &day_digits).filter(is_plausible)
            {
                return Some(date);
            }
            // Some CMSs spell the month out: `/2023/october/03/`.
            if let Some(month_number) = month_number(month).filter(|_| month.bytes().all(|b| b.is_ascii_alphabetic()))
                && day_digits.len() == 2
                && let Some(date) = build_date(segment, &format!("{month_number:02}"), &day_digits).filter(is_plausible)
            {
                return Some(date);
            }
        }
        let leading: String = segment.chars().take(10).collect();
        if leading.len() == 10
            && leading.as_bytes()[4] == b'-'
            && leading.as_bytes()[7] == b'-'
            && let Some(date) = parse_numeric_date(&leading).filter(is_plausible)
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i16, month: u8, day: u8) -> Option<PartialDate> {
        Some(PartialDate::day(year, month, day))
    }

    #[test]
    fn reads_machine_formats_in_the_page_time_zone() {
        assert_eq!(parse_date("2024-05-12T23:30:00-04:00"), day(2024, 5, 12));
        assert_eq!(parse_date("2024/05/12 10:00"), day(2024, 5, 12));
        assert_eq!(parse_date("20240512"), day(2024, 5, 12));
        assert_eq!(parse_date("2024-05"), Some(PartialDate::month(2024, 5)));
        assert_eq!(parse_date("Sun, 12 May 2024 10:00:00 GMT"), day(2024, 5, 12));
    }

    #[test]
    fn reads_written_english_dates() {
        assert_eq!(parse_date("May 12, 2024"), day(2024, 5, 12));
        assert_eq!(parse_date("Published: Monday, September 4th, 2023"), day(2023, 9, 4));
        assert_eq!(parse_date("12 Sept. 2023"), day(2023, 9, 12));
        assert_eq!(parse_date("March 2021"), Some(PartialDate::month(2021, 3)));
    }

    #[test]
    fn reads_numeric_dates_with_the_year_last() {
        assert_eq!(parse_date("Thu, 09/25/2025 - 11:38"), day(2025, 9, 25));
        assert_eq!(parse_date("3/4/2024"), day(2024, 3, 4));
        assert_eq!(parse_date("25.09.2025"), day(2025, 9, 25));
        assert_eq!(parse_date("03.04.2024"), day(2024, 4, 3));
        assert_eq!(parse_date("03-09-2026"), day(2026, 3, 9));
        assert_eq!(parse_date("25/09/2025"), day(2025, 9, 25));
        assert_eq!(parse_date("25/19/2025"), None);
        assert_eq!(parse_date("Call 555/12/2025"), None);
    }

    #[test]
    fn rejects_non_dates_and_impossible_dates() {
        for text in ["", "the mayor said", "2024-02-30", "1776-07-04", "12345", "Updated recently"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn finds_dates_in_url_paths() {
        assert_eq!(date_from_url("https://news.example/2024/05/12/talks-resume"), day(2024, 5, 12));
        assert_eq!(date_from_url("https://news.example/world/2023-11-02-ceasefire.html"), day(2023, 11, 2));
        assert_eq!(date_from_url("https://news.example/world/ceasefire-2023"), None);
        assert_eq!(date_from_url("https://news.example/blog/2023/october/03/wine-types"), day(2023, 10, 3));
        assert_eq!(date_from_url("https://news.example/blog/2023/mayor/03/wine-types"), None);
    }
}
