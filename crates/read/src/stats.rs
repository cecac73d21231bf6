//! Counts of what a [`crate::DocumentStream`] has read: documents, errors, and what the WARC
//! archives among the inputs held (records read, articles found, records skipped by reason).
//!
//! Invariants:
//! - counting costs no memory per record: the counters are plain numbers, updated as the
//!   stream advances, so a snapshot taken at any time is exact up to the last item yielded;
//! - every WARC record is counted under exactly one outcome (article, non-response record,
//!   non-HTML response, page without article text, corrupt record); a corrupt record is also
//!   an error item of the stream, which names it;
//! - this module formats no text: callers (the CLI) decide how counts are shown.

use dyad_html::{ContentTypeCounts, WarcStats};
use std::sync::{Arc, Mutex, PoisonError};

/// What a document stream has read so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Documents yielded, from inputs of every format.
    pub documents: u64,
    /// Error items yielded: inputs, JSON Lines lines or WARC records that could not be read.
    pub errors: u64,
    /// What the WARC archives among the inputs held.
    pub warc: WarcCounts,
}

/// Outcomes of the records of the WARC archives read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WarcCounts {
    /// WARC files opened.
    pub archives: u64,
    /// Records whose headers could be read, whatever became of them.
    pub records: u64,
    /// HTML responses whose article was extracted: one document each.
    pub articles: u64,
    /// Records of another type than `response` (warcinfo, request, metadata, revisit, ...).
    pub non_response_records: u64,
    /// Responses whose payload is not HTML (PDFs, images, redirects without a body, ...).
    pub non_html_responses: u64,
    /// `non_html_responses` by media type ("application/pdf"), HTTP status ("http 404") or
    /// reason ("empty body"); at most 64 distinct keys, the rest under "other".
    pub non_html_content_types: ContentTypeCounts,
    /// HTML responses in which no article text was found.
    pub pages_without_text: u64,
    /// Malformed or truncated records and corrupt compression; each is also an error item.
    pub corrupt_records: u64,
}

impl WarcCounts {
    /// Records skipped for any reason, corrupt ones included.
    pub fn skipped(&self) -> u64 {
        self.non_response_records + self.non_html_responses + self.pages_without_text + self.corrupt_records
    }

    /// Adds what a `dyad_html::WarcReader` counted between two of its snapshots.
    fn add_progress(&mut self, before: &WarcStats, after: &WarcStats) {
        self.records += after.records.saturating_sub(before.records);
        self.articles += after.documents.saturating_sub(before.documents);
        self.non_response_records += after.skipped_record_types.saturating_sub(before.skipped_record_types);
        self.non_html_responses += after.skipped_content_types.saturating_sub(before.skipped_content_types);
        self.pages_without_text += after.skipped_without_text.saturating_sub(before.skipped_without_text);
        self.corrupt_records += after.errors.saturating_sub(before.errors);
    }
}

/// The counters a stream and its per-input readers share. A WARC reader lives inside the
/// boxed iterator of the stream, so the two cannot share a plain `&mut`; the mutex is taken
/// once per item, uncontended.
#[derive(Clone, Debug, Default)]
pub(crate) struct StatsRecorder {
    shared: Arc<Mutex<ReadStats>>,
}

impl StatsRecorder {
    pub(crate) fn snapshot(&self) -> ReadStats {
        self.with(|stats| stats.clone())
    }

    pub(crate) fn count_item<T, E>(&self, item: &Result<T, E>) {
        self.with(|stats| match item {
            Ok(_) => stats.documents += 1,
            Err(_) => stats.errors += 1,
        });
    }

    pub(crate) fn count_archive(&self) {
        self.with(|stats| stats.warc.archives += 1);
    }

    pub(crate) fn count_warc_progress(&self, before: &WarcStats, after: &WarcStats) {
        self.with(|stats| stats.warc.add_progress(before, after));
    }

    /// Adds the non-HTML responses a WARC reader skipped between two snapshots of its
    /// per-type counts.
    pub(crate) fn count_warc_content_types(&self, before: &ContentTypeCounts, after: &ContentTypeCounts) {
        self.with(|stats| stats.warc.non_html_content_types.add_difference(before, after));
    }

    /// Counters are plain numbers, so a panic elsewhere cannot leave them inconsistent:
    /// a poisoned lock is used as it is.
    fn with<T>(&self, action: impl FnOnce(&mut ReadStats) -> T) -> T {
        let mut stats = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
        action(&mut stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warc_progress_adds_the_difference_between_snapshots() {
        let recorder = StatsRecorder::default();
        let first = WarcStats { records: 3, documents: 1, skipped_record_types: 2, ..WarcStats::default() };
        let second = WarcStats {
            records: 7,
            documents: 2,
            skipped_record_types: 2,
            skipped_content_types: 1,
            skipped_without_text: 1,
            errors: 1,
        };
        recorder.count_warc_progress(&WarcStats::default(), &first);
        recorder.count_warc_progress(&first, &second);
        let counts = recorder.snapshot().warc;
        assert_eq!(counts.records, 7);
        assert_eq!(counts.articles, 2);
        assert_eq!(counts.non_response_records, 2);
        assert_eq!(counts.non_html_responses, 1);
        assert_eq!(counts.pages_without_text, 1);
        assert_eq!(counts.corrupt_records, 1);
        assert_eq!(counts.skipped(), 5);
    }

    #[test]
    fn content_types_of_several_archives_add_up() {
        let recorder = StatsRecorder::default();
        let mut first_archive = ContentTypeCounts::default();
        first_archive.add("application/pdf", 2);
        let mut second_archive_early = ContentTypeCounts::default();
        second_archive_early.add("image/png", 1);
        let mut second_archive_late = second_archive_early.clone();
        second_archive_late.add("application/pdf", 1);
        recorder.count_warc_content_types(&ContentTypeCounts::default(), &first_archive);
        recorder.count_warc_content_types(&ContentTypeCounts::default(), &second_archive_early);
        recorder.count_warc_content_types(&second_archive_early, &second_archive_late);
        let counts = recorder.snapshot().warc.non_html_content_types;
        assert_eq!(counts.most_frequent_first(), vec![("application/pdf", 3), ("image/png", 1)]);
    }

    #[test]
    fn items_are_counted_as_documents_or_errors() {
        let recorder = StatsRecorder::default();
        recorder.count_item::<(), ()>(&Ok(()));
        recorder.count_item::<(), ()>(&Ok(()));
        recorder.count_item::<(), ()>(&Err(()));
        let stats = recorder.snapshot();
        assert_eq!((stats.documents, stats.errors), (2, 1));
    }
}
