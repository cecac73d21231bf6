//! Finding verbs in tagged words and choosing the best pattern for them.
//!
//! Invariants:
//! - `verb_at` is one hash probe on the upper-cased word plus a check of the few
//!   candidate forms stored under it.
//! - `best_pattern` only tries the patterns of the verb's own block.
//! - Every index in a [`VerbHit`] or [`PatternHit`] indexes the `words` slice given.
//!
//! Noun/verb ambiguity: a single-word verb fires only on a word whose tag starts with
//! `VB`, as in PETRARCH, which only looked for verbs where the parser put one. A
//! multi-word verb fires when *any* of its words is tagged `VB*`, because taggers often
//! call the verb part of such phrases a noun ("wire tap", "cease fire") while the phrase
//! as a whole is written in the dictionary on purpose.

use crate::dictionary::{BlockId, Pattern, Piece, Slot, Step, Term, VerbDictionary, VerbId, word_bit};

/// One token of a sentence: its text and its Penn Treebank tag ("VBD", "NNS").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordView<'a> {
    pub text: &'a str,
    pub tag: &'a str,
}

/// A verb of the dictionary found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbHit {
    pub verb: VerbId,
    pub block: BlockId,
    /// First token of the verb form (before `index` when the form has front words).
    pub start: usize,
    /// Number of tokens the verb form spans ("beefed up" = 2).
    pub token_count: usize,
    /// The token the dictionary marks as the verb itself.
    pub head: usize,
}

impl VerbHit {
    /// One past the last token of the verb form.
    pub fn end(&self) -> usize {
        self.start + self.token_count
    }
}

/// The code a verb gets in its clause.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternHit {
    /// The CAMEO code of the event.
    pub cameo: String,
    /// True when the code runs from the target to the source: the pattern gave only a
    /// passive code (`[:173]`, "appeared before the court": the court acts on the subject).
    pub reversed: bool,
    /// For `[active:passive]` codes: the code of a second event from the target back to
    /// the source ("042:043": the source visits, the target hosts).
    pub reciprocal_cameo: Option<String>,
    /// Token indices of the literal words the pattern matched, in order.
    pub matched: Vec<usize>,
    /// Number of literal words matched; 0 for the verb's default code.
    pub specificity: u32,
    /// Lower-cased preposition that introduces the target ("with", "against"), when the
    /// pattern names it.
    pub target_preposition: Option<String>,
    /// First token of the slot a `+` marks: the target noun phrase starts here.
    pub target_index: Option<usize>,
    /// First token of the slot a `$` marks: the source noun phrase starts here.
    pub source_index: Option<usize>,
    /// When `^` steps stand right before the `+` slot ("IFTAR IN ^ +"): the parties they skip.
    pub target_skip: Option<SkippedParties>,
    /// When `^` steps stand right before the `$` slot ("TABASKI ^ $"): the parties they skip.
    pub source_skip: Option<SkippedParties>,
    /// Where the pattern was written ("CAMEO.2.0.txt, line 3812"); `None` for a default code.
    pub origin: Option<String>,
}

/// PETRARCH's `^` skips a whole party (a noun phrase), which only the coder, knowing the
/// sentence's actor phrases, can find: "celebrate Eid with Rohan next week at Isengard"
/// matches `* EID ^ $` with the source at Isengard, the party after the one skipped. The
/// matcher says where the first `^` landed and how many follow one another there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SkippedParties {
    /// The token where the first `^` of the run landed.
    pub from: usize,
    /// How many parties the run skips (one per `^`).
    pub count: usize,
}

/// Where one step of a pattern landed: `length` is 0 for nothing, 1+ for words.
#[derive(Clone, Copy, Debug)]
struct Placement {
    start: usize,
    length: usize,
}

impl VerbDictionary {
    /// Does a verb form start at or have its head at `index`? Only fires where the tag
    /// says verb (see the module docs for multi-word verbs).
    pub fn verb_at(&self, words: &[WordView], index: usize) -> Option<VerbHit> {
        let word = words.get(index)?;
        let written = upper(word.text);
        let candidates = match self.surface_forms.get(&written) {
            Some(candidates) => candidates,
            None => self.surface_forms.get(&other_l_spelling(&written)?)?,
        };
        candidates.iter().find_map(|form| {
            let start = index.checked_sub(form.front.len())?;
            let end = index + 1 + form.back.len();
            if end > words.len() {
                return None;
            }
            let front_fits =
                form.front.iter().zip(&words[start..index]).all(|(expected, word)| same_word(word.text, expected));
            let back_fits =
                form.back.iter().zip(&words[index + 1..end]).all(|(expected, word)| same_word(word.text, expected));
            let tagged_as_verb = if form.word_count() == 1 {
                is_verb_tag(word.tag)
            } else {
                words[start..end].iter().any(|word| is_verb_tag(word.tag))
            };
            (front_fits && back_fits && tagged_as_verb).then(|| VerbHit {
                verb: form.verb,
                block: self.verbs[form.verb.0 as usize].block,
                start,
                token_count: end - start,
                head: index,
            })
        })
    }

    /// The most specific pattern of the verb's block that matches its clause
    /// `words[clause_start..clause_end]`, else the verb's default code. Words before the
    /// verb in the clause are the subject side, words after it the object side, so pass
    /// a clause start that includes the subject (patterns such as `&MILITARY *` name it).
    ///
    /// Among matching patterns the one with the most literal words wins, then the one
    /// with more slots (`+ $ ^ %`), then the earlier one in the file. `None` when the
    /// winner (or the default) is the null code `[---]`: the dictionary says "no event".
    pub fn best_pattern(
        &self,
        verb: &VerbHit,
        words: &[WordView],
        clause_start: usize,
        clause_end: usize,
    ) -> Option<PatternHit> {
        let upper_words: Vec<String> = words.iter().map(|word| upper(word.text)).collect();
        self.best_pattern_in(verb, words, &upper_words, clause_start, clause_end)
    }

    /// [`best_pattern`](Self::best_pattern) with the sentence's words already upper-cased
    /// (`upper_words[i]` is `words[i]` in upper case): a coder trying every verb of a
    /// sentence upper-cases it once.
    pub fn best_pattern_in(
        &self,
        verb: &VerbHit,
        words: &[WordView],
        upper_words: &[String],
        clause_start: usize,
        clause_end: usize,
    ) -> Option<PatternHit> {
        if verb.end() > words.len() || upper_words.len() != words.len() {
            return None; // a hit from some other sentence
        }
        // Keep the clause around the verb whatever the caller passed, so slicing is safe.
        let clause_end = clause_end.clamp(verb.end(), words.len());
        let clause_start = clause_start.min(verb.start);
        let block = self.blocks.get(verb.block.0 as usize)?;
        // With the words upper-cased, every comparison below is plain equality, and a pattern
        // naming a word the clause lacks is dropped before any search.
        let upper_words = &upper_words[..clause_end];
        // A sorted list, not a hash set: a clause has a few dozen words, and binary search over
        // them beats hashing each pattern word (this check runs for every pattern of the block).
        let mut present: Vec<&str> = upper_words[clause_start..].iter().map(String::as_str).collect();
        present.sort_unstable();
        present.dedup();
        // (specificity, slot count, hit); only a strictly better pattern replaces the
        // current one, so ties go to the pattern written first.
        let mut best: Option<(u32, usize, PatternHit)> = None;
        let clause_signature = present.iter().fold(0u64, |signature, word| signature | word_bit(word));
        let candidates = block.patterns.iter().filter(|pattern| pattern.signature & !clause_signature == 0);
        for pattern in candidates.filter(|pattern| words_present(pattern, &present)) {
            let Some(hit) = self.match_pattern(pattern, words, upper_words, clause_start, verb) else {
                continue;
            };
            let slots =
                pattern.before.iter().chain(&pattern.after).filter(|step| matches!(step.piece, Piece::Slot(_))).count();
            let better = match &best {
                None => true,
                Some((specificity, best_slots, _)) => (hit.specificity, slots) > (*specificity, *best_slots),
            };
            if better {
                best = Some((hit.specificity, slots, hit));
            }
        }
        match best {
            Some((.., hit)) => (!hit.cameo.is_empty()).then_some(hit),
            None => self.default_hit(verb.verb),
        }
    }

    fn default_hit(&self, verb: VerbId) -> Option<PatternHit> {
        let code = self.default_code(verb)?;
        let (cameo, reversed, reciprocal_cameo) = split_code(&code.active, &code.passive)?;
        Some(PatternHit {
            cameo,
            reversed,
            reciprocal_cameo,
            matched: Vec::new(),
            specificity: 0,
            target_preposition: None,
            target_index: None,
            source_index: None,
            target_skip: None,
            source_skip: None,
            origin: None,
        })
    }

    /// Matches both sides; a null-coded pattern yields a hit with an empty `cameo` so
    /// that it can still win (and suppress the event).
    fn match_pattern(
        &self,
        pattern: &Pattern,
        words: &[WordView],
        upper_words: &[String],
        clause_start: usize,
        verb: &VerbHit,
    ) -> Option<PatternHit> {
        let before_end = if pattern.before_glued_to_verb { Some(verb.start) } else { None };
        let before = self.place_steps(&pattern.before, upper_words, clause_start, verb.start, false, before_end)?;
        let after = self.place_steps(&pattern.after, upper_words, verb.end(), upper_words.len(), true, None)?;
        let placed = pattern.before.iter().zip(&before).chain(pattern.after.iter().zip(&after));
        if placed.clone().any(|(step, placement)| step.preposition && is_infinitive_marker(words, placement.start)) {
            return None;
        }
        let mut matched = Vec::new();
        let mut target_index = None;
        let mut source_index = None;
        let (mut target_skip, mut source_skip) = (None, None);
        for (side, placements) in [(&pattern.before, &before), (&pattern.after, &after)] {
            // A run of `^` counts only up to the slot it stands before on the same side.
            let mut pending_skip: Option<SkippedParties> = None;
            for (step, placement) in side.iter().zip(placements) {
                match step.piece {
                    Piece::Literal(_) => {
                        matched.extend(placement.start..placement.start + placement.length);
                        pending_skip = None;
                    }
                    Piece::Slot(Slot::Skip) => {
                        let from = pending_skip.map_or(placement.start, |skip| skip.from);
                        let count = pending_skip.map_or(0, |skip| skip.count) + 1;
                        pending_skip = Some(SkippedParties { from, count });
                    }
                    Piece::Slot(Slot::Target) => {
                        if target_index.is_none() {
                            (target_index, target_skip) = (Some(placement.start), pending_skip);
                        }
                        pending_skip = None;
                    }
                    Piece::Slot(Slot::Source) => {
                        if source_index.is_none() {
                            (source_index, source_skip) = (Some(placement.start), pending_skip);
                        }
                        pending_skip = None;
                    }
                    Piece::Slot(_) => pending_skip = None,
                }
            }
        }
        let target_preposition =
            pattern.target_preposition_step.map(|step| words[after[step].start].text.to_lowercase());
        let (cameo, reversed, reciprocal_cameo) =
            split_code(&pattern.code.active, &pattern.code.passive).unwrap_or_default();
        Some(PatternHit {
            cameo,
            reversed,
            reciprocal_cameo,
            specificity: matched.len() as u32,
            matched,
            target_preposition,
            target_index,
            source_index,
            target_skip,
            source_skip,
            origin: Some(self.describe_origin(&pattern.origin)),
        })
    }

    /// Places the steps in order inside `words[region_start..region_end]`: the first
    /// step glued only when `first_glued_to_start`, and the last one ending exactly at
    /// `must_end_at` when given. Backtracks over the choices, which stay few because
    /// patterns are short.
    fn place_steps(
        &self,
        steps: &[Step],
        words: &[String],
        region_start: usize,
        region_end: usize,
        first_glued_to_start: bool,
        must_end_at: Option<usize>,
    ) -> Option<Vec<Placement>> {
        let mut placements = Vec::with_capacity(steps.len());
        let placed =
            self.place_from(steps, words, region_start, region_end, first_glued_to_start, must_end_at, &mut placements);
        placed.then_some(placements)
    }

    #[allow(clippy::too_many_arguments)]
    fn place_from(
        &self,
        steps: &[Step],
        words: &[String],
        cursor: usize,
        region_end: usize,
        glue_allowed: bool,
        must_end_at: Option<usize>,
        placements: &mut Vec<Placement>,
    ) -> bool {
        let Some((step, rest)) = steps.split_first() else {
            return must_end_at.is_none_or(|end| end == cursor);
        };
        let glued = step.glued && (glue_allowed || !placements.is_empty());
        let last_start = if glued { cursor.min(region_end) } else { region_end.saturating_sub(1) };
        for start in cursor..=last_start {
            if start >= region_end {
                break;
            }
            let Some(length) = self.step_length(step, words, start, region_end) else {
                continue;
            };
            placements.push(Placement { start, length });
            if self.place_from(rest, words, start + length.max(1), region_end, true, must_end_at, placements) {
                return true;
            }
            placements.pop();
            if earliest_placement_dominates(step, rest, must_end_at) {
                return false;
            }
        }
        false
    }

    /// How many words `step` covers at `start`, if it can stand there. A slot covers
    /// one word (its noun phrase may go on; the next step may skip the rest).
    fn step_length(&self, step: &Step, words: &[String], start: usize, region_end: usize) -> Option<usize> {
        match &step.piece {
            Piece::Slot(_) => Some(1),
            Piece::Literal(Term::Word(alternatives)) => alternatives.contains(&words[start]).then_some(1),
            Piece::Literal(Term::Synset(index)) => {
                let synset = self.synsets.get(*index as usize)?;
                synset
                    .phrases_starting_with(&words[start])
                    .filter(|phrase| {
                        start + phrase.len() <= region_end && phrase[..] == words[start..start + phrase.len()]
                    })
                    .map(|phrase| phrase.len())
                    .max()
            }
        }
    }
}

/// "praised Gondor's efforts to improve ...": a `(TO ...)` phrase is a prepositional phrase,
/// and "to" before a base verb opens an infinitive instead.
fn is_infinitive_marker(words: &[WordView], index: usize) -> bool {
    words.get(index).is_some_and(|word| word.tag == "TO") && words.get(index + 1).is_some_and(|next| next.tag == "VB")
}

/// False when some word step of the pattern names no word the clause contains, in which
/// case the pattern cannot match and need not be searched.
fn words_present(pattern: &Pattern, present: &[&str]) -> bool {
    pattern.before.iter().chain(&pattern.after).all(|step| match &step.piece {
        Piece::Literal(Term::Word(alternatives)) => {
            alternatives.iter().any(|word| present.binary_search(&word.as_str()).is_ok())
        }
        _ => true,
    })
}

/// When the next step may start anywhere after this one, placing this step as early as
/// possible leaves the most room for the rest, so no later placement can succeed where
/// the earliest failed. This keeps matching linear for patterns full of slots. Synset
/// steps are excluded (a long phrase early may leave less room than a short one later),
/// and so is a last step that must end at the verb.
fn earliest_placement_dominates(step: &Step, rest: &[Step], must_end_at: Option<usize>) -> bool {
    let next_is_free = match rest.first() {
        Some(next) => !next.glued,
        None => must_end_at.is_none(),
    };
    next_is_free && !matches!(step.piece, Piece::Literal(Term::Synset(_)))
}

/// Turns `[active:passive]` into (code, reversed, reciprocal); `None` for `[---]`.
fn split_code(active: &Option<String>, passive: &Option<String>) -> Option<(String, bool, Option<String>)> {
    match (active, passive) {
        (Some(active), passive) => Some((active.clone(), false, passive.clone())),
        (None, Some(passive)) => Some((passive.clone(), true, None)),
        (None, None) => None,
    }
}

fn is_verb_tag(tag: &str) -> bool {
    tag.starts_with("VB")
}

fn upper(text: &str) -> String {
    if text.is_ascii() { text.to_ascii_uppercase() } else { text.to_uppercase() }
}

/// The other spelling of an inflected verb ending in "l": American English writes "canceled",
/// "fueling", British "cancelled", "fuelling", and news copy mixes both (and misspells
/// "expelling" as "expeling"). Only tried when the written form is unknown.
fn other_l_spelling(upper_word: &str) -> Option<String> {
    for suffix in ["ING", "ED"] {
        let Some(stem) = upper_word.strip_suffix(suffix) else { continue };
        if let Some(single) = stem.strip_suffix("LL") {
            return Some(format!("{single}L{suffix}"));
        }
        let vowel_before_l = stem.ends_with('L') && stem[..stem.len() - 1].ends_with(['A', 'E', 'I', 'O', 'U']);
        if vowel_before_l {
            return Some(format!("{stem}L{suffix}"));
        }
    }
    None
}

/// Case-insensitive comparison of a text word with an upper-case dictionary word.
fn same_word(text: &str, upper_word: &str) -> bool {
    if text.is_ascii() { text.eq_ignore_ascii_case(upper_word) } else { text.to_uppercase() == upper_word }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Police/NNS arrested/VBD ..." → (text, tag) pairs.
    fn tagged(sentence: &str) -> Vec<(String, String)> {
        sentence
            .split_whitespace()
            .map(|token| {
                let (text, tag) = token.rsplit_once('/').unwrap_or((token, "NN"));
                (text.to_string(), tag.to_string())
            })
            .collect()
    }

    fn views(tokens: &[(String, String)]) -> Vec<WordView<'_>> {
        tokens.iter().map(|(text, tag)| WordView { text, tag }).collect()
    }

    /// The first verb of the sentence and the code of its whole-sentence clause.
    fn code_sentence(dictionary: &VerbDictionary, sentence: &str) -> (Option<VerbHit>, Option<PatternHit>) {
        let tokens = tagged(sentence);
        let words = views(&tokens);
        let hit = (0..words.len()).find_map(|index| dictionary.verb_at(&words, index));
        let pattern = hit.as_ref().and_then(|hit| dictionary.best_pattern(hit, &words, 0, words.len()));
        (hit, pattern)
    }

    fn code_of(dictionary: &VerbDictionary, sentence: &str) -> Option<String> {
        code_sentence(dictionary, sentence).1.map(|hit| hit.cameo)
    }

    const TOY: &str = "\
&ARMS
+ROCKET
+HEAVY_ARTILLERY
&SOLDIERS_
+TROOPS
--- STRIKE [190] ---
STRIKE {STRIKES STRUCK STRIKING}
SHELL
+BEEF_UP [174]
- * &ARMS [194]
- * (AGAINST) [193]
- * {AIR BASE} (NEAR +) [195]
- * (BEFORE COURT) [:173]
- * TALKS (WITH +) [042:043]
- * NOTHING [---]
- *_BACK [080]
- &SOLDIERS * [154]
";

    fn toy() -> VerbDictionary {
        VerbDictionary::from_petrarch_text(TOY, "toy.verbs").unwrap()
    }

    /// The toy dictionary with more patterns for its STRIKE block.
    fn toy_with(patterns: &str) -> VerbDictionary {
        VerbDictionary::from_petrarch_text(&format!("{TOY}{patterns}"), "toy.verbs").unwrap()
    }

    #[test]
    fn verbs_fire_only_where_tagged_as_verbs() {
        let dictionary = toy();
        let tokens = tagged("The/DT shell/NN struck/VBD the/DT shell/VBD");
        let words = views(&tokens);
        assert!(dictionary.verb_at(&words, 1).is_none(), "a noun is not a verb");
        assert_eq!(dictionary.verb_at(&words, 2).map(|hit| hit.head), Some(2));
        assert!(dictionary.verb_at(&words, 4).is_some());
        assert!(dictionary.verb_at(&words, 9).is_none(), "out of range is no verb");
    }

    #[test]
    fn regular_inflections_are_generated_and_multi_word_verbs_span_their_words() {
        let dictionary = toy();
        assert_eq!(code_of(&dictionary, "Gunners/NNS shelled/VBD the/DT town/NN"), Some("190".to_string()));
        let (hit, code) = code_sentence(&dictionary, "They/PRP beefed/VBD up/RP defences/NNS");
        let hit = hit.expect("beefed up");
        assert_eq!((hit.start, hit.token_count), (1, 2));
        assert_eq!(dictionary.verb_lemma(hit.verb), Some("BEEF UP"));
        assert_eq!(code.map(|code| code.cameo).as_deref(), Some("174"), "the verb's own code beats the block's");
        // "beef" alone is not a verb of the dictionary.
        assert_eq!(code_sentence(&dictionary, "They/PRP beefed/VBD defences/NNS").0, None);
    }

    #[test]
    fn synsets_expand_with_plurals_and_multi_word_phrases() {
        let dictionary = toy();
        let (_, rockets) = code_sentence(&dictionary, "Forces/NNS struck/VBD positions/NNS with/IN ROCKETS/NNS");
        let rockets = rockets.unwrap();
        assert_eq!((rockets.cameo.as_str(), rockets.matched.as_slice(), rockets.specificity), ("194", &[4][..], 1));
        let (_, artillery) = code_sentence(&dictionary, "Forces/NNS struck/VBD with/IN heavy/JJ artillery/NN");
        assert_eq!(artillery.unwrap().matched, [3, 4]);
    }

    #[test]
    fn a_block_name_met_again_continues_the_block() {
        let text = "--- FIRE [---] ---\nFIRE\n- * AT [190]\n\n--- SACK [---] ---\nSACK\n\n--- FIRE [173] ---\nDISMISS\n- * MINISTER [172]\n";
        let dictionary = VerbDictionary::from_petrarch_text(text, "twice.verbs").unwrap();
        assert_eq!(code_of(&dictionary, "Rebels/NNS fired/VBD at/IN troops/NNS"), Some("190".to_string()));
        assert_eq!(
            code_of(&dictionary, "The/DT king/NN fired/VBD his/PRP$ minister/NN"),
            Some("172".to_string()),
            "a verb of the first block meets the later block's patterns"
        );
        assert_eq!(code_of(&dictionary, "The/DT king/NN fired/VBD everyone/NN"), None, "its own default stays null");
        assert_eq!(
            code_of(&dictionary, "The/DT king/NN dismissed/VBD everyone/NN"),
            Some("173".to_string()),
            "a verb listed under the later header takes that header's code"
        );
    }

    #[test]
    fn the_most_specific_pattern_wins_and_null_patterns_suppress() {
        let dictionary = toy();
        let (_, hit) = code_sentence(
            &dictionary,
            "Jets/NNS struck/VBD an/DT air/NN base/NN near/IN the/DT border/NN with/IN rockets/NNS",
        );
        let hit = hit.unwrap();
        assert_eq!(hit.cameo, "195");
        assert_eq!(hit.specificity, 3);
        assert_eq!(hit.target_index, Some(6), "the slot after NEAR starts at 'the'");
        assert!(hit.origin.as_deref().is_some_and(|origin| origin.starts_with("toy.verbs, line ")));
        assert_eq!(code_of(&dictionary, "They/PRP struck/VBD nothing/NN"), None);
        let (_, default) = code_sentence(&dictionary, "Forces/NNS struck/VBD"); // no pattern: the block's code
        let default = default.unwrap();
        assert_eq!((default.cameo.as_str(), default.specificity, default.origin.is_none()), ("190", 0, true));
    }

    #[test]
    fn target_preposition_reversed_and_reciprocal_codes() {
        let dictionary = toy();
        let (_, against) = code_sentence(&dictionary, "Rebels/NNS struck/VBD hard/RB against/IN the/DT army/NN");
        let against = against.unwrap();
        assert_eq!((against.cameo.as_str(), against.target_preposition.as_deref()), ("193", Some("against")));
        let (_, court) = code_sentence(&dictionary, "He/PRP struck/VBD a/DT deal/NN before/IN the/DT court/NN");
        let court = court.unwrap();
        assert_eq!((court.cameo.as_str(), court.reversed), ("173", true));
        let (_, talks) = code_sentence(&dictionary, "Envoys/NNS struck/VBD talks/NNS with/IN Iran/NNP");
        let talks = talks.unwrap();
        assert_eq!(talks.cameo, "042");
        assert_eq!(talks.reciprocal_cameo.as_deref(), Some("043"));
        assert_eq!(talks.target_index, Some(4));
        assert_eq!(talks.target_preposition.as_deref(), Some("with"));
    }

    #[test]
    fn a_prepositional_phrase_never_matches_an_infinitive() {
        let dictionary = toy_with("- * (TO) [043]\n");
        assert_eq!(code_of(&dictionary, "Envoys/NNS struck/VBD out/RP to/TO Iran/NNP"), Some("043".to_string()));
        assert_eq!(
            code_of(&dictionary, "Envoys/NNS struck/VBD hard/RB to/TO end/VB it/PRP"),
            Some("190".to_string()),
            "\"to end\" is an infinitive, not a phrase with \"to\""
        );
    }

    #[test]
    fn glued_words_must_be_adjacent_and_subject_side_words_count() {
        let dictionary = toy();
        assert_eq!(code_of(&dictionary, "They/PRP struck/VBD back/RB"), Some("080".to_string()));
        assert_eq!(code_of(&dictionary, "They/PRP struck/VBD them/PRP back/RB"), Some("190".to_string()));
        assert_eq!(code_of(&dictionary, "Troops/NNS struck/VBD"), Some("154".to_string()));
        // The subject side is only what lies before the verb, from the clause start given.
        let tokens = tagged("Troops/NNS left/VBD and/CC police/NNS struck/VBD");
        let words = views(&tokens);
        let hit = dictionary.verb_at(&words, 4).unwrap();
        assert_eq!(dictionary.best_pattern(&hit, &words, 3, 5).map(|hit| hit.cameo).as_deref(), Some("190"));
    }

    #[test]
    fn clause_bounds_outside_the_sentence_are_clamped() {
        let dictionary = toy();
        let tokens = tagged("Forces/NNS struck/VBD with/IN rockets/NNS");
        let words = views(&tokens);
        let hit = dictionary.verb_at(&words, 1).unwrap();
        assert_eq!(dictionary.best_pattern(&hit, &words, 3, 99).map(|hit| hit.cameo).as_deref(), Some("194"));
        assert_eq!(
            dictionary.best_pattern(&hit, &words, 0, 1).map(|hit| hit.cameo).as_deref(),
            Some("190"),
            "clause ends before the verb's object"
        );
        assert_eq!(dictionary.best_pattern(&hit, &words[..1], 0, 1), None, "hit from a longer sentence");
    }

    #[test]
    fn merged_user_dictionary_adds_and_overrides() {
        let mut dictionary = toy();
        let user = "--- STRIKE [190] ---\n- * DRONES [195]\n- * (AGAINST) [190]\n--- BOMB [183] ---\nBOMB\nSHELL\n";
        dictionary.merge(VerbDictionary::from_petrarch_text(user, "user.verbs").unwrap());
        assert_eq!(
            code_of(&dictionary, "Gunners/NNS shelled/VBD the/DT town/NN"),
            Some("183".to_string()),
            "SHELL now belongs to the user's BOMB"
        );
        assert_eq!(code_of(&dictionary, "Jets/NNS bombed/VBD the/DT town/NN"), Some("183".to_string()));
        assert_eq!(code_of(&dictionary, "Jets/NNS strike/VBP with/IN drones/NNS"), Some("195".to_string()));
        assert_eq!(
            code_of(&dictionary, "Rebels/NNS strike/VBP against/IN the/DT army/NN"),
            Some("190".to_string()),
            "user's pattern first on a tie"
        );
        assert_eq!(
            code_of(&dictionary, "Forces/NNS strike/VBP with/IN rockets/NNS"),
            Some("194".to_string()),
            "own synsets still resolve"
        );
        assert_eq!(dictionary.source_names(), ["toy.verbs", "user.verbs"]);
    }

    #[test]
    fn embedded_dictionary_codes_news_sentences() {
        let dictionary = VerbDictionary::embedded();
        let (hit, met) = code_sentence(dictionary, "The/DT president/NN met/VBD with/IN his/PRP$ counterpart/NN");
        let hit = hit.unwrap();
        assert_eq!(dictionary.verb_lemma(hit.verb), Some("MEET WITH"), "CAMEO.2.0 lists +MEET_WITH as a verb");
        assert_eq!(dictionary.block_name(hit.block), Some("MEET_PEOPLE"));
        assert_eq!(met.unwrap().cameo, "040");

        let (_, offensive) =
            code_sentence(dictionary, "Troops/NNS launched/VBD an/DT offensive/NN against/IN rebels/NNS");
        let offensive = offensive.unwrap();
        assert_eq!((offensive.cameo.as_str(), offensive.matched.as_slice()), ("190", &[3][..]));

        assert_eq!(
            code_of(dictionary, "The/DT government/NN imposed/VBD sanctions/NNS on/IN the/DT regime/NN").as_deref(),
            Some("163")
        );
        assert_eq!(
            code_of(dictionary, "Police/NNS arrested/VBD dozens/NNS of/IN students/NNS").as_deref(),
            Some("173")
        );
        assert_eq!(code_of(dictionary, "The/DT cabinet/NN rejected/VBD the/DT proposal/NN").as_deref(), Some("120"));
        assert_eq!(code_of(dictionary, "The/DT minister/NN called/VBD for/IN talks/NNS").as_deref(), Some("036"));
        assert_eq!(code_of(dictionary, "The/DT minister/NN called/VBD for/IN calm/NN").as_deref(), Some("020"));
        assert_eq!(code_sentence(dictionary, "The/DT attack/NN").0, None, "ATTACK tagged as a noun is no verb");
    }

    #[test]
    fn only_pressing_on_is_an_attack_in_the_demand_block() {
        let dictionary = VerbDictionary::embedded();
        let demand = "The/DT minister/NN demanded/VBD on/IN Friday/NNP a/DT reply/NN";
        assert_eq!(code_of(dictionary, demand).as_deref(), Some("100"));
        let pushed = "Envoys/NNS pushed/VBD on/IN Monday/NNP for/IN a/DT truce/NN";
        assert_ne!(code_of(dictionary, pushed).as_deref(), Some("190"), "a push for a truce is no attack");
        let (hit, pressed) = code_sentence(dictionary, "Troops/NNS pressed/VBD on/IN towards/IN the/DT capital/NN");
        assert_eq!(dictionary.verb_lemma(hit.unwrap().verb), Some("PRESS ON"));
        assert_eq!(pressed.unwrap().cameo, "190");
    }

    #[test]
    fn curated_patterns_code_yielding_upgrading_and_cutting_supplies() {
        let dictionary = VerbDictionary::embedded();
        let code = |sentence: &str| code_of(dictionary, sentence);
        assert_eq!(code("The/DT cabinet/NN accepted/VBD demands/NNS from/IN rebels/NNS").as_deref(), Some("080"));
        assert_eq!(code("Oslo/NNP accepted/VBD a/DT formula/NN for/IN peace/NN").as_deref(), Some("030"));
        assert_eq!(code("They/PRP upgraded/VBD diplomatic/JJ ties/NNS").as_deref(), Some("050"));
        assert_eq!(code("The/DT agency/NN reduced/VBD food/NN supplies/NNS").as_deref(), Some("162"));
        assert_eq!(code("The/DT army/NN eased/VBD the/DT curfew/NN").as_deref(), Some("0813"));
        assert_eq!(
            code("The/DT cabinet/NN accepted/VBD the/DT plan/NN").as_deref(),
            Some("030"),
            "converted patterns stay"
        );
    }

    #[test]
    fn curated_patterns_code_protests_rejections_and_restrictions() {
        let dictionary = VerbDictionary::embedded();
        let code = |sentence: &str| code_of(dictionary, sentence);
        assert_eq!(code("Strikers/NNS continued/VBD their/PRP$ hunger/NN strike/NN").as_deref(), Some("142"));
        assert_eq!(code("Farmers/NNS blocked/VBD the/DT main/JJ bridge/NN").as_deref(), Some("144"));
        assert_eq!(code("Farmers/NNS blocked/VBD three/CD highways/NNS").as_deref(), Some("144"), "plurals match");
        assert_eq!(code("Rebels/NNS rejected/VBD a/DT peace/NN plan/NN").as_deref(), Some("120"));
        assert_eq!(code("Rebels/NNS dismissed/VBD an/DT appeal/NN to/TO disarm/VB").as_deref(), Some("120"));
        assert_eq!(code("A/DT paper/NN violated/VBD the/DT ban/NN").as_deref(), Some("128"));
        assert_eq!(code("The/DT junta/NN extended/VBD the/DT curfew/NN").as_deref(), Some("1723"));
        assert_eq!(code("The/DT navy/NN tightened/VBD the/DT blockade/NN").as_deref(), Some("191"));
        assert_eq!(code("Oslo/NNP strengthened/VBD its/PRP$ forces/NNS").as_deref(), Some("154"));
        assert_eq!(code("Troops/NNS captured/VBD part/NN of/IN the/DT town/NN").as_deref(), Some("192"));
        assert_eq!(code("Envoys/NNS took/VBD part/NN in/IN the/DT talks/NNS").as_deref(), Some("030"));
        // Taking a step is acting at all, not a seizure; taking a town still is one.
        assert_eq!(code("Damascus/NNP takes/VBZ a/DT step/NN toward/IN talks/NNS"), None);
        assert_eq!(code("Rebels/NNS took/VBD the/DT airport/NN").as_deref(), Some("192"), "occupying territory");
        // The other spelling of an "l" verb is the same verb ("expeled", "cancelled").
        assert_eq!(code("Oslo/NNP expeled/VBD the/DT diplomats/NNS").as_deref(), Some("161"));
        assert_eq!(other_l_spelling("CANCELLED").as_deref(), Some("CANCELED"));
        assert_eq!(other_l_spelling("MEETING"), None);
        // Taking action or measures is acting at all, not a seizure.
        assert_eq!(code("Oslo/NNP took/VBD action/NN against/IN Moscow/NNP"), None);
        assert_eq!(code("Oslo/NNP concluded/VBD the/DT meeting/NN").as_deref(), Some("040"));
        // Exercises by one side are a show of force; joint exercises stay cooperation.
        assert_eq!(code("Beijing/NNP launched/VBD live-fire/JJ drills/NNS").as_deref(), Some("150"));
        assert_eq!(code("Oslo/NNP held/VBD joint/JJ exercises/NNS").as_deref(), Some("062"));
        assert_eq!(code("The/DT leaders/NNS signed/VBD a/DT joint/JJ statement/NN").as_deref(), Some("057"));
        // Rejecting an accusation stays a denial (CAMEO 016), as CAMEO.2.0 codes it.
        assert_eq!(code("Oslo/NNP rejected/VBD the/DT accusation/NN").as_deref(), Some("016"));
    }

    #[test]
    fn embedded_codes_lead_to_the_expected_plover_events() {
        let event = |code: &str| crate::cameo(code).and_then(|row| row.plover_event.clone());
        assert_eq!(event("040").as_deref(), Some("CONSULT"));
        assert_eq!(event("190").as_deref(), Some("ASSAULT"));
        assert_eq!(
            event("163").as_deref(),
            Some("SANCTION"),
            "the PLOVER manual codes sanctions as SANCTION (cameo_decisions.tsv)"
        );
        assert_eq!(crate::cameo("173").and_then(|row| row.plover_mode.clone()).as_deref(), Some("arrest"));
        assert_eq!(event("120").as_deref(), Some("REJECT"));
        assert_eq!(event("036").as_deref(), Some("AGREE"));
        assert_eq!(event("020").as_deref(), Some("REQUEST"), "appeals are requests (cameo_decisions.tsv)");
    }

    #[test]
    fn embedded_dictionary_is_the_whole_cameo_2_0() {
        let dictionary = VerbDictionary::embedded();
        // CAMEO.2.0's 397 blocks, plus the curated PRESS_ON, BEAT_UP, RENEW_DEMAND, CITE_REASON and SANCTION_.
        assert_eq!(dictionary.block_count(), 402);
        assert!(dictionary.pattern_count() > 4600, "{}", dictionary.pattern_count());
        assert!(
            dictionary.synset_phrases("MILITARY").is_some_and(|phrases| phrases.contains(&"ARMED FORCES".to_string()))
        );
        assert_eq!(dictionary.transformations().len(), 8);
    }

    #[test]
    fn skip_runs_before_a_slot_are_reported_with_where_they_start() {
        let dictionary = VerbDictionary::from_petrarch_text(
            "--- FEAST [040] ---\nFEAST\n- * EID AT ^ ^ + [044]\n- * EID ^ LATER [045]\n",
            "t",
        )
        .unwrap();
        let (_, hit) =
            code_sentence(&dictionary, "Rohan/NNP feasted/VBD Eid/NNP at/IN Bree/NNP with/IN the/DT Ents/NNPS");
        let hit = hit.unwrap();
        assert_eq!(hit.cameo, "044");
        assert_eq!(hit.target_skip, Some(SkippedParties { from: 4, count: 2 }));
        assert_eq!(hit.source_skip, None);
        // A literal between the skip and the end of the pattern ends the run: no slot follows it.
        let (_, later) = code_sentence(&dictionary, "Rohan/NNP feasted/VBD Eid/NNP twice/RB later/RB");
        let later = later.unwrap();
        assert_eq!((later.cameo.as_str(), later.target_skip), ("045", None));
    }
}
