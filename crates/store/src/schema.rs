//! Opening a database file: telling a dyad database from any other file, setting the
//! connection up, and bringing the schema to the current version.
//!
//! A dyad database is an SQLite file whose header carries [`DYAD_APPLICATION_ID`] in
//! `PRAGMA application_id` and the schema version in `PRAGMA user_version`. An empty file, or
//! an SQLite file with no tables and no application id, is taken as new and initialised; any
//! other file is refused without being written to.

use crate::error::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::io::Read;
use std::path::Path;

/// "dyad" in ASCII, written to the SQLite header so the file says which program owns it.
pub(crate) const DYAD_APPLICATION_ID: i64 = 0x6479_6164;

/// Each entry upgrades a database from version `index` to `index + 1`. To change the schema,
/// append a migration; never edit one that has shipped, since files in the field ran it.
const MIGRATIONS: &[&str] = &[SCHEMA_VERSION_1];

/// The schema version this build writes: the number of migrations.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How much of a commit must survive before `insert_*` reports a document as stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous = NORMAL` in WAL mode: a commit is written to the WAL file before it
    /// returns, so it survives the process being killed, panicking or interrupted. Only an
    /// OS crash or power loss can drop the last few commits, and then the file is still
    /// consistent and a re-run ingests the lost documents again (ingest skips stored ones).
    #[default]
    SurviveProcessCrash,
    /// `synchronous = FULL`: every commit is also fsynced, so it survives power loss too,
    /// at the cost of one fsync per transaction.
    SurvivePowerLoss,
}

/// Refuses, before SQLite touches it, a path that is a directory or a non-empty file that
/// does not start with the SQLite header.
pub(crate) fn check_file_is_sqlite_or_new(path: &Path) -> Result<(), StoreError> {
    if path.is_dir() {
        return Err(not_dyad(path, "it is a directory"));
    }
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::ReadFile { path: path.to_path_buf(), source });
        }
    };
    let mut header = Vec::with_capacity(SQLITE_HEADER.len());
    (&mut file)
        .take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut header)
        .map_err(|source| StoreError::ReadFile { path: path.to_path_buf(), source })?;
    if header.is_empty() || header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(not_dyad(path, "it is not an SQLite database file"))
    }
}

/// Creates the directory the database file goes in, so `--db out/news.db` works on a fresh
/// checkout. An unwritable location fails here with the directory named.
pub(crate) fn create_parent_directory(path: &Path) -> Result<(), StoreError> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() && !parent.exists() => std::fs::create_dir_all(parent)
            .map_err(|source| StoreError::CreateDirectory { path: parent.to_path_buf(), source }),
        _ => Ok(()),
    }
}

/// Per-connection settings, applied only once the file is known to be ours (switching a
/// foreign SQLite file to WAL would alter it). WAL lets readers (a `dyad events` query) run
/// while an ingest writes.
pub(crate) fn configure(connection: &Connection, path: &Path, durability: Durability) -> Result<(), StoreError> {
    let settings = || -> rusqlite::Result<()> {
        connection.pragma_update(None, "foreign_keys", true)?;
        let mode: String = connection.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
        let synchronous = match durability {
            Durability::SurviveProcessCrash => "NORMAL",
            Durability::SurvivePowerLoss => "FULL",
        };
        connection.pragma_update(None, "synchronous", synchronous)
    };
    settings().map_err(|source| classify_open_error(path, source))
}

/// Refuses a file that is SQLite but not a dyad database, or one written by a newer
/// schema, and returns the file's schema version. Reads only.
pub(crate) fn verify_identity(connection: &Connection, path: &Path) -> Result<i64, StoreError> {
    let open_error = |source| classify_open_error(path, source);
    let application_id: i64 =
        connection.pragma_query_value(None, "application_id", |row| row.get(0)).map_err(open_error)?;
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(open_error)?;
    if application_id != DYAD_APPLICATION_ID {
        let tables = table_names(connection).map_err(open_error)?;
        if application_id != 0 || !tables.is_empty() {
            return Err(not_dyad(path, &describe_foreign_database(application_id, &tables)));
        }
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { path: path.to_path_buf(), found: version, supported: SCHEMA_VERSION });
    }
    Ok(version)
}

/// Runs the migrations the file lacks, inside one immediate transaction that re-reads the
/// version, so two processes opening a new file at once do not both create the schema.
pub(crate) fn migrate(connection: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let open_error = |source| classify_open_error(path, source);
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(open_error)?;
    let version = verify_identity(&transaction, path)?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let pending = usize::try_from(version).unwrap_or(0);
    for migration in &MIGRATIONS[pending..] {
        transaction.execute_batch(migration).map_err(open_error)?;
    }
    transaction.pragma_update(None, "application_id", DYAD_APPLICATION_ID).map_err(open_error)?;
    transaction.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(open_error)?;
    transaction.commit().map_err(open_error)
}

fn table_names(connection: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?;
    let names = statement.query_map([], |row| row.get(0))?;
    names.collect()
}

fn describe_foreign_database(application_id: i64, tables: &[String]) -> String {
    let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
    let more = if tables.len() > shown.len() { ", ..." } else { "" };
    format!(
        "it is an SQLite database of another program (application_id {application_id:#x}, tables: {}{more})",
        shown.join(", ")
    )
}

/// SQLite reports a damaged or foreign file only when it first reads it; turn that into the
/// same clear error as the header check.
pub(crate) fn classify_open_error(path: &Path, source: rusqlite::Error) -> StoreError {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => not_dyad(path, "it is not an SQLite database file"),
        _ => StoreError::Open { path: path.to_path_buf(), source },
    }
}

fn not_dyad(path: &Path, reason: &str) -> StoreError {
    StoreError::NotADyadDatabase { path: path.to_path_buf(), reason: reason.to_string() }
}

/// Version 1. Notes on the choices:
/// - `events.event_key` is an integer row key; the record's own `id` is unique only together
///   with `doc_id`, so the same id under two documents never blocks an insert.
/// - `date_first` / `date_last` are the first and last day a partial date can mean, as
///   `yyyymmdd` integers, so date filters are integer comparisons at any precision.
/// - `*_folded` columns hold Unicode-lowercased names for case-insensitive substring search
///   (SQLite's own `lower` and `LIKE` fold ASCII only).
/// - `record` holds the full record as JSON; reads come from it, so no field is ever lost.
///   The other columns exist to filter and index.
/// - The FTS5 tables use the base tables as external content: rows are added explicitly on
///   insert. Nothing is ever deleted or updated; a future delete must also issue the FTS5
///   'delete' command.
const SCHEMA_VERSION_1: &str = "
CREATE TABLE documents (
    doc_id      TEXT PRIMARY KEY NOT NULL,
    url         TEXT,
    title       TEXT,
    published   TEXT,
    byline      TEXT,
    language    TEXT,
    source      TEXT NOT NULL,
    body        TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE events (
    event_key        INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents(doc_id),
    id               TEXT NOT NULL,
    event            TEXT NOT NULL COLLATE NOCASE,
    mode             TEXT,
    cameo            TEXT,
    quad_class       INTEGER NOT NULL,
    goldstein        REAL,
    date             TEXT NOT NULL,
    date_first       INTEGER NOT NULL,
    date_last        INTEGER NOT NULL,
    date_source      TEXT NOT NULL,
    modality         TEXT NOT NULL,
    sentence         INTEGER NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    confidence       REAL NOT NULL,
    story_id         TEXT,
    location_country TEXT,
    event_text       TEXT NOT NULL,
    sentence_text    TEXT NOT NULL,
    record           TEXT NOT NULL,
    UNIQUE (doc_id, id)
);
CREATE INDEX events_by_date ON events(date_first, date_last);
CREATE INDEX events_by_type ON events(event);
CREATE INDEX events_by_location_country ON events(location_country);

CREATE TABLE event_entities (
    event_key   INTEGER NOT NULL REFERENCES events(event_key),
    role        TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position    INTEGER NOT NULL,
    name        TEXT,
    text        TEXT NOT NULL,
    code        TEXT,
    sector      TEXT,
    name_folded TEXT,
    text_folded TEXT NOT NULL
);
CREATE INDEX event_entities_by_event ON event_entities(event_key);
CREATE INDEX event_entities_by_code ON event_entities(code);

CREATE VIRTUAL TABLE events_fts USING fts5(
    sentence_text, event_text,
    content = 'events', content_rowid = 'event_key',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE quotes (
    quote_key            INTEGER PRIMARY KEY,
    doc_id               TEXT NOT NULL REFERENCES documents(doc_id),
    speaker_name         TEXT,
    speaker_text         TEXT,
    speaker_code         TEXT,
    speaker_name_folded  TEXT,
    speaker_text_folded  TEXT,
    addressee_name       TEXT,
    addressee_text       TEXT,
    addressee_code       TEXT,
    text                 TEXT NOT NULL,
    verb                 TEXT,
    span_start           INTEGER NOT NULL,
    span_end             INTEGER NOT NULL,
    date                 TEXT,
    date_first           INTEGER,
    date_last            INTEGER,
    record               TEXT NOT NULL
);
CREATE INDEX quotes_by_doc ON quotes(doc_id);
CREATE INDEX quotes_by_date ON quotes(date_first, date_last);
CREATE INDEX quotes_by_speaker_code ON quotes(speaker_code);
CREATE INDEX quotes_by_addressee_code ON quotes(addressee_code);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text,
    content = 'quotes', content_rowid = 'quote_key',
    tokenize = 'unicode61 remove_diacritics 2'
);
";
