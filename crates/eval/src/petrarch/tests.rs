use super::*;
use crate::matching::tests::entity;
use crate::test_support::{event, shared_dir};
use std::path::PathBuf;

fn coding(source: &str, target: &str, code: &str) -> ExpectedCoding {
    ExpectedCoding { source: source.into(), target: target.into(), event: code.into() }
}

#[test]
fn a_matching_event_passes_and_an_extra_one_fails_only_strictly() {
    let expected = Expectation::Codings(vec![coding("NOR", "ELB", "064")]);
    let right =
        event("064", vec![entity("Norland", Some("NOR"), Some("GOV"))], vec![entity("Elbonia", Some("ELB"), None)]);
    assert_eq!(judge(&expected, std::slice::from_ref(&right), false), (true, true, None));
    let extra = event("111", vec![entity("Elbonia", Some("ELB"), None)], vec![]);
    assert_eq!(judge(&expected, &[right, extra], false), (true, false, Some(FailureCause::ExtraEvents)));
}

#[test]
fn misses_are_told_apart_by_cause() {
    let expected = Expectation::Codings(vec![coding("NORGOV", "ELB", "064")]);
    let norland = || vec![entity("Norland's government", Some("NOR"), Some("GOV"))];
    let elbonia = || vec![entity("Elbonia", Some("ELB"), None)];
    assert_eq!(judge(&expected, &[], false).2, Some(FailureCause::NothingProduced));
    assert_eq!(judge(&expected, &[event("111", norland(), elbonia())], false).2, Some(FailureCause::WrongEventCode));
    assert_eq!(judge(&expected, &[event("064", elbonia(), norland())], false).2, Some(FailureCause::WrongActor));
    assert_eq!(judge(&expected, &[event("064", norland(), vec![])], true).2, Some(FailureCause::WrongRecipient));
    let test_code = Expectation::Codings(vec![coding("NOR", "ELB", "903")]);
    assert_eq!(judge(&test_code, &[], true).2, Some(FailureCause::CodeNotInCameoTable));
    // CAMEO 012 (make a pessimistic comment) is in the table, but PLOVER has no type for statements.
    let statement = Expectation::Codings(vec![coding("NOR", "ELB", "012")]);
    assert_eq!(judge(&statement, &[], true).2, Some(FailureCause::CodeWithoutPloverType));
    assert!(has_plover_type("064") && has_plover_type("023") && !has_plover_type("012") && !has_plover_type("903"));
}

#[test]
fn no_events_and_error_records_pass_only_when_nothing_is_coded() {
    let something = event("064", vec![entity("Norland", Some("NOR"), None)], vec![]);
    for expectation in [Expectation::NoEvents, Expectation::Error("dateline".into())] {
        assert_eq!(judge(&expectation, &[], true), (true, true, None));
        assert_eq!(
            judge(&expectation, std::slice::from_ref(&something), false),
            (false, false, Some(FailureCause::EventsWhereNoneExpected))
        );
    }
}

#[test]
fn compound_actors_and_recipients_are_scored_one_coding_per_pair() {
    let expected = Expectation::Codings(vec![
        coding("NOR", "RUR", "041"),
        coding("NOR", "SYL", "041"),
        coding("ELB", "RUR", "041"),
        coding("ELB", "SYL", "041"),
    ]);
    let actors = || vec![entity("Norland", Some("NOR"), None), entity("Elbonia", Some("ELB"), None)];
    let recipients = || vec![entity("Ruritania", Some("RUR"), None), entity("Sylvania", Some("SYL"), None)];
    let welcomed = event("041", actors(), recipients());
    assert_eq!(judge(&expected, std::slice::from_ref(&welcomed), true), (true, true, None));
    // One member too many is a coding nobody expected.
    let mut three = recipients();
    three.push(entity("Freedonia", Some("FRE"), None));
    let (lenient, strict, cause) = judge(&expected, &[event("041", actors(), three)], true);
    assert!(lenient && !strict && cause == Some(FailureCause::ExtraEvents));
    // One member too few misses the codings of the other.
    let partial = judge(&expected, &[event("041", actors(), vec![entity("Ruritania", Some("RUR"), None)])], true);
    assert!(!partial.0);
}

#[test]
fn actors_without_a_recipient_may_read_as_a_reciprocal_event() {
    let expected = Expectation::Codings(vec![coding("NOR", "ELB", "191"), coding("ELB", "NOR", "191")]);
    let parties = vec![entity("Norland", Some("NOR"), None), entity("Elbonia", Some("ELB"), None)];
    let delayed = event("191", parties, vec![]);
    assert_eq!(judge(&expected, std::slice::from_ref(&delayed), true), (true, true, None));
    // With one party the record is a plain coding with a null target.
    let alone = event("191", vec![entity("Norland", Some("NOR"), None)], vec![]);
    assert!(!judge(&expected, &[alone], false).0);
}

#[test]
fn require_dyad_drops_codings_with_a_null_side_before_scoring() {
    let expected = Expectation::Codings(vec![coding("NOR", "ELB", "064")]);
    let right = event("064", vec![entity("Norland", Some("NOR"), None)], vec![entity("Elbonia", Some("ELB"), None)]);
    let said = event("023", vec![entity("officials", None, Some("GOV"))], vec![]);
    let uncoded = event("111", vec![entity("Norland", Some("NOR"), None)], vec![entity("the crowd", None, None)]);
    let events = [right, said, uncoded];
    assert_eq!(judge(&expected, &events, true), (true, true, None));
    assert_eq!(judge(&expected, &events, false), (true, false, Some(FailureCause::ExtraEvents)));
    // Nothing left after the filter is what a `noevents` record asks for.
    assert_eq!(judge(&Expectation::NoEvents, &events[1..], true), (true, true, None));
    // With require_dyad off, a null target can be expected and met.
    let null_target = Expectation::Codings(vec![coding("---GOV", "---", "023")]);
    assert_eq!(judge(&null_target, &events[1..2], false), (true, true, None));
}

#[test]
fn require_dyad_follows_petrarchs_reading_of_the_config_value() {
    let config = |value: &str| BTreeMap::from([("require_dyad".to_string(), value.to_string())]);
    assert!(requires_dyad(&BTreeMap::new()));
    assert!(requires_dyad(&config("True")));
    assert!(!requires_dyad(&config("FALSE")) && !requires_dyad(&config("false")));
}

#[test]
fn config_shows_only_options_changed_from_the_defaults() {
    let config: BTreeMap<String, String> = [
        ("require_dyad", "True"),
        ("new_actor_length", "4"),
        ("stop_on_error", "True"),
        ("comma_max", "6"),
        ("comma_emax", "8"),
    ]
    .into_iter()
    .map(|(option, value)| (option.to_string(), value.to_string()))
    .collect();
    assert_eq!(non_default_config(&config), vec!["comma_max=6", "new_actor_length=4"]);
}

/// A made-up suite with made-up dictionaries, in PETRARCH's own formats.
fn write_toy_suite(folder: &Path) -> PathBuf {
    let files = [
        ("toy.actors.txt", "NORLAND [NOR]\nELBONIA [ELB]\n"),
        ("toy.agents.txt", "FOREIGN_MINISTER [~GOV]\n"),
        ("toy.verbs.txt", "--- RESTORE  [064]  ---\nRESTORE\n- * DIPLOMATIC TIES [064]\n"),
        ("toy.discards.txt", "+BASEBALL\n"),
    ];
    for (name, text) in files {
        std::fs::write(folder.join(name), text).unwrap();
    }
    let xml = r#"<Validation>
<Environment>
<Verbfile>toy.verbs.txt</Verbfile><Actorfile>toy.actors.txt</Actorfile>
<Agentfile>toy.agents.txt</Agentfile><Discardfile>toy.discards.txt</Discardfile>
<Include>TOY</Include>
</Environment>
<Sentences>
<Sentence date="20030304" id="TOY-01" category="TOY" sentence="true">
<EventCoding sourcecode="NOR" targetcode="ELB" eventcode="064"></EventCoding>
<Text>Norland restored diplomatic ties with Elbonia on Monday.</Text>
</Sentence>
<Sentence date="20030304" id="TOY-02" category="TOY" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>The weather in the capital was mild on Monday.</Text>
</Sentence>
<Sentence date="20030304" id="OTHER-01" category="OTHER" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Rain fell.</Text>
</Sentence>
<Sentence date="20030304" id="TOY-03" category="TOY" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Norland restored diplomatic ties with Elbonia after a baseball game on Monday.</Text>
</Sentence>
</Sentences>
</Validation>"#;
    let path = folder.join("toy.records.xml");
    std::fs::write(&path, xml).unwrap();
    path
}

#[test]
fn a_toy_suite_runs_with_only_its_own_dictionaries() {
    let folder = tempfile::tempdir().unwrap();
    let report = evaluate_petrarch(&write_toy_suite(folder.path())).expect("the toy suite runs");
    assert_eq!(report.outcomes.len(), 4);
    assert_eq!(report.outcomes[2].scope, Scope::NotIncluded);
    assert_eq!(report.overall().records, 3);
    assert!(
        report.outcomes[3].strict_pass,
        "the discard list silences the baseball sentence: {:?}",
        report.outcomes[3]
    );
    assert!(report.outcomes[1].strict_pass, "{:?}", report.outcomes[1]);
    let first = &report.outcomes[0];
    assert!(first.lenient_pass, "the first-light sentence should code NOR>ELB:064: {first:?}");
    assert!(report.dictionaries.iter().any(|loaded| loaded.contains("toy.discards.txt")), "{:?}", report.dictionaries);
    let text = report.to_string();
    assert!(text.contains("TOY") && text.contains("Scored records: 3"), "{text}");
}

#[test]
fn a_missing_dictionary_is_an_error_naming_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = write_toy_suite(folder.path());
    std::fs::remove_file(folder.path().join("toy.actors.txt")).unwrap();
    let error = evaluate_petrarch(&path).unwrap_err().to_string();
    assert!(error.contains("toy.actors.txt"), "{error}");
}

/// The real suite, where ../shared is present: it must parse, and its records be coded.
#[test]
fn the_shared_suite_parses_and_runs() {
    let path = shared_dir().join("data/petrarch2/PETR.UnitTest.records.xml");
    if !path.exists() {
        eprintln!("skipping: {} not present", path.display());
        return;
    }
    let file = ValidationFile::read(&path).expect("the shared suite parses");
    assert_eq!(file.records.len(), 284);
    let count = |wanted: fn(&Expectation) -> usize| {
        file.records.iter().map(|record| wanted(&record.expectation)).sum::<usize>()
    };
    assert_eq!(
        count(|expectation| if let Expectation::Codings(codings) = expectation { codings.len() } else { 0 }),
        359
    );
    // 19 `noevents` records and PATTERN-06, which states no coding at all.
    assert_eq!(count(|expectation| usize::from(*expectation == Expectation::NoEvents)), 20);
    assert_eq!(count(|expectation| usize::from(matches!(expectation, Expectation::Error(_)))), 7);
    let report = evaluate_petrarch(&path).expect("the shared suite runs");
    assert_eq!(report.outcomes.len(), 284);
    assert!(report.overall().records > 200);
}
