//! Readers for TABARI/PETRARCH actor and agent dictionaries.
//!
//! Actor records: a primary phrase (`VLADIMIR_PUTIN_  [RUS]`), optional `+SYNONYM` lines, and
//! optional indented code lines (`\t[RUSGOV 991231-080507]`, `\t[RUSGOV >080508]`,
//! `\t[HOB < 950601]`, `\t[RUSELI]`). Agent records: `PHRASE {PLURALS} [~CODE]`, with
//! substitution sets `!PERSON! = MAN, MEN, ...`. Comments are `#`, `;` and `<!-- ... -->`
//! (which may span lines). Underscores and spaces both separate words.
//!
//! Semantics kept from PETRARCH: date limits are inclusive; a bare code is the default;
//! restrictions are tried in file order; a primary phrase that follows a primary phrase
//! with no codes yet joins it (consecutive code-less names share the next codes).
//! Invariant: in strict mode every line is either understood or reported as an error naming
//! file and line; in lenient mode (used for the large Phoenix files) bad lines are skipped
//! and listed.

use crate::day::Day;
use crate::error::KbError;
use std::collections::HashMap;
use std::path::Path;

/// Which kind of dictionary a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictionaryKind {
    Actors,
    Agents,
    /// Phrases that mark a story or sentence as not political news (sports, weather): a
    /// `+PHRASE` discards the whole story, a bare `PHRASE` the sentence.
    Discards,
}

/// How much text a discard phrase removes from coding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiscardLevel {
    Story,
    Sentence,
}

/// One discard phrase, as written (words separated by spaces).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscardRecord {
    pub line: usize,
    pub phrase: String,
    pub level: DiscardLevel,
}

/// One code with its optional date bounds (inclusive), as written in the dictionary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeRule {
    pub code: String,
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// A code with no dates: it applies when no dated code does.
    pub is_default: bool,
}

/// One actor record: its names (the primary first) and its codes in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorRecord {
    pub line: usize,
    pub names: Vec<String>,
    pub rules: Vec<CodeRule>,
    /// The comment on the primary line (`CountryInfo.txt` marks generated leader records).
    pub comment: String,
}

/// One agent record: its surface forms (singular first, then plurals) and its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentRecord {
    pub line: usize,
    pub forms: Vec<String>,
    pub code: String,
}

/// Records read from one file, plus the lines skipped in lenient mode.
#[derive(Clone, Debug)]
pub struct Parsed<T> {
    pub records: Vec<T>,
    pub skipped: Vec<String>,
}

impl<T> Default for Parsed<T> {
    fn default() -> Parsed<T> {
        Parsed { records: Vec::new(), skipped: Vec::new() }
    }
}

/// Agent dictionaries are told apart by their `~` codes and `!SET!` substitutions; discard
/// lists by having no `[code]` at all and at least one story-level `+PHRASE` line (an actor
/// file's `+SYNONYM` lines always follow a coded name somewhere in the file).
pub fn detect_kind(text: &str) -> DictionaryKind {
    let is_agent_line = |line: &str| {
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        compact.contains("[~") || compact.contains("~]") || (compact.starts_with('!') && compact.contains("!="))
    };
    let lines = clean_lines(text);
    if lines.iter().any(|line| is_agent_line(&line.content)) {
        DictionaryKind::Agents
    } else if !lines.iter().any(|line| line.content.contains('['))
        && lines.iter().any(|line| line.content.starts_with('+'))
    {
        DictionaryKind::Discards
    } else {
        DictionaryKind::Actors
    }
}

/// Reads a discard list: one phrase a line, `+` for story level. A line with a `[code]` is
/// an error (the file is probably an actor dictionary), reported or skipped as in
/// [`parse_actors`].
pub fn parse_discards(text: &str, path: &Path, strict: bool) -> Result<Parsed<DiscardRecord>, KbError> {
    let mut parsed = Parsed::default();
    for line in clean_lines(text) {
        let content = line.content.trim();
        let (level, phrase) = match content.strip_prefix('+') {
            Some(rest) => (DiscardLevel::Story, rest),
            None => (DiscardLevel::Sentence, content),
        };
        let phrase = clean_phrase(phrase);
        let problem = if content.contains('[') {
            Some(format!("a discard phrase has no [code]: {content:?}"))
        } else if phrase.is_empty() {
            Some("empty discard phrase".to_string())
        } else {
            None
        };
        match problem {
            None => parsed.records.push(DiscardRecord { line: line.number, phrase, level }),
            Some(message) if strict => return Err(KbError::malformed(path, line.number, message)),
            Some(message) => parsed.skipped.push(format!("{}:{}: {message}", path.display(), line.number)),
        }
    }
    Ok(parsed)
}

struct CleanLine {
    number: usize,
    content: String,
    comment: String,
}

/// Lines with comments removed; blank lines dropped. Leading whitespace is kept, since an
/// indented line is a code line.
fn clean_lines(text: &str) -> Vec<CleanLine> {
    let mut lines = Vec::new();
    let mut in_block_comment = false;
    for (index, raw) in text.lines().enumerate() {
        let mut line = raw.to_string();
        if in_block_comment {
            match line.find("-->") {
                Some(end) => {
                    in_block_comment = false;
                    line = line[end + 3..].to_string();
                }
                None => continue,
            }
        }
        while let Some(start) = line.find("<!") {
            match line[start..].find("-->") {
                Some(end) => line.replace_range(start..start + end + 3, ""),
                None => {
                    in_block_comment = true;
                    line.truncate(start);
                }
            }
        }
        let mut comment = String::new();
        if let Some(position) = line.find(['#', ';']) {
            comment = line[position + 1..].trim().to_string();
            line.truncate(position);
        }
        if line.trim().is_empty() {
            continue;
        }
        lines.push(CleanLine { number: index + 1, content: line.trim_end().to_string(), comment });
    }
    lines
}

/// `VLADIMIR_PUTIN_` → `VLADIMIR PUTIN`.
pub fn clean_phrase(phrase: &str) -> String {
    phrase.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits `NAME  [A] [B 990101-000101]` into the name and the bracket contents.
fn split_codes(line: &str) -> Result<(String, Vec<String>), String> {
    let Some(first_bracket) = line.find('[') else {
        return Ok((line.to_string(), Vec::new()));
    };
    let name = line[..first_bracket].to_string();
    let mut contents = Vec::new();
    let mut rest = &line[first_bracket..];
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            return Err(format!("unclosed '[' in {:?}", line.trim()));
        };
        contents.push(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    Ok((name, contents))
}

fn parse_date(text: &str) -> Result<Day, String> {
    let digits = text.trim();
    Day::parse_tabari(digits).ok_or_else(|| format!("unreadable date {digits:?} (want YYMMDD or YYYYMMDD)"))
}

/// Reads one bracket: `RUSGOV 991231-080507`, `HOB < 950601`, `RUSGOV >080508`, `RUSELI`.
fn parse_rule(content: &str) -> Result<CodeRule, String> {
    let content = content.trim();
    let code_end = content.find(|c: char| c.is_whitespace() || c == '<' || c == '>').unwrap_or(content.len());
    let code = &content[..code_end];
    if code.is_empty() {
        return Err(format!("code missing in [{content}]"));
    }
    if code.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(format!("date restriction without a code in [{content}]"));
    }
    let rest = content[code_end..].trim();
    let (start, end, is_default) = if rest.is_empty() {
        (None, None, true)
    } else if let Some(date) = rest.strip_prefix('<') {
        (None, Some(parse_date(date)?), false)
    } else if let Some(date) = rest.strip_prefix('>') {
        (Some(parse_date(date)?), None, false)
    } else if let Some((first, last)) = rest.split_once('-') {
        let (first, last) = (parse_date(first)?, parse_date(last)?);
        if last < first {
            return Err(format!("date range ends before it starts in [{content}]"));
        }
        (Some(first), Some(last), false)
    } else {
        return Err(format!("unreadable date restriction {rest:?} in [{content}]"));
    };
    Ok(CodeRule { code: code.to_string(), start, end, is_default })
}

fn parse_rules(contents: &[String]) -> Result<Vec<CodeRule>, String> {
    contents.iter().map(|content| parse_rule(content)).collect()
}

/// Reads an actor dictionary. `strict` turns every unreadable line into an error.
pub fn parse_actors(text: &str, path: &Path, strict: bool) -> Result<Parsed<ActorRecord>, KbError> {
    let mut parsed = Parsed::default();
    let mut current: Option<ActorRecord> = None;
    for line in clean_lines(text) {
        match read_actor_line(&line, &mut current, &mut parsed.records) {
            Ok(()) => {}
            Err(message) if strict => return Err(KbError::malformed(path, line.number, message)),
            Err(message) => parsed.skipped.push(format!("{}:{}: {message}", path.display(), line.number)),
        }
    }
    parsed.records.extend(current);
    Ok(parsed)
}

fn read_actor_line(
    line: &CleanLine,
    current: &mut Option<ActorRecord>,
    done: &mut Vec<ActorRecord>,
) -> Result<(), String> {
    let content = &line.content;
    let first = content.chars().next().unwrap_or(' ');
    if first.is_whitespace() {
        let trimmed = content.trim();
        if !trimmed.starts_with('[') {
            return Err(format!("indented line is not a [code] restriction: {trimmed:?}"));
        }
        let record = current.as_mut().ok_or("code restriction before any actor")?;
        let (_, contents) = split_codes(trimmed)?;
        record.rules.extend(parse_rules(&contents)?);
        return Ok(());
    }
    if let Some(synonym) = content.strip_prefix('+') {
        let record = current.as_mut().ok_or("synonym before any actor")?;
        let (name, contents) = split_codes(synonym)?;
        let name = clean_phrase(&name);
        if name.is_empty() {
            return Err("empty synonym".to_string());
        }
        record.names.push(name);
        record.rules.extend(parse_rules(&contents)?);
        return Ok(());
    }
    let (name, contents) = split_codes(content)?;
    let name = clean_phrase(&name);
    if name.is_empty() {
        return Err(format!("no actor name before the code in {:?}", content.trim()));
    }
    let rules = parse_rules(&contents)?;
    match current {
        Some(record) if record.rules.is_empty() => {
            record.names.push(name);
            record.rules.extend(rules);
        }
        _ => {
            done.extend(current.take());
            *current = Some(ActorRecord { line: line.number, names: vec![name], rules, comment: line.comment.clone() });
        }
    }
    Ok(())
}

/// Reads an agent dictionary. `strict` turns every unreadable line into an error.
pub fn parse_agents(text: &str, path: &Path, strict: bool) -> Result<Parsed<AgentRecord>, KbError> {
    let mut parsed = Parsed::default();
    let mut substitutions: HashMap<String, Vec<String>> = HashMap::new();
    for line in clean_lines(text) {
        let result = read_agent_line(&line, &mut substitutions);
        match result {
            Ok(records) => parsed.records.extend(records),
            Err(message) if strict => return Err(KbError::malformed(path, line.number, message)),
            Err(message) => parsed.skipped.push(format!("{}:{}: {message}", path.display(), line.number)),
        }
    }
    Ok(parsed)
}

fn read_agent_line(
    line: &CleanLine,
    substitutions: &mut HashMap<String, Vec<String>>,
) -> Result<Vec<AgentRecord>, String> {
    let content = line.content.trim();
    if content.starts_with('!') && !content.contains('[') {
        let (marker, values) =
            content.split_once('=').ok_or_else(|| format!("substitution set without '=': {content:?}"))?;
        let values: Vec<String> =
            values.split(',').map(|value| value.trim().to_string()).filter(|value| !value.is_empty()).collect();
        substitutions.insert(marker.trim().to_string(), values);
        return Ok(Vec::new());
    }
    let open = content.find('[').ok_or_else(|| format!("agent without a [code]: {content:?}"))?;
    let close = content[open..].find(']').ok_or_else(|| format!("unclosed '[' in {content:?}"))? + open;
    let code: String = content[open + 1..close].chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() || !code.contains('~') {
        return Err(format!("agent code must contain '~' (like [~COP] or [NGO~]): {content:?}"));
    }
    let phrase_end = content.find('{').unwrap_or(open).min(open);
    let phrase = &content[..phrase_end];
    let plurals: Option<Vec<String>> = match content.find('{') {
        Some(start) if start < open => {
            let end = content[start..].find('}').ok_or_else(|| format!("unclosed '{{' in {content:?}"))? + start;
            Some(content[start + 1..end].split_whitespace().map(clean_phrase).collect())
        }
        _ => None,
    };
    let expanded = expand_substitutions(phrase, substitutions)?;
    let substituted = expanded.len() > 1 || expanded.first().is_some_and(|form| form != phrase);
    let mut records = Vec::new();
    for form in expanded {
        let singular = clean_phrase(&form);
        if singular.is_empty() {
            return Err(format!("agent with an empty phrase: {content:?}"));
        }
        let mut forms = vec![singular.clone()];
        match (&plurals, substituted) {
            (Some(explicit), _) => forms.extend(explicit.iter().cloned()),
            (None, false) => forms.push(regular_plural(&singular)),
            (None, true) => {}
        }
        records.push(AgentRecord { line: line.number, forms, code: code.clone() });
    }
    Ok(records)
}

fn expand_substitutions(phrase: &str, substitutions: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let end =
        phrase[start + 1..].find('!').ok_or_else(|| format!("unclosed substitution marker in {phrase:?}"))? + start + 1;
    let marker = &phrase[start..=end];
    let values = substitutions.get(marker).ok_or_else(|| format!("unknown substitution set {marker}"))?;
    let mut expanded = Vec::new();
    for value in values {
        let replaced = format!("{}{}{}", &phrase[..start], value, &phrase[end + 1..]);
        expanded.extend(expand_substitutions(&replaced, substitutions)?);
    }
    Ok(expanded)
}

/// The regular English plural of a phrase's last word, as PETRARCH generates it (with
/// `-es` after sibilants and `-ies` after a consonant + y).
pub fn regular_plural(phrase: &str) -> String {
    let upper = phrase.chars().last().is_some_and(|c| c.is_uppercase());
    let lower = phrase.to_lowercase();
    let plural = if lower.ends_with('s')
        || lower.ends_with("sh")
        || lower.ends_with("ch")
        || lower.ends_with('x')
        || lower.ends_with('z')
    {
        format!("{phrase}es")
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
        && !lower.ends_with("uy")
    {
        format!("{}ies", &phrase[..phrase.len() - 1])
    } else {
        format!("{phrase}s")
    };
    if upper { plural.to_uppercase() } else { plural }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<Day> {
        Day::parse_iso(text)
    }

    #[test]
    fn actor_records_keep_synonyms_and_dated_codes() {
        let text = "# header\nVLADIMIR_PUTIN_  # CountryInfo.txt\n+PUTIN_\n\t[RUSELI 700101-990809]\n\t[RUSGOV >080508]\n\t[RUSELI]\nRUSSIA_ [RUS]\n+RUSSIAN_\n";
        let parsed = parse_actors(text, Path::new("test.actors"), true).unwrap();
        assert_eq!(parsed.records.len(), 2);
        let putin = &parsed.records[0];
        assert_eq!(putin.names, vec!["VLADIMIR PUTIN", "PUTIN"]);
        assert_eq!(putin.comment, "CountryInfo.txt");
        assert_eq!(putin.rules[0].start, day("1970-01-01"));
        assert_eq!(putin.rules[0].end, day("1999-08-09"));
        assert_eq!(putin.rules[1].start, day("2008-05-08"));
        assert!(putin.rules[2].is_default);
        assert_eq!(parsed.records[1].rules[0].code, "RUS");
    }

    #[test]
    fn block_comments_spaced_restrictions_and_codeless_names_follow_petrarch() {
        let text = "<!-- a\n# note\n-->\n<! -- one line -->\nGOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n#\t[950601-990815]\n\t[HOBREB > 990816]\n\t\nENT\nEND_TWO\n\t[ENT]\n";
        let parsed = parse_actors(text, Path::new("toy"), true).unwrap();
        assert_eq!(parsed.records.len(), 2);
        let gollum = &parsed.records[0];
        assert_eq!(gollum.rules.len(), 3);
        assert_eq!(gollum.rules[0].end, day("1995-06-01"));
        assert_eq!(gollum.rules[1].start, day("1995-06-01"));
        assert_eq!(parsed.records[1].names, vec!["ENT", "END TWO"]);
    }

    #[test]
    fn malformed_lines_name_file_and_line_in_strict_mode() {
        let text = "ARNOR [ARN]\n\t[ARNGOV 99x101-000101]\n";
        let error = parse_actors(text, Path::new("bad.actors"), true).unwrap_err().to_string();
        assert!(error.starts_with("bad.actors:2:"), "{error}");
        let lenient = parse_actors(text, Path::new("bad.actors"), false).unwrap();
        assert_eq!(lenient.skipped.len(), 1);
        assert!(parse_actors("+ORPHAN\n", Path::new("x"), true).is_err());
        assert!(parse_actors("NAME [GOV\n", Path::new("x"), true).is_err());
    }

    #[test]
    fn agents_expand_plurals_and_substitution_sets() {
        let text = "!PERSON! = MAN, MEN\nPOLICE {} [ ~COP]\nSOLDIER [~MIL]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nPOLICE!PERSON! [~COP]\nHUMAN_RIGHTS_BODY  [NGO~]\nMILITIA [~REB]\n";
        assert_eq!(detect_kind(text), DictionaryKind::Agents);
        let parsed = parse_agents(text, Path::new("a"), true).unwrap();
        let forms: Vec<Vec<String>> = parsed.records.iter().map(|record| record.forms.clone()).collect();
        assert_eq!(forms[0], vec!["POLICE"]);
        assert_eq!(forms[1], vec!["SOLDIER", "SOLDIERS"]);
        assert_eq!(forms[2], vec!["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]);
        assert_eq!(forms[3], vec!["POLICEMAN"]);
        assert_eq!(forms[4], vec!["POLICEMEN"]);
        assert_eq!(parsed.records[5].code, "NGO~");
        assert_eq!(forms[6], vec!["MILITIA", "MILITIAS"]);
        assert!(parse_agents("MINISTER\n", Path::new("a"), true).is_err());
        assert!(parse_agents("!X!_OF_Y [~GOV]\n", Path::new("a"), true).is_err());
    }

    #[test]
    fn discard_lists_keep_story_and_sentence_levels() {
        let text =
            "# Story-level discards are marked with a '+'.\nMONTHS LATER\n+Cricket Test Match  # note\nCROQUET\n";
        assert_eq!(detect_kind(text), DictionaryKind::Discards);
        let parsed = parse_discards(text, Path::new("d"), true).unwrap();
        let read: Vec<(&str, DiscardLevel)> =
            parsed.records.iter().map(|record| (record.phrase.as_str(), record.level)).collect();
        assert_eq!(
            read,
            vec![
                ("MONTHS LATER", DiscardLevel::Sentence),
                ("Cricket Test Match", DiscardLevel::Story),
                ("CROQUET", DiscardLevel::Sentence)
            ]
        );
        assert_eq!(detect_kind("ARNOR [ARN]\n+ARNORIAN\n"), DictionaryKind::Actors);
        assert!(parse_discards("ARNOR [ARN]\n", Path::new("d"), true).is_err());
    }

    #[test]
    fn plurals_follow_english_spelling() {
        assert_eq!(regular_plural("militia"), "militias");
        assert_eq!(regular_plural("authority"), "authorities");
        assert_eq!(regular_plural("attorney"), "attorneys");
        assert_eq!(regular_plural("witness"), "witnesses");
        assert_eq!(regular_plural("CHURCH"), "CHURCHES");
    }
}
