//! The store: documents, events and quotes in an embedded SQLite file, and queries over them.
