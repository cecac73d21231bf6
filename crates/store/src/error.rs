use std::path::PathBuf;

/// Everything that can go wrong opening, writing or reading a dyad store. Each message names
/// the file, document, record or input it is about.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a dyad database: {reason}")]
    NotADyadDatabase { path: PathBuf, reason: String },

    #[error(
        "{path} was written by a newer dyad (schema version {found}); this dyad reads schema versions up to {supported}"
    )]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },

    #[error("cannot create directory {path} for the database: {source}")]
    CreateDirectory { path: PathBuf, source: std::io::Error },

    #[error("cannot read {path}: {source}")]
    ReadFile { path: PathBuf, source: std::io::Error },

    #[error("cannot open database {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },

    #[error("database {location}: {source}")]
    Sqlite { location: String, source: rusqlite::Error },

    #[error("event id {event_id:?} appears more than once in document {doc_id}")]
    DuplicateEventId { doc_id: String, event_id: String },

    #[error("{record} says it belongs to document {record_doc_id:?}, but was given with document {doc_id:?}")]
    WrongDocument { doc_id: String, record_doc_id: String, record: String },

    #[error(
        "{what} span {start}..{end} of {record} in document {doc_id} does not slice the body ({body_len} bytes) on char boundaries"
    )]
    SpanOutsideBody { doc_id: String, record: String, what: &'static str, start: usize, end: usize, body_len: usize },

    #[error("{field} of {record} in document {doc_id} is {value}, which cannot be stored as a JSON number")]
    NotFinite { doc_id: String, record: String, field: &'static str, value: f64 },

    #[error("document id prefix {prefix:?} matches several documents: {}{}", candidates.join(", "), if *more { ", ..." } else { "" })]
    AmbiguousDocumentPrefix { prefix: String, candidates: Vec<String>, more: bool },

    #[error("stored {table} row {key} in {location} cannot be read back: {reason}")]
    CorruptRow { location: String, table: &'static str, key: String, reason: String },

    #[error("cannot serialise {record} of document {doc_id} to JSON: {source}")]
    Serialise { doc_id: String, record: String, source: serde_json::Error },
}
