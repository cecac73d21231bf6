//! The pipeline: one document in, its sentences, events and quotes out.
//!
//! Reading happens before (dyad-read turns files into documents) and storing after
//! (dyad-store); this crate composes the stages in between so that the CLI, the benchmark
//! and the evaluations run exactly the same code.
//!
//! Invariants:
//! - processing is a pure function of the document, the knowledge base, the verb dictionary
//!   and the fallback date; no state carries from one document to the next;
//! - only English is coded (the dictionaries, tagger and quote patterns are English): a
//!   document whose `Metadata::language` is known and is not English comes back whole, with no
//!   sentences, events or quotes and `not_coded` saying why, so callers can store it and
//!   count it but never lose it silently. A document of unknown language is coded.
//!
//! [`StoryPipeline`] runs the pipeline over a stream of documents and groups them into
//! stories; it is the one place where what came before a document changes how it is coded
//! (an undated report is dated by its story's first report).

mod stories;

pub use stories::{DEFAULT_HOLD_LIMIT, StoryPipeline};

use dyad_analyse::{Analyser, Sentence};
pub use dyad_code::CoderOptions;
use dyad_code::{CodedDocument, Coder};
use dyad_document::{Document, PartialDate};
use dyad_kb::KnowledgeBase;
use dyad_quote::{QuoteInput, find_quotes};
use dyad_record::{EventRecord, QuoteRecord};
use dyad_verbs::VerbDictionary;

/// A document with everything dyad found in it.
#[derive(Clone, Debug)]
pub struct ProcessedDocument {
    pub document: Document,
    pub sentences: Vec<Sentence>,
    pub coded: CodedDocument,
    pub quotes: Vec<QuoteRecord>,
    /// Why the document was not coded, if it was not; then `sentences`, `coded` and
    /// `quotes` are empty.
    pub not_coded: Option<NotCoded>,
    /// The story the document leads with, when it was coded into stories
    /// ([`StoryPipeline`]); its events then carry their own `story_id`s.
    pub story_id: Option<String>,
}

/// Why the pipeline passed a document through without coding it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotCoded {
    /// The document's language is known and is not English. Holds the language as a
    /// lower-case primary subtag ("fr" for "fr-CA"), so callers can count by language.
    Language(String),
}

/// The language of a `Metadata::language` value when it names one other than English:
/// `Some("fr")` for "fr", "FR" or "fr-CA"; `None` for English ("en", "en-GB", "eng",
/// "English") and for values that name no language ("", "und", "mul", "zxx").
pub fn non_english_language(language: &str) -> Option<String> {
    let primary = language.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let names_no_language = primary.is_empty() || matches!(primary.as_str(), "und" | "mul" | "zxx" | "mis");
    let is_english = matches!(primary.as_str(), "en" | "eng" | "english");
    (!names_no_language && !is_english).then_some(primary)
}

impl ProcessedDocument {
    pub fn events(&self) -> &[EventRecord] {
        &self.coded.events
    }
}

/// The stages, set up once per process and shared by every document.
pub struct Pipeline<'a> {
    analyser: Analyser,
    coder: Coder<'a>,
    kb: &'a KnowledgeBase,
}

impl<'a> Pipeline<'a> {
    pub fn new(kb: &'a KnowledgeBase, verbs: &'a VerbDictionary, fallback_date: PartialDate) -> Pipeline<'a> {
        Pipeline { analyser: Analyser::new(), coder: Coder::new(kb, verbs, fallback_date), kb }
    }

    /// A pipeline whose coder runs with `options` (validation suites keep unmapped codes).
    pub fn with_coder_options(mut self, options: CoderOptions) -> Pipeline<'a> {
        self.coder = self.coder.with_options(options);
        self
    }

    pub fn knowledge_base(&self) -> &KnowledgeBase {
        self.kb
    }

    /// Codes an English document (or one of unknown language); passes any other through
    /// uncoded, with `not_coded` set.
    pub fn process(&self, document: Document) -> ProcessedDocument {
        self.process_in_story(document, None)
    }

    /// [`Pipeline::process`] for a document of a story first reported on
    /// `story_first_reported`: an undated document's relative dates count from there
    /// ([`dyad_code::document_anchor`]).
    pub fn process_in_story(&self, document: Document, story_first_reported: Option<PartialDate>) -> ProcessedDocument {
        if let Some(language) = document.metadata.language.as_deref().and_then(non_english_language) {
            return ProcessedDocument {
                document,
                sentences: Vec::new(),
                coded: CodedDocument::default(),
                quotes: Vec::new(),
                not_coded: Some(NotCoded::Language(language)),
                story_id: None,
            };
        }
        let sentences = self.analyser.analyse(&document.body);
        let coded = self.coder.code_document_in_story(&document, &sentences, story_first_reported);
        let quotes = find_quotes(&QuoteInput {
            body: &document.body,
            doc_id: &document.id,
            sentences: &sentences,
            actors: &coded.actors,
            date: coded.anchor,
        });
        ProcessedDocument { document, sentences, coded, quotes, not_coded: None, story_id: None }
    }
}

#[cfg(test)]
mod tests;
