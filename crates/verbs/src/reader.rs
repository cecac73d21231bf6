//! Reading PETRARCH-2 and TABARI/PETRARCH-1 verb dictionaries.
//!
//! The two formats share their line types, so one reader takes both:
//!
//! | line | meaning |
//! |---|---|
//! | `--- NAME [code] ---` | starts a verb block; `[code]` (default `[---]`, no event) applies to its verbs |
//! | `&NAME` then `+WORD`, `+TWO WORDS`, `+JOINED_WORDS` | a synset; a trailing `_` on the word or the name turns off plurals |
//! | `VERB {FORMS} [code]` | a verb of the current block; `{}` lists *all* its other forms, otherwise regular forms are generated |
//! | `+BEEF_UP`, `WIRE_+TAP`, `LASH OUT` | a multi-word verb; `+` marks the word the tagger calls the verb (TABARI's spaced form: the first word) |
//! | `- before * after [code]` | a pattern of the current block (syntax in `pattern.rs`) |
//! | `~ ...` | a PETRARCH-2 transformation, kept verbatim |
//!
//! Comments: `#` or `;` to the end of the line (a `#` inside `[...]` is part of the code),
//! and `<!-- ... -->`, possibly over several lines. Synsets may be defined after the
//! patterns that use them, so patterns are compiled once the whole file is read.

use std::collections::HashMap;

use crate::dictionary::{
    BlockId, CodeSpec, Origin, SkippedLine, SurfaceForm, Synset, VerbBlock, VerbDictionary, VerbEntry, VerbId,
};
use crate::error::VerbsError;
use crate::inflect::{plural_noun, regular_verb_forms};
use crate::pattern::{CompileOutcome, compile_pattern};

impl VerbDictionary {
    /// Reads a PETRARCH-2 (`CAMEO.2.0.txt`) or TABARI/PETRARCH-1 (`PETR.Validate.verbs.txt`)
    /// verb dictionary. `source_name` is used in error messages and pattern origins.
    pub fn from_petrarch_text(text: &str, source_name: &str) -> Result<VerbDictionary, VerbsError> {
        let mut reader = Reader::new(source_name);
        let mut in_xml_comment = false;
        for (index, raw_line) in text.lines().enumerate() {
            let line = strip_comments(raw_line, &mut in_xml_comment);
            if !line.trim().is_empty() {
                reader.read_line(index + 1, line.trim(), raw_line)?;
            }
        }
        reader.finish()
    }
}

/// A pattern line waiting for all synsets to be known.
struct RawPattern {
    block: BlockId,
    line: usize,
    body: String,
    raw: String,
}

/// A synset as written: its members, possibly naming other synsets.
struct RawSynset {
    name: String,
    plurals: bool,
    members: Vec<(usize, String)>,
}

struct Reader {
    source_name: String,
    dictionary: VerbDictionary,
    raw_patterns: Vec<RawPattern>,
    raw_synsets: Vec<RawSynset>,
    current_block: Option<BlockId>,
    /// The header code of a block name met again: the default of the verbs listed under it.
    reopened_block_code: Option<CodeSpec>,
    /// Index into `raw_synsets` while `+` lines belong to a synset.
    current_synset: Option<usize>,
}

impl Reader {
    fn new(source_name: &str) -> Reader {
        let dictionary = VerbDictionary { source_names: vec![source_name.to_string()], ..VerbDictionary::default() };
        Reader {
            source_name: source_name.to_string(),
            dictionary,
            raw_patterns: Vec::new(),
            raw_synsets: Vec::new(),
            current_block: None,
            reopened_block_code: None,
            current_synset: None,
        }
    }

    fn error(&self, line: usize, message: impl Into<String>, text: &str) -> VerbsError {
        VerbsError::Syntax {
            source_name: self.source_name.clone(),
            line,
            message: message.into(),
            text: text.trim().to_string(),
        }
    }

    fn read_line(&mut self, line: usize, content: &str, raw: &str) -> Result<(), VerbsError> {
        if content.starts_with("---") {
            self.current_synset = None;
            return self.read_block_header(line, content, raw);
        }
        if let Some(name) = content.strip_prefix('&') {
            return self.start_synset(line, name, raw);
        }
        if let (Some(member), Some(synset)) = (content.strip_prefix('+'), self.current_synset) {
            self.raw_synsets[synset].members.push((line, member.trim().to_string()));
            return Ok(());
        }
        self.current_synset = None;
        if let Some(transformation) = content.strip_prefix('~') {
            self.dictionary.transformations.push(transformation.trim().to_string());
            return Ok(());
        }
        let Some(block) = self.current_block else {
            return Err(self.error(line, "verb or pattern before any `--- NAME [code] ---` block line", raw));
        };
        match content.strip_prefix('-') {
            Some(body) => {
                self.raw_patterns.push(RawPattern { block, line, body: body.to_string(), raw: raw.to_string() });
                Ok(())
            }
            None => self.read_verb_line(block, line, content, raw),
        }
    }

    fn read_block_header(&mut self, line: usize, content: &str, raw: &str) -> Result<(), VerbsError> {
        // Trailing dashes may be split by blanks (`[110]---  ---`).
        let inner = content
            .trim_start_matches('-')
            .trim_end_matches(|letter: char| letter == '-' || letter.is_whitespace())
            .trim();
        let mut rest = inner;
        let mut codes = Vec::new();
        while rest.contains('[') {
            let (before, code) = split_trailing_code(rest).map_err(|message| self.error(line, message, raw))?;
            codes.insert(0, code.unwrap_or_default());
            rest = before;
        }
        // TABARI wrote multi-word block names with blanks ("LASH OUT").
        let name = rest.split_whitespace().collect::<Vec<_>>().join("_");
        if name.is_empty() || name.contains([']', '{', '}', '(', ')']) {
            return Err(self.error(line, "block line must be `--- NAME [code] ---`", raw));
        }
        if codes.len() > 1 {
            // PETRARCH reads the first code of `--- DELAY [120] [031:031] ---`; say so.
            self.dictionary.skipped.push(SkippedLine {
                source_name: self.source_name.clone(),
                line,
                reason: format!("block {name}: only the first of the codes {codes:?} is used"),
            });
        }
        let code = match codes.first() {
            Some(code) => parse_code(code).map_err(|message| self.error(line, message, raw))?,
            None => CodeSpec::default(),
        };
        let name = name.to_ascii_uppercase();
        // A block whose name opens an earlier block again continues it, as PETRARCH keys a
        // block's patterns on its name: a verb first listed there meets the patterns of both
        // ("--- SHOT [---]" with "*_AND_WOUND", later "--- SHOT [223]" with "+ WAS * DEAD IN $").
        // The later header's code stays the default of the verbs listed under it.
        if let Some(index) = self.dictionary.blocks.iter().position(|block| block.name == name) {
            self.current_block = Some(BlockId(index as u32));
            self.reopened_block_code = Some(code);
            return Ok(());
        }
        let block = BlockId(self.dictionary.blocks.len() as u32);
        self.dictionary.blocks.push(VerbBlock { name, code, patterns: Vec::new() });
        self.current_block = Some(block);
        self.reopened_block_code = None;
        Ok(())
    }

    fn start_synset(&mut self, line: usize, name: &str, raw: &str) -> Result<(), VerbsError> {
        let name = name.trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(self.error(line, "synset line must be `&NAME` with a one-word name", raw));
        }
        let plurals = !name.ends_with('_');
        let name = name.trim_end_matches('_').to_ascii_uppercase();
        self.current_synset = Some(self.raw_synsets.len());
        self.raw_synsets.push(RawSynset { name, plurals, members: Vec::new() });
        Ok(())
    }

    fn read_verb_line(&mut self, block: BlockId, line: usize, content: &str, raw: &str) -> Result<(), VerbsError> {
        let (words_part, code) = split_trailing_code(content).map_err(|message| self.error(line, message, raw))?;
        let code = code.map(parse_code).transpose().map_err(|message| self.error(line, message, raw))?;
        let code = code.or_else(|| self.reopened_block_code.clone());
        let (base_text, listed) = split_listed_forms(words_part).map_err(|message| self.error(line, message, raw))?;
        let base = VerbForm::parse(base_text).map_err(|message| self.error(line, message, raw))?;
        let verb = VerbId(self.dictionary.verbs.len() as u32);
        self.dictionary.verbs.push(VerbEntry { lemma: base.words().join(" "), block, code });
        let mut forms = vec![base.clone()];
        match listed {
            Some(listed) => {
                for text in listed.split([' ', '\t', ',']).filter(|text| !text.is_empty()) {
                    forms.push(VerbForm::parse(text).map_err(|message| self.error(line, message, raw))?);
                }
            }
            None => forms.extend(base.regular_inflections()),
        }
        for form in forms {
            let head = form.head.clone();
            let surface = SurfaceForm { front: form.front.into(), back: form.back.into(), verb };
            self.dictionary.insert_surface_form(head, surface, false);
        }
        Ok(())
    }

    fn finish(mut self) -> Result<VerbDictionary, VerbsError> {
        let synset_index = self.compile_synsets()?;
        for raw in std::mem::take(&mut self.raw_patterns) {
            let origin = Origin { source: 0, line: raw.line };
            match compile_pattern(&raw.body, &synset_index, origin) {
                Ok(CompileOutcome::Pattern(pattern)) => {
                    self.dictionary.blocks[raw.block.0 as usize].patterns.push(pattern)
                }
                Ok(CompileOutcome::UndefinedSynset(name)) => self.dictionary.skipped.push(SkippedLine {
                    source_name: self.source_name.clone(),
                    line: raw.line,
                    reason: format!("pattern uses undefined synset &{name}"),
                }),
                Err(message) => return Err(self.error(raw.line, message, &raw.raw)),
            }
        }
        Ok(self.dictionary)
    }

    /// Expands every synset (members may name other synsets) into word phrases with
    /// plurals, and returns the name → index map patterns are compiled against. A name
    /// defined twice gets the members of both definitions; synsets are numbered in the
    /// order their names first appear, so a file always compiles the same way.
    fn compile_synsets(&mut self) -> Result<HashMap<String, u32>, VerbsError> {
        let mut names: Vec<String> = Vec::new();
        for synset in &self.raw_synsets {
            if !names.contains(&synset.name) {
                names.push(synset.name.clone());
            }
        }
        let defined: HashMap<String, usize> =
            names.iter().enumerate().map(|(index, name)| (name.clone(), index)).collect();
        let mut index = HashMap::new();
        for name in names {
            let mut phrases = Vec::new();
            let mut visiting = vec![name.clone()];
            for synset in self.raw_synsets.iter().filter(|synset| synset.name == name) {
                for (_, member) in &synset.members {
                    self.expand_member(member, synset.plurals, &defined, &mut visiting, &mut phrases)?;
                }
            }
            phrases.sort();
            phrases.dedup();
            index.insert(name.clone(), self.dictionary.synsets.len() as u32);
            self.dictionary.synsets.push(Synset::new(name, phrases));
        }
        Ok(index)
    }

    fn expand_member(
        &self,
        member: &str,
        plurals: bool,
        by_name: &HashMap<String, usize>,
        visiting: &mut Vec<String>,
        phrases: &mut Vec<Box<[String]>>,
    ) -> Result<(), VerbsError> {
        if let Some(nested) = member.strip_prefix('&') {
            let nested = nested.trim().trim_end_matches('_').to_ascii_uppercase();
            if visiting.contains(&nested) {
                return Err(VerbsError::SynsetCycle { source_name: self.source_name.clone(), name: nested });
            }
            if !by_name.contains_key(&nested) {
                return Ok(()); // PETRARCH ignores what it cannot resolve; the member adds nothing
            }
            visiting.push(nested.clone());
            for synset in self.raw_synsets.iter().filter(|synset| synset.name == nested) {
                for (_, inner) in &synset.members {
                    self.expand_member(inner, synset.plurals, by_name, visiting, phrases)?;
                }
            }
            visiting.pop();
            return Ok(());
        }
        let no_plural = member.ends_with('_') || !plurals;
        let words: Vec<String> =
            member.split([' ', '\t', '_']).filter(|word| !word.is_empty()).map(str::to_uppercase).collect();
        if words.is_empty() {
            return Ok(());
        }
        let plural = if no_plural { None } else { synset_plural(words.last().map_or("", String::as_str)) };
        if let Some(plural) = plural {
            let mut plural_phrase = words.clone();
            let last = plural_phrase.len() - 1;
            plural_phrase[last] = plural;
            phrases.push(plural_phrase.into());
        }
        phrases.push(words.into());
        Ok(())
    }
}

/// The plural PETRARCH would add to a synset noun, or none for a word that already looks
/// plural (TROOPS, HOSTILITIES) — adding "ES" to those only makes words no text contains.
pub(crate) fn synset_plural(word: &str) -> Option<String> {
    if word.ends_with('S') || !word.chars().all(|letter| letter.is_ascii_alphabetic() || letter == '-') {
        return None;
    }
    if let Some(stem) = word.strip_suffix("MAN") {
        return Some(format!("{stem}MEN"));
    }
    Some(plural_noun(word))
}

/// A verb form as written: `+BEEF_UP`, `WIRE_+TAP`, `MEET`, `LASH OUT`.
#[derive(Clone, Debug)]
struct VerbForm {
    front: Vec<String>,
    head: String,
    back: Vec<String>,
}

impl VerbForm {
    fn parse(text: &str) -> Result<VerbForm, String> {
        let words: Vec<&str> = text.split([' ', '\t', '_']).filter(|word| !word.is_empty()).collect();
        if words.is_empty() {
            return Err("verb line has no verb".to_string());
        }
        let marked: Vec<usize> =
            words.iter().enumerate().filter(|(_, word)| word.starts_with('+')).map(|(index, _)| index).collect();
        let head_index = match marked.as_slice() {
            [] => 0, // one word, or TABARI's spaced multi-word verb: the first word is the verb
            [index] => *index,
            _ => return Err("multi-word verb marks more than one word with `+`".to_string()),
        };
        let clean = |word: &str| -> Result<String, String> {
            let word = word.trim_start_matches('+');
            if word.is_empty() || word.contains(['{', '}', '[', ']', '(', ')', '*', '&', '+']) {
                Err(format!("`{word}` is not a verb word"))
            } else {
                Ok(word.to_uppercase())
            }
        };
        Ok(VerbForm {
            front: words[..head_index].iter().map(|word| clean(word)).collect::<Result<_, _>>()?,
            head: clean(words[head_index])?,
            back: words[head_index + 1..].iter().map(|word| clean(word)).collect::<Result<_, _>>()?,
        })
    }

    fn words(&self) -> Vec<String> {
        self.front.iter().cloned().chain(std::iter::once(self.head.clone())).chain(self.back.iter().cloned()).collect()
    }

    fn regular_inflections(&self) -> Vec<VerbForm> {
        regular_verb_forms(&self.head)
            .into_iter()
            .map(|head| VerbForm { front: self.front.clone(), head, back: self.back.clone() })
            .collect()
    }
}

/// Removes `#` and `;` comments (not inside `[...]`) and `<!-- -->` comments.
pub(crate) fn strip_comments<'a>(line: &'a str, in_xml_comment: &mut bool) -> std::borrow::Cow<'a, str> {
    let mut text = std::borrow::Cow::Borrowed(line);
    if *in_xml_comment {
        match text.find("-->") {
            Some(end) => {
                *in_xml_comment = false;
                text = std::borrow::Cow::Owned(text[end + 3..].to_string());
            }
            None => return std::borrow::Cow::Borrowed(""),
        }
    }
    while let Some(start) = text.find("<!--") {
        match text[start..].find("-->") {
            Some(length) => {
                text = std::borrow::Cow::Owned(format!("{}{}", &text[..start], &text[start + length + 3..]))
            }
            None => {
                *in_xml_comment = true;
                text = std::borrow::Cow::Owned(text[..start].to_string());
            }
        }
    }
    let mut depth = 0usize;
    let cut = text.char_indices().find_map(|(index, letter)| {
        match letter {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' | ';' if depth == 0 => return Some(index),
            _ => {}
        }
        None
    });
    match cut {
        Some(index) => std::borrow::Cow::Owned(text[..index].to_string()),
        None => text,
    }
}

/// Splits `text [code]` into the text and the code inside the brackets. The code must
/// end the line.
pub(crate) fn split_trailing_code(text: &str) -> Result<(&str, Option<&str>), String> {
    let text = text.trim();
    let Some(open) = text.rfind('[') else {
        if text.contains(']') {
            return Err("`]` without `[`".to_string());
        }
        return Ok((text, None));
    };
    let Some(close) = text[open..].find(']').map(|offset| open + offset) else {
        return Err("`[` without a closing `]`".to_string());
    };
    if !text[close + 1..].trim().is_empty() {
        return Err("text after the `[code]`".to_string());
    }
    Ok((text[..open].trim_end(), Some(text[open + 1..close].trim())))
}

/// Parses the inside of `[...]`: `040`, `---`, `042:043`, `:173`, `080!`.
pub(crate) fn parse_code(code: &str) -> Result<CodeSpec, String> {
    let (active, passive) = match code.split_once(':') {
        Some((active, passive)) => (active, Some(passive)),
        None => (code, None),
    };
    let side = |text: &str| -> Result<Option<String>, String> {
        // TABARI's trailing `!` flag has no meaning for us; the code itself is kept.
        let text = text.trim().trim_end_matches('!');
        if text.is_empty() || text.chars().all(|letter| letter == '-') {
            Ok(None)
        } else if text.chars().any(|letter| letter.is_whitespace() || "[]{}():".contains(letter)) {
            Err(format!("`[{code}]` is not a code"))
        } else {
            Ok(Some(text.to_string()))
        }
    };
    if code.trim().is_empty() {
        return Err("empty `[]` code".to_string());
    }
    Ok(CodeSpec { active: side(active)?, passive: passive.map(side).transpose()?.flatten() })
}

/// Splits `BASE {FORM FORM}` into the base and the listed forms (`None` without braces;
/// `Some("")` for `{}`, which means "no other forms").
fn split_listed_forms(text: &str) -> Result<(&str, Option<&str>), String> {
    match (text.find('{'), text.find('}')) {
        (None, None) => Ok((text.trim(), None)),
        (Some(open), Some(close)) if open < close && text[close + 1..].trim().is_empty() => {
            Ok((text[..open].trim(), Some(&text[open + 1..close])))
        }
        _ => Err("verb forms must be written `VERB {FORM FORM ...}` with one pair of braces at the end".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> VerbDictionary {
        VerbDictionary::from_petrarch_text(text, "test.verbs").unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn codes_read_both_directions_and_null() {
        assert_eq!(
            parse_code("042:043").unwrap(),
            CodeSpec { active: Some("042".into()), passive: Some("043".into()) }
        );
        assert_eq!(parse_code(":173").unwrap(), CodeSpec { active: None, passive: Some("173".into()) });
        assert!(parse_code("---").unwrap().is_null());
        assert_eq!(parse_code("080!").unwrap().active.as_deref(), Some("080"));
        assert!(parse_code("").is_err());
    }

    #[test]
    fn comments_of_all_three_kinds_are_removed_but_not_inside_codes() {
        let mut in_comment = false;
        assert_eq!(strip_comments("MEET # jw 9/1/91", &mut in_comment), "MEET ");
        assert_eq!(strip_comments("SCRAP {SCRAPS};shan", &mut in_comment), "SCRAP {SCRAPS}");
        assert_eq!(strip_comments("- * X [###]", &mut in_comment), "- * X [###]");
        assert_eq!(strip_comments("A <!-- b --> C", &mut in_comment), "A  C");
        assert_eq!(strip_comments("D <!-- open", &mut in_comment), "D ");
        assert!(in_comment);
        assert_eq!(strip_comments("still inside", &mut in_comment), "");
        assert_eq!(strip_comments("end --> E", &mut in_comment), " E");
        assert!(!in_comment);
    }

    #[test]
    fn listed_forms_replace_the_regular_ones() {
        let dictionary = read("--- MEET [040] ---\nMEET {MEETS MET MEETING}\n");
        assert!(dictionary.surface_forms.contains_key("MET"));
        assert!(dictionary.surface_forms.contains_key("MEETING"));
        assert!(!dictionary.surface_forms.contains_key("MEETED"), "no regular forms next to a {{}} list");
        let empty = read("--- ANGER [---] ---\n+ANGERED_BY {}\n");
        assert_eq!(empty.surface_form_count(), 1);
    }

    #[test]
    fn multi_word_verbs_keep_their_particles_and_front_words() {
        let dictionary = read("--- X [---] ---\n+BEEF_UP [174]\nWIRE_+TAP {WIRE_+TAPPED}\nLASH OUT\n");
        let beefed = &dictionary.surface_forms["BEEFED"][0];
        assert_eq!(&*beefed.back, ["UP".to_string()]);
        assert_eq!(&*dictionary.surface_forms["TAPPED"][0].front, ["WIRE".to_string()]);
        assert_eq!(&*dictionary.surface_forms["LASHING"][0].back, ["OUT".to_string()]);
        assert_eq!(dictionary.verb_lemma(VerbId(0)), Some("BEEF UP"));
        assert_eq!(dictionary.default_code(VerbId(0)).and_then(|code| code.active.as_deref()), Some("174"));
        assert!(dictionary.default_code(VerbId(1)).is_some_and(CodeSpec::is_null));
    }

    #[test]
    fn synsets_get_plurals_unless_marked_and_may_nest() {
        let dictionary = read("&ARMS\n+RIFLE\n+TANK_\n&LOOSE_\n+THING\n&BOTH\n+&ARMS\n+BOMB\n--- A [---] ---\nA\n");
        let phrases = |name: &str| -> Vec<String> {
            let synset = dictionary.synsets.iter().find(|synset| synset.name == name).unwrap();
            synset.phrases.iter().map(|phrase| phrase.join(" ")).collect()
        };
        assert_eq!(phrases("ARMS"), ["RIFLE", "RIFLES", "TANK"]);
        assert_eq!(phrases("LOOSE"), ["THING"]);
        assert_eq!(phrases("BOTH"), ["BOMB", "BOMBS", "RIFLE", "RIFLES", "TANK"]);
    }

    #[test]
    fn a_synset_containing_itself_is_an_error() {
        let error = VerbDictionary::from_petrarch_text("&A\n+&B\n&B\n+&A\n", "loop.verbs").unwrap_err();
        assert!(matches!(error, VerbsError::SynsetCycle { .. }), "{error}");
    }

    #[test]
    fn malformed_lines_are_errors_that_name_source_and_line() {
        let cases = [
            ("--- MEET [040] ---\nMEET\n- * (WITH [041]\n", 3, "unclosed"),
            ("--- MEET [040] ---\nMEET\n- (WITH) [041]\n", 3, "no `*`"),
            ("--- MEET [040] ---\nMEET\n- * TALKS\n", 3, "code"),
            ("MEET\n", 1, "before any"),
            ("--- MEET [040] ---\nMEET {MEETS\n", 2, "braces"),
            ("# c\n\n--- [040] ---\n", 3, "`--- NAME [code] ---`"),
        ];
        for (text, line, words) in cases {
            let error = VerbDictionary::from_petrarch_text(text, "bad.verbs").unwrap_err().to_string();
            assert!(error.starts_with(&format!("bad.verbs, line {line}:")), "{error}");
            assert!(error.contains(words), "{error} should mention {words}");
        }
    }

    fn shared_file(relative: &str) -> Option<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(relative);
        let text = std::fs::read_to_string(&path).ok();
        if text.is_none() {
            eprintln!("skipping: {} not found", path.display());
        }
        text
    }

    #[test]
    fn tabari_style_validation_dictionary_reads() {
        let Some(text) = shared_file("petrarch2/PETR.Validate.verbs.txt") else {
            return;
        };
        let dictionary = read(&text);
        assert!(dictionary.block_count() > 100, "{}", dictionary.block_count());
        // KLM_NOP_+RST: RST is the verb, KLM NOP must precede it.
        assert_eq!(&*dictionary.surface_forms["RSTED"][0].front, ["KLM".to_string(), "NOP".to_string()]);
        // &ACCORDSYN nests &TIETYPES and &CURRENCY.
        let accord = dictionary.synset_phrases("ACCORDSYN").unwrap();
        assert!(accord.contains(&"ECONOMIC".to_string()) && accord.contains(&"SWISS FRANCS".to_string()), "{accord:?}");
        // Codes are kept as written, WEIS or not.
        let block = dictionary.blocks.iter().find(|block| block.name == "BARGAIN").unwrap();
        assert!(block.patterns.iter().any(|pattern| pattern.code.active.as_deref() == Some("174K")));
    }

    #[test]
    fn the_original_cameo_2_0_file_fails_on_its_unbalanced_pattern_with_the_line() {
        let Some(text) = shared_file("petrarch2/CAMEO.2.0.txt") else {
            return;
        };
        let error = VerbDictionary::from_petrarch_text(&text, "CAMEO.2.0.txt").unwrap_err().to_string();
        assert!(error.starts_with("CAMEO.2.0.txt, line 2374: a closing bracket"), "{error}");
    }

    #[test]
    fn patterns_with_an_undefined_synset_are_skipped_and_reported() {
        let dictionary = read("--- HIT [190] ---\nHIT {HITS HITTING}\n- * &NOWHERE [193]\n- * ARTILLERY [194]\n");
        assert_eq!(dictionary.pattern_count(), 1);
        assert_eq!(dictionary.skipped_lines().len(), 1);
        assert_eq!(dictionary.skipped_lines()[0].line, 3);
    }
}
