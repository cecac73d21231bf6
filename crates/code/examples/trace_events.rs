//! Prints each line of a text file as word/TAG pairs followed by the events coded from it, for
//! checking the coder by eye: `cargo run -p dyad-code --example trace_events -- sentences.txt`.
//! Every line is coded as a document of its own, published on 2000-01-01.
use dyad_analyse::Analyser;
use dyad_code::Coder;
use dyad_document::{Document, Metadata, PartialDate};
use dyad_kb::KnowledgeBase;
use dyad_verbs::VerbDictionary;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: trace_events FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let analyser = Analyser::new();
    let coder = Coder::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::year(2000));
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let metadata = Metadata { published: Some(PartialDate::year(2000)), ..Metadata::default() };
        let document = Document::from_body(line.to_string(), metadata);
        let sentences = analyser.analyse(&document.body);
        for sentence in &sentences {
            let tagged: Vec<String> = sentence
                .tokens
                .iter()
                .map(|token| format!("{}/{}", token.text(&document.body), token.tag.as_str()))
                .collect();
            println!("{}", tagged.join(" "));
        }
        let coded = coder.code_document(&document, &sentences);
        for phrase in coded.actors.iter().flatten() {
            println!(
                "  phrase {:?} {:?} tokens {}..{} code={:?} sector={:?}",
                phrase.entity.text,
                phrase.kind,
                phrase.first_token,
                phrase.end_token,
                phrase.entity.code,
                phrase.entity.sector
            );
        }
        for event in coded.events {
            let side = |entities: &[dyad_record::Entity]| {
                let names: Vec<String> = entities
                    .iter()
                    .map(|entity| {
                        format!(
                            "{}[{}{}]",
                            entity.text,
                            entity.code.as_deref().unwrap_or("-"),
                            entity.sector.as_deref().unwrap_or("")
                        )
                    })
                    .collect();
                names.join("+")
            };
            println!(
                "  => {} {} {} > {} cameo={} mode={:?} modality={:?} conf={:.2}",
                event.event,
                event.event_text,
                side(&event.actor),
                side(&event.recipient),
                event.cameo.as_deref().unwrap_or("-"),
                event.mode,
                event.modality,
                event.confidence
            );
        }
        println!();
    }
}
