//! The CAMEO code table: label, PLOVER 0.8 event/mode/context, Goldstein score, quad class.
//!
//! The table ships as `data/cameo.tsv` (written by [`crate::convert_sources`]) and is
//! read once on first use. Invariants: one row per code; codes are unique; every row has
//! a quad class 0–4 (Phoenix's: 0 neutral, 1 verbal cooperation, 2 material cooperation,
//! 3 verbal conflict, 4 material conflict).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::VerbsError;

const EMBEDDED_TABLE: &str = include_str!("../data/cameo.tsv");
const EMBEDDED_NAME: &str = "dyad-verbs data/cameo.tsv";

/// The column names of `cameo.tsv`, in order.
pub const CAMEO_COLUMNS: [&str; 8] =
    ["code", "label", "plover_event", "plover_mode", "plover_context", "goldstein", "goldstein_code", "quad_class"];

/// One CAMEO code and what it maps to.
#[derive(Clone, Debug, PartialEq)]
pub struct Cameo {
    pub code: String,
    /// Short description ("Make a visit").
    pub label: String,
    /// PLOVER 0.8 event type ("CONSULT"). `None` for the CAMEO 01 (statements) and 02
    /// (appeals) families, which PLOVER dropped.
    pub plover_event: Option<String>,
    /// PLOVER mode ("visit", "arrest"), where the crosswalk gives one.
    pub plover_mode: Option<String>,
    /// PLOVER contexts ("military", "legal"), possibly several.
    pub plover_context: Vec<String>,
    /// Goldstein conflict–cooperation score, -10 to +10.
    pub goldstein: Option<f64>,
    /// The code the Goldstein score was taken from: this code, or its nearest parent
    /// when the Goldstein table does not list this one.
    pub goldstein_code: Option<String>,
    /// Phoenix quad class 0–4, fixed by the two-digit root.
    pub quad_class: u8,
}

/// A parsed CAMEO table.
#[derive(Clone, Debug, Default)]
pub struct CameoTable {
    rows: Vec<Cameo>,
    index: HashMap<String, usize>,
}

impl CameoTable {
    /// Reads the tab-separated table (`#` lines are comments; the first other line is the header).
    pub fn from_tsv(text: &str, source_name: &str) -> Result<CameoTable, VerbsError> {
        let error =
            |line: usize, message: String| VerbsError::Table { source_name: source_name.to_string(), line, message };
        let mut table = CameoTable::default();
        let mut header_seen = false;
        for (number, line) in text.lines().enumerate().map(|(index, line)| (index + 1, line)) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if !header_seen {
                if fields != CAMEO_COLUMNS {
                    return Err(error(number, format!("header must be {}", CAMEO_COLUMNS.join(" "))));
                }
                header_seen = true;
                continue;
            }
            let row = parse_row(&fields).map_err(|message| error(number, message))?;
            if table.index.insert(row.code.clone(), table.rows.len()).is_some() {
                return Err(error(number, format!("code {} appears twice", row.code)));
            }
            table.rows.push(row);
        }
        Ok(table)
    }

    /// Replaces the rows of the same code with those of `decisions`, adding new codes.
    pub fn override_with(&mut self, decisions: CameoTable) {
        for row in decisions.rows {
            match self.index.get(&row.code) {
                Some(&index) => self.rows[index] = row,
                None => {
                    self.index.insert(row.code.clone(), self.rows.len());
                    self.rows.push(row);
                }
            }
        }
    }

    /// The row for a code such as "043" or "19".
    pub fn get(&self, code: &str) -> Option<&Cameo> {
        self.index.get(code.trim()).map(|&index| &self.rows[index])
    }

    /// All rows in table order (by code).
    pub fn rows(&self) -> &[Cameo] {
        &self.rows
    }
}

fn parse_row(fields: &[&str]) -> Result<Cameo, String> {
    let [code, label, event, mode, context, goldstein, goldstein_code, quad] = fields else {
        return Err(format!("expected {} tab-separated fields, found {}", CAMEO_COLUMNS.len(), fields.len()));
    };
    if code.is_empty() || !code.chars().all(|digit| digit.is_ascii_digit()) {
        return Err(format!("`{code}` is not a CAMEO code"));
    }
    let optional = |text: &str| (!text.is_empty()).then(|| text.to_string());
    let goldstein = match goldstein.is_empty() {
        true => None,
        false => Some(goldstein.parse::<f64>().map_err(|_| format!("Goldstein score `{goldstein}` is not a number"))?),
    };
    let quad_class =
        quad.parse::<u8>().ok().filter(|class| *class <= 4).ok_or_else(|| format!("quad class `{quad}` is not 0-4"))?;
    Ok(Cameo {
        code: code.to_string(),
        label: label.to_string(),
        plover_event: optional(event),
        plover_mode: optional(mode),
        plover_context: context.split(';').filter(|item| !item.is_empty()).map(str::to_string).collect(),
        goldstein,
        goldstein_code: optional(goldstein_code),
        quad_class,
    })
}

/// Writes one row in the `cameo.tsv` layout (no newline).
pub(crate) fn format_row(row: &Cameo) -> String {
    [
        row.code.clone(),
        row.label.clone(),
        row.plover_event.clone().unwrap_or_default(),
        row.plover_mode.clone().unwrap_or_default(),
        row.plover_context.join(";"),
        row.goldstein.map(|score| format!("{score:.1}")).unwrap_or_default(),
        row.goldstein_code.clone().unwrap_or_default(),
        row.quad_class.to_string(),
    ]
    .join("\t")
}

const EMBEDDED_DECISIONS: &str = include_str!("../data/cameo_decisions.tsv");
const EMBEDDED_DECISIONS_NAME: &str = "dyad-verbs data/cameo_decisions.tsv";

/// The table shipped with this crate: the converted crosswalk with the project's recorded
/// decisions (`cameo_decisions.tsv`, each with its reason) laid over it.
pub fn cameo_table() -> &'static CameoTable {
    static TABLE: OnceLock<CameoTable> = OnceLock::new();
    // The shipped files are checked by this crate's tests, so failing here is a packaging bug.
    TABLE.get_or_init(|| {
        let mut table = CameoTable::from_tsv(EMBEDDED_TABLE, EMBEDDED_NAME).unwrap_or_else(|error| panic!("{error}"));
        let decisions =
            CameoTable::from_tsv(EMBEDDED_DECISIONS, EMBEDDED_DECISIONS_NAME).unwrap_or_else(|error| panic!("{error}"));
        table.override_with(decisions);
        table
    })
}

/// The shipped row for a CAMEO code ("043", "190", "19").
pub fn cameo(code: &str) -> Option<&'static Cameo> {
    cameo_table().get(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOVER_EVENTS: [&str; 16] = [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ];

    #[test]
    fn host_a_visit_is_consult_visit() {
        let row = cameo("043").expect("043 in the table");
        assert_eq!(row.plover_event.as_deref(), Some("CONSULT"));
        assert_eq!(row.plover_mode.as_deref(), Some("visit"));
        assert_eq!(row.quad_class, 1);
        assert!(row.goldstein.is_some());
    }

    #[test]
    fn conventional_force_is_assault_and_material_conflict() {
        let row = cameo("190").expect("190 in the table");
        assert_eq!(row.plover_event.as_deref(), Some("ASSAULT"));
        assert_eq!(row.plover_context, ["military"]);
        assert_eq!(row.quad_class, 4);
        assert_eq!(row.goldstein, Some(-10.0));
    }

    #[test]
    fn every_plover_08_event_appears_and_nothing_else_does() {
        let table = cameo_table();
        for event in PLOVER_EVENTS {
            assert!(table.rows().iter().any(|row| row.plover_event.as_deref() == Some(event)), "{event} missing");
        }
        for row in table.rows() {
            if let Some(event) = &row.plover_event {
                assert!(PLOVER_EVENTS.contains(&event.as_str()), "{} maps to unknown {event}", row.code);
            }
        }
    }

    #[test]
    fn statements_have_no_plover_event_and_appeals_are_requests() {
        let statement = cameo("010").expect("010 in the table");
        assert_eq!(statement.plover_event, None);
        let appeal = cameo("020").expect("020 in the table");
        assert_eq!(appeal.plover_event.as_deref(), Some("REQUEST"));
        assert_eq!(appeal.quad_class, 1);
        assert!(!appeal.label.is_empty());
        assert!(appeal.goldstein.is_some());
        assert_eq!(cameo("0231").and_then(|row| row.plover_mode.clone()).as_deref(), Some("assist"));
    }

    #[test]
    fn decisions_override_the_converted_crosswalk() {
        let sanctions = cameo("163").expect("163 in the table");
        assert_eq!(sanctions.plover_event.as_deref(), Some("SANCTION"));
        assert_eq!(sanctions.plover_mode.as_deref(), Some("discontinue"));
        for curfew_or_emergency in ["0813", "0814"] {
            let eased = cameo(curfew_or_emergency).expect("easing codes in the table");
            assert_eq!(eased.plover_event.as_deref(), Some("CONCEDE"), "{curfew_or_emergency}");
        }
    }

    #[test]
    fn every_row_has_a_label_and_the_quad_class_of_its_root() {
        let table = cameo_table();
        assert!(table.rows().len() > 280, "{} rows", table.rows().len());
        for row in table.rows() {
            assert!(!row.label.is_empty(), "{} has no label", row.code);
            let root = table.get(&row.code[..2]).expect("root row");
            assert_eq!(row.quad_class, root.quad_class, "{}", row.code);
            if row.plover_event.is_some() {
                assert!((1..=4).contains(&row.quad_class), "{} has quad class {}", row.code, row.quad_class);
            }
        }
    }

    #[test]
    fn bad_rows_are_errors_naming_the_line() {
        let header = CAMEO_COLUMNS.join("\t");
        let text = format!("# c\n{header}\n040\tConsult\tCONSULT\t\t\t1.0\t040\t1\n04x\tBad\t\t\t\t\t\t1\n");
        let error = CameoTable::from_tsv(&text, "t.tsv").unwrap_err().to_string();
        assert!(error.starts_with("t.tsv, line 4:"), "{error}");
        let duplicate = format!("{header}\n040\tA\t\t\t\t\t\t1\n040\tB\t\t\t\t\t\t1\n");
        assert!(CameoTable::from_tsv(&duplicate, "t.tsv").is_err());
    }
}
