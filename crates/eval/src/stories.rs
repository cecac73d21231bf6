//! Story clustering on the news development set: each document belongs to the story it leads
//! with, as the clusterer decides from its wording, names, dates and coded events
//! ([`dyad_cluster::StoryClusterer::add_document_story`] through
//! [`dyad_pipeline::StoryPipeline`], as `dyad code --stories` runs it; a document without
//! events stays alone, a near-duplicate takes its original's story), scored against the gold `cluster` of each
//! document with B-cubed precision, recall and F1; merged gold clusters, non-political
//! documents that were not left alone, and near-duplicate pairs are listed.

use crate::EvalError;
use crate::news::{code_in_stories, read_documents};
use crate::table::TextTable;
use dyad_cluster::{
    BCubed, NearDuplicateIndex, bcubed, document_clusters, merged_gold_clusters, non_political_not_alone,
};
use dyad_document::PartialDate;
use dyad_kb::KnowledgeBase;
use dyad_pipeline::Pipeline;
use dyad_verbs::VerbDictionary;
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// Containment of shingles above which a document is a copy of an earlier one.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.8;

pub struct StoriesReport {
    pub documents: usize,
    pub stories: usize,
    pub scores: BCubed,
    pub merged_gold_clusters: Vec<BTreeSet<String>>,
    pub non_political_not_alone: Vec<String>,
    /// (copy, original, similarity).
    pub near_duplicates: Vec<(String, String, f64)>,
    /// (document, gold cluster, predicted cluster), for reading the confusions.
    pub assignments: Vec<(String, String, String)>,
}

/// Codes every document, clusters the documents and their events into stories in file order,
/// and scores the documents' stories against the gold clusters.
pub fn evaluate_stories(dir: &Path) -> Result<StoriesReport, EvalError> {
    evaluate_stories_with(dir, KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::day(2026, 1, 1))
}

pub fn evaluate_stories_with(
    dir: &Path,
    kb: &KnowledgeBase,
    verbs: &VerbDictionary,
    fallback_date: PartialDate,
) -> Result<StoriesReport, EvalError> {
    let documents = read_documents(dir)?;
    let pipeline = Pipeline::new(kb, verbs, fallback_date);
    let coded = code_in_stories(&pipeline, dir, &documents)?;
    let mut near_duplicate_index =
        NearDuplicateIndex::new(NEAR_DUPLICATE_THRESHOLD).map_err(|error| EvalError::format(dir, error.to_string()))?;
    let mut near_duplicates = Vec::new();
    for document in &documents {
        if let Some(original) = near_duplicate_index.insert(&document.id, &document.text) {
            near_duplicates.push((document.id.clone(), original.doc_id, original.similarity));
        }
    }
    let doc_stories: Vec<(String, Option<String>)> =
        coded.processed.iter().map(|processed| (processed.document.id.clone(), processed.story_id.clone())).collect();
    let copies: Vec<(String, String)> =
        near_duplicates.iter().map(|(copy, original, _)| (copy.clone(), original.clone())).collect();
    let predicted = document_clusters(&doc_stories, &copies);
    let gold: Vec<(String, String)> =
        documents.iter().map(|document| (document.id.clone(), document.cluster.clone())).collect();
    let scores = bcubed(&gold, &predicted).map_err(|error| EvalError::format(dir, error.to_string()))?;
    let assignments = gold
        .iter()
        .zip(&predicted)
        .map(|((doc, gold_cluster), (_, predicted_cluster))| {
            (doc.clone(), gold_cluster.clone(), predicted_cluster.clone())
        })
        .collect();
    Ok(StoriesReport {
        documents: documents.len(),
        stories: coded.stories,
        merged_gold_clusters: merged_gold_clusters(&gold, &predicted),
        non_political_not_alone: non_political_not_alone(&gold, &predicted),
        scores,
        near_duplicates,
        assignments,
    })
}

impl fmt::Display for StoriesReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(formatter, "Story clustering: {} documents, {} stories", self.documents, self.stories)?;
        writeln!(
            formatter,
            "B-cubed precision {:.3}  recall {:.3}  F1 {:.3}",
            self.scores.precision, self.scores.recall, self.scores.f1
        )?;
        writeln!(formatter, "gold clusters merged: {}", self.merged_gold_clusters.len())?;
        for merged in &self.merged_gold_clusters {
            writeln!(formatter, "  {}", merged.iter().cloned().collect::<Vec<_>>().join(" + "))?;
        }
        writeln!(formatter, "non-political documents not alone: {}", self.non_political_not_alone.len())?;
        for doc in &self.non_political_not_alone {
            writeln!(formatter, "  {doc}")?;
        }
        writeln!(formatter, "near-duplicate pairs: {}", self.near_duplicates.len())?;
        for (copy, original, similarity) in &self.near_duplicates {
            writeln!(formatter, "  {copy} copies {original} ({similarity:.2})")?;
        }
        let mut table = TextTable::new(["document", "gold cluster", "predicted story"]);
        for (doc, gold, predicted) in &self.assignments {
            table.row(vec![doc.clone(), gold.clone(), predicted.clone()]);
        }
        write!(formatter, "\n{table}")
    }
}
