//! Evaluation against public gold standards: the PETRARCH validation suite, the PLOVER gold
//! records and the news development set; and against the annotated passages written for dyad
//! (`data/annotated/`), which score time expressions and quote attribution.
//!
//! Each evaluation is one function returning a report whose `Display` is a set of readable
//! tables; the CLI prints them. Every evaluation codes through [`dyad_pipeline::Pipeline`], the
//! same code path as `dyad code`, so the numbers describe what users get.
//!
//! Invariants:
//! - reports are a pure function of the input files and the dictionaries (plus, for the news
//!   set, the fallback date of undated documents), listed in input order;
//! - gold files are only read, never copied: tests use texts written for this crate and read
//!   `../shared` only where it is present.

mod annotated;
mod coding;
mod error;
mod matching;
mod news;
mod petrarch;
mod petrarch_file;
mod plover;
mod stories;
mod table;

pub use annotated::{
    AnnotatedDocument, AnnotatedReport, EventDateOutcome, GoldEventDate, GoldQuote, GoldTime, QuoteOutcome,
    TimeOutcome, evaluate_annotated, evaluate_annotated_with, read_annotated_documents,
};
pub use error::EvalError;
pub use matching::{any_overlap, describe_event, entity_code, gold_code_overlaps, petrarch_code_matches};
pub use news::{
    FoundHeadline, Headline, HeadlineAlternative, NewsDocument, NewsOutcome, NewsReport, evaluate_news,
    evaluate_news_with, meets_headline,
};
pub use petrarch::{
    FailureCause, PassCounts, PetrarchReport, RecordOutcome, Scope, evaluate_petrarch, event_meets, judge,
};
pub use petrarch_file::{
    Environment, Expectation, ExpectedCoding, ValidationFile, ValidationRecord, parse_compact_date,
};
pub use plover::{
    CONFIDENCE_BINS, GoldActor, HeldOutReliability, MatchLevel, PloverMiss, PloverOutcome, PloverRecord, PloverReport,
    ReliabilityBin, Scores, evaluate_plover, evaluate_plover_with, match_level, plover_08_label, read_plover_records,
};
pub use stories::{NEAR_DUPLICATE_THRESHOLD, StoriesReport, evaluate_stories, evaluate_stories_with};
pub use table::TextTable;

#[cfg(test)]
mod test_support;

#[cfg(test)]
mod determinism_tests;
