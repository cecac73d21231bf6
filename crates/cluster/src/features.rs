//! What the clusterer compares: an event reduced to its family, role keys, date evidence,
//! place and content words, all interned to small integers so comparisons allocate nothing.
//!
//! Role keys: an entity contributes its code ("c:RUS") and its canonical name
//! ("n:vladimir putin"); a mention with neither (an unresolved "the leaders") contributes
//! nothing, since surface text is too loose to match on. A place contributes its country.

use crate::dates::DateEvidence;
use crate::family::EventFamily;
use crate::text::{is_content_word, words};
use dyad_document::PartialDate;
use dyad_record::{Entity, EventRecord};
use std::collections::{HashMap, HashSet};

/// Words are cut to this many characters: a crude stemmer that makes "discussing" and
/// "discuss", "talks" and "talked" the same word.
const STEM_CHARACTERS: usize = 6;

fn stem(word: &str) -> String {
    word.chars().take(STEM_CHARACTERS).collect()
}

/// Interns strings (role keys, place keys, words, family names) as dense ids.
#[derive(Default)]
pub(crate) struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    pub(crate) fn id(&mut self, text: &str) -> u32 {
        if let Some(id) = self.ids.get(text) {
            return *id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(text.to_string(), id);
        id
    }
}

pub(crate) struct EventFeatures {
    pub family: EventFamily,
    pub family_id: u32,
    pub actors: Vec<u32>,
    pub recipients: Vec<u32>,
    pub date: DateEvidence,
    pub countries: Vec<u32>,
    pub tokens: Vec<u32>,
    /// The sentence the event was coded from (or its own words when no body was given).
    pub sentence: String,
}

impl EventFeatures {
    pub(crate) fn new(
        event: &EventRecord,
        body: Option<&str>,
        published: Option<&PartialDate>,
        interner: &mut Interner,
    ) -> EventFeatures {
        let family = EventFamily::of(&event.event);
        let family_id = interner.id(&format!("family:{}", family.name()));
        let sentence = sentence_text(event, body);
        // Words of the actors' names are left out: the roles are compared on their own, and
        // wording should tell apart two events of the same actors.
        let name_words: HashSet<String> = event
            .actor
            .iter()
            .chain(&event.recipient)
            .flat_map(|entity| [Some(entity.text.as_str()), entity.name.as_deref()])
            .flatten()
            .flat_map(words)
            .collect();
        let mut tokens: Vec<u32> = words(&sentence)
            .filter(|word| is_content_word(word) && !name_words.contains(word))
            .map(|word| interner.id(&stem(&word)))
            .collect();
        tokens.sort_unstable();
        tokens.dedup();
        let countries = event
            .location
            .as_ref()
            .and_then(|place| place.country.as_deref())
            .map(|country| vec![interner.id(&format!("p:{}", country.trim().to_ascii_uppercase()))])
            .unwrap_or_default();
        EventFeatures {
            family,
            family_id,
            actors: role_keys(&event.actor, interner),
            recipients: role_keys(&event.recipient, interner),
            date: DateEvidence::of(event, published),
            countries,
            tokens,
            sentence,
        }
    }

    pub(crate) fn has_roles(&self) -> bool {
        !self.actors.is_empty() || !self.recipients.is_empty()
    }
}

/// The event's sentence from the body when its span slices the body cleanly; otherwise the
/// event's own words and entity mentions, which still carry the key words.
fn sentence_text(event: &EventRecord, body: Option<&str>) -> String {
    let sentence = body.and_then(|body| body.get(event.span.start..event.span.end));
    if let Some(sentence) = sentence.filter(|sentence| !sentence.trim().is_empty()) {
        return sentence.to_string();
    }
    let mut parts = vec![event.event_text.as_str()];
    parts.extend(event.actor.iter().chain(&event.recipient).map(|entity| entity.text.as_str()));
    if let Some(place) = &event.location {
        parts.push(&place.text);
    }
    parts.join(" ")
}

fn role_keys(entities: &[Entity], interner: &mut Interner) -> Vec<u32> {
    let mut keys = Vec::new();
    for entity in entities {
        if let Some(code) = entity.code.as_deref().map(str::trim).filter(|code| !code.is_empty()) {
            keys.push(interner.id(&format!("c:{}", code.to_ascii_uppercase())));
        }
        if let Some(name) = entity.name.as_deref().map(str::trim).filter(|name| !name.is_empty()) {
            keys.push(interner.id(&format!("n:{}", name.to_lowercase())));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// True when two sorted id lists share an element.
pub(crate) fn sorted_overlap(first: &[u32], second: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < first.len() && j < second.len() {
        match first[i].cmp(&second[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Number of elements two sorted id lists share.
pub(crate) fn sorted_intersection_count(first: &[u32], second: &[u32]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < first.len() && j < second.len() {
        match first[i].cmp(&second[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// Merges `addition` into the sorted, distinct list `target`, keeping at most `cap` elements
/// (the earliest-seen ones stay: a story's wording is anchored by its first reports).
pub(crate) fn merge_sorted(target: &mut Vec<u32>, addition: &[u32], cap: usize) {
    for id in addition {
        if target.len() >= cap {
            return;
        }
        if let Err(position) = target.binary_search(id) {
            target.insert(position, *id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_list_helpers_agree_with_sets() {
        assert!(sorted_overlap(&[1, 4, 9], &[2, 9]));
        assert!(!sorted_overlap(&[1, 4], &[2, 3, 5]));
        assert_eq!(sorted_intersection_count(&[1, 2, 3, 7], &[2, 3, 4, 7]), 3);
        let mut target = vec![2, 5];
        merge_sorted(&mut target, &[5, 1, 9, 7], 4);
        assert_eq!(target, [1, 2, 5, 9]);
    }
}
