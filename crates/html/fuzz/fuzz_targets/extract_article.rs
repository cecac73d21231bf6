//! Any bytes as a web page: extraction must return Ok or Err, never panic, and a body's
//! paragraphs must be non-empty single lines.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = dyad_html::extract_article(data, Some("https://fuzz.example/2024/01/02/page")) {
        assert!(article.body_paragraphs.iter().all(|paragraph| !paragraph.is_empty() && !paragraph.contains('\n')));
    }
});
