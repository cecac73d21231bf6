//! End-to-end checks on the seed article, where the shared data is present.

use super::*;
use dyad_record::Modality;
use std::path::PathBuf;

fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn pipeline() -> Pipeline<'static> {
    Pipeline::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::year(2026))
}

fn own_article() -> Document {
    let body = "Russian President Vladimir Putin hosted Syrian President Bashar al-Assad in Moscow on Wednesday, \
                the Kremlin said.\n\n\"We are very interested in your opinion,\" Putin told Assad.\n\n\
                Russia, which saved Assad's government through its military intervention in 2015, \
                wants to mediate between Damascus and Ankara.";
    let metadata = dyad_document::Metadata { published: Some(PartialDate::day(2024, 7, 25)), ..Default::default() };
    Document::from_body(body.to_string(), metadata)
}

#[test]
fn every_span_slices_the_body() {
    let processed = pipeline().process(own_article());
    let body = &processed.document.body;
    for sentence in &processed.sentences {
        for token in &sentence.tokens {
            assert!(body.get(token.span.start..token.span.end).is_some());
            assert!(sentence.span.contains(token.span));
        }
    }
    for event in processed.events() {
        assert!(body.get(event.span.start..event.span.end).unwrap().contains(&event.event_text));
        for entity in event.actor.iter().chain(&event.recipient) {
            assert_eq!(&body[entity.span.start..entity.span.end], entity.text);
        }
        if let Some(place) = &event.location {
            assert_eq!(&body[place.span.start..place.span.end], place.text);
        }
    }
    for quote in &processed.quotes {
        assert!(body.get(quote.span.start..quote.span.end).is_some());
    }
}

#[test]
fn own_article_codes_the_visit_the_quote_and_the_history() {
    let processed = pipeline().process(own_article());
    let events = processed.events();
    let visit = events.iter().find(|event| event.event == "CONSULT").expect("a CONSULT event");
    assert_eq!(visit.mode.as_deref(), Some("visit"));
    assert_eq!(visit.date.to_string(), "2024-07-24");
    let aid = events.iter().find(|event| event.event == "AID" || event.event == "SUPPORT").expect("aid");
    assert_eq!(aid.modality, Modality::Historical);
    let quote = processed.quotes.iter().find(|quote| quote.text.contains("interested")).expect("the quote");
    assert_eq!(quote.speaker.as_ref().and_then(|speaker| speaker.code.as_deref()), Some("RUS"));
}

/// The seed article, read by the real markdown reader, where ../shared is present.
#[test]
fn seed_article_meets_the_foundation_checks() {
    let path = shared_dir().join("seed/000_e35d4a65f2d0984e.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not present", path.display());
        return;
    };
    let document = seed_document(&text);
    let processed = pipeline().process(document);
    let events = processed.events();
    let consult = events
        .iter()
        .find(|event| event.event == "CONSULT" && event.mode.as_deref() == Some("visit"))
        .unwrap_or_else(|| panic!("no CONSULT visit in {events:#?}"));
    let has = |list: &[dyad_record::Entity], code: &str| {
        list.iter().any(|entity| entity.code.as_deref() == Some(code) && entity.sector.as_deref() == Some("GOV"))
    };
    assert!(has(&consult.actor, "RUS") && has(&consult.recipient, "SYR"), "{consult:#?}");
    assert_eq!(consult.location.as_ref().and_then(|place| place.name.as_deref()), Some("Moscow"));
    let assault = events
        .iter()
        .find(|event| {
            event.event == "ASSAULT" && event.actor.iter().any(|entity| entity.code.as_deref() == Some("TUR"))
        })
        .unwrap_or_else(|| panic!("no Turkish ASSAULT in {events:#?}"));
    assert!(assault.recipient.len() >= 3, "{assault:#?}");
    let intervention = events
        .iter()
        .find(|event| {
            matches!(event.event.as_str(), "AID" | "SUPPORT")
                && event.actor.iter().any(|e| e.code.as_deref() == Some("RUS"))
        })
        .unwrap_or_else(|| panic!("no Russian AID in {events:#?}"));
    assert_eq!(intervention.modality, Modality::Historical);
    for event in events {
        let sentence = &processed.document.body[event.span.start..event.span.end];
        assert!(
            !sentence.contains("Related article")
                && !sentence.contains("Sharifulin")
                && !sentence.contains("contributed")
        );
    }
}

/// The seed is markdown; the pipeline test reads it through the same reader the CLI uses.
fn seed_document(text: &str) -> Document {
    dyad_read::markdown::parse_article(text, "seed").expect("the seed parses")
}

/// The seed with its dates moved past 2024-12-08: Assad is no longer coded as SYR GOV.
#[test]
fn seed_article_moved_past_december_2024_no_longer_codes_assad_as_government() {
    let path = shared_dir().join("seed/000_e35d4a65f2d0984e.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not present", path.display());
        return;
    };
    let moved = text.replace("July 25, 2024", "January 16, 2025");
    let processed = pipeline().process(seed_document(&moved));
    let consult = processed
        .events()
        .iter()
        .find(|event| event.event == "CONSULT" && event.mode.as_deref() == Some("visit"))
        .expect("the meeting is still coded");
    assert_eq!(consult.date.to_string(), "2025-01-15");
    let assad = consult.recipient.iter().find(|entity| entity.text.contains("Assad")).expect("Assad is the recipient");
    assert_eq!(assad.code.as_deref(), Some("SYR"));
    assert_ne!(assad.sector.as_deref(), Some("GOV"), "{assad:?}");
}

const FRENCH_PASSAGE: &str = "Le président russe Vladimir Poutine a reçu mercredi à Moscou le président syrien \
    Bachar al-Assad, a annoncé le Kremlin.\n\n« Nous sommes très intéressés par votre avis », a dit Poutine à Assad.";
const GERMAN_PASSAGE: &str = "Der russische Präsident Wladimir Putin hat am Mittwoch den syrischen Präsidenten \
    Baschar al-Assad in Moskau empfangen, teilte der Kreml mit.\n\n„Wir sind sehr an Ihrer Meinung interessiert“, \
    sagte Putin zu Assad.";

fn with_language(mut document: Document, language: Option<&str>) -> Document {
    document.metadata.language = language.map(str::to_string);
    document
}

#[test]
fn a_document_declared_in_another_language_is_passed_through_uncoded() {
    let metadata = dyad_document::Metadata { language: Some("fr-FR".into()), ..Default::default() };
    let document = Document::from_body(FRENCH_PASSAGE.to_string(), metadata);
    let processed = pipeline().process(document.clone());
    assert_eq!(processed.not_coded, Some(NotCoded::Language("fr".into())));
    assert_eq!(processed.document, document, "the document comes back whole, to be stored");
    assert!(processed.events().is_empty() && processed.quotes.is_empty() && processed.sentences.is_empty());
}

#[test]
fn a_document_whose_language_the_reader_detected_is_gated_the_same_way() {
    let read = dyad_read::read_str(GERMAN_PASSAGE, dyad_read::InputFormat::Text, "moskau.txt");
    let document = read.into_iter().next().expect("one document").expect("the passage reads");
    assert_eq!(document.metadata.language.as_deref(), Some("de"));
    let processed = pipeline().process(document);
    assert_eq!(processed.not_coded, Some(NotCoded::Language("de".into())));
    assert!(processed.events().is_empty());
}

#[test]
fn english_and_unknown_languages_are_coded() {
    for language in [Some("en"), Some("en-GB"), Some("ENG"), None] {
        let processed = pipeline().process(with_language(own_article(), language));
        assert_eq!(processed.not_coded, None, "{language:?}");
        assert!(processed.events().iter().any(|event| event.event == "CONSULT"), "{language:?}");
    }
}

#[test]
fn language_tags_are_read_by_their_primary_subtag() {
    assert_eq!(non_english_language("fr-CA").as_deref(), Some("fr"));
    assert_eq!(non_english_language("DE").as_deref(), Some("de"));
    assert_eq!(non_english_language("pt_BR").as_deref(), Some("pt"));
    for english_or_none in ["en", "en-US", "English", "eng", "", "und", "zxx"] {
        assert_eq!(non_english_language(english_or_none), None, "{english_or_none}");
    }
}
