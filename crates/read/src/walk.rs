//! Expanding the paths a user gives into the files to read.
//!
//! Invariants: files come out in a deterministic order (the given paths in the order given;
//! inside a directory, entries sorted by name, depth first); hidden entries (names starting
//! with ".") inside directories are skipped, though a hidden path given explicitly is read;
//! a directory reached twice through symlinks is walked once; only one directory listing is
//! held at a time per level, never the files' contents.

use crate::error::{ReadError, input_label};
use std::collections::HashSet;
use std::path::PathBuf;

pub(crate) struct PathWalker {
    /// Paths still to visit, the next one last.
    pending: Vec<PathBuf>,
    visited_directories: HashSet<PathBuf>,
}

impl PathWalker {
    pub(crate) fn new(paths: &[PathBuf]) -> PathWalker {
        PathWalker { pending: paths.iter().rev().cloned().collect(), visited_directories: HashSet::new() }
    }

    /// Queues a directory's visible entries in sorted order.
    fn queue_directory(&mut self, directory: &std::path::Path) -> Result<(), ReadError> {
        let listing_error = |error| ReadError::Io { input: input_label(directory), action: "list directory", error };
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(directory).map_err(listing_error)? {
            let entry = entry.map_err(listing_error)?;
            if !entry.file_name().to_string_lossy().starts_with('.') {
                entries.push(entry.path());
            }
        }
        entries.sort();
        self.pending.extend(entries.into_iter().rev());
        Ok(())
    }
}

impl Iterator for PathWalker {
    type Item = Result<PathBuf, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(path) = self.pending.pop() {
            let metadata = match std::fs::metadata(&path) {
                Ok(metadata) => metadata,
                Err(error) => {
                    return Some(Err(ReadError::Io { input: input_label(&path), action: "read", error }));
                }
            };
            if !metadata.is_dir() {
                return Some(Ok(path));
            }
            let identity = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !self.visited_directories.insert(identity) {
                continue;
            }
            if let Err(error) = self.queue_directory(&path) {
                return Some(Err(error));
            }
        }
        None
    }
}
