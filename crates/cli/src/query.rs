//! `dyad events`, `dyad quotes` and `dyad docs`: reading the database back.

use crate::output::{self, EventWriter};
use crate::{GlobalOptions, OutputFormat};
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use dyad_document::PartialDate;
use dyad_record::Modality;
use dyad_store::{EventFilter, QuoteFilter, Store};
use std::io::Write;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ModalityArg {
    Asserted,
    Negated,
    Future,
    Hypothetical,
    Historical,
}

impl From<ModalityArg> for Modality {
    fn from(value: ModalityArg) -> Modality {
        match value {
            ModalityArg::Asserted => Modality::Asserted,
            ModalityArg::Negated => Modality::Negated,
            ModalityArg::Future => Modality::Future,
            ModalityArg::Hypothetical => Modality::Hypothetical,
            ModalityArg::Historical => Modality::Historical,
        }
    }
}

#[derive(Args)]
pub struct EventArgs {
    /// Actor or recipient: a name (substring, any case) or a code such as RUS.
    #[arg(long)]
    pub actor: Option<String>,
    /// Country code (ISO3) of an actor, a recipient or the event's place.
    #[arg(long)]
    pub country: Option<String>,
    /// PLOVER event type, such as CONSULT or ASSAULT.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<PartialDate>,
    /// Events on or before this date.
    #[arg(long)]
    pub until: Option<PartialDate>,
    /// Words that must appear in the sentence.
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long, value_enum)]
    pub modality: Option<ModalityArg>,
    /// Only events from this document id.
    #[arg(long = "doc")]
    pub doc_id: Option<String>,
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Args)]
pub struct QuoteArgs {
    /// Speaker: a name (substring, any case) or a code such as TUR.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Country code of the speaker or addressee.
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub since: Option<PartialDate>,
    #[arg(long)]
    pub until: Option<PartialDate>,
    /// Words that must appear in the quote.
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long = "doc")]
    pub doc_id: Option<String>,
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

#[derive(Args)]
pub struct DocsArgs {
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

fn open_existing(global: &GlobalOptions) -> Result<Store> {
    if !global.db.exists() {
        bail!("no database at {} (run `dyad ingest` first, or pass --db)", global.db.display());
    }
    Store::open(&global.db).with_context(|| format!("cannot open database {}", global.db.display()))
}

pub fn events(global: &GlobalOptions, args: EventArgs) -> Result<()> {
    let store = open_existing(global)?;
    let filter = EventFilter {
        actor: args.actor,
        country: args.country,
        event_type: args.event_type,
        since: args.since,
        until: args.until,
        text: args.text,
        modality: args.modality.map(Modality::from),
        doc_id: args.doc_id,
        limit: args.limit,
        ..EventFilter::default()
    };
    let events = store.events(&filter)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut writer = EventWriter::new(args.format);
    writer.write_events(&mut out, &events)?;
    writer.finish(&mut out)?;
    out.flush()?;
    Ok(())
}

pub fn quotes(global: &GlobalOptions, args: QuoteArgs) -> Result<()> {
    let store = open_existing(global)?;
    let filter = QuoteFilter {
        speaker: args.speaker,
        country: args.country,
        since: args.since,
        until: args.until,
        text: args.text,
        doc_id: args.doc_id,
        limit: args.limit,
        ..QuoteFilter::default()
    };
    let quotes = store.quotes(&filter)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    output::write_quotes(&mut out, args.format, &quotes)?;
    out.flush()?;
    Ok(())
}

pub fn docs(global: &GlobalOptions, args: DocsArgs) -> Result<()> {
    let store = open_existing(global)?;
    let documents = store.documents(args.limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    output::write_documents(&mut out, args.format, &documents)?;
    out.flush()?;
    Ok(())
}
