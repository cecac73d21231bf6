//! Quotes: who said what, to whom.
//!
//! Direct quotes are found from quotation marks in the body (straight or curly, spanning
//! sentences, and paragraphs whose closing mark is left off by the convention that the next
//! paragraph reopens the quote); each is attributed through a speech verb in the sentence
//! that holds it ("...," Putin told Assad.) or, failing that, continues the previous quote of
//! the same paragraph (the split quote: "...," he said. "..."). Reported speech ("Erdogan
//! said Turkey would ...") gives a quote whose text is the reported clause.
//!
//! An interrupted quote ("...," the Russian leader said, "but ...") whose parts find the same
//! verb is one statement too. A speaker named by surname alone that the knowledge base does not
//! know ("Mikati said") takes the resolution of the person named in full earlier.
//!
//! Invariants: every span indexes the body; speakers come from the actor phrases the coder
//! resolved, so a speaker is coded with the role held on the document's date.

mod marks;
mod speech;

use dyad_actors::{ActorPhrase, PhraseKind, SentenceView};
use dyad_analyse::Sentence;
use dyad_document::{PartialDate, Span};
use dyad_record::{Entity, QuoteRecord};

/// Everything quote finding reads from a coded document.
pub struct QuoteInput<'a> {
    pub body: &'a str,
    pub doc_id: &'a str,
    pub sentences: &'a [Sentence],
    /// The actor phrases of each sentence, as the coder resolved them.
    pub actors: &'a [Vec<ActorPhrase>],
    /// The date the quotes are given: the document's publication date where known.
    pub date: Option<PartialDate>,
}

/// Quotes shorter than this many words are scare quotes ("escalation"), not statements.
const MINIMUM_QUOTE_WORDS: usize = 4;

pub fn find_quotes(input: &QuoteInput) -> Vec<QuoteRecord> {
    let mut quotes: Vec<QuoteRecord> = Vec::new();
    let mut quoted_sentences = vec![false; input.sentences.len()];
    let mut previous_paragraph_end = None;
    let mut previous_verb_span = None;
    for stretch in marks::quoted_stretches(input.body) {
        if word_count(&input.body[stretch.inner.start..stretch.inner.end]) < MINIMUM_QUOTE_WORDS {
            continue;
        }
        mark_sentences(input, stretch.outer, &mut quoted_sentences);
        let attribution = speech::attribute_direct_quote(input, stretch.outer);
        let paragraph_end = marks::paragraph_end(input.body, stretch.outer.start);
        let continues_previous = attribution.is_none() && previous_paragraph_end == Some(paragraph_end)
            || attribution.is_none() && stretch.reopens_previous;
        // An interrupted quote ("...," the Russian leader said in June, "but ...") finds the
        // same verb for both its parts: one statement, not two.
        let same_verb = attribution.as_ref().is_some_and(|found| previous_verb_span == Some(found.verb_span));
        if (continues_previous || same_verb)
            && let Some(previous) = quotes.last_mut()
        {
            extend_quote(input.body, previous, stretch.inner);
            continue;
        }
        previous_paragraph_end = Some(paragraph_end);
        previous_verb_span = attribution.as_ref().map(|found| found.verb_span);
        let (speaker, addressee, verb) =
            attribution.map_or((None, None, None), |found| (found.speaker, found.addressee, Some(found.verb)));
        quotes.push(QuoteRecord {
            doc_id: input.doc_id.to_string(),
            speaker,
            addressee,
            text: input.body[stretch.inner.start..stretch.inner.end].to_string(),
            verb,
            span: stretch.inner,
            date: input.date,
        });
    }
    for (index, sentence) in input.sentences.iter().enumerate() {
        if quoted_sentences[index] {
            continue;
        }
        let view = SentenceView::new(input.body, sentence);
        if let Some(reported) = speech::reported_speech(&view, &input.actors[index]) {
            quotes.push(QuoteRecord {
                doc_id: input.doc_id.to_string(),
                speaker: reported.speaker,
                addressee: reported.addressee,
                text: input.body[reported.content.start..reported.content.end].to_string(),
                verb: Some(reported.verb),
                span: reported.content,
                date: input.date,
            });
        }
    }
    for quote in &mut quotes {
        for entity in [quote.speaker.as_mut(), quote.addressee.as_mut()].into_iter().flatten() {
            resolve_surname(input, entity);
        }
    }
    quotes.sort_by_key(|quote| quote.span.start);
    quotes
}

/// A speaker the knowledge base does not know by surname alone ("Mikati said") is the person
/// the document named in full before ("Lebanese Prime Minister Najib Mikati"): the latest
/// earlier person phrase whose canonical name ends with the same words takes its place.
/// The mention keeps its own text and span.
fn resolve_surname(input: &QuoteInput, entity: &mut Entity) {
    if entity.name.is_some() || entity.code.is_some() || !entity.text.starts_with(char::is_uppercase) {
        return;
    }
    let surname = format!(" {}", entity.text);
    let earlier_people = input
        .actors
        .iter()
        .flatten()
        .filter(|phrase| phrase.kind == PhraseKind::Person && phrase.entity.span.end <= entity.span.start)
        .filter(|phrase| phrase.entity.name.as_deref().is_some_and(|name| name.ends_with(&surname)));
    if let Some(person) = earlier_people.max_by_key(|phrase| phrase.entity.span.start) {
        entity.name.clone_from(&person.entity.name);
        entity.code.clone_from(&person.entity.code);
        entity.sector.clone_from(&person.entity.sector);
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn mark_sentences(input: &QuoteInput, outer: Span, quoted: &mut [bool]) {
    for (index, sentence) in input.sentences.iter().enumerate() {
        if sentence.span.overlaps(outer) {
            quoted[index] = true;
        }
    }
}

/// A split quote is one statement: the record's text joins the parts with a space and its
/// span covers them all (the attribution between them lies inside the span, not the text).
fn extend_quote(body: &str, quote: &mut QuoteRecord, part: Span) {
    quote.text.push(' ');
    quote.text.push_str(&body[part.start..part.end]);
    quote.span = quote.span.cover(part);
}

#[cfg(test)]
mod tests;
