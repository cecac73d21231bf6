use super::*;

/// The annotated set shipped with the crate.
fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/annotated")
}

/// A gold speaker or addressee written as a code ("DEU", "UNO") rather than a name.
fn is_code(gold: &str) -> bool {
    gold.len() == 3 && gold.chars().all(|character| character.is_ascii_uppercase())
}

#[test]
fn the_issue_bars_hold_on_the_annotated_set() {
    let report = evaluate_annotated(&data_dir()).expect("the annotated set reads");
    eprintln!("{report}");
    assert!(report.time_accuracy() >= 0.95, "time normalisation {:.3} < 0.95\n{report}", report.time_accuracy());
    assert!(report.speaker_accuracy() >= 0.90, "quote speaker {:.3} < 0.90\n{report}", report.speaker_accuracy());
    let (events_right, events) = report.event_dates();
    assert_eq!(events_right, events, "every headline event dated from the text\n{report}");
}

#[test]
fn the_set_is_large_enough_and_its_gold_names_resolve_in_the_knowledge_base() {
    let documents = read_annotated_documents(&data_dir()).expect("the annotated set reads");
    let times: usize = documents.iter().map(|(_, document)| document.times.len()).sum();
    let quotes: usize = documents.iter().map(|(_, document)| document.quotes.len()).sum();
    assert!(times >= 60 && quotes >= 40, "{times} time expressions, {quotes} quotes");
    let kb = KnowledgeBase::embedded();
    for (_, document) in &documents {
        let names = document.quotes.iter().flat_map(|quote| [Some(&quote.speaker), quote.addressee.as_ref()]);
        for name in names.flatten().filter(|name| !is_code(name)) {
            let readings = kb.lookup(name, document.published);
            assert!(
                readings.first().is_some_and(|reading| &reading.name == name),
                "{}: {name} is not a canonical name on {}: {readings:?}",
                document.id,
                document.published
            );
        }
    }
}

fn write_set(lines: &[&str]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(folder.path().join("set.jsonl"), lines.join("\n")).expect("the set is written");
    folder
}

#[test]
fn wrong_values_missed_and_spurious_items_are_counted() {
    let passage = r#"{"id": "x1", "published": "2024-07-25",
        "text": "Rebels shelled the town on Monday, yesterday and in 2015. \"We will not leave our homes,\" Putin said.",
        "times": [{"text": "Monday", "value": "2024-07-22", "pattern": "weekday"},
                  {"text": "2015", "value": "2016", "pattern": "year"}],
        "quotes": [{"quote": "We will not leave", "speaker": "Recep Tayyip Erdoğan", "addressee": null,
                    "verb": "said", "pattern": "name-after"}]}"#;
    let passage = passage.replace('\n', " ");
    let folder = write_set(&[&passage]);
    let report = evaluate_annotated(folder.path()).expect("the set reads");
    assert_eq!(report.times.iter().map(|outcome| outcome.right).collect::<Vec<_>>(), [true, false]);
    assert_eq!(report.times[1].produced, Some(("2015".to_string(), "2015".to_string())));
    assert_eq!(report.spurious_times, [("x1".to_string(), "yesterday".to_string(), "2024-07-24".to_string())]);
    let quote = &report.quotes[0];
    assert!(quote.found && quote.verb_right && !quote.speaker_right, "{quote:?}");
    assert_eq!(quote.speaker.as_deref(), Some("Vladimir Putin"));
    assert_eq!(report.time_accuracy(), 0.5);
    assert_eq!(report.speaker_accuracy(), 0.0);
    assert_eq!(report.addressee_accuracy(), 1.0, "no gold addressee: nothing to miss");
    let table = report.to_string();
    assert!(table.contains("weekday") && table.contains("year") && table.contains("1/2 (50.0%)"), "{table}");
}

#[test]
fn gold_text_missing_from_the_passage_is_an_error_naming_it() {
    let passage = r#"{"id": "x2", "published": "2024-07-25", "text": "Talks resumed on Monday.",
        "times": [{"text": "on Tuesday", "value": "2024-07-23", "pattern": "weekday"}]}"#;
    let folder = write_set(&[&passage.replace('\n', " ")]);
    let error = evaluate_annotated(folder.path()).expect_err("the gold text is not in the passage");
    assert!(error.to_string().contains("on Tuesday") && error.to_string().contains("x2"), "{error}");
    let folder = write_set(&["{\"id\": \"x3\"}"]);
    let error = evaluate_annotated(folder.path()).expect_err("a line without a text");
    assert!(error.to_string().contains("line 1"), "{error}");
}
