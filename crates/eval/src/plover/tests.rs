use super::*;
use crate::matching::tests::entity;
use crate::test_support::{event_of_type, shared_dir};

const SMALL_GOLD: &str = r#"[
 {"id": "DOC-1", "event": "DOCUMENT", "eventText": "file notes"},
 {"id": "G-1", "date": "2000-01-01", "event": "DEMAND",
  "source": [{"actorText": "Norland", "code": "NOR", "sector": "GOV"}],
  "target": [{"actorText": "Elbonia", "code": "elb"}],
  "text": "{Norland demanded that Elbonia   withdraw its troops.}"},
 {"id": "G-2", "date": "2000-01-01", "event": "AGREE",
  "source": [{"actorText": "Norland", "code": "NOR"}, {"actorText": "Elbonia", "code": "ELB"}],
  "target": "", "text": "Norland and Elbonia agreed on a truce."}
]"#;

fn small_records() -> Vec<PloverRecord> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("gold.json");
    std::fs::write(&path, SMALL_GOLD).unwrap();
    read_plover_records(&path).expect("the small gold file reads")
}

#[test]
fn records_are_read_mapped_and_cleaned() {
    let records = small_records();
    assert_eq!(records.len(), 2, "the DOCUMENT record is skipped");
    assert_eq!(records[0].event, "REQUEST");
    assert_eq!(records[0].text, "Norland demanded that Elbonia withdraw its troops.");
    assert_eq!(records[0].targets[0].code, "ELB");
    assert_eq!(records[0].sources[0].sector.as_deref(), Some("GOV"));
    assert!(records[1].targets.is_empty());
}

#[test]
fn labels_follow_plover_0_8() {
    assert_eq!(plover_08_label("DEMAND"), "REQUEST");
    assert_eq!(plover_08_label("DISAPPROVE"), "ACCUSE");
    assert_eq!(plover_08_label("INVESTIGATE"), "ACCUSE");
    assert_eq!(plover_08_label("FIGHT"), "ASSAULT");
    assert_eq!(plover_08_label("AGREE"), "AGREE");
}

#[test]
fn match_levels_climb_with_actor_and_recipient() {
    let gold = &small_records()[0];
    let norland = || vec![entity("Norland", Some("NOR"), Some("GOV"))];
    let elbonia = || vec![entity("Elbonia", Some("ELB"), None)];
    assert_eq!(match_level(&event_of_type("THREATEN", norland(), elbonia(), 0.9), gold), MatchLevel::None);
    assert_eq!(match_level(&event_of_type("REQUEST", elbonia(), norland(), 0.9), gold), MatchLevel::Type);
    assert_eq!(match_level(&event_of_type("REQUEST", norland(), vec![], 0.9), gold), MatchLevel::TypeActor);
    assert_eq!(match_level(&event_of_type("REQUEST", norland(), elbonia(), 0.9), gold), MatchLevel::TypeActorRecipient);
    let open_target = &small_records()[1];
    assert_eq!(
        match_level(&event_of_type("AGREE", elbonia(), norland(), 0.9), open_target),
        MatchLevel::TypeActorRecipient
    );
}

#[test]
fn scores_confusion_and_reliability_count_as_documented() {
    let records = small_records();
    let norland = || vec![entity("Norland", Some("NOR"), Some("GOV"))];
    let elbonia = || vec![entity("Elbonia", Some("ELB"), None)];
    let first_events = vec![
        event_of_type("REQUEST", norland(), elbonia(), 0.85),
        event_of_type("THREATEN", norland(), elbonia(), 0.55),
    ];
    let outcomes = vec![
        PloverOutcome {
            record: records[0].clone(),
            events: first_events,
            evidence: vec![],
            best: MatchLevel::TypeActorRecipient,
        },
        PloverOutcome { record: records[1].clone(), events: vec![], evidence: vec![], best: MatchLevel::None },
    ];
    let report = PloverReport { file: "gold.json".into(), outcomes };
    let full = report.scores(MatchLevel::TypeActorRecipient);
    assert_eq!((full.found, full.gold, full.output), (1, 2, 2));
    assert_eq!(full.precision(), Some(0.5));
    assert_eq!(full.recall(), Some(0.5));
    assert_eq!(report.confusion()["REQUEST"]["REQUEST"], 1);
    assert_eq!(report.confusion()["AGREE"]["NONE"], 1);
    let bins = report.reliability();
    assert_eq!(bins[4], ReliabilityBin { events: 1, correct: 1, type_correct: 1 });
    assert_eq!(bins[1], ReliabilityBin { events: 1, correct: 0, type_correct: 0 });
    assert_eq!(report.above_confidence(0.8), (1, 1));
    assert_eq!(report.outcomes[0].sector_agrees(), Some(true));
    assert_eq!(report.misses()[&PloverMiss::NoEvent].len(), 1);
    let text = report.to_string();
    assert!(text.contains("type+actor+recipient") && text.contains("REQU"), "{text}");
}

#[test]
fn confidence_bins_cover_zero_to_one() {
    assert_eq!(confidence_bin(0.0), 0);
    assert_eq!(confidence_bin(0.49), 0);
    assert_eq!(confidence_bin(0.5), 1);
    assert_eq!(confidence_bin(0.8), 4);
    assert_eq!(confidence_bin(1.0), 5);
}

#[test]
fn bad_json_names_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.json");
    std::fs::write(&path, "[{").unwrap();
    let error = read_plover_records(&path).unwrap_err().to_string();
    assert!(error.contains("broken.json"), "{error}");
}

/// The shared gold file, where present: 179 coded records, every one scored.
#[test]
fn the_shared_gold_file_reads_and_runs() {
    let path = shared_dir().join("eval/plover-gsr/PLOVER_GSR_CAMEO.dev.json");
    if !path.exists() {
        eprintln!("skipping: {} not present", path.display());
        return;
    }
    let records = read_plover_records(&path).expect("the shared gold file reads");
    assert_eq!(records.len(), 179);
    assert!(
        records
            .iter()
            .all(|record| { !["DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"].contains(&record.event.as_str()) })
    );
    let report = evaluate_plover(&path).expect("the shared gold file runs");
    assert_eq!(report.scores(MatchLevel::Type).gold, 179);
}
