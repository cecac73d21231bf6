//! Errors from reading verb dictionaries, the CAMEO table and the shared source files.

use std::path::PathBuf;

/// Everything that can go wrong in this crate. Each variant names the input it failed on.
#[derive(Debug, thiserror::Error)]
pub enum VerbsError {
    /// A line of a verb dictionary that cannot be read. `line` is 1-based.
    #[error("{source_name}, line {line}: {message}: `{text}`")]
    Syntax { source_name: String, line: usize, message: String, text: String },
    /// A synset that (directly or through other synsets) contains itself.
    #[error("{source_name}: synset &{name} contains itself")]
    SynsetCycle { source_name: String, name: String },
    /// A row of a CAMEO table (ours or a shared source) that cannot be read. `line` is 1-based.
    #[error("{source_name}, line {line}: {message}")]
    Table { source_name: String, line: usize, message: String },
    /// A file the converter needs could not be read or written.
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
}
