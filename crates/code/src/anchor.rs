//! The anchor of a document: the date its relative time expressions count from.

use dyad_document::{Document, PartialDate};

/// The date a document's relative expressions ("on Monday", "yesterday") count from.
///
/// Its publication date when known. An undated document is anchored on the first full date
/// its text gives, then on a day its address gives; then on the first report of the story it
/// belongs to (a report without a date is most likely from the days its story was news),
/// provided the address's month or year, if it has one, agrees; then on the address's month
/// or year; only then on `fallback` (the caller's date, usually today).
pub fn document_anchor(
    document: &Document,
    story_first_reported: Option<PartialDate>,
    fallback: PartialDate,
) -> PartialDate {
    if let Some(date) = document.metadata.published.or_else(|| dyad_time::anchor_from_text(&document.body)) {
        return date;
    }
    let from_address = document.metadata.url.as_deref().and_then(dyad_time::date_from_url);
    match (from_address, story_first_reported) {
        (Some(address), _) if address.day.is_some() => address,
        (Some(address), Some(story)) if falls_within(story, address) => story,
        (Some(address), _) => address,
        (None, Some(story)) => story,
        (None, None) => fallback,
    }
}

/// Whether `date` lies inside the year or month `period` names.
fn falls_within(date: PartialDate, period: PartialDate) -> bool {
    date.year == period.year && period.month.is_none_or(|month| date.month == Some(month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_document::Metadata;

    const TODAY: PartialDate = PartialDate { year: 2026, month: Some(11), day: Some(29) };

    fn undated(body: &str, url: Option<&str>) -> Document {
        let metadata = Metadata { url: url.map(str::to_string), ..Metadata::default() };
        Document { id: "d".into(), metadata, body: body.into() }
    }

    fn day(text: &str) -> PartialDate {
        text.parse().expect("a valid test date")
    }

    #[test]
    fn publication_date_wins_over_everything() {
        let mut document = undated("Talks resumed on Monday.", Some("https://example.com/2019/01/28/talks"));
        document.metadata.published = Some(day("2019-01-30"));
        assert_eq!(document_anchor(&document, Some(day("2019-01-20")), TODAY), day("2019-01-30"));
    }

    #[test]
    fn undated_report_takes_its_story_first_report_before_today() {
        let document = undated("Ministers met on Monday to agree the sanctions.", None);
        assert_eq!(document_anchor(&document, Some(day("2019-01-28")), TODAY), day("2019-01-28"));
        assert_eq!(document_anchor(&document, None, TODAY), TODAY);
    }

    #[test]
    fn a_day_in_the_address_beats_the_story() {
        let document = undated("Ministers met on Monday.", Some("https://example.com/2019/01/29/ministers-meet"));
        assert_eq!(document_anchor(&document, Some(day("2019-01-28")), TODAY), day("2019-01-29"));
    }

    #[test]
    fn the_story_refines_a_month_in_the_address_only_when_they_agree() {
        let document =
            undated("The envoy said today that talks would go on.", Some("https://example.com/envoy-2018-3/"));
        assert_eq!(document_anchor(&document, Some(day("2018-03-14")), TODAY), day("2018-03-14"));
        assert_eq!(document_anchor(&document, Some(day("2019-06-01")), TODAY), day("2018-03"));
    }

    #[test]
    fn a_full_date_in_the_opening_beats_the_story() {
        let document = undated("21 October 2023 - The first trucks crossed the border.", None);
        assert_eq!(document_anchor(&document, Some(day("2023-10-25")), TODAY), day("2023-10-21"));
    }
}
