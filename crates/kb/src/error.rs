use std::path::PathBuf;

/// Everything that can go wrong while loading, importing or building the knowledge base.
/// Each variant names the file (and line, where there is one) so a user can fix the input.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Malformed { path: PathBuf, line: usize, message: String },
    #[error("{path}: {message}")]
    MissingSource { path: PathBuf, message: String },
    #[error("cannot build the name matcher: {0}")]
    Matcher(String),
}

impl KbError {
    pub(crate) fn malformed(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> KbError {
        KbError::Malformed { path: path.into(), line, message: message.into() }
    }
}
