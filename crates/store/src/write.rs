//! Writing one document with its events and quotes, inside a transaction the caller owns.
//!
//! Invariant: a document is written whole or not at all. Every check (records belong to
//! the document, spans slice its body, event ids are unique within it, numbers are finite)
//! runs before the first row is written, so a bad record leaves no partial document even
//! if the caller were to commit after the error.

use crate::error::StoreError;
use crate::filter::{first_day_key, last_day_key};
use crate::{InsertOutcome, SqlContext};
use dyad_document::Span;
use dyad_record::{DocumentRecord, Entity, EventRecord, QuoteRecord};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;

pub(crate) fn insert_document_with_records(
    connection: &Connection,
    location: &str,
    document: &DocumentRecord,
    events: &[EventRecord],
    quotes: &[QuoteRecord],
) -> Result<InsertOutcome, StoreError> {
    if document_exists(connection, &document.doc_id).at(location)? {
        return Ok(InsertOutcome::AlreadyStored);
    }
    validate(document, events, quotes)?;
    insert_document_row(connection, document).at(location)?;
    for event in events {
        insert_event(connection, location, document, event)?;
    }
    for quote in quotes {
        insert_quote(connection, location, quote)?;
    }
    Ok(InsertOutcome::Inserted)
}

pub(crate) fn document_exists(connection: &Connection, doc_id: &str) -> rusqlite::Result<bool> {
    let mut statement = connection.prepare_cached("SELECT 1 FROM documents WHERE doc_id = ?")?;
    Ok(statement.query_row([doc_id], |_| Ok(())).optional()?.is_some())
}

fn validate(document: &DocumentRecord, events: &[EventRecord], quotes: &[QuoteRecord]) -> Result<(), StoreError> {
    let mut seen_event_ids = HashSet::new();
    for event in events {
        let record = format!("event {}", event.id);
        check_belongs(document, &event.doc_id, &record)?;
        if !seen_event_ids.insert(event.id.as_str()) {
            return Err(StoreError::DuplicateEventId { doc_id: document.doc_id.clone(), event_id: event.id.clone() });
        }
        check_span(document, &record, "sentence", event.span)?;
        for entity in event.actor.iter().chain(&event.recipient) {
            check_span(document, &record, "entity", entity.span)?;
        }
        if let Some(place) = &event.location {
            check_span(document, &record, "location", place.span)?;
            check_finite(document, &record, "location lat", place.lat)?;
            check_finite(document, &record, "location lon", place.lon)?;
        }
        check_finite(document, &record, "confidence", Some(event.confidence))?;
        check_finite(document, &record, "goldstein", event.goldstein)?;
    }
    for (position, quote) in quotes.iter().enumerate() {
        let record = format!("quote {position}");
        check_belongs(document, &quote.doc_id, &record)?;
        check_span(document, &record, "quote", quote.span)?;
        for entity in quote.speaker.iter().chain(&quote.addressee) {
            check_span(document, &record, "entity", entity.span)?;
        }
    }
    Ok(())
}

fn check_belongs(document: &DocumentRecord, record_doc_id: &str, record: &str) -> Result<(), StoreError> {
    if record_doc_id == document.doc_id {
        return Ok(());
    }
    Err(StoreError::WrongDocument {
        doc_id: document.doc_id.clone(),
        record_doc_id: record_doc_id.to_string(),
        record: record.to_string(),
    })
}

fn check_span(document: &DocumentRecord, record: &str, what: &'static str, span: Span) -> Result<(), StoreError> {
    if document.body.get(span.start..span.end).is_some() {
        return Ok(());
    }
    Err(StoreError::SpanOutsideBody {
        doc_id: document.doc_id.clone(),
        record: record.to_string(),
        what,
        start: span.start,
        end: span.end,
        body_len: document.body.len(),
    })
}

/// serde_json writes a NaN or infinity as `null`, which would not read back as the same
/// record (or at all, for a required number), so such values are refused up front.
fn check_finite(
    document: &DocumentRecord,
    record: &str,
    field: &'static str,
    value: Option<f64>,
) -> Result<(), StoreError> {
    match value {
        Some(value) if !value.is_finite() => {
            Err(StoreError::NotFinite { doc_id: document.doc_id.clone(), record: record.to_string(), field, value })
        }
        _ => Ok(()),
    }
}

fn insert_document_row(connection: &Connection, document: &DocumentRecord) -> rusqlite::Result<()> {
    let mut statement = connection.prepare_cached(
        "INSERT INTO documents (doc_id, url, title, published, byline, language, source, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    statement.execute(params![
        document.doc_id,
        document.url,
        document.title,
        document.published.map(|date| date.to_string()),
        document.byline,
        document.language,
        document.source,
        document.body,
    ])?;
    Ok(())
}

fn insert_event(
    connection: &Connection,
    location: &str,
    document: &DocumentRecord,
    event: &EventRecord,
) -> Result<(), StoreError> {
    let record_json = serde_json::to_string(event).map_err(|source| StoreError::Serialise {
        doc_id: document.doc_id.clone(),
        record: format!("event {}", event.id),
        source,
    })?;
    // Validated above: the span slices the body.
    let sentence_text = document.body.get(event.span.start..event.span.end).unwrap_or_default();
    let event_key = insert_event_row(connection, event, sentence_text, &record_json).at(location)?;
    let roles = [("actor", &event.actor), ("recipient", &event.recipient)];
    for (role, entities) in roles {
        for (position, entity) in entities.iter().enumerate() {
            insert_entity_row(connection, event_key, role, position, entity).at(location)?;
        }
    }
    let mut index = connection
        .prepare_cached("INSERT INTO events_fts (rowid, sentence_text, event_text) VALUES (?, ?, ?)")
        .at(location)?;
    index.execute(params![event_key, sentence_text, event.event_text]).at(location)?;
    Ok(())
}

fn insert_event_row(
    connection: &Connection,
    event: &EventRecord,
    sentence_text: &str,
    record_json: &str,
) -> rusqlite::Result<i64> {
    let mut statement = connection.prepare_cached(
        "INSERT INTO events (doc_id, id, event, mode, cameo, quad_class, goldstein, date, date_first, date_last,
             date_source, modality, sentence, span_start, span_end, confidence, story_id, location_country,
             event_text, sentence_text, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let date_source = match event.date_source {
        dyad_record::DateSource::Text => "text",
        dyad_record::DateSource::Publication => "publication",
    };
    statement.execute(params![
        event.doc_id,
        event.id,
        event.event,
        event.mode,
        event.cameo,
        event.quad_class,
        event.goldstein,
        event.date.to_string(),
        first_day_key(&event.date),
        last_day_key(&event.date),
        date_source,
        event.modality.as_str(),
        as_sql_integer(event.sentence),
        as_sql_integer(event.span.start),
        as_sql_integer(event.span.end),
        event.confidence,
        event.story_id,
        event.location.as_ref().and_then(|place| place.country.as_deref()),
        event.event_text,
        sentence_text,
        record_json,
    ])?;
    Ok(connection.last_insert_rowid())
}

fn insert_entity_row(
    connection: &Connection,
    event_key: i64,
    role: &str,
    position: usize,
    entity: &Entity,
) -> rusqlite::Result<()> {
    let mut statement = connection.prepare_cached(
        "INSERT INTO event_entities (event_key, role, position, name, text, code, sector, name_folded, text_folded)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    statement.execute(params![
        event_key,
        role,
        as_sql_integer(position),
        entity.name,
        entity.text,
        entity.code,
        entity.sector,
        entity.name.as_ref().map(|name| name.to_lowercase()),
        entity.text.to_lowercase(),
    ])?;
    Ok(())
}

fn insert_quote(connection: &Connection, location: &str, quote: &QuoteRecord) -> Result<(), StoreError> {
    let record_json = serde_json::to_string(quote).map_err(|source| StoreError::Serialise {
        doc_id: quote.doc_id.clone(),
        record: format!("quote at {}..{}", quote.span.start, quote.span.end),
        source,
    })?;
    let quote_key = insert_quote_row(connection, quote, &record_json).at(location)?;
    let mut index = connection.prepare_cached("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)").at(location)?;
    index.execute(params![quote_key, quote.text]).at(location)?;
    Ok(())
}

fn insert_quote_row(connection: &Connection, quote: &QuoteRecord, record_json: &str) -> rusqlite::Result<i64> {
    let mut statement = connection.prepare_cached(
        "INSERT INTO quotes (doc_id, speaker_name, speaker_text, speaker_code, speaker_name_folded,
             speaker_text_folded, addressee_name, addressee_text, addressee_code, text, verb, span_start, span_end,
             date, date_first, date_last, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let speaker = quote.speaker.as_ref();
    let addressee = quote.addressee.as_ref();
    statement.execute(params![
        quote.doc_id,
        speaker.and_then(|entity| entity.name.as_deref()),
        speaker.map(|entity| entity.text.as_str()),
        speaker.and_then(|entity| entity.code.as_deref()),
        speaker.and_then(|entity| entity.name.as_ref()).map(|name| name.to_lowercase()),
        speaker.map(|entity| entity.text.to_lowercase()),
        addressee.and_then(|entity| entity.name.as_deref()),
        addressee.map(|entity| entity.text.as_str()),
        addressee.and_then(|entity| entity.code.as_deref()),
        quote.text,
        quote.verb,
        as_sql_integer(quote.span.start),
        as_sql_integer(quote.span.end),
        quote.date.map(|date| date.to_string()),
        quote.date.as_ref().map(first_day_key),
        quote.date.as_ref().map(last_day_key),
        record_json,
    ])?;
    Ok(connection.last_insert_rowid())
}

/// SQLite integers are i64; offsets and indexes into a document body never come near that.
fn as_sql_integer(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}
