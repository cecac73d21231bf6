//! The pipeline: one document in, its sentences, events and quotes out.
//!
//! Reading happens before (dyad-read turns files into documents) and storing after
//! (dyad-store); this crate composes the stages in between so that the CLI, the benchmark
//! and the evaluations run exactly the same code.
//!
//! Invariant: processing is a pure function of the document, the knowledge base, the verb
//! dictionary and the fallback date; no state carries from one document to the next.

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

    pub fn process(&self, document: Document) -> ProcessedDocument {
        let sentences = self.analyser.analyse(&document.body);
        let coded = self.coder.code_document(&document, &sentences);
        let quotes = find_quotes(&QuoteInput {
            body: &document.body,
            doc_id: &document.id,
            sentences: &sentences,
            actors: &coded.actors,
            date: coded.anchor,
        });
        ProcessedDocument { document, sentences, coded, quotes }
    }
}

#[cfg(test)]
mod tests;
