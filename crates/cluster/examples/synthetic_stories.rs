//! Clusters synthetic events and prints how long it took and how well stories were recovered.
//!
//! Run in release and measure peak memory with:
//!   /usr/bin/time -v cargo run --release -p dyad-cluster --example synthetic_stories -- 100000
//!
//! The generator (a fixed-seed SplitMix64, so every run is identical) draws real events:
//! 400 actors (a few much more active), a PLOVER type, a day within one year and a story
//! size from a heavy-tailed distribution between 1 and 300 reports. Each report is one
//! document with the story's event plus, half the time, an unrelated background event;
//! reports paraphrase the story's sentence (shared key words, some words of their own),
//! 70% state the day, 15% the month, 15% fall back to a publication date 0–2 days later.
//! The coder is imperfect, as the real one is: 20% of story events lose their recipient,
//! 10% get a random type (often of another family), and in 10% of reports the background
//! event is coded with higher confidence, so it looks like the headline.
//! Documents arrive in publication order, as a feed would deliver them.
//!
//! Two scores are printed: the story event's own story, and the story each document leads
//! with ([`StoryClusterer::add_document_story`]), both as B-cubed over documents.

use dyad_cluster::{DocumentInfo, StoryClusterer, bcubed};

/// Shares of reports whose coding goes wrong, in the ways described above.
const MISSED_RECIPIENT: f64 = 0.2;
const WRONG_TYPE: f64 = 0.1;
const BACKGROUND_LEADS: f64 = 0.1;
use dyad_document::{PartialDate, Span};
use dyad_record::{DateSource, Entity, EventRecord, Modality};
use std::time::Instant;

const TYPES: &[&str] = &[
    "CONSULT",
    "AGREE",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "ACCUSE",
    "REJECT",
    "REQUEST",
    "THREATEN",
    "SANCTION",
    "MOBILIZE",
    "PROTEST",
    "COERCE",
    "ASSAULT",
];
const ACTORS: usize = 400;
const VOCABULARY: usize = 5_000;

struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// An actor index: a Zipf-like skew so a few countries act in many events.
    fn actor(&mut self) -> usize {
        ((self.unit().powf(2.5)) * ACTORS as f64) as usize
    }
    /// 1–300 reports, heavy-tailed: most stories have a handful, a few have hundreds.
    fn story_size(&mut self) -> usize {
        let size = 1.0 / (1.0 - self.unit() * 0.997).powf(1.3);
        (size as usize).clamp(1, 300)
    }
}

struct SyntheticEvent {
    story: usize,
    event_type: &'static str,
    actor: usize,
    recipient: usize,
    day_of_year: u32,
    key_words: Vec<usize>,
}

fn date_of(day_of_year: u32) -> PartialDate {
    let mut day = day_of_year;
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (month, length) in lengths.iter().enumerate() {
        if day < *length {
            return PartialDate::day(2024, month as u8 + 1, day as u8 + 1);
        }
        day -= length;
    }
    PartialDate::day(2024, 12, 31)
}

fn entity(index: usize) -> Entity {
    Entity {
        text: format!("Actor{index}"),
        name: None,
        code: Some(format!("A{index:03}")),
        sector: None,
        span: Span::new(0, 0),
    }
}

fn sentence(random: &mut Random, key_words: &[usize]) -> String {
    let mut words: Vec<String> =
        key_words.iter().filter(|_| random.unit() < 0.8).map(|word| format!("w{word}")).collect();
    words.extend((0..4).map(|_| format!("w{}", random.below(VOCABULARY))));
    words.join(" ")
}

struct Report {
    doc_id: String,
    published_day: u32,
    body: String,
    events: Vec<EventRecord>,
    gold_story: usize,
}

fn record(
    random: &mut Random,
    event: &SyntheticEvent,
    doc_id: &str,
    published_day: u32,
    body: &mut String,
    index: usize,
) -> EventRecord {
    let text = sentence(random, &event.key_words);
    let start = body.len();
    body.push_str(&text);
    body.push_str(". ");
    let roll = random.unit();
    let (date, date_source) = if roll < 0.7 {
        (date_of(event.day_of_year), DateSource::Text)
    } else if roll < 0.85 {
        let day = date_of(event.day_of_year);
        (PartialDate::month(day.year, day.month.unwrap_or(1)), DateSource::Text)
    } else {
        (date_of(published_day), DateSource::Publication)
    };
    EventRecord {
        id: format!("{doc_id}-e{index}"),
        event: event.event_type.to_string(),
        mode: None,
        context: vec![],
        cameo: None,
        goldstein: None,
        quad_class: 1,
        actor: vec![entity(event.actor)],
        recipient: vec![entity(event.recipient)],
        date,
        date_source,
        date_text: None,
        modality: Modality::Asserted,
        location: None,
        confidence: 0.8,
        event_text: "acted".into(),
        doc_id: doc_id.to_string(),
        sentence: index,
        span: Span::new(start, start + text.len()),
        story_id: None,
    }
}

fn random_event(random: &mut Random, story: usize) -> SyntheticEvent {
    let actor = random.actor();
    let mut recipient = random.actor();
    if recipient == actor {
        recipient = (actor + 1) % ACTORS;
    }
    SyntheticEvent {
        story,
        event_type: TYPES[random.below(TYPES.len())],
        actor,
        recipient,
        day_of_year: random.below(360) as u32,
        key_words: (0..6).map(|_| random.below(VOCABULARY)).collect(),
    }
}

fn generate(target_events: usize) -> Vec<Report> {
    let mut random = Random(20_240_724);
    let mut reports = Vec::new();
    let mut events = 0;
    let mut story = 0;
    while events < target_events {
        let event = random_event(&mut random, story);
        for _ in 0..random.story_size() {
            if events >= target_events {
                break;
            }
            let doc_id = format!("doc{}", reports.len());
            let published_day = event.day_of_year + random.below(3) as u32;
            let mut body = String::new();
            let mut records = vec![record(&mut random, &event, &doc_id, published_day, &mut body, 0)];
            events += 1;
            if random.unit() < MISSED_RECIPIENT {
                records[0].recipient.clear();
            }
            if random.unit() < WRONG_TYPE {
                records[0].event = TYPES[random.below(TYPES.len())].to_string();
            }
            if random.unit() < 0.5 && events < target_events {
                // A background event: another story of its own, reported once.
                let background = random_event(&mut random, usize::MAX);
                records.push(record(&mut random, &background, &doc_id, published_day, &mut body, 1));
                if random.unit() < BACKGROUND_LEADS {
                    records[1].confidence = 0.9;
                }
                events += 1;
            }
            reports.push(Report { doc_id, published_day, body, events: records, gold_story: event.story });
        }
        story += 1;
    }
    reports.sort_by_key(|report| report.published_day);
    reports
}

fn main() {
    let target_events: usize = std::env::args().nth(1).and_then(|count| count.parse().ok()).unwrap_or(100_000);
    let generation_start = Instant::now();
    let reports = generate(target_events);
    let event_count: usize = reports.iter().map(|report| report.events.len()).sum();
    let generated_in = generation_start.elapsed();

    let start = Instant::now();
    let mut clusterer = StoryClusterer::new();
    let mut predicted = Vec::new();
    let mut predicted_documents = Vec::new();
    let mut gold = Vec::new();
    for report in &reports {
        let info = DocumentInfo {
            doc_id: &report.doc_id,
            title: None,
            published: Some(date_of(report.published_day)),
            outlet: None,
            body: Some(&report.body),
        };
        let assignment = clusterer.add_document_story(&info, &report.events);
        // The story event is the report's first event.
        predicted.push((report.doc_id.clone(), assignment.events[0].story_id.clone()));
        let lead = assignment.story_id.unwrap_or_else(|| format!("alone:{}", report.doc_id));
        predicted_documents.push((report.doc_id.clone(), lead));
        gold.push((report.doc_id.clone(), report.gold_story.to_string()));
    }
    let elapsed = start.elapsed();
    let score = bcubed(&gold, &predicted).expect("document ids are unique");
    let document_score = bcubed(&gold, &predicted_documents).expect("document ids are unique");
    println!(
        "{event_count} events in {} documents (generated in {:.2}s)\nclustered in {:.2}s ({:.0} events/s) into {} stories\n\
         story-event B-cubed over documents: precision {:.3} recall {:.3} F1 {:.3}\n\
         leading-story B-cubed over documents: precision {:.3} recall {:.3} F1 {:.3}",
        reports.len(),
        generated_in.as_secs_f64(),
        elapsed.as_secs_f64(),
        event_count as f64 / elapsed.as_secs_f64(),
        clusterer.stories().len(),
        score.precision,
        score.recall,
        score.f1,
        document_score.precision,
        document_score.recall,
        document_score.f1
    );
}
