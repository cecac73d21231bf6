//! The knowledge base's mentions in one sentence, resolved on the event date and indexed by token.

use crate::view::SentenceView;
use dyad_document::{PartialDate, Span};
use dyad_kb::{EntryKind, KnowledgeBase, Mention};
use dyad_record::Place;

/// A knowledge-base mention with its resolution on the day in question.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedMention {
    pub span: Span,
    pub first_token: usize,
    pub end_token: usize,
    pub kind: EntryKind,
    pub name: String,
    pub code: Option<String>,
    pub sector: Option<String>,
    pub place: Option<Place>,
    /// A place the knowledge base files as a city: neither a capital nor a region.
    pub is_city: bool,
    /// Every member's code when one name stands for several actors; empty otherwise.
    pub joint_codes: Vec<String>,
}

/// All mentions of a sentence, and for each token the mention covering it.
pub struct MentionLookup {
    pub mentions: Vec<ResolvedMention>,
    mention_of_token: Vec<Option<usize>>,
}

impl MentionLookup {
    pub fn for_sentence(view: &SentenceView, kb: &KnowledgeBase, date: PartialDate) -> MentionLookup {
        let found = kb.find_mentions(view.body, view.sentence.span);
        MentionLookup::from_mentions(view, kb, &found, date)
    }

    /// Resolves mentions already found in this sentence on `date`: finding is the costly part
    /// and does not depend on the date, so a coder trying several dates finds once.
    pub fn from_mentions(
        view: &SentenceView,
        kb: &KnowledgeBase,
        found: &[Mention],
        date: PartialDate,
    ) -> MentionLookup {
        let mut mentions = Vec::new();
        let mut mention_of_token = vec![None; view.len()];
        for mention in found {
            let Some((first_token, end_token)) = token_range(view, mention.span) else {
                continue;
            };
            let resolution = kb.resolve(mention, date);
            let place_entry = kb.place_of(mention);
            let is_city = place_entry.is_some_and(|entry| entry.kind == "city");
            let place = place_entry.map(|entry| Place {
                text: view.text(mention.span).to_string(),
                name: Some(entry.name.clone()),
                country: entry.country.clone(),
                lat: entry.lat,
                lon: entry.lon,
                geonameid: entry.geonameid,
                span: mention.span,
            });
            let index = mentions.len();
            for slot in &mut mention_of_token[first_token..end_token] {
                slot.get_or_insert(index);
            }
            mentions.push(ResolvedMention {
                span: mention.span,
                first_token,
                end_token,
                kind: mention.kind,
                name: resolution.name,
                code: resolution.code,
                sector: resolution.sector,
                place,
                is_city,
                joint_codes: resolution.joint_codes,
            });
        }
        MentionLookup { mentions, mention_of_token }
    }

    pub fn at_token(&self, index: usize) -> Option<&ResolvedMention> {
        self.mention_of_token.get(index).copied().flatten().map(|mention| &self.mentions[mention])
    }

    /// Mentions whose tokens lie wholly within `[first, end)`.
    pub fn within(&self, first: usize, end: usize) -> impl Iterator<Item = &ResolvedMention> {
        self.mentions.iter().filter(move |mention| first <= mention.first_token && mention.end_token <= end)
    }
}

/// The tokens a mention covers, when it covers whole tokens. A mention that starts or ends
/// inside a token ("Turkish" inside "Pro-Turkish") is dropped: "pro-Turkish forces" are not
/// Turkish forces, and the token is the unit the coder reasons about.
///
/// The one exception is a leader's compound: in "the US-led coalition" and "Saudi-led forces"
/// the named country leads the thing the phrase names, so the mention stands for its whole
/// token. Other compounds ("US-backed", "pro-Turkish") name someone else.
fn token_range(view: &SentenceView, span: Span) -> Option<(usize, usize)> {
    let tokens = &view.sentence.tokens;
    let first = tokens.iter().position(|token| token.span.start == span.start)?;
    let end = match tokens.iter().position(|token| token.span.end == span.end) {
        Some(last) => last + 1,
        None if is_leader_compound(view, first, span) => first + 1,
        None => return None,
    };
    (first < end).then_some((first, end))
}

/// The mention at `span` starts token `first` and the rest of that token is "-led".
fn is_leader_compound(view: &SentenceView, first: usize, span: Span) -> bool {
    let token = view.sentence.tokens[first].span;
    span.end < token.end && view.body.get(span.end..token.end).is_some_and(|rest| rest.eq_ignore_ascii_case("-led"))
}
