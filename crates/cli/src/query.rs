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
    /// Count each real-world event once: keep the first report of every story.
    #[arg(long)]
    pub stories: bool,
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

fn event_filter(args: &EventArgs) -> EventFilter {
    EventFilter {
        actor: args.actor.clone(),
        country: args.country.clone(),
        event_type: args.event_type.clone(),
        since: args.since,
        until: args.until,
        text: args.text.clone(),
        modality: args.modality.map(Modality::from),
        doc_id: args.doc_id.clone(),
        limit: args.limit,
        ..EventFilter::default()
    }
}

pub fn events(global: &GlobalOptions, args: EventArgs) -> Result<()> {
    let store = open_existing(global)?;
    let mut events = store.events(&event_filter(&args))?;
    if args.stories {
        let mut seen = std::collections::HashSet::new();
        events.retain(|event| event.story_id.as_ref().is_none_or(|story| seen.insert(story.clone())));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut writer = EventWriter::new(args.format);
    writer.write_events(&mut out, &events)?;
    writer.finish(&mut out)?;
    out.flush()?;
    Ok(())
}

/// One story: the events that report it and the documents they come from.
#[derive(serde::Serialize)]
struct StorySummary {
    story_id: String,
    event: String,
    date: String,
    actor: String,
    recipient: String,
    reports: usize,
    documents: usize,
    first_report: dyad_record::EventRecord,
}

pub fn stories(global: &GlobalOptions, args: EventArgs) -> Result<()> {
    let store = open_existing(global)?;
    let filter = EventFilter { limit: None, ..event_filter(&args) };
    let mut summaries: Vec<StorySummary> = Vec::new();
    let mut index_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut documents_of: Vec<std::collections::BTreeSet<String>> = Vec::new();
    for event in store.events(&filter)? {
        let Some(story) = event.story_id.clone() else { continue };
        let index = *index_of.entry(story.clone()).or_insert_with(|| {
            summaries.push(StorySummary {
                story_id: story,
                event: event.event.clone(),
                date: event.date.to_string(),
                actor: output::entity_summary(&event.actor),
                recipient: output::entity_summary(&event.recipient),
                reports: 0,
                documents: 0,
                first_report: event.clone(),
            });
            documents_of.push(Default::default());
            summaries.len() - 1
        });
        summaries[index].reports += 1;
        documents_of[index].insert(event.doc_id.clone());
        summaries[index].documents = documents_of[index].len();
    }
    summaries.sort_by(|left, right| right.documents.cmp(&left.documents).then(left.date.cmp(&right.date)));
    summaries.truncate(args.limit.unwrap_or(usize::MAX));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        OutputFormat::Jsonl | OutputFormat::Json => {
            for summary in &summaries {
                writeln!(out, "{}", serde_json::to_string(summary)?)?;
            }
        }
        OutputFormat::Csv => {
            writeln!(out, "story_id,date,event,actor,recipient,documents,reports,words")?;
            for summary in &summaries {
                let fields = [
                    summary.story_id.clone(),
                    summary.date.clone(),
                    summary.event.clone(),
                    summary.actor.clone(),
                    summary.recipient.clone(),
                    summary.documents.to_string(),
                    summary.reports.to_string(),
                    summary.first_report.event_text.clone(),
                ];
                writeln!(out, "{}", fields.iter().map(|field| output::csv_field(field)).collect::<Vec<_>>().join(","))?;
            }
        }
        OutputFormat::Table => {
            writeln!(
                out,
                "{:<22}  {:<10}  {:<9}  {:>4}  {:<30}  {:<30}",
                "story", "date", "event", "docs", "actor", "recipient"
            )?;
            for summary in &summaries {
                writeln!(
                    out,
                    "{:<22}  {:<10}  {:<9}  {:>4}  {:<30}  {:<30}",
                    summary.story_id, summary.date, summary.event, summary.documents, summary.actor, summary.recipient
                )?;
            }
        }
    }
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
