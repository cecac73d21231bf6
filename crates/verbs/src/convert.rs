//! Converting the shared source files into the project's own `data/verbs.txt` and
//! `data/cameo.tsv`.
//!
//! `verbs.txt` is CAMEO.2.0.txt in the same format with the prose and per-line comments
//! removed and the MIT notice kept in a header; the converter re-reads its own output and
//! checks that it holds exactly what the source held. `cameo.tsv` joins the CAMEO→PLOVER
//! crosswalk, the PLOVER manual's table of two-digit codes, the Phoenix Goldstein/quad
//! table, and our own labels for the codes PLOVER dropped.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::cameo::{CAMEO_COLUMNS, Cameo, CameoTable, format_row};
use crate::dictionary::VerbDictionary;
use crate::error::VerbsError;
use crate::reader::strip_comments;

const VERBS_SOURCE: &str = "petrarch2/CAMEO.2.0.txt";
const CROSSWALK_SOURCE: &str = "PLOVER/CAMEO2PLOVER-2021.txt";
const MANUAL_SOURCE: &str = "PLOVER/PLOVER_MANUAL.tex";
const GOLDSTEIN_SOURCE: &str = "phoenix_pipeline/cameo_goldstein_quadclass.csv";
const EXTRA_LABELS: &str = include_str!("../data/cameo_labels_extra.tsv");

/// What a conversion wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionSummary {
    pub verbs_path: PathBuf,
    pub cameo_path: PathBuf,
    pub blocks: usize,
    pub verbs: usize,
    pub patterns: usize,
    pub cameo_codes: usize,
}

/// Converts the shared data folder (the one holding `petrarch2/`, `PLOVER/`,
/// `phoenix_pipeline/`) into `out_dir/verbs.txt` and `out_dir/cameo.tsv`.
pub fn convert_sources(shared_data: &Path, out_dir: &Path) -> Result<ConversionSummary, VerbsError> {
    let source_text = read(&shared_data.join(VERBS_SOURCE))?;
    let verbs_text = convert_verb_dictionary(&source_text)?;
    let converted = VerbDictionary::from_petrarch_text(&verbs_text, "verbs.txt")?;
    let table = build_cameo_table(
        &read(&shared_data.join(CROSSWALK_SOURCE))?,
        &read(&shared_data.join(MANUAL_SOURCE))?,
        &read(&shared_data.join(GOLDSTEIN_SOURCE))?,
    )?;
    let cameo_text = format_cameo_table(&table);
    // Reading our own output back proves the file we ship is one our reader accepts.
    CameoTable::from_tsv(&cameo_text, "cameo.tsv")?;
    let verbs_path = out_dir.join("verbs.txt");
    let cameo_path = out_dir.join("cameo.tsv");
    write(&verbs_path, &verbs_text)?;
    write(&cameo_path, &cameo_text)?;
    Ok(ConversionSummary {
        verbs_path,
        cameo_path,
        blocks: converted.block_count(),
        verbs: converted.verb_count(),
        patterns: converted.pattern_count(),
        cameo_codes: table.len(),
    })
}

fn read(path: &Path) -> Result<String, VerbsError> {
    std::fs::read_to_string(path).map_err(|error| VerbsError::Io { path: path.to_path_buf(), error })
}

fn write(path: &Path, text: &str) -> Result<(), VerbsError> {
    std::fs::write(path, text).map_err(|error| VerbsError::Io { path: path.to_path_buf(), error })
}

const VERBS_HEADER: &str = "\
# dyad verb-pattern dictionary (PETRARCH-2 format; see crates/verbs/README.md).
# Converted by dyad_verbs::convert_sources from CAMEO.2.0.txt of openeventdata/petrarch2
# (commit 676801cd, last update 30 April 2015, bug fix 19 March 2019), with the prose and
# per-line comments removed. The original notice follows.
#
# The MIT License (MIT)
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the \"Software\"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
";

/// CAMEO.2.0.txt minus comments, with runs of blanks collapsed and one blank line
/// before each block or synset. Fails if the result reads differently from the source.
pub fn convert_verb_dictionary(source_text: &str) -> Result<String, VerbsError> {
    let corrected = apply_source_corrections(source_text)?;
    let source_text = corrected.as_str();
    let original = VerbDictionary::from_petrarch_text(source_text, VERBS_SOURCE)?;
    let mut output = String::from(VERBS_HEADER);
    let mut in_xml_comment = false;
    for line in source_text.lines() {
        let content = strip_comments(line, &mut in_xml_comment).split_whitespace().collect::<Vec<_>>().join(" ");
        if content.is_empty() {
            continue;
        }
        if content.starts_with("---") || content.starts_with('&') {
            output.push('\n');
        }
        output.push_str(&content);
        output.push('\n');
    }
    let converted = VerbDictionary::from_petrarch_text(&output, "verbs.txt")?;
    let counts = |dictionary: &VerbDictionary| {
        (
            dictionary.block_count(),
            dictionary.verb_count(),
            dictionary.surface_form_count(),
            dictionary.pattern_count(),
            dictionary.synset_count(),
        )
    };
    if counts(&original) != counts(&converted) {
        return Err(VerbsError::Table {
            source_name: VERBS_SOURCE.to_string(),
            line: 0,
            message: format!(
                "conversion changed the dictionary: {:?} became {:?}",
                counts(&original),
                counts(&converted)
            ),
        });
    }
    Ok(output)
}

/// Known defects of CAMEO.2.0.txt (line, text, replacement). Two patterns repeat the end
/// of their last phrase after the column gap ("(WITH VISIT)   VISIT)[042:043]"), which
/// leaves an unmatched `)`. PETRARCH's reader let that pass; ours rejects it, so the
/// converter removes the repeated text.
///
/// Line 7208 is not a syntax repair: `- * ON [190] # PRESS` is written for "pressed on" (the
/// comment names the verb), but a block's patterns apply to all its verbs, so it made
/// "demanded on Friday that ..." an assault. It gets the block's own code here, and "press on"
/// its attack reading as a verb of its own in `verbs.curated.txt`.
const SOURCE_CORRECTIONS: [(usize, &str, &str); 3] = [
    (2374, "VISIT)[042:043]", "[042:043]"),
    (7208, "[190]         # PRESS", "[100]         # PRESS"),
    (7606, "^)[111]", "[111]"),
];

fn apply_source_corrections(source_text: &str) -> Result<String, VerbsError> {
    let mut lines: Vec<String> = source_text.lines().map(str::to_string).collect();
    for (line, text, replacement) in SOURCE_CORRECTIONS {
        let Some(content) = lines.get_mut(line - 1).filter(|content| content.contains(text)) else {
            return Err(table_error(
                VERBS_SOURCE,
                line,
                format!("expected `{text}` to correct; has the source changed?"),
            ));
        };
        *content = content.replacen(text, replacement, 1);
    }
    Ok(lines.join("\n"))
}

/// One row of the crosswalk as written.
struct CrosswalkRow {
    event: String,
    mode: Option<String>,
    context: Vec<String>,
    label: String,
}

/// Joins the sources into one row per code, sorted by code.
fn build_cameo_table(crosswalk_text: &str, manual_text: &str, goldstein_text: &str) -> Result<Vec<Cameo>, VerbsError> {
    let Crosswalk { rows: crosswalk, root_events } = parse_crosswalk(crosswalk_text)?;
    let root_labels = parse_manual_roots(manual_text);
    let GoldsteinTable { scores: goldstein, quad_by_root } = parse_goldstein(goldstein_text)?;
    let extra_labels = parse_extra_labels(EXTRA_LABELS)?;
    let codes: BTreeSet<&String> =
        crosswalk.keys().chain(goldstein.keys()).chain(extra_labels.keys()).chain(root_labels.keys()).collect();
    let mut rows = Vec::with_capacity(codes.len());
    for code in codes {
        let root = &code[..2.min(code.len())];
        let label = crosswalk
            .get(code)
            .map(|row| row.label.clone())
            .or_else(|| extra_labels.get(code).cloned())
            .or_else(|| root_labels.get(code).cloned())
            .unwrap_or_default();
        let event = crosswalk
            .get(code)
            .map(|row| row.event.clone())
            .or_else(|| inherited_event(code, &crosswalk, &root_events));
        let goldstein_code = ancestors(code).find(|candidate| goldstein.contains_key(candidate));
        let quad_class = *quad_by_root
            .get(root)
            .ok_or_else(|| table_error(GOLDSTEIN_SOURCE, 0, format!("no quad class for root {root} of {code}")))?;
        rows.push(Cameo {
            code: code.clone(),
            label,
            plover_event: event,
            plover_mode: crosswalk.get(code).and_then(|row| row.mode.clone()),
            plover_context: crosswalk.get(code).map(|row| row.context.clone()).unwrap_or_default(),
            goldstein: goldstein_code.as_ref().map(|found| goldstein[found]),
            goldstein_code,
            quad_class,
        });
    }
    Ok(rows)
}

/// The code itself, then its parents down to the two-digit root ("0231", "023", "02").
fn ancestors(code: &str) -> impl Iterator<Item = String> + '_ {
    (2..=code.len()).rev().map(|length| code[..length].to_string())
}

/// A code the crosswalk leaves out takes its nearest listed parent's event (mode and
/// context are not guessed); the root's event comes from the crosswalk's `NN: EVENT`
/// headers. CAMEO 01 and 02 have no header: PLOVER dropped them.
fn inherited_event(
    code: &str,
    crosswalk: &HashMap<String, CrosswalkRow>,
    root_events: &HashMap<String, String>,
) -> Option<String> {
    ancestors(code)
        .skip(1)
        .find_map(|parent| crosswalk.get(&parent).map(|row| row.event.clone()))
        .or_else(|| root_events.get(&code[..2]).cloned())
}

fn table_error(source: &str, line: usize, message: String) -> VerbsError {
    VerbsError::Table { source_name: source.to_string(), line, message }
}

/// Reads `CODE: EVENT, mode, context; context # label` rows and `NN: EVENT` headers.
/// The first row for a code wins (175 is listed twice).
/// The crosswalk: rows by code, and the `NN: EVENT` headers by two-digit root.
struct Crosswalk {
    rows: HashMap<String, CrosswalkRow>,
    root_events: HashMap<String, String>,
}

fn parse_crosswalk(text: &str) -> Result<Crosswalk, VerbsError> {
    let mut rows = HashMap::new();
    let mut roots = HashMap::new();
    for (number, line) in text.lines().enumerate().map(|(index, line)| (index + 1, line)) {
        if line.starts_with('~') {
            break; // the file ends its table with a `~~~~~` rule
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (fields, label) = line.split_once('#').unwrap_or((line, ""));
        let (code, values) = fields
            .split_once(':')
            .ok_or_else(|| table_error(CROSSWALK_SOURCE, number, format!("no `CODE:` in `{line}`")))?;
        let code = code.trim();
        if code.is_empty() || !code.chars().all(|digit| digit.is_ascii_digit()) {
            return Err(table_error(CROSSWALK_SOURCE, number, format!("`{code}` is not a CAMEO code")));
        }
        let values: Vec<&str> = values.split(',').map(str::trim).collect();
        match values.as_slice() {
            [event] if code.len() == 2 => {
                roots.entry(code.to_string()).or_insert_with(|| event.to_string());
            }
            [event, mode, context] if !event.is_empty() => {
                let row = CrosswalkRow {
                    event: event.to_string(),
                    mode: (!mode.is_empty()).then(|| mode.to_string()),
                    context: context
                        .split(';')
                        .map(str::trim)
                        .filter(|item| !item.is_empty())
                        .map(str::to_string)
                        .collect(),
                    // Some labels carry an editor's note after two spaces; the label is what precedes it.
                    label: label.trim().split("  ").next().unwrap_or("").to_string(),
                };
                rows.entry(code.to_string()).or_insert(row);
            }
            _ => {
                return Err(table_error(
                    CROSSWALK_SOURCE,
                    number,
                    format!("expected `CODE: EVENT, mode, context # label`, got `{line}`"),
                ));
            }
        }
    }
    Ok(Crosswalk { rows, root_events: roots })
}

/// The manual's "PLOVER equivalents to CAMEO cue categories" rows: `03 & EXPRESS INTENT TO
/// COOPERATE & AGREE \\`. Returns two-digit code → CAMEO text (first row wins for 08).
fn parse_manual_roots(text: &str) -> HashMap<String, String> {
    let mut labels = HashMap::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('&').map(str::trim).collect();
        let [code, cameo_text, _plover] = cells.as_slice() else {
            continue;
        };
        if code.len() == 2 && code.chars().all(|digit| digit.is_ascii_digit()) {
            // "YIELD (081 to 083)" → "YIELD": the range belongs to the PLOVER split, not the label.
            let label = cameo_text.split(" (").next().unwrap_or(cameo_text).trim();
            labels.entry(code.to_string()).or_insert_with(|| label.to_string());
        }
    }
    labels
}

/// `cameo_code,root_code,goldstein,phoenix_quad_class` rows → scores, and root → quad class.
/// Goldstein scores by code and quad classes by two-digit root.
struct GoldsteinTable {
    scores: HashMap<String, f64>,
    quad_by_root: HashMap<String, u8>,
}

fn parse_goldstein(text: &str) -> Result<GoldsteinTable, VerbsError> {
    let mut scores = HashMap::new();
    let mut quads = HashMap::new();
    for (number, line) in text.lines().enumerate().map(|(index, line)| (index + 1, line)) {
        if line.starts_with('#') || line.starts_with("cameo_code") || line.trim().is_empty() {
            continue;
        }
        let error = || table_error(GOLDSTEIN_SOURCE, number, format!("expected `code,root,score,quad`, got `{line}`"));
        let [code, root, score, quad] = line.split(',').map(str::trim).collect::<Vec<_>>()[..] else {
            return Err(error());
        };
        let score: f64 = score.parse().map_err(|_| error())?;
        let quad: u8 = quad.parse().map_err(|_| error())?;
        scores.insert(code.to_string(), score);
        if quads.insert(root.to_string(), quad).is_some_and(|known| known != quad) {
            return Err(table_error(GOLDSTEIN_SOURCE, number, format!("root {root} has two quad classes")));
        }
    }
    Ok(GoldsteinTable { scores, quad_by_root: quads })
}

fn parse_extra_labels(text: &str) -> Result<HashMap<String, String>, VerbsError> {
    let mut labels = HashMap::new();
    for (number, line) in text.lines().enumerate().map(|(index, line)| (index + 1, line)) {
        if line.starts_with('#') || line.starts_with("code\t") || line.trim().is_empty() {
            continue;
        }
        let (code, label) = line.split_once('\t').ok_or_else(|| {
            table_error("data/cameo_labels_extra.tsv", number, format!("expected `code<TAB>label`, got `{line}`"))
        })?;
        labels.insert(code.to_string(), label.to_string());
    }
    Ok(labels)
}

const CAMEO_HEADER: &str = "\
# dyad CAMEO code table, one row per code. Written by dyad_verbs::convert_sources from:
#   label, plover_event, plover_mode, plover_context: PLOVER CAMEO2PLOVER-2021.txt (PLOVER draft 0.8,
#     17 Sep 2021, openeventdata/PLOVER, CC BY-SA 4.0, edited by Philip Schrodt); labels of the
#     two-digit codes from the PLOVER manual's CAMEO table, which also marks 01 and 02 as dropped
#     (empty plover_event); labels of 01x/02x codes from data/cameo_labels_extra.tsv (this project).
#     A code the crosswalk omits takes its nearest listed parent's event, with no mode or context.
#   goldstein, quad_class: openeventdata/phoenix_pipeline postprocess.py (MIT). goldstein_code is the
#     code the score was taken from: the code itself, or its nearest parent the Goldstein table lists.
#     quad_class: 0 neutral, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#     4 material conflict.
";

fn format_cameo_table(rows: &[Cameo]) -> String {
    let mut text = String::from(CAMEO_HEADER);
    text.push_str(&CAMEO_COLUMNS.join("\t"));
    text.push('\n');
    for row in rows {
        text.push_str(&format_row(row));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared_data() -> Option<PathBuf> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        if path.join(VERBS_SOURCE).exists() {
            Some(path)
        } else {
            eprintln!("skipping: shared data not found at {}", path.display());
            None
        }
    }

    #[test]
    fn crosswalk_rows_headers_and_notes_are_read() {
        let text = "# c\n04: CONSULT\n043: CONSULT, visit,   # Host a visit\n0813: RETREAT, ,   legal # Ease curfew  21.09.17: note\n";
        let Crosswalk { rows, root_events: roots } = parse_crosswalk(text).unwrap();
        assert_eq!(roots["04"], "CONSULT");
        assert_eq!(rows["043"].mode.as_deref(), Some("visit"));
        assert_eq!(rows["0813"].label, "Ease curfew");
        assert_eq!(rows["0813"].context, ["legal"]);
        assert!(parse_crosswalk("04x: CONSULT, , # bad\n").is_err());
    }

    #[test]
    fn missing_codes_inherit_the_parent_event_and_score() {
        let crosswalk = "10: REQUEST\n101: REQUEST, assist,  # Demand material cooperation\n01: \n";
        let manual = "01 & MAKE PUBLIC STATEMENT & dropped \\\\\n10 & DEMAND & REQUEST \\\\\n";
        let goldstein = "cameo_code,root_code,goldstein,phoenix_quad_class\n01,01,0.0,0\n02,02,3.0,0\n03,03,4.0,1\n10,10,-5.0,3\n101,10,-5.0,3\n16,16,-4.0,3\n";
        let rows = build_cameo_table(&crosswalk.replace("01: \n", ""), manual, goldstein).unwrap();
        let by_code: HashMap<&str, &Cameo> = rows.iter().map(|row| (row.code.as_str(), row)).collect();
        assert_eq!(by_code["10"].label, "DEMAND");
        assert_eq!(by_code["01"].plover_event, None);
        assert_eq!(by_code["0231"].plover_event, None, "02 family: dropped by PLOVER");
        assert_eq!(by_code["0231"].label, "Appeal for economic aid");
        assert_eq!(by_code["109"].plover_event.as_deref(), Some("REQUEST"));
        assert_eq!(by_code["109"].plover_mode, None);
        assert_eq!(by_code["101"].goldstein_code.as_deref(), Some("101"));
    }

    #[test]
    fn shipped_files_match_a_fresh_conversion_of_the_shared_sources() {
        let Some(shared) = shared_data() else { return };
        let out = std::env::temp_dir().join(format!("dyad-verbs-convert-{}", std::process::id()));
        std::fs::create_dir_all(&out).unwrap();
        let summary = convert_sources(&shared, &out).unwrap();
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for name in ["verbs.txt", "cameo.tsv"] {
            let fresh = std::fs::read_to_string(out.join(name)).unwrap();
            let shipped = std::fs::read_to_string(data.join(name)).unwrap();
            assert!(fresh == shipped, "data/{name} is stale: run `cargo run -p dyad-verbs --example convert_verbs`");
        }
        assert!(summary.blocks > 350 && summary.patterns > 4000, "{summary:?}");
        std::fs::remove_dir_all(&out).ok();
    }
}
