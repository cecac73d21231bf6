//! Reader for PETRARCH/TABARI validation files (`PETR.UnitTest.records.xml`).
//!
//! Such a file has an `<Environment>` naming the dictionaries to code with (paths relative to
//! the XML file's folder) and the categories to run (`<Include>`), then `<Sentence>` records,
//! each with a date, id and category, one or more `<EventCoding>` expectations and a `<Text>`.
//! `<Config option= value=>` elements between records change coder options from that point
//! on; each record keeps a snapshot of the options in force, so a failure can be read in the
//! setting its authors meant.
//!
//! Invariants: every record has a non-empty id, a valid date and a non-empty text (else the
//! file is rejected, naming the record); texts have their whitespace collapsed to single
//! spaces, since the XML wraps sentences over several lines.

use crate::error::{EvalError, read_text};
use dyad_document::PartialDate;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The dictionaries and categories a validation file asks for, paths already resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    pub verb_files: Vec<PathBuf>,
    pub actor_files: Vec<PathBuf>,
    pub agent_files: Vec<PathBuf>,
    pub discard_files: Vec<PathBuf>,
    /// Categories named in `<Include>`; empty means every category runs.
    pub included_categories: Vec<String>,
}

impl Environment {
    /// PETRARCH runs a record only when its category is listed in `<Include>` (if there is one).
    pub fn includes(&self, category: &str) -> bool {
        self.included_categories.is_empty() || self.included_categories.iter().any(|included| included == category)
    }
}

/// One expected event: CAMEO source, target and event codes exactly as the file writes them
/// (a source may be a quoted phrase such as `"INJURY TOLL"`, a target may be `---`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedCoding {
    pub source: String,
    pub target: String,
    pub event: String,
}

/// What a record expects the coder to produce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// These events (and, for a strict pass, no others).
    Codings(Vec<ExpectedCoding>),
    /// `noevents="True"`: nothing at all.
    NoEvents,
    /// `error="..."`: PETRARCH rejects the record (dateline, discard, bad parse) and codes nothing.
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationRecord {
    pub id: String,
    pub date: PartialDate,
    pub category: String,
    /// `sentence="true"`; the authors mark features PETRARCH never implemented with `false`.
    pub marked_implemented: bool,
    pub text: String,
    pub expectation: Expectation,
    /// The `<Config>` options in force for this record, by option name.
    pub config: BTreeMap<String, String>,
}

/// A whole validation file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationFile {
    pub environment: Environment,
    pub records: Vec<ValidationRecord>,
}

impl ValidationFile {
    /// Reads a validation file; dictionary paths are resolved against its folder.
    pub fn read(path: &Path) -> Result<ValidationFile, EvalError> {
        let text = read_text(path)?;
        let folder = path.parent().unwrap_or(Path::new("."));
        ValidationFile::parse(&text, path, folder)
    }

    /// Parses the text of a validation file; `path` only names it in errors.
    pub fn parse(text: &str, path: &Path, folder: &Path) -> Result<ValidationFile, EvalError> {
        let mut parser = FileParser::new(path, folder);
        let mut reader = Reader::from_str(text);
        loop {
            let position = reader.buffer_position();
            let event = reader.read_event().map_err(|error| EvalError::Xml {
                path: path.to_path_buf(),
                position: reader.error_position(),
                message: error.to_string(),
            })?;
            match event {
                Event::Start(element) => parser.start(&element, position, false)?,
                Event::Empty(element) => parser.start(&element, position, true)?,
                Event::End(element) => parser.end(element.name().as_ref(), position)?,
                Event::Text(content) => parser.text(&content.xml10_content()),
                Event::CData(content) => parser.text(&content.xml10_content()),
                Event::GeneralRef(reference) => {
                    let resolved =
                        resolve_reference(&reference.xml10_content(), reference.resolve_char_ref().ok().flatten());
                    parser.text(&resolved);
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
        Ok(ValidationFile { environment: parser.environment, records: parser.records })
    }
}

/// The text an entity reference stands for; unknown named entities are kept as written.
fn resolve_reference(name: &str, character: Option<char>) -> String {
    if let Some(character) = character {
        return character.to_string();
    }
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => format!("&{other};"),
    }
}

/// A `<Sentence>` being read.
#[derive(Default)]
struct RecordInProgress {
    id: String,
    date: String,
    category: String,
    marked_implemented: bool,
    text: String,
    codings: Vec<ExpectedCoding>,
    expects_no_events: bool,
    errors: Vec<String>,
    position: u64,
}

/// Builds the file as elements arrive. `capture` collects the text of the element whose
/// content matters (`<Text>`, or an `<Environment>` child) until it closes.
struct FileParser<'a> {
    path: &'a Path,
    folder: &'a Path,
    environment: Environment,
    records: Vec<ValidationRecord>,
    config: BTreeMap<String, String>,
    in_environment: bool,
    record: Option<RecordInProgress>,
    capture: Option<(String, String)>,
}

impl<'a> FileParser<'a> {
    fn new(path: &'a Path, folder: &'a Path) -> FileParser<'a> {
        FileParser {
            path,
            folder,
            environment: Environment::default(),
            records: Vec::new(),
            config: BTreeMap::new(),
            in_environment: false,
            record: None,
            capture: None,
        }
    }

    fn start(&mut self, element: &BytesStart, position: u64, is_empty: bool) -> Result<(), EvalError> {
        let name = element.name().as_ref().to_string();
        let attributes = self.attributes(element, position)?;
        match name.as_str() {
            "Environment" => self.in_environment = !is_empty,
            "Config" => {
                if let (Some(option), Some(value)) = (attributes.get("option"), attributes.get("value")) {
                    self.config.insert(option.clone(), value.clone());
                }
            }
            "Sentence" => self.start_record(&attributes, position)?,
            "EventCoding" => self.add_expectation(&attributes, position)?,
            "Text" if self.record.is_some() && !is_empty => self.capture = Some((name, String::new())),
            _ if self.in_environment && !is_empty => self.capture = Some((name, String::new())),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str, position: u64) -> Result<(), EvalError> {
        if let Some((captured_name, captured_text)) = self.capture.take() {
            if captured_name == name {
                self.finish_capture(&captured_name, &captured_text);
            } else {
                self.capture = Some((captured_name, captured_text));
            }
        }
        match name {
            "Environment" => self.in_environment = false,
            "Sentence" => self.finish_record(position)?,
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, content: &str) {
        if let Some((_, captured)) = &mut self.capture {
            captured.push_str(content);
        }
    }

    fn attributes(&self, element: &BytesStart, position: u64) -> Result<BTreeMap<String, String>, EvalError> {
        let mut attributes = BTreeMap::new();
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|error| self.xml_error(position, error.to_string()))?;
            let key = attribute.key.as_ref().to_string();
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|error| self.xml_error(position, error.to_string()))?;
            attributes.insert(key, value.trim().to_string());
        }
        Ok(attributes)
    }

    fn xml_error(&self, position: u64, message: String) -> EvalError {
        EvalError::Xml { path: self.path.to_path_buf(), position, message }
    }

    fn finish_capture(&mut self, name: &str, text: &str) {
        let value = collapse_whitespace(text);
        if name == "Text" {
            if let Some(record) = &mut self.record {
                record.text = value;
            }
            return;
        }
        // A file element may list several files, comma-separated (PETRARCH-2 does so).
        let folder = self.folder;
        let resolved = || value.split(',').map(str::trim).filter(|name| !name.is_empty()).map(|name| folder.join(name));
        let environment = &mut self.environment;
        match name {
            "Verbfile" => environment.verb_files.extend(resolved()),
            "Actorfile" => environment.actor_files.extend(resolved()),
            "Agentfile" => environment.agent_files.extend(resolved()),
            "Discardfile" => environment.discard_files.extend(resolved()),
            "Include" => environment.included_categories = value.split_whitespace().map(str::to_string).collect(),
            // Errorfile, Pause and the like steer PETRARCH's own run, not the coding.
            _ => {}
        }
    }

    fn start_record(&mut self, attributes: &BTreeMap<String, String>, position: u64) -> Result<(), EvalError> {
        if let Some(open) = &self.record {
            let message =
                format!("record {:?} (near byte {}) is not closed before the next <Sentence>", open.id, open.position);
            return Err(EvalError::format(self.path, message));
        }
        let get = |key: &str| attributes.get(key).cloned().unwrap_or_default();
        self.record = Some(RecordInProgress {
            id: get("id"),
            date: get("date"),
            category: get("category"),
            marked_implemented: !get("sentence").eq_ignore_ascii_case("false"),
            position,
            ..RecordInProgress::default()
        });
        Ok(())
    }

    fn add_expectation(&mut self, attributes: &BTreeMap<String, String>, position: u64) -> Result<(), EvalError> {
        let Some(record) = &mut self.record else {
            return Err(EvalError::format(
                self.path,
                format!("<EventCoding> outside a <Sentence> near byte {position}"),
            ));
        };
        if let Some(error) = attributes.get("error") {
            record.errors.push(error.clone());
        } else if attributes.get("noevents").is_some_and(|value| value.eq_ignore_ascii_case("true")) {
            record.expects_no_events = true;
        } else {
            let get = |key: &str| attributes.get(key).cloned();
            match (get("sourcecode"), get("targetcode"), get("eventcode")) {
                (Some(source), Some(target), Some(event)) => {
                    record.codings.push(ExpectedCoding { source, target, event })
                }
                _ => {
                    let message = format!(
                        "record {:?}: <EventCoding> near byte {position} needs sourcecode, targetcode and eventcode, or noevents, or error",
                        record.id
                    );
                    return Err(EvalError::format(self.path, message));
                }
            }
        }
        Ok(())
    }

    fn finish_record(&mut self, position: u64) -> Result<(), EvalError> {
        let Some(record) = self.record.take() else {
            return Err(EvalError::format(self.path, format!("</Sentence> without <Sentence> near byte {position}")));
        };
        let problem = |message: String| {
            EvalError::format(self.path, format!("record {:?} near byte {}: {message}", record.id, record.position))
        };
        if record.id.is_empty() {
            return Err(problem("no id".into()));
        }
        if record.text.is_empty() {
            return Err(problem("no <Text>".into()));
        }
        let date = parse_compact_date(&record.date)
            .ok_or_else(|| problem(format!("date {:?} is not YYYYMMDD", record.date)))?;
        let expectation = if let Some(error) = record.errors.first() {
            Expectation::Error(error.clone())
        } else if !record.codings.is_empty() {
            Expectation::Codings(record.codings)
        } else {
            // `noevents="True"`, or (never in the shipped file) no expectation at all: both mean nothing is coded.
            Expectation::NoEvents
        };
        self.records.push(ValidationRecord {
            id: record.id,
            date,
            category: record.category,
            marked_implemented: record.marked_implemented,
            text: record.text,
            expectation,
            config: self.config.clone(),
        });
        Ok(())
    }
}

/// `19950101` → 1995-01-01 (TABARI's date form).
pub fn parse_compact_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    if text.len() != 8 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..]).parse().ok()
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL_FILE: &str = r#"<Validation>
<!-- a comment with <Sentence> inside must be ignored -->
<Environment>
    <Verbfile>test.verbs.txt</Verbfile>
    <Actorfile>test.actors.txt, more.actors.txt</Actorfile>
    <Agentfile>test.agents.txt</Agentfile>
    <Discardfile>test.discards.txt</Discardfile>
    <Include>valid ALPHA BETA</Include>
</Environment>
<Sentences>
<Sentence date="20010203" id="ALPHA-1" category="ALPHA" sentence="true">
<EventCoding sourcecode="NORGOV" targetcode="ELB" eventcode="042"></EventCoding>
<EventCoding sourcecode='"THE GREY COUNCIL"' targetcode="---" eventcode="051"></EventCoding>
<Text>
Norland's envoy   flew to
Elbonia &amp; stayed.
</Text>
<Parse>(ROOT (S (NP (NNP Norland))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20010204" id ="BETA-1" category="BETA" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="20010205" id="GAMMA-1" category="GAMMA" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>ELBOW CITY: -- A dateline.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    fn parse_small() -> ValidationFile {
        ValidationFile::parse(SMALL_FILE, Path::new("small.xml"), Path::new("/data")).expect("the small file parses")
    }

    #[test]
    fn environment_paths_resolve_against_the_folder() {
        let file = parse_small();
        assert_eq!(file.environment.verb_files, vec![PathBuf::from("/data/test.verbs.txt")]);
        assert_eq!(
            file.environment.actor_files,
            vec![PathBuf::from("/data/test.actors.txt"), PathBuf::from("/data/more.actors.txt")]
        );
        assert_eq!(file.environment.agent_files, vec![PathBuf::from("/data/test.agents.txt")]);
        assert_eq!(file.environment.discard_files, vec![PathBuf::from("/data/test.discards.txt")]);
        assert!(file.environment.includes("ALPHA") && !file.environment.includes("GAMMA"));
    }

    #[test]
    fn records_keep_codings_text_dates_and_config() {
        let file = parse_small();
        assert_eq!(file.records.len(), 3);
        let first = &file.records[0];
        assert_eq!(first.id, "ALPHA-1");
        assert_eq!(first.date, PartialDate::day(2001, 2, 3));
        assert_eq!(first.text, "Norland's envoy flew to Elbonia & stayed.");
        let Expectation::Codings(codings) = &first.expectation else { panic!("{:?}", first.expectation) };
        assert_eq!(codings[0], ExpectedCoding { source: "NORGOV".into(), target: "ELB".into(), event: "042".into() });
        assert_eq!(codings[1].source, "\"THE GREY COUNCIL\"");
        assert!(first.config.is_empty() && first.marked_implemented);
        let second = &file.records[1];
        assert_eq!(second.expectation, Expectation::NoEvents);
        assert!(!second.marked_implemented);
        assert_eq!(second.config.get("require_dyad").map(String::as_str), Some("false"));
        assert_eq!(file.records[2].expectation, Expectation::Error("dateline".into()));
    }

    #[test]
    fn a_bad_date_names_the_record() {
        let text = r#"<Sentence date="1995" id="X-1" category="X"><Text>Hi.</Text></Sentence>"#;
        let error = ValidationFile::parse(text, Path::new("bad.xml"), Path::new(".")).unwrap_err().to_string();
        assert!(error.contains("bad.xml") && error.contains("X-1") && error.contains("1995"), "{error}");
    }

    #[test]
    fn malformed_xml_is_an_error_naming_the_file() {
        let text = r#"<Sentence date="19950101" id="X-1"><Text>Hi.</Wrong></Sentence>"#;
        let error = ValidationFile::parse(text, Path::new("broken.xml"), Path::new(".")).unwrap_err().to_string();
        assert!(error.contains("broken.xml"), "{error}");
    }

    #[test]
    fn compact_dates_parse_and_reject() {
        assert_eq!(parse_compact_date("19950101"), Some(PartialDate::day(1995, 1, 1)));
        assert_eq!(parse_compact_date("1995011"), None);
        assert_eq!(parse_compact_date("19951301"), None);
    }
}
