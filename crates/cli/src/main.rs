//! The `dyad` command: a thin layer that parses flags and composes the library crates.
//! Only this crate knows command-line flags; everything it does is a library call.

mod coding;
mod dictionaries;
mod evaluate;
mod output;
mod query;
mod summary;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use dyad_document::PartialDate;
use std::path::PathBuf;

/// The coder allocates many small strings (names, codes, words); mimalloc serves those
/// markedly faster than the system allocator (measured with scripts/bench.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event data from news reports: who did what to whom, when and where, and who said what.",
    long_about = "dyad reads news articles (text, markdown, JSON Lines, saved web pages, WARC archives, RSS/Atom \
                  feeds) and codes PLOVER events with CAMEO codes (English documents; others are kept uncoded), \
                  actors coded with the roles they held on the day, event dates from the text, and quotes with \
                  their speakers. Every fact points at the sentence that says it.",
    after_help = "Examples:\n  dyad code examples/articles\n  dyad ingest examples/articles --db events.db\n  \
                  dyad events --db events.db --type CONSULT --country RUS --format csv\n  \
                  dyad kb lookup Assad --on 2024-12-20"
)]
struct Cli {
    #[command(flatten)]
    global: GlobalOptions,
    #[command(subcommand)]
    command: Command,
}

/// Options every command understands.
#[derive(Args, Clone)]
pub struct GlobalOptions {
    /// SQLite database file (created on first use).
    #[arg(long, global = true, env = "DYAD_DB", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Use this knowledge-base directory (kb/*.tsv) instead of the one built into dyad.
    #[arg(long, global = true, env = "DYAD_KB")]
    pub kb: Option<PathBuf>,
    /// Add a TABARI/PETRARCH actor, agent or verb dictionary for this run (repeatable).
    #[arg(long = "dictionary", global = true)]
    pub dictionaries: Vec<PathBuf>,
    /// Date to anchor documents that carry no publication date (default: today).
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<PartialDate>,
}

#[derive(Subcommand)]
enum Command {
    /// Code events from articles and print them, without a database.
    #[command(after_help = coding::CODE_HELP)]
    Code(coding::CodeArgs),
    /// Read articles, code them and store documents, events and quotes in the database.
    #[command(after_help = coding::INGEST_HELP)]
    Ingest(coding::IngestArgs),
    /// List stored events, filtered.
    #[command(after_help = "Examples:\n  dyad events --actor Putin\n  \
                            dyad events --type ASSAULT --country SYR --since 2024-01 --format csv\n  \
                            dyad events --text ceasefire --format jsonl")]
    Events(query::EventArgs),
    /// List stored stories: real-world events with the number of documents reporting each.
    #[command(after_help = "Examples:\n  dyad stories\n  dyad stories --type ASSAULT --since 2024-07 --format csv")]
    Stories(query::EventArgs),
    /// List stored quotes, filtered.
    #[command(after_help = "Examples:\n  dyad quotes --speaker Erdogan\n  dyad quotes --country RUS --format jsonl")]
    Quotes(query::QuoteArgs),
    /// List stored documents.
    #[command(after_help = "Example:\n  dyad docs --limit 20")]
    Docs(query::DocsArgs),
    /// Print one article with its actors, dates, events and quotes marked.
    #[command(after_help = "Examples:\n  dyad show 3f2a9c\n  dyad show examples/articles/moscow-visit.md")]
    Show(coding::ShowArgs),
    /// Work with the knowledge base: look names up, import dictionaries, rebuild from sources.
    #[command(subcommand)]
    Kb(dictionaries::KbCommand),
    /// Measure dyad against public gold standards.
    #[command(subcommand)]
    Eval(evaluate::EvalCommand),
    /// Train the part-of-speech tagger from a CoNLL-U treebank directory.
    #[command(after_help = "Example:\n  dyad train-tagger ../shared/data/ud-gum crates/analyse/model/pos-tagger.bin")]
    TrainTagger(dictionaries::TrainTaggerArgs),
}

/// Output formats for records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for reading in a terminal.
    Table,
    /// One JSON object per line, field names as in the event-record spec.
    Jsonl,
    /// One JSON array (PLOVER JSON records).
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

fn main() {
    let cli = Cli::parse();
    if let Err(error) = run(cli) {
        eprintln!("dyad: {error:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    let global = cli.global;
    match cli.command {
        Command::Code(args) => coding::code(&global, args),
        Command::Ingest(args) => coding::ingest(&global, args),
        Command::Events(args) => query::events(&global, args),
        Command::Stories(args) => query::stories(&global, args),
        Command::Quotes(args) => query::quotes(&global, args),
        Command::Docs(args) => query::docs(&global, args),
        Command::Show(args) => coding::show(&global, args),
        Command::Kb(command) => dictionaries::run(&global, command),
        Command::Eval(command) => evaluate::run(&global, command),
        Command::TrainTagger(args) => dictionaries::train_tagger(args),
    }
}
