//! The training recipe on a CoNLL-U treebank, and attachment scores on held-out documents.
//!
//! Reproducible: files are read in sorted path order; held-out documents are chosen by
//! position (every n-th file, counting from 1); tags are jackknifed in folds chosen by
//! sentence position; every random choice draws from [`TRAINING_SEED`] (or the seed given).
//!
//! Tags: at run time the parser sees tags from dyad's tagger, not gold ones, so by default
//! it trains on *jackknifed* tags: the training sentences are split into folds, and each
//! fold is tagged by a [`Tagger`] trained on the other folds. Held-out documents are scored
//! twice: with their gold tags and with tags from a tagger trained on the training documents
//! only (so neither the tagger nor the parser has seen them).

use crate::projective::{is_projective, projectivise};
use crate::treebank::{TreebankStatistics, read_tree_file, treebank_files};
use crate::{ParseError, Parser, TreeSentence};
use dyad_analyse::{Tag, TaggedSentence, Tagger};
use std::path::Path;

/// Seed for shuffling and exploration during training.
pub const TRAINING_SEED: u64 = 0x6479_6164_6465_7031;

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainingOptions {
    /// Passes over the training sentences.
    pub iterations: usize,
    pub seed: u64,
    /// Every n-th treebank file (document) is held out for testing; 0 holds out none.
    pub held_out_every_document: usize,
    /// Folds for jackknifing tags; 0 trains on the treebank's gold tags.
    pub jackknife_folds: usize,
    /// Iterations for each tagger trained for jackknifing and testing.
    pub tagger_iterations: usize,
}

impl Default for TrainingOptions {
    fn default() -> TrainingOptions {
        TrainingOptions {
            iterations: 15,
            seed: TRAINING_SEED,
            held_out_every_document: 10,
            jackknife_folds: 10,
            tagger_iterations: 12,
        }
    }
}

/// Unlabelled and labelled attachment scores, with and without punctuation (words whose
/// gold relation is `punct`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AttachmentScores {
    pub sentences: usize,
    pub words: usize,
    pub right_heads: usize,
    pub right_heads_and_relations: usize,
    pub words_without_punctuation: usize,
    pub right_heads_without_punctuation: usize,
    pub right_heads_and_relations_without_punctuation: usize,
}

impl AttachmentScores {
    pub fn uas(&self) -> f64 {
        share(self.right_heads, self.words)
    }

    pub fn las(&self) -> f64 {
        share(self.right_heads_and_relations, self.words)
    }

    pub fn uas_without_punctuation(&self) -> f64 {
        share(self.right_heads_without_punctuation, self.words_without_punctuation)
    }

    pub fn las_without_punctuation(&self) -> f64 {
        share(self.right_heads_and_relations_without_punctuation, self.words_without_punctuation)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// How many training trees were not projective, and how many lifts fixed them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProjectivisationCounts {
    pub sentences: usize,
    pub non_projective_sentences: usize,
    pub lifted_arcs: usize,
}

/// What training produced and how well it parsed the held-out documents.
#[derive(Clone, Debug)]
pub struct TrainingReport {
    pub parser: Parser,
    pub treebank: TreebankStatistics,
    pub train_documents: usize,
    pub train_sentences: usize,
    pub train_words: usize,
    pub test_documents: usize,
    pub projectivisation: ProjectivisationCounts,
    /// Accuracy of the jackknifed training tags against gold; `None` with gold tags.
    pub jackknifed_tag_accuracy: Option<f64>,
    /// Accuracy of the predicted held-out tags; `None` when nothing is held out.
    pub test_tag_accuracy: Option<f64>,
    /// Held-out scores with gold tags; `None` when nothing is held out.
    pub gold_tag_scores: Option<AttachmentScores>,
    /// Held-out scores with dyad's predicted tags; `None` when nothing is held out.
    pub predicted_tag_scores: Option<AttachmentScores>,
    /// The held-out sentences with predicted tags (for timing); empty when none.
    pub test_sentences_with_predicted_tags: Vec<TreeSentence>,
}

/// Trains on the treebank in `dir` as the module docs describe.
pub fn train_from_treebank(dir: &Path, options: &TrainingOptions) -> Result<TrainingReport, ParseError> {
    if options.held_out_every_document == 1 || options.jackknife_folds == 1 {
        return Err(ParseError::InvalidTraining(
            "held_out_every_document and jackknife_folds must be 0 or at least 2".to_string(),
        ));
    }
    let files = treebank_files(dir)?;
    let mut treebank = TreebankStatistics::default();
    let (mut train, mut test) = (Vec::new(), Vec::new());
    let (mut train_documents, mut test_documents) = (0, 0);
    for (index, path) in files.iter().enumerate() {
        let (sentences, statistics) = read_tree_file(path)?;
        treebank.sentences += statistics.sentences;
        treebank.dropped_sentences += statistics.dropped_sentences;
        let held_out = options.held_out_every_document > 0 && (index + 1) % options.held_out_every_document == 0;
        if held_out {
            test.extend(sentences);
            test_documents += 1;
        } else {
            train.extend(sentences);
            train_documents += 1;
        }
    }
    let projectivisation = projectivise_sentences(&mut train);
    // The tagger for the held-out documents learns from the gold tags of the training ones.
    let test_tagger = (!test.is_empty())
        .then(|| tagged_sentences(&train).map(|tagged| Tagger::train(&tagged, options.tagger_iterations, options.seed)))
        .transpose()?;
    let jackknifed_tag_accuracy = if options.jackknife_folds > 0 {
        let (retagged, accuracy) =
            jackknife_tags(&train, options.jackknife_folds, options.tagger_iterations, options.seed)?;
        train = retagged;
        Some(accuracy)
    } else {
        None
    };
    let parser = Parser::train(&train, options.iterations, options.seed)?;
    let mut report = TrainingReport {
        parser,
        treebank,
        train_documents,
        train_sentences: train.len(),
        train_words: train.iter().map(TreeSentence::len).sum(),
        test_documents,
        projectivisation,
        jackknifed_tag_accuracy,
        test_tag_accuracy: None,
        gold_tag_scores: None,
        predicted_tag_scores: None,
        test_sentences_with_predicted_tags: Vec::new(),
    };
    if let Some(tagger) = test_tagger {
        let (predicted, accuracy) = retag(&test, &tagger);
        report.gold_tag_scores = Some(evaluate(&report.parser, &test));
        report.predicted_tag_scores = Some(evaluate(&report.parser, &predicted));
        report.test_tag_accuracy = Some(accuracy);
        report.test_sentences_with_predicted_tags = predicted;
    }
    Ok(report)
}

/// Lifts non-projective arcs in place (see [`crate::projective`]) and counts them.
pub fn projectivise_sentences(sentences: &mut [TreeSentence]) -> ProjectivisationCounts {
    let mut counts = ProjectivisationCounts { sentences: sentences.len(), ..Default::default() };
    for sentence in sentences {
        if !is_projective(&sentence.heads) {
            counts.non_projective_sentences += 1;
            counts.lifted_arcs += projectivise(&mut sentence.heads);
        }
    }
    counts
}

/// `(words, tags)` for the tagger; a tag that is not a Penn tag is an error naming it.
fn tagged_sentences(sentences: &[TreeSentence]) -> Result<Vec<TaggedSentence>, ParseError> {
    sentences
        .iter()
        .map(|sentence| {
            let tags = sentence
                .tags
                .iter()
                .map(|tag| {
                    Tag::parse(tag).ok_or_else(|| ParseError::InvalidTraining(format!("unknown Penn tag {tag:?}")))
                })
                .collect::<Result<Vec<Tag>, _>>()?;
            Ok((sentence.words.clone(), tags))
        })
        .collect()
}

/// The sentences with tags predicted by `tagger`, and the share of tags that stayed right.
pub fn retag(sentences: &[TreeSentence], tagger: &Tagger) -> (Vec<TreeSentence>, f64) {
    let (mut right, mut total) = (0, 0);
    let retagged = sentences
        .iter()
        .map(|sentence| {
            let tags: Vec<String> = tagger.tag(&sentence.words).iter().map(|tag| tag.as_str().to_string()).collect();
            right += tags.iter().zip(&sentence.tags).filter(|(predicted, gold)| predicted == gold).count();
            total += tags.len();
            TreeSentence { tags, ..sentence.clone() }
        })
        .collect();
    (retagged, share(right, total))
}

/// Replaces the tags of `sentences` by jackknifed ones: sentence `i` goes to fold
/// `i % folds`, and each fold is tagged by a tagger trained on the other folds. Folds are
/// trained on two threads. Returns the sentences and the share of tags that stayed right.
pub fn jackknife_tags(
    sentences: &[TreeSentence],
    folds: usize,
    tagger_iterations: usize,
    seed: u64,
) -> Result<(Vec<TreeSentence>, f64), ParseError> {
    if folds < 2 {
        return Err(ParseError::InvalidTraining(format!("jackknifing needs at least 2 folds, got {folds}")));
    }
    let tagged = tagged_sentences(sentences)?;
    let tag_fold = |fold: usize| {
        let training: Vec<TaggedSentence> =
            tagged.iter().enumerate().filter(|(index, _)| index % folds != fold).map(|(_, s)| s.clone()).collect();
        let tagger = Tagger::train(&training, tagger_iterations, seed);
        let fold_sentences: Vec<TreeSentence> =
            sentences.iter().enumerate().filter(|(index, _)| index % folds == fold).map(|(_, s)| s.clone()).collect();
        retag(&fold_sentences, &tagger).0
    };
    let mut tagged_folds: Vec<Vec<TreeSentence>> = Vec::with_capacity(folds);
    std::thread::scope(|scope| {
        let odd = scope.spawn(|| (1..folds).step_by(2).map(|fold| (fold, tag_fold(fold))).collect::<Vec<_>>());
        let even: Vec<_> = (0..folds).step_by(2).map(|fold| (fold, tag_fold(fold))).collect();
        // A panic in the other thread is a bug in the tagger, not bad input.
        let mut all = even;
        all.extend(odd.join().expect("jackknife thread finished"));
        all.sort_by_key(|(fold, _)| *fold);
        tagged_folds.extend(all.into_iter().map(|(_, sentences)| sentences));
    });
    let mut result = Vec::with_capacity(sentences.len());
    let mut positions = vec![0usize; folds];
    let (mut right, mut total) = (0, 0);
    for (index, gold) in sentences.iter().enumerate() {
        let fold = index % folds;
        let sentence = tagged_folds[fold][positions[fold]].clone();
        positions[fold] += 1;
        right += sentence.tags.iter().zip(&gold.tags).filter(|(predicted, gold)| predicted == gold).count();
        total += sentence.len();
        result.push(sentence);
    }
    Ok((result, share(right, total)))
}

/// Parses each sentence with its own tags and compares with its gold tree.
pub fn evaluate(parser: &Parser, sentences: &[TreeSentence]) -> AttachmentScores {
    let mut scores = AttachmentScores { sentences: sentences.len(), ..Default::default() };
    for sentence in sentences {
        let Ok(dependencies) = parser.parse(&sentence.words, &sentence.tags) else { continue };
        for ((dependency, &gold_head), gold_relation) in
            dependencies.iter().zip(&sentence.heads).zip(&sentence.relations)
        {
            let right_head = dependency.head.map_or(0, |head| head + 1) == gold_head;
            let right_both = right_head && dependency.relation == gold_relation;
            scores.words += 1;
            scores.right_heads += usize::from(right_head);
            scores.right_heads_and_relations += usize::from(right_both);
            if gold_relation != "punct" {
                scores.words_without_punctuation += 1;
                scores.right_heads_without_punctuation += usize::from(right_head);
                scores.right_heads_and_relations_without_punctuation += usize::from(right_both);
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::treebank::test_sentence as sentence;
    use std::path::PathBuf;
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
    fn embedded_parser_scores_well_on_gum_news() {
        let Some(dir) = shared_treebank() else { return };
        let files: Vec<PathBuf> = treebank_files(&dir)
            .unwrap()
            .into_iter()
            .filter(|path| path.to_string_lossy().contains("_news_"))
            .collect();
        let sentences: Vec<TreeSentence> = files.iter().flat_map(|path| read_tree_file(path).unwrap().0).collect();
        // The embedded model was trained on all of GUM, so this checks the model is sound,
        // not how well it generalises (TRAINING.md has the held-out numbers).
        let scores = evaluate(Parser::embedded(), &sentences);
        eprintln!("GUM news (seen in training): UAS {:.4} LAS {:.4}", scores.uas(), scores.las());
        assert!(scores.words > 10_000, "{scores:?}");
        assert!(scores.uas() > 0.85 && scores.las() > 0.8, "{scores:?}");
    }

    #[test]
    fn quick_training_on_part_of_gum_parses_held_out_documents() {
        let Some(dir) = shared_treebank() else { return };
        let started = Instant::now();
        let subset = tempfile::tempdir().unwrap();
        for path in treebank_files(&dir).unwrap().into_iter().step_by(6) {
            std::fs::copy(&path, subset.path().join(path.file_name().unwrap())).unwrap();
        }
        let options = TrainingOptions { iterations: 2, jackknife_folds: 0, tagger_iterations: 2, ..Default::default() };
        let report = train_from_treebank(subset.path(), &options).unwrap();
        let gold = report.gold_tag_scores.unwrap();
        let predicted = report.predicted_tag_scores.unwrap();
        eprintln!(
            "{} train / {} test documents: gold-tag UAS {:.4} LAS {:.4}, predicted-tag UAS {:.4} LAS {:.4} [{:?}]",
            report.train_documents,
            report.test_documents,
            gold.uas(),
            gold.las(),
            predicted.uas(),
            predicted.las(),
            started.elapsed()
        );
        assert!(report.test_documents >= 2 && gold.words > 1000, "{gold:?}");
        assert!(gold.uas() > 0.7 && gold.las() > 0.6, "{gold:?}");
        assert!(predicted.uas() > 0.6, "{predicted:?}");
    }

    #[test]
    fn counts_and_lifts_non_projective_sentences() {
        let mut sentences = vec![
            sentence("Rebels attacked .", "NNS VBD .", &[2, 0, 2], "nsubj root punct"),
            sentence(
                "A hearing is scheduled on the issue today",
                "DT NN VBZ VBN IN DT NN NN",
                &[2, 4, 4, 0, 7, 7, 2, 4],
                "det nsubj:pass aux:pass root case det nmod obl:tmod",
            ),
        ];
        let counts = projectivise_sentences(&mut sentences);
        assert_eq!(counts, ProjectivisationCounts { sentences: 2, non_projective_sentences: 1, lifted_arcs: 1 });
        assert_eq!(sentences[1].heads[6], 4);
    }

    #[test]
    fn scores_count_punctuation_separately() {
        let parser = Parser::train(
            &[sentence("Rebels attacked .", "NNS VBD .", &[2, 0, 2], "nsubj root punct")],
            3,
            TRAINING_SEED,
        )
        .unwrap();
        let wrong_gold = sentence("Rebels attacked .", "NNS VBD .", &[2, 0, 1], "nsubj root punct");
        let scores = evaluate(&parser, &[wrong_gold]);
        assert_eq!((scores.words, scores.right_heads), (3, 2));
        assert_eq!((scores.words_without_punctuation, scores.right_heads_without_punctuation), (2, 2));
        assert_eq!(scores.uas_without_punctuation(), 1.0);
    }

    #[test]
    fn jackknifing_needs_two_folds_and_keeps_sentence_order() {
        let sentences: Vec<TreeSentence> =
            (0..6).map(|index| sentence(&format!("Troops{index} fired"), "NNS VBD", &[2, 0], "nsubj root")).collect();
        assert!(jackknife_tags(&sentences, 1, 1, 1).is_err());
        let (retagged, accuracy) = jackknife_tags(&sentences, 3, 3, 1).unwrap();
        let words: Vec<&String> = retagged.iter().map(|sentence| &sentence.words[0]).collect();
        let expected: Vec<&String> = sentences.iter().map(|sentence| &sentence.words[0]).collect();
        assert_eq!(words, expected);
        assert!(accuracy > 0.4, "{accuracy}");
    }
}
