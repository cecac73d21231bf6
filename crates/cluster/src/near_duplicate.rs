//! Near-duplicate documents: the same wire story republished, retitled or trimmed.
//!
//! Each body becomes the set of its 4-word shingles (the window the project's extraction
//! metric uses); a MinHash signature of [`SIGNATURE_LENGTH`] values summarises the set, and
//! locality-sensitive hashing over [`BANDS`] bands of [`ROWS_PER_BAND`] values finds the
//! earlier documents worth comparing, so an insert looks at a handful of candidates instead
//! of every document.
//!
//! Similarity is *containment*: the share of the smaller document's shingles found in the
//! larger one, estimated from the MinHash Jaccard estimate and both set sizes. A copy that
//! keeps the wire story but drops its last paragraphs or changes the headline scores near 1,
//! although its Jaccard similarity with the full story may be only 0.5.
//!
//! Invariants: hashing uses fixed seeds ([`crate::text`]), so signatures and answers are the
//! same on every run; a document with fewer than [`MINIMUM_SHINGLES`] shingles is indexed
//! but never reported as a duplicate (too little text to tell a copy from a coincidence).
//! Detection is reliable while the copy keeps roughly 40% or more of the longer text; a
//! short excerpt of a long story is too different in size for the estimate.

use crate::error::ClusterError;
use crate::text::{fnv1a, mix, words};
use std::collections::HashMap;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 4;
/// Bands of the LSH index; with 3 rows a pair with Jaccard 0.4 is a candidate 93% of the time,
/// one with Jaccard 0.05 (shared boilerplate) only 0.5% of the time.
pub const BANDS: usize = 42;
pub const ROWS_PER_BAND: usize = 3;
pub const SIGNATURE_LENGTH: usize = BANDS * ROWS_PER_BAND;
/// Fewer shingles than this and a document is never called a duplicate, nor found as one's original.
pub const MINIMUM_SHINGLES: usize = 10;

/// The earlier document an inserted one copies.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateOf {
    pub doc_id: String,
    /// Estimated share of the smaller document's shingles that the larger one contains, in [0, 1].
    pub similarity: f64,
}

struct IndexedDocument {
    doc_id: String,
    shingle_count: usize,
    signature: Box<[u64; SIGNATURE_LENGTH]>,
}

/// An incremental near-duplicate index: insert documents one by one; each insert reports the
/// most similar earlier document at or above the threshold.
pub struct NearDuplicateIndex {
    threshold: f64,
    seeds: [u64; SIGNATURE_LENGTH],
    documents: Vec<IndexedDocument>,
    /// Band hash → indices into `documents` of the documents with that band.
    buckets: HashMap<u64, Vec<u32>>,
}

impl NearDuplicateIndex {
    /// An empty index that reports pairs whose containment similarity is at least `threshold`
    /// (0.8 finds retitled and trimmed copies while leaving different reports of one event apart).
    pub fn new(threshold: f64) -> Result<NearDuplicateIndex, ClusterError> {
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(ClusterError::InvalidThreshold(threshold));
        }
        let mut seeds = [0u64; SIGNATURE_LENGTH];
        for (position, seed) in seeds.iter_mut().enumerate() {
            *seed = mix(0x6479_6164_5f6d_6868 ^ position as u64);
        }
        Ok(NearDuplicateIndex { threshold, seeds, documents: Vec::new(), buckets: HashMap::new() })
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// Adds a document and returns the earlier document it copies, if any: the one with the
    /// highest similarity at or above the threshold, the earliest inserted on a tie.
    pub fn insert(&mut self, doc_id: &str, body: &str) -> Option<DuplicateOf> {
        let shingles = shingle_hashes(body);
        let signature = self.signature(&shingles);
        let band_keys = band_keys(&signature);
        let best = if shingles.len() >= MINIMUM_SHINGLES {
            self.best_match(&signature, shingles.len(), &band_keys)
        } else {
            None
        };
        let index = self.documents.len() as u32;
        for key in band_keys {
            self.buckets.entry(key).or_default().push(index);
        }
        self.documents.push(IndexedDocument { doc_id: doc_id.to_string(), shingle_count: shingles.len(), signature });
        best
    }

    fn best_match(
        &self,
        signature: &[u64; SIGNATURE_LENGTH],
        shingle_count: usize,
        band_keys: &[u64],
    ) -> Option<DuplicateOf> {
        let mut candidates: Vec<u32> =
            band_keys.iter().filter_map(|key| self.buckets.get(key)).flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, u32)> = None;
        for candidate in candidates {
            let other = &self.documents[candidate as usize];
            if other.shingle_count < MINIMUM_SHINGLES {
                continue;
            }
            let similarity = containment(signature, &other.signature, shingle_count, other.shingle_count);
            // Candidates come in insertion order, so a strict `>` keeps the earliest on a tie.
            if similarity >= self.threshold && best.is_none_or(|(top, _)| similarity > top) {
                best = Some((similarity, candidate));
            }
        }
        best.map(|(similarity, candidate)| DuplicateOf {
            doc_id: self.documents[candidate as usize].doc_id.clone(),
            similarity,
        })
    }

    fn signature(&self, shingles: &[u64]) -> Box<[u64; SIGNATURE_LENGTH]> {
        let mut signature = Box::new([u64::MAX; SIGNATURE_LENGTH]);
        for shingle in shingles {
            for (slot, seed) in signature.iter_mut().zip(&self.seeds) {
                let value = mix(shingle ^ seed);
                if value < *slot {
                    *slot = value;
                }
            }
        }
        signature
    }
}

/// Distinct hashes of the body's 4-word windows; a body shorter than one window is one shingle.
fn shingle_hashes(body: &str) -> Vec<u64> {
    let tokens: Vec<String> = words(body).collect();
    if tokens.is_empty() {
        return Vec::new();
    }
    let window = SHINGLE_WORDS.min(tokens.len());
    let mut hashes: Vec<u64> = tokens.windows(window).map(|shingle| fnv1a(shingle.join(" ").as_bytes())).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

fn band_keys(signature: &[u64; SIGNATURE_LENGTH]) -> Vec<u64> {
    signature
        .chunks(ROWS_PER_BAND)
        .enumerate()
        .map(|(band, rows)| rows.iter().fold(mix(band as u64), |key, row| mix(key ^ row)))
        .collect()
}

/// Estimated |A∩B| / min(|A|,|B|) from the MinHash Jaccard estimate J: |A∩B| = J(|A|+|B|)/(1+J).
fn containment(
    first: &[u64; SIGNATURE_LENGTH],
    second: &[u64; SIGNATURE_LENGTH],
    first_count: usize,
    second_count: usize,
) -> f64 {
    let agreeing = first.iter().zip(second.iter()).filter(|(a, b)| a == b).count();
    let jaccard = agreeing as f64 / SIGNATURE_LENGTH as f64;
    let intersection = jaccard * (first_count + second_count) as f64 / (1.0 + jaccard);
    let smaller = first_count.min(second_count).max(1) as f64;
    (intersection / smaller).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE_STORY: &str = "MOSCOW, July 24 - Russian President Vladimir Putin held talks with Syrian \
        President Bashar al-Assad in the Kremlin on Wednesday, the two leaders' first meeting in more \
        than a year, as Moscow sought to shore up its ally amid renewed fighting in northern Syria.\n\n\
        The Kremlin said the talks covered the situation in the Middle East, trade between the two \
        countries and reconstruction projects financed by Russian companies. Assad thanked Putin for \
        what he called Russia's steadfast support, according to a transcript released by the Kremlin.\n\n\
        Putin told Assad that tensions in the region were escalating and that Syria's position \
        required attention. Neither side announced new agreements after the meeting, which lasted \
        more than three hours and included a working dinner.";

    const OTHER_STORY: &str = "ANKARA, July 24 - Turkish police detained dozens of protesters in \
        central Ankara on Wednesday after a march against rising food prices turned violent, the \
        interior ministry said. Officers used tear gas and water cannon to break up crowds near the \
        parliament building. Opposition leaders condemned the arrests and called for a new rally \
        on Saturday, while the government blamed foreign-funded groups for the unrest. Prices of \
        bread and cooking oil have nearly doubled since January, according to official figures.";

    fn index() -> NearDuplicateIndex {
        NearDuplicateIndex::new(0.8).expect("0.8 is a valid threshold")
    }

    #[test]
    fn a_retitled_and_trimmed_wire_copy_is_a_near_duplicate() {
        let mut index = index();
        assert_eq!(index.insert("wire", WIRE_STORY), None);
        let trimmed_end = WIRE_STORY.rfind("\n\n").expect("the story has paragraphs");
        let copy = format!("Putin hosts Assad in Moscow\n\n{}", &WIRE_STORY[..trimmed_end]);
        let found = index.insert("copy", &copy).expect("the copy is found");
        assert_eq!(found.doc_id, "wire");
        assert!(found.similarity >= 0.8, "similarity {}", found.similarity);
    }

    #[test]
    fn a_different_story_is_not_a_near_duplicate() {
        let mut index = index();
        index.insert("wire", WIRE_STORY);
        assert_eq!(index.insert("other", OTHER_STORY), None);
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn the_most_similar_earlier_document_is_reported() {
        let mut index = index();
        index.insert("other", OTHER_STORY);
        index.insert("wire", WIRE_STORY);
        let found = index.insert("again", WIRE_STORY).expect("an exact copy is found");
        assert_eq!(found, DuplicateOf { doc_id: "wire".into(), similarity: 1.0 });
    }

    #[test]
    fn very_short_texts_are_never_duplicates() {
        let mut index = index();
        index.insert("first", "Putin met Assad.");
        assert_eq!(index.insert("second", "Putin met Assad."), None);
        assert_eq!(index.insert("empty", ""), None);
    }

    #[test]
    fn invalid_thresholds_are_rejected() {
        for threshold in [0.0, -0.5, 1.5, f64::NAN] {
            assert!(matches!(NearDuplicateIndex::new(threshold), Err(ClusterError::InvalidThreshold(_))));
        }
    }
}
