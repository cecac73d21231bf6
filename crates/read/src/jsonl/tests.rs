use super::*;
use dyad_document::PartialDate;
use std::io::Cursor;

fn read_all(text: &str, options: &ReadOptions) -> Vec<Result<Document, ReadError>> {
    JsonLinesReader::new(Cursor::new(text.as_bytes().to_vec()), "dump.jsonl".to_string(), options).collect()
}

#[test]
fn fields_map_to_metadata_and_text_is_normalised() {
    let line = r#"{"id": "r-1", "text": "GENEVA (Reuters) - Envoys met\non Monday.\r\n\r\nNo deal was reached.", "title": "Envoys Meet", "url": "https://news.example.test/a", "published": "2024-03-04T08:00:00Z", "author": ["Jane Doe", "Omar Haddad"], "language": "en", "source": "Reuters", "extra": 1}"#;
    let document = parse_record(line, "dump.jsonl:7").unwrap();
    assert_eq!(document.id, "r-1");
    assert_eq!(document.body, "Envoys met on Monday.\n\nNo deal was reached.");
    let metadata = &document.metadata;
    assert_eq!(metadata.title.as_deref(), Some("Envoys Meet"));
    assert_eq!(metadata.url.as_deref(), Some("https://news.example.test/a"));
    assert_eq!(metadata.published, Some(PartialDate::day(2024, 3, 4)));
    assert_eq!(metadata.byline.as_deref(), Some("Jane Doe, Omar Haddad"));
    assert_eq!(metadata.language.as_deref(), Some("en"));
    assert_eq!(metadata.credits, vec!["Reuters"]);
    assert_eq!(metadata.dateline_place.as_deref(), Some("GENEVA"));
    assert_eq!(metadata.source, "dump.jsonl:7");
}

#[test]
fn without_an_id_the_body_gives_it() {
    let first = parse_record(r#"{"text": "Police detained a man."}"#, "a:1").unwrap();
    let second = parse_record(r#"{"text": "Police detained   a man.\n", "id": ""}"#, "b:9").unwrap();
    assert_eq!(first.id, dyad_document::content_id("Police detained a man."));
    assert_eq!(first.id, second.id);
    assert_eq!(parse_record(r#"{"text": "x", "id": 42}"#, "c:1").unwrap().id, "42");
}

#[test]
fn a_bad_line_is_one_error_and_reading_goes_on() {
    let text = "{\"text\": \"First story.\"}\n\n   \n{not json\n[1, 2]\n{\"title\": \"no text\"}\n{\"text\": 5}\n\
                {\"text\": \"x\", \"published\": \"someday\"}\n{\"text\": \"  \"}\n{\"text\": \"Last story.\"}";
    let results = read_all(text, &ReadOptions::default());
    let messages: Vec<String> = results
        .iter()
        .map(|result| match result {
            Ok(document) => format!("ok {}", document.body),
            Err(error) => error.to_string(),
        })
        .collect();
    assert_eq!(messages.len(), 8, "{messages:#?}");
    assert_eq!(messages[0], "ok First story.");
    assert!(messages[1].starts_with("dump.jsonl:4: malformed JSON: "), "{}", messages[1]);
    assert_eq!(messages[2], "dump.jsonl:5: malformed JSON: expected a JSON object, found an array");
    assert_eq!(messages[3], "dump.jsonl:6: field \"text\" is missing (nor is there body, content or maintext)");
    assert_eq!(messages[4], "dump.jsonl:7: field \"text\" must be a string, found a number");
    assert_eq!(messages[5], "dump.jsonl:8: field \"published\" is not a date: \"someday\"");
    assert_eq!(messages[6], "dump.jsonl:9: empty document");
    assert_eq!(messages[7], "ok Last story.");
    assert_eq!(results[7].as_ref().unwrap().metadata.source, "dump.jsonl:10");
}

#[test]
fn each_line_is_held_to_the_limit_not_the_file() {
    let options = ReadOptions { max_document_bytes: 64, ..ReadOptions::default() };
    let short = r#"{"text": "Short story."}"#;
    let long = format!(r#"{{"text": "{}"}}"#, "word ".repeat(100));
    let text = format!("{short}\n{long}\r\n{short}\n");
    let results = read_all(&text, &options);
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[2].is_ok());
    let error = results[1].as_ref().unwrap_err().to_string();
    assert_eq!(error, format!("dump.jsonl:2: too large ({} bytes; limit 64)", long.len()));
}

#[test]
fn invalid_utf8_names_the_line_and_offset_unless_lossy() {
    let bytes = b"{\"text\": \"ok\"}\n{\"text\": \"bad \xff byte\"}\n".to_vec();
    let strict: Vec<_> =
        JsonLinesReader::new(Cursor::new(bytes.clone()), "d.jsonl".into(), &ReadOptions::default()).collect();
    assert_eq!(
        strict[1].as_ref().unwrap_err().to_string().split(" (").next(),
        Some("d.jsonl:2: invalid UTF-8 at byte 14")
    );
    let lossy_options = ReadOptions { lossy_utf8: true, ..ReadOptions::default() };
    let lossy: Vec<_> = JsonLinesReader::new(Cursor::new(bytes), "d.jsonl".into(), &lossy_options).collect();
    assert_eq!(lossy[1].as_ref().unwrap().body, "bad \u{fffd} byte");
}

#[test]
fn a_file_without_records_is_an_empty_document() {
    let results = read_all("\n  \n", &ReadOptions::default());
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].as_ref().unwrap_err().to_string(), "dump.jsonl: empty document");
}

#[test]
fn bounded_line_reader_counts_long_lines_without_keeping_them() {
    let text = format!("{}\nab\r\nc", "x".repeat(10_000));
    let mut reader = std::io::BufReader::with_capacity(16, Cursor::new(text.into_bytes()));
    let mut line = Vec::new();
    assert_eq!(read_bounded_line(&mut reader, 5, &mut line).unwrap(), LineOutcome::TooLong { length: 10_000 });
    assert!(line.capacity() <= 64, "kept {} bytes", line.capacity());
    assert_eq!(read_bounded_line(&mut reader, 5, &mut line).unwrap(), LineOutcome::Line);
    assert_eq!(line, b"ab");
    assert_eq!(read_bounded_line(&mut reader, 5, &mut line).unwrap(), LineOutcome::Line);
    assert_eq!(line, b"c");
    assert_eq!(read_bounded_line(&mut reader, 5, &mut line).unwrap(), LineOutcome::EndOfInput);
}

#[test]
fn field_names_of_other_news_dumps_are_accepted() {
    let line = r#"{"maintext": "Rebels shelled the camp on Friday.", "date_publish": "2024-05-04 09:12:00", "authors": ["Jane Doe"], "title": "Camp shelled", "doc_id": "np-7"}"#;
    let document = parse_record(line, "news-please.jsonl:1").unwrap();
    assert_eq!(document.body, "Rebels shelled the camp on Friday.");
    assert_eq!(document.metadata.published, Some(PartialDate::day(2024, 5, 4)));
    assert_eq!(document.metadata.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(document.id, "np-7");
    let error = parse_record(r#"{"body": ["not", "text"]}"#, "x:2").unwrap_err();
    assert_eq!(error.to_string(), "x:2: field \"body\" must be a string, found an array");
}
