//! Compiling one pattern line (`- before * after [code]`) into steps.
//!
//! Pattern syntax, shared by PETRARCH-2 and TABARI (PETRARCH-2 reads it against a parse
//! tree; we read it against the clause's words in order):
//!
//! - `*` is the verb; words before it sit between the clause start and the verb (the
//!   subject side), words after it after the verb (the object side).
//! - `WORD` must appear, in pattern order, with any words in between. `A/B` is either word.
//! - `WORD_WORD`, `{WORD WORD}`: consecutive words. `*_OUT`, `IN_*`: right next to the verb.
//! - `(PREP WORD ...)`: a prepositional phrase; `(WITH)` or `(WITH +)` names the
//!   preposition that introduces the target.
//! - `&NAME`: any phrase of the synset. `&NAME_WORD` is the synset followed by WORD when
//!   no synset is called NAME_WORD (TABARI's way of gluing words to a synset).
//! - `+` target, `$` source, `^` a skipped noun phrase, `%` compound actor: each stands
//!   for at least one word.
//! - A trailing `_` on a word (TABARI's "whole word, not stem") is dropped: we only ever
//!   match whole words.

use std::collections::HashMap;

use crate::dictionary::{Origin, Pattern, Piece, Slot, Step, Term, pattern_signature};
use crate::reader::{parse_code, split_trailing_code};

pub(crate) enum CompileOutcome {
    Pattern(Pattern),
    /// PETRARCH skips a pattern whose synset is not defined anywhere in the file.
    UndefinedSynset(String),
}

#[derive(Clone, Debug, PartialEq)]
enum Lexeme {
    Word(String),
    Synset(String),
    ResolvedSynset(u32),
    Star,
    Slot(Slot),
    Open(char),
    Close(char),
}

#[derive(Clone, Debug, PartialEq)]
struct Token {
    lexeme: Lexeme,
    /// Written right after the previous token, with `_` or no space.
    glued: bool,
}

pub(crate) fn compile_pattern(
    body: &str,
    synsets: &HashMap<String, u32>,
    origin: Origin,
) -> Result<CompileOutcome, String> {
    let (text, code) = split_trailing_code(body)?;
    let code = parse_code(code.ok_or("pattern has no `[code]` at its end")?)?;
    let tokens = match resolve_synsets(lex(text)?, synsets) {
        Ok(tokens) => tokens,
        Err(undefined) => return Ok(CompileOutcome::UndefinedSynset(undefined)),
    };
    let star = find_star(&tokens)?;
    let (before, _) = parse_side(&tokens[..star])?;
    let (after, target_preposition_step) = parse_side(&tokens[star + 1..])?;
    let before_glued_to_verb = tokens[star].glued && !before.is_empty();
    let signature = pattern_signature(&before) | pattern_signature(&after);
    Ok(CompileOutcome::Pattern(Pattern {
        before,
        before_glued_to_verb,
        after,
        code,
        target_preposition_step,
        origin,
        signature,
    }))
}

fn lex(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut glue = false;
    let mut rest = text;
    while let Some(letter) = rest.chars().next() {
        let mut advance = letter.len_utf8();
        let lexeme = match letter {
            _ if letter.is_whitespace() => {
                glue = false;
                None
            }
            '_' => {
                glue = !tokens.is_empty();
                None
            }
            '(' | '{' => Some(Lexeme::Open(letter)),
            ')' | '}' => Some(Lexeme::Close(letter)),
            '*' => Some(Lexeme::Star),
            '+' => Some(Lexeme::Slot(Slot::Target)),
            '$' => Some(Lexeme::Slot(Slot::Source)),
            '^' => Some(Lexeme::Slot(Slot::Skip)),
            '%' => Some(Lexeme::Slot(Slot::Compound)),
            '[' | ']' => return Err(format!("unexpected `{letter}` inside the pattern")),
            '&' => {
                let name_length = rest[1..]
                    .find(|next: char| !(next.is_alphanumeric() || next == '_' || next == '-'))
                    .unwrap_or(rest.len() - 1);
                advance = 1 + name_length;
                Some(Lexeme::Synset(rest[1..advance].to_ascii_uppercase()))
            }
            _ => {
                advance = rest
                    .find(|next: char| next.is_whitespace() || "_(){}*+$^%&[]".contains(next))
                    .unwrap_or(rest.len());
                Some(Lexeme::Word(rest[..advance].to_uppercase()))
            }
        };
        if let Some(lexeme) = lexeme {
            let glued = glue && !matches!(lexeme, Lexeme::Close(_));
            // Nothing is glued to an opening bracket: `(FOR` does not tie FOR to what precedes.
            glue = !matches!(lexeme, Lexeme::Open(_));
            tokens.push(Token { lexeme, glued });
        }
        rest = &rest[advance..];
    }
    Ok(tokens)
}

/// Replaces `&NAME` by its synset index. For `&NAME_WORD_WORD` the longest defined
/// prefix is the synset and the remaining words follow it, glued. Returns the name when
/// no prefix is defined.
fn resolve_synsets(tokens: Vec<Token>, synsets: &HashMap<String, u32>) -> Result<Vec<Token>, String> {
    let mut resolved = Vec::with_capacity(tokens.len());
    for token in tokens {
        let Lexeme::Synset(name) = &token.lexeme else {
            resolved.push(token);
            continue;
        };
        let parts: Vec<&str> = name.split('_').filter(|part| !part.is_empty()).collect();
        let split = (1..=parts.len())
            .rev()
            .find_map(|count| synsets.get(&parts[..count].join("_")).map(|&index| (count, index)));
        let Some((count, index)) = split else {
            return Err(name.trim_end_matches('_').to_string());
        };
        resolved.push(Token { lexeme: Lexeme::ResolvedSynset(index), glued: token.glued });
        for word in &parts[count..] {
            resolved.push(Token { lexeme: Lexeme::Word(word.to_string()), glued: true });
        }
    }
    Ok(resolved)
}

/// The index of the one `*` outside brackets.
fn find_star(tokens: &[Token]) -> Result<usize, String> {
    let mut depth = 0usize;
    let mut star = None;
    for (index, token) in tokens.iter().enumerate() {
        match token.lexeme {
            Lexeme::Open(_) => depth += 1,
            Lexeme::Close(_) => depth = depth.checked_sub(1).ok_or("a closing bracket without an opening one")?,
            Lexeme::Star if depth > 0 => return Err("the verb `*` inside brackets".to_string()),
            Lexeme::Star if star.is_some() => return Err("more than one `*`".to_string()),
            Lexeme::Star => star = Some(index),
            _ => {}
        }
    }
    if depth > 0 {
        return Err("an unclosed `(` or `{`".to_string());
    }
    star.ok_or_else(|| "pattern has no `*` for the verb".to_string())
}

/// What a `(...)` group holds, to decide whether it introduces the target.
struct PrepositionGroup {
    preposition_step: usize,
    has_noun: bool,
    has_target: bool,
    has_source: bool,
}

/// Turns one side's tokens into steps; also returns the step of the preposition that
/// introduces the target, if a `(...)` group names one.
fn parse_side(tokens: &[Token]) -> Result<(Vec<Step>, Option<usize>), String> {
    let mut steps = Vec::new();
    let mut groups = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let token = &tokens[index];
        match &token.lexeme {
            Lexeme::Open('(') => {
                let close = closing(tokens, index, ')')?;
                groups.push(parse_preposition_group(&tokens[index + 1..close], token.glued, &mut steps)?);
                index = close + 1;
            }
            Lexeme::Open(_) => {
                let close = closing(tokens, index, '}')?;
                parse_phrase(&tokens[index + 1..close], token.glued, &mut steps)?;
                index = close + 1;
            }
            _ => {
                steps.push(simple_step(token, token.glued)?);
                index += 1;
            }
        }
    }
    let target = groups
        .iter()
        .find(|group| group.has_target || !group.has_noun && !group.has_source)
        .map(|group| group.preposition_step);
    Ok((steps, target))
}

fn closing(tokens: &[Token], open: usize, bracket: char) -> Result<usize, String> {
    tokens[open + 1..]
        .iter()
        .position(|token| token.lexeme == Lexeme::Close(bracket))
        .map(|offset| open + 1 + offset)
        .ok_or_else(|| format!("an unclosed bracket (no `{bracket}`)"))
}

fn parse_preposition_group(inner: &[Token], glued: bool, steps: &mut Vec<Step>) -> Result<PrepositionGroup, String> {
    let Some((first, rest)) = inner.split_first() else {
        return Err("an empty `()`".to_string());
    };
    let Lexeme::Word(preposition) = &first.lexeme else {
        return Err("a `(` phrase must start with its preposition".to_string());
    };
    let preposition_step = steps.len();
    steps.push(Step { piece: Piece::Literal(word_term(preposition)), glued, preposition: true });
    let mut group = PrepositionGroup { preposition_step, has_noun: false, has_target: false, has_source: false };
    let mut index = 0;
    while index < rest.len() {
        let token = &rest[index];
        match &token.lexeme {
            Lexeme::Open('{') => {
                let close = closing(rest, index, '}')?;
                parse_phrase(&rest[index + 1..close], token.glued, steps)?;
                group.has_noun = true;
                index = close + 1;
            }
            Lexeme::Open(_) => return Err("a `(` inside a `(...)` phrase".to_string()),
            _ => {
                let step = simple_step(token, token.glued)?;
                match step.piece {
                    Piece::Slot(Slot::Target) => group.has_target = true,
                    Piece::Slot(Slot::Source) => group.has_source = true,
                    Piece::Literal(_) => group.has_noun = true,
                    Piece::Slot(_) => {}
                }
                steps.push(step);
                index += 1;
            }
        }
    }
    Ok(group)
}

/// `{A B C}`: consecutive words; the first is glued as the `{` was.
fn parse_phrase(inner: &[Token], glued: bool, steps: &mut Vec<Step>) -> Result<(), String> {
    if inner.is_empty() {
        return Err("an empty `{}`".to_string());
    }
    for (position, token) in inner.iter().enumerate() {
        if matches!(token.lexeme, Lexeme::Open(_)) {
            return Err("a bracket inside a `{...}` phrase".to_string());
        }
        steps.push(simple_step(token, if position == 0 { glued } else { true })?);
    }
    Ok(())
}

fn simple_step(token: &Token, glued: bool) -> Result<Step, String> {
    let piece = match &token.lexeme {
        Lexeme::Word(word) => Piece::Literal(word_term(word)),
        Lexeme::ResolvedSynset(index) => Piece::Literal(Term::Synset(*index)),
        Lexeme::Slot(slot) => Piece::Slot(*slot),
        Lexeme::Close(bracket) => return Err(format!("an unmatched `{bracket}`")),
        other => return Err(format!("unexpected {other:?}")),
    };
    Ok(Step { piece, glued, preposition: false })
}

/// A literal word with its alternatives (`BY/WITH`), matched as written: PETRARCH adds plurals
/// to synset members (`&NAME`), not to a pattern's own words, so `* EFFORT` does not match
/// "abandoned efforts" and `* RESOLUTION` does not match "a set of resolutions" (its
/// validation records test both); a dictionary that means the plural writes it.
fn word_term(word: &str) -> Term {
    let alternatives: Vec<String> = word.split('/').filter(|part| !part.is_empty()).map(str::to_string).collect();
    Term::Word(alternatives.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(body: &str, synsets: &[(&str, u32)]) -> Pattern {
        let synsets = synsets.iter().map(|(name, index)| (name.to_string(), *index)).collect();
        match compile_pattern(body, &synsets, Origin { source: 0, line: 1 }) {
            Ok(CompileOutcome::Pattern(pattern)) => pattern,
            Ok(CompileOutcome::UndefinedSynset(name)) => panic!("undefined synset {name}"),
            Err(message) => panic!("{message}"),
        }
    }

    /// A word step as the compiler builds it.
    fn word(text: &str, glued: bool) -> Step {
        Step { piece: Piece::Literal(word_term(text)), glued, preposition: false }
    }

    #[test]
    fn pattern_words_match_as_written_without_plurals() {
        assert_eq!(word_term("OFFENSIVE"), Term::Word(vec!["OFFENSIVE".into()].into()));
        assert_eq!(word_term("BY/WITH"), Term::Word(vec!["BY".into(), "WITH".into()].into()));
    }

    #[test]
    fn prepositional_phrase_and_phrase_become_glued_steps() {
        let pattern = compile(" * (FOR {PEACE TALKS})   [036]", &[]);
        assert!(pattern.before.is_empty());
        assert_eq!(pattern.after.len(), 3);
        assert!(pattern.after[0].preposition && !pattern.after[0].glued);
        assert_eq!(pattern.after[1], word("PEACE", false));
        assert_eq!(pattern.after[2], word("TALKS", true));
        assert_eq!(pattern.target_preposition_step, None, "FOR governs a noun, so it does not introduce the target");
        assert_eq!(pattern.code.active.as_deref(), Some("036"));
    }

    #[test]
    fn bare_preposition_names_the_target_preposition() {
        let pattern = compile(" * (AGAINST) [190]", &[]);
        assert_eq!(pattern.target_preposition_step, Some(0));
        let explicit = compile(" * (INTO $) (WITH +) [0862]", &[]);
        assert_eq!(explicit.target_preposition_step, Some(2));
    }

    #[test]
    fn underscores_glue_words_to_each_other_and_to_the_verb() {
        let pattern = compile(" IN_AND_*_OUT_AGAIN NOW [074]", &[]);
        assert_eq!(pattern.before, vec![word("IN", false), word("AND", true)]);
        assert!(pattern.before_glued_to_verb);
        assert_eq!(pattern.after, vec![word("OUT", true), word("AGAIN", true), word("NOW", false)]);
    }

    #[test]
    fn synset_names_resolve_longest_prefix_first() {
        let pattern =
            compile(" * NEW_&TIETYPES_RELATIONS (IN &FIGHT_OF_WORDS) [903]", &[("TIETYPES", 4), ("FIGHT_OF_WORDS", 7)]);
        assert_eq!(pattern.after[1].piece, Piece::Literal(Term::Synset(4)));
        assert!(pattern.after[1].glued);
        assert_eq!(pattern.after[2], word("RELATIONS", true));
        assert_eq!(pattern.after[4].piece, Piece::Literal(Term::Synset(7)));
    }

    #[test]
    fn slots_and_alternatives() {
        let pattern = compile(" $ * LEAVE ^ (TO/FOR +) [042:043]", &[]);
        assert_eq!(pattern.before[0].piece, Piece::Slot(Slot::Source));
        assert_eq!(pattern.after[1].piece, Piece::Slot(Slot::Skip));
        assert_eq!(pattern.after[2].piece, Piece::Literal(Term::Word(vec!["TO".into(), "FOR".into()].into())));
        assert_eq!(pattern.code.passive.as_deref(), Some("043"));
    }

    #[test]
    fn undefined_synsets_are_reported_not_compiled() {
        let outcome = compile_pattern(" * &WEATHER [---]", &HashMap::new(), Origin { source: 0, line: 1 }).unwrap();
        assert!(matches!(outcome, CompileOutcome::UndefinedSynset(name) if name == "WEATHER"));
    }

    #[test]
    fn structural_mistakes_are_errors() {
        for body in [
            " * (WITH [040]",
            " * WITH) [040]",
            " (WITH) [040]",
            " * * [040]",
            " * () [040]",
            " ({A} *) [040]",
            " * TALKS",
        ] {
            assert!(compile_pattern(body, &HashMap::new(), Origin { source: 0, line: 1 }).is_err(), "{body}");
        }
    }
}
