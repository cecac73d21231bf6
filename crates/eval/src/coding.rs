//! Running the pipeline the way every evaluation does: one text, one document, the
//! publication date the gold standard gives.

use crate::error::EvalError;
use dyad_code::EventEvidence;
use dyad_document::{Document, Metadata, PartialDate};
use dyad_kb::KnowledgeBase;
use dyad_pipeline::Pipeline;
use dyad_record::EventRecord;

/// A document for an evaluation text. The id is the gold standard's, so failures can be
/// traced back to their record.
pub(crate) fn evaluation_document(id: &str, body: &str, metadata: Metadata) -> Document {
    Document { id: id.to_string(), metadata, body: body.to_string() }
}

/// Codes one text published on `published` and returns its events.
pub(crate) fn code_text(
    pipeline: &Pipeline,
    id: &str,
    text: &str,
    published: Option<PartialDate>,
    source: &str,
) -> Vec<EventRecord> {
    code_text_with_evidence(pipeline, id, text, published, source).0
}

/// [`code_text`], with what the coder knew about each event (same order and length), for
/// fitting and measuring the confidence model.
pub(crate) fn code_text_with_evidence(
    pipeline: &Pipeline,
    id: &str,
    text: &str,
    published: Option<PartialDate>,
    source: &str,
) -> (Vec<EventRecord>, Vec<EventEvidence>) {
    let metadata =
        Metadata { published, source: source.to_string(), language: Some("en".into()), ..Metadata::default() };
    let coded = pipeline.process(evaluation_document(id, text, metadata)).coded;
    (coded.events, coded.evidence)
}

/// The header line of each knowledge-base file: the columns `KnowledgeBase::from_dir` requires.
const EMPTY_KB_FILES: [(&str, &str); 6] = [
    ("countries.tsv", "iso3\tcode\tname\talt_names\tadjectives\tsource"),
    ("places.tsv", "name\taliases\tcountry\tkind\tlat\tlon\tgeonameid\tsource"),
    ("institutions.tsv", "name\taliases\tcode\tsector\tstart\tend\tcameo\tsource"),
    ("groups.tsv", "name\taliases\tcode\tsector\tstart\tend\tcameo\tsource"),
    ("people.tsv", "person_id\tname\taliases\tcode\tsector\tstart\tend\tkind\tcameo\tsource"),
    ("agents.tsv", "term\tplurals\tcode\tsector\tsource"),
];

/// A knowledge base with no entries. dyad-kb has no empty constructor, so this writes the six
/// files with their header lines only to a temporary folder and loads that.
pub(crate) fn empty_knowledge_base() -> Result<KnowledgeBase, EvalError> {
    let folder = tempfile::tempdir().map_err(EvalError::TemporaryFolder)?;
    for (name, header) in EMPTY_KB_FILES {
        std::fs::write(folder.path().join(name), format!("{header}\n")).map_err(EvalError::TemporaryFolder)?;
    }
    Ok(KnowledgeBase::from_dir(folder.path())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_knowledge_base_loads_and_knows_nothing() {
        let kb = empty_knowledge_base().expect("headers match what dyad-kb requires");
        assert!(kb.entries().is_empty());
        assert!(kb.lookup("Russia", PartialDate::year(2020)).is_empty());
    }
}
