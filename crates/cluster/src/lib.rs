//! Stories: grouping the many reports of one real-world event.
//!
//! GDELT and ICEWS count articles, not events; dyad groups reports into stories and keeps
//! every report as evidence. Three parts:
//! - [`NearDuplicateIndex`]: the same wire text republished (retitled, trimmed), by MinHash
//!   over word shingles with LSH banding;
//! - [`StoryClusterer`]: documents and their events assigned to stories incrementally. A
//!   document's story is decided on document-level evidence (TF-IDF wording with the lead
//!   weighted, shared names, actor codes, publication and stated dates, vetoes for near
//!   misses) together with its events' tuples (family, roles, date, place, wording); blocking
//!   by date window and keys keeps each document's cost to its own block;
//! - [`evaluation`]: B-cubed scores of document clusters against a gold grouping.
//!
//! Everything is deterministic: fixed hash seeds, no iteration over unordered maps where
//! order matters, and story ids derived from each story's first member.

mod dates;
mod document;
mod document_stories;
mod error;
pub mod evaluation;
mod family;
mod features;
mod near_duplicate;
mod stories;
mod text;

pub use dates::{DateEvidence, DayRange, REPORTING_DELAY_DAYS, TIME_ZONE_SLACK_DAYS};
pub use document::LEAD_WORDS;
pub use document_stories::{JOIN_SCORE, MAX_PUBLICATION_SPREAD_DAYS, MAX_UNDATED_SCAN, MIN_TEXT_SIMILARITY};
pub use error::ClusterError;
pub use evaluation::{
    BCubed, bcubed, document_clusters, document_clusters_from_stories, headline_event, merged_gold_clusters,
    non_political_not_alone, read_news_clusters,
};
pub use family::EventFamily;
pub use near_duplicate::{DuplicateOf, NearDuplicateIndex};
pub use stories::{
    DocumentAssignment, DocumentInfo, MAX_STORY_WORDS, Story, StoryAssignment, StoryClusterer, StoryMember,
    StorySource, url_host, wording_threshold,
};

#[cfg(test)]
mod tests;
