//! Averaged-perceptron training.
//!
//! Deterministic: sentence order is shuffled by a seeded SplitMix64 generator, the weight map
//! uses a fixed hasher, and the finished rows are sorted by feature hash.

use super::features::{HashingBuffers, MAX_FEATURES, START_TAG, START2_TAG, tag_value, token_features};
use super::{FeatureTable, Tagger, argmax, model_format};
use crate::{Tag, TaggedSentence};
use dyad_perceptron::HashedKeyMap;

/// A word goes into the tag dictionary when seen at least this often...
const TAG_DICTIONARY_MIN_COUNT: u32 = 20;
/// ...with one tag at least this share of the time.
const TAG_DICTIONARY_MIN_SHARE: f64 = 0.97;

type FastMap<V> = HashedKeyMap<V>;

pub(super) fn train(sentences: &[TaggedSentence], iterations: usize, seed: u64) -> Tagger {
    let tag_dictionary = build_tag_dictionary(sentences);
    let mut perceptron = AveragedPerceptron::default();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut random = SplitMix64(seed);
    let mut hashing = HashingBuffers::default();
    let mut features = Vec::with_capacity(MAX_FEATURES);
    for _ in 0..iterations {
        shuffle(&mut order, &mut random);
        for &index in &order {
            let (words, tags) = &sentences[index];
            hashing.hash_sentence(words);
            let mut previous = START_TAG;
            let mut second_previous = START2_TAG;
            for (position, truth) in tags.iter().enumerate().take(words.len()) {
                let guess = match tag_dictionary.get(&hashing.context[position + 2].exact) {
                    Some(class) => usize::from(*class),
                    None => {
                        token_features(&hashing.context, position, previous, second_previous, &mut features);
                        let guess = perceptron.predict(&features);
                        perceptron.update(truth.index(), guess, &features);
                        guess
                    }
                };
                second_previous = previous;
                previous = tag_value(guess);
            }
        }
    }
    let (scale, rows) = model_format::quantise(perceptron.averaged_rows());
    Tagger { weights: FeatureTable::from_rows(rows, scale), tag_dictionary }
}

/// Words (as written) that are frequent and nearly unambiguous, with their tag.
fn build_tag_dictionary(sentences: &[TaggedSentence]) -> FastMap<u8> {
    let mut counts: FastMap<[u32; Tag::COUNT]> = FastMap::default();
    let mut hashing = HashingBuffers::default();
    for (words, tags) in sentences {
        hashing.hash_sentence(words);
        for (position, tag) in tags.iter().enumerate().take(words.len()) {
            counts.entry(hashing.context[position + 2].exact).or_insert([0; Tag::COUNT])[tag.index()] += 1;
        }
    }
    let mut dictionary = FastMap::default();
    for (word, tag_counts) in counts {
        let total: u32 = tag_counts.iter().sum();
        let scores: Vec<f32> = tag_counts.iter().map(|count| *count as f32).collect();
        let best = argmax(&scores);
        let share = f64::from(tag_counts[best]) / f64::from(total);
        if total >= TAG_DICTIONARY_MIN_COUNT && share >= TAG_DICTIONARY_MIN_SHARE {
            dictionary.insert(word, best as u8);
        }
    }
    dictionary
}

/// One weight of one feature for one class, with what averaging needs.
#[derive(Clone, Copy, Debug)]
struct WeightCell {
    class: u8,
    weight: f32,
    /// Sum of this weight over all instances up to `stamp`.
    total: f64,
    /// Instance count when `total` was last brought up to date.
    stamp: u64,
}

#[derive(Default)]
struct AveragedPerceptron {
    rows: FastMap<Vec<WeightCell>>,
    instances: u64,
}

impl AveragedPerceptron {
    fn predict(&self, features: &[u64]) -> usize {
        let mut scores = [0f32; Tag::COUNT];
        for feature in features {
            for cell in self.rows.get(feature).into_iter().flatten() {
                scores[usize::from(cell.class)] += cell.weight;
            }
        }
        argmax(&scores)
    }

    fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        self.instances += 1;
        if truth == guess {
            return;
        }
        for feature in features {
            self.add(*feature, truth, 1.0);
            self.add(*feature, guess, -1.0);
        }
    }

    fn add(&mut self, feature: u64, class: usize, delta: f32) {
        let instances = self.instances;
        let cells = self.rows.entry(feature).or_default();
        let index = match cells.iter().position(|cell| usize::from(cell.class) == class) {
            Some(index) => index,
            None => {
                cells.push(WeightCell { class: class as u8, weight: 0.0, total: 0.0, stamp: instances });
                cells.len() - 1
            }
        };
        let cell = &mut cells[index];
        cell.total += (instances - cell.stamp) as f64 * f64::from(cell.weight);
        cell.stamp = instances;
        cell.weight += delta;
    }

    /// Each feature's weights averaged over every instance seen, sorted by feature hash and
    /// class; zero averages are left out.
    fn averaged_rows(&self) -> Vec<(u64, Vec<(u8, f32)>)> {
        let instances = self.instances.max(1) as f64;
        let mut rows: Vec<(u64, Vec<(u8, f32)>)> = self
            .rows
            .iter()
            .map(|(feature, cells)| {
                let mut averaged: Vec<(u8, f32)> = cells
                    .iter()
                    .map(|cell| {
                        let total = cell.total + (self.instances - cell.stamp) as f64 * f64::from(cell.weight);
                        (cell.class, (total / instances) as f32)
                    })
                    .filter(|(_, weight)| *weight != 0.0)
                    .collect();
                averaged.sort_by_key(|(class, _)| *class);
                (*feature, averaged)
            })
            .filter(|(_, averaged)| !averaged.is_empty())
            .collect();
        rows.sort_by_key(|(feature, _)| *feature);
        rows
    }
}

/// SplitMix64: a tiny, well-mixed generator, enough for shuffling reproducibly.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut value = self.0;
        value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        value ^ (value >> 31)
    }

    /// A number in `0..bound` (bound > 0); the tiny modulo bias does not matter for shuffling.
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// Fisher–Yates shuffle.
fn shuffle(items: &mut [usize], random: &mut SplitMix64) {
    for last in (1..items.len()).rev() {
        let other = random.below(last + 1);
        items.swap(last, other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, tags: &[Tag]) -> (Vec<String>, Vec<Tag>) {
        (text.split(' ').map(str::to_string).collect(), tags.to_vec())
    }

    fn toy_corpus() -> Vec<TaggedSentence> {
        use Tag::*;
        let mut corpus = Vec::new();
        for _ in 0..5 {
            corpus.push(sentence("the army attacked the town .", &[DT, NN, VBD, DT, NN, Period]));
            corpus.push(sentence("rebels attack the base .", &[NNS, VBP, DT, NN, Period]));
            corpus.push(sentence("the attack failed .", &[DT, NN, VBD, Period]));
            corpus.push(sentence("police arrested protesters .", &[NNS, VBD, NNS, Period]));
        }
        corpus
    }

    #[test]
    fn learns_a_toy_corpus_and_uses_context() {
        let tagger = Tagger::train(&toy_corpus(), 5, 7);
        assert_eq!(tagger.tag(&["the", "attack", "failed", "."]), vec![Tag::DT, Tag::NN, Tag::VBD, Tag::Period]);
        assert_eq!(
            tagger.tag(&["rebels", "attack", "the", "base", "."]),
            vec![Tag::NNS, Tag::VBP, Tag::DT, Tag::NN, Tag::Period]
        );
    }

    #[test]
    fn training_is_deterministic_and_survives_serialisation() {
        let first = Tagger::train(&toy_corpus(), 3, 42);
        let second = Tagger::train(&toy_corpus(), 3, 42);
        assert_eq!(first.to_bytes(), second.to_bytes());
        let reloaded = Tagger::from_bytes(&first.to_bytes()).unwrap();
        let words = ["police", "attacked", "the", "rebels", "."];
        assert_eq!(first.tag(&words), reloaded.tag(&words));
        assert_eq!(reloaded.to_bytes(), first.to_bytes());
    }

    #[test]
    fn shuffle_is_a_seeded_permutation() {
        let mut items: Vec<usize> = (0..50).collect();
        shuffle(&mut items, &mut SplitMix64(1));
        let mut again: Vec<usize> = (0..50).collect();
        shuffle(&mut again, &mut SplitMix64(1));
        assert_eq!(items, again);
        assert_ne!(items, (0..50).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..50).collect::<Vec<_>>());
    }
}
