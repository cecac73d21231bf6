//! Development aid: prints one JSON line per WCXB page with gold and extracted metadata.
use std::io::Read;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("WCXB dir"));
    let mut names: Vec<_> = std::fs::read_dir(dir.join("html")).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name().into_string().unwrap()).collect();
    names.sort();
    for name in names {
        let id = name.trim_end_matches(".html.gz");
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(dir.join("html").join(&name)).unwrap()).read_to_end(&mut html).unwrap();
        let truth: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth").join(format!("{id}.json"))).unwrap()).unwrap();
        let url = truth["url"].as_str();
        let article = dyad_html::extract_article(&html, url).ok();
        let line = serde_json::json!({
            "id": id, "url": url,
            "gold_title": truth["ground_truth"]["title"], "title": article.as_ref().and_then(|a| a.title.clone()),
            "gold_author": truth["ground_truth"]["author"], "authors": article.as_ref().map(|a| a.authors.clone()),
            "gold_date": truth["ground_truth"]["publish_date"], "date": article.as_ref().and_then(|a| a.published.map(|d| d.to_string())),
        });
        println!("{line}");
    }
}
