//! Times loading the embedded knowledge base and matching a 600-word article:
//! `cargo run --release -p dyad-kb --example kb_bench`.

use dyad_document::{PartialDate, Span};
use dyad_kb::KnowledgeBase;
use std::time::Instant;

const PARAGRAPH: &str = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdoğan in Moscow on Tuesday, \
the Kremlin said, as Syrian rebels and Kurdish fighters clashed near Aleppo. Turkish police detained dozens of \
protesters in Istanbul, while Israeli troops and Hamas militants exchanged fire in Gaza. The White House and the \
Pentagon declined to comment; a spokesman for the European Union urged restraint, and United Nations officials \
said refugees were fleeing toward the border with Lebanon, where Hezbollah warned of retaliation. ";

fn main() {
    let start = Instant::now();
    let kb = KnowledgeBase::embedded();
    let load = start.elapsed();
    let mut article = String::new();
    while article.split_whitespace().count() < 600 {
        article.push_str(PARAGRAPH);
    }
    let words = article.split_whitespace().count();
    let region = Span::new(0, article.len());
    let rounds = 200;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        found = kb.find_mentions(&article, region).len();
    }
    let per_article = start.elapsed() / rounds;
    let start = Instant::now();
    let mentions = kb.find_mentions(&article, region);
    let date = PartialDate::day(2024, 7, 24);
    let resolved = mentions.iter().map(|mention| kb.resolve(mention, date)).filter(|r| r.code.is_some()).count();
    let resolve_time = start.elapsed();
    println!("entries: {}", kb.entries().len());
    println!("load embedded kb: {load:?}");
    println!("find_mentions on {words} words: {per_article:?} ({found} mentions)");
    println!("find + resolve once: {resolve_time:?} ({resolved} with a code)");
}
