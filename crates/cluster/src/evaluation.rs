//! Measuring stories against a gold grouping of documents (the news-dev set).
//!
//! Clusters are compared over documents: each document is put in the story of its
//! *headline event* ([`headline_event`]), and B-cubed precision and recall are averaged over
//! the gold documents. A document the prediction leaves out counts as a cluster of its own;
//! predicted documents absent from the gold are ignored.

use crate::error::ClusterError;
use dyad_record::{EventRecord, Modality};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// How many leading sentences may hold the headline event (title line, lead sentence, and
/// one more for a caption or dateline line the reader left in).
pub const HEADLINE_SENTENCES: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BCubed {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// B-cubed precision, recall and F1 of `predicted` against `gold`, both (doc_id, cluster)
/// pairs. An empty gold set scores 1 (nothing to get wrong). A document listed twice on one
/// side is an error naming it.
pub fn bcubed(gold: &[(String, String)], predicted: &[(String, String)]) -> Result<BCubed, ClusterError> {
    let gold_of = cluster_map(gold, "gold")?;
    let predicted_of = cluster_map(predicted, "predicted")?;
    if gold_of.is_empty() {
        return Ok(BCubed { precision: 1.0, recall: 1.0, f1: 1.0 });
    }
    // Missing documents get a cluster name no real cluster can have.
    let predicted_cluster = |doc: &str| -> String {
        predicted_of.get(doc).map_or_else(|| format!("\u{0}missing:{doc}"), |cluster| (*cluster).to_string())
    };
    let mut predicted_sizes: HashMap<String, usize> = HashMap::new();
    let mut gold_sizes: HashMap<&str, usize> = HashMap::new();
    let mut pair_sizes: HashMap<(String, &str), usize> = HashMap::new();
    for (doc, gold_cluster) in &gold_of {
        let predicted = predicted_cluster(doc);
        *predicted_sizes.entry(predicted.clone()).or_default() += 1;
        *gold_sizes.entry(gold_cluster).or_default() += 1;
        *pair_sizes.entry((predicted, gold_cluster)).or_default() += 1;
    }
    let (mut precision_sum, mut recall_sum) = (0.0, 0.0);
    for (doc, gold_cluster) in &gold_of {
        let predicted = predicted_cluster(doc);
        let together = pair_sizes[&(predicted.clone(), *gold_cluster)] as f64;
        precision_sum += together / predicted_sizes[&predicted] as f64;
        recall_sum += together / gold_sizes[gold_cluster] as f64;
    }
    let count = gold_of.len() as f64;
    let (precision, recall) = (precision_sum / count, recall_sum / count);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Ok(BCubed { precision, recall, f1 })
}

fn cluster_map<'a>(
    pairs: &'a [(String, String)],
    side: &'static str,
) -> Result<BTreeMap<&'a str, &'a str>, ClusterError> {
    let mut map = BTreeMap::new();
    for (doc, cluster) in pairs {
        if let Some(first) = map.insert(doc.as_str(), cluster.as_str()) {
            return Err(ClusterError::DuplicateDocument {
                doc_id: doc.clone(),
                side,
                first: first.to_string(),
                second: cluster.clone(),
            });
        }
    }
    Ok(map)
}

/// Predicted clusters that hold documents of more than one gold cluster: for each, the gold
/// cluster names it merges (sorted). Empty when no two gold clusters were merged.
pub fn merged_gold_clusters(gold: &[(String, String)], predicted: &[(String, String)]) -> Vec<BTreeSet<String>> {
    let gold_of: HashMap<&str, &str> = gold.iter().map(|(doc, cluster)| (doc.as_str(), cluster.as_str())).collect();
    let mut gold_clusters_by_predicted: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (doc, predicted) in predicted {
        if let Some(gold_cluster) = gold_of.get(doc.as_str()) {
            gold_clusters_by_predicted.entry(predicted).or_default().insert((*gold_cluster).to_string());
        }
    }
    gold_clusters_by_predicted.into_values().filter(|clusters| clusters.len() > 1).collect()
}

/// Documents of gold clusters named `none-*` (non-political, each must stay alone) whose
/// predicted cluster holds another gold document.
pub fn non_political_not_alone(gold: &[(String, String)], predicted: &[(String, String)]) -> Vec<String> {
    let gold_docs: BTreeSet<&str> = gold.iter().map(|(doc, _)| doc.as_str()).collect();
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for (doc, cluster) in predicted {
        if gold_docs.contains(doc.as_str()) {
            *sizes.entry(cluster).or_default() += 1;
        }
    }
    let predicted_of: HashMap<&str, &str> =
        predicted.iter().map(|(doc, cluster)| (doc.as_str(), cluster.as_str())).collect();
    gold.iter()
        .filter(|(_, cluster)| cluster.starts_with("none-"))
        .filter(|(doc, _)| predicted_of.get(doc.as_str()).is_some_and(|cluster| sizes[cluster] > 1))
        .map(|(doc, _)| doc.clone())
        .collect()
}

/// The event a document leads with: among asserted events (all events if none is asserted)
/// in the first [`HEADLINE_SENTENCES`] sentences, the most confident, the earliest on a tie;
/// if none lies there, the first event of the document.
pub fn headline_event<'a>(events: &[&'a EventRecord]) -> Option<&'a EventRecord> {
    let asserted: Vec<&EventRecord> =
        events.iter().copied().filter(|event| event.modality == Modality::Asserted).collect();
    let pool: &[&EventRecord] = if asserted.is_empty() { events } else { &asserted };
    let position = |event: &EventRecord| (event.sentence, event.span.start);
    let leading = pool.iter().copied().filter(|event| event.sentence < HEADLINE_SENTENCES).reduce(|best, event| {
        let better = event.confidence > best.confidence
            || (event.confidence == best.confidence && position(event) < position(best));
        if better { event } else { best }
    });
    leading.or_else(|| pool.iter().copied().min_by_key(|event| position(event)))
}

/// Each document's cluster: the story it leads with. Among the stories of its events in the
/// first [`HEADLINE_SENTENCES`] sentences, the one reported by the most documents wins
/// (cross-document corroboration tells the news from a side remark the coder picked up); on
/// a tie, the story of the [`headline_event`]. A document whose leading events have no story
/// falls back to its headline event's story, and a document without any is a cluster of its
/// own, `alone:<doc_id>`. A document in `near_duplicates` as (copy, original) takes its
/// original's cluster. Output follows `doc_ids`; each document gets exactly one cluster.
pub fn document_clusters_from_stories(
    doc_ids: &[String],
    events: &[EventRecord],
    near_duplicates: &[(String, String)],
) -> Vec<(String, String)> {
    let mut events_by_doc: HashMap<&str, Vec<&EventRecord>> = HashMap::new();
    let mut docs_by_story: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for event in events {
        events_by_doc.entry(event.doc_id.as_str()).or_default().push(event);
        if let Some(story) = &event.story_id {
            docs_by_story.entry(story).or_default().insert(&event.doc_id);
        }
    }
    let sources = |story: &str| docs_by_story.get(story).map_or(0, BTreeSet::len);
    let mut cluster_of: HashMap<&str, String> = HashMap::new();
    for doc in doc_ids {
        let events = events_by_doc.get(doc.as_str()).map(Vec::as_slice).unwrap_or_default();
        let headline_story = headline_event(events).and_then(|event| event.story_id.as_deref());
        let leading_story = events
            .iter()
            .filter(|event| event.sentence < HEADLINE_SENTENCES)
            .filter_map(|event| event.story_id.as_deref())
            .max_by_key(|story| (sources(story), Some(*story) == headline_story, std::cmp::Reverse(*story)));
        let story = leading_story.or(headline_story).map(str::to_string);
        cluster_of.insert(doc, story.unwrap_or_else(|| format!("alone:{doc}")));
    }
    let original_of: HashMap<&str, &str> =
        near_duplicates.iter().map(|(copy, original)| (copy.as_str(), original.as_str())).collect();
    doc_ids
        .iter()
        .map(|doc| (doc.clone(), cluster_of[doc.as_str()].clone()))
        .map(|(doc, own)| {
            let cluster = follow_originals(&doc, &original_of).and_then(|root| cluster_of.get(root).cloned());
            (doc, cluster.unwrap_or(own))
        })
        .collect()
}

/// Each document's cluster from the story it leads with ([`crate::DocumentAssignment`]):
/// `doc_stories` holds (doc_id, story id or None). A document without a story is a cluster of
/// its own, `alone:<doc_id>`; a document in `near_duplicates` as (copy, original) takes its
/// original's cluster. Output follows `doc_stories`.
pub fn document_clusters(
    doc_stories: &[(String, Option<String>)],
    near_duplicates: &[(String, String)],
) -> Vec<(String, String)> {
    let cluster_of: HashMap<&str, String> = doc_stories
        .iter()
        .map(|(doc, story)| (doc.as_str(), story.clone().unwrap_or_else(|| format!("alone:{doc}"))))
        .collect();
    let original_of: HashMap<&str, &str> =
        near_duplicates.iter().map(|(copy, original)| (copy.as_str(), original.as_str())).collect();
    doc_stories
        .iter()
        .map(|(doc, _)| {
            let root = follow_originals(doc, &original_of).and_then(|root| cluster_of.get(root));
            (doc.clone(), root.unwrap_or(&cluster_of[doc.as_str()]).clone())
        })
        .collect()
}

/// The first document of a copy-of chain (copy → original → its original ...), stopping at a
/// cycle; None when `doc` copies nothing.
fn follow_originals<'a>(doc: &'a str, original_of: &HashMap<&'a str, &'a str>) -> Option<&'a str> {
    let mut current = *original_of.get(doc)?;
    let mut visited = BTreeSet::from([doc]);
    while let Some(next) = original_of.get(current) {
        if !visited.insert(current) {
            break;
        }
        current = next;
    }
    Some(current)
}

#[derive(Deserialize)]
struct NewsDocumentCluster {
    id: String,
    cluster: String,
}

/// The gold grouping of a news-dev style folder: (id, cluster) of every `*.json` except
/// `gold.json`, in file-name order.
pub fn read_news_clusters(dir: &Path) -> Result<Vec<(String, String)>, ClusterError> {
    let read_error = |source| ClusterError::Read { path: dir.to_path_buf(), source };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        let is_document = path.extension().is_some_and(|extension| extension == "json")
            && path.file_name().is_some_and(|name| name != "gold.json");
        if is_document {
            paths.push(path);
        }
    }
    paths.sort();
    let mut clusters = Vec::new();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).map_err(|source| ClusterError::Read { path: path.clone(), source })?;
        let document: NewsDocumentCluster =
            serde_json::from_str(&text).map_err(|source| ClusterError::Parse { path: path.clone(), source })?;
        clusters.push((document.id, document.cluster));
    }
    Ok(clusters)
}
