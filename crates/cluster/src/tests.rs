//! Story clustering on short passages written for these tests.

#![allow(clippy::too_many_arguments, clippy::cloned_ref_to_slice_refs)]

use super::*;
use dyad_document::{PartialDate, Span};
use dyad_record::{DateSource, Entity, EventRecord, Modality, Place};

fn entity(code: &str, name: Option<&str>) -> Entity {
    Entity {
        text: name.unwrap_or(code).to_string(),
        name: name.map(str::to_string),
        code: Some(code.to_string()),
        sector: Some("GOV".into()),
        span: Span::new(0, 0),
    }
}

struct Report {
    doc_id: &'static str,
    published: Option<PartialDate>,
    body: &'static str,
}

/// An event coded from `sentence`, which must occur in the report's body.
fn event(
    report: &Report,
    id: &str,
    event_type: &str,
    actors: &[Entity],
    recipients: &[Entity],
    date: PartialDate,
    date_source: DateSource,
    sentence: &str,
) -> EventRecord {
    let start = report.body.find(sentence).expect("the sentence is in the body");
    let span = Span::new(start, start + sentence.len());
    assert_eq!(&report.body[span.start..span.end], sentence, "spans slice the body");
    EventRecord {
        id: id.to_string(),
        event: event_type.to_string(),
        mode: None,
        context: vec![],
        cameo: None,
        goldstein: None,
        quad_class: 1,
        actor: actors.to_vec(),
        recipient: recipients.to_vec(),
        date,
        date_source,
        date_text: None,
        modality: Modality::Asserted,
        location: None,
        confidence: 0.8,
        event_text: "met".into(),
        doc_id: report.doc_id.to_string(),
        sentence: 0,
        span,
        story_id: None,
    }
}

fn info(report: &Report) -> DocumentInfo<'_> {
    DocumentInfo {
        doc_id: report.doc_id,
        published: report.published,
        outlet: Some("example.org"),
        body: Some(report.body),
    }
}

fn putin() -> Entity {
    entity("RUS", Some("Vladimir Putin"))
}

fn assad() -> Entity {
    entity("SYR", Some("Bashar al-Assad"))
}

const KREMLIN_WEDNESDAY: Report = Report {
    doc_id: "kremlin-wednesday",
    published: Some(PartialDate { year: 2024, month: Some(7), day: Some(25) }),
    body: "Putin hosts Assad\n\nPutin met Assad in the Kremlin on Wednesday to discuss the war in Syria.",
};

const MOSCOW_JULY_24: Report = Report {
    doc_id: "moscow-july-24",
    published: Some(PartialDate { year: 2024, month: Some(7), day: Some(26) }),
    body: "Russian President Vladimir Putin held talks with Syrian President Bashar al-Assad in the Kremlin on July 24, discussing Syria.",
};

const MARCH_2023: Report = Report {
    doc_id: "kremlin-march-2023",
    published: Some(PartialDate { year: 2023, month: Some(3), day: Some(16) }),
    body: "Putin met Assad in the Kremlin on Wednesday to discuss the war in Syria and reconstruction.",
};

fn wednesday_meeting() -> EventRecord {
    event(
        &KREMLIN_WEDNESDAY,
        "e1",
        "CONSULT",
        &[putin()],
        &[assad()],
        PartialDate::day(2024, 7, 24),
        DateSource::Text,
        "Putin met Assad in the Kremlin on Wednesday to discuss the war in Syria.",
    )
}

#[test]
fn two_reports_of_one_meeting_join_one_story() {
    let mut clusterer = StoryClusterer::new();
    let first = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[wednesday_meeting()]);
    // The second report names the host as the recipient: a meeting matches either way round.
    let second_event = event(
        &MOSCOW_JULY_24,
        "e2",
        "AGREE",
        &[assad()],
        &[putin()],
        PartialDate::day(2024, 7, 24),
        DateSource::Text,
        MOSCOW_JULY_24.body,
    );
    let second = clusterer.add_document(&info(&MOSCOW_JULY_24), &[second_event]);
    assert!(first[0].new_story);
    assert!(!second[0].new_story);
    assert_eq!(first[0].story_id, second[0].story_id);
    let story = clusterer.story(&first[0].story_id).expect("the story exists");
    assert_eq!(story.members.len(), 2);
    assert_eq!(story.sources.len(), 2);
    assert_eq!(story.first_reported, KREMLIN_WEDNESDAY.published);
    assert_eq!(story.last_reported, MOSCOW_JULY_24.published);
    assert_eq!(story.date, Some(PartialDate::day(2024, 7, 24)));
    assert!(story.representative.starts_with("Putin met Assad"));
}

#[test]
fn a_month_precise_date_joins_a_day_precise_story() {
    let mut clusterer = StoryClusterer::new();
    let first = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[wednesday_meeting()]);
    let vague = event(
        &MOSCOW_JULY_24,
        "e2",
        "CONSULT",
        &[putin()],
        &[assad()],
        PartialDate::month(2024, 7),
        DateSource::Text,
        MOSCOW_JULY_24.body,
    );
    let second = clusterer.add_document(&info(&MOSCOW_JULY_24), &[vague]);
    assert_eq!(first[0].story_id, second[0].story_id);
}

#[test]
fn the_same_actors_a_year_apart_are_two_stories() {
    let mut clusterer = StoryClusterer::new();
    let earlier = event(
        &MARCH_2023,
        "e0",
        "CONSULT",
        &[putin()],
        &[assad()],
        PartialDate::day(2023, 3, 15),
        DateSource::Text,
        MARCH_2023.body,
    );
    let first = clusterer.add_document(&info(&MARCH_2023), &[earlier]);
    let second = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[wednesday_meeting()]);
    assert_ne!(first[0].story_id, second[0].story_id);
    assert!(second[0].new_story);
    assert_eq!(clusterer.stories().len(), 2);
}

#[test]
fn a_publication_date_fallback_joins_within_its_window_only() {
    let mut clusterer = StoryClusterer::new();
    let first = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[wednesday_meeting()]);
    let fallback_report = Report { published: Some(PartialDate::day(2024, 7, 25)), ..MOSCOW_JULY_24 };
    let fallback = event(
        &fallback_report,
        "e2",
        "CONSULT",
        &[putin()],
        &[assad()],
        PartialDate::day(2024, 7, 25),
        DateSource::Publication,
        MOSCOW_JULY_24.body,
    );
    let joined = clusterer.add_document(&info(&fallback_report), &[fallback.clone()]);
    assert_eq!(joined[0].story_id, first[0].story_id);
    // The same words published a month later are a different meeting.
    let late_report = Report { doc_id: "late", published: Some(PartialDate::day(2024, 8, 25)), ..MOSCOW_JULY_24 };
    let late = EventRecord { doc_id: "late".into(), id: "e3".into(), date: PartialDate::day(2024, 8, 25), ..fallback };
    let apart = clusterer.add_document(&info(&late_report), &[late]);
    assert_ne!(apart[0].story_id, first[0].story_id);
}

const STRIKE: Report = Report {
    doc_id: "strike",
    published: Some(PartialDate { year: 2024, month: Some(4), day: Some(2) }),
    body: "Israeli aircraft struck the Iranian consulate in Damascus on Monday, killing seven officers.",
};

const RETALIATION: Report = Report {
    doc_id: "retaliation",
    published: Some(PartialDate { year: 2024, month: Some(4), day: Some(14) }),
    body: "Iran struck Israel with drones and missiles on Saturday in retaliation for the Damascus strike.",
};

#[test]
fn an_attack_and_the_retaliation_stay_apart() {
    let israel = entity("ISR", None);
    let iran = entity("IRN", None);
    let mut clusterer = StoryClusterer::new();
    let attack = event(
        &STRIKE,
        "a1",
        "ASSAULT",
        &[israel.clone()],
        &[iran.clone()],
        PartialDate::day(2024, 4, 1),
        DateSource::Text,
        STRIKE.body,
    );
    let reply = event(
        &RETALIATION,
        "a2",
        "ASSAULT",
        &[iran.clone()],
        &[israel.clone()],
        PartialDate::day(2024, 4, 13),
        DateSource::Text,
        RETALIATION.body,
    );
    let first = clusterer.add_document(&info(&STRIKE), &[attack.clone()]);
    let second = clusterer.add_document(&info(&RETALIATION), &[reply.clone()]);
    assert_ne!(first[0].story_id, second[0].story_id);
    // Even undated, swapped roles never join in a directed family.
    let mut clusterer = StoryClusterer::new();
    let undated = |mut record: EventRecord| {
        record.date_source = DateSource::Publication;
        record
    };
    let undated_info = |report: &'static Report| DocumentInfo { published: None, ..info(report) };
    let first = clusterer.add_document(&undated_info(&STRIKE), &[undated(attack)]);
    let second = clusterer.add_document(&undated_info(&RETALIATION), &[undated(reply)]);
    assert_ne!(first[0].story_id, second[0].story_id);
}

const FIRST_CONVOY: Report = Report {
    doc_id: "convoy-1",
    published: Some(PartialDate { year: 2023, month: Some(10), day: Some(21) }),
    body: "Twenty aid trucks crossed the Rafah crossing into Gaza on Saturday, the first convoy since the war began.",
};

const SECOND_CONVOY: Report = Report {
    doc_id: "convoy-2",
    published: Some(PartialDate { year: 2023, month: Some(10), day: Some(22) }),
    body: "A second convoy of aid trucks crossed the Rafah crossing into Gaza on Sunday.",
};

#[test]
fn a_second_convoy_the_next_day_is_its_own_story() {
    let gaza = entity("PSE", Some("Gaza"));
    let mut clusterer = StoryClusterer::new();
    let first = event(
        &FIRST_CONVOY,
        "c1",
        "AID",
        &[],
        &[gaza.clone()],
        PartialDate::day(2023, 10, 21),
        DateSource::Text,
        FIRST_CONVOY.body,
    );
    let second = event(
        &SECOND_CONVOY,
        "c2",
        "AID",
        &[],
        &[gaza],
        PartialDate::day(2023, 10, 22),
        DateSource::Text,
        SECOND_CONVOY.body,
    );
    let first = clusterer.add_document(&info(&FIRST_CONVOY), &[first]);
    let second = clusterer.add_document(&info(&SECOND_CONVOY), &[second]);
    assert_ne!(first[0].story_id, second[0].story_id);
}

#[test]
fn different_families_and_different_countries_stay_apart() {
    let mut clusterer = StoryClusterer::new();
    let meeting = wednesday_meeting();
    let first = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[meeting.clone()]);
    let other_doc = Report { doc_id: "other", ..KREMLIN_WEDNESDAY };
    let attack = EventRecord { id: "x1".into(), doc_id: "other".into(), event: "ASSAULT".into(), ..meeting.clone() };
    let second = clusterer.add_document(&info(&other_doc), &[attack]);
    assert_ne!(first[0].story_id, second[0].story_id);
    let place = |country: &str| Place {
        text: country.into(),
        name: None,
        country: Some(country.into()),
        lat: None,
        lon: None,
        geonameid: None,
        span: Span::new(0, 0),
    };
    let mut clusterer = StoryClusterer::new();
    let in_russia = EventRecord { location: Some(place("RUS")), ..meeting.clone() };
    let in_syria = EventRecord { id: "x2".into(), doc_id: "other".into(), location: Some(place("SYR")), ..meeting };
    let first = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[in_russia]);
    let second = clusterer.add_document(&info(&other_doc), &[in_syria]);
    assert_ne!(first[0].story_id, second[0].story_id);
}

#[test]
fn events_without_any_resolved_role_found_their_own_story() {
    let mut clusterer = StoryClusterer::new();
    let unresolved = EventRecord { actor: vec![], recipient: vec![], ..wednesday_meeting() };
    let other = EventRecord { id: "e9".into(), ..unresolved.clone() };
    let assignments = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[unresolved, other]);
    assert_ne!(assignments[0].story_id, assignments[1].story_id);
}

fn run_all(order: &[&Report]) -> Vec<StoryAssignment> {
    let mut clusterer = StoryClusterer::new();
    let mut assignments = Vec::new();
    for report in order {
        let record = EventRecord {
            id: format!("{}-e", report.doc_id),
            doc_id: report.doc_id.to_string(),
            ..wednesday_meeting()
        };
        let record = EventRecord {
            span: Span::new(0, report.body.len()),
            date: report.published.unwrap_or(record.date),
            ..record
        };
        assignments.extend(clusterer.add_document(&info(report), &[record]));
    }
    assignments
}

#[test]
fn the_same_input_order_gives_the_same_story_ids_and_re_adding_is_idempotent() {
    let order = [&KREMLIN_WEDNESDAY, &MOSCOW_JULY_24, &MARCH_2023];
    let once = run_all(&order);
    let again = run_all(&order);
    assert_eq!(once, again);
    assert!(once.iter().all(|assignment| assignment.story_id.starts_with("story-") && assignment.story_id.len() == 22));
    let mut clusterer = StoryClusterer::new();
    let first = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[wednesday_meeting()]);
    let repeated = clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[wednesday_meeting()]);
    assert_eq!(first[0].story_id, repeated[0].story_id);
    assert_eq!(clusterer.stories()[0].members.len(), 1);
}

#[test]
fn document_clusters_follow_headline_events_and_near_duplicates() {
    let mut clusterer = StoryClusterer::new();
    let mut meeting = wednesday_meeting();
    let mut report = event(
        &MOSCOW_JULY_24,
        "e2",
        "CONSULT",
        &[putin()],
        &[assad()],
        PartialDate::day(2024, 7, 24),
        DateSource::Text,
        MOSCOW_JULY_24.body,
    );
    meeting.story_id = Some(clusterer.add_document(&info(&KREMLIN_WEDNESDAY), &[meeting.clone()])[0].story_id.clone());
    report.story_id = Some(clusterer.add_document(&info(&MOSCOW_JULY_24), &[report.clone()])[0].story_id.clone());
    let doc_ids: Vec<String> = ["kremlin-wednesday", "moscow-july-24", "no-events", "copy"].map(String::from).to_vec();
    let clusters = document_clusters_from_stories(
        &doc_ids,
        &[meeting.clone(), report],
        &[("copy".to_string(), "kremlin-wednesday".to_string())],
    );
    let story = meeting.story_id.clone().expect("assigned");
    assert_eq!(
        clusters,
        [
            ("kremlin-wednesday".to_string(), story.clone()),
            ("moscow-july-24".to_string(), story.clone()),
            ("no-events".to_string(), "alone:no-events".to_string()),
            ("copy".to_string(), story),
        ]
    );
}

#[test]
fn the_headline_is_the_most_confident_leading_event() {
    let lead = EventRecord { id: "lead".into(), sentence: 1, confidence: 0.9, ..wednesday_meeting() };
    let title = EventRecord { id: "title".into(), sentence: 0, confidence: 0.6, ..wednesday_meeting() };
    let later = EventRecord { id: "later".into(), sentence: 4, confidence: 0.99, ..wednesday_meeting() };
    let negated = EventRecord {
        id: "negated".into(),
        sentence: 0,
        confidence: 1.0,
        modality: Modality::Negated,
        ..wednesday_meeting()
    };
    assert_eq!(headline_event(&[&later, &title, &lead, &negated]).map(|event| event.id.as_str()), Some("lead"));
    assert_eq!(headline_event(&[&later]).map(|event| event.id.as_str()), Some("later"));
    assert_eq!(headline_event(&[]), None);
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(doc, cluster)| (doc.to_string(), cluster.to_string())).collect()
}

#[test]
fn bcubed_scores_known_groupings() {
    let gold = pairs(&[("a", "x"), ("b", "x"), ("c", "y"), ("d", "none-1")]);
    let perfect = pairs(&[("a", "1"), ("b", "1"), ("c", "2"), ("d", "3")]);
    let score = bcubed(&gold, &perfect).expect("valid input");
    assert_eq!((score.precision, score.recall, score.f1), (1.0, 1.0, 1.0));
    // All in one cluster: precision (2/4 + 2/4 + 1/4 + 1/4) / 4 = 0.375, recall 1.
    let lumped = pairs(&[("a", "1"), ("b", "1"), ("c", "1"), ("d", "1")]);
    let score = bcubed(&gold, &lumped).expect("valid input");
    assert!((score.precision - 0.375).abs() < 1e-12);
    assert_eq!(score.recall, 1.0);
    assert_eq!(merged_gold_clusters(&gold, &lumped).len(), 1);
    assert_eq!(non_political_not_alone(&gold, &lumped), ["d"]);
    assert!(non_political_not_alone(&gold, &perfect).is_empty());
    // A document missing from the prediction is alone: recall of a and b drops to 1/2.
    let missing = pairs(&[("a", "1"), ("c", "2"), ("d", "3")]);
    let score = bcubed(&gold, &missing).expect("valid input");
    assert!((score.recall - 0.75).abs() < 1e-12);
    let twice = pairs(&[("a", "1"), ("a", "2")]);
    let error = bcubed(&gold, &twice).expect_err("a document listed twice is an error");
    assert!(error.to_string().contains("\"a\""));
}

#[test]
fn url_hosts_are_outlets() {
    assert_eq!(url_host("https://www.example.com/world/a?b=c"), Some("example.com"));
    assert_eq!(url_host("example.org"), Some("example.org"));
    assert_eq!(url_host("https://"), None);
}

#[test]
fn news_dev_gold_clusters_read_when_present() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/news-dev");
    if !dir.is_dir() {
        eprintln!("skipping: {} is absent", dir.display());
        return;
    }
    let gold = read_news_clusters(&dir).expect("news-dev reads");
    assert!(gold.len() >= 30, "{} documents", gold.len());
    assert!(gold.iter().any(|(_, cluster)| cluster.starts_with("none-")));
    let score = bcubed(&gold, &gold).expect("no duplicates");
    assert_eq!(score.f1, 1.0);
}
