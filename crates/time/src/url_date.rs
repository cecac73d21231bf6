//! Publication dates written into article addresses: `/2018/03/14/`, `/2021/02/slug`,
//! `slug-2018-3/`, `20190128`. Many outlets put them there, and for a page whose metadata
//! lost its date the address is the only dated evidence that is not the text itself.

use dyad_document::PartialDate;

/// Years outside this range in a URL are more likely ids or counts than dates.
const YEARS: std::ops::RangeInclusive<i16> = 1990..=2100;

/// The date an article's URL carries, at the precision it carries it (day or month).
/// Only the path is read, so host names with digits are never taken for dates.
pub fn date_from_url(url: &str) -> Option<PartialDate> {
    let path = path_of(url);
    let numbers: Vec<&str> = path.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()).collect();
    compact_day(&numbers).or_else(|| separated_date(&numbers))
}

fn path_of(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |slash| &after_scheme[slash..]);
    // Query strings hold timestamps and offsets, not publication dates.
    path.split(['?', '#']).next().unwrap_or("")
}

/// `20190128` as one run of eight digits.
fn compact_day(numbers: &[&str]) -> Option<PartialDate> {
    numbers.iter().filter(|run| run.len() == 8).find_map(|run| {
        let year = run[..4].parse().ok()?;
        let month = run[4..6].parse().ok()?;
        let day = run[6..].parse().ok()?;
        valid_day(year, month, day)
    })
}

/// A four-digit year followed by a month and perhaps a day, in consecutive numeric runs.
fn separated_date(numbers: &[&str]) -> Option<PartialDate> {
    numbers.windows(2).enumerate().find_map(|(index, pair)| {
        if pair[0].len() != 4 || pair[1].len() > 2 {
            return None;
        }
        let year: i16 = pair[0].parse().ok()?;
        let month: u8 = pair[1].parse().ok()?;
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let day = numbers.get(index + 2).filter(|run| run.len() <= 2).and_then(|run| run.parse::<u8>().ok());
        day.and_then(|day| valid_day(year, month, day)).or(Some(PartialDate::month(year, month)))
    })
}

fn valid_day(year: i16, month: u8, day: u8) -> Option<PartialDate> {
    let valid = YEARS.contains(&year) && jiff::civil::Date::new(year, month as i8, day as i8).is_ok();
    valid.then(|| PartialDate::day(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_article_paths_are_read_at_their_precision() {
        let cases = [
            ("https://example.com/world/2018/03/14/uk-expels-diplomats/", Some("2018-03-14")),
            ("https://example.com/2021/02/army-seizes-power/", Some("2021-02")),
            ("https://example.com/politics/may-statement-2018-3/", Some("2018-03")),
            ("https://example.com/news/20190128-sanctions.html", Some("2019-01-28")),
            ("https://example.com/news/2019/13/40/not-a-date", None),
            ("https://example.com/?p=704", None),
            ("https://example.com/fw-news?offset=1697703998011", None),
            ("https://news2024.example.com/story/12345", None),
        ];
        for (url, expected) in cases {
            assert_eq!(date_from_url(url).map(|date| date.to_string()).as_deref(), expected, "{url}");
        }
    }
}
