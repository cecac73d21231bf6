//! Printing records: tables for people, JSON Lines, JSON and CSV for other tools.

use crate::OutputFormat;
use anyhow::Result;
use dyad_pipeline::ProcessedDocument;
use dyad_record::{DocumentRecord, Entity, EventRecord, QuoteRecord};
use std::io::Write;

/// Writes events one batch at a time; JSON needs an opening and closing bracket and CSV a
/// header, so the writer remembers what it has written.
pub struct EventWriter {
    format: OutputFormat,
    written: usize,
}

const EVENT_CSV_HEADER: &str = "id,doc_id,sentence,date,date_source,date_text,event,mode,cameo,quad_class,goldstein,\
modality,actor_names,actor_codes,recipient_names,recipient_codes,location,location_country,confidence,event_text";

impl EventWriter {
    pub fn new(format: OutputFormat) -> EventWriter {
        EventWriter { format, written: 0 }
    }

    pub fn write_events(&mut self, out: &mut impl Write, events: &[EventRecord]) -> Result<()> {
        for event in events {
            match self.format {
                OutputFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(event)?)?,
                OutputFormat::Json => {
                    let separator = if self.written == 0 { "[\n" } else { ",\n" };
                    write!(out, "{separator}{}", serde_json::to_string(event)?)?;
                }
                OutputFormat::Csv => {
                    if self.written == 0 {
                        writeln!(out, "{EVENT_CSV_HEADER}")?;
                    }
                    writeln!(out, "{}", event_csv_row(event))?;
                }
                OutputFormat::Table => {
                    if self.written == 0 {
                        writeln!(
                            out,
                            "{:<10}  {:<9}  {:<12}  {:<28}  {:<28}  {:<12}  words",
                            "date", "event", "mode", "actor", "recipient", "modality"
                        )?;
                    }
                    writeln!(
                        out,
                        "{:<10}  {:<9}  {:<12}  {:<28}  {:<28}  {:<12}  {}",
                        event.date.to_string(),
                        event.event,
                        event.mode.as_deref().unwrap_or("-"),
                        clip(&entity_summary(&event.actor), 28),
                        clip(&entity_summary(&event.recipient), 28),
                        event.modality.as_str(),
                        event.event_text,
                    )?;
                }
            }
            self.written += 1;
        }
        Ok(())
    }

    pub fn finish(&mut self, out: &mut impl Write) -> Result<()> {
        match (self.format, self.written) {
            (OutputFormat::Json, 0) => writeln!(out, "[]")?,
            (OutputFormat::Json, _) => writeln!(out, "\n]")?,
            _ => {}
        }
        Ok(())
    }
}

/// "Vladimir Putin (RUS GOV); police (COP)".
pub fn entity_summary(entities: &[Entity]) -> String {
    let parts: Vec<String> = entities
        .iter()
        .map(|entity| {
            let label = entity.name.as_deref().unwrap_or(&entity.text);
            let code =
                [entity.code.as_deref(), entity.sector.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
            if code.is_empty() { label.to_string() } else { format!("{label} ({code})") }
        })
        .collect();
    if parts.is_empty() { "-".to_string() } else { parts.join("; ") }
}

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width - 1).collect();
    format!("{kept}…")
}

fn codes(entities: &[Entity]) -> String {
    entities
        .iter()
        .map(|entity| format!("{}{}", entity.code.as_deref().unwrap_or(""), entity.sector.as_deref().unwrap_or("")))
        .collect::<Vec<_>>()
        .join(";")
}

fn names(entities: &[Entity]) -> String {
    entities.iter().map(|entity| entity.name.as_deref().unwrap_or(&entity.text)).collect::<Vec<_>>().join(";")
}

fn event_csv_row(event: &EventRecord) -> String {
    let fields = [
        event.id.clone(),
        event.doc_id.clone(),
        event.sentence.to_string(),
        event.date.to_string(),
        format!("{:?}", event.date_source).to_lowercase(),
        event.date_text.clone().unwrap_or_default(),
        event.event.clone(),
        event.mode.clone().unwrap_or_default(),
        event.cameo.clone().unwrap_or_default(),
        event.quad_class.to_string(),
        event.goldstein.map(|score| score.to_string()).unwrap_or_default(),
        event.modality.as_str().to_string(),
        names(&event.actor),
        codes(&event.actor),
        names(&event.recipient),
        codes(&event.recipient),
        event.location.as_ref().and_then(|place| place.name.clone()).unwrap_or_default(),
        event.location.as_ref().and_then(|place| place.country.clone()).unwrap_or_default(),
        event.confidence.to_string(),
        event.event_text.clone(),
    ];
    fields.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(",")
}

/// RFC 4180 quoting: fields holding a comma, quote or line break are quoted, quotes doubled.
pub fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

pub fn write_quotes(out: &mut impl Write, format: OutputFormat, quotes: &[QuoteRecord]) -> Result<()> {
    match format {
        OutputFormat::Jsonl | OutputFormat::Json => {
            for quote in quotes {
                writeln!(out, "{}", serde_json::to_string(quote)?)?;
            }
        }
        OutputFormat::Csv => {
            writeln!(out, "doc_id,speaker,speaker_code,addressee,verb,date,text")?;
            for quote in quotes {
                let speaker = quote.speaker.as_ref();
                let fields = [
                    quote.doc_id.clone(),
                    speaker.map(|entity| names(std::slice::from_ref(entity))).unwrap_or_default(),
                    speaker.map(|entity| codes(std::slice::from_ref(entity))).unwrap_or_default(),
                    quote.addressee.as_ref().map(|entity| names(std::slice::from_ref(entity))).unwrap_or_default(),
                    quote.verb.clone().unwrap_or_default(),
                    quote.date.map(|date| date.to_string()).unwrap_or_default(),
                    quote.text.clone(),
                ];
                writeln!(out, "{}", fields.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(","))?;
            }
        }
        OutputFormat::Table => {
            for quote in quotes {
                let speaker = quote
                    .speaker
                    .as_ref()
                    .map_or("(unknown)".to_string(), |entity| entity_summary(std::slice::from_ref(entity)));
                let addressee = quote
                    .addressee
                    .as_ref()
                    .map(|entity| format!(" to {}", entity_summary(std::slice::from_ref(entity))))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{speaker}{addressee} [{}]: “{}”",
                    quote.verb.as_deref().unwrap_or("-"),
                    clip(&quote.text, 120)
                )?;
            }
        }
    }
    Ok(())
}

pub fn write_documents(out: &mut impl Write, format: OutputFormat, documents: &[DocumentRecord]) -> Result<()> {
    match format {
        OutputFormat::Jsonl | OutputFormat::Json => {
            for document in documents {
                writeln!(out, "{}", serde_json::to_string(document)?)?;
            }
        }
        OutputFormat::Csv => {
            writeln!(out, "doc_id,published,title,url,source")?;
            for document in documents {
                let fields = [
                    document.doc_id.clone(),
                    document.published.map(|date| date.to_string()).unwrap_or_default(),
                    document.title.clone().unwrap_or_default(),
                    document.url.clone().unwrap_or_default(),
                    document.source.clone(),
                ];
                writeln!(out, "{}", fields.iter().map(|field| csv_field(field)).collect::<Vec<_>>().join(","))?;
            }
        }
        OutputFormat::Table => {
            for document in documents {
                let published = document.published.map(|date| date.to_string()).unwrap_or_else(|| "-".into());
                writeln!(
                    out,
                    "{}  {:<10}  {}",
                    document.doc_id,
                    published,
                    document.title.as_deref().unwrap_or(&document.source)
                )?;
            }
        }
    }
    Ok(())
}

/// The article as a reader sees it, with actors marked `[text|CODE SECTOR]`, time
/// expressions `{text=date}`, and each sentence's events and quotes listed under its paragraph.
pub fn write_marked_document(out: &mut impl Write, processed: &ProcessedDocument) -> Result<()> {
    let document = &processed.document;
    let metadata = &document.metadata;
    writeln!(out, "{}", metadata.title.as_deref().unwrap_or("(untitled)"))?;
    writeln!(
        out,
        "id {}  published {}  source {}",
        document.id,
        metadata.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
        metadata.source
    )?;
    if let Some(url) = &metadata.url {
        writeln!(out, "url {url}")?;
    }
    writeln!(out)?;
    let mut marks: Vec<(usize, usize, String)> = Vec::new();
    for phrases in &processed.coded.actors {
        for phrase in phrases {
            let code = [phrase.entity.code.as_deref(), phrase.entity.sector.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            marks.push((
                phrase.entity.span.start,
                phrase.entity.span.end,
                if code.is_empty() { "?".into() } else { code },
            ));
        }
    }
    for expressions in &processed.coded.times {
        for expression in expressions {
            let value = expression.value.map_or_else(|| "?".to_string(), |value| value.to_string());
            marks.push((expression.span.start, expression.span.end, format!("={value}")));
        }
    }
    marks.sort();
    let mut cursor = 0;
    let body = &document.body;
    for (start, end, label) in marks {
        if start < cursor {
            continue;
        }
        write!(out, "{}", &body[cursor..start])?;
        if label.starts_with('=') {
            write!(out, "{{{}{label}}}", &body[start..end])?;
        } else {
            write!(out, "[{}|{label}]", &body[start..end])?;
        }
        cursor = end;
    }
    writeln!(out, "{}", &body[cursor..])?;
    writeln!(out, "\nEvents:")?;
    let mut writer = EventWriter::new(OutputFormat::Table);
    writer.write_events(out, processed.events())?;
    writeln!(out, "\nQuotes:")?;
    write_quotes(out, OutputFormat::Table, &processed.quotes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    }
}
