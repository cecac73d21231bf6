//! The closing summaries of `dyad code` and `dyad ingest`: the one place where the reader's
//! counts (`dyad_read::ReadStats`) and the pipeline's language gate become text.
//!
//! Invariant: every document and every WARC record read appears in exactly one count, so the
//! numbers a user sees add up (articles + skipped records = records read; coded + not in
//! English = documents processed).

use dyad_html::{ContentTypeCounts, OTHER_CONTENT_TYPES};
use dyad_pipeline::{NotCoded, ProcessedDocument};
use dyad_read::{ReadStats, WarcCounts};
use std::collections::BTreeMap;

/// Documents the pipeline left uncoded because of their language, by language.
#[derive(Debug, Default)]
pub struct LanguageCounts {
    by_language: BTreeMap<String, u64>,
}

impl LanguageCounts {
    /// Counts the document if the pipeline did not code it for its language.
    pub fn add(&mut self, processed: &ProcessedDocument) {
        if let Some(NotCoded::Language(language)) = &processed.not_coded {
            *self.by_language.entry(language.clone()).or_default() += 1;
        }
    }

    pub fn total(&self) -> u64 {
        self.by_language.values().sum()
    }

    /// "3 documents not in English, stored uncoded: fr 2, de 1" (`what_became_of_them` is
    /// "stored uncoded" or "not coded"); `None` when every document was in English.
    pub fn describe(&self, what_became_of_them: &str) -> Option<String> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let mut languages: Vec<(&String, &u64)> = self.by_language.iter().collect();
        // Most frequent first; ties in alphabetical order so the line is deterministic.
        languages.sort_by(|(name_a, count_a), (name_b, count_b)| count_b.cmp(count_a).then(name_a.cmp(name_b)));
        let listed: Vec<String> = languages.iter().map(|(language, count)| format!("{language} {count}")).collect();
        Some(format!("{} not in English, {what_became_of_them}: {}", plural(total, "document"), listed.join(", ")))
    }
}

/// Inputs, lines and records that could not be read, WARC records excepted: those are
/// reported on the WARC line with the other records.
pub fn inputs_skipped(stats: &ReadStats) -> u64 {
    stats.errors.saturating_sub(stats.warc.corrupt_records)
}

/// "read 1012 WARC records from 1 archive: 1000 articles; skipped 12: 4 non-response records,
/// 5 non-HTML responses (application/pdf 3, image/png 2), 2 pages without article text,
/// 1 corrupt record"; `None` when no WARC archive was read.
pub fn warc_summary(counts: &WarcCounts) -> Option<String> {
    if counts.archives == 0 {
        return None;
    }
    Some(format!(
        "read {} from {}: {}; skipped {}: {}, {}{}, {} without article text, {}",
        plural(counts.records, "WARC record"),
        plural(counts.archives, "archive"),
        plural(counts.articles, "article"),
        counts.skipped(),
        plural(counts.non_response_records, "non-response record"),
        plural(counts.non_html_responses, "non-HTML response"),
        content_type_breakdown(&counts.non_html_content_types),
        plural(counts.pages_without_text, "page"),
        plural(counts.corrupt_records, "corrupt record"),
    ))
}

/// How many content types the WARC line names before lumping the rest as "other".
const CONTENT_TYPES_SHOWN: usize = 6;

/// " (application/pdf 3, image/png 2)": the most frequent types first, at most
/// [`CONTENT_TYPES_SHOWN`] of them and the rest summed as "other"; empty without counts.
fn content_type_breakdown(counts: &ContentTypeCounts) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let ranked = counts.most_frequent_first();
    let (named, rest): (Vec<_>, Vec<_>) = ranked.into_iter().partition(|(key, _)| *key != OTHER_CONTENT_TYPES);
    let mut listed: Vec<String> =
        named.iter().take(CONTENT_TYPES_SHOWN).map(|(key, count)| format!("{key} {count}")).collect();
    let other: u64 = named.iter().skip(CONTENT_TYPES_SHOWN).chain(rest.iter()).map(|(_, count)| count).sum();
    if other > 0 {
        listed.push(format!("{OTHER_CONTENT_TYPES} {other}"));
    }
    format!(" ({})", listed.join(", "))
}

/// "1 archive", "2 archives", "0 archives".
fn plural(count: u64, noun: &str) -> String {
    if count == 1 { format!("{count} {noun}") } else { format!("{count} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_listed_most_frequent_first() {
        let mut counts = LanguageCounts::default();
        for language in ["de", "fr", "fr"] {
            *counts.by_language.entry(language.to_string()).or_default() += 1;
        }
        assert_eq!(
            counts.describe("stored uncoded").as_deref(),
            Some("3 documents not in English, stored uncoded: fr 2, de 1")
        );
        assert_eq!(LanguageCounts::default().describe("not coded"), None);
    }

    #[test]
    fn the_warc_line_names_every_skip_reason_and_adds_up() {
        let counts = WarcCounts {
            archives: 1,
            records: 12,
            articles: 5,
            non_response_records: 3,
            non_html_responses: 2,
            non_html_content_types: content_types(&[("image/png", 1), ("application/pdf", 1)]),
            pages_without_text: 1,
            corrupt_records: 1,
        };
        assert_eq!(
            warc_summary(&counts).as_deref(),
            Some(
                "read 12 WARC records from 1 archive: 5 articles; skipped 7: 3 non-response records, \
                 2 non-HTML responses (application/pdf 1, image/png 1), 1 page without article text, 1 corrupt record"
            )
        );
        assert_eq!(warc_summary(&WarcCounts::default()), None);
    }

    fn content_types(pairs: &[(&str, u64)]) -> ContentTypeCounts {
        let mut counts = ContentTypeCounts::default();
        for (key, count) in pairs {
            counts.add(key, *count);
        }
        counts
    }

    #[test]
    fn the_content_type_breakdown_names_the_most_frequent_and_sums_the_rest() {
        assert_eq!(content_type_breakdown(&ContentTypeCounts::default()), "");
        let many = content_types(&[
            ("image/png", 9),
            ("application/pdf", 8),
            ("image/jpeg", 7),
            ("text/css", 6),
            ("application/javascript", 5),
            ("http 404", 4),
            ("image/gif", 3),
            ("font/woff2", 2),
        ]);
        assert_eq!(
            content_type_breakdown(&many),
            " (image/png 9, application/pdf 8, image/jpeg 7, text/css 6, application/javascript 5, http 404 4, other 5)"
        );
    }

    #[test]
    fn corrupt_warc_records_are_not_counted_twice_as_skipped_inputs() {
        let stats = ReadStats {
            documents: 5,
            errors: 3,
            warc: WarcCounts { archives: 1, corrupt_records: 2, ..WarcCounts::default() },
        };
        assert_eq!(inputs_skipped(&stats), 1);
    }
}
