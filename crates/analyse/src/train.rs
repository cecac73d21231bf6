//! Training the tagger on a CoNLL-U treebank and measuring it on held-out sentences.
//!
//! Reproducible: files are read in sorted path order, the held-out sentences are chosen by
//! position (every n-th sentence of the whole treebank, counting from 1), and training uses
//! the fixed [`TRAINING_SEED`].

use crate::conllu::read_tagged_sentences;
use crate::{AnalyseError, Tag, TaggedSentence, Tagger};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Seed for shuffling sentences during training.
pub const TRAINING_SEED: u64 = 0x6479_6164_706f_7331;

/// What training produced and how well it tagged the held-out sentences.
#[derive(Clone, Debug)]
pub struct TrainingReport {
    pub tagger: Tagger,
    pub train_sentences: usize,
    pub test_sentences: usize,
    pub train_tokens: usize,
    pub test_tokens: usize,
    /// Share of held-out tokens tagged right; 0 when nothing was held out.
    pub accuracy: f64,
    /// Held-out tokens whose word never occurs in the training sentences.
    pub unknown_tokens: usize,
    /// Share of those tagged right; 0 when there were none.
    pub unknown_word_accuracy: f64,
}

/// The `*.conllu` files directly inside `dir`, sorted by path.
pub fn treebank_files(dir: &Path) -> Result<Vec<PathBuf>, AnalyseError> {
    let io_error = |source| AnalyseError::Io { path: dir.to_path_buf(), source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        if path.extension().is_some_and(|extension| extension == "conllu") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(AnalyseError::NoTreebankFiles(dir.to_path_buf()));
    }
    Ok(files)
}

/// Tagged sentences from `files`, in the order given (see [`read_tagged_sentences`]).
pub fn read_treebank_files(files: &[PathBuf]) -> Result<Vec<TaggedSentence>, AnalyseError> {
    let mut sentences = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|source| AnalyseError::Io { path: path.clone(), source })?;
        let read = read_tagged_sentences(&text)
            .map_err(|error| AnalyseError::InFile { path: path.clone(), error: Box::new(error) })?;
        sentences.extend(read);
    }
    Ok(sentences)
}

/// Trains on every `*.conllu` file in `dir`, holding out every `held_out_every`-th sentence
/// for testing (0 holds out nothing and trains on everything).
pub fn train_from_treebank(
    dir: &Path,
    held_out_every: usize,
    iterations: usize,
) -> Result<TrainingReport, AnalyseError> {
    check_held_out_every(held_out_every)?;
    train_from_treebank_files(&treebank_files(dir)?, held_out_every, iterations)
}

/// As [`train_from_treebank`], on the given files in the given order.
pub fn train_from_treebank_files(
    files: &[PathBuf],
    held_out_every: usize,
    iterations: usize,
) -> Result<TrainingReport, AnalyseError> {
    check_held_out_every(held_out_every)?;
    let sentences = read_treebank_files(files)?;
    let (train, test): (Vec<_>, Vec<_>) = sentences
        .into_iter()
        .enumerate()
        .partition(|(index, _)| held_out_every == 0 || (index + 1) % held_out_every != 0);
    let train: Vec<TaggedSentence> = train.into_iter().map(|(_, sentence)| sentence).collect();
    let test: Vec<TaggedSentence> = test.into_iter().map(|(_, sentence)| sentence).collect();
    let tagger = Tagger::train(&train, iterations, TRAINING_SEED);
    let evaluation = evaluate(&tagger, &train, &test);
    Ok(TrainingReport {
        tagger,
        train_sentences: train.len(),
        test_sentences: test.len(),
        train_tokens: train.iter().map(|(words, _)| words.len()).sum(),
        test_tokens: evaluation.tokens,
        accuracy: evaluation.accuracy(),
        unknown_tokens: evaluation.unknown_tokens,
        unknown_word_accuracy: evaluation.unknown_accuracy(),
    })
}

fn check_held_out_every(held_out_every: usize) -> Result<(), AnalyseError> {
    if held_out_every == 1 {
        return Err(AnalyseError::InvalidOption(
            "held_out_every = 1 would hold out every sentence; use 0 to hold out none".to_string(),
        ));
    }
    Ok(())
}

/// Counts from tagging held-out sentences.
#[derive(Clone, Copy, Debug, Default)]
struct Evaluation {
    tokens: usize,
    correct: usize,
    unknown_tokens: usize,
    unknown_correct: usize,
}

impl Evaluation {
    fn accuracy(&self) -> f64 {
        share(self.correct, self.tokens)
    }

    fn unknown_accuracy(&self) -> f64 {
        share(self.unknown_correct, self.unknown_tokens)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

fn evaluate(tagger: &Tagger, train: &[(Vec<String>, Vec<Tag>)], test: &[(Vec<String>, Vec<Tag>)]) -> Evaluation {
    let known: HashSet<&str> = train.iter().flat_map(|(words, _)| words.iter().map(String::as_str)).collect();
    let mut evaluation = Evaluation::default();
    for (words, gold) in test {
        let predicted = tagger.tag(words);
        for ((word, gold_tag), predicted_tag) in words.iter().zip(gold).zip(&predicted) {
            let right = gold_tag == predicted_tag;
            evaluation.tokens += 1;
            evaluation.correct += usize::from(right);
            if !known.contains(word.as_str()) {
                evaluation.unknown_tokens += 1;
                evaluation.unknown_correct += usize::from(right);
            }
        }
    }
    evaluation
}

/// Writes `tagger` in its binary model format to `path`.
pub fn write_model(tagger: &Tagger, path: &Path) -> Result<(), AnalyseError> {
    std::fs::write(path, tagger.to_bytes()).map_err(|source| AnalyseError::Io { path: path.to_path_buf(), source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn shared_treebank() -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud-gum");
        if dir.is_dir() {
            Some(dir)
        } else {
            eprintln!("skipping: no treebank at {}", dir.display());
            None
        }
    }

    #[test]
    fn quick_training_on_part_of_gum_tags_held_out_sentences_well() {
        let Some(dir) = shared_treebank() else { return };
        let started = Instant::now();
        let files: Vec<PathBuf> = treebank_files(&dir).unwrap().into_iter().step_by(3).collect();
        let report = train_from_treebank_files(&files, 10, 2).unwrap();
        eprintln!(
            "{} files, {} train / {} test tokens, accuracy {:.4}, unknown-word accuracy {:.4}, {:?}",
            files.len(),
            report.train_tokens,
            report.test_tokens,
            report.accuracy,
            report.unknown_word_accuracy,
            started.elapsed()
        );
        assert!(report.test_tokens > 1000, "too few held-out tokens: {}", report.test_tokens);
        assert!(report.accuracy > 0.85, "held-out accuracy {:.4}", report.accuracy);
        assert!(report.unknown_word_accuracy > 0.5, "unknown-word accuracy {:.4}", report.unknown_word_accuracy);
    }

    #[test]
    fn missing_directory_is_an_io_error_naming_it() {
        let error = train_from_treebank(Path::new("/nonexistent/treebank"), 10, 1).unwrap_err();
        assert!(error.to_string().contains("/nonexistent/treebank"), "{error}");
    }

    #[test]
    fn directory_without_treebank_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "nothing").unwrap();
        assert!(matches!(train_from_treebank(dir.path(), 10, 1), Err(AnalyseError::NoTreebankFiles(_))));
    }

    #[test]
    fn trains_and_writes_a_model_from_a_small_treebank() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::new();
        for _ in 0..30 {
            text.push_str("1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tfired\tfire\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
        }
        std::fs::write(dir.path().join("a.conllu"), &text).unwrap();
        let report = train_from_treebank(dir.path(), 5, 3).unwrap();
        assert_eq!((report.train_sentences, report.test_sentences), (24, 6));
        assert_eq!(report.test_tokens, 18);
        assert_eq!(report.accuracy, 1.0);
        let model_path = dir.path().join("model.bin");
        write_model(&report.tagger, &model_path).unwrap();
        let reloaded = Tagger::from_bytes(&std::fs::read(&model_path).unwrap()).unwrap();
        assert_eq!(reloaded.tag(&["Troops", "fired", "."]), vec![Tag::NNS, Tag::VBD, Tag::Period]);
    }

    #[test]
    fn holding_out_every_sentence_is_rejected() {
        let error = train_from_treebank(Path::new("."), 1, 1).unwrap_err();
        assert!(matches!(error, AnalyseError::InvalidOption(_)));
    }
}
