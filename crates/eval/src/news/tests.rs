use super::*;
use crate::matching::tests::entity;
use crate::test_support::{event_of_type, shared_dir};

fn headline() -> Headline {
    serde_json::from_str(
        r#"{"date": "2019-05-06", "alts": [
            {"event": "SANCTION", "actor": ["NOR"], "recipient": ["ELB", "ACME OIL"]},
            {"event": "ACCUSE", "actor": [], "recipient": ["ELB"]}]}"#,
    )
    .expect("the headline parses")
}

#[test]
fn an_event_meets_the_headline_through_any_alternative() {
    let headline = headline();
    let norland = || vec![entity("Norland", Some("NOR"), Some("GOV"))];
    let acme = vec![entity("the Acme Oil company", None, Some("BUS"))];
    assert!(meets_headline(&event_of_type("SANCTION", norland(), acme, 0.9), &headline));
    assert!(!meets_headline(&event_of_type("SANCTION", norland(), vec![], 0.9), &headline));
    let anyone = vec![entity("officials", None, Some("GOV"))];
    assert!(meets_headline(
        &event_of_type("ACCUSE", anyone, vec![entity("Elbonia", Some("ELB"), None)], 0.9),
        &headline
    ));
    assert!(!meets_headline(
        &event_of_type("CONSULT", norland(), vec![entity("Elbonia", Some("ELB"), None)], 0.9),
        &headline
    ));
}

fn write_small_set(folder: &Path) {
    let gold = r#"{"norland-sanctions": {"date": "2019-05-06", "alts": [{"event": "SANCTION", "actor": ["NOR"], "recipient": ["ELB"]}]}}"#;
    std::fs::write(folder.join("gold.json"), gold).unwrap();
    let documents = [
        (
            "d001.json",
            r#"{"id": "d001", "cluster": "norland-sanctions", "published": "2019-05-07", "title": null, "url": null,
           "text": "The weather in the capital was mild and dry on Tuesday."}"#,
        ),
        (
            "d002.json",
            r#"{"id": "d002", "cluster": "none-cooking-show", "published": null, "title": "Recipes", "url": null,
           "text": "The chef baked bread and served it with butter."}"#,
        ),
    ];
    for (name, text) in documents {
        std::fs::write(folder.join(name), text).unwrap();
    }
}

#[test]
fn a_small_set_is_read_and_graded() {
    let folder = tempfile::tempdir().unwrap();
    write_small_set(folder.path());
    let fallback = PartialDate::day(2020, 1, 1);
    let report = evaluate_news_with(folder.path(), KnowledgeBase::embedded(), VerbDictionary::embedded(), fallback)
        .expect("the set runs");
    assert_eq!(report.outcomes.len(), 2);
    assert_eq!(report.outcomes[0].gold_date, Some(PartialDate::day(2019, 5, 6)));
    assert_eq!(report.outcomes[1].gold_date, None, "none-* clusters have no headline");
    assert_eq!(report.recall(), (0, 1), "a weather report states no sanction");
    assert_eq!(report.non_political_events(), (0, 1));
    let text = report.to_string();
    assert!(text.contains("norland-sanctions") && text.contains("Headline recall: 0/1"), "{text}");
}

#[test]
fn a_document_that_is_not_json_is_named() {
    let folder = tempfile::tempdir().unwrap();
    write_small_set(folder.path());
    std::fs::write(folder.path().join("d003.json"), "{not json").unwrap();
    let error = evaluate_news_with(
        folder.path(),
        KnowledgeBase::embedded(),
        VerbDictionary::embedded(),
        PartialDate::year(2020),
    )
    .unwrap_err();
    assert!(error.to_string().contains("d003.json"), "{error}");
}

#[test]
fn the_shared_set_runs_where_present() {
    let dir = shared_dir().join("eval/news-dev");
    if !dir.join("gold.json").exists() {
        eprintln!("skipping: {} not present", dir.display());
        return;
    }
    let report =
        evaluate_news_with(&dir, KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::day(2026, 1, 1))
            .expect("the shared set runs");
    assert_eq!(report.outcomes.len(), 39);
    assert_eq!(report.non_political_events().1, 3);
    assert_eq!(report.headlines.len(), 11);
}
