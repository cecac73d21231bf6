//! Dependency parsing: for each word of a tagged sentence, its head and its Universal
//! Dependencies relation (`nsubj`, `obj`, `obl`, `acl:relcl`, ...).
//!
//! The parser is greedy and transition-based (arc-eager, see [`transition`]), scoring moves
//! with an averaged perceptron over Zhang & Nivre's (2011) feature templates (see
//! [`features`]), trained with a dynamic oracle on the GUM treebank (CC BY, Zeldes 2017);
//! `TRAINING.md` has the recipe and the measured accuracy. It expects dyad's tokens (as
//! [`dyad_analyse::Analyser`] makes them, `al-Assad` being one word) with Penn tags, ideally
//! from dyad's tagger, which is what it was trained on.
//!
//! Invariants of [`Parser::parse`]: one [`Dependency`] per word; exactly one word has no
//! head (the root, relation `root`, the only word with that relation) and the heads form a
//! tree, projective except where a word left without a head at the end was attached to the
//! root word (relation `dep`); every relation is one of [`Parser::relations`]; the same input
//! always gives the same output.

pub mod features;
pub mod model;
pub mod projective;
pub mod train;
mod training;
pub mod transition;
pub mod treebank;

pub use train::{
    AttachmentScores, ProjectivisationCounts, TRAINING_SEED, TrainingOptions, TrainingReport, evaluate, jackknife_tags,
    projectivise_sentences, retag, train_from_treebank,
};
pub use treebank::{TreeSentence, TreebankStatistics, read_tree_file, read_trees, treebank_files};

use features::{MAX_FEATURES, sentence_context};
use model::FeatureTable;
use std::path::PathBuf;
use std::sync::OnceLock;
use transition::{FALLBACK_RELATION, Move, State, class_count};

/// The relation of the sentence's root word.
pub const ROOT_RELATION: &str = "root";

/// The model shipped in the repository; see `crates/parse/TRAINING.md`.
static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/parser.bin");

/// Errors of the parsing stage.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("malformed parser model: {0}")]
    Model(String),
    #[error("{words} words but {tags} tags: each word needs one tag")]
    LengthMismatch { words: usize, tags: usize },
    #[error("CoNLL-U line {line}: {message}")]
    Conllu { line: usize, message: String },
    #[error("{path}: {error}")]
    InFile { path: PathBuf, error: Box<ParseError> },
    #[error("cannot read or write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// Reading the treebank (files, CoNLL-U lines) failed; dyad-analyse owns that reader.
    #[error(transparent)]
    Treebank(#[from] dyad_analyse::AnalyseError),
    #[error("invalid training data or option: {0}")]
    InvalidTraining(String),
}

/// A word's place in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dependency<'parser> {
    /// Index (0-based, into the words given) of the head word; `None` for the root.
    pub head: Option<usize>,
    /// The UD relation to the head, with subtype where GUM has one (`nsubj:pass`).
    pub relation: &'parser str,
}

/// A trained dependency parser.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<String>,
    root_label: u8,
    fallback_label: u8,
    weights: FeatureTable,
}

impl Parser {
    /// The parser shipped with dyad, read on first use.
    pub fn embedded() -> &'static Parser {
        static PARSER: OnceLock<Parser> = OnceLock::new();
        PARSER.get_or_init(|| {
            // The model is a file of this crate, checked by the tests; failing here is a
            // packaging bug, not a user error.
            Parser::from_bytes(EMBEDDED_MODEL).expect("the embedded parser model is valid")
        })
    }

    /// Reads a model written by [`Parser::to_bytes`] (format in [`model`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParseError> {
        let (labels, weights) = model::read(bytes)?;
        Parser::from_parts(labels, weights)
    }

    /// Reads a model file.
    pub fn from_file(path: &std::path::Path) -> Result<Parser, ParseError> {
        let bytes = std::fs::read(path).map_err(|source| ParseError::Io { path: path.to_path_buf(), source })?;
        Parser::from_bytes(&bytes)
            .map_err(|error| ParseError::InFile { path: path.to_path_buf(), error: Box::new(error) })
    }

    /// The model in its compact binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        model::write(&self.labels, &self.weights)
    }

    /// Writes the model to `path`.
    pub fn write_file(&self, path: &std::path::Path) -> Result<(), ParseError> {
        std::fs::write(path, self.to_bytes()).map_err(|source| ParseError::Io { path: path.to_path_buf(), source })
    }

    pub(crate) fn from_parts(labels: Vec<String>, weights: FeatureTable) -> Result<Parser, ParseError> {
        let position = |name: &str| labels.iter().position(|label| label == name);
        let root_label = position(ROOT_RELATION).ok_or_else(|| ParseError::Model("no \"root\" label".to_string()))?;
        // A model whose training data never used "dep" still needs a label for stray words.
        let fallback_label = position(FALLBACK_RELATION).unwrap_or(root_label);
        if labels.len() > model::MAX_LABELS || weights.class_count() != class_count(labels.len()) {
            return Err(ParseError::Model(format!("{} labels do not match the weight table", labels.len())));
        }
        Ok(Parser { labels, root_label: root_label as u8, fallback_label: fallback_label as u8, weights })
    }

    /// The same parser without weights whose magnitude is below `min_quanta` units of the
    /// model's scale: a smaller model that decides almost always alike.
    pub fn pruned(&self, min_quanta: i16) -> Parser {
        let rows = self
            .weights
            .sorted_rows()
            .into_iter()
            .map(|(key, weights)| {
                (
                    key,
                    weights
                        .into_iter()
                        .filter(|(_, quanta)| quanta.unsigned_abs() >= min_quanta.unsigned_abs())
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, weights)| !weights.is_empty())
            .collect();
        let weights = FeatureTable::from_rows(rows, self.weights.scale, self.weights.class_count());
        Parser { weights, labels: self.labels.clone(), ..*self }
    }

    /// The relations this parser can assign.
    pub fn relations(&self) -> &[String] {
        &self.labels
    }

    /// Number of features with at least one weight.
    pub fn feature_count(&self) -> usize {
        self.weights.feature_count()
    }

    /// Parses a sentence given as words with one Penn tag each (`NNP`, `VBD`, ...); an
    /// unknown tag is allowed and simply matches no tag feature.
    pub fn parse<W: AsRef<str>, T: AsRef<str>>(
        &self,
        words: &[W],
        tags: &[T],
    ) -> Result<Vec<Dependency<'_>>, ParseError> {
        if words.len() != tags.len() {
            return Err(ParseError::LengthMismatch { words: words.len(), tags: tags.len() });
        }
        let (heads, labels) = self.parse_to_heads(words, tags);
        Ok(heads
            .into_iter()
            .zip(labels)
            .map(|(head, label)| Dependency { head: head.checked_sub(1), relation: &self.labels[usize::from(label)] })
            .collect())
    }

    /// Heads (1-based, 0 = root) and label indices; `words` and `tags` have equal lengths.
    fn parse_to_heads<W: AsRef<str>, T: AsRef<str>>(&self, words: &[W], tags: &[T]) -> (Vec<usize>, Vec<u8>) {
        let mut context = Vec::with_capacity(words.len() + 1);
        sentence_context(words, tags, &mut context);
        let mut state = State::new(words.len(), self.root_label);
        let mut features = Vec::with_capacity(MAX_FEATURES);
        let mut scores = vec![0i32; self.weights.class_count()];
        while !state.is_terminal() {
            features::extract(&state, &context, &mut features);
            scores.iter_mut().for_each(|score| *score = 0);
            self.weights.add_scores(&features, &mut scores);
            let best = best_valid_move(&state, &scores);
            state.apply(best);
        }
        state.finish(self.fallback_label)
    }
}

/// The words of the name headed by `word`: the word and its `flat` dependents, as an index
/// range (UD makes the *first* word of a multi-word name its head: in "Vladimir Putin met",
/// "Putin" is a `flat` dependent of "Vladimir", which is the `nsubj`). Out-of-range `word`
/// gives an empty range.
pub fn name_extent(dependencies: &[Dependency], word: usize) -> std::ops::Range<usize> {
    if word >= dependencies.len() {
        return word..word;
    }
    let (mut first, mut last) = (word, word);
    for (index, dependency) in dependencies.iter().enumerate() {
        if dependency.head == Some(word) && dependency.relation.split(':').next() == Some("flat") {
            first = first.min(index);
            last = last.max(index);
        }
    }
    first..last + 1
}

/// The valid move with the highest score; ties go to the lower class. Some move is always
/// valid before the end (`Shift`).
fn best_valid_move<S: PartialOrd + Copy>(state: &State, scores: &[S]) -> Move {
    let mut best: Option<(usize, S)> = None;
    for (class, &score) in scores.iter().enumerate() {
        if best.is_some_and(|(_, best_score)| score <= best_score) {
            continue;
        }
        if state.is_valid(Move::from_class(class)) {
            best = Some((class, score));
        }
    }
    best.map_or(Move::Shift, |(class, _)| Move::from_class(class))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn news_sentence() -> (Vec<&'static str>, Vec<&'static str>) {
        let words = vec![
            "Russian",
            "President",
            "Vladimir",
            "Putin",
            "met",
            "Syrian",
            "President",
            "Bashar",
            "al-Assad",
            "in",
            "Moscow",
            "on",
            "Wednesday",
            ".",
        ];
        let tags = vec!["JJ", "NNP", "NNP", "NNP", "VBD", "JJ", "NNP", "NNP", "NNP", "IN", "NNP", "IN", "NNP", "."];
        (words, tags)
    }

    fn check_tree(dependencies: &[Dependency]) {
        let heads: Vec<usize> =
            dependencies.iter().map(|dependency| dependency.head.map_or(0, |head| head + 1)).collect();
        treebank::is_tree(&heads).unwrap();
        for dependency in dependencies {
            assert_eq!(dependency.head.is_none(), dependency.relation == ROOT_RELATION, "{dependencies:?}");
        }
    }

    #[test]
    fn embedded_parser_finds_subject_and_object_of_a_news_sentence() {
        let (words, tags) = news_sentence();
        let parser = Parser::embedded();
        let dependencies = parser.parse(&words, &tags).unwrap();
        check_tree(&dependencies);
        let described: Vec<String> = dependencies
            .iter()
            .zip(&words)
            .map(|(dependency, word)| format!("{word}<-{}:{:?}", dependency.relation, dependency.head))
            .collect();
        let met = words.iter().position(|word| *word == "met").unwrap();
        assert_eq!(dependencies[met].head, None, "{described:?}");
        let dependent_of_met = |relation: &str| {
            let found = dependencies
                .iter()
                .position(|dependency| dependency.head == Some(met) && dependency.relation == relation);
            found.map(|word| words[name_extent(&dependencies, word)].join(" "))
        };
        // UD heads a name by its first word, so the subject's name must take in "Putin".
        assert!(dependent_of_met("nsubj").is_some_and(|name| name.ends_with("Putin")), "{described:?}");
        assert!(dependent_of_met("obj").is_some_and(|name| name.ends_with("al-Assad")), "{described:?}");
        assert_eq!(dependencies[9], Dependency { head: Some(10), relation: "case" }, "{described:?}");
    }

    #[test]
    fn embedded_parser_works_with_dyads_own_tags() {
        let (words, _) = news_sentence();
        let tags: Vec<&str> = dyad_analyse::Tagger::embedded().tag(&words).iter().map(|tag| tag.as_str()).collect();
        let dependencies = Parser::embedded().parse(&words, &tags).unwrap();
        check_tree(&dependencies);
        let met = Some(4);
        let subject =
            dependencies.iter().position(|dependency| dependency.head == met && dependency.relation == "nsubj");
        let object = dependencies.iter().position(|dependency| dependency.head == met && dependency.relation == "obj");
        let name = |word: Option<usize>| word.map(|word| words[name_extent(&dependencies, word)].join(" "));
        assert!(name(subject).is_some_and(|name| name.contains("Putin")), "{dependencies:?} with tags {tags:?}");
        assert!(name(object).is_some_and(|name| name.contains("al-Assad")), "{dependencies:?} with tags {tags:?}");
    }

    #[test]
    fn name_extent_covers_flat_dependents() {
        let dependency = |head: Option<usize>, relation| Dependency { head, relation };
        let dependencies = [dependency(Some(2), "nsubj"), dependency(Some(0), "flat"), dependency(None, "root")];
        assert_eq!(name_extent(&dependencies, 0), 0..2);
        assert_eq!(name_extent(&dependencies, 2), 2..3);
        assert_eq!(name_extent(&dependencies, 9), 9..9);
    }

    #[test]
    fn embedded_model_round_trips_through_bytes() {
        let parser = Parser::embedded();
        let again = Parser::from_bytes(&parser.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), EMBEDDED_MODEL);
        assert_eq!(again.relations(), parser.relations());
        let (words, tags) = news_sentence();
        assert_eq!(again.parse(&words, &tags).unwrap(), parser.parse(&words, &tags).unwrap());
    }

    #[test]
    fn odd_inputs_still_give_trees() {
        let parser = Parser::embedded();
        assert!(parser.parse::<&str, &str>(&[], &[]).unwrap().is_empty());
        let single = parser.parse(&["Yes"], &["UH"]).unwrap();
        assert_eq!(single, vec![Dependency { head: None, relation: ROOT_RELATION }]);
        let unknown_tags = parser.parse(&["a", "b", "c", "d"], &["??", "", "NOUN", "X"]).unwrap();
        check_tree(&unknown_tags);
        let commas = vec![","; 60];
        check_tree(&parser.parse(&commas, &commas).unwrap());
    }

    #[test]
    fn mismatched_lengths_are_an_error() {
        let error = Parser::embedded().parse(&["Troops", "fired"], &["NNS"]).unwrap_err();
        assert!(matches!(error, ParseError::LengthMismatch { words: 2, tags: 1 }), "{error}");
        assert!(error.to_string().contains("2 words but 1 tags"));
    }

    #[test]
    fn bad_model_files_are_typed_errors() {
        assert!(matches!(Parser::from_bytes(b"DYADPOS1"), Err(ParseError::Model(_))));
        let error = Parser::from_file(std::path::Path::new("/nonexistent/parser.bin")).unwrap_err();
        assert!(error.to_string().contains("/nonexistent/parser.bin"), "{error}");
    }
}
