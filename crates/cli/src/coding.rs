//! `dyad code`, `dyad ingest` and `dyad show`: reading articles and running the pipeline.

use crate::dictionaries::{self, Dictionaries};
use crate::output;
use crate::summary::{LanguageCounts, inputs_skipped, warc_summary};
use crate::{GlobalOptions, OutputFormat};
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use dyad_cluster::StoryClusterer;
use dyad_document::Document;
use dyad_pipeline::{Pipeline, ProcessedDocument, StoryPipeline};
use dyad_read::{DocumentStream, InputFormat, ReadOptions, ReadStats};
use dyad_record::DocumentRecord;
use dyad_store::{InsertOutcome, Store};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;

/// `dyad code --help`: examples, and what the closing summary on stderr counts.
pub const CODE_HELP: &str = "Examples:
  dyad code article.md
  dyad code news/ --format csv > events.csv
  cat articles.jsonl | dyad code - --input jsonl
  dyad code crawl.warc.gz --format csv > events.csv
  dyad code article.md --quotes
  dyad code news/ --stories --format csv

Each input, line or WARC record that cannot be read is named on stderr as it is met, and the
run goes on. Only English is coded: documents whose language is declared or detected as another
are counted by language, not coded. The closing summary on stderr, for a WARC archive (the last
line is one line):
  dyad: coded 1000 documents, 2477 events; 0 inputs skipped
  dyad: 3 documents not in English, not coded: fr 2, de 1
  dyad: read 1113 WARC records from 1 archive: 1003 articles; skipped 110: 102 non-response records,
        5 non-HTML responses, 2 pages without article text, 1 corrupt record";

/// `dyad ingest --help`: examples, and what the closing summary on stderr counts.
pub const INGEST_HELP: &str = "Examples:
  dyad ingest news/
  dyad ingest crawl.jsonl --db /data/dyad.db
  dyad ingest crawl.warc.gz --db events.db

Each input, line or WARC record that cannot be read is named on stderr as it is met, and the
run goes on. Only English is coded: documents whose language is declared or detected as another
are stored with their language, uncoded, and counted. The closing summary on stderr, for a WARC
archive (each line is one line):
  dyad: stored 1003 documents (2477 events, 834 quotes) in events.db; 0 already stored;
        0 inputs skipped
  dyad: 3 documents not in English, stored uncoded: fr 2, de 1
  dyad: read 1113 WARC records from 1 archive: 1003 articles; skipped 110: 102 non-response records,
        5 non-HTML responses, 2 pages without article text, 1 corrupt record";

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum InputKind {
    Auto,
    Text,
    Markdown,
    Jsonl,
    /// A saved web page: its article is extracted, menus and captions left out.
    Html,
    /// A web archive (.warc or .warc.gz): one document per HTML page it holds.
    Warc,
    /// An RSS or Atom feed: one document per item.
    Feed,
}

#[derive(Args)]
pub struct ReadingArgs {
    /// Files or directories to read (directories recursively); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Input format; by default from the file extension or content.
    #[arg(long, value_enum, default_value = "auto")]
    pub input: InputKind,
    /// Largest document to read, in bytes; larger ones are skipped with an error.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
}

#[derive(Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub reading: ReadingArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Print quotes (speaker, addressee, text) after the events.
    #[arg(long)]
    pub quotes: bool,
    /// Group the events of all inputs into stories (one real-world event, many reports) and
    /// set each event's story_id. `dyad ingest` always does this. Documents without a
    /// publication date are coded last, with "Monday" counted from their story's first dated
    /// report instead of from today.
    #[arg(long)]
    pub stories: bool,
}

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub reading: ReadingArgs,
}

#[derive(Args)]
pub struct ShowArgs {
    /// A stored document id (or a unique prefix of one), or a file to read and code.
    pub document: String,
}

fn read_options(reading: &ReadingArgs) -> ReadOptions {
    let format = match reading.input {
        InputKind::Auto => InputFormat::Auto,
        InputKind::Text => InputFormat::Text,
        InputKind::Markdown => InputFormat::Markdown,
        InputKind::Jsonl => InputFormat::JsonLines,
        InputKind::Html => InputFormat::Html,
        InputKind::Warc => InputFormat::Warc,
        InputKind::Feed => InputFormat::Feed,
    };
    ReadOptions { format, max_document_bytes: reading.max_bytes, ..ReadOptions::default() }
}

/// Every document the paths hold; each input, line or record that cannot be read is named
/// on stderr as it comes, and the stream's counts are there for the closing summary.
struct Inputs {
    stream: DocumentStream,
}

impl Inputs {
    fn open(reading: &ReadingArgs) -> Inputs {
        let options = read_options(reading);
        let stream = if reading.paths.len() == 1 && reading.paths[0].as_os_str() == "-" {
            dyad_read::read_stdin(&options)
        } else {
            dyad_read::read_paths(&reading.paths, &options)
        };
        Inputs { stream }
    }

    fn stats(&self) -> ReadStats {
        self.stream.stats()
    }
}

impl Iterator for Inputs {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            match self.stream.next()? {
                Ok(document) => return Some(document),
                Err(error) => eprintln!("dyad: skipped {error}"),
            }
        }
    }
}

/// The summary's closing lines, shared by `code` and `ingest`: languages left uncoded, inputs
/// skipped, and what the WARC archives held.
fn print_reading_summary(stats: &ReadStats, languages: &LanguageCounts, what_became_of_them: &str) {
    if let Some(line) = languages.describe(what_became_of_them) {
        eprintln!("dyad: {line}");
    }
    if let Some(line) = warc_summary(&stats.warc) {
        eprintln!("dyad: {line}");
    }
}

fn pipeline(global: &GlobalOptions) -> Result<Pipeline<'static>> {
    let Dictionaries { kb, verbs } = dictionaries::load(global)?;
    Ok(Pipeline::new(kb, verbs, global.today.unwrap_or_else(dictionaries::today)))
}

/// What `dyad code` has written so far, for the closing summary.
#[derive(Default)]
struct CodeTally {
    documents_coded: usize,
    events_found: usize,
    languages: LanguageCounts,
}

pub fn code(global: &GlobalOptions, args: CodeArgs) -> Result<()> {
    let pipeline = pipeline(global)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut writer = output::EventWriter::new(args.format);
    let mut tally = CodeTally::default();
    let mut write = |processed: ProcessedDocument| -> Result<()> {
        tally.languages.add(&processed);
        tally.documents_coded += usize::from(processed.not_coded.is_none());
        tally.events_found += processed.events().len();
        writer.write_events(&mut out, processed.events())?;
        if args.quotes {
            output::write_quotes(&mut out, args.format, &processed.quotes)?;
        }
        Ok(())
    };
    let mut inputs = Inputs::open(&args.reading);
    if args.stories {
        // Undated documents come out last, once the dated reports of their stories are known.
        let mut stories = StoryPipeline::new(&pipeline, StoryClusterer::new());
        for document in inputs.by_ref() {
            if let Some(processed) = stories.push(document) {
                write(processed)?;
            }
        }
        stories.finish().into_iter().try_for_each(&mut write)?;
    } else {
        for document in inputs.by_ref() {
            write(pipeline.process(document))?;
        }
    }
    let CodeTally { documents_coded, events_found, languages } = tally;
    writer.finish(&mut out)?;
    out.flush()?;
    let stats = inputs.stats();
    let skipped = inputs_skipped(&stats);
    eprintln!("dyad: coded {documents_coded} documents, {events_found} events; {skipped} inputs skipped");
    print_reading_summary(&stats, &languages, "not coded");
    if stats.documents == 0 && stats.errors > 0 {
        bail!("no document could be read");
    }
    Ok(())
}

pub fn ingest(global: &GlobalOptions, args: IngestArgs) -> Result<()> {
    let pipeline = pipeline(global)?;
    let mut store = Store::open(&global.db).with_context(|| format!("cannot open database {}", global.db.display()))?;
    let progress = ProgressBar::new_spinner();
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents read, {per_sec} [{elapsed_precise}] {msg}")
            .expect("the progress template is valid"),
    );
    let mut stories = StoryPipeline::new(&pipeline, StoryClusterer::new());
    remember_stored_documents(&store, &mut stories)?;
    let mut tally = IngestTally::default();
    let mut inputs = Inputs::open(&args.reading);
    for document in inputs.by_ref() {
        progress.inc(1);
        if store.contains_document(&document.id)? {
            tally.already += 1;
            continue;
        }
        // Undated documents wait in `stories` until the dated reports of their stories are in.
        if let Some(processed) = stories.push(document) {
            store_processed(&mut store, processed, &mut tally)?;
        }
        progress.set_message(format!("{} stored, {} events", tally.stored, tally.events));
    }
    for processed in stories.finish() {
        store_processed(&mut store, processed, &mut tally)?;
    }
    let IngestTally { stored, already, events, quotes, languages } = tally;
    progress.finish_and_clear();
    let stats = inputs.stats();
    eprintln!(
        "dyad: stored {stored} documents ({events} events, {quotes} quotes) in {}; {already} already stored; {} inputs skipped",
        global.db.display(),
        inputs_skipped(&stats),
    );
    print_reading_summary(&stats, &languages, "stored uncoded");
    if stored + already == 0 && stats.errors > 0 {
        bail!("no document could be read");
    }
    Ok(())
}

/// What `dyad ingest` has stored so far, for the progress line and the closing summary.
#[derive(Default)]
struct IngestTally {
    stored: usize,
    already: usize,
    events: usize,
    quotes: usize,
    languages: LanguageCounts,
}

fn store_processed(store: &mut Store, processed: ProcessedDocument, tally: &mut IngestTally) -> Result<()> {
    tally.languages.add(&processed);
    let record = DocumentRecord::from_document(&processed.document);
    let outcome = store
        .insert_document(&record, processed.events(), &processed.quotes)
        .with_context(|| format!("cannot store {}", processed.document.metadata.source))?;
    match outcome {
        InsertOutcome::Inserted => {
            tally.stored += 1;
            tally.events += processed.events().len();
            tally.quotes += processed.quotes.len();
        }
        InsertOutcome::AlreadyStored => tally.already += 1,
    }
    Ok(())
}

/// The clusterer keeps its stories in memory; replaying the stored documents in the order they
/// were stored rebuilds the same stories, so new documents join the stories already told.
fn remember_stored_documents(store: &Store, stories: &mut StoryPipeline) -> Result<()> {
    for record in store.documents(None)? {
        let mut events = store.events_for_document(&record.doc_id)?;
        let document = document_from_record(record);
        stories.remember(&document, &mut events);
    }
    Ok(())
}

pub fn show(global: &GlobalOptions, args: ShowArgs) -> Result<()> {
    let pipeline = pipeline(global)?;
    let document = find_document(global, &args.document)?;
    let processed = pipeline.process(document);
    if let Some(dyad_pipeline::NotCoded::Language(language)) = &processed.not_coded {
        eprintln!("dyad: the document is in {language}, not English: shown uncoded");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    output::write_marked_document(&mut out, &processed)?;
    out.flush()?;
    Ok(())
}

/// A path on disk is read and coded; otherwise the id is looked up in the database. The
/// stored body is coded again, which gives the same events: the coder is deterministic.
fn find_document(global: &GlobalOptions, wanted: &str) -> Result<Document> {
    let path = PathBuf::from(wanted);
    if path.is_file() {
        let options = ReadOptions::default();
        let first = dyad_read::read_paths(&[path], &options).next().context("the file holds no document")?;
        return Ok(first?);
    }
    if !global.db.exists() {
        bail!("{wanted} is neither a file nor a document in {} (no such database)", global.db.display());
    }
    let store = Store::open(&global.db)?;
    let record = store.document(wanted)?.with_context(|| format!("no document {wanted} in {}", global.db.display()))?;
    Ok(document_from_record(record))
}

fn document_from_record(record: DocumentRecord) -> Document {
    let metadata = dyad_document::Metadata {
        title: record.title,
        url: record.url,
        published: record.published,
        byline: record.byline,
        language: record.language,
        source: record.source,
        ..Default::default()
    };
    Document { id: record.doc_id, metadata, body: record.body }
}
