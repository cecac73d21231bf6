//! Measures how long the shipped dictionary takes to load and to code a clause:
//!
//! ```text
//! cargo run --release -p dyad-verbs --example verbs_speed
//! ```

use std::time::Instant;

use dyad_verbs::{VerbDictionary, WordView, cameo};

fn main() {
    let started = Instant::now();
    let dictionary = VerbDictionary::embedded();
    let load = started.elapsed();
    let started = Instant::now();
    let table_rows = cameo("043").map(|_| dyad_verbs::cameo_table().rows().len()).unwrap_or(0);
    let table_load = started.elapsed();
    println!(
        "embedded(): {:.1} ms ({} blocks, {} verbs, {} surface forms, {} patterns, {} skipped lines)",
        load.as_secs_f64() * 1000.0,
        dictionary.block_count(),
        dictionary.verb_count(),
        dictionary.surface_form_count(),
        dictionary.pattern_count(),
        dictionary.skipped_lines().len()
    );
    println!("cameo table: {:.2} ms ({table_rows} rows)", table_load.as_secs_f64() * 1000.0);

    // A made-up news sentence with a long clause after a verb of one of the biggest blocks.
    let sentence = "The/DT rebel/NN commanders/NNS said/VBD on/IN Monday/NNP that/IN troops/NNS had/VBD launched/VBN a/DT \
                    new/JJ offensive/NN against/IN government/NN positions/NNS near/IN the/DT northern/JJ border/NN \
                    with/IN heavy/JJ artillery/NN and/CC air/NN support/NN";
    let tokens: Vec<(&str, &str)> = sentence.split_whitespace().filter_map(|token| token.rsplit_once('/')).collect();
    let words: Vec<WordView> = tokens.iter().map(|(text, tag)| WordView { text, tag }).collect();
    let rounds = 20_000;
    let started = Instant::now();
    let mut coded = 0usize;
    for _ in 0..rounds {
        for index in 0..words.len() {
            let Some(hit) = dictionary.verb_at(&words, index) else {
                continue;
            };
            if dictionary.best_pattern(&hit, &words, 0, words.len()).is_some() {
                coded += 1;
            }
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{rounds} sentences of {} tokens: {:.2} µs per sentence (verb_at on every token + best_pattern per verb), {} codes per sentence",
        words.len(),
        elapsed.as_secs_f64() * 1e6 / rounds as f64,
        coded / rounds
    );
}
