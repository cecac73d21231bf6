//! The table of sentences the scanner must read: every pattern the crate promises, each with
//! its anchor and tense, and the false positives it must leave alone. Sentences are written
//! for this table, news-style; none is copied from a corpus.

use crate::{ExpressionKind, Tense, TimeExpression, find_time_expressions, find_time_expressions_unanchored};
use dyad_document::{PartialDate, Span};
use std::time::Instant;

use Tense::{Future, Past, Present};

/// Thursday 25 July 2024, the anchor most cases use.
const THURSDAY: &str = "2024-07-25";

/// (sentence, anchor, tense, expected (span text, value) pairs in order). A value of
/// "event" means an event-relative expression with no value.
type Case = (&'static str, &'static str, Tense, &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    // Weekdays.
    ("Israeli jets struck the camp late Wednesday, medics said.", THURSDAY, Past, &[("late Wednesday", "2024-07-24")]),
    ("The two leaders met on Thursday in Ankara.", THURSDAY, Past, &[("Thursday", "2024-07-25")]),
    ("Protesters gathered outside the embassy on Monday.", THURSDAY, Past, &[("Monday", "2024-07-22")]),
    ("The ministers will meet on Monday.", THURSDAY, Future, &[("Monday", "2024-07-29")]),
    ("The summit will open on Thursday.", THURSDAY, Future, &[("Thursday", "2024-07-25")]),
    ("Rebels shelled the town last Thursday.", THURSDAY, Past, &[("last Thursday", "2024-07-18")]),
    ("Talks will resume next Tuesday in Geneva.", THURSDAY, Future, &[("next Tuesday", "2024-07-30")]),
    ("Clashes erupted early on Sunday near the border.", THURSDAY, Past, &[("early on Sunday", "2024-07-21")]),
    ("Gunmen attacked a checkpoint Tuesday night.", THURSDAY, Past, &[("Tuesday night", "2024-07-23")]),
    ("Sunday's vote was marred by violence.", THURSDAY, Past, &[("Sunday", "2024-07-21")]),
    ("The truce took effect on Wednesday, July 17.", THURSDAY, Past, &[("Wednesday, July 17", "2024-07-17")]),
    ("Negotiators meet in Doha on Friday.", THURSDAY, Present, &[("Friday", "2024-07-19")]),
    (
        "Kyiv\u{2019}s forces retreated on Wednesday \u{2013} officials said.",
        THURSDAY,
        Past,
        &[("Wednesday", "2024-07-24")],
    ),
    // Day words.
    ("The army said today that it had withdrawn.", THURSDAY, Past, &[("today", "2024-07-25")]),
    ("Police dispersed the crowd yesterday.", THURSDAY, Past, &[("yesterday", "2024-07-24")]),
    ("The president will travel to Paris tomorrow.", THURSDAY, Future, &[("tomorrow", "2024-07-26")]),
    ("Explosions were heard last night in Kharkiv.", THURSDAY, Past, &[("last night", "2024-07-24")]),
    ("Officials had met the day before.", THURSDAY, Past, &[("the day before", "2024-07-24")]),
    ("Parliament voted this morning to extend the mandate.", THURSDAY, Past, &[("this morning", "2024-07-25")]),
    ("A curfew will be imposed tonight.", THURSDAY, Future, &[("tonight", "2024-07-25")]),
    ("Yesterday afternoon troops entered the village.", THURSDAY, Past, &[("Yesterday afternoon", "2024-07-24")]),
    ("The envoy arrived the day before yesterday.", THURSDAY, Past, &[("the day before yesterday", "2024-07-23")]),
    // Weeks, months and years counted from the anchor.
    ("Fighting intensified last week.", THURSDAY, Past, &[("last week", "2024-07-15/2024-07-21")]),
    ("Strikes continued this week.", THURSDAY, Past, &[("this week", "2024-07-22/2024-07-25")]),
    ("The vote will take place next week.", THURSDAY, Future, &[("next week", "2024-07-29/2024-08-04")]),
    ("Militants attacked a base over the weekend.", THURSDAY, Past, &[("the weekend", "2024-07-20/2024-07-21")]),
    ("Turkey deployed troops earlier this month.", THURSDAY, Past, &[("earlier this month", "2024-07")]),
    ("Prices rose sharply last month.", THURSDAY, Past, &[("last month", "2024-06")]),
    ("Elections were held this year.", THURSDAY, Past, &[("this year", "2024")]),
    ("The group was banned last year.", THURSDAY, Past, &[("last year", "2023")]),
    ("The group was banned late last year.", THURSDAY, Past, &[("late last year", "2023")]),
    ("Elections are due next year.", THURSDAY, Future, &[("next year", "2025")]),
    ("The mine was seized in March of last year.", THURSDAY, Past, &[("March of last year", "2023-03")]),
    ("The mine was seized in March last year.", THURSDAY, Past, &[("March last year", "2023-03")]),
    ("The offensive began last March.", THURSDAY, Past, &[("last March", "2023-03")]),
    ("The talks collapsed in March.", THURSDAY, Past, &[("March", "2024-03")]),
    ("The talks collapsed in March.", "2024-02-10", Past, &[("March", "2023-03")]),
    ("The talks will resume in March.", THURSDAY, Future, &[("March", "2025-03")]),
    ("Voting will take place next March.", THURSDAY, Future, &[("next March", "2025-03")]),
    ("The siege was lifted in early March.", THURSDAY, Past, &[("early March", "2024-03")]),
    ("Theresa May met Macron in May.", THURSDAY, Past, &[("May", "2024-05")]),
    ("The regime fell two years ago.", THURSDAY, Past, &[("two years ago", "2022")]),
    ("Three days ago a drone hit the depot.", THURSDAY, Past, &[("Three days ago", "2024-07-22")]),
    ("The dam was built a decade ago.", THURSDAY, Past, &[("a decade ago", "2014")]),
    ("The border was closed six months ago.", THURSDAY, Past, &[("six months ago", "2024-01")]),
    ("The port reopened a week ago.", THURSDAY, Past, &[("a week ago", "2024-07-18")]),
    ("Sirens sounded 2 hours ago.", THURSDAY, Past, &[("2 hours ago", "2024-07-25")]),
    ("Insurgents controlled the region in the 1990s.", THURSDAY, Past, &[("the 1990s", "1990/1999")]),
    ("The economy boomed in the early 2000s.", THURSDAY, Past, &[("the early 2000s", "2000/2003")]),
    // Absolute dates.
    ("The group was founded in 2015.", THURSDAY, Past, &[("2015", "2015")]),
    ("Syria has been at war since 2011.", THURSDAY, Past, &[("since 2011", "2011/..")]),
    ("Turkey has held the area since March 2018.", THURSDAY, Past, &[("since March 2018", "2018-03/..")]),
    ("The ban has applied since last year.", THURSDAY, Past, &[("since last year", "2023/..")]),
    (
        "Between 2011 and 2013 the city changed hands four times.",
        THURSDAY,
        Past,
        &[("Between 2011 and 2013", "2011/2013")],
    ),
    ("Prices tripled from 2011 to 2013.", THURSDAY, Past, &[("from 2011 to 2013", "2011/2013")]),
    ("Fighting raged from March to May 2024.", THURSDAY, Past, &[("from March to May 2024", "2024-03/2024-05")]),
    ("Fighting raged from November to February.", THURSDAY, Past, &[("from November to February", "2023-11/2024-02")]),
    ("Talks were held from 3 to 5 January.", THURSDAY, Past, &[("from 3 to 5 January", "2024-01-03/2024-01-05")]),
    (
        "Strikes hit the city from Monday to Wednesday.",
        THURSDAY,
        Past,
        &[("from Monday to Wednesday", "2024-07-22/2024-07-24")],
    ),
    ("The agreement was signed on 3 January.", THURSDAY, Past, &[("3 January", "2024-01-03")]),
    ("The treaty was signed on 3 January 2024.", THURSDAY, Past, &[("3 January 2024", "2024-01-03")]),
    ("The treaty was signed on the 3rd of January 2024.", THURSDAY, Past, &[("3rd of January 2024", "2024-01-03")]),
    ("Troops withdrew on January 3.", THURSDAY, Past, &[("January 3", "2024-01-03")]),
    ("The protests began Jan. 3.", THURSDAY, Past, &[("Jan. 3", "2024-01-03")]),
    ("The attacks of Sept. 11, 2001 changed US policy.", THURSDAY, Past, &[("Sept. 11, 2001", "2001-09-11")]),
    ("Inflation peaked in July 2024.", THURSDAY, Past, &[("July 2024", "2024-07")]),
    ("The strike occurred on 2024-07-24.", THURSDAY, Past, &[("2024-07-24", "2024-07-24")]),
    ("The decree was dated 24/07/2024.", THURSDAY, Past, &[("24/07/2024", "2024-07-24")]),
    ("The decree was dated 07/24/2024.", THURSDAY, Past, &[("07/24/2024", "2024-07-24")]),
    ("Troops withdrew on August 3.", THURSDAY, Past, &[("August 3", "2023-08-03")]),
    ("Elections will be held on August 3.", THURSDAY, Future, &[("August 3", "2024-08-03")]),
    ("The amnesty lapsed on July 25.", THURSDAY, Past, &[("July 25", "2024-07-25")]),
    ("It was what Erdogan in 2019 dubbed a safe zone.", THURSDAY, Past, &[("2019", "2019")]),
    ("The war ended in mid-2015.", THURSDAY, Past, &[("mid-2015", "2015")]),
    ("Refugees arrived in the summer of 2015.", THURSDAY, Past, &[("the summer of 2015", "2015")]),
    ("Raids took place in 2015 and 2016.", THURSDAY, Past, &[("2015", "2015"), ("2016", "2016")]),
    ("The sanctions, imposed in 2012-2013, were lifted.", THURSDAY, Past, &[("2012-2013", "2012/2013")]),
    ("Output fell in 2010-11.", THURSDAY, Past, &[("2010-11", "2010/2011")]),
    ("The October 7 attack shocked Israel.", THURSDAY, Past, &[("October 7", "2023-10-07")]),
    ("The law passed on July 1st, 2024.", THURSDAY, Past, &[("July 1st, 2024", "2024-07-01")]),
    // Expressions counted from another event: kept, with no value.
    (
        "Two days after the election, protesters stormed parliament.",
        THURSDAY,
        Past,
        &[("Two days after the election", "event")],
    ),
    ("Three years later the regime collapsed.", THURSDAY, Past, &[("Three years later", "event")]),
    ("The day after the vote, troops deployed.", THURSDAY, Past, &[("The day after the vote", "event")]),
    (
        "Hours after the ceasefire took effect, shelling resumed.",
        THURSDAY,
        Past,
        &[("Hours after the ceasefire", "event")],
    ),
    ("The following week, the army withdrew.", THURSDAY, Past, &[("The following week", "event")]),
    (
        "Riots broke out two days after the vote on Sunday.",
        THURSDAY,
        Past,
        &[("two days after the vote", "event"), ("Sunday", "2024-07-21")],
    ),
    ("He had resigned the previous year.", THURSDAY, Past, &[("the previous year", "event")]),
    ("Rebels retook the town a day later.", THURSDAY, Past, &[("a day later", "event")]),
    // Past tense: nothing after the anchor.
    ("Russia said it would hold talks next week.", THURSDAY, Past, &[]),
    ("Officials said the vote would take place tomorrow.", THURSDAY, Past, &[]),
    ("The ministers agreed to meet in December.", THURSDAY, Past, &[("December", "2023-12")]),
    // An anchor without a day: resolve what it supports, skip the rest.
    ("Police dispersed the crowd yesterday.", "2024-07", Past, &[]),
    ("Rebels struck on Wednesday.", "2024-07", Past, &[]),
    ("The talks collapsed in March.", "2024", Past, &[]),
    ("The group was banned last year.", "2024-07", Past, &[("last year", "2023")]),
    ("Prices rose sharply last month.", "2024-01", Past, &[("last month", "2023-12")]),
    ("Troops withdrew on July 3.", "2024-07", Past, &[("July 3", "2024-07-03")]),
    // False positives: nothing to find, or only the real expression.
    ("Russia may impose new sanctions.", THURSDAY, Future, &[]),
    ("Thousands joined the march on Sunday.", THURSDAY, Past, &[("Sunday", "2024-07-21")]),
    ("2015 soldiers were deployed to the front.", THURSDAY, Past, &[]),
    ("A 4,000-strong force crossed the border.", THURSDAY, Past, &[]),
    ("The council passed Resolution 2254 unanimously.", THURSDAY, Past, &[]),
    ("Islamic State claimed the attack.", THURSDAY, Past, &[]),
    ("Theresa May spoke to reporters.", THURSDAY, Past, &[]),
    ("Pilgrims marked Good Friday in Jerusalem.", THURSDAY, Past, &[]),
    ("The Sunday Times reported the claim.", THURSDAY, Past, &[]),
    ("March organisers expect 20,000 people.", THURSDAY, Present, &[]),
    ("Flight 2019 landed safely.", THURSDAY, Past, &[]),
    ("The blast killed 1990 people.", THURSDAY, Past, &[]),
    ("The curfew lasts until 2100 GMT.", THURSDAY, Present, &[]),
    ("He may visit the may fair.", THURSDAY, Present, &[]),
    ("The 2015-16 budget was approved.", THURSDAY, Past, &[]),
    ("Order No. 2020/15 was issued.", THURSDAY, Past, &[]),
    ("The decree was dated 05/07/2024.", THURSDAY, Past, &[]),
    ("Between Russia and Ukraine lies a sea.", THURSDAY, Present, &[]),
    ("The force of 2,015 men advanced.", THURSDAY, Past, &[]),
    ("A force of 2015 men advanced.", THURSDAY, Past, &[]),
    ("The ruins will stand in 2000 years.", THURSDAY, Future, &[]),
];

fn render(text: &str, expression: &TimeExpression) -> (String, String) {
    let span_text = text.get(expression.span.start..expression.span.end).expect("span on char boundaries").to_string();
    let value = match expression.value {
        Some(value) => value.to_string(),
        None => "event".to_string(),
    };
    (span_text, value)
}

#[test]
fn the_case_table_passes() {
    let mut failures = Vec::new();
    for &(text, anchor, tense, expected) in CASES {
        let anchor: PartialDate = anchor.parse().expect("test anchors are valid dates");
        let found = find_time_expressions(text, Span::new(0, text.len()), anchor, tense);
        let rendered: Vec<(String, String)> = found.iter().map(|expression| render(text, expression)).collect();
        let wanted: Vec<(String, String)> =
            expected.iter().map(|&(span, value)| (span.to_string(), value.to_string())).collect();
        for expression in &found {
            let value_missing = expression.value.is_none();
            assert_eq!(value_missing, expression.kind == ExpressionKind::RelativeToEvent, "{text}");
        }
        if rendered != wanted {
            failures.push(format!("{text:?} ({anchor}, {tense:?}): got {rendered:?}, want {wanted:?}"));
        }
    }
    let passed = CASES.len() - failures.len();
    eprintln!("time expression table: {passed}/{} cases pass", CASES.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn kinds_tell_how_the_value_was_reached() {
    let anchor = PartialDate::day(2024, 7, 25);
    let kinds = |text: &str, tense| -> Vec<ExpressionKind> {
        find_time_expressions(text, Span::new(0, text.len()), anchor, tense).iter().map(|e| e.kind).collect()
    };
    use ExpressionKind::*;
    assert_eq!(kinds("In 2015 and on 3 January and in March.", Past), [Absolute, Inferred, Inferred]);
    assert_eq!(kinds("Yesterday, late Wednesday, last year.", Past), [Relative, Weekday, Relative]);
    assert_eq!(kinds("Since March 2018.", Past), [Absolute]);
}

#[test]
fn only_the_region_is_scanned_and_spans_index_the_whole_text() {
    let text = "Rebels attacked on Monday. Troops replied late Wednesday.";
    let second_sentence = Span::new(27, text.len());
    let found = find_time_expressions(text, second_sentence, PartialDate::day(2024, 7, 25), Past);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.start..found[0].span.end], "late Wednesday");
    assert_eq!(found[0].representative(), Some(PartialDate::day(2024, 7, 24)));
    // A region that cuts a character in two is refused, not a panic.
    let text = "Déjà vu on Monday.";
    assert!(find_time_expressions(text, Span::new(2, text.len()), PartialDate::day(2024, 7, 25), Past).is_empty());
}

#[test]
fn without_an_anchor_only_self_dated_expressions_get_values() {
    let text = "Founded in 2015, the group was banned last year, two days after the coup.";
    let found = find_time_expressions_unanchored(text, Span::new(0, text.len()), Past);
    let rendered: Vec<(String, String)> = found.iter().map(|expression| render(text, expression)).collect();
    assert_eq!(
        rendered,
        [("2015".to_string(), "2015".to_string()), ("two days after the coup".to_string(), "event".to_string())]
    );
}

#[test]
fn an_undated_body_is_anchored_by_its_first_full_date() {
    use crate::anchor_from_text;
    let body = "Aid trucks enter Gaza from Egypt in Rafah, 21 October 2023. Egypt hosts a summit on 21 October.";
    assert_eq!(anchor_from_text(body), Some(PartialDate::day(2023, 10, 21)));
    let body = "KYIV, Ukraine, March 3, 2025 /PRNewswire/ -- Strikes hit the city in 2024.";
    assert_eq!(anchor_from_text(body), Some(PartialDate::day(2025, 3, 3)));
    // Year or month alone, or a date without its year, says too little.
    assert_eq!(anchor_from_text("The truce of 2015 held until March 2016. Talks resumed on 3 January."), None);
    let deep = format!("{} The accord was signed on 3 January 2024.", "Talks went on. ".repeat(60));
    assert_eq!(anchor_from_text(&deep), None);
    assert_eq!(anchor_from_text("Zürich ü"), None);
}

#[test]
fn representative_is_the_point_or_the_start() {
    use crate::TimeValue;
    let start = PartialDate::year(2011);
    let end = PartialDate::year(2013);
    assert_eq!(TimeValue::Point(start).representative(), start);
    assert_eq!(TimeValue::Since(start).representative(), start);
    assert_eq!(TimeValue::Range(start, end).representative(), start);
}

/// Speed check, run with `cargo test --release -p dyad-time -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run in release"]
fn a_forty_word_sentence_takes_microseconds() {
    let text = "Israeli jets struck a camp in central Gaza late Wednesday, two days after the ceasefire talks \
                collapsed in Cairo, killing at least 30 people, the health ministry said, in the deadliest raid \
                since March of last year and the third such strike this week.";
    let anchor = PartialDate::day(2024, 7, 25);
    let rounds = 20_000;
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        found += find_time_expressions(text, Span::new(0, text.len()), anchor, Past).len();
    }
    let per_call = started.elapsed() / rounds;
    eprintln!(
        "{} words, {} expressions, {per_call:?} per call",
        text.split_whitespace().count(),
        found / rounds as usize
    );
    assert!(found > 0);
}

/// Every region of some awkward texts (any pair of char boundaries): no panic, and every
/// span lies inside its region on char boundaries. Also every tail of each text as a body
/// for the dateline parser.
#[test]
fn any_region_gives_spans_inside_it_and_never_panics() {
    let texts = [
        "KYIV, Ukraine, March 3, 2025 /PRNewswire/ -- Strikes hit Kyiv\u{2019}s east late Wednesday.",
        "Between 2011 and 2013, since 2016 — from 3 to 5 January — the 1990s’ wars; 24/07/2024 2024-07-24T10:00Z",
        "São Paulo: two days after the election, Jan. 3, mid-2015, the day before yesterday, 4,000-strong.",
    ];
    let anchors = [PartialDate::day(2024, 7, 25), PartialDate::month(2024, 1), PartialDate::year(1900)];
    for text in texts {
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&at| text.is_char_boundary(at)).collect();
        for (position, &start) in boundaries.iter().enumerate() {
            for &end in boundaries[position..].iter().step_by(3) {
                let region = Span::new(start, end);
                for (anchor, tense) in anchors.iter().zip([Past, Present, Future]) {
                    for expression in find_time_expressions(text, region, *anchor, tense) {
                        assert!(region.contains(expression.span), "{text:?} {region:?}");
                        assert!(text.get(expression.span.start..expression.span.end).is_some());
                    }
                }
            }
            if let Some(dateline) = crate::parse_dateline(&text[start..]) {
                assert!(text[start..].get(dateline.span.start..dateline.span.end).is_some());
            }
        }
    }
}
