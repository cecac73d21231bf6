//! The knowledge-base file format: UTF-8, tab-separated, one header line naming the
//! columns, `#` lines are comments, list fields separate items with `|`, empty = unknown.

use crate::error::KbError;
use std::path::{Path, PathBuf};

/// One parsed table: its header and rows, each row remembering its line number.
pub struct Table<'a> {
    pub path: PathBuf,
    columns: Vec<&'a str>,
    pub rows: Vec<Row<'a>>,
}

pub struct Row<'a> {
    pub line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Table<'a> {
    pub fn parse(text: &'a str, path: &Path, required: &[&str]) -> Result<Table<'a>, KbError> {
        let mut lines = text.lines().enumerate().filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty());
        let Some((_, header)) = lines.next() else {
            return Err(KbError::malformed(path, 1, "empty file: want a header line"));
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        for name in required {
            if !columns.contains(name) {
                return Err(KbError::malformed(path, 1, format!("header lacks the column {name:?}")));
            }
        }
        let rows = lines.map(|(index, line)| Row { line: index + 1, fields: line.split('\t').collect() }).collect();
        Ok(Table { path: path.to_path_buf(), columns, rows })
    }

    fn index(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|name| *name == column)
    }

    /// The trimmed field, or "" when the row is short.
    pub fn get(&self, row: &Row<'a>, column: &str) -> &'a str {
        self.index(column).and_then(|index| row.fields.get(index)).map(|field| field.trim()).unwrap_or("")
    }

    pub fn optional(&self, row: &Row<'a>, column: &str) -> Option<String> {
        Some(self.get(row, column)).filter(|field| !field.is_empty()).map(str::to_string)
    }

    pub fn list(&self, row: &Row<'a>, column: &str) -> Vec<String> {
        split_list(self.get(row, column))
    }

    pub fn error(&self, row: &Row<'a>, message: impl Into<String>) -> KbError {
        KbError::malformed(&self.path, row.line, message)
    }
}

pub fn split_list(field: &str) -> Vec<String> {
    field.split('|').map(str::trim).filter(|item| !item.is_empty()).map(str::to_string).collect()
}

/// Writes a table sorted by its rows, so regenerated files diff cleanly.
pub fn write_table(path: &Path, comment: &str, header: &[&str], mut rows: Vec<Vec<String>>) -> Result<usize, KbError> {
    rows.sort();
    rows.dedup();
    let mut text = String::new();
    for line in comment.lines() {
        text.push_str("# ");
        text.push_str(line);
        text.push('\n');
    }
    text.push_str(&header.join("\t"));
    text.push('\n');
    for row in &rows {
        let cleaned: Vec<String> = row.iter().map(|field| field.replace(['\t', '\n', '\r'], " ")).collect();
        text.push_str(&cleaned.join("\t"));
        text.push('\n');
    }
    std::fs::write(path, text).map_err(|source| KbError::Write { path: path.to_path_buf(), source })?;
    Ok(rows.len())
}
