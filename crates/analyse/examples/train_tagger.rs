//! Trains the part-of-speech tagger on a CoNLL-U treebank, reports held-out accuracy, then
//! trains on all of it and writes the model.
//!
//! Usage: cargo run --release -p dyad-analyse --example train_tagger -- TREEBANK_DIR OUTPUT_PATH [ITERATIONS]
//! (examples may read their arguments; the library itself knows no flags).

use dyad_analyse::{train_from_treebank, write_model};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const HELD_OUT_EVERY: usize = 10;
const DEFAULT_ITERATIONS: usize = 12;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (Some(treebank), Some(output)) = (arguments.first(), arguments.get(1)) else {
        eprintln!("usage: train_tagger TREEBANK_DIR OUTPUT_PATH [ITERATIONS]");
        return ExitCode::FAILURE;
    };
    let iterations = match arguments.get(2).map(|text| text.parse::<usize>()) {
        None => DEFAULT_ITERATIONS,
        Some(Ok(iterations)) => iterations,
        Some(Err(_)) => {
            eprintln!("ITERATIONS must be a whole number, got {:?}", arguments[2]);
            return ExitCode::FAILURE;
        }
    };
    match run(PathBuf::from(treebank), PathBuf::from(output), iterations) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(treebank: PathBuf, output: PathBuf, iterations: usize) -> Result<(), dyad_analyse::AnalyseError> {
    let started = Instant::now();
    let report = train_from_treebank(&treebank, HELD_OUT_EVERY, iterations)?;
    println!(
        "held out every {HELD_OUT_EVERY}th sentence, {iterations} iterations: {} train sentences ({} tokens), {} test sentences ({} tokens)",
        report.train_sentences, report.train_tokens, report.test_sentences, report.test_tokens
    );
    println!(
        "held-out accuracy {:.2}%, unknown-word accuracy {:.2}% ({} unknown tokens) [{:.1?}]",
        report.accuracy * 100.0,
        report.unknown_word_accuracy * 100.0,
        report.unknown_tokens,
        started.elapsed()
    );
    let final_report = train_from_treebank(&treebank, 0, iterations)?;
    write_model(&final_report.tagger, &output)?;
    let size = std::fs::metadata(&output).map(|metadata| metadata.len()).unwrap_or(0);
    println!(
        "trained on all {} sentences ({} tokens): {} features, wrote {} ({} bytes) [{:.1?}]",
        final_report.train_sentences,
        final_report.train_tokens,
        final_report.tagger.feature_count(),
        output.display(),
        size,
        started.elapsed()
    );
    Ok(())
}
