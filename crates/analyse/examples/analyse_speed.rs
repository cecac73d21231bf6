//! Times `Analyser::analyse` on a news-style article of about 600 words, or prints the
//! analysis of a text file given as the only argument.
//!
//! Usage: cargo run --release -p dyad-analyse --example analyse_speed [TEXT_FILE]

use dyad_analyse::Analyser;
use std::time::Instant;

/// Written for this example; paragraphs separated by blank lines, as dyad bodies are.
const PARAGRAPHS: [&str; 4] = [
    "MOSCOW — Russian President Vladimir V. Putin met his Turkish counterpart, Recep Tayyip Erdoğan, \
in the Black Sea resort of Sochi on Wednesday, the Kremlin said, as the two leaders sought to ease \
tensions over Syria. The talks, which lasted more than three hours, came a week after Turkish troops \
launched a cross-border offensive against Kurdish fighters in northern Syria.",
    "\"The situation will only worsen if the attacks continue,\" Mr. Erdoğan told reporters after the \
meeting. He said Turkey's army had attacked positions near al-Bab and that U.S. officials had been \
informed in advance. Washington didn't comment on the claim, but a State Department spokesman said \
the U.S. was \"deeply concerned\" by reports of civilian casualties.",
    "Gen. Hulusi Akar, the defense minister, said 3.5 percent of the region was now under Turkish control. \
Russia, which backs the government of Bashar al-Assad, has accused Ankara of targeting civilians. \
Mr. Putin called for a three-way meeting with Iran in Tehran next month, according to a statement \
released by his office on Thursday.",
    "The United Nations said about 1,200 people had fled their homes since Jan. 5. Aid agencies warned \
that the fighting could displace tens of thousands more. \"We are running out of time,\" said Dr. \
Amina Yusuf, a coordinator for the U.N. refugee agency. Protesters gathered outside the Turkish \
embassy in Paris on Saturday, police said.",
];

fn article() -> String {
    let mut body = String::new();
    while body.split_whitespace().count() < 600 {
        for paragraph in PARAGRAPHS {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(paragraph);
        }
    }
    body
}

fn main() {
    let analyser = Analyser::new();
    if let Some(path) = std::env::args().nth(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => print_analysis(&analyser, &text),
            Err(error) => eprintln!("cannot read {path}: {error}"),
        }
        return;
    }
    let body = article();
    let words = body.split_whitespace().count();
    let sentences = analyser.analyse(&body);
    let tokens: usize = sentences.iter().map(|sentence| sentence.tokens.len()).sum();
    let runs = 2000;
    let started = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(analyser.analyse(std::hint::black_box(&body)));
    }
    let per_article = started.elapsed() / runs;
    println!(
        "{words} words, {} sentences, {tokens} tokens: {per_article:?} per article ({:.0} articles/s)",
        sentences.len(),
        1.0 / per_article.as_secs_f64()
    );
}

fn print_analysis(analyser: &Analyser, text: &str) {
    for sentence in analyser.analyse(text) {
        let tagged: Vec<String> =
            sentence.tokens.iter().map(|token| format!("{}/{}", token.text(text), token.tag)).collect();
        println!("[{}] {}", sentence.index, tagged.join(" "));
    }
}
