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
        title: None,
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
    // Another report in other words: its tuple of another family does not match. (A report in
    // the same words would join whatever its coded type: see the document-level tests.)
    let bombing = Report {
        doc_id: "other",
        published: KREMLIN_WEDNESDAY.published,
        body: "Russian jets bombed rebel-held towns near Idlib overnight, a monitoring group reported.",
    };
    let attack = EventRecord {
        id: "x1".into(),
        doc_id: "other".into(),
        event: "ASSAULT".into(),
        span: Span::new(0, bombing.body.len()),
        ..meeting.clone()
    };
    let second = clusterer.add_document(&info(&bombing), &[attack]);
    assert_ne!(first[0].story_id, second[0].story_id);
    // Places that differ keep two events of one family apart, when the reports read unalike.
    let other_doc = Report {
        doc_id: "other",
        published: KREMLIN_WEDNESDAY.published,
        body: "The two presidents spent Wednesday in Latakia, their aides said.",
    };
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
    let in_syria = EventRecord {
        id: "x2".into(),
        doc_id: "other".into(),
        location: Some(place("SYR")),
        span: Span::new(0, other_doc.body.len()),
        ..meeting
    };
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

// Document-level decisions: reports written for these tests, several sentences long, since
// wording and names are the evidence.

const fn day(year: i16, month: u8, day: u8) -> Option<PartialDate> {
    Some(PartialDate { year, month: Some(month), day: Some(day) })
}

/// The story each report leads with, adding them in order to one clusterer.
fn lead_stories(reports: &[(&Report, Vec<EventRecord>)]) -> Vec<Option<String>> {
    let mut clusterer = StoryClusterer::new();
    reports.iter().map(|(report, events)| clusterer.add_document_story(&info(report), events).story_id).collect()
}

const SUMMIT_WIRE: Report = Report {
    doc_id: "summit-wire",
    published: day(2025, 3, 4),
    body: "Brazilian President Lula and Argentine President Milei met in Brasilia on Tuesday for talks on trade \
        and the Mercosur customs union. The two leaders signed a memorandum on energy cooperation and agreed \
        to reopen border crossings closed since the floods. Lula called the meeting frank and productive.",
};

const SUMMIT_LOCAL: Report = Report {
    doc_id: "summit-local",
    published: day(2025, 3, 5),
    body: "Milei and Lula sign energy memorandum in Brasilia\n\nArgentina's Milei travelled to Brasilia, where \
        he and Lula agreed to reopen the border crossings shut since the floods and signed a memorandum on \
        energy cooperation. Trade within Mercosur dominated the talks, officials said.",
};

fn lula() -> Entity {
    entity("BRA", Some("Luiz Inacio Lula da Silva"))
}

fn milei() -> Entity {
    entity("ARG", Some("Javier Milei"))
}

#[test]
fn a_miscoded_report_joins_its_story_by_wording_and_names() {
    let meeting = event(
        &SUMMIT_WIRE,
        "m1",
        "CONSULT",
        &[lula()],
        &[milei()],
        PartialDate::day(2025, 3, 4),
        DateSource::Text,
        "Brazilian President Lula and Argentine President Milei met in Brasilia",
    );
    // The coder missed the recipient and took "reopen" for a concession: another family.
    let miscoded = event(
        &SUMMIT_LOCAL,
        "m2",
        "CONCEDE",
        &[milei()],
        &[],
        PartialDate::day(2025, 3, 5),
        DateSource::Publication,
        "Milei and Lula sign energy memorandum in Brasilia",
    );
    let mut clusterer = StoryClusterer::new();
    let first = clusterer.add_document_story(&info(&SUMMIT_WIRE), &[meeting]);
    let second = clusterer.add_document_story(&info(&SUMMIT_LOCAL), &[miscoded]);
    assert!(first.new_story);
    assert!(!second.new_story, "joined with score {}", second.similarity);
    assert_eq!(first.story_id, second.story_id);
    // The headline event itself is a member of the document's story.
    assert_eq!(Some(&second.events[0].story_id), second.story_id.as_ref());
    let story = clusterer.story(first.story_id.as_deref().expect("a story")).expect("the story exists");
    assert_eq!(story.leading_documents, ["summit-wire", "summit-local"]);
    assert_eq!(story.sources.len(), 2);
}

const MEETING_2023: Report = Report {
    doc_id: "meeting-2023",
    published: day(2023, 3, 16),
    body: "Lula and Milei met in Brasilia on Wednesday for talks on trade and the Mercosur customs union, \
        and signed a memorandum on energy cooperation. Lula called the meeting frank and productive.",
};

const MEETING_2024: Report = Report {
    doc_id: "meeting-2024",
    published: day(2024, 7, 25),
    body: "Lula and Milei met in Brasilia on Wednesday for talks on trade and the Mercosur customs union, \
        and signed a memorandum on energy cooperation. Milei called the meeting frank and productive.",
};

#[test]
fn the_same_actors_on_another_date_stay_apart_however_alike_the_wording() {
    let meeting = |report: &Report, id: &str, date: PartialDate| {
        event(report, id, "CONSULT", &[lula()], &[milei()], date, DateSource::Text, report.body)
    };
    let stories = lead_stories(&[
        (&MEETING_2023, vec![meeting(&MEETING_2023, "a", PartialDate::day(2023, 3, 15))]),
        (&MEETING_2024, vec![meeting(&MEETING_2024, "b", PartialDate::day(2024, 7, 24))]),
    ]);
    assert_ne!(stories[0], stories[1]);
    // Without publication dates the stated dates alone keep them apart, even when the coder
    // miscodes the second one's type.
    let undated_2023 = Report { published: None, ..MEETING_2023 };
    let undated_2024 = Report { published: None, ..MEETING_2024 };
    let mut later = meeting(&undated_2024, "b", PartialDate::month(2024, 7));
    later.event = "COOPERATE".into();
    later.date_text = Some("July 2024".into());
    let mut earlier = meeting(&undated_2023, "a", PartialDate::month(2023, 3));
    earlier.date_text = Some("March 2023".into());
    let stories = lead_stories(&[(&undated_2023, vec![earlier]), (&undated_2024, vec![later])]);
    assert_ne!(stories[0], stories[1]);
    // Two meetings four days apart, reported in the same words within the same week.
    let saturday_report = Report { doc_id: "saturday", published: day(2024, 7, 21), ..MEETING_2024 };
    let wednesday_report = Report { doc_id: "wednesday", published: day(2024, 7, 25), ..MEETING_2024 };
    let stories = lead_stories(&[
        (&saturday_report, vec![meeting(&saturday_report, "c", PartialDate::day(2024, 7, 20))]),
        (&wednesday_report, vec![meeting(&wednesday_report, "d", PartialDate::day(2024, 7, 24))]),
    ]);
    assert_ne!(stories[0], stories[1]);
}

const BORDER_RAID: Report = Report {
    doc_id: "raid",
    published: day(2025, 6, 2),
    body: "Venezuelan troops raided a Guyanese border post on the Cuyuni river on Sunday, killing two soldiers, \
        Guyana's defence force said. The attack near the disputed Essequibo region drew condemnation from \
        Brazil and Caricom, which called for restraint on both sides of the river.",
};

const BORDER_REPLY: Report = Report {
    doc_id: "reply",
    published: day(2025, 6, 3),
    body: "Guyanese troops struck a Venezuelan border post on the Cuyuni river, killing two soldiers, \
        Venezuela's army said. The attack near the disputed Essequibo region drew condemnation from \
        Brazil and Caricom, which called for restraint on both sides of the river.",
};

#[test]
fn an_attack_and_the_retaliation_stay_apart_at_document_level() {
    let venezuela = entity("VEN", None);
    let guyana = entity("GUY", None);
    // Both reports fall back to their publication dates, so no stated date tells them apart.
    let raid = event(
        &BORDER_RAID,
        "r1",
        "ASSAULT",
        &[venezuela.clone()],
        &[guyana.clone()],
        PartialDate::day(2025, 6, 2),
        DateSource::Publication,
        "Venezuelan troops raided a Guyanese border post",
    );
    let reply = event(
        &BORDER_REPLY,
        "r2",
        "ASSAULT",
        &[guyana],
        &[venezuela],
        PartialDate::day(2025, 6, 3),
        DateSource::Publication,
        "Guyanese troops struck a Venezuelan border post",
    );
    let stories = lead_stories(&[(&BORDER_RAID, vec![raid.clone()]), (&BORDER_REPLY, vec![reply])]);
    assert_ne!(stories[0], stories[1]);
    // A second report of the raid itself, in other words, does join.
    let retold = Report { doc_id: "raid-retold", ..BORDER_REPLY };
    let same_raid = EventRecord { id: "r3".into(), doc_id: "raid-retold".into(), ..raid.clone() };
    let stories = lead_stories(&[(&BORDER_RAID, vec![raid]), (&retold, vec![same_raid])]);
    assert_eq!(stories[0], stories[1]);
}

const CONVOY_SATURDAY: Report = Report {
    doc_id: "convoy-saturday",
    published: day(2025, 2, 8),
    body: "Thirty trucks carrying food and medicine crossed from Chad into Darfur at the Adre crossing, \
        the World Food Programme said. The convoy reached El Geneina after the crossing reopened.",
};

const CONVOY_SUNDAY: Report = Report {
    doc_id: "convoy-sunday",
    published: day(2025, 2, 9),
    body: "A second convoy of trucks carrying food and medicine crossed from Chad into Darfur at the Adre \
        crossing, the World Food Programme said. The convoy reached El Geneina after the crossing reopened.",
};

const CONVOY_RETOLD: Report = Report {
    doc_id: "convoy-retold",
    published: day(2025, 2, 9),
    body: "Food and medicine reached Darfur as thirty trucks crossed from Chad at the Adre crossing, the \
        World Food Programme said. The convoy reached El Geneina once the crossing reopened.",
};

#[test]
fn a_second_convoy_the_next_day_stays_apart_at_document_level() {
    let wfp = entity("UNO", Some("World Food Programme"));
    let sudan = entity("SDN", Some("Darfur"));
    let convoy = |report: &Report, id: &str| {
        let date = report.published.expect("dated");
        event(report, id, "AID", &[wfp.clone()], &[sudan.clone()], date, DateSource::Publication, report.body)
    };
    // Publication-date fallbacks overlap, so the lead's "second convoy" is what tells them apart.
    let stories = lead_stories(&[
        (&CONVOY_SATURDAY, vec![convoy(&CONVOY_SATURDAY, "c1")]),
        (&CONVOY_SUNDAY, vec![convoy(&CONVOY_SUNDAY, "c2")]),
        (&CONVOY_RETOLD, vec![convoy(&CONVOY_RETOLD, "c3")]),
    ]);
    assert_ne!(stories[0], stories[1]);
    assert_eq!(stories[0], stories[2], "another report of the first convoy joins it");
    // Without the ordinal, stated days one day apart keep two convoys apart too.
    let sunday_plain = Report { doc_id: "convoy-sunday-plain", published: day(2025, 2, 10), body: CONVOY_RETOLD.body };
    let mut saturday = convoy(&CONVOY_SATURDAY, "d1");
    saturday.date_source = DateSource::Text;
    let mut sunday = convoy(&sunday_plain, "d2");
    sunday.date = PartialDate::day(2025, 2, 9);
    sunday.date_source = DateSource::Text;
    let stories = lead_stories(&[(&CONVOY_SATURDAY, vec![saturday]), (&sunday_plain, vec![sunday])]);
    assert_ne!(stories[0], stories[1]);
}

#[test]
fn a_document_without_events_founds_nothing_and_joins_only_its_own_story() {
    let mut clusterer = StoryClusterer::new();
    let first = clusterer.add_document_story(
        &info(&SUMMIT_WIRE),
        &[event(
            &SUMMIT_WIRE,
            "m1",
            "CONSULT",
            &[lula()],
            &[milei()],
            PartialDate::day(2025, 3, 4),
            DateSource::Text,
            SUMMIT_WIRE.body,
        )],
    );
    assert!(first.story_id.is_some());
    // A report without any coded event founds nothing: a different piece stays alone.
    let unrelated =
        Report { doc_id: "weather", body: "Heavy rain flooded streets in Lisbon on Tuesday.", ..SUMMIT_WIRE };
    let alone = clusterer.add_document_story(&info(&unrelated), &[]);
    assert_eq!(alone.story_id, None);
    assert!(alone.events.is_empty());
    assert_eq!(clusterer.stories().len(), 1);
    // The same wording without events (one the coder found nothing in) joins the story.
    let copy = Report { doc_id: "copy", ..SUMMIT_WIRE };
    let joined = clusterer.add_document_story(&info(&copy), &[]);
    assert_eq!(joined.story_id, first.story_id);
    assert_eq!(clusterer.stories().len(), 1);
    assert_eq!(clusterer.stories()[0].leading_documents, ["summit-wire", "copy"]);
    // Re-adding returns the earlier decisions.
    assert_eq!(clusterer.add_document_story(&info(&copy), &[]).story_id, first.story_id);
    assert_eq!(clusterer.add_document_story(&info(&unrelated), &[]).story_id, None);
}

const CEASEFIRE: Report = Report {
    doc_id: "ceasefire",
    published: day(2025, 5, 11),
    body: "Colombia's government and the ELN agreed a ceasefire in Havana on Saturday, ending weeks of \
        clashes in Catatumbo. The fighting began on April 2 when ELN fighters attacked army posts.",
};

const CEASEFIRE_AGAIN: Report = Report {
    doc_id: "ceasefire-again",
    published: day(2025, 5, 12),
    body: "The ELN and Colombia's government agreed in Havana to a ceasefire, ending the clashes in \
        Catatumbo that began in early April with attacks on army posts.",
};

#[test]
fn a_background_event_does_not_lead_and_does_not_date_the_story() {
    let colombia = entity("COL", None);
    let eln = entity("COLREB", Some("ELN"));
    // The coder's most confident event is the April attack, five weeks before publication.
    let background = EventRecord {
        confidence: 0.95,
        ..event(
            &CEASEFIRE,
            "b1",
            "ASSAULT",
            &[eln.clone()],
            &[colombia.clone()],
            PartialDate::day(2025, 4, 2),
            DateSource::Text,
            "The fighting began on April 2 when ELN fighters attacked army posts.",
        )
    };
    let agreement = event(
        &CEASEFIRE,
        "b2",
        "AGREE",
        &[colombia.clone()],
        &[eln.clone()],
        PartialDate::day(2025, 5, 10),
        DateSource::Text,
        "Colombia's government and the ELN agreed a ceasefire in Havana on Saturday",
    );
    let again = event(
        &CEASEFIRE_AGAIN,
        "b3",
        "AGREE",
        &[eln],
        &[colombia],
        PartialDate::day(2025, 5, 12),
        DateSource::Publication,
        CEASEFIRE_AGAIN.body,
    );
    let mut clusterer = StoryClusterer::new();
    let first = clusterer.add_document_story(&info(&CEASEFIRE), &[background, agreement]);
    assert_eq!(first.story_id.as_ref(), Some(&first.events[1].story_id), "the ceasefire leads");
    let second = clusterer.add_document_story(&info(&CEASEFIRE_AGAIN), &[again]);
    assert_eq!(first.story_id, second.story_id);
}

#[test]
fn undated_reports_find_their_story_through_shared_names() {
    let undated_wire = Report { published: None, ..SUMMIT_WIRE };
    let undated_local = Report { published: None, ..SUMMIT_LOCAL };
    let meeting = event(
        &undated_wire,
        "u1",
        "CONSULT",
        &[lula()],
        &[milei()],
        PartialDate::day(2025, 3, 4),
        DateSource::Publication,
        SUMMIT_WIRE.body,
    );
    // The coder found only a side event with an unresolved actor in the second report.
    let side = event(
        &undated_local,
        "u2",
        "SUPPORT",
        &[Entity { code: None, name: None, ..entity("X", None) }],
        &[milei()],
        PartialDate::day(2025, 3, 4),
        DateSource::Publication,
        "Trade within Mercosur dominated the talks, officials said.",
    );
    let stories = lead_stories(&[(&undated_wire, vec![meeting]), (&undated_local, vec![side])]);
    assert_eq!(stories[0], stories[1]);
}

const CONVOY_WIRE: Report = Report {
    doc_id: "convoy-wire",
    published: Some(PartialDate { year: 2023, month: Some(10), day: Some(21) }),
    body: "Egypt opened the Rafah crossing on Saturday and twenty aid trucks entered Gaza, the Egyptian Red \
           Crescent said. The convoy carried food, water and medicine for Gaza hospitals.",
};

const CONVOY_NOUNS: Report = Report {
    doc_id: "convoy-nouns",
    published: Some(PartialDate { year: 2023, month: Some(10), day: Some(21) }),
    body: "The first of twenty aid trucks entered Gaza through the Rafah crossing on Saturday. The convoy of \
           the Egyptian Red Crescent carried food, water and medicine for Gaza hospitals.",
};

const ELECTION_NOUNS: Report = Report {
    doc_id: "election-nouns",
    published: Some(PartialDate { year: 2023, month: Some(10), day: Some(21) }),
    body: "Turnout in the Polish election reached a record on Sunday, with long queues at polling stations \
           in Warsaw and Krakow.",
};

#[test]
fn a_report_without_events_joins_the_story_its_words_tell_and_no_other() {
    let egypt = entity("EGY", Some("Egypt"));
    let gaza = entity("PSE", Some("Gaza"));
    let mut clusterer = StoryClusterer::new();
    let opening = event(
        &CONVOY_WIRE,
        "w1",
        "CONCEDE",
        &[egypt],
        &[gaza],
        PartialDate::day(2023, 10, 21),
        DateSource::Text,
        "Egypt opened the Rafah crossing on Saturday and twenty aid trucks entered Gaza, the Egyptian Red Crescent said.",
    );
    let story = clusterer.add_document_story(&info(&CONVOY_WIRE), &[opening]).story_id;
    assert!(story.is_some());
    let told_in_nouns = clusterer.add_document_story(&info(&CONVOY_NOUNS), &[]);
    assert_eq!(told_in_nouns.story_id, story, "the same convoy told in nouns joins its story");
    assert!(told_in_nouns.events.is_empty());
    let unrelated = clusterer.add_document_story(&info(&ELECTION_NOUNS), &[]);
    assert_eq!(unrelated.story_id, None, "a report without events never founds a story");
}
