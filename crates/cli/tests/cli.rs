//! The `dyad` binary as a user runs it: bad inputs are reported by name and skipped, the run
//! goes on, and the database stores each document once.

use std::path::Path;
use std::process::{Command, Output};

fn dyad(arguments: &[&str], directory: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(arguments)
        .args(["--today", "2024-07-25"])
        .current_dir(directory)
        .env("DYAD_HOME", directory.join("home"))
        .env_remove("DYAD_DB")
        .output()
        .expect("the dyad binary runs")
}

const ARTICLE: &str = "# Leaders meet in Ankara\n\nJuly 25, 2024\n\nTurkish President Recep Tayyip Erdogan \
hosted Russian President Vladimir Putin in Ankara on Wednesday, officials said.\n";

fn write_inputs(directory: &Path) {
    std::fs::write(directory.join("good.md"), ARTICLE).unwrap();
    std::fs::write(directory.join("empty.txt"), "   \n").unwrap();
    std::fs::write(directory.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(directory.join("latin1.txt"), b"Caf\xe9 owners protested in Ankara.").unwrap();
    std::fs::write(
        directory.join("broken.jsonl"),
        "{\"text\": \"Police arrested dozens of protesters in Ankara on Monday.\"}\n{not json\n",
    )
    .unwrap();
    let large = "Police arrested protesters in Ankara on Monday. ".repeat(1_100_000);
    std::fs::write(directory.join("large.txt"), large).unwrap();
}

#[test]
fn bad_inputs_are_named_and_skipped_and_the_good_ones_are_coded() {
    let directory = tempfile::tempdir().unwrap();
    write_inputs(directory.path());
    let output = dyad(&["code", "."], directory.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for name in ["empty.txt", "binary.txt", "latin1.txt", "broken.jsonl:2", "large.txt"] {
        assert!(stderr.lines().any(|line| line.contains(name)), "no error naming {name} in:\n{stderr}");
    }
    let events: Vec<serde_json::Value> = stdout.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert!(events.iter().any(|event| event["event"] == "CONSULT"), "{stdout}");
    assert!(events.iter().any(|event| event["event"] == "COERCE"), "the good JSONL line is coded: {stdout}");
}

#[test]
fn ingest_stores_a_document_once_and_events_can_be_queried() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("good.md"), ARTICLE).unwrap();
    let first = dyad(&["ingest", "good.md", "--db", "events.db"], directory.path());
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stderr).contains("stored 1 documents"));
    let second = dyad(&["ingest", "good.md", "--db", "events.db"], directory.path());
    assert!(String::from_utf8_lossy(&second.stderr).contains("stored 0 documents"));
    assert!(String::from_utf8_lossy(&second.stderr).contains("1 already stored"));
    let csv = dyad(&["events", "--db", "events.db", "--country", "TUR", "--format", "csv"], directory.path());
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(text.starts_with("id,doc_id,"), "{text}");
    assert_eq!(text.lines().filter(|line| line.contains("CONSULT")).count(), 1, "{text}");
}

#[test]
fn a_missing_database_is_a_clear_error() {
    let directory = tempfile::tempdir().unwrap();
    let output = dyad(&["events", "--db", "nowhere.db"], directory.path());
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nowhere.db"));
}

#[test]
fn kb_lookup_follows_the_date() {
    let directory = tempfile::tempdir().unwrap();
    let before = dyad(&["kb", "lookup", "Bashar al-Assad", "--on", "2024-07-24"], directory.path());
    let after = dyad(&["kb", "lookup", "Bashar al-Assad", "--on", "2024-12-20"], directory.path());
    assert!(String::from_utf8_lossy(&before.stdout).contains("SYR\tGOV"));
    assert!(!String::from_utf8_lossy(&after.stdout).contains("SYR\tGOV"));
}

#[test]
fn an_imported_tabari_actor_dictionary_is_used_by_later_runs() {
    let directory = tempfile::tempdir().unwrap();
    let dictionary = "ZORBANIA_  [ZRB]\nGRAND_VIZIER_OKTAR_  [ZRBGOV 200101-251231]\n";
    std::fs::write(directory.path().join("mine.actors.txt"), dictionary).unwrap();
    let import = dyad(&["kb", "import", "mine.actors.txt"], directory.path());
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    let lookup = dyad(&["kb", "lookup", "Grand Vizier Oktar", "--on", "2024-07-25"], directory.path());
    assert!(
        String::from_utf8_lossy(&lookup.stdout).contains("ZRB\tGOV"),
        "{}",
        String::from_utf8_lossy(&lookup.stdout)
    );
    let broken = "ZORBANIA_  [ZRB\n";
    std::fs::write(directory.path().join("broken.actors.txt"), broken).unwrap();
    let refused = dyad(&["kb", "import", "broken.actors.txt"], directory.path());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("broken.actors.txt"));
}

/// A news crawl written the way crawlers write one: a warcinfo record, then per page a
/// request and a response record, each record its own gzip member. Besides the English
/// articles it holds a metadata record, PDFs and images, pages with no article text, pages in
/// French and German, and one corrupt record, so that every count of the summary is used.
mod crawl {
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    const COUNTRIES: [(&str, &str); 12] = [
        ("Turkey", "Ankara"),
        ("Russia", "Moscow"),
        ("France", "Paris"),
        ("Germany", "Berlin"),
        ("Japan", "Tokyo"),
        ("Brazil", "Brasilia"),
        ("Egypt", "Cairo"),
        ("Kenya", "Nairobi"),
        ("India", "New Delhi"),
        ("Mexico", "Mexico City"),
        ("Poland", "Warsaw"),
        ("Indonesia", "Jakarta"),
    ];
    const TOPICS: [&str; 7] = [
        "grain exports",
        "border security",
        "a new pipeline",
        "fishing rights",
        "the release of detained sailors",
        "visa rules for students",
        "flood relief",
    ];
    const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// What the crawl holds, to check the summary against.
    pub struct Crawl {
        pub archive: Vec<u8>,
        pub records: usize,
        pub english_articles: usize,
        pub non_response_records: usize,
    }

    /// One generated English article.
    pub struct EnglishPage {
        pub html: String,
        pub title: String,
        /// The publication date the page states, if any (YYYY-MM-DD).
        pub date: Option<String>,
    }

    /// The `index`-th English article: varied countries, topics, days and numbers, so that no
    /// two bodies are the same; every third page states no date (the WARC-Date stands in).
    pub fn english_page(index: usize) -> EnglishPage {
        let (country, capital) = COUNTRIES[index % COUNTRIES.len()];
        let (other, other_capital) = COUNTRIES[(index / COUNTRIES.len() + index + 1) % COUNTRIES.len()];
        let topic = TOPICS[index % TOPICS.len()];
        let weekday = WEEKDAYS[index % WEEKDAYS.len()];
        let mut paragraphs = vec![
            format!(
                "Officials from {country} and {other} met in {other_capital} on {weekday} to discuss {topic}, \
                 the foreign ministry of {country} said in a statement."
            ),
            format!(
                "The talks, the {} round this year, ended without an agreement, and police in {capital} detained \
                 {} protesters outside the embassy of {other}.",
                ordinal(index % 9 + 2),
                12 + index
            ),
        ];
        if index.is_multiple_of(2) {
            paragraphs.push(format!(
                "\"We want a lasting solution on {topic},\" the foreign minister of {country} told reporters after \
                 the meeting."
            ));
        }
        if index.is_multiple_of(3) {
            paragraphs.push(format!(
                "A spokesman for the government of {other} said {} delegates had attended and that the next round \
                 would be held in {capital}.",
                40 + index % 50
            ));
        }
        let title = format!("{country} and {other} hold talks on {topic}");
        let date = (!index.is_multiple_of(3)).then(|| format!("2024-{:02}-{:02}", index % 12 + 1, index % 28 + 1));
        EnglishPage { html: page(&title, &paragraphs, date.as_deref(), ""), title, date }
    }

    fn ordinal(number: usize) -> String {
        let suffix = match number {
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        format!("{number}{suffix}")
    }

    pub fn page(title: &str, paragraphs: &[String], date: Option<&str>, lang_attribute: &str) -> String {
        let meta = date.map_or(String::new(), |date| {
            format!("<meta property=\"article:published_time\" content=\"{date}T09:30:00Z\">")
        });
        let body: String = paragraphs.iter().map(|paragraph| format!("<p>{paragraph}</p>\n")).collect();
        format!(
            "<!DOCTYPE html><html{lang_attribute}><head><meta charset=\"utf-8\"><title>{title} | Harbour Times</title>\
             {meta}</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
             <article><h1>{title}</h1>{body}</article><footer>Harbour Times</footer></body></html>"
        )
    }

    pub const FRENCH: [&str; 3] = [
        "Les ministres des affaires étrangères de la France et du Maroc se sont réunis mardi à Rabat pour discuter \
         des règles de visa pour les étudiants, a indiqué le ministère dans un communiqué.",
        "Les pourparlers se sont achevés sans accord, mais les deux délégations ont promis de se retrouver le mois \
         prochain à Paris pour poursuivre les discussions.",
        "Un porte-parole du gouvernement a déclaré que la délégation avait présenté une proposition écrite et \
         attendait une réponse avant la fin de la semaine.",
    ];
    pub const GERMAN: [&str; 3] = [
        "Die Außenminister Deutschlands und Polens haben sich am Dienstag in Warschau getroffen, um über den Schutz \
         der gemeinsamen Grenze zu sprechen, teilte das Ministerium mit.",
        "Die Gespräche endeten ohne Einigung, doch beide Delegationen wollen sich im nächsten Monat in Berlin \
         erneut treffen, um die Verhandlungen fortzusetzen.",
        "Ein Regierungssprecher sagte, die Delegation habe einen schriftlichen Vorschlag vorgelegt und erwarte bis \
         zum Ende der Woche eine Antwort.",
    ];

    pub fn uri(index: usize) -> String {
        format!("https://harbour.example/world/story-{index}")
    }

    /// The WARC-Date of the `index`-th record: its date part is what an undated page gets.
    pub fn warc_date(index: usize) -> String {
        format!("2024-05-{:02}T08:00:00Z", index % 28 + 1)
    }

    fn record(kind: &str, index: usize, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut record = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{index:05}>\r\n\
             WARC-Date: {}\r\nWARC-Target-URI: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            warc_date(index),
            uri(index),
            block.len()
        )
        .into_bytes();
        record.extend_from_slice(block);
        record.extend_from_slice(b"\r\n\r\n");
        gzip(&record)
    }

    fn response(index: usize, content_type: &str, payload: &[u8]) -> Vec<u8> {
        let mut http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", payload.len())
                .into_bytes();
        http.extend_from_slice(payload);
        record("response", index, "application/http; msgtype=response", &http)
    }

    fn request(index: usize) -> Vec<u8> {
        let http = format!("GET /world/story-{index} HTTP/1.1\r\nHost: harbour.example\r\n\r\n");
        record("request", index, "application/http; msgtype=request", http.as_bytes())
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(bytes).expect("gzip into memory");
        encoder.finish().expect("gzip into memory")
    }

    /// A crawl of `english_articles` English pages plus the fixed set of other records; page
    /// `i` has record index `i`, the other records follow from 100000 on.
    pub fn build(english_articles: usize) -> Crawl {
        let mut archive = record("warcinfo", 99_999, "application/warc-fields", b"software: dyad-test-crawler\r\n");
        let mut records = 1;
        let mut non_response_records = 1;
        for index in 0..english_articles {
            // Crawlers log the request before the response; one page in ten keeps it here.
            if index.is_multiple_of(10) {
                archive.extend(request(index));
                records += 1;
                non_response_records += 1;
            }
            archive.extend(response(index, "text/html; charset=utf-8", english_page(index).html.as_bytes()));
            records += 1;
            if index == english_articles / 2 {
                archive.extend(corrupt_record());
                records += 1;
            }
        }
        let french: Vec<String> = FRENCH.iter().map(|paragraph| paragraph.to_string()).collect();
        let german: Vec<String> = GERMAN.iter().map(|paragraph| paragraph.to_string()).collect();
        let others = [
            response(100_000, "text/html", page("Visas pour les étudiants", &french, None, " lang=\"fr\"").as_bytes()),
            response(100_001, "text/html", page("Visas : suite des pourparlers", &french[1..], None, "").as_bytes()),
            response(100_002, "text/html", page("Grenzschutz: Gespräche in Warschau", &german, None, "").as_bytes()),
            response(100_003, "application/pdf", b"%PDF-1.7\n% a report, not a page\n"),
            response(100_004, "application/pdf", b"%PDF-1.4\n% another report\n"),
            response(100_005, "application/pdf", b"%PDF-1.5\n% a third report\n"),
            response(100_006, "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            response(100_007, "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR and more"),
            response(100_008, "text/html", b"<html><body><nav><a href=\"/\">Home</a></nav></body></html>"),
            response(
                100_009,
                "text/html",
                b"<html><body><div class=\"advert\"><img src=\"banner.png\"></div></body></html>",
            ),
            record("metadata", 100_010, "application/warc-fields", b"fetchTimeMs: 112\r\n"),
        ];
        records += others.len();
        non_response_records += 1;
        for other in others {
            archive.extend(other);
        }
        Crawl { archive, records, english_articles, non_response_records }
    }

    /// A record whose Content-Length is not a number: the reader cannot know where it ends.
    fn corrupt_record() -> Vec<u8> {
        gzip(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:corrupt-00001>\r\nContent-Length: many\r\n\r\n")
    }
}

/// The summary lines every WARC run of `crawl::build` must print (3 pages not in English,
/// 5 non-HTML responses, 2 pages without text, 1 corrupt record).
fn expected_warc_line(crawl: &crawl::Crawl) -> String {
    let articles = crawl.english_articles + 3;
    let skipped = crawl.records - articles;
    assert_eq!(skipped, crawl.non_response_records + 5 + 2 + 1, "the generator's own bookkeeping");
    format!(
        "dyad: read {} WARC records from 1 archive: {articles} articles; skipped {skipped}: {} non-response records, \
         5 non-HTML responses (application/pdf 3, image/png 2), 2 pages without article text, 1 corrupt record",
        crawl.records, crawl.non_response_records
    )
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout.lines().map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}"))).collect()
}

#[test]
fn a_gzipped_warc_of_a_thousand_pages_ingests_with_every_record_accounted_for() {
    let directory = tempfile::tempdir().unwrap();
    let crawl = crawl::build(1_000);
    std::fs::write(directory.path().join("crawl.warc.gz"), &crawl.archive).unwrap();
    let started = std::time::Instant::now();
    let ingest = dyad(&["ingest", "crawl.warc.gz", "--db", "events.db"], directory.path());
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&ingest.stderr);
    assert!(ingest.status.success(), "{stderr}");
    eprintln!("ingest of {} bytes, {} records: {elapsed:?}\n{stderr}", crawl.archive.len(), crawl.records);
    let lines: Vec<&str> = stderr.lines().collect();
    let stored = lines.iter().find(|line| line.starts_with("dyad: stored ")).expect("the summary");
    assert!(stored.starts_with("dyad: stored 1003 documents ("), "{stored}");
    assert!(stored.ends_with("in events.db; 0 already stored; 0 inputs skipped"), "{stored}");
    assert!(lines.contains(&"dyad: 3 documents not in English, stored uncoded: fr 2, de 1"), "{stderr}");
    assert!(lines.contains(&expected_warc_line(&crawl).as_str()), "{stderr}");
    let corrupt: Vec<&&str> = lines.iter().filter(|line| line.contains("urn:uuid:corrupt-00001")).collect();
    assert_eq!(corrupt.len(), 1, "{stderr}");
    assert!(corrupt[0].starts_with("dyad: skipped crawl.warc.gz") && corrupt[0].contains(" at byte "), "{stderr}");

    let documents = json_lines(&dyad(&["docs", "--db", "events.db", "--format", "jsonl"], directory.path()));
    assert_eq!(documents.len(), 1003);
    let by_url = |url: &str| documents.iter().find(|document| document["url"] == url).expect(url);
    let dated = crawl::english_page(7);
    assert_eq!(by_url(&crawl::uri(7))["published"], dated.date.expect("page 7 states its date").as_str());
    let undated = crawl::english_page(9);
    assert_eq!(undated.date, None);
    assert_eq!(by_url(&crawl::uri(9))["published"], &crawl::warc_date(9)[..10], "the WARC-Date stands in");
    assert_eq!(by_url(&crawl::uri(9))["title"], undated.title.as_str());
    assert_eq!(by_url(&crawl::uri(100_000))["language"], "fr");
    assert_eq!(by_url(&crawl::uri(100_001))["language"], "fr");
    assert_eq!(by_url(&crawl::uri(100_002))["language"], "de");
    assert_eq!(documents.iter().filter(|document| document["language"] == "en").count(), 1000);

    let events = json_lines(&dyad(&["events", "--db", "events.db", "--format", "jsonl"], directory.path()));
    let uncoded_ids: Vec<&serde_json::Value> =
        (100_000..=100_002).map(|index| &by_url(&crawl::uri(index))["doc_id"]).collect();
    assert!(events.iter().all(|event| !uncoded_ids.contains(&&event["doc_id"])), "no event from a page not in English");
    let pages_with_events: std::collections::HashSet<&str> =
        events.iter().filter_map(|event| event["doc_id"].as_str()).collect();
    assert!(pages_with_events.len() > 500, "only {} of 1000 English pages gave events", pages_with_events.len());
    let page_nine = by_url(&crawl::uri(9))["doc_id"].as_str().unwrap();
    let nine: Vec<&serde_json::Value> = events.iter().filter(|event| event["doc_id"] == page_nine).collect();
    assert!(
        nine.iter().any(|event| event["date"].as_str().is_some_and(|date| date.starts_with("2024-05"))),
        "{nine:?}"
    );
    assert!(elapsed < std::time::Duration::from_secs(60), "ingest took {elapsed:?}");
}

#[test]
fn code_reports_the_same_counts_for_a_plain_warc() {
    let directory = tempfile::tempdir().unwrap();
    let crawl = crawl::build(20);
    let mut plain = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(crawl.archive.as_slice()), &mut plain).unwrap();
    std::fs::write(directory.path().join("crawl.warc"), &plain).unwrap();
    let output = dyad(&["code", "crawl.warc"], directory.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines.iter().any(|line| line.starts_with("dyad: coded 20 documents, ")), "{stderr}");
    assert!(lines.contains(&"dyad: 3 documents not in English, not coded: fr 2, de 1"), "{stderr}");
    assert!(lines.contains(&expected_warc_line(&crawl).as_str()), "{stderr}");
    let events = json_lines(&output);
    assert!(!events.is_empty());
    for event in &events {
        let text = event["event_text"].as_str().expect("every event has its sentence");
        assert!(!text.contains("Les ") && !text.contains("Die "), "an event from a page not in English: {text}");
    }
}

#[test]
fn an_undated_report_read_first_is_dated_by_the_story_it_joins() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("a-undated.txt"),
        "The United States imposed sanctions on Venezuela's state oil company on Monday, Treasury \
         officials said, in a move to cut off funds to President Nicolas Maduro.\n",
    )
    .unwrap();
    std::fs::write(
        directory.path().join("b-dated.txt"),
        "Published: January 29, 2019\nThe United States imposed sanctions on Venezuela's state oil company \
         on Monday, aiming to cut off the main source of money for President Nicolas Maduro's government.\n",
    )
    .unwrap();
    let sanction_dates = |output: &Output| -> Vec<String> {
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        json_lines(output)
            .iter()
            .filter(|event| event["event"] == "SANCTION")
            .map(|event| event["date"].as_str().unwrap().to_string())
            .collect()
    };
    // Alone, the undated report's Monday is the one before --today (2024-07-25).
    let alone = dyad(&["code", "a-undated.txt"], directory.path());
    assert_eq!(sanction_dates(&alone), ["2024-07-22"]);
    // In stories, it waits for the dated report and counts from the story's first report.
    let together = dyad(&["code", ".", "--stories"], directory.path());
    assert_eq!(sanction_dates(&together), ["2019-01-28", "2019-01-28"]);
}
