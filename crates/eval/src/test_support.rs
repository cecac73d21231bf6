//! Builders shared by the tests of this crate.

use dyad_document::{PartialDate, Span};
use dyad_record::{DateSource, Entity, EventRecord, Modality};
use std::path::PathBuf;

/// `../shared` beside the repository, as in CI.
pub(crate) fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// An event with a CAMEO code (PLOVER type left generic), for PETRARCH scoring tests.
pub(crate) fn event(cameo: &str, actor: Vec<Entity>, recipient: Vec<Entity>) -> EventRecord {
    let mut record = event_of_type("CONSULT", actor, recipient, 0.7);
    record.cameo = Some(cameo.to_string());
    record
}

/// An event of a PLOVER type with a confidence, for PLOVER and news scoring tests.
pub(crate) fn event_of_type(plover: &str, actor: Vec<Entity>, recipient: Vec<Entity>, confidence: f64) -> EventRecord {
    EventRecord {
        id: "e".into(),
        event: plover.into(),
        mode: None,
        context: Vec::new(),
        cameo: None,
        goldstein: None,
        quad_class: 0,
        actor,
        recipient,
        date: PartialDate::day(2019, 5, 6),
        date_source: DateSource::Publication,
        date_text: None,
        modality: Modality::Asserted,
        location: None,
        confidence,
        event_text: "did".into(),
        doc_id: "d".into(),
        sentence: 0,
        span: Span::new(0, 3),
        story_id: None,
    }
}
