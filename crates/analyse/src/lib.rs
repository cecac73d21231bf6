//! Text analysis: sentences, tokens and part-of-speech tags, every one a span of the body.
//!
//! The analysis is a pipeline of small stages that never loses offsets: a
//! [`SentenceSplitter`] cuts the body into sentence spans, a [`Tokenizer`] cuts each sentence
//! into token spans, and the [`Tagger`] gives each token a Penn Treebank [`Tag`].
//!
//! Invariants: every [`Span`] this crate returns indexes the text it was given, in bytes, on
//! `char` boundaries; sentences are in order, never overlap and never begin or end with
//! whitespace; each token lies inside its sentence, tokens are in order and never overlap;
//! a blank line always ends a sentence.

mod abbreviations;
pub mod conllu;
mod repair;
mod split;
mod tag;
mod tagger;
mod tokenize;
mod train;

pub use dyad_document::Span;
pub use split::{RuleSentenceSplitter, SentenceSplitter, paragraphs};
pub use tag::Tag;
pub use tagger::Tagger;
pub use tokenize::{PennTokenizer, Tokenizer};
pub use train::{
    TRAINING_SEED, TrainingReport, read_treebank_files, train_from_treebank, train_from_treebank_files, treebank_files,
    write_model,
};

use std::borrow::Cow;
use std::path::PathBuf;

/// A sentence of words with one gold tag per word: what the tagger trains on.
pub type TaggedSentence = (Vec<String>, Vec<Tag>);

/// Errors of the analysis stage.
#[derive(Debug, thiserror::Error)]
pub enum AnalyseError {
    #[error("malformed tagger model: {0}")]
    Model(String),
    #[error("CoNLL-U line {line}: {message}")]
    Conllu { line: usize, message: String },
    #[error("{path}: {error}")]
    InFile { path: PathBuf, error: Box<AnalyseError> },
    #[error("cannot read or write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("no treebank files (*.conllu) in {0}")]
    NoTreebankFiles(PathBuf),
    #[error("invalid option: {0}")]
    InvalidOption(String),
}

/// A token: where it is in the body and its part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub tag: Tag,
}

impl Token {
    /// The token's text in `body`, the text it was analysed from.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.span.start..self.span.end]
    }
}

/// A sentence of the body with its tagged tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Position of the sentence in the body, from 0.
    pub index: usize,
    pub span: Span,
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The sentence's text in `body`, the text it was analysed from.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.span.start..self.span.end]
    }
}

/// The default analysis: [`RuleSentenceSplitter`], [`PennTokenizer`] and a [`Tagger`]
/// (the embedded one unless another is given).
#[derive(Clone, Debug)]
pub struct Analyser {
    splitter: RuleSentenceSplitter,
    tokenizer: PennTokenizer,
    tagger: Cow<'static, Tagger>,
}

impl Default for Analyser {
    fn default() -> Analyser {
        Analyser::new()
    }
}

impl Analyser {
    /// The default splitter and tokenizer with the embedded tagger.
    pub fn new() -> Analyser {
        Analyser { splitter: RuleSentenceSplitter, tokenizer: PennTokenizer, tagger: Cow::Borrowed(Tagger::embedded()) }
    }

    /// The default splitter and tokenizer with `tagger`.
    pub fn with_tagger(tagger: Tagger) -> Analyser {
        Analyser { splitter: RuleSentenceSplitter, tokenizer: PennTokenizer, tagger: Cow::Owned(tagger) }
    }

    /// Sentences of `body`, each with its tagged tokens; all spans index `body`.
    pub fn analyse(&self, body: &str) -> Vec<Sentence> {
        let mut words: Vec<&str> = Vec::new();
        self.splitter
            .split(body)
            .into_iter()
            .enumerate()
            .map(|(index, span)| {
                let token_spans = self.tokenizer.tokenize(body, span);
                words.clear();
                words.extend(token_spans.iter().enumerate().map(|(position, token)| {
                    let space_before = position == 0 || token_spans[position - 1].end < token.start;
                    let space_after = token_spans.get(position + 1).is_none_or(|next| token.end < next.start);
                    conllu::tagger_form(&body[token.start..token.end], space_before, space_after)
                }));
                let mut tags = self.tagger.tag(&words);
                repair::repair_tags(&words, &mut tags);
                let tokens = token_spans.into_iter().zip(tags).map(|(span, tag)| Token { span, tag }).collect();
                Sentence { index, span, tokens }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "MOSCOW — Russian President Vladimir V. Putin met his Turkish counterpart, \
Recep Tayyip Erdoğan, in Sochi on Wednesday. The leaders didn't discuss the U.S. sanctions.\n\n\
\"The situation will worsen,\" Mr. Erdoğan told reporters. He said Turkey's army had \
attacked Kurdish positions near al-Bab, killing 3.5 percent of the fighters.";

    #[test]
    fn analyses_an_article_into_tagged_sentences() {
        let sentences = Analyser::new().analyse(ARTICLE);
        let texts: Vec<&str> = sentences.iter().map(|sentence| sentence.text(ARTICLE)).collect();
        assert_eq!(texts.len(), 4, "{texts:#?}");
        assert!(texts[0].ends_with("on Wednesday."));
        assert_eq!(texts[1], "The leaders didn't discuss the U.S. sanctions.");
        assert!(texts[2].starts_with("\"The situation"));
        for (position, sentence) in sentences.iter().enumerate() {
            assert_eq!(sentence.index, position);
            for token in &sentence.tokens {
                assert!(sentence.span.contains(token.span));
                let text = token.text(ARTICLE);
                assert!(!text.is_empty() && text.trim() == text, "bad token {text:?}");
            }
        }
        let tag_of = |word: &str| {
            sentences
                .iter()
                .flat_map(|sentence| &sentence.tokens)
                .find(|token| token.text(ARTICLE) == word)
                .map(|token| token.tag)
        };
        assert_eq!(tag_of("met"), Some(Tag::VBD));
        assert_eq!(tag_of("Putin"), Some(Tag::NNP));
        assert_eq!(tag_of("told"), Some(Tag::VBD));
        assert_eq!(tag_of("n't"), Some(Tag::RB));
        assert_eq!(tag_of("attacked"), Some(Tag::VBN));
        assert_eq!(tag_of("3.5"), Some(Tag::CD));
        let quote_tags: Vec<Tag> =
            sentences[2].tokens.iter().filter(|token| token.text(ARTICLE) == "\"").map(|token| token.tag).collect();
        assert_eq!(quote_tags, vec![Tag::OpenQuote, Tag::CloseQuote]);
    }

    #[test]
    fn empty_body_has_no_sentences() {
        assert!(Analyser::new().analyse("").is_empty());
        assert!(Analyser::default().analyse("\n\n  \n").is_empty());
    }
}
