//! Measures bulk ingest speed: synthetic documents with five events and one quote each,
//! stored through `insert_batch` into a fresh database file under the temp directory.
//!
//! Run: `cargo run --release -p dyad-store --example bulk_ingest [documents] [batch size]`
//! (defaults: 10000 documents, batches of 1000).

use dyad_document::{PartialDate, Span};
use dyad_record::{DateSource, DocumentRecord, Entity, EventRecord, Modality, QuoteRecord};
use dyad_store::{DocumentWithRecords, EventFilter, Store};
use std::time::Instant;

const ACTORS: [(&str, &str); 5] =
    [("Russia", "RUS"), ("Turkey", "TUR"), ("Kenya", "KEN"), ("France", "FRA"), ("Brazil", "BRA")];
const EVENT_TYPES: [&str; 5] = ["CONSULT", "ACCUSE", "AGREE", "PROTEST", "SANCTION"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut arguments = std::env::args().skip(1);
    let document_count: usize = arguments.next().map(|text| text.parse()).transpose()?.unwrap_or(10_000);
    let batch_size: usize = arguments.next().map(|text| text.parse()).transpose()?.unwrap_or(1_000).max(1);
    let directory = std::env::temp_dir().join(format!("dyad-store-bulk-{}", std::process::id()));
    let path = directory.join("bulk.db");

    let items: Vec<DocumentWithRecords> = (0..document_count).map(synthetic_document).collect();
    let mut store = Store::open(&path)?;
    let started = Instant::now();
    for batch in items.chunks(batch_size) {
        store.insert_batch(batch)?;
    }
    let seconds = started.elapsed().as_secs_f64();
    let counts = store.counts()?;
    let query_started = Instant::now();
    let filter = EventFilter { actor: Some("TUR".into()), text: Some("talks".into()), ..Default::default() };
    let found = store.events(&filter)?.len();
    let query_milliseconds = query_started.elapsed().as_secs_f64() * 1e3;
    drop(store);
    let size = std::fs::metadata(&path)?.len();
    // Removed before printing, so a closed stdout (`| head -1`) leaves no file behind.
    std::fs::remove_dir_all(&directory)?;

    println!(
        "stored {} documents, {} events, {} quotes in {seconds:.2} s: {:.0} docs/s, {:.0} events/s (batches of {batch_size})",
        counts.documents,
        counts.events,
        counts.quotes,
        counts.documents as f64 / seconds,
        counts.events as f64 / seconds
    );
    println!("query actor=TUR text=talks: {found} events in {query_milliseconds:.1} ms");
    println!("database size: {:.1} MB", size as f64 / 1e6);
    Ok(())
}

fn synthetic_document(index: usize) -> DocumentWithRecords {
    let doc_id = format!("{index:016x}");
    let sentences: Vec<String> = (0..5)
        .map(|slot| {
            let (actor, _) = ACTORS[(index + slot) % ACTORS.len()];
            let (recipient, _) = ACTORS[(index + slot + 1) % ACTORS.len()];
            format!("{actor} held talks with {recipient} on trade and security in round {index}-{slot}.")
        })
        .collect();
    let quote_text = format!("We expect progress soon on item {index}");
    let body = format!("{} \"{quote_text},\" an official said.", sentences.join(" "));
    let mut offset = 0;
    let mut events = Vec::new();
    for (slot, sentence) in sentences.iter().enumerate() {
        let span = Span::new(offset, offset + sentence.len());
        offset += sentence.len() + 1;
        let (actor, actor_code) = ACTORS[(index + slot) % ACTORS.len()];
        let (recipient, recipient_code) = ACTORS[(index + slot + 1) % ACTORS.len()];
        let recipient_start = span.start + sentence.find(recipient).unwrap_or(0);
        events.push(EventRecord {
            id: format!("{doc_id}-{slot}"),
            event: EVENT_TYPES[slot].to_string(),
            mode: None,
            context: vec!["diplomatic".into()],
            cameo: Some("040".into()),
            goldstein: Some(1.0),
            quad_class: 1,
            actor: vec![entity(actor, actor_code, span.start)],
            recipient: vec![entity(recipient, recipient_code, recipient_start)],
            date: PartialDate::day(2020 + (index % 5) as i16, 1 + (index % 12) as u8, 1 + (slot * 5) as u8),
            date_source: DateSource::Publication,
            date_text: None,
            modality: Modality::Asserted,
            location: None,
            confidence: 0.7,
            event_text: "held talks with".into(),
            doc_id: doc_id.clone(),
            sentence: slot,
            span,
            story_id: None,
        });
    }
    let quote_start = body.find(&quote_text).unwrap_or(0);
    let quote = QuoteRecord {
        doc_id: doc_id.clone(),
        speaker: None,
        addressee: None,
        text: quote_text.clone(),
        verb: Some("said".into()),
        span: Span::new(quote_start, quote_start + quote_text.len()),
        date: None,
    };
    let document = DocumentRecord {
        doc_id,
        url: None,
        title: Some(format!("Talks, round {index}")),
        published: None,
        byline: None,
        language: Some("en".into()),
        source: "synthetic".into(),
        body,
    };
    (document, events, vec![quote])
}

fn entity(name: &str, code: &str, start: usize) -> Entity {
    Entity {
        text: name.into(),
        name: Some(name.into()),
        code: Some(code.into()),
        sector: Some("GOV".into()),
        span: Span::new(start, start + name.len()),
    }
}
