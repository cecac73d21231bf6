//! Errors of the evaluations. Each names the file (and where possible the place in it) so a
//! user can tell which input is bad.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: malformed XML near byte {position}: {message}")]
    Xml { path: PathBuf, position: u64, message: String },
    #[error("{path}: not valid JSON: {source}")]
    Json { path: PathBuf, source: serde_json::Error },
    /// The file parses but does not have the shape the evaluation expects.
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
    #[error("knowledge base: {0}")]
    KnowledgeBase(#[from] dyad_kb::KbError),
    #[error("verb dictionary: {0}")]
    Verbs(#[from] dyad_verbs::VerbsError),
    /// The empty knowledge base the PETRARCH suite starts from is written to a temporary folder.
    #[error("cannot prepare an empty knowledge base in a temporary folder: {0}")]
    TemporaryFolder(std::io::Error),
}

impl EvalError {
    pub(crate) fn format(path: impl Into<PathBuf>, message: impl Into<String>) -> EvalError {
        EvalError::Format { path: path.into(), message: message.into() }
    }
}

/// Reads a whole file as UTF-8, naming the file on failure.
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Read { path: path.to_path_buf(), source })
}
