//! Plain-text tables for the reports: a header row, a rule, and left-aligned columns padded
//! to their widest cell (counted in chars, so non-ASCII snippets stay aligned).

use std::fmt;

#[derive(Clone, Debug, Default)]
pub struct TextTable {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl TextTable {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> TextTable {
        TextTable { headers: headers.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    fn widths(&self) -> Vec<usize> {
        let columns = self.rows.iter().map(Vec::len).chain([self.headers.len()]).max().unwrap_or(0);
        (0..columns)
            .map(|column| {
                let cell_width = |row: &Vec<String>| row.get(column).map_or(0, |cell| cell.chars().count());
                self.rows.iter().map(cell_width).chain([cell_width(&self.headers)]).max().unwrap_or(0)
            })
            .collect()
    }
}

fn write_row(f: &mut fmt::Formatter<'_>, cells: &[String], widths: &[usize]) -> fmt::Result {
    let mut line = String::new();
    for (column, width) in widths.iter().enumerate() {
        let cell = cells.get(column).map_or("", String::as_str);
        if column > 0 {
            line.push_str("  ");
        }
        line.push_str(cell);
        line.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
    }
    writeln!(f, "{}", line.trim_end())
}

impl fmt::Display for TextTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let widths = self.widths();
        write_row(f, &self.headers, &widths)?;
        let rule_length = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        writeln!(f, "{}", "-".repeat(rule_length))?;
        for row in &self.rows {
            write_row(f, row, &widths)?;
        }
        Ok(())
    }
}

/// `part/whole` as a percentage with one decimal, or "-" when there is nothing to divide.
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 { "-".into() } else { format!("{:.1}%", 100.0 * part as f64 / whole as f64) }
}

/// A ratio in [0, 1] shown with three decimals, "-" when undefined.
pub fn ratio(value: Option<f64>) -> String {
    value.map_or_else(|| "-".into(), |value| format!("{value:.3}"))
}

/// The first `limit` chars of a text, with an ellipsis when cut.
pub fn snippet(text: &str, limit: usize) -> String {
    let mut cut: String = text.chars().take(limit).collect();
    if text.chars().count() > limit {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_on_the_widest_cell() {
        let mut table = TextTable::new(["name", "n"]);
        table.row(["Élan", "12"]);
        table.row(["ab", "3"]);
        let text = table.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "name  n");
        assert_eq!(lines[1], "--------");
        assert_eq!(lines[2], "Élan  12");
        assert_eq!(lines[3], "ab    3");
    }

    #[test]
    fn percent_and_snippet_handle_edges() {
        assert_eq!(percent(1, 3), "33.3%");
        assert_eq!(percent(0, 0), "-");
        assert_eq!(snippet("Gondor wins", 6), "Gondor…");
        assert_eq!(snippet("Gondor", 6), "Gondor");
    }
}
