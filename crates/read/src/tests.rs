//! Tests of the public entry points over real files, stdin-like streams and bad input.

use super::*;
use dyad_document::content_id;
use std::fs;
use std::io::Write;
use std::path::Path;

fn write(directory: &Path, name: &str, contents: &[u8]) -> PathBuf {
    let path = directory.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, contents).unwrap();
    path
}

fn messages(results: impl Iterator<Item = Result<Document, ReadError>>) -> Vec<String> {
    results
        .map(|result| match result {
            Ok(document) => format!("ok {}", document.metadata.source),
            Err(error) => error.to_string(),
        })
        .collect()
}

const WIRE_TEXT: &[u8] =
    b"KYIV, Ukraine (AP) \xe2\x80\x94 Russian drones struck the port of Odesa\novernight, officials said on Friday.\n";
const MARKDOWN: &[u8] = b"# Strike on Odesa\n\nJune 7, 2024\n\nRussian drones struck the port overnight.\n";

#[test]
fn directories_are_walked_in_sorted_order_skipping_hidden_entries() {
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path();
    write(root, "b/2.md", MARKDOWN);
    write(root, "b/10.txt", WIRE_TEXT);
    write(root, "a.txt", WIRE_TEXT);
    write(root, ".hidden.txt", WIRE_TEXT);
    write(root, ".git/config.txt", WIRE_TEXT);
    write(root, "c.jsonl", b"{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
    let explicit_hidden = root.join(".hidden.txt");
    let results = messages(read_paths(&[root.to_path_buf(), explicit_hidden.clone()], &ReadOptions::default()));
    let label = |relative: &str| root.join(relative).display().to_string();
    assert_eq!(
        results,
        vec![
            format!("ok {}", label("a.txt")),
            format!("ok {}", label("b/10.txt")),
            format!("ok {}", label("b/2.md")),
            format!("ok {}:1", label("c.jsonl")),
            format!("ok {}:2", label("c.jsonl")),
            format!("ok {}", explicit_hidden.display()),
        ]
    );
}

#[test]
fn formats_are_detected_by_extension_then_by_sniffing() {
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path();
    let sniffed_markdown = write(root, "story", MARKDOWN);
    let sniffed_jsonl = write(root, "dump", b"{\"text\": \"Police detained a man.\", \"title\": \"Arrest\"}\n");
    let plain_named_md = write(root, "wire.md", WIRE_TEXT);
    let markdown_saved_as_txt = write(root, "scraped.txt", MARKDOWN);
    let json_saved_as_txt = write(root, "note.txt", b"{\"text\": \"not parsed as JSON\"}");
    let paths = [sniffed_markdown, sniffed_jsonl, plain_named_md, markdown_saved_as_txt, json_saved_as_txt];
    let documents: Vec<Document> = read_paths(&paths, &ReadOptions::default()).map(Result::unwrap).collect();
    assert_eq!(documents[0].metadata.title.as_deref(), Some("Strike on Odesa"));
    assert_eq!(documents[1].metadata.title.as_deref(), Some("Arrest"));
    assert_eq!(documents[2].metadata.dateline_place.as_deref(), Some("KYIV, Ukraine"));
    assert!(documents[2].body.starts_with("Russian drones struck the port of Odesa overnight"));
    assert_eq!(documents[3].metadata.title.as_deref(), Some("Strike on Odesa"), "a .txt opening with '# ' is markdown");
    assert_eq!(documents[4].body, "{\"text\": \"not parsed as JSON\"}", "a .txt is never read as JSON Lines");
    let forced = ReadOptions { format: InputFormat::Text, ..ReadOptions::default() };
    let as_text = read_paths(&paths[3..4], &forced).next().unwrap().unwrap();
    assert!(as_text.body.starts_with("# Strike on Odesa"), "an explicit format is obeyed");
}

#[test]
fn bad_files_each_give_one_error_and_the_run_goes_on() {
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path();
    let mut binary = b"PNG\x00\x01".to_vec();
    binary.extend(std::iter::repeat_n(b'x', 100));
    let paths = [
        write(root, "image.txt", &binary),
        write(root, "blank.txt", b"  \n\t\r\n"),
        write(root, "zero.md", b""),
        write(root, "latin1.txt", b"Talks in Bras\xedlia ended."),
        root.join("missing.txt"),
        write(root, "good.txt", WIRE_TEXT),
    ];
    let results = messages(read_paths(&paths, &ReadOptions::default()));
    let label = |name: &str| root.join(name).display().to_string();
    assert_eq!(results[0], format!("{}: binary file, skipped", label("image.txt")));
    assert_eq!(results[1], format!("{}: empty document", label("blank.txt")));
    assert_eq!(results[2], format!("{}: empty document", label("zero.md")));
    assert!(results[3].starts_with(&format!("{}: invalid UTF-8 at byte 13", label("latin1.txt"))), "{}", results[3]);
    assert!(results[4].starts_with(&format!("{}: cannot read: ", label("missing.txt"))), "{}", results[4]);
    assert_eq!(results[5], format!("ok {}", label("good.txt")));
    assert_eq!(results.len(), 6);
}

#[test]
fn lossy_decoding_replaces_bad_bytes() {
    let options = ReadOptions { lossy_utf8: true, ..ReadOptions::default() };
    let document = read_reader(&b"Talks in Bras\xedlia ended."[..], "stdin", &options).next().unwrap().unwrap();
    assert_eq!(document.body, "Talks in Bras\u{fffd}lia ended.");
    assert_eq!(document.metadata.source, "stdin");
}

#[test]
fn unreadable_file_is_named_in_the_error() {
    use std::os::unix::fs::PermissionsExt;
    let directory = tempfile::tempdir().unwrap();
    let path = write(directory.path(), "secret.txt", WIRE_TEXT);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        eprintln!("skipping: running with privileges that ignore file permissions");
        return;
    }
    let error = read_paths(std::slice::from_ref(&path), &ReadOptions::default()).next().unwrap().unwrap_err();
    assert!(error.to_string().starts_with(&format!("{}: cannot open: ", path.display())), "{error}");
}

#[test]
fn a_fifty_megabyte_file_is_refused_without_reading_it() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("huge.txt");
    let mut file = fs::File::create(&path).unwrap();
    let line = "Officials said the talks in Geneva would resume next week.\n".repeat(1_000);
    while file.metadata().unwrap().len() < 50 * 1024 * 1024 {
        file.write_all(line.as_bytes()).unwrap();
    }
    drop(file);
    let size = fs::metadata(&path).unwrap().len();
    let started = std::time::Instant::now();
    let error = read_paths(std::slice::from_ref(&path), &ReadOptions::default()).next().unwrap().unwrap_err();
    assert!(started.elapsed().as_millis() < 1_000, "took {:?}", started.elapsed());
    assert_eq!(error.to_string(), format!("{}: too large ({size} bytes; limit 10485760)", path.display()));
}

#[test]
fn an_endless_stream_stops_at_the_limit() {
    let options = ReadOptions { format: InputFormat::Text, max_document_bytes: 1 << 20, ..ReadOptions::default() };
    let error = read_reader(std::io::repeat(b'a'), "stdin", &options).next().unwrap().unwrap_err();
    assert_eq!(error.to_string(), "stdin: too large (over 1048576 bytes; limit 1048576)");
}

#[test]
fn a_jsonl_file_larger_than_the_limit_is_read_line_by_line() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("big.jsonl");
    let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    for number in 0..20_000 {
        writeln!(file, r#"{{"id": "n{number}", "text": "Protesters marched in Tbilisi on day {number}."}}"#).unwrap();
    }
    drop(file);
    let options = ReadOptions { max_document_bytes: 64 * 1024, ..ReadOptions::default() };
    assert!(fs::metadata(&path).unwrap().len() > 10 * options.max_document_bytes);
    let documents: Vec<Document> = read_paths(&[path], &options).map(Result::unwrap).collect();
    assert_eq!(documents.len(), 20_000);
    assert_eq!(documents[19_999].id, "n19999");
    assert!(documents[19_999].metadata.source.ends_with("big.jsonl:20000"));
}

#[test]
fn read_str_matches_the_file_readers_and_ids_follow_content() {
    let first = read_str("Police detained a man.\r\n", InputFormat::Auto, "one").remove(0).unwrap();
    let second = read_str("Police detained\na man.", InputFormat::Text, "two").remove(0).unwrap();
    assert_eq!(first.id, second.id);
    assert_eq!(first.id, content_id("Police detained a man."));
    let lines = read_str("{\"text\": \"A.\"}\n{\"text\": \"B.\"}", InputFormat::Auto, "-");
    assert_eq!(lines.len(), 2);
    let textless_page = read_str("<html></html>", InputFormat::Html, "page");
    assert!(matches!(&textless_page[0], Err(ReadError::Empty { input }) if input == "page"));
}

/// A small deterministic generator, so the fuzz test needs no extra dependency and a
/// failure can be replayed from its seed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// Random inputs biased towards the characters the readers treat specially.
fn random_input(generator: &mut XorShift) -> Vec<u8> {
    const PIECES: [&[u8]; 24] = [
        b"#",
        b"# ",
        b"**",
        b"*",
        b"_",
        b"[",
        b"](",
        b")",
        b"![",
        b"<",
        b">",
        b"<!--",
        b"-->",
        b"\n",
        b"\n\n",
        b"\r\n",
        b"{",
        b"}",
        b"\"text\": \"",
        b"MOSCOW (AP) - ",
        b"July 25, 2024",
        b"\xc3\xa9",
        b"\xe2\x80\x94",
        b"Original url: ",
    ];
    let length = generator.below(200);
    let mut bytes = Vec::with_capacity(length * 2);
    for _ in 0..length {
        match generator.below(4) {
            0 => bytes.push(generator.next() as u8),
            1 => bytes.push(b'a' + generator.below(26) as u8),
            2 => bytes.push(b' '),
            _ => bytes.extend_from_slice(PIECES[generator.below(PIECES.len())]),
        }
    }
    bytes
}

fn assert_body_invariants(document: &Document, input: &[u8]) {
    let body = &document.body;
    assert!(!body.is_empty(), "empty body from {input:?}");
    assert_eq!(body.trim(), body, "untrimmed body from {input:?}");
    assert!(!body.contains("\n\n\n") && !body.contains('\r'), "bad separators from {input:?}");
    assert!(body.split("\n\n").all(|paragraph| !paragraph.is_empty() && !paragraph.contains('\n')), "{input:?}");
}

#[test]
fn thousands_of_random_inputs_never_panic_and_keep_body_invariants() {
    let mut generator = XorShift(0x9e37_79b9_7f4a_7c15);
    let formats = [
        InputFormat::Auto,
        InputFormat::Text,
        InputFormat::Markdown,
        InputFormat::JsonLines,
        InputFormat::Html,
        InputFormat::Warc,
        InputFormat::Feed,
    ];
    let mut documents_checked = 0;
    for round in 0..3_000 {
        let input = random_input(&mut generator);
        let lossy_text = String::from_utf8_lossy(&input);
        for format in formats {
            let options = ReadOptions { format, lossy_utf8: round % 2 == 0, max_document_bytes: 4_096 };
            for document in read_reader(std::io::Cursor::new(input.clone()), "fuzz", &options).flatten() {
                assert_body_invariants(&document, &input);
                documents_checked += 1;
            }
        }
        for document in [plain::parse_article(&lossy_text, "fuzz"), markdown::parse_article(&lossy_text, "fuzz")]
            .into_iter()
            .flatten()
        {
            assert_body_invariants(&document, &input);
            assert_eq!(document.id, content_id(&document.body));
            documents_checked += 1;
        }
        if let Ok(document) = jsonl::parse_record(&lossy_text, "fuzz:1") {
            assert_body_invariants(&document, &input);
        }
    }
    // The inputs must get past the error checks often enough for the invariants to be tested.
    assert!(documents_checked > 5_000, "only {documents_checked} inputs became documents");
}

#[test]
fn the_seed_directory_reads_as_markdown_through_read_paths() {
    let seed_directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    if !seed_directory.is_dir() {
        eprintln!("skipping: no seed directory at {}", seed_directory.display());
        return;
    }
    let documents: Vec<Document> =
        read_paths(&[seed_directory], &ReadOptions::default()).filter_map(Result::ok).collect();
    let seed = documents.iter().find(|document| document.metadata.source.ends_with("000_e35d4a65f2d0984e.txt"));
    let Some(seed) = seed else {
        eprintln!("skipping: seed article not in the seed directory");
        return;
    };
    assert_eq!(seed.metadata.published, Some(dyad_document::PartialDate::day(2024, 7, 25)));
    assert!(seed.body.starts_with("President Vladimir Putin met"));
    for leaked in ["Sharifulin", "Related article", "contributed reporting"] {
        assert!(!seed.body.contains(leaked), "body contains {leaked:?}");
    }
}

#[test]
fn the_example_articles_read_cleanly_with_captions_and_credits_kept_out() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    if !examples.is_dir() {
        eprintln!("skipping: no examples at {}", examples.display());
        return;
    }
    let documents: Vec<Document> = read_paths(&[examples], &ReadOptions::default()).map(Result::unwrap).collect();
    assert!(documents.len() >= 5, "{} examples", documents.len());
    for document in &documents {
        let metadata = &document.metadata;
        assert!(metadata.published.is_some(), "{} has no date", metadata.source);
        assert!(!metadata.credits.is_empty(), "{} has no credit", metadata.source);
        for kept_out in metadata.captions.iter().chain(&metadata.credits) {
            assert!(!document.body.contains(kept_out.as_str()), "{}: {kept_out:?} in body", metadata.source);
        }
        for markup in ["Related article", "**", "](", "Original url", "http"] {
            assert!(!document.body.contains(markup), "{}: {markup:?} in body", metadata.source);
        }
        if metadata.source.ends_with(".md") {
            assert!(
                metadata.title.is_some() && metadata.url.is_some() && metadata.captions.len() == 1,
                "{}",
                metadata.source
            );
        } else {
            assert!(metadata.dateline_place.is_some(), "{}", metadata.source);
        }
    }
}

#[test]
fn streams_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<DocumentStream>();
    let handle = std::thread::spawn(|| read_str("Envoys met in Doha.", InputFormat::Text, "x").len());
    assert_eq!(handle.join().unwrap(), 1);
}

#[test]
fn every_format_detects_the_language_a_document_does_not_declare() {
    let german = "Die Regierung hat am Dienstag neue Gespräche mit der Opposition angekündigt, sagte ein Sprecher \
                  des Innenministeriums in Berlin.";
    let english = "The government announced new talks with the opposition on Tuesday, a spokesman for the interior \
                   ministry said in the capital.";
    let text = read_str(german, InputFormat::Text, "berlin.txt");
    assert_eq!(text[0].as_ref().unwrap().metadata.language.as_deref(), Some("de"));
    let markdown = read_str(&format!("# Talks\n\n{english}\n"), InputFormat::Markdown, "talks.md");
    assert_eq!(markdown[0].as_ref().unwrap().metadata.language.as_deref(), Some("en"));
    let jsonl = format!("{{\"text\": \"{german}\"}}\n{{\"text\": \"{german}\", \"language\": \"fr\"}}\n");
    let lines = read_str(&jsonl, InputFormat::JsonLines, "mixed.jsonl");
    assert_eq!(lines[0].as_ref().unwrap().metadata.language.as_deref(), Some("de"));
    assert_eq!(lines[1].as_ref().unwrap().metadata.language.as_deref(), Some("fr"), "a declared language wins");
}

#[test]
fn a_stream_counts_its_documents_and_errors() {
    let directory = tempfile::tempdir().unwrap();
    write(directory.path(), "a.txt", WIRE_TEXT);
    write(directory.path(), "b.md", MARKDOWN);
    write(directory.path(), "c.txt", b"   \n");
    let mut stream = read_paths(&[directory.path().to_path_buf()], &ReadOptions::default());
    assert_eq!(stream.by_ref().count(), 3);
    let stats = stream.stats();
    assert_eq!((stats.documents, stats.errors), (2, 1));
    assert_eq!(stats.warc, WarcCounts::default(), "no archive was read");
}
