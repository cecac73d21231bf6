//! Store tests. The passages are short news-style texts written for these tests; every span
//! is found by searching the body, and checked by slicing it.

use super::*;
use dyad_document::{PartialDate, Span};
use dyad_record::{DateSource, Entity, Modality, Place};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let unique = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("dyad-store-test-{label}-{}-{unique}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const BODY_A: &str = "MOSCOW, July 25 - Vladimir Putin met Bashar al-Assad in Moscow on Wednesday. \
Russia agreed in July to ship more grain to Syria. \
\"The talks were constructive,\" Dmitry Peskov told reporters.";

const BODY_B: &str = "ANKARA - Recep Tayyip Erdoğan accused Israel of war crimes in 2023. \
Turkey will impose sanctions on Israeli firms next month, a minister said. \
\"We will not stay silent,\" Erdoğan said.";

const BODY_C: &str = "Protesters rallied outside the U.S. embassy in Nairobi on 3 July 2024.";

fn span_of(body: &str, text: &str) -> Span {
    let start = body.find(text).unwrap_or_else(|| panic!("{text:?} not in test body"));
    Span::new(start, start + text.len())
}

fn entity(body: &str, mention: &str, name: Option<&str>, code: Option<&str>, sector: Option<&str>) -> Entity {
    Entity {
        text: mention.to_string(),
        name: name.map(str::to_string),
        code: code.map(str::to_string),
        sector: sector.map(str::to_string),
        span: span_of(body, mention),
    }
}

fn document(doc_id: &str, body: &str, published: Option<&str>) -> DocumentRecord {
    DocumentRecord {
        doc_id: doc_id.to_string(),
        url: Some(format!("https://news.example/{doc_id}")),
        title: Some(format!("Report {doc_id}")),
        published: published.map(|date| date.parse().expect("test date")),
        byline: Some("By A. Reporter".to_string()),
        language: Some("en".to_string()),
        source: format!("test.jsonl:{doc_id}"),
        body: body.to_string(),
    }
}

/// A plain event; tests change fields with struct update syntax.
fn event(doc: &DocumentRecord, id: &str, event_type: &str, sentence_index: usize, sentence: &str) -> EventRecord {
    EventRecord {
        id: id.to_string(),
        event: event_type.to_string(),
        mode: None,
        context: vec![],
        cameo: None,
        goldstein: None,
        quad_class: 1,
        actor: vec![],
        recipient: vec![],
        date: PartialDate::day(2024, 7, 24),
        date_source: DateSource::Text,
        date_text: None,
        modality: Modality::Asserted,
        location: None,
        confidence: 0.8,
        event_text: sentence.split_whitespace().nth(1).unwrap_or("").to_string(),
        doc_id: doc.doc_id.clone(),
        sentence: sentence_index,
        span: span_of(&doc.body, sentence),
        story_id: None,
    }
}

struct Fixture {
    items: Vec<DocumentWithRecords>,
}

fn fixture() -> Fixture {
    let doc_a = document("aaaa000000000001", BODY_A, Some("2024-07-25"));
    let putin_meets_assad = EventRecord {
        mode: Some("visit".into()),
        context: vec!["diplomatic".into()],
        cameo: Some("043".into()),
        goldstein: Some(2.8),
        actor: vec![entity(BODY_A, "Vladimir Putin", Some("Vladimir Putin"), Some("RUS"), Some("GOV"))],
        recipient: vec![entity(BODY_A, "Bashar al-Assad", Some("Bashar al-Assad"), Some("SYR"), Some("GOV"))],
        date: PartialDate::day(2024, 7, 24),
        date_text: Some("on Wednesday".into()),
        location: Some(Place {
            text: "Moscow".into(),
            name: Some("Moscow".into()),
            country: Some("RUS".into()),
            lat: Some(55.755_826),
            lon: Some(37.617_3),
            geonameid: Some(524_901),
            span: span_of(BODY_A, "Moscow"),
        }),
        confidence: 0.1 + 0.2,
        event_text: "met".into(),
        story_id: Some("story-7".into()),
        ..event(&doc_a, "a-1", "CONSULT", 0, "Vladimir Putin met Bashar al-Assad in Moscow on Wednesday.")
    };
    let russia_agrees = EventRecord {
        quad_class: 2,
        actor: vec![entity(BODY_A, "Russia", Some("Russia"), Some("RUS"), None)],
        recipient: vec![entity(BODY_A, "Syria", Some("Syria"), Some("SYR"), None)],
        date: PartialDate::month(2024, 7),
        event_text: "agreed".into(),
        ..event(&doc_a, "a-2", "AGREE", 1, "Russia agreed in July to ship more grain to Syria.")
    };
    let peskov_quote = QuoteRecord {
        doc_id: doc_a.doc_id.clone(),
        speaker: Some(entity(BODY_A, "Dmitry Peskov", Some("Dmitry Peskov"), Some("RUS"), Some("GOV"))),
        addressee: None,
        text: "The talks were constructive,".into(),
        verb: Some("told".into()),
        span: span_of(BODY_A, "The talks were constructive,"),
        date: Some(PartialDate::day(2024, 7, 25)),
    };

    let doc_b = document("bbbb000000000002", BODY_B, Some("2024-07-20"));
    let erdogan_accuses = EventRecord {
        quad_class: 3,
        actor: vec![entity(BODY_B, "Recep Tayyip Erdoğan", Some("Recep Tayyip Erdoğan"), Some("TUR"), Some("GOV"))],
        recipient: vec![entity(BODY_B, "Israel", Some("Israel"), Some("ISR"), None)],
        date: PartialDate::year(2023),
        modality: Modality::Historical,
        event_text: "accused".into(),
        ..event(&doc_b, "b-1", "ACCUSE", 0, "Recep Tayyip Erdoğan accused Israel of war crimes in 2023.")
    };
    let turkey_sanctions = EventRecord {
        quad_class: 4,
        actor: vec![entity(BODY_B, "Turkey", Some("Turkey"), Some("TUR"), None)],
        recipient: vec![],
        date: PartialDate::month(2024, 8),
        modality: Modality::Future,
        event_text: "will impose sanctions".into(),
        ..event(
            &doc_b,
            "b-2",
            "SANCTION",
            1,
            "Turkey will impose sanctions on Israeli firms next month, a minister said.",
        )
    };
    let erdogan_quote = QuoteRecord {
        doc_id: doc_b.doc_id.clone(),
        speaker: Some(entity(BODY_B, "Erdoğan said", Some("Recep Tayyip Erdoğan"), Some("TUR"), Some("GOV"))),
        addressee: None,
        text: "We will not stay silent,".into(),
        verb: Some("said".into()),
        span: span_of(BODY_B, "We will not stay silent,"),
        date: None,
    };

    let doc_c = document("cccc000000000003", BODY_C, None);
    let protest = EventRecord {
        quad_class: 3,
        actor: vec![entity(BODY_C, "Protesters", None, Some("KEN"), Some("CVL"))],
        recipient: vec![entity(BODY_C, "U.S. embassy", Some("United States"), Some("USA"), Some("GOV"))],
        date: PartialDate::day(2024, 7, 3),
        location: Some(Place {
            text: "Nairobi".into(),
            name: Some("Nairobi".into()),
            country: Some("KEN".into()),
            lat: None,
            lon: None,
            geonameid: None,
            span: span_of(BODY_C, "Nairobi"),
        }),
        event_text: "rallied".into(),
        ..event(&doc_c, "c-1", "PROTEST", 0, BODY_C)
    };

    Fixture {
        items: vec![
            (doc_a, vec![putin_meets_assad, russia_agrees], vec![peskov_quote]),
            (doc_b, vec![erdogan_accuses, turkey_sanctions], vec![erdogan_quote]),
            (doc_c, vec![protest], vec![]),
        ],
    }
}

fn stored_fixture() -> (Store, Fixture) {
    let mut store = Store::open_in_memory().expect("open in memory");
    let fixture = fixture();
    let outcomes = store.insert_batch(&fixture.items).expect("insert fixture");
    assert_eq!(outcomes, vec![InsertOutcome::Inserted; 3]);
    (store, fixture)
}

fn event_ids(store: &Store, filter: EventFilter) -> Vec<String> {
    store.events(&filter).expect("query events").into_iter().map(|event| event.id).collect()
}

fn quote_texts(store: &Store, filter: QuoteFilter) -> Vec<String> {
    store.quotes(&filter).expect("query quotes").into_iter().map(|quote| quote.text).collect()
}

fn date(text: &str) -> Option<PartialDate> {
    Some(text.parse().expect("test date"))
}

#[test]
fn fixture_spans_slice_the_bodies() {
    let fixture = fixture();
    for (doc, events, quotes) in &fixture.items {
        for event in events {
            assert!(doc.body.get(event.span.start..event.span.end).is_some());
            for entity in event.actor.iter().chain(&event.recipient) {
                assert_eq!(&doc.body[entity.span.start..entity.span.end], entity.text);
            }
        }
        for quote in quotes {
            assert_eq!(&doc.body[quote.span.start..quote.span.end], quote.text);
        }
    }
}

#[test]
fn records_read_back_equal_to_what_was_stored() {
    let (store, fixture) = stored_fixture();
    for (doc, events, quotes) in &fixture.items {
        assert_eq!(store.document(&doc.doc_id).unwrap().as_ref(), Some(doc));
        assert_eq!(&store.events_for_document(&doc.doc_id).unwrap(), events);
        assert_eq!(&store.quotes_for_document(&doc.doc_id).unwrap(), quotes);
    }
    let confidence = store.events_for_document("aaaa000000000001").unwrap()[0].confidence;
    assert_eq!(confidence.to_bits(), (0.1f64 + 0.2).to_bits(), "floats survive the JSON round trip exactly");
}

#[test]
fn sentence_text_is_the_body_slice_of_the_event_span() {
    let (store, fixture) = stored_fixture();
    let stored = store.events_with_sentences(&EventFilter::default()).unwrap();
    assert_eq!(stored.len(), 5);
    for event in stored {
        let (doc, _, _) = fixture.items.iter().find(|(doc, _, _)| doc.doc_id == event.record.doc_id).unwrap();
        assert_eq!(event.sentence_text, &doc.body[event.record.span.start..event.record.span.end]);
    }
}

#[test]
fn inserting_the_same_document_twice_stores_it_once() {
    let (mut store, fixture) = stored_fixture();
    let before = store.counts().unwrap();
    assert_eq!(before, StoreCounts { documents: 3, events: 5, quotes: 2 });
    let (doc, events, quotes) = &fixture.items[0];
    assert_eq!(store.insert_document(doc, events, quotes).unwrap(), InsertOutcome::AlreadyStored);
    assert_eq!(store.insert_batch(&fixture.items).unwrap(), vec![InsertOutcome::AlreadyStored; 3]);
    assert_eq!(store.counts().unwrap(), before);
    assert!(store.contains_document(&doc.doc_id).unwrap());
    assert!(!store.contains_document("not-stored").unwrap());
}

#[test]
fn a_repeated_document_within_one_batch_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let item = fixture().items.remove(2);
    let outcomes = store.insert_batch(&[item.clone(), item]).unwrap();
    assert_eq!(outcomes, vec![InsertOutcome::Inserted, InsertOutcome::AlreadyStored]);
    assert_eq!(store.counts().unwrap(), StoreCounts { documents: 1, events: 1, quotes: 0 });
}

#[test]
fn a_failing_batch_stores_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut items = fixture().items;
    items[1].1[0].span = Span::new(0, BODY_B.len() + 5);
    let error = store.insert_batch(&items).unwrap_err();
    assert!(matches!(error, StoreError::SpanOutsideBody { ref record, .. } if record == "event b-1"), "{error}");
    assert_eq!(store.counts().unwrap(), StoreCounts::default());
}

#[test]
fn a_span_off_a_char_boundary_is_refused_and_named() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, mut events, quotes) = fixture().items.remove(1);
    // Cuts "ğ" (two bytes in UTF-8) in half.
    let inside_g_breve = BODY_B.find('ğ').unwrap() + 1;
    events[0].actor[0].span = Span::new(inside_g_breve - 5, inside_g_breve);
    let error = store.insert_document(&doc, &events, &quotes).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("event b-1") && message.contains(&doc.doc_id), "{message}");
    assert!(!store.contains_document(&doc.doc_id).unwrap());
}

#[test]
fn a_duplicate_event_id_in_one_document_is_an_error_naming_it() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, mut events, quotes) = fixture().items.remove(0);
    events[1].id = events[0].id.clone();
    let error = store.insert_document(&doc, &events, &quotes).unwrap_err();
    assert!(matches!(&error, StoreError::DuplicateEventId { event_id, .. } if event_id == "a-1"), "{error}");
    assert!(error.to_string().contains("a-1"));
    assert_eq!(store.counts().unwrap(), StoreCounts::default());
}

#[test]
fn the_same_event_id_under_two_documents_is_stored_for_both() {
    let mut store = Store::open_in_memory().unwrap();
    let mut items = fixture().items;
    items[1].1[0].id = "shared-id".into();
    items[2].1[0].id = "shared-id".into();
    store.insert_batch(&items).unwrap();
    assert_eq!(store.counts().unwrap().events, 5);
}

#[test]
fn an_event_given_with_the_wrong_document_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let items = fixture().items;
    let error = store.insert_document(&items[0].0, &items[1].1, &[]).unwrap_err();
    assert!(matches!(error, StoreError::WrongDocument { .. }), "{error}");
}

#[test]
fn a_non_finite_number_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, mut events, quotes) = fixture().items.remove(0);
    events[0].goldstein = Some(f64::NAN);
    let error = store.insert_document(&doc, &events, &quotes).unwrap_err();
    assert!(error.to_string().contains("goldstein"), "{error}");
}

#[test]
fn each_event_filter_alone() {
    let (store, _) = stored_fixture();
    let all = event_ids(&store, EventFilter::default());
    assert_eq!(all, ["b-1", "a-2", "c-1", "a-1", "b-2"], "ordered by first possible day, then stored order");

    let actor = |text: &str| event_ids(&store, EventFilter { actor: Some(text.into()), ..Default::default() });
    assert_eq!(actor("putin"), ["a-1"], "case-insensitive substring of the name");
    assert_eq!(actor("ERDOĞAN"), ["b-1"], "non-ASCII case folding");
    assert_eq!(actor("assad"), ["a-1"], "recipients count too");
    assert_eq!(actor("RUS"), ["a-2", "a-1"], "code, exact");
    assert_eq!(actor("usa"), ["c-1"], "code, case-insensitive");
    assert_eq!(actor("protesters"), ["c-1"], "mention text when there is no name");
    assert!(actor("Merkel").is_empty());

    let country = |code: &str| event_ids(&store, EventFilter { country: Some(code.into()), ..Default::default() });
    assert_eq!(country("SYR"), ["a-2", "a-1"], "recipient code");
    assert_eq!(country("ISR"), ["b-1"]);
    assert_eq!(country("ken"), ["c-1"]);
    assert!(country("RU").is_empty(), "codes match exactly, not as substrings");

    let event_type =
        |name: &str| event_ids(&store, EventFilter { event_type: Some(name.into()), ..Default::default() });
    assert_eq!(event_type("consult"), ["a-1"]);
    assert_eq!(event_type("SANCTION"), ["b-2"]);

    let text = |words: &str| event_ids(&store, EventFilter { text: Some(words.into()), ..Default::default() });
    assert_eq!(text("grain"), ["a-2"]);
    assert_eq!(text("Moscow Wednesday"), ["a-1"], "all words, in the sentence");
    assert!(text("grain Wednesday").is_empty(), "words from different sentences do not match");
    assert_eq!(text("sanction*"), ["b-2"], "prefix search");
    assert!(text("sanction").is_empty(), "whole words only");
    assert_eq!(text("erdogan"), ["b-1"], "diacritics ignored");
    assert_eq!(text("U.S."), ["c-1"], "punctuation is not query syntax");
    assert!(text("\"").is_empty());

    let modality = |value| event_ids(&store, EventFilter { modality: Some(value), ..Default::default() });
    assert_eq!(modality(Modality::Future), ["b-2"]);
    assert_eq!(modality(Modality::Historical), ["b-1"]);
    assert!(modality(Modality::Negated).is_empty());

    let doc = event_ids(&store, EventFilter { doc_id: Some("bbbb000000000002".into()), ..Default::default() });
    assert_eq!(doc, ["b-1", "b-2"]);

    assert_eq!(event_ids(&store, EventFilter { limit: Some(2), ..Default::default() }), ["b-1", "a-2"]);
}

#[test]
fn event_filters_combined() {
    let (store, _) = stored_fixture();
    let rus_in_july =
        EventFilter { actor: Some("RUS".into()), since: date("2024-07"), until: date("2024-07"), ..Default::default() };
    assert_eq!(event_ids(&store, rus_in_july.clone()), ["a-2", "a-1"]);
    assert_eq!(event_ids(&store, EventFilter { event_type: Some("AGREE".into()), ..rus_in_july.clone() }), ["a-2"]);
    assert_eq!(event_ids(&store, EventFilter { text: Some("Moscow".into()), ..rus_in_july.clone() }), ["a-1"]);
    assert!(event_ids(&store, EventFilter { modality: Some(Modality::Future), ..rus_in_july }).is_empty());
    let turkish_future = EventFilter {
        country: Some("TUR".into()),
        modality: Some(Modality::Future),
        doc_id: Some("bbbb000000000002".into()),
        ..Default::default()
    };
    assert_eq!(event_ids(&store, turkish_future), ["b-2"]);
}

#[test]
fn date_filters_at_each_precision() {
    let (store, _) = stored_fixture();
    let between = |since: &str, until: &str| {
        event_ids(&store, EventFilter { since: date(since), until: date(until), ..Default::default() })
    };
    // Events: b-1 2023, a-2 2024-07, c-1 2024-07-03, a-1 2024-07-24, b-2 2024-08.
    assert_eq!(between("2024-07-01", "2024-07-31"), ["a-2", "c-1", "a-1"], "a month-dated event is in its month");
    assert_eq!(between("2024-07", "2024-07"), ["a-2", "c-1", "a-1"], "month precision spans the month");
    assert_eq!(between("2024", "2024"), ["a-2", "c-1", "a-1", "b-2"], "year precision spans the year");
    assert_eq!(between("2023", "2023-12-31"), ["b-1"]);
    assert_eq!(between("2024-07-04", "2024-07-24"), ["a-1"], "day bounds are inclusive; a-2 is not known to be inside");
    assert_eq!(between("2024-07-03", "2024-07-03"), ["c-1"]);

    let since = |text: &str| event_ids(&store, EventFilter { since: date(text), ..Default::default() });
    assert_eq!(since("2024-07-10"), ["a-1", "b-2"]);
    assert_eq!(since("2024-08"), ["b-2"]);
    let until = |text: &str| event_ids(&store, EventFilter { until: date(text), ..Default::default() });
    assert_eq!(until("2023"), ["b-1"]);
    assert_eq!(until("2024-07-03"), ["b-1", "c-1"]);
}

#[test]
fn overlapping_date_match_includes_coarser_dates() {
    let (store, _) = stored_fixture();
    let filter = |rule| EventFilter {
        since: date("2024-07-04"),
        until: date("2024-07-24"),
        date_match: rule,
        ..Default::default()
    };
    assert_eq!(event_ids(&store, filter(DateMatch::Within)), ["a-1"]);
    assert_eq!(event_ids(&store, filter(DateMatch::Overlaps)), ["a-2", "a-1"]);
    let mid_august = |rule| EventFilter { since: date("2024-08-15"), date_match: rule, ..Default::default() };
    assert!(event_ids(&store, mid_august(DateMatch::Within)).is_empty());
    assert_eq!(event_ids(&store, mid_august(DateMatch::Overlaps)), ["b-2"]);
}

#[test]
fn quote_filters() {
    let (store, _) = stored_fixture();
    let peskov = "The talks were constructive,";
    let erdogan = "We will not stay silent,";
    assert_eq!(quote_texts(&store, QuoteFilter::default()), [peskov, erdogan], "undated quotes last");
    let speaker = |text: &str| quote_texts(&store, QuoteFilter { speaker: Some(text.into()), ..Default::default() });
    assert_eq!(speaker("peskov"), [peskov]);
    assert_eq!(speaker("tur"), [erdogan], "speaker code");
    assert_eq!(speaker("erdoğan"), [erdogan]);
    let country = QuoteFilter { country: Some("RUS".into()), ..Default::default() };
    assert_eq!(quote_texts(&store, country), [peskov]);
    let july = QuoteFilter { since: date("2024-07"), until: date("2024-07"), ..Default::default() };
    assert_eq!(quote_texts(&store, july), [peskov], "an undated quote never matches a date filter");
    let silent = QuoteFilter { text: Some("silent".into()), ..Default::default() };
    assert_eq!(quote_texts(&store, silent), [erdogan]);
    let in_doc = QuoteFilter { doc_id: Some("aaaa000000000001".into()), limit: Some(5), ..Default::default() };
    assert_eq!(quote_texts(&store, in_doc), [peskov]);
    let combined = QuoteFilter { speaker: Some("Peskov".into()), text: Some("silent".into()), ..Default::default() };
    assert!(quote_texts(&store, combined).is_empty());
    assert_eq!(quote_texts(&store, QuoteFilter { limit: Some(1), ..Default::default() }), [peskov]);
}

#[test]
fn documents_by_id_or_unique_prefix() {
    let (mut store, _) = stored_fixture();
    assert_eq!(store.document("bbbb").unwrap().unwrap().doc_id, "bbbb000000000002");
    assert_eq!(store.document("cccc000000000003").unwrap().unwrap().doc_id, "cccc000000000003");
    assert!(store.document("dddd").unwrap().is_none());
    assert!(store.document("").unwrap().is_none());

    let twin = document("bbbb000000000099", BODY_C, None);
    store.insert_document(&twin, &[], &[]).unwrap();
    let error = store.document("bbbb").unwrap_err();
    let message = error.to_string();
    assert!(message.contains("bbbb000000000002") && message.contains("bbbb000000000099"), "{message}");
    assert!(matches!(store.document("bbbb0000000000"), Err(StoreError::AmbiguousDocumentPrefix { .. })));
    assert_eq!(store.document("bbbb000000000099").unwrap().unwrap(), twin, "an exact id wins over a prefix");
}

#[test]
fn documents_come_in_stored_order_with_a_limit() {
    let (store, fixture) = stored_fixture();
    let ids: Vec<String> = store.documents(None).unwrap().into_iter().map(|doc| doc.doc_id).collect();
    let expected: Vec<String> = fixture.items.iter().map(|(doc, _, _)| doc.doc_id.clone()).collect();
    assert_eq!(ids, expected);
    assert_eq!(store.documents(Some(1)).unwrap(), vec![fixture.items[0].0.clone()]);
}

#[test]
fn stored_documents_survive_dropping_and_reopening_the_store() {
    let directory = TempDir::new("reopen");
    let path = directory.join("news.db");
    let fixture = fixture();
    {
        let mut store = Store::open(&path).unwrap();
        let (doc, events, quotes) = &fixture.items[0];
        store.insert_document(doc, events, quotes).unwrap();
        store.insert_batch(&fixture.items[1..]).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap(), StoreCounts { documents: 3, events: 5, quotes: 2 });
    assert_eq!(store.events_for_document("aaaa000000000001").unwrap(), fixture.items[0].1);
}

#[test]
fn committed_documents_are_visible_even_if_the_store_is_never_closed() {
    let directory = TempDir::new("unclosed");
    let path = directory.join("news.db");
    let fixture = fixture();
    let mut store = Store::open(&path).unwrap();
    store.insert_batch(&fixture.items).unwrap();
    // No close, no checkpoint: the rows live only in the WAL file, as after a kill.
    std::mem::forget(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(reopened.counts().unwrap().documents, 3);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_by_name_and_left_alone() {
    let directory = TempDir::new("not-sqlite");
    let path = directory.join("notes.txt");
    std::fs::write(&path, "Putin met Assad.\n").unwrap();
    let error = Store::open(&path).err().expect("must refuse");
    let message = error.to_string();
    assert!(matches!(error, StoreError::NotADyadDatabase { .. }), "{message}");
    assert!(message.contains(&path.display().to_string()) && message.contains("not an SQLite"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "Putin met Assad.\n");
}

#[test]
fn another_programs_sqlite_database_is_refused_by_name() {
    let directory = TempDir::new("foreign");
    let path = directory.join("other.sqlite");
    let other = Connection::open(&path).unwrap();
    other.execute_batch("CREATE TABLE recipes (name TEXT)").unwrap();
    drop(other);
    let message = Store::open(&path).err().expect("must refuse").to_string();
    assert!(message.contains(&path.display().to_string()) && message.contains("recipes"), "{message}");
    let journal_mode: String =
        Connection::open(&path).unwrap().pragma_query_value(None, "journal_mode", |row| row.get(0)).unwrap();
    assert_eq!(journal_mode, "delete", "the foreign file was not switched to WAL");
}

#[test]
fn a_directory_is_refused_by_name() {
    let directory = TempDir::new("is-dir");
    let message = Store::open(&directory.0).err().expect("must refuse").to_string();
    assert!(message.contains("directory") && message.contains(&directory.0.display().to_string()), "{message}");
}

#[test]
fn a_newer_schema_is_refused() {
    let directory = TempDir::new("newer");
    let path = directory.join("news.db");
    drop(Store::open(&path).unwrap());
    Connection::open(&path).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    let error = Store::open(&path).err().expect("must refuse");
    assert!(matches!(error, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1), "{error}");
}

#[test]
fn opening_creates_missing_directories_and_an_empty_file_is_initialised() {
    let directory = TempDir::new("mkdir");
    let nested = directory.join("out/run-1/news.db");
    let mut store = Store::open(&nested).unwrap();
    let (doc, events, quotes) = &fixture().items[2];
    store.insert_document(doc, events, quotes).unwrap();
    assert!(nested.is_file());

    let empty = directory.join("empty.db");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(Store::open(&empty).unwrap().counts().unwrap(), StoreCounts::default());
}

#[test]
fn power_loss_durability_opens_and_stores() {
    let directory = TempDir::new("full-sync");
    let path = directory.join("news.db");
    let mut store = Store::open_with_durability(&path, Durability::SurvivePowerLoss).unwrap();
    let synchronous: i64 = store.connection.pragma_query_value(None, "synchronous", |row| row.get(0)).unwrap();
    assert_eq!(synchronous, 2, "FULL");
    let (doc, events, quotes) = &fixture().items[0];
    assert_eq!(store.insert_document(doc, events, quotes).unwrap(), InsertOutcome::Inserted);
    let default = Store::open(&path).unwrap();
    let synchronous: i64 = default.connection.pragma_query_value(None, "synchronous", |row| row.get(0)).unwrap();
    assert_eq!(synchronous, 1, "NORMAL");
}
