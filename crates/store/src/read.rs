//! Reading records back. Events and quotes come from their `record` JSON column, which holds
//! the record exactly as it was given; documents come from their columns, which are the
//! document record's fields one for one.

use crate::error::StoreError;
use crate::filter::{EventFilter, QuoteFilter, event_conditions, limit_clause, quote_conditions};
use crate::{SqlContext, StoredEvent};
use dyad_record::{DocumentRecord, EventRecord, QuoteRecord};
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

const DOCUMENT_COLUMNS: &str = "doc_id, url, title, published, byline, language, source, body";

/// Events matching the filter, oldest date first, then in the order they were stored.
pub(crate) fn events(
    connection: &Connection,
    location: &str,
    filter: &EventFilter,
) -> Result<Vec<StoredEvent>, StoreError> {
    let conditions = event_conditions(filter);
    let sql = format!(
        "SELECT e.event_key, e.record, e.sentence_text FROM events e {} ORDER BY e.date_first, e.event_key {}",
        conditions.where_clause(),
        limit_clause(filter.limit)
    );
    query_events(connection, location, &sql, params_from_iter(conditions.parameters.iter()))
}

/// A document's events in the order they were stored.
pub(crate) fn events_for_document(
    connection: &Connection,
    location: &str,
    doc_id: &str,
) -> Result<Vec<StoredEvent>, StoreError> {
    let sql = "SELECT event_key, record, sentence_text FROM events WHERE doc_id = ? ORDER BY event_key";
    query_events(connection, location, sql, [doc_id])
}

fn query_events(
    connection: &Connection,
    location: &str,
    sql: &str,
    parameters: impl rusqlite::Params,
) -> Result<Vec<StoredEvent>, StoreError> {
    let mut statement = connection.prepare_cached(sql).at(location)?;
    let rows = statement
        .query_map(parameters, |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?)))
        .at(location)?;
    let mut events = Vec::new();
    for row in rows {
        let (event_key, json, sentence_text) = row.at(location)?;
        let record: EventRecord = serde_json::from_str(&json).map_err(|error| StoreError::CorruptRow {
            location: location.to_string(),
            table: "events",
            key: event_key.to_string(),
            reason: error.to_string(),
        })?;
        events.push(StoredEvent { record, sentence_text });
    }
    Ok(events)
}

/// Quotes matching the filter, oldest date first (undated last), then in stored order.
pub(crate) fn quotes(
    connection: &Connection,
    location: &str,
    filter: &QuoteFilter,
) -> Result<Vec<QuoteRecord>, StoreError> {
    let conditions = quote_conditions(filter);
    let sql = format!(
        "SELECT q.quote_key, q.record FROM quotes q {} ORDER BY q.date_first IS NULL, q.date_first, q.quote_key {}",
        conditions.where_clause(),
        limit_clause(filter.limit)
    );
    query_quotes(connection, location, &sql, params_from_iter(conditions.parameters.iter()))
}

/// A document's quotes in the order they were stored.
pub(crate) fn quotes_for_document(
    connection: &Connection,
    location: &str,
    doc_id: &str,
) -> Result<Vec<QuoteRecord>, StoreError> {
    let sql = "SELECT quote_key, record FROM quotes WHERE doc_id = ? ORDER BY quote_key";
    query_quotes(connection, location, sql, [doc_id])
}

fn query_quotes(
    connection: &Connection,
    location: &str,
    sql: &str,
    parameters: impl rusqlite::Params,
) -> Result<Vec<QuoteRecord>, StoreError> {
    let mut statement = connection.prepare_cached(sql).at(location)?;
    let rows =
        statement.query_map(parameters, |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))).at(location)?;
    let mut quotes = Vec::new();
    for row in rows {
        let (quote_key, json) = row.at(location)?;
        let record = serde_json::from_str(&json).map_err(|error| StoreError::CorruptRow {
            location: location.to_string(),
            table: "quotes",
            key: quote_key.to_string(),
            reason: error.to_string(),
        })?;
        quotes.push(record);
    }
    Ok(quotes)
}

/// The document with exactly this id, or else the only one whose id starts with it.
pub(crate) fn document_by_id_or_prefix(
    connection: &Connection,
    location: &str,
    id_or_prefix: &str,
) -> Result<Option<DocumentRecord>, StoreError> {
    if id_or_prefix.is_empty() {
        return Ok(None);
    }
    if let Some(document) = document_by_id(connection, location, id_or_prefix)? {
        return Ok(Some(document));
    }
    let candidates = ids_with_prefix(connection, location, id_or_prefix)?;
    match candidates.as_slice() {
        [] => Ok(None),
        [only] => document_by_id(connection, location, only),
        _ => Err(ambiguous_prefix(id_or_prefix, candidates)),
    }
}

/// How many candidate ids an ambiguous-prefix error lists.
const MAX_LISTED_CANDIDATES: usize = 10;

/// Ids starting with `prefix`, at most one more than are listed. Ids that share a prefix
/// sit together in the primary-key order, right at or after the prefix itself, so this is
/// a short index range scan rather than a table scan.
fn ids_with_prefix(connection: &Connection, location: &str, prefix: &str) -> Result<Vec<String>, StoreError> {
    let mut statement = connection
        .prepare_cached("SELECT doc_id FROM documents WHERE doc_id >= ? ORDER BY doc_id LIMIT ?")
        .at(location)?;
    let fetch = (MAX_LISTED_CANDIDATES + 1) as i64;
    let rows = statement.query_map(rusqlite::params![prefix, fetch], |row| row.get::<_, String>(0)).at(location)?;
    let mut ids = Vec::new();
    for row in rows {
        let id = row.at(location)?;
        if !id.starts_with(prefix) {
            break;
        }
        ids.push(id);
    }
    Ok(ids)
}

fn ambiguous_prefix(prefix: &str, mut candidates: Vec<String>) -> StoreError {
    let more = candidates.len() > MAX_LISTED_CANDIDATES;
    candidates.truncate(MAX_LISTED_CANDIDATES);
    StoreError::AmbiguousDocumentPrefix { prefix: prefix.to_string(), candidates, more }
}

fn document_by_id(connection: &Connection, location: &str, doc_id: &str) -> Result<Option<DocumentRecord>, StoreError> {
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?");
    let mut statement = connection.prepare_cached(&sql).at(location)?;
    let row = statement.query_row([doc_id], read_document_columns).optional().at(location)?;
    row.map(|columns| columns.into_record(location)).transpose()
}

/// Documents in the order they were stored.
pub(crate) fn documents(
    connection: &Connection,
    location: &str,
    limit: Option<usize>,
) -> Result<Vec<DocumentRecord>, StoreError> {
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY rowid {}", limit_clause(limit));
    let mut statement = connection.prepare_cached(&sql).at(location)?;
    let rows = statement.query_map([], read_document_columns).at(location)?;
    let mut documents = Vec::new();
    for row in rows {
        documents.push(row.at(location)?.into_record(location)?);
    }
    Ok(documents)
}

/// A document row before its published date is parsed; parsing can fail only on a file
/// edited by hand, and that failure should name the row.
struct DocumentColumns {
    record: DocumentRecord,
    published: Option<String>,
}

fn read_document_columns(row: &Row<'_>) -> rusqlite::Result<DocumentColumns> {
    let record = DocumentRecord {
        doc_id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        published: None,
        byline: row.get(4)?,
        language: row.get(5)?,
        source: row.get(6)?,
        body: row.get(7)?,
    };
    Ok(DocumentColumns { record, published: row.get(3)? })
}

impl DocumentColumns {
    fn into_record(self, location: &str) -> Result<DocumentRecord, StoreError> {
        let mut record = self.record;
        if let Some(published) = self.published {
            let date = published.parse().map_err(|error: dyad_document::DateParseError| StoreError::CorruptRow {
                location: location.to_string(),
                table: "documents",
                key: record.doc_id.clone(),
                reason: error.to_string(),
            })?;
            record.published = Some(date);
        }
        Ok(record)
    }
}
