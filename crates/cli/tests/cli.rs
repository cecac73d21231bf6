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
    assert!(String::from_utf8_lossy(&first.stdout).contains("stored 1 documents"));
    let second = dyad(&["ingest", "good.md", "--db", "events.db"], directory.path());
    assert!(String::from_utf8_lossy(&second.stdout).contains("stored 0 documents"));
    assert!(String::from_utf8_lossy(&second.stdout).contains("1 already stored"));
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
