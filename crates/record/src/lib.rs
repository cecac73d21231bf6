//! The records dyad writes, one JSON object per line, with the field names of the
//! event-record spec (PLOVER 0.8 names, its schema drift settled). Evaluation scripts read
//! these exact names: a field may be added, none renamed. The serde attributes here are the
//! format; nothing else in dyad spells a field name.

use dyad_document::{Document, PartialDate, Span};
use serde::{Deserialize, Serialize};

/// Who acted or was acted on, as written and as resolved in the knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The mention as written ("his Syrian counterpart Bashar al-Assad").
    pub text: String,
    /// Canonical name in the knowledge base, or None for an unresolved mention.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-3 or a PLOVER international code (IGO, UNO, IMG, ...).
    pub code: Option<String>,
    /// PLOVER sector code (GOV, MIL, REB, COP, CVL, ...).
    pub sector: Option<String>,
    pub span: Span,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub text: String,
    pub name: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
    pub span: Span,
}

/// How the text presents an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Negated,
    Future,
    Hypothetical,
    Historical,
}

impl Modality {
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Historical => "historical",
        }
    }
}

/// Whether the event date came from the text or fell back to the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    Text,
    Publication,
}

/// One coded event: who did what to whom, when and where, and the sentence that says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: String,
    /// PLOVER 0.8 event type (CONSULT, ASSAULT, ...).
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub goldstein: Option<f64>,
    pub quad_class: u8,
    pub actor: Vec<Entity>,
    pub recipient: Vec<Entity>,
    pub date: PartialDate,
    pub date_source: DateSource,
    pub date_text: Option<String>,
    pub modality: Modality,
    pub location: Option<Place>,
    pub confidence: f64,
    pub event_text: String,
    pub doc_id: String,
    pub sentence: usize,
    pub span: Span,
    pub story_id: Option<String>,
}

/// One quotation: who said what, to whom, introduced by which verb.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub doc_id: String,
    pub speaker: Option<Entity>,
    pub addressee: Option<Entity>,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// The introducing verb as written ("told", "said"), if any.
    pub verb: Option<String>,
    /// Span of the quoted words in the body.
    pub span: Span,
    pub date: Option<PartialDate>,
}

/// A document as dyad writes it out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub doc_id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
    pub byline: Option<String>,
    pub language: Option<String>,
    pub source: String,
    pub body: String,
}

impl DocumentRecord {
    pub fn from_document(document: &Document) -> DocumentRecord {
        let metadata = &document.metadata;
        DocumentRecord {
            doc_id: document.id.clone(),
            url: metadata.url.clone(),
            title: metadata.title.clone(),
            published: metadata.published,
            byline: metadata.byline.clone(),
            language: metadata.language.clone(),
            source: metadata.source.clone(),
            body: document.body.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_entity() -> Entity {
        Entity {
            text: "Vladimir Putin".into(),
            name: Some("Vladimir Putin".into()),
            code: Some("RUS".into()),
            sector: Some("GOV".into()),
            span: Span::new(10, 24),
        }
    }

    #[test]
    fn event_record_has_exactly_the_spec_field_names() {
        let record = EventRecord {
            id: "e1".into(),
            event: "CONSULT".into(),
            mode: Some("visit".into()),
            context: vec!["diplomatic".into()],
            cameo: Some("043".into()),
            goldstein: Some(2.8),
            quad_class: 1,
            actor: vec![sample_entity()],
            recipient: vec![],
            date: PartialDate::day(2024, 7, 24),
            date_source: DateSource::Text,
            date_text: Some("late Wednesday".into()),
            modality: Modality::Asserted,
            location: None,
            confidence: 0.9,
            event_text: "met with".into(),
            doc_id: "d".into(),
            sentence: 0,
            span: Span::new(0, 40),
            story_id: None,
        };
        let value = serde_json::to_value(&record).unwrap();
        let mut names: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        names.sort();
        let mut expected = vec![
            "id",
            "event",
            "mode",
            "context",
            "cameo",
            "goldstein",
            "quad_class",
            "actor",
            "recipient",
            "date",
            "date_source",
            "date_text",
            "modality",
            "location",
            "confidence",
            "event_text",
            "doc_id",
            "sentence",
            "span",
            "story_id",
        ];
        expected.sort();
        assert_eq!(names, expected);
        assert_eq!(value["date"], "2024-07-24");
        assert_eq!(value["date_source"], "text");
        assert_eq!(value["span"], serde_json::json!([0, 40]));
        assert_eq!(value["actor"][0]["code"], "RUS");
        let back: EventRecord = serde_json::from_value(value).unwrap();
        assert_eq!(back, record);
    }
}
