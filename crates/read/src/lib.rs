//! Readers: plain text, markdown, JSON Lines, directories and stdin into documents.
