//! The in-memory verb dictionary: verb blocks, their verbs and surface forms, their
//! patterns, and the synsets the patterns use.
//!
//! Invariants:
//! - Every dictionary word is stored in upper case; matching upper-cases the text side.
//! - `surface_forms` maps the upper-cased *head* word of every verb form (the word the
//!   tagger must call a verb) to its candidates, longest multi-word form first, so a
//!   lookup is one hash probe and the first candidate that fits the text wins.
//! - Every [`VerbId`], [`BlockId`] and synset index stored anywhere points into this
//!   dictionary's own vectors; `merge` renumbers the other dictionary's ids on the way in.

use std::collections::HashMap;

/// One verb entry (a lemma such as "MEET" or "BEEF UP") of a dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VerbId(pub u32);

/// One `--- NAME [code] ---` block: verbs that share a set of patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// A `[active:passive]` code as a dictionary writes it.
///
/// PETRARCH reads the part before the colon as the event the subject does to the object
/// and the part after it as the "inherent passive" event running the other way: `[042:043]`
/// is a visit by the source and a hosting by the target, `[:173]` (APPEAR BEFORE COURT)
/// is only the target acting on the source. `---` on either side means no event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeSpec {
    pub active: Option<String>,
    pub passive: Option<String>,
}

impl CodeSpec {
    /// True for `[---]`: the verb or pattern produces no event.
    pub fn is_null(&self) -> bool {
        self.active.is_none() && self.passive.is_none()
    }
}

/// A noun-phrase position a pattern marks without naming its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// `+`: the target (recipient) sits here.
    Target,
    /// `$`: the source (actor) sits here.
    Source,
    /// `^`: some noun phrase is skipped here.
    Skip,
    /// `%`: a compound actor (both parties of a reciprocal event) sits here.
    Compound,
}

/// A dictionary line that was read but left out, with PETRARCH's reason for leaving it out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedLine {
    pub source_name: String,
    pub line: usize,
    pub reason: String,
}

/// Something one word position of a pattern can match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Term {
    /// One word, or alternatives written `A/B`.
    Word(Box<[String]>),
    /// Any phrase of the synset with this index.
    Synset(u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Literal(Term),
    Slot(Slot),
}

/// One position of a pattern side, in text order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Step {
    pub piece: Piece,
    /// Must start right after the previous step (or, for the first step after `*`, right
    /// after the verb): written with `_` or inside `{...}`.
    pub glued: bool,
    /// The first word of a `(...)` prepositional phrase.
    pub preposition: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern {
    /// Steps between the clause start (subject side) and the verb, in text order.
    pub before: Vec<Step>,
    /// The last `before` step must end right before the verb (`IN_*`).
    pub before_glued_to_verb: bool,
    /// Steps after the verb, in text order.
    pub after: Vec<Step>,
    pub code: CodeSpec,
    /// Index into `after` of the preposition that introduces the target, if the pattern
    /// names one: `(WITH)`, `(AGAINST +)`.
    pub target_preposition_step: Option<usize>,
    pub origin: Origin,
    /// Bits of the words the pattern requires ([`word_bit`]): a clause whose words' bits do
    /// not cover them cannot match, which rules out most patterns without comparing strings.
    pub signature: u64,
}

/// A bit for a word, by its first three letters, so a noun and its plural share one.
pub(crate) fn word_bit(upper_word: &str) -> u64 {
    let key = upper_word
        .as_bytes()
        .iter()
        .take(3)
        .fold(0u64, |hash, &byte| hash.wrapping_mul(31).wrapping_add(u64::from(byte)));
    1u64 << (key % 64)
}

/// The signature of a pattern's literal word steps: a step counts only when all its
/// alternatives share a bit, so the signature never rules out a clause that could match.
pub(crate) fn pattern_signature(steps: &[Step]) -> u64 {
    steps.iter().fold(0, |signature, step| match &step.piece {
        Piece::Literal(Term::Word(alternatives)) => {
            let mut bits = alternatives.iter().map(|word| word_bit(word));
            match bits.next() {
                Some(first) if bits.all(|bit| bit == first) => signature | first,
                _ => signature,
            }
        }
        _ => signature,
    })
}

/// Where a block, verb or pattern was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub source: u32,
    pub line: usize,
}

#[derive(Clone, Debug)]
pub(crate) struct VerbBlock {
    pub name: String,
    pub code: CodeSpec,
    pub patterns: Vec<Pattern>,
}

#[derive(Clone, Debug)]
pub(crate) struct VerbEntry {
    /// "MEET", "BEEF UP": the base form as written, words joined by spaces.
    pub lemma: String,
    pub block: BlockId,
    /// The verb's own default code, overriding the block's.
    pub code: Option<CodeSpec>,
}

/// One way a verb appears in text: the head word (the key of `surface_forms`) plus the
/// words that must stand right before and after it.
#[derive(Clone, Debug)]
pub(crate) struct SurfaceForm {
    pub front: Box<[String]>,
    pub back: Box<[String]>,
    pub verb: VerbId,
}

impl SurfaceForm {
    pub fn word_count(&self) -> usize {
        self.front.len() + 1 + self.back.len()
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Synset {
    pub name: String,
    /// Each phrase is a run of consecutive words, plurals already added.
    pub phrases: Vec<Box<[String]>>,
    /// Phrase indices by first word, so matching a synset at a word is one hash probe.
    by_first_word: HashMap<String, Vec<usize>>,
}

impl Synset {
    pub fn new(name: String, phrases: Vec<Box<[String]>>) -> Synset {
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, phrase) in phrases.iter().enumerate() {
            if let Some(first) = phrase.first() {
                by_first_word.entry(first.clone()).or_default().push(index);
            }
        }
        Synset { name, phrases, by_first_word }
    }

    /// The phrases whose first word is `word` (upper case).
    pub fn phrases_starting_with<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a [String]> + 'a {
        let indices = self.by_first_word.get(word).map_or(&[][..], Vec::as_slice);
        indices.iter().map(|&index| &self.phrases[index][..])
    }
}

/// A verb-pattern dictionary in PETRARCH-2 or TABARI/PETRARCH-1 format, ready to match.
#[derive(Clone, Debug, Default)]
pub struct VerbDictionary {
    pub(crate) source_names: Vec<String>,
    pub(crate) blocks: Vec<VerbBlock>,
    pub(crate) verbs: Vec<VerbEntry>,
    pub(crate) surface_forms: HashMap<String, Vec<SurfaceForm>>,
    pub(crate) synsets: Vec<Synset>,
    pub(crate) transformations: Vec<String>,
    pub(crate) skipped: Vec<SkippedLine>,
}

impl VerbDictionary {
    /// Number of verb blocks.
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    /// Number of verb entries (lemmas), each with its generated or listed forms.
    pub fn verb_count(&self) -> usize {
        self.verbs.len()
    }

    /// Number of distinct surface forms a verb can take in text.
    pub fn surface_form_count(&self) -> usize {
        self.surface_forms.values().map(Vec::len).sum()
    }

    /// Number of patterns across all blocks (synsets already expanded at match time).
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|block| block.patterns.len()).sum()
    }

    /// Number of synsets.
    pub fn synset_count(&self) -> usize {
        self.synsets.len()
    }

    /// The phrases of a synset (`&NAME`, given without the `&`), plurals included, words
    /// joined by spaces; `None` for an unknown name.
    pub fn synset_phrases(&self, name: &str) -> Option<Vec<String>> {
        let name = name.trim_start_matches('&').trim_end_matches('_').to_ascii_uppercase();
        let synset = self.synsets.iter().find(|synset| synset.name == name)?;
        Some(synset.phrases.iter().map(|phrase| phrase.join(" ")).collect())
    }

    /// The verb's lemma as written in the dictionary, words joined by spaces ("BEEF UP").
    pub fn verb_lemma(&self, verb: VerbId) -> Option<&str> {
        self.verbs.get(verb.0 as usize).map(|entry| entry.lemma.as_str())
    }

    /// The block a verb belongs to.
    pub fn verb_block(&self, verb: VerbId) -> Option<BlockId> {
        self.verbs.get(verb.0 as usize).map(|entry| entry.block)
    }

    /// The block's name from its `--- NAME [code] ---` line.
    pub fn block_name(&self, block: BlockId) -> Option<&str> {
        self.blocks.get(block.0 as usize).map(|entry| entry.name.as_str())
    }

    /// The code a verb gets when no pattern matches: its own `[code]`, else its block's.
    pub fn default_code(&self, verb: VerbId) -> Option<&CodeSpec> {
        let entry = self.verbs.get(verb.0 as usize)?;
        entry.code.as_ref().or_else(|| self.blocks.get(entry.block.0 as usize).map(|block| &block.code))
    }

    /// PETRARCH-2 verb transformations (`~ ...` lines), kept verbatim; this crate does not apply them.
    pub fn transformations(&self) -> &[String] {
        &self.transformations
    }

    /// Lines left out while reading, such as patterns naming an undefined synset
    /// (PETRARCH ignores those too).
    pub fn skipped_lines(&self) -> &[SkippedLine] {
        &self.skipped
    }

    /// The names of the sources merged into this dictionary, in the order they came in.
    pub fn source_names(&self) -> &[String] {
        &self.source_names
    }

    /// Where a pattern came from, as "source, line N" (for debugging a coding decision).
    pub fn describe_origin(&self, origin: &Origin) -> String {
        let source = self.source_names.get(origin.source as usize).map_or("?", String::as_str);
        format!("{source}, line {}", origin.line)
    }

    /// Adds `other` (typically a user's own dictionary) to this one.
    ///
    /// The other dictionary wins every conflict, because a user importing their own
    /// file wants it to change the coding: a block with the same name (case-insensitive)
    /// takes the other's header code and gets the other's patterns placed *before* its
    /// own (so equally specific patterns resolve to the user's); a surface form both
    /// define now points to the other's verb. Synsets are appended (patterns always
    /// refer to their own dictionary's synsets, so names never collide).
    pub fn merge(&mut self, other: VerbDictionary) {
        let source_offset = self.source_names.len() as u32;
        let synset_offset = self.synsets.len() as u32;
        self.source_names.extend(other.source_names);
        self.synsets.extend(other.synsets);
        let block_map = self.merge_blocks(other.blocks, source_offset, synset_offset);
        let verb_offset = self.verbs.len() as u32;
        for entry in other.verbs {
            let block = block_map[entry.block.0 as usize];
            self.verbs.push(VerbEntry { block, ..entry });
        }
        for (head, forms) in other.surface_forms {
            for form in forms {
                let verb = VerbId(form.verb.0 + verb_offset);
                self.insert_surface_form(head.clone(), SurfaceForm { verb, ..form }, true);
            }
        }
        self.transformations.extend(other.transformations);
        self.skipped.extend(other.skipped);
    }

    fn merge_blocks(&mut self, blocks: Vec<VerbBlock>, source_offset: u32, synset_offset: u32) -> Vec<BlockId> {
        let mut block_map = Vec::with_capacity(blocks.len());
        for mut block in blocks {
            for pattern in &mut block.patterns {
                pattern.renumber(source_offset, synset_offset);
            }
            let existing = self.blocks.iter().position(|own| own.name.eq_ignore_ascii_case(&block.name));
            match existing {
                Some(index) => {
                    let own = &mut self.blocks[index];
                    own.code = block.code;
                    let own_patterns = std::mem::take(&mut own.patterns);
                    own.patterns = block.patterns;
                    own.patterns.extend(own_patterns);
                    block_map.push(BlockId(index as u32));
                }
                None => {
                    block_map.push(BlockId(self.blocks.len() as u32));
                    self.blocks.push(block);
                }
            }
        }
        block_map
    }

    /// Adds a surface form under its head word. With `replace`, a form with the same
    /// words replaces the existing one; without it the first definition stays, which is
    /// PETRARCH's rule inside one file.
    pub(crate) fn insert_surface_form(&mut self, head: String, form: SurfaceForm, replace: bool) {
        let candidates = self.surface_forms.entry(head).or_default();
        let same_words = candidates.iter().position(|known| known.front == form.front && known.back == form.back);
        match same_words {
            Some(index) if replace => candidates[index] = form,
            Some(_) => {}
            None => {
                candidates.push(form);
                // Longest first, so "SET UP" is tried before "SET"; stable for equal lengths.
                candidates.sort_by_key(|candidate| std::cmp::Reverse(candidate.word_count()));
            }
        }
    }
}

impl Pattern {
    fn renumber(&mut self, source_offset: u32, synset_offset: u32) {
        self.origin.source += source_offset;
        for step in self.before.iter_mut().chain(self.after.iter_mut()) {
            if let Piece::Literal(Term::Synset(index)) = &mut step.piece {
                *index += synset_offset;
            }
        }
    }
}
