//! Per-page diagnostics for the extraction benchmarks, for finding what to improve:
//! `cargo run --release -p dyad-html --example diagnose_extract -- WCXB_DIR ZYTE_DIR > pages.tsv`.
//! One tab-separated line per page: benchmark, page id, body precision, recall, and for WCXB
//! the gold and extracted title, author and date; then the milliseconds spent in
//! `extract_article` and in the main-text extractor alone, so that time spent outside the
//! extractor (metadata, caption filtering) shows up.

use dyad_html::evaluation::{shingle_precision_recall, word_bag_scores};
use dyad_html::extract_article;
use serde_json::Value;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (Some(wcxb), Some(zyte)) = (arguments.first(), arguments.get(1)) else {
        eprintln!("usage: diagnose_extract WCXB_DIR ZYTE_DIR");
        std::process::exit(2);
    };
    for (id, html) in gzip_pages(&Path::new(wcxb).join("html")) {
        let Some(truth) = read_json(&Path::new(wcxb).join("ground-truth").join(format!("{id}.json"))) else {
            continue;
        };
        let gold = &truth["ground_truth"];
        let url = truth.get("url").and_then(Value::as_str);
        let (output, total_ms, extractor_ms) = timed(&html, url);
        let body = output.as_ref().map(|article| article.body_paragraphs.join("\n\n")).unwrap_or_default();
        dump_body(&id, &body);
        let (precision, recall, _) = word_bag_scores(gold["main_content"].as_str().unwrap_or(""), &body);
        let field = |key: &str| gold.get(key).and_then(Value::as_str).unwrap_or("").replace(['\t', '\n'], " ");
        let title = output.as_ref().ok().and_then(|article| article.title.clone()).unwrap_or_default();
        let authors = output.as_ref().map(|article| article.authors.join(" and ")).unwrap_or_default();
        let date = output.as_ref().ok().and_then(|article| article.published).map(|date| date.to_string());
        println!(
            "wcxb\t{id}\t{precision:.3}\t{recall:.3}\t{}\t{title}\t{}\t{authors}\t{}\t{}\t{total_ms:.2}\t{extractor_ms:.2}\t{}",
            field("title"),
            field("author"),
            field("publish_date"),
            date.unwrap_or_default(),
            url.unwrap_or("")
        );
    }
    let Some(truth) = read_json(&Path::new(zyte).join("ground-truth.json")) else {
        return;
    };
    for (id, html) in gzip_pages(&Path::new(zyte).join("html")) {
        let Some(entry) = truth.get(&id) else {
            continue;
        };
        let url = entry.get("url").and_then(Value::as_str);
        let (output, total_ms, extractor_ms) = timed(&html, url);
        let body = output.map(|article| article.body_paragraphs.join("\n\n")).unwrap_or_default();
        dump_body(&id, &body);
        let (precision, recall) = shingle_precision_recall(entry["articleBody"].as_str().unwrap_or(""), &body);
        println!(
            "zyte\t{id}\t{precision:.3}\t{recall:.3}\t\t\t\t\t\t\t{total_ms:.2}\t{extractor_ms:.2}\t{}",
            url.unwrap_or("")
        );
    }
}

type Output = Result<dyad_html::Article, dyad_html::HtmlError>;

fn timed(html: &[u8], url: Option<&str>) -> (Output, f64, f64) {
    let start = Instant::now();
    let output = extract_article(html, url);
    let total_ms = start.elapsed().as_secs_f64() * 1000.0;
    let text = dyad_html::decode_html(html);
    let options = rs_trafilatura::Options {
        url: url.map(str::to_string),
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let start = Instant::now();
    let _ = rs_trafilatura::extract_with_options(&text, &options);
    (output, total_ms, start.elapsed().as_secs_f64() * 1000.0)
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

fn gzip_pages(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.strip_suffix(".html.gz")?.to_string();
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(&path).ok()?).read_to_end(&mut html).ok()?;
            Some((name, html))
        })
        .collect()
}

/// With `DUMP_BODIES=folder` set, writes each extracted body to `folder/ID.txt`.
fn dump_body(id: &str, body: &str) {
    if let Ok(folder) = std::env::var("DUMP_BODIES") {
        let _ = std::fs::write(Path::new(&folder).join(format!("{id}.txt")), body);
    }
}
