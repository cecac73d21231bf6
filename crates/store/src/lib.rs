//! The store: documents, events and quotes in an embedded SQLite file, and queries over them.
//!
//! Only this crate knows SQL; callers see records and filters.
//!
//! Invariants:
//! - A document is stored together with all its events and quotes in one transaction, or
//!   not at all. A document id is stored at most once: inserting it again reports
//!   [`InsertOutcome::AlreadyStored`] and writes nothing, which makes re-running an ingest
//!   over the same inputs safe.
//! - Every insert commits before it returns, so a document reported as stored survives the
//!   process being interrupted or killed (see [`Durability`] for power loss).
//! - Events and quotes read back equal (`==`) the records that were stored: each is kept
//!   whole as JSON beside the columns used to filter it.
//! - An event's `id` must be unique within its document; the same id under two different
//!   documents is allowed (the table key is `(doc_id, id)`).
//! - Every stored span slices its document body on char boundaries; records whose spans do
//!   not are refused.
//!
//! Opening a path whose directory does not exist creates the directory.

mod error;
mod filter;
mod read;
mod schema;
mod write;

pub use error::StoreError;
pub use filter::{DateMatch, EventFilter, QuoteFilter};
pub use schema::{Durability, SCHEMA_VERSION};

use dyad_record::{DocumentRecord, EventRecord, QuoteRecord};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// An open dyad database.
pub struct Store {
    connection: Connection,
    /// The file path, or ":memory:", for error messages.
    location: String,
}

/// What an insert did with a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InsertOutcome {
    Inserted,
    /// A document with this id was already stored; nothing was written.
    AlreadyStored,
}

/// How many records the store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StoreCounts {
    pub documents: u64,
    pub events: u64,
    pub quotes: u64,
}

/// An event with the text of the sentence it was coded from (`body[record.span]`).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    pub record: EventRecord,
    pub sentence_text: String,
}

/// One document with its events and quotes, as [`Store::insert_batch`] takes them.
pub type DocumentWithRecords = (DocumentRecord, Vec<EventRecord>, Vec<QuoteRecord>);

impl Store {
    /// Opens the dyad database at `path`, creating the file, its directory and the schema
    /// on first use, and upgrading an older schema. Refuses, without writing to it, a file
    /// that is not a dyad database.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_durability(path, Durability::default())
    }

    pub fn open_with_durability(path: &Path, durability: Durability) -> Result<Store, StoreError> {
        schema::check_file_is_sqlite_or_new(path)?;
        schema::create_parent_directory(path)?;
        let mut connection =
            Connection::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        connection
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|source| schema::classify_open_error(path, source))?;
        schema::verify_identity(&connection, path)?;
        schema::configure(&connection, path, durability)?;
        schema::migrate(&mut connection, path)?;
        Ok(Store { connection, location: path.display().to_string() })
    }

    /// A store that lives only as long as this value; for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let location = Path::new(":memory:");
        let mut connection =
            Connection::open_in_memory().map_err(|source| StoreError::Open { path: location.into(), source })?;
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(|source| StoreError::Open { path: location.into(), source })?;
        schema::migrate(&mut connection, location)?;
        Ok(Store { connection, location: ":memory:".to_string() })
    }

    pub fn contains_document(&self, doc_id: &str) -> Result<bool, StoreError> {
        write::document_exists(&self.connection, doc_id).at(&self.location)
    }

    /// Stores a document with its events and quotes in one transaction, committed before
    /// this returns. If the document id is already stored, writes nothing.
    pub fn insert_document(
        &mut self,
        document: &DocumentRecord,
        events: &[EventRecord],
        quotes: &[QuoteRecord],
    ) -> Result<InsertOutcome, StoreError> {
        let transaction =
            self.connection.transaction_with_behavior(TransactionBehavior::Immediate).at(&self.location)?;
        let outcome = write::insert_document_with_records(&transaction, &self.location, document, events, quotes)?;
        transaction.commit().at(&self.location)?;
        Ok(outcome)
    }

    /// Stores many documents in one transaction (much faster than one each): either every
    /// document of the batch is stored, or, on any error, none is. A document id repeated
    /// within the batch is stored once and reported `AlreadyStored` the second time.
    pub fn insert_batch(&mut self, items: &[DocumentWithRecords]) -> Result<Vec<InsertOutcome>, StoreError> {
        let transaction =
            self.connection.transaction_with_behavior(TransactionBehavior::Immediate).at(&self.location)?;
        let mut outcomes = Vec::with_capacity(items.len());
        for (document, events, quotes) in items {
            outcomes.push(write::insert_document_with_records(&transaction, &self.location, document, events, quotes)?);
        }
        transaction.commit().at(&self.location)?;
        Ok(outcomes)
    }

    /// Events matching `filter`, ordered by date, then by the order they were stored.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>, StoreError> {
        let events = self.events_with_sentences(filter)?;
        Ok(events.into_iter().map(|event| event.record).collect())
    }

    /// As [`Store::events`], with each event's sentence text, so a caller listing events
    /// from many documents need not load every body.
    pub fn events_with_sentences(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        read::events(&self.connection, &self.location, filter)
    }

    /// Quotes matching `filter`, ordered by date (undated last), then by the order stored.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>, StoreError> {
        read::quotes(&self.connection, &self.location, filter)
    }

    /// The document with this exact id, or else the only one whose id starts with it.
    /// Several matches give [`StoreError::AmbiguousDocumentPrefix`] listing them; an empty
    /// string matches nothing.
    pub fn document(&self, doc_id_or_unique_prefix: &str) -> Result<Option<DocumentRecord>, StoreError> {
        read::document_by_id_or_prefix(&self.connection, &self.location, doc_id_or_unique_prefix)
    }

    /// Documents in the order they were stored, at most `limit` of them.
    pub fn documents(&self, limit: Option<usize>) -> Result<Vec<DocumentRecord>, StoreError> {
        read::documents(&self.connection, &self.location, limit)
    }

    /// The events of the document with exactly this id, in the order they were given.
    pub fn events_for_document(&self, doc_id: &str) -> Result<Vec<EventRecord>, StoreError> {
        let events = read::events_for_document(&self.connection, &self.location, doc_id)?;
        Ok(events.into_iter().map(|event| event.record).collect())
    }

    /// The quotes of the document with exactly this id, in the order they were given.
    pub fn quotes_for_document(&self, doc_id: &str) -> Result<Vec<QuoteRecord>, StoreError> {
        read::quotes_for_document(&self.connection, &self.location, doc_id)
    }

    pub fn counts(&self) -> Result<StoreCounts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let sql = format!("SELECT count(*) FROM {table}");
            let count: i64 = self.connection.query_row(&sql, [], |row| row.get(0)).at(&self.location)?;
            Ok(u64::try_from(count).unwrap_or(0))
        };
        Ok(StoreCounts { documents: count("documents")?, events: count("events")?, quotes: count("quotes")? })
    }
}

/// Attaches the database location to an SQLite error.
pub(crate) trait SqlContext<T> {
    fn at(self, location: &str) -> Result<T, StoreError>;
}

impl<T> SqlContext<T> for rusqlite::Result<T> {
    fn at(self, location: &str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sqlite { location: location.to_string(), source })
    }
}

#[cfg(test)]
mod tests;
