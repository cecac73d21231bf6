//! Averaged-perceptron training of the parser with a dynamic oracle and error exploration
//! (Goldberg & Nivre 2012): in the first iteration the parser follows the best zero-cost
//! move; afterwards it follows its own prediction with probability [`EXPLORATION`], so it
//! learns to act well after its own mistakes.
//!
//! Deterministic: sentence order and exploration draw from a seeded SplitMix64 generator,
//! the labels are sorted, and the model's rows are sorted by key.

use crate::features::{self, MAX_FEATURES, TokenContext, sentence_context};
use crate::model::{self, FeatureTable};
use crate::projective::projectivise;
use crate::transition::{GoldTree, Move, State, class_count, cost};
use crate::{ParseError, Parser, ROOT_RELATION, TreeSentence};
use dyad_perceptron::HashedKeyMap;
use std::collections::BTreeSet;

/// Probability of following the model's own move after the first iteration.
const EXPLORATION: f64 = 0.9;

/// Weights below this many quanta (1/32767 of the largest weight each) are dropped from
/// the trained model: on held-out GUM documents, pruning at 300 changed nothing and at 450
/// or 600 cost 0.2–0.5 LAS points, shrinking the model from 10.5 MB to 8.6 (300), 4 (450)
/// or 3.3 MB (600).
pub const MODEL_PRUNE_QUANTA: i16 = 300;

/// Cost of an invalid move, above any real cost.
const INVALID: usize = usize::MAX;

impl Parser {
    /// Trains a parser on gold trees (made projective by lifting first, see
    /// [`crate::projective`]). Deterministic for a given `seed`.
    pub fn train(sentences: &[TreeSentence], iterations: usize, seed: u64) -> Result<Parser, ParseError> {
        let labels = collect_labels(sentences)?;
        let examples = prepare_examples(sentences, &labels)?;
        let root_label = label_index(&labels, ROOT_RELATION)?;
        let classes = class_count(labels.len());
        let mut perceptron = AveragedPerceptron::new(classes);
        let mut trainer = Trainer::new(classes, root_label);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut random = SplitMix64(seed);
        for iteration in 0..iterations {
            shuffle(&mut order, &mut random);
            for &index in &order {
                trainer.train_sentence(&examples[index], &mut perceptron, &mut random, iteration > 0);
            }
        }
        let (scale, rows) = model::quantise(perceptron.averaged_rows());
        Ok(Parser::from_parts(labels, FeatureTable::from_rows(rows, scale, classes))?.pruned(MODEL_PRUNE_QUANTA))
    }
}

/// The relations of the training data, sorted; "root" must be among them.
fn collect_labels(sentences: &[TreeSentence]) -> Result<Vec<String>, ParseError> {
    let labels: BTreeSet<&str> =
        sentences.iter().flat_map(|sentence| sentence.relations.iter().map(String::as_str)).collect();
    if labels.len() > model::MAX_LABELS {
        return Err(ParseError::InvalidTraining(format!(
            "{} distinct relations, at most {} allowed",
            labels.len(),
            model::MAX_LABELS
        )));
    }
    if !labels.contains(ROOT_RELATION) {
        return Err(ParseError::InvalidTraining("no sentence has a \"root\" relation".to_string()));
    }
    Ok(labels.into_iter().map(str::to_string).collect())
}

fn label_index(labels: &[String], name: &str) -> Result<u8, ParseError> {
    labels
        .iter()
        .position(|label| label == name)
        .map(|index| index as u8)
        .ok_or_else(|| ParseError::InvalidTraining(format!("unknown relation {name:?}")))
}

/// A training sentence with hashed tokens and a projective gold tree.
struct Example {
    context: Vec<TokenContext>,
    heads: Vec<usize>,
    labels: Vec<u8>,
}

fn prepare_examples(sentences: &[TreeSentence], labels: &[String]) -> Result<Vec<Example>, ParseError> {
    let mut examples = Vec::with_capacity(sentences.len());
    for (number, sentence) in sentences.iter().enumerate() {
        let length = sentence.len();
        if sentence.tags.len() != length || sentence.heads.len() != length || sentence.relations.len() != length {
            return Err(ParseError::InvalidTraining(format!("sentence {number} has columns of different lengths")));
        }
        crate::treebank::is_tree(&sentence.heads)
            .map_err(|message| ParseError::InvalidTraining(format!("sentence {number}: {message}")))?;
        if sentence.is_empty() {
            continue;
        }
        let mut heads = sentence.heads.clone();
        projectivise(&mut heads);
        let gold_labels =
            sentence.relations.iter().map(|relation| label_index(labels, relation)).collect::<Result<Vec<_>, _>>()?;
        let mut context = Vec::new();
        sentence_context(&sentence.words, &sentence.tags, &mut context);
        examples.push(Example { context, heads, labels: gold_labels });
    }
    Ok(examples)
}

/// Buffers reused from sentence to sentence.
struct Trainer {
    state: State,
    features: Vec<u64>,
    scores: Vec<f32>,
    costs: Vec<usize>,
}

impl Trainer {
    fn new(classes: usize, root_label: u8) -> Trainer {
        Trainer {
            state: State::new(0, root_label),
            features: Vec::with_capacity(MAX_FEATURES),
            scores: vec![0.0; classes],
            costs: vec![INVALID; classes],
        }
    }

    fn train_sentence(
        &mut self,
        example: &Example,
        perceptron: &mut AveragedPerceptron,
        random: &mut SplitMix64,
        explore: bool,
    ) {
        let gold = GoldTree { heads: &example.heads, labels: &example.labels };
        self.state.reset(example.heads.len());
        while !self.state.is_terminal() {
            features::extract(&self.state, &example.context, &mut self.features);
            perceptron.scores(&self.features, &mut self.scores);
            all_costs(&self.state, &gold, &mut self.costs);
            let predicted = best_class(&self.scores, &self.costs, |_| true);
            let lowest_cost = self.costs.iter().copied().min().unwrap_or(0);
            let best_gold = best_class(&self.scores, &self.costs, |cost| cost == lowest_cost);
            if self.costs[predicted] > lowest_cost {
                perceptron.update(best_gold, predicted, &self.features);
            }
            perceptron.tick();
            let follow = if explore && random.next_f64() < EXPLORATION { predicted } else { best_gold };
            self.state.apply(Move::from_class(follow));
        }
    }
}

/// The cost of every class in `state` ([`INVALID`] for invalid moves). The unlabelled part
/// of a cost is the same for every label, so it is computed once per move kind.
fn all_costs(state: &State, gold: &GoldTree, costs: &mut [usize]) {
    let kinds = [Move::Shift, Move::Reduce];
    for movement in kinds {
        costs[movement.class()] = if state.is_valid(movement) { cost(state, gold, movement) } else { INVALID };
    }
    let label_count = (costs.len() - 2) / 2;
    let top = state.top();
    let front = state.front;
    // The label that makes each arc right, if the arc is a gold arc.
    let left_gold_label = (top != 0 && gold.heads[top - 1] == front).then(|| gold.labels[top - 1]);
    let right_gold_label = (gold.heads[front - 1] == top).then(|| gold.labels[front - 1]);
    let base = |movement: Move, gold_label: Option<u8>| {
        // Cost with the right label (or any label when the arc is not gold).
        let label = gold_label.unwrap_or(0);
        let movement = match movement {
            Move::Left(_) => Move::Left(label),
            _ => Move::Right(label),
        };
        cost(state, gold, movement)
    };
    let left_base = (top != 0).then(|| base(Move::Left(0), left_gold_label));
    let right_base = base(Move::Right(0), right_gold_label);
    for label in 0..label_count as u8 {
        let left = Move::Left(label);
        costs[left.class()] = match left_base {
            Some(cost) if state.is_valid(left) => cost + usize::from(left_gold_label.is_some_and(|gold| gold != label)),
            _ => INVALID,
        };
        let right = Move::Right(label);
        costs[right.class()] = if state.is_valid(right) {
            right_base + usize::from(right_gold_label.is_some_and(|gold| gold != label))
        } else {
            INVALID
        };
    }
}

/// The highest-scoring class among valid classes whose cost passes `accept`; ties go to the
/// lower class. `Shift` is valid whenever the buffer is not empty, so one always exists.
fn best_class(scores: &[f32], costs: &[usize], accept: impl Fn(usize) -> bool) -> usize {
    let mut best: Option<usize> = None;
    for (class, &cost) in costs.iter().enumerate() {
        if cost == INVALID || !accept(cost) {
            continue;
        }
        if best.is_none_or(|best| scores[class] > scores[best]) {
            best = Some(class);
        }
    }
    best.unwrap_or(0)
}

/// One class's weight with what averaging needs.
#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u8,
    weight: f32,
    /// Sum of the weight over all steps up to `stamp`.
    total: f64,
    stamp: u32,
}

/// Perceptron weights per feature hash, with lazy averaging.
struct AveragedPerceptron {
    rows: HashedKeyMap<Vec<Entry>>,
    step: u32,
    class_count: usize,
}

impl AveragedPerceptron {
    fn new(class_count: usize) -> AveragedPerceptron {
        AveragedPerceptron { rows: HashedKeyMap::default(), step: 0, class_count }
    }

    fn scores(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|score| *score = 0.0);
        for feature in features {
            if let Some(row) = self.rows.get(feature) {
                for entry in row {
                    scores[usize::from(entry.class)] += entry.weight;
                }
            }
        }
    }

    fn tick(&mut self) {
        self.step += 1;
    }

    fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        let step = self.step;
        for feature in features {
            let row = self.rows.entry(*feature).or_default();
            for (class, change) in [(truth, 1.0f32), (guess, -1.0)] {
                let class = class as u8;
                let index = match row.iter().position(|entry| entry.class == class) {
                    Some(index) => index,
                    None => {
                        row.push(Entry { class, weight: 0.0, total: 0.0, stamp: step });
                        row.len() - 1
                    }
                };
                let entry = &mut row[index];
                entry.total += f64::from(entry.weight) * f64::from(step - entry.stamp);
                entry.stamp = step;
                entry.weight += change;
            }
        }
    }

    /// Averaged weights per feature, classes below `class_count`.
    fn averaged_rows(self) -> impl Iterator<Item = (u64, Vec<(u8, f32)>)> {
        let step = self.step.max(1);
        let class_count = self.class_count;
        self.rows.into_iter().map(move |(feature, row)| {
            let averaged = row
                .into_iter()
                .filter(|entry| usize::from(entry.class) < class_count)
                .map(|entry| {
                    let total = entry.total + f64::from(entry.weight) * f64::from(step - entry.stamp);
                    (entry.class, (total / f64::from(step)) as f32)
                })
                .collect();
            (feature, averaged)
        })
    }
}

/// SplitMix64: a small, seedable generator, enough for shuffling and exploration.
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut value = self.0;
        value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        value ^ (value >> 31)
    }

    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Fisher–Yates shuffle.
pub(crate) fn shuffle<T>(items: &mut [T], random: &mut SplitMix64) {
    for index in (1..items.len()).rev() {
        let other = (random.next_u64() % (index as u64 + 1)) as usize;
        items.swap(index, other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::treebank::test_sentence as sentence;

    fn small_treebank() -> Vec<TreeSentence> {
        vec![
            sentence("Rebels attacked the base .", "NNS VBD DT NN .", &[2, 0, 4, 2, 2], "nsubj root det obj punct"),
            sentence("Troops shelled a village .", "NNS VBD DT NN .", &[2, 0, 4, 2, 2], "nsubj root det obj punct"),
            sentence(
                "Police arrested protesters in Cairo .",
                "NNS VBD NNS IN NNP .",
                &[2, 0, 2, 5, 2, 2],
                "nsubj root obj case obl punct",
            ),
            sentence("The army withdrew .", "DT NN VBD .", &[2, 3, 0, 3], "det nsubj root punct"),
        ]
    }

    #[test]
    fn learns_a_small_treebank_and_round_trips() {
        let treebank = small_treebank();
        let parser = Parser::train(&treebank, 10, 7).unwrap();
        for sentence in &treebank {
            let dependencies = parser.parse(&sentence.words, &sentence.tags).unwrap();
            let heads: Vec<usize> =
                dependencies.iter().map(|dependency| dependency.head.map_or(0, |head| head + 1)).collect();
            let relations: Vec<&str> = dependencies.iter().map(|dependency| dependency.relation).collect();
            assert_eq!(heads, sentence.heads, "{:?}", sentence.words);
            assert_eq!(relations, sentence.relations, "{:?}", sentence.words);
        }
        let unseen = ["Militants", "bombed", "the", "bridge", "."];
        let tags = ["NNS", "VBD", "DT", "NN", "."];
        let reloaded = Parser::from_bytes(&parser.to_bytes()).unwrap();
        assert_eq!(reloaded.parse(&unseen, &tags).unwrap(), parser.parse(&unseen, &tags).unwrap());
        assert_eq!(reloaded.parse(&unseen, &tags).unwrap()[0].relation, "nsubj");
    }

    #[test]
    fn training_is_deterministic() {
        let treebank = small_treebank();
        let first = Parser::train(&treebank, 3, 11).unwrap().to_bytes();
        assert_eq!(first, Parser::train(&treebank, 3, 11).unwrap().to_bytes());
    }

    #[test]
    fn rejects_training_data_that_is_not_a_tree() {
        let broken = vec![sentence("a b", "DT NN", &[2, 1], "det root")];
        let error = Parser::train(&broken, 1, 1).unwrap_err().to_string();
        assert!(error.contains("sentence 0"), "{error}");
        let no_root = vec![sentence("a", "DT", &[0], "det")];
        assert!(Parser::train(&no_root, 1, 1).unwrap_err().to_string().contains("root"));
    }

    #[test]
    fn zero_cost_moves_rebuild_every_projectivised_gum_tree() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-gum");
        if !dir.is_dir() {
            eprintln!("skipping: no treebank at {}", dir.display());
            return;
        }
        let files = crate::treebank_files(&dir).unwrap();
        let sentences: Vec<TreeSentence> =
            files.iter().step_by(7).flat_map(|path| crate::read_tree_file(path).unwrap().0).collect();
        let labels = collect_labels(&sentences).unwrap();
        let root_label = label_index(&labels, ROOT_RELATION).unwrap();
        let examples = prepare_examples(&sentences, &labels).unwrap();
        assert!(examples.len() > 500);
        let mut costs = vec![0; class_count(labels.len())];
        for example in &examples {
            let gold = GoldTree { heads: &example.heads, labels: &example.labels };
            let mut state = State::new(example.heads.len(), root_label);
            while !state.is_terminal() {
                all_costs(&state, &gold, &mut costs);
                let class = costs.iter().position(|&cost| cost == 0).expect("a zero-cost move");
                state.apply(Move::from_class(class));
            }
            assert_eq!(state.finish(0), (example.heads.clone(), example.labels.clone()));
        }
    }

    #[test]
    fn labelled_costs_penalise_only_the_wrong_label() {
        // "Rebels attacked": labels 0 nsubj, 1 root.
        let heads = [2, 0];
        let labels = [0, 1];
        let gold = GoldTree { heads: &heads, labels: &labels };
        let mut state = State::new(2, 1);
        state.apply(Move::Shift);
        let mut costs = vec![0; class_count(2)];
        all_costs(&state, &gold, &mut costs);
        assert_eq!(costs[Move::Left(0).class()], 0);
        assert_eq!(costs[Move::Left(1).class()], INVALID, "root label only from the root");
        assert_eq!(costs[Move::Right(0).class()], 2, "loses both arcs of \"Rebels\" and \"attacked\"");
        assert_eq!(costs[Move::Reduce.class()], INVALID);
    }
}
