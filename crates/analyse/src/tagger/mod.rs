//! An averaged-perceptron part-of-speech tagger (after Honnibal's "A good POS tagger in
//! about 200 lines of Python"), with hashed features and a compact binary model.
//!
//! Invariants: training is deterministic (same sentences, iterations and seed give the same
//! bytes from [`Tagger::to_bytes`]); `Tagger::from_bytes(&tagger.to_bytes())` tags exactly
//! like the quantised tagger it came from; tagging never allocates per token.

mod features;
mod model_format;
mod training;

use crate::{AnalyseError, Tag, TaggedSentence};
use dyad_perceptron::HashedKeyMap;
use features::{HashingBuffers, MAX_FEATURES, START_TAG, START2_TAG, tag_value, token_features};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The model shipped in the repository; see `crates/analyse/TRAINING.md`.
static EMBEDDED_MODEL: &[u8] = include_bytes!("../../model/pos-tagger.bin");

/// A trained part-of-speech tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    weights: FeatureTable,
    /// Frequent words that (nearly) always carry one tag, keyed by the hash of the word as
    /// written: tagged without scoring, which is both faster and, for them, more accurate.
    tag_dictionary: HashedKeyMap<u8>,
}

thread_local! {
    static BUFFERS: RefCell<(HashingBuffers, Vec<u64>)> = RefCell::new((HashingBuffers::default(), Vec::with_capacity(MAX_FEATURES)));
}

impl Tagger {
    /// The tagger shipped with dyad, parsed on first use.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            // The model is a file of this crate, checked by the tests; failing here is a
            // packaging bug, not a user error.
            Tagger::from_bytes(EMBEDDED_MODEL).expect("the embedded tagger model is valid")
        })
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, AnalyseError> {
        model_format::read(bytes)
    }

    /// The model in its compact binary form (weights quantised to 16 bits).
    pub fn to_bytes(&self) -> Vec<u8> {
        model_format::write(self)
    }

    /// Trains a tagger on `(words, tags)` sentences. Deterministic for a given `seed`.
    pub fn train(sentences: &[TaggedSentence], iterations: usize, seed: u64) -> Tagger {
        training::train(sentences, iterations, seed)
    }

    /// One tag per word, predicted left to right.
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<Tag> {
        BUFFERS.with(|cell| {
            let mut buffers = cell.borrow_mut();
            let (hashing, features) = &mut *buffers;
            hashing.hash_sentence(words);
            let mut tags = Vec::with_capacity(words.len());
            let mut previous = START_TAG;
            let mut second_previous = START2_TAG;
            for position in 0..words.len() {
                let class = match self.tag_dictionary.get(&hashing.context[position + 2].exact) {
                    Some(class) => usize::from(*class),
                    None => {
                        token_features(&hashing.context, position, previous, second_previous, features);
                        self.weights.best_class(features)
                    }
                };
                tags.push(Tag::ALL[class]);
                second_previous = previous;
                previous = tag_value(class);
            }
            tags
        })
    }

    /// Number of features with at least one weight.
    pub fn feature_count(&self) -> usize {
        self.weights.feature_count()
    }
}

/// Feature hash → sparse weights per tag, in an open-addressing table.
///
/// Invariant: `slots.len()` is a power of two larger than the number of features; a slot
/// with key 0 is empty (features are never 0). A sparse feature's weights are
/// `entries[start..start + length]`, each packing a class (low 8 bits) and a weight in
/// units of `scale` (high 16 bits, signed); a dense feature (`length == DENSE`) has one
/// weight per class at `dense[start * Tag::COUNT..][..Tag::COUNT]`.
///
/// This lookup is the hot path of the whole analysis. Key and range share one 16-byte slot;
/// features with weights for many classes (the bias, previous tags, shapes) are dense rows
/// that the compiler adds with vector instructions, instead of long chains of scattered
/// adds into the score array.
#[derive(Clone, Debug, Default)]
struct FeatureTable {
    slots: Vec<Slot>,
    entries: Vec<u32>,
    dense: Vec<i16>,
    feature_count: usize,
    scale: f32,
}

/// `Slot::length` of a feature stored as a dense row.
const DENSE: u32 = u32::MAX;

/// Features with more weights than this are stored dense.
const DENSE_ABOVE: usize = 8;

/// A feature's weights, as stored.
enum Weights<'a> {
    Sparse(&'a [u32]),
    Dense(&'a [i16]),
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    start: u32,
    length: u32,
}

fn pack_entry(class: u8, quanta: i16) -> u32 {
    (u32::from(quanta as u16) << 16) | u32::from(class)
}

fn unpack_entry(entry: u32) -> (u8, i16) {
    ((entry & 0xff) as u8, (entry >> 16) as u16 as i16)
}

impl FeatureTable {
    /// Builds the table from rows of distinct features, each a list of (class, weight in
    /// units of `scale`) with classes below `Tag::COUNT`.
    fn from_rows(rows: Vec<(u64, Vec<(u8, i16)>)>, scale: f32) -> FeatureTable {
        // Load factor between 3/8 and 3/4: short probe runs, and a table that stays small.
        let capacity = (rows.len() * 4 / 3 + 1).max(16).next_power_of_two();
        let mut table = FeatureTable {
            slots: vec![Slot::default(); capacity],
            entries: Vec::new(),
            dense: Vec::new(),
            feature_count: rows.len(),
            scale,
        };
        for (key, weights) in rows {
            let slot = if weights.len() > DENSE_ABOVE {
                let start = (table.dense.len() / Tag::COUNT) as u32;
                let mut row = [0i16; Tag::COUNT];
                for (class, quanta) in &weights {
                    row[usize::from(*class)] = *quanta;
                }
                table.dense.extend_from_slice(&row);
                Slot { key, start, length: DENSE }
            } else {
                let start = table.entries.len() as u32;
                table.entries.extend(weights.iter().map(|(class, quanta)| pack_entry(*class, *quanta)));
                Slot { key, start, length: weights.len() as u32 }
            };
            let index = table.slot_for(key);
            table.slots[index] = slot;
        }
        table
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot_for(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = (key as usize) & mask;
        while self.slots[slot].key != 0 && self.slots[slot].key != key {
            slot = (slot + 1) & mask;
        }
        slot
    }

    fn weights(&self, key: u64) -> Weights<'_> {
        if self.slots.is_empty() {
            return Weights::Sparse(&[]);
        }
        let slot = self.slots[self.slot_for(key)];
        if slot.key == 0 {
            return Weights::Sparse(&[]);
        }
        let start = slot.start as usize;
        if slot.length == DENSE {
            Weights::Dense(&self.dense[start * Tag::COUNT..(start + 1) * Tag::COUNT])
        } else {
            Weights::Sparse(&self.entries[start..start + slot.length as usize])
        }
    }

    /// A feature's non-zero (class, quantised weight) pairs in class order.
    fn class_weights(&self, key: u64) -> Vec<(u8, i16)> {
        match self.weights(key) {
            Weights::Sparse(entries) => entries.iter().map(|entry| unpack_entry(*entry)).collect(),
            Weights::Dense(row) => row
                .iter()
                .enumerate()
                .filter(|(_, quanta)| **quanta != 0)
                .map(|(class, quanta)| (class as u8, *quanta))
                .collect(),
        }
    }

    fn feature_count(&self) -> usize {
        self.feature_count
    }

    /// Every feature with its (class, quantised weight) list, in increasing feature order.
    fn sorted_rows(&self) -> Vec<(u64, Vec<(u8, i16)>)> {
        let mut rows: Vec<(u64, Vec<(u8, i16)>)> = self
            .slots
            .iter()
            .filter(|slot| slot.key != 0)
            .map(|slot| (slot.key, self.class_weights(slot.key)))
            .collect();
        rows.sort_unstable_by_key(|(key, _)| *key);
        rows
    }

    /// The class with the highest summed weight; ties go to the lower class index.
    fn best_class(&self, features: &[u64]) -> usize {
        let mut scores = [0i32; Tag::COUNT];
        for feature in features {
            match self.weights(*feature) {
                Weights::Dense(row) => {
                    for (score, quanta) in scores.iter_mut().zip(row) {
                        *score += i32::from(*quanta);
                    }
                }
                Weights::Sparse(entries) => {
                    for entry in entries {
                        let (class, quanta) = unpack_entry(*entry);
                        if let Some(score) = scores.get_mut(usize::from(class)) {
                            *score += i32::from(quanta);
                        }
                    }
                }
            }
        }
        argmax(&scores)
    }
}

fn argmax<T: PartialOrd>(scores: &[T]) -> usize {
    let mut best = 0;
    for (class, score) in scores.iter().enumerate() {
        if *score > scores[best] {
            best = class;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_of(tagger: &Tagger, sentence: &str) -> Vec<(String, &'static str)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let tags = tagger.tag(&words);
        words.iter().map(|word| word.to_string()).zip(tags.iter().map(Tag::as_str)).collect()
    }

    #[test]
    fn embedded_model_tags_a_news_sentence() {
        let tagged = tags_of(Tagger::embedded(), "The president met his counterpart in Moscow on Wednesday .");
        let tag_of = |word: &str| tagged.iter().find(|(w, _)| w == word).map(|(_, tag)| *tag);
        assert_eq!(tag_of("met"), Some("VBD"), "{tagged:?}");
        assert_eq!(tag_of("Moscow"), Some("NNP"), "{tagged:?}");
        assert_eq!(tag_of("The"), Some("DT"), "{tagged:?}");
        assert_eq!(tag_of("counterpart"), Some("NN"), "{tagged:?}");
    }

    #[test]
    fn embedded_model_tags_common_news_verbs() {
        let tagger = Tagger::embedded();
        let cases = [
            ("Rebels attacked a convoy near Aleppo on Sunday .", "attacked", "VBD"),
            ("The minister told reporters that talks would resume .", "told", "VBD"),
            ("Russia launched missiles at the city overnight .", "launched", "VBD"),
            ("Officials said the strikes were targeting militants .", "targeting", "VBG"),
            ("Officials said the strikes were targeting militants .", "said", "VBD"),
            ("The army has attacked the town twice .", "attacked", "VBN"),
            ("Protesters say the police attack them daily .", "say", "VBP"),
            ("The government says it will respond .", "says", "VBZ"),
        ];
        for (sentence, word, expected) in cases {
            let tagged = tags_of(tagger, sentence);
            let found = tagged.iter().find(|(w, _)| w == word).map(|(_, tag)| *tag);
            assert_eq!(found, Some(expected), "{word} in {sentence:?}: {tagged:?}");
        }
    }

    #[test]
    fn embedded_model_round_trips_through_bytes() {
        let tagger = Tagger::embedded();
        let again = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        let words = ["Syrian", "forces", "shelled", "al-Bab", "on", "Friday", ",", "activists", "said", "."];
        assert_eq!(tagger.tag(&words), again.tag(&words));
        assert_eq!(tagger.feature_count(), again.feature_count());
    }

    #[test]
    fn empty_sentence_gives_no_tags() {
        assert!(Tagger::embedded().tag::<&str>(&[]).is_empty());
    }

    #[test]
    fn argmax_prefers_the_lower_class_on_ties() {
        assert_eq!(argmax(&[1.0, 3.0, 3.0]), 1);
        assert_eq!(argmax(&[0, 0]), 0);
    }

    #[test]
    fn entries_pack_class_and_signed_weight() {
        for (class, quanta) in [(0u8, 0i16), (50, -1), (7, i16::MAX), (3, i16::MIN)] {
            assert_eq!(unpack_entry(pack_entry(class, quanta)), (class, quanta));
        }
    }
}
