//! The coder must be deterministic: the same passage coded twice, by two pipelines built
//! separately, gives the same JSON, byte for byte.

use dyad_document::{Document, Metadata, PartialDate};
use dyad_kb::KnowledgeBase;
use dyad_pipeline::Pipeline;
use dyad_verbs::VerbDictionary;

/// A news-style passage written for this test.
const PASSAGE: &str = "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Tuesday. \
Lavrov said the two countries would deepen their cooperation.\n\n\
Ukraine accused Russia of shelling the city of Kharkiv overnight, and officials in Kyiv demanded new sanctions.";

fn coded_json() -> String {
    let pipeline = Pipeline::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::day(2024, 1, 1));
    let metadata =
        Metadata { published: Some(PartialDate::day(2024, 3, 14)), source: "test".into(), ..Metadata::default() };
    let processed = pipeline.process(Document::from_body(PASSAGE.to_string(), metadata));
    let events = serde_json::to_string(&processed.coded.events).expect("events serialise");
    let quotes = serde_json::to_string(&processed.quotes).expect("quotes serialise");
    format!("{events}\n{quotes}")
}

#[test]
fn the_same_passage_codes_to_the_same_bytes() {
    let first = coded_json();
    let second = coded_json();
    assert!(first.len() > 10 && first.contains("\"event\""), "the passage should code some events: {first}");
    assert_eq!(first, second);
}
