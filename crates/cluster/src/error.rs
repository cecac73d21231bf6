//! Errors of the cluster crate. Each message names the input that was wrong.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("near-duplicate threshold must lie in (0, 1], got {0}")]
    InvalidThreshold(f64),
    #[error("document {doc_id:?} is listed twice in the {side} clustering (clusters {first:?} and {second:?})")]
    DuplicateDocument { doc_id: String, side: &'static str, first: String, second: String },
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path} is not a news document with `id` and `cluster`: {source}")]
    Parse { path: PathBuf, source: serde_json::Error },
}
