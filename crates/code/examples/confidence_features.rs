//! Dumps, for every event the coder gives on a PLOVER gold file, its evidence features and
//! its actors, one JSON object a line, for `scripts/fit_confidence.py` (see the module
//! comment of `confidence.rs`). Each record is coded the way `dyad eval plover` codes it: its
//! text (braces and runs of whitespace removed) as one document published on its date.
//!
//!     cargo run -p dyad-code --example confidence_features -- PLOVER_GSR_CAMEO.dev.json

use dyad_analyse::Analyser;
use dyad_code::{Coder, features};
use dyad_document::{Document, Metadata, PartialDate};
use dyad_kb::KnowledgeBase;
use dyad_verbs::VerbDictionary;
use serde_json::{Value, json};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: confidence_features <PLOVER gold JSON file>");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        }
    };
    let records: Vec<Value> = match serde_json::from_str(&text) {
        Ok(Value::Array(records)) => records,
        _ => {
            eprintln!("{path}: expected a JSON array of records");
            std::process::exit(1);
        }
    };
    let coder = Coder::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::year(2000));
    let analyser = Analyser::new();
    for record in &records {
        let field = |name: &str| record.get(name).and_then(Value::as_str).unwrap_or("").trim().to_string();
        let body = field("text");
        let body = body.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')).unwrap_or(&body);
        let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
        if field("event") == "DOCUMENT" || body.is_empty() {
            continue;
        }
        let published = field("date").parse::<PartialDate>().ok();
        let metadata = Metadata { published, language: Some("en".into()), ..Metadata::default() };
        let document = Document { id: field("id"), metadata, body };
        let sentences = analyser.analyse(&document.body);
        let coded = coder.code_document(&document, &sentences);
        for (event, evidence) in coded.events.iter().zip(&coded.evidence) {
            let codes = |list: &[dyad_record::Entity]| -> Vec<Value> {
                list.iter().map(|entity| json!({"code": entity.code, "text": entity.text, "name": entity.name})).collect()
            };
            let line = json!({
                "id": document.id,
                "event": event.event,
                "actor": codes(&event.actor),
                "recipient": codes(&event.recipient),
                "confidence": event.confidence,
                "features": features(evidence).to_vec(),
            });
            println!("{line}");
        }
    }
}
