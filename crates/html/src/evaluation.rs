//! Scoring article extraction against the two public benchmarks in `shared/eval/extraction`.
//!
//! The metrics follow `shared/eval/README.md` exactly:
//! - Zyte (article-extraction-benchmark): `\w+` tokens (case kept), 4-token shingles (a text
//!   of fewer than 4 tokens is one shingle), per-page precision = matched / (matched + extra)
//!   and recall = matched / (matched + missing) over shingle multisets, each averaged over
//!   pages; F1 is the harmonic mean of the two averages. An empty output scores precision 1
//!   and recall 0 for that page (as the README says; the benchmark's own script instead leaves
//!   such a page out of the precision average).
//! - WCXB: lower-cased `\w+` word bags, per-page precision / recall / F1 averaged over pages
//!   (an empty reference scores 1 when the output is empty too, else 0).
//!
//! Title, author and date agreement are exact matches after collapsing whitespace, lower-casing
//! and folding typographic quotes to ASCII (see [`comparable`]). Extraction time is measured around [`extract_article`]
//! alone, not file reading or decompression.

use crate::HtmlError;
use crate::article::{extract_article, join_author_names};
use crate::text::normalize_whitespace;
use flate2::read::GzDecoder;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

/// Scores for one benchmark run. Metadata fields are `None` for benchmarks without that gold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExtractionReport {
    pub benchmark: String,
    pub pages: usize,
    /// Pages for which extraction returned an error (scored as empty output).
    pub failed_pages: usize,
    pub body_precision: f64,
    pub body_recall: f64,
    /// Zyte: harmonic mean of the averages; WCXB: average of per-page F1.
    pub body_f1: f64,
    pub title_exact: Option<f64>,
    /// Over pages whose gold names an author.
    pub author_exact: Option<f64>,
    /// Over pages whose gold has a publication date.
    pub date_exact: Option<f64>,
    /// Share of pages whose gold has no date that were given one anyway.
    pub date_given_without_gold: Option<f64>,
    pub median_ms_per_page: f64,
    pub mean_ms_per_page: f64,
}

impl fmt::Display for ExtractionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} — {} pages ({} failed)", self.benchmark, self.pages, self.failed_pages)?;
        writeln!(f, "  {:<34} {:>8}", "metric", "value")?;
        writeln!(f, "  {:<34} {:>8.4}", "body precision", self.body_precision)?;
        writeln!(f, "  {:<34} {:>8.4}", "body recall", self.body_recall)?;
        writeln!(f, "  {:<34} {:>8.4}", "body F1", self.body_f1)?;
        let optional_rows = [
            ("title exact match", self.title_exact),
            ("author exact match (gold has one)", self.author_exact),
            ("date exact match (gold has one)", self.date_exact),
            ("date given where gold has none", self.date_given_without_gold),
        ];
        for (name, value) in optional_rows {
            if let Some(value) = value {
                writeln!(f, "  {name:<34} {value:>8.4}")?;
            }
        }
        writeln!(f, "  {:<34} {:>8.2}", "median ms / page", self.median_ms_per_page)?;
        write!(f, "  {:<34} {:>8.2}", "mean ms / page", self.mean_ms_per_page)
    }
}

/// One page's extraction output as the metrics need it.
struct PageOutput {
    body: String,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
    failed: bool,
    milliseconds: f64,
}

fn run_extraction(html: &[u8], url: Option<&str>) -> PageOutput {
    let start = Instant::now();
    let result = extract_article(html, url);
    let milliseconds = start.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(article) => PageOutput {
            body: article.body_paragraphs.join("\n\n"),
            author: (!article.authors.is_empty()).then(|| join_author_names(&article.authors)),
            title: article.title,
            date: article.published.map(|date| date.to_string()),
            failed: false,
            milliseconds,
        },
        Err(_) => PageOutput { body: String::new(), title: None, author: None, date: None, failed: true, milliseconds },
    }
}

/// Scores extraction on the Zyte benchmark folder (`html/*.html.gz` + `ground-truth.json`).
/// Only pages present in `html/` are scored.
pub fn evaluate_zyte(dir: &Path) -> Result<ExtractionReport, HtmlError> {
    let truth_path = dir.join("ground-truth.json");
    let truth = read_json(&truth_path)?;
    let truth = truth.as_object().ok_or_else(|| data_error(&truth_path, "top level is not an object"))?;
    let mut precisions = Vec::new();
    let mut recalls = Vec::new();
    let mut timings = Vec::new();
    let mut failed_pages = 0;
    for (id, html) in gzip_pages(&dir.join("html"))? {
        let Some(entry) = truth.get(&id) else {
            continue;
        };
        let reference = entry.get("articleBody").and_then(Value::as_str).unwrap_or("");
        let url = entry.get("url").and_then(Value::as_str);
        let output = run_extraction(&html, url);
        failed_pages += usize::from(output.failed);
        timings.push(output.milliseconds);
        let (precision, recall) = shingle_precision_recall(reference, &output.body);
        precisions.push(precision);
        recalls.push(recall);
    }
    let body_precision = mean(&precisions);
    let body_recall = mean(&recalls);
    Ok(ExtractionReport {
        benchmark: "Zyte article-extraction-benchmark".to_string(),
        pages: timings.len(),
        failed_pages,
        body_precision,
        body_recall,
        body_f1: harmonic_mean(body_precision, body_recall),
        median_ms_per_page: median(&mut timings.clone()),
        mean_ms_per_page: mean(&timings),
        ..ExtractionReport::default()
    })
}

/// Scores extraction on the WCXB folder (`html/NNNN.html.gz` + `ground-truth/NNNN.json`).
pub fn evaluate_wcxb(dir: &Path) -> Result<ExtractionReport, HtmlError> {
    let mut scores = WcxbTally::default();
    for (id, html) in gzip_pages(&dir.join("html"))? {
        let truth_path = dir.join("ground-truth").join(format!("{id}.json"));
        if !truth_path.exists() {
            continue;
        }
        let truth = read_json(&truth_path)?;
        let gold = truth.get("ground_truth").ok_or_else(|| data_error(&truth_path, "no ground_truth object"))?;
        let url = truth.get("url").and_then(Value::as_str);
        let output = run_extraction(&html, url);
        scores.add(gold, &output);
    }
    Ok(scores.into_report())
}

#[derive(Default)]
struct WcxbTally {
    precisions: Vec<f64>,
    recalls: Vec<f64>,
    f1s: Vec<f64>,
    timings: Vec<f64>,
    failed_pages: usize,
    title_matches: Vec<bool>,
    author_matches: Vec<bool>,
    date_matches: Vec<bool>,
    dates_without_gold: Vec<bool>,
}

impl WcxbTally {
    fn add(&mut self, gold: &Value, output: &PageOutput) {
        let gold_text =
            |key: &str| gold.get(key).and_then(Value::as_str).map(normalize_whitespace).filter(|text| !text.is_empty());
        let (precision, recall, f1) = word_bag_scores(gold_text("main_content").as_deref().unwrap_or(""), &output.body);
        self.precisions.push(precision);
        self.recalls.push(recall);
        self.f1s.push(f1);
        self.timings.push(output.milliseconds);
        self.failed_pages += usize::from(output.failed);
        let same = |gold: &str, ours: &Option<String>| {
            ours.as_deref().is_some_and(|ours| comparable(ours) == comparable(gold))
        };
        if let Some(title) = gold_text("title") {
            self.title_matches.push(same(&title, &output.title));
        }
        if let Some(author) = gold_text("author") {
            self.author_matches.push(same(&author, &output.author));
        }
        match gold_text("publish_date") {
            Some(date) => self.date_matches.push(output.date.as_deref() == Some(date.as_str())),
            None => self.dates_without_gold.push(output.date.is_some()),
        }
    }

    fn into_report(mut self) -> ExtractionReport {
        ExtractionReport {
            benchmark: "WCXB (article pages)".to_string(),
            pages: self.f1s.len(),
            failed_pages: self.failed_pages,
            body_precision: mean(&self.precisions),
            body_recall: mean(&self.recalls),
            body_f1: mean(&self.f1s),
            title_exact: Some(share(&self.title_matches)),
            author_exact: Some(share(&self.author_matches)),
            date_exact: Some(share(&self.date_matches)),
            date_given_without_gold: Some(share(&self.dates_without_gold)),
            median_ms_per_page: median(&mut self.timings),
            mean_ms_per_page: mean(&self.timings),
        }
    }
}

/// The form titles and names are compared in: whitespace collapsed, lower case, typographic
/// apostrophes and quotes folded to ASCII (the WCXB gold writes most `’` as `'`).
fn comparable(text: &str) -> String {
    normalize_whitespace(text)
        .to_lowercase()
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
}

/// `\w+` tokens as Python's `re` finds them on `str`: runs of Unicode letters, digits and
/// underscores.
pub fn word_tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (index, character) in text.char_indices() {
        let is_word = character.is_alphanumeric() || character == '_';
        match (is_word, start) {
            (true, None) => start = Some(index),
            (false, Some(begin)) => {
                tokens.push(&text[begin..index]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        tokens.push(&text[begin..]);
    }
    tokens
}

/// Zyte per-page (precision, recall) over 4-token shingle multisets.
pub fn shingle_precision_recall(reference: &str, output: &str) -> (f64, f64) {
    let reference_shingles = shingle_counts(reference);
    let output_shingles = shingle_counts(output);
    if output_shingles.is_empty() {
        return (1.0, if reference_shingles.is_empty() { 1.0 } else { 0.0 });
    }
    let (mut matched, mut extra, mut missing) = (0usize, 0usize, 0usize);
    for (shingle, &output_count) in &output_shingles {
        let reference_count = reference_shingles.get(shingle).copied().unwrap_or(0);
        matched += output_count.min(reference_count);
        extra += output_count.saturating_sub(reference_count);
    }
    for (shingle, &reference_count) in &reference_shingles {
        missing += reference_count.saturating_sub(output_shingles.get(shingle).copied().unwrap_or(0));
    }
    (ratio_or_one(matched, extra), ratio_or_one(matched, missing))
}

/// matched / (matched + other), where nothing at all to compare counts as perfect, as the
/// benchmark script's `fp == fn == 0 → 1` does.
fn ratio_or_one(matched: usize, other: usize) -> f64 {
    if matched + other == 0 { 1.0 } else { matched as f64 / (matched + other) as f64 }
}

fn shingle_counts(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens = word_tokens(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    for window in tokens.windows(4.min(tokens.len())) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// WCXB per-page (precision, recall, F1) over lower-cased word bags.
pub fn word_bag_scores(reference: &str, output: &str) -> (f64, f64, f64) {
    let reference_lower = reference.to_lowercase();
    let output_lower = output.to_lowercase();
    let reference_tokens = word_tokens(&reference_lower);
    let output_tokens = word_tokens(&output_lower);
    if reference_tokens.is_empty() {
        return if output_tokens.is_empty() { (1.0, 1.0, 1.0) } else { (0.0, 0.0, 0.0) };
    }
    if output_tokens.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut reference_counts: HashMap<&str, usize> = HashMap::new();
    for token in &reference_tokens {
        *reference_counts.entry(token).or_insert(0) += 1;
    }
    let mut overlap = 0;
    for token in &output_tokens {
        if let Some(count) = reference_counts.get_mut(token)
            && *count > 0
        {
            *count -= 1;
            overlap += 1;
        }
    }
    let precision = overlap as f64 / output_tokens.len() as f64;
    let recall = overlap as f64 / reference_tokens.len() as f64;
    (precision, recall, harmonic_mean(precision, recall))
}

fn harmonic_mean(a: f64, b: f64) -> f64 {
    if a + b > 0.0 { 2.0 * a * b / (a + b) } else { 0.0 }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() { 0.0 } else { values.iter().sum::<f64>() / values.len() as f64 }
}

fn share(flags: &[bool]) -> f64 {
    if flags.is_empty() { 0.0 } else { flags.iter().filter(|&&flag| flag).count() as f64 / flags.len() as f64 }
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len().is_multiple_of(2) { (values[middle - 1] + values[middle]) / 2.0 } else { values[middle] }
}

/// `(stem, decompressed bytes)` for every `*.html.gz` in a folder, sorted by name.
fn gzip_pages(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, HtmlError> {
    let io_error = |source| HtmlError::Io { source_name: dir.display().to_string(), source };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(io_error)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".html.gz"))
        .collect();
    names.sort();
    let mut pages = Vec::with_capacity(names.len());
    for name in names {
        let path = dir.join(&name);
        let compressed =
            std::fs::read(&path).map_err(|source| HtmlError::Io { source_name: path.display().to_string(), source })?;
        let mut html = Vec::new();
        GzDecoder::new(compressed.as_slice())
            .read_to_end(&mut html)
            .map_err(|source| HtmlError::Io { source_name: path.display().to_string(), source })?;
        pages.push((name.trim_end_matches(".html.gz").to_string(), html));
    }
    Ok(pages)
}

fn read_json(path: &Path) -> Result<Value, HtmlError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| HtmlError::Io { source_name: path.display().to_string(), source })?;
    serde_json::from_str(&text).map_err(|error| data_error(path, &error.to_string()))
}

fn data_error(path: &Path, message: &str) -> HtmlError {
    HtmlError::EvaluationData { path: path.display().to_string(), message: message.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_python_word_pattern() {
        assert_eq!(
            word_tokens("Kyiv's talks—resumed_today, 2024!"),
            vec!["Kyiv", "s", "talks", "resumed_today", "2024"]
        );
        assert_eq!(word_tokens("Łódź für Привет"), vec!["Łódź", "für", "Привет"]);
    }

    #[test]
    fn shingle_scores_match_hand_counts() {
        // Reference has 3 shingles (6 tokens); output shares the first 2 and adds 1 extra.
        let reference = "one two three four five six";
        let output = "one two three four five seven";
        let (precision, recall) = shingle_precision_recall(reference, output);
        assert!((precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(shingle_precision_recall(reference, ""), (1.0, 0.0));
        assert_eq!(shingle_precision_recall("short text", "short text"), (1.0, 1.0));
    }

    #[test]
    fn word_bag_scores_are_case_insensitive_multisets() {
        let (precision, recall, f1) = word_bag_scores("The talks the talks", "the TALKS ended");
        assert!((precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((recall - 0.5).abs() < 1e-9);
        assert!((f1 - 2.0 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5)).abs() < 1e-9);
        assert_eq!(word_bag_scores("", ""), (1.0, 1.0, 1.0));
        assert_eq!(word_bag_scores("words here", ""), (0.0, 0.0, 0.0));
    }

    #[test]
    fn median_of_even_and_odd_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
