//! Which time expression dates which event.
//!
//! A sentence can carry several dates ("The meeting, held late Wednesday, ... its
//! intervention in 2015"). Each expression belongs to the verb nearest to it, and an event
//! takes only the expressions of its own verb: "met ..., state media reported on Thursday"
//! dates the report, not the meeting. A later sentence that picks the event up again by
//! name ("The meeting, held late Wednesday, ...") can still date it.

use crate::clause::content_verbs;
use dyad_actors::SentenceView;
use dyad_analyse::Sentence;
use dyad_document::{Document, PartialDate};
use dyad_record::{DateSource, EventRecord, Modality};
use dyad_time::{Tense, TimeExpression, find_time_expressions, guess_tense};

/// The time expressions of one sentence and the verb each belongs to.
pub struct SentenceTimes {
    /// The expressions that have a calendar value ("two days after the election" has none).
    pub expressions: Vec<TimeExpression>,
    /// The representative date of each expression, in the same order.
    dates: Vec<PartialDate>,
    /// For each expression, the token index of the verb it belongs to, if the sentence has verbs.
    owning_verb: Vec<Option<usize>>,
}

impl SentenceTimes {
    pub fn find(view: &SentenceView, anchor: PartialDate) -> SentenceTimes {
        let words: Vec<&str> = (0..view.len()).map(|index| view.word(index)).collect();
        let tags: Vec<&str> = (0..view.len()).map(|index| view.tag(index)).collect();
        let tense = guess_tense(&words, &tags);
        let (expressions, dates): (Vec<TimeExpression>, Vec<PartialDate>) =
            find_time_expressions(view.body, view.sentence.span, anchor, tense)
                .into_iter()
                .filter_map(|expression| expression.representative().map(|date| (expression, date)))
                .unzip();
        let verbs = content_verbs(view);
        let segments = clause_segments(view);
        let owning_verb = expressions
            .iter()
            .map(|expression| {
                let token = view.token_at_offset(expression.span.start)?;
                let same_segment: Vec<usize> =
                    verbs.iter().copied().filter(|&verb| segments[verb] == segments[token]).collect();
                nearest(&same_segment, token).or_else(|| nearest(&verbs, token))
            })
            .collect();
        SentenceTimes { expressions, dates, owning_verb }
    }

    /// The expression governing the verb at `verb_token`: the closest one the verb owns.
    pub fn for_verb(&self, view: &SentenceView, verb_token: usize) -> Option<(&TimeExpression, PartialDate)> {
        (0..self.expressions.len())
            .filter(|&index| self.owning_verb[index] == Some(verb_token))
            .min_by_key(|&index| {
                let start = self.expressions[index].span.start;
                view.token_at_offset(start).map_or(usize::MAX, |token| token.abs_diff(verb_token))
            })
            .map(|index| (&self.expressions[index], self.dates[index]))
    }

    /// A sentence-wide background date: the earliest expression lying wholly before the
    /// anchor's month. Past-tense events with no date of their own in a sentence about 2011
    /// are 2011 events, not events of the publication day.
    pub fn background_date(&self, anchor: PartialDate) -> Option<(&TimeExpression, PartialDate)> {
        (0..self.expressions.len())
            .filter(|&index| is_well_before(self.dates[index], anchor))
            .min_by_key(|&index| self.dates[index])
            .map(|index| (&self.expressions[index], self.dates[index]))
    }
}

/// A segment number for each token: a comma, dash, semicolon, colon or relative pronoun starts
/// a new segment, so "Russia — which saved ... in 2015 ... — seeks to mediate" gives 2015 to
/// "saved", the verb of its own aside, and "met X on Wednesday, the Kremlin said" gives
/// Wednesday to the meeting, not to the nearer verb of the attribution.
fn clause_segments(view: &SentenceView) -> Vec<usize> {
    let mut segment = 0;
    (0..view.len())
        .map(|index| {
            let starts_segment = matches!(view.word(index), "," | "—" | "–" | "--" | ";" | ":")
                || matches!(view.tag(index), "WDT" | "WP");
            if starts_segment {
                segment += 1;
            }
            segment
        })
        .collect()
}

fn nearest(verbs: &[usize], token: usize) -> Option<usize> {
    // Ties go to the verb on the left: "met ... on Thursday, and left" dates the meeting.
    verbs.iter().copied().min_by_key(|&verb| (verb.abs_diff(token), verb > token))
}

/// True when `date` ends before the month preceding the anchor's: background, not news.
/// "last month" in a July article is still news; "March of last year" and "in 2015" are not.
pub fn is_well_before(date: PartialDate, anchor: PartialDate) -> bool {
    let (year, month, _) = anchor.first_day();
    let month_before = if month == 1 { PartialDate::month(year - 1, 12) } else { PartialDate::month(year, month - 1) };
    date.is_before(&month_before)
}

/// Nouns that name an event already reported, and the PLOVER type they pick up.
const EVENT_NOUNS: &[(&str, &str)] = &[
    ("meeting", "CONSULT"),
    ("talks", "CONSULT"),
    ("visit", "CONSULT"),
    ("summit", "CONSULT"),
    ("call", "CONSULT"),
    ("attack", "ASSAULT"),
    ("attacks", "ASSAULT"),
    ("strike", "ASSAULT"),
    ("strikes", "ASSAULT"),
    ("raid", "ASSAULT"),
    ("offensive", "ASSAULT"),
    ("bombing", "ASSAULT"),
    ("shelling", "ASSAULT"),
    ("arrest", "COERCE"),
    ("arrests", "COERCE"),
    ("protest", "PROTEST"),
    ("protests", "PROTEST"),
    ("demonstration", "PROTEST"),
    ("rally", "PROTEST"),
    ("agreement", "AGREE"),
    ("deal", "AGREE"),
    ("sanctions", "SANCTION"),
];

/// How many tokens after the event noun its date may stand: the noun's own modifiers come
/// first, and they can be long ("The sanctions on Petroleos de Venezuela, S.A., or PDVSA,
/// announced Monday").
const LATER_MENTION_DATE_WINDOW: usize = 16;

/// "The meeting, held late Wednesday, ...": a sentence that opens on a definite event noun and
/// carries a date gives that date to the latest earlier event of that type still dated by
/// the publication day (within three sentences).
pub fn date_events_from_later_mentions(
    document: &Document,
    sentences: &[Sentence],
    times: &[Vec<TimeExpression>],
    anchor_date: PartialDate,
    events: &mut [EventRecord],
) {
    let anchor = document.metadata.published;
    for (sentence_index, sentence) in sentences.iter().enumerate() {
        let view = SentenceView::new(&document.body, sentence);
        let Some((noun_token, family)) = opening_event_noun(&view) else {
            continue;
        };
        let Some((expression, date)) = times[sentence_index].iter().find_map(|expression| {
            let near_noun = view
                .token_at_offset(expression.span.start)
                .is_some_and(|token| token > noun_token && token <= noun_token + LATER_MENTION_DATE_WINDOW);
            if near_noun { expression.representative().map(|date| (expression, date)) } else { None }
        }) else {
            continue;
        };
        // The first event of the latest earlier sentence: `rev` makes `max_by_key` keep it.
        let target = events
            .iter_mut()
            .rev()
            .filter(|event| event.sentence < sentence_index && sentence_index - event.sentence <= 3)
            .filter(|event| event.event == family && event.date_source == DateSource::Publication)
            .max_by_key(|event| event.sentence);
        if let Some(event) = target {
            // The act was reported as done, so its date is read as past even when the later
            // sentence looks ahead ("The sanctions, announced Monday, will freeze ...").
            let date = if event.modality == Modality::Asserted {
                past_reading(document, expression, anchor_date)
            } else {
                None
            }
            .unwrap_or(date);
            event.date = date;
            event.date_source = DateSource::Text;
            event.date_text = Some(document.text(expression.span).to_string());
            if let Some(anchor) = anchor {
                crate::modality::mark_historical_if_past(event, anchor);
            }
        }
    }
}

/// The expression's date read in the past tense.
fn past_reading(document: &Document, expression: &TimeExpression, anchor: PartialDate) -> Option<PartialDate> {
    find_time_expressions(&document.body, expression.span, anchor, Tense::Past)
        .into_iter()
        .find(|found| found.span == expression.span)
        .and_then(|found| found.representative())
}

fn opening_event_noun(view: &SentenceView) -> Option<(usize, &'static str)> {
    (1..view.len().min(4)).find_map(|token| {
        let determiner = view.is_any_word(token - 1, &["the", "this", "that", "thursday's", "wednesday's"]);
        let family = EVENT_NOUNS.iter().find(|(noun, _)| view.is_word(token, noun)).map(|(_, family)| *family);
        if determiner { family.map(|family| (token, family)) } else { None }
    })
}
