//! Speech verbs and who they attribute words to.

use crate::QuoteInput;
use dyad_actors::{ActorPhrase, SentenceView};
use dyad_document::Span;
use dyad_record::Entity;

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stated",
    "states",
    "declared",
    "declares",
    "warned",
    "warns",
    "insisted",
    "insists",
    "noted",
    "notes",
    "wrote",
    "writes",
    "asked",
    "asks",
    "urged",
    "urges",
    "stressed",
    "stresses",
    "explained",
    "replied",
    "announced",
    "argued",
    "argues",
    "claimed",
    "claims",
    "continued",
    "recalled",
    "remarked",
];
const TELLING_VERBS: &[&str] = &["told", "tells", "tell", "asked", "asks", "urged", "urges", "warned", "warns"];
/// Speech verbs that take a reported clause ("said Turkey would ...").
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "stated",
    "declared",
    "warned",
    "insisted",
    "noted",
    "argued",
    "claimed",
    "announced",
    "stressed",
];

pub struct Attribution {
    pub speaker: Option<Entity>,
    pub addressee: Option<Entity>,
    pub verb: String,
    /// Where the verb stands: two stretches attributed by the same verb are one statement.
    pub verb_span: Span,
}

/// The attribution of a direct quote: a speech verb outside the marks, in the sentence where
/// the quote ends (`"...," Putin told Assad.`) or where it starts (`Erdogan said: "..."`).
pub fn attribute_direct_quote(input: &QuoteInput, quote: Span) -> Option<Attribution> {
    let ending = sentence_index_at(input, quote.end.saturating_sub(1));
    let starting = sentence_index_at(input, quote.start);
    for index in [ending, starting].into_iter().flatten() {
        let view = SentenceView::new(input.body, &input.sentences[index]);
        let phrases = &input.actors[index];
        let verbs = (0..view.len())
            .filter(|&token| !view.token_span(token).overlaps(quote))
            .filter(|&token| view.is_any_word(token, SPEECH_VERBS) || is_according_to(&view, token));
        for verb in verbs {
            if let Some(attribution) = attribution_at(&view, phrases, verb, quote) {
                return Some(attribution);
            }
        }
    }
    None
}

fn is_according_to(view: &SentenceView, token: usize) -> bool {
    view.is_word(token, "according") && view.is_word(token + 1, "to")
}

fn sentence_index_at(input: &QuoteInput, offset: usize) -> Option<usize> {
    input.sentences.iter().position(|sentence| sentence.span.start <= offset && offset < sentence.span.end)
}

fn attribution_at(view: &SentenceView, phrases: &[ActorPhrase], verb: usize, quote: Span) -> Option<Attribution> {
    let verb_word = view.word(verb).to_string();
    if is_according_to(view, verb) {
        let speaker = phrase_starting_at(phrases, verb + 2).map(|phrase| phrase.entity.clone());
        let verb_span = view.range_span(verb, verb + 2);
        return Some(Attribution { speaker, addressee: None, verb: "according to".into(), verb_span });
    }
    let before = subject_of(view, phrases, verb).filter(|phrase| !phrase.entity.span.overlaps(quote));
    let after = phrase_starting_at(phrases, verb + 1).filter(|phrase| !phrase.entity.span.overlaps(quote));
    let is_telling = view.is_any_word(verb, TELLING_VERBS);
    let (speaker, addressee) = match (before, after) {
        (Some(speaker), addressee) if is_telling => (Some(speaker), addressee),
        (Some(speaker), _) => (Some(speaker), None),
        // Inversion after a quote: `"...," said Erdogan.`
        (None, Some(speaker)) if view.token_span(verb).start >= quote.end => (Some(speaker), None),
        _ => return None,
    };
    Some(Attribution {
        speaker: speaker.map(|phrase| phrase.entity.clone()),
        addressee: addressee.map(|phrase| phrase.entity.clone()),
        verb: verb_word,
        verb_span: view.token_span(verb),
    })
}

/// The actor phrase just before the verb, over adverbs and auxiliaries ("Erdogan has long said").
fn subject_of<'p>(view: &SentenceView, phrases: &'p [ActorPhrase], verb: usize) -> Option<&'p ActorPhrase> {
    let mut end = verb;
    while end > 0 && (view.tag(end - 1).starts_with("RB") || matches!(view.tag(end - 1), "MD" | "VBZ" | "VBD" | "VBP"))
    {
        if phrases.iter().any(|phrase| phrase.end_token == end) {
            break;
        }
        end -= 1;
    }
    phrases.iter().find(|phrase| phrase.end_token == end)
}

fn phrase_starting_at(phrases: &[ActorPhrase], token: usize) -> Option<&ActorPhrase> {
    phrases.iter().find(|phrase| phrase.first_token == token)
}

pub struct ReportedSpeech {
    pub speaker: Option<Entity>,
    pub addressee: Option<Entity>,
    pub verb: String,
    pub content: Span,
}

/// "Erdogan has long said he might reconsider ties with Assad": the speaker, and the
/// reported clause after the verb (after any addressee, adverbials and "that").
pub fn reported_speech(view: &SentenceView, phrases: &[ActorPhrase]) -> Option<ReportedSpeech> {
    let verb =
        (0..view.len()).find(|&token| view.is_any_word(token, REPORTING_VERBS) && view.tag(token).starts_with("VB"))?;
    let speaker = subject_of(view, phrases, verb)?;
    let mut content_start = verb + 1;
    let mut addressee = None;
    // The one told may be a phrase the actor finder missed ("told a U.S. envoy that ..."):
    // then the clause is still found through its "that".
    if view.is_any_word(verb, TELLING_VERBS)
        && let Some(told) = phrase_starting_at(phrases, content_start)
    {
        addressee = Some(told.entity.clone());
        content_start = told.end_token;
    }
    let (clause_start, after_that) = reported_clause_start(view, content_start);
    content_start = clause_start;
    let mut content_end = view.len();
    while content_end > content_start && view.tag(content_end - 1) == "." {
        content_end -= 1;
    }
    // After "that" a clause follows whatever its first word; without it, the first word must
    // be able to begin one.
    let starts_a_clause = content_start < view.len()
        && (after_that
            || phrase_starting_at(phrases, content_start).is_some()
            || matches!(view.tag(content_start), "PRP" | "DT" | "NNP" | "NN" | "NNS"));
    if content_end < content_start + 3 || !starts_a_clause {
        return None;
    }
    Some(ReportedSpeech {
        speaker: Some(speaker.entity.clone()),
        addressee,
        verb: view.word(verb).to_string(),
        content: view.range_span(content_start, content_end),
    })
}

/// How far after the speech verb (and its addressee) the complementiser "that" may stand:
/// "told Macron in a phone call on Tuesday that ..." puts eight words between them.
const MAXIMUM_WORDS_BEFORE_THAT: usize = 10;

/// Where the reported clause begins, given the first token after the verb and addressee, and
/// whether a "that" introduced it.
///
/// Adverbials may stand before the clause: "said on Thursday that Russia ...", "told
/// reporters in Moscow that ...", "said on Wednesday he would ...". Rule 1: a "that" within
/// [`MAXIMUM_WORDS_BEFORE_THAT`] tokens, with no verb or punctuation before it, opens the
/// clause. Rule 2: otherwise leading adverbials (adverbs, and prepositional phrases of
/// nominal words) are skipped; when that would swallow the clause's subject ("said on
/// Wednesday Russia would ..."), the last nominal is given back. A subordinator ("after",
/// "because") opens an adverbial clause, not reported words, so it is never skipped.
fn reported_clause_start(view: &SentenceView, start: usize) -> (usize, bool) {
    let limit = view.len().min(start + MAXIMUM_WORDS_BEFORE_THAT);
    for token in start..limit {
        if view.is_word(token, "that") {
            return (token + 1, true);
        }
        let tag = view.tag(token);
        if tag.starts_with("VB") || tag == "MD" || !tag.starts_with(char::is_alphabetic) {
            break;
        }
    }
    let mut token = start;
    let mut last_nominal = None;
    loop {
        if token < view.len() && view.tag(token).starts_with("RB") && !view.is_word(token, "not") {
            token += 1;
        } else if token < view.len()
            && view.tag(token) == "IN"
            && !view.is_any_word(token, SUBORDINATORS)
            && !view.is_word(token, "that")
        {
            token += 1;
            while token < view.len() && is_nominal(view.tag(token)) {
                last_nominal = Some(token);
                token += 1;
            }
        } else {
            break;
        }
    }
    let clause_verb_next = token < view.len() && is_finite_verb(view.tag(token));
    let clause_start = match last_nominal {
        Some(nominal) if clause_verb_next && nominal + 1 == token && nominal > start + 1 => nominal,
        _ => token,
    };
    (clause_start, false)
}

/// Words tagged IN that open an adverbial clause: "warned Hezbollah after rockets hit ...".
const SUBORDINATORS: &[&str] =
    &["after", "before", "because", "since", "while", "when", "as", "although", "though", "if", "unless", "until"];

/// Words that can make up a short prepositional object: "on Thursday", "in a phone call".
fn is_nominal(tag: &str) -> bool {
    matches!(tag, "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "PRP$" | "POS")
}

fn is_finite_verb(tag: &str) -> bool {
    matches!(tag, "MD" | "VBD" | "VBZ" | "VBP")
}
