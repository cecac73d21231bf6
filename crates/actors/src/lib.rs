//! Actor phrases: who a sentence talks about, resolved in the knowledge base on a given day.
//!
//! The knowledge base finds names ("Bashar al-Assad", "Syrian", "police"); this crate groups
//! them into the noun phrases a reader sees ("his Syrian counterpart Bashar al-Assad",
//! "Turkish police", "forces loyal to Assad") and gives each one code and sector, the way
//! PETRARCH and PLOVER code actors. It also follows a document's people through pronouns
//! and descriptions ("he", "the Russian leader", "the two leaders"), so later sentences
//! carry the right codes.
//!
//! Invariants:
//! - every phrase's span indexes the document body and covers whole tokens of one sentence;
//! - resolution always takes the event date: the same name can code differently on two days;
//! - nothing here knows about event types; the coder decides who acts on whom.

mod chunk;
mod discourse;
mod lookup;
mod resolve;
mod retag;
mod view;

pub use discourse::Discourse;
pub use lookup::{MentionLookup, ResolvedMention};
pub use retag::repair_agent_noun_tags;
pub use view::SentenceView;

use dyad_document::{PartialDate, Span};
use dyad_kb::{KnowledgeBase, Mention};
use dyad_record::{Entity, Place};

/// PLOVER codes of international and transnational actors, which are never "the country".
const INTERNATIONAL_CODES: &[&str] = &["IGO", "NGO", "UNO", "EUR", "IMG", "MNC", "AFR", "ASA", "WST", "MEA"];

/// What kind of thing an actor phrase names; the coder treats places and pronouns differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    Person,
    Group,
    Institution,
    Country,
    /// A capital or a region. As the subject of an event a capital stands for the government
    /// ("Ankara has shifted focus"); after "in" or "at" it is where the event happened.
    Place,
    /// A city that is not a seat of government: where events happen, never a party to them
    /// ("Napoli beat Udinese" is football, not Italy acting).
    City,
    /// A common noun with a sector and perhaps a nationality ("Turkish police", "rebels").
    Agent,
    /// A capitalised name the knowledge base does not know: kept, uncoded, rather than dropped.
    Unknown,
    /// A pronoun or description ("he", "the Russian leader") resolved through the discourse.
    Reference,
}

/// One noun phrase that names an actor, with its resolution on the event date.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorPhrase {
    /// Token range `[first_token, end_token)` within the sentence.
    pub first_token: usize,
    pub end_token: usize,
    pub kind: PhraseKind,
    pub entity: Entity,
    /// Set when the phrase names a place, for event locations.
    pub place: Option<Place>,
    /// How many people the phrase stands for when it is a plural reference ("the two leaders").
    pub group_members: Vec<Entity>,
}

impl ActorPhrase {
    pub fn span(&self) -> Span {
        self.entity.span
    }

    /// True when the phrase says something a coder can count: a country, a sector or a name.
    /// The country a country or a national agent ("Myanmar's military") stands for; people
    /// and groups are left out, so "the country" after "Putin met Assad" stays unresolved.
    pub fn country_code(&self) -> Option<&str> {
        let national = matches!(self.kind, PhraseKind::Country | PhraseKind::Agent);
        self.entity.code.as_deref().filter(|code| national && !INTERNATIONAL_CODES.contains(code))
    }

    pub fn is_coded(&self) -> bool {
        self.entity.code.is_some() || self.entity.sector.is_some()
    }
}

/// The one country a sentence's coded actors and places all belong to, if there is exactly
/// one: "Judge Rivera charged 28 Chilean officials" happens in Chile. International codes
/// (the UN, NGOs) say nothing about which country, and are left out. Human coders read an
/// agent of no stated country ("rebels", "the opposition newspaper", "a judge") in such a
/// sentence as that country's (the domestic default); the coder uses this for that.
pub fn sole_country(phrases: &[ActorPhrase]) -> Option<&str> {
    let mut found: Option<&str> = None;
    for phrase in phrases {
        let members = phrase.group_members.iter().filter_map(|member| member.code.as_deref());
        let own = phrase.entity.code.as_deref().filter(|_| phrase.group_members.is_empty());
        let place = phrase.place.as_ref().and_then(|place| place.country.as_deref());
        for code in members.chain(own).chain(place) {
            if INTERNATIONAL_CODES.contains(&code) {
                continue;
            }
            match found {
                Some(known) if known != code => return None,
                _ => found = Some(code),
            }
        }
    }
    found
}

/// Finds and resolves the actor phrases of one sentence, in token order.
///
/// `discourse` carries the people already mentioned in the document; it is read for
/// pronouns and descriptions and updated with the people this sentence names.
pub fn find_actor_phrases(
    view: &SentenceView,
    kb: &KnowledgeBase,
    date: PartialDate,
    discourse: &mut Discourse,
) -> Vec<ActorPhrase> {
    let found = kb.find_mentions(view.body, view.sentence.span);
    find_actor_phrases_in(view, kb, &found, date, discourse)
}

/// Like [`find_actor_phrases`], with the sentence's knowledge-base mentions already found.
pub fn find_actor_phrases_in(
    view: &SentenceView,
    kb: &KnowledgeBase,
    found: &[Mention],
    date: PartialDate,
    discourse: &mut Discourse,
) -> Vec<ActorPhrase> {
    let mentions = MentionLookup::from_mentions(view, kb, found, date);
    let chunks = chunk::noun_chunks(view, &mentions);
    let mut phrases = Vec::new();
    for chunk in chunks {
        let leaders = resolve::LeaderLookup { kb, date };
        if let Some(mut phrase) = resolve::resolve_chunk(view, &mentions, &chunk, discourse, leaders) {
            resolve::person_of_named_country(view, &mentions, &mut phrase);
            resolve::drop_patron_of_ally(view, &mentions, &chunk, &mut phrase);
            // Remembered at once: a pronoun refers to the nearest person before it, in this
            // sentence or an earlier one ("..., as soon as Assad takes a step ..., we will show him").
            if phrase.kind == PhraseKind::Person {
                discourse.remember(&phrase.entity);
            }
            if let Some(code) = phrase.country_code() {
                discourse.remember_country(code);
            }
            phrases.push(phrase);
        }
    }
    resolve::share_nationality_across_coordination(view, &mentions, &mut phrases);
    resolve::attach_loyalty_modifiers(view, &mut phrases);
    resolve::attach_homelands(view, &mut phrases);
    phrases
}

#[cfg(test)]
mod tests;
