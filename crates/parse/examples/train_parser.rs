//! Trains the dependency parser on a CoNLL-U treebank: first holding out every 10th document
//! to measure attachment scores and speed, then on every document, writing the model.
//!
//! Usage: cargo run --release -p dyad-parse --example train_parser -- TREEBANK_DIR OUTPUT_PATH [ITERATIONS]
//! (examples may read their arguments; the library itself knows no flags).

use dyad_parse::{AttachmentScores, ParseError, TrainingOptions, train_from_treebank};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Passes over the held-out sentences when timing, so the measurement lasts long enough.
const SPEED_PASSES: usize = 5;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (Some(treebank), Some(output)) = (arguments.first(), arguments.get(1)) else {
        eprintln!("usage: train_parser TREEBANK_DIR OUTPUT_PATH [ITERATIONS]");
        return ExitCode::FAILURE;
    };
    let mut options = TrainingOptions::default();
    match arguments.get(2).map(|text| text.parse::<usize>()) {
        None => {}
        Some(Ok(iterations)) => options.iterations = iterations,
        Some(Err(_)) => {
            eprintln!("ITERATIONS must be a whole number, got {:?}", arguments[2]);
            return ExitCode::FAILURE;
        }
    }
    match run(PathBuf::from(treebank), PathBuf::from(output), options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn print_scores(name: &str, scores: &AttachmentScores) {
    println!(
        "  {name}: UAS {:.2}% LAS {:.2}% (punctuation included, {} words); UAS {:.2}% LAS {:.2}% (excluded, {} words)",
        scores.uas() * 100.0,
        scores.las() * 100.0,
        scores.words,
        scores.uas_without_punctuation() * 100.0,
        scores.las_without_punctuation() * 100.0,
        scores.words_without_punctuation
    );
}

fn run(treebank: PathBuf, output: PathBuf, options: TrainingOptions) -> Result<(), ParseError> {
    let started = Instant::now();
    let report = train_from_treebank(&treebank, &options)?;
    println!(
        "held out every {}th document, {} iterations, tags jackknifed in {} folds: {} train documents ({} sentences, {} words), {} test documents",
        options.held_out_every_document,
        options.iterations,
        options.jackknife_folds,
        report.train_documents,
        report.train_sentences,
        report.train_words,
        report.test_documents
    );
    println!(
        "treebank: {} sentences read, {} dropped (hyphen merge); {} of {} training trees non-projective, {} arcs lifted",
        report.treebank.sentences,
        report.treebank.dropped_sentences,
        report.projectivisation.non_projective_sentences,
        report.projectivisation.sentences,
        report.projectivisation.lifted_arcs
    );
    if let Some(accuracy) = report.jackknifed_tag_accuracy {
        println!("jackknifed training tags: {:.2}% right", accuracy * 100.0);
    }
    if let Some(accuracy) = report.test_tag_accuracy {
        println!("predicted held-out tags: {:.2}% right", accuracy * 100.0);
    }
    if let Some(scores) = &report.gold_tag_scores {
        println!("held-out documents ({} sentences):", scores.sentences);
        print_scores("gold tags     ", scores);
    }
    if let Some(scores) = &report.predicted_tag_scores {
        print_scores("predicted tags", scores);
    }
    println!("[{:.1?}]", started.elapsed());
    measure_speed(&report);

    let final_options = TrainingOptions { held_out_every_document: 0, ..options };
    let final_report = train_from_treebank(&treebank, &final_options)?;
    final_report.parser.write_file(&output)?;
    let size = std::fs::metadata(&output).map(|metadata| metadata.len()).unwrap_or(0);
    println!(
        "trained on all {} documents ({} sentences, {} words): {} features, {} relations, wrote {} ({} bytes) [{:.1?}]",
        final_report.train_documents,
        final_report.train_sentences,
        final_report.train_words,
        final_report.parser.feature_count(),
        final_report.parser.relations().len(),
        output.display(),
        size,
        started.elapsed()
    );
    Ok(())
}

/// Parses the held-out sentences (predicted tags) a few times on this thread.
fn measure_speed(report: &dyad_parse::TrainingReport) {
    let sentences = &report.test_sentences_with_predicted_tags;
    if sentences.is_empty() {
        return;
    }
    let timer = Instant::now();
    let mut words = 0;
    for _ in 0..SPEED_PASSES {
        for sentence in sentences {
            words += report.parser.parse(&sentence.words, &sentence.tags).map_or(0, |parse| parse.len());
        }
    }
    let seconds = timer.elapsed().as_secs_f64();
    println!(
        "speed: {:.0} sentences/s, {:.0} words/s (one thread, {} sentences × {SPEED_PASSES})",
        (sentences.len() * SPEED_PASSES) as f64 / seconds,
        words as f64 / seconds,
        sentences.len()
    );
}
