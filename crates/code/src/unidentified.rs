//! Acts whose doer the text does not name: "three soldiers were killed by a roadside bomb", "a
//! minefield explosion killed two youths", "a journalist was killed in a car bomb explosion",
//! "prisoners rioted at a jail in Dili".
//!
//! PLOVER codes such events with an unidentified actor (sector UNK, "actor for 'two civilians
//! were killed by a bomb'"; manual, sector codes) rather than dropping them, and gives it the
//! country where the act happened. The coder otherwise needs a resolved actor, so without
//! this the news of most bombings is lost.
//!
//! Invariants: only violence (ASSAULT, sector UNK) and protest (PROTEST, sector CVL: who
//! protests is known by what they are, "prisoners", "ethnic Turks") get an unidentified actor;
//! the text must name what did it as a noun phrase that no known actor phrase covers (a name
//! the dictionaries do not know may stand in it), and that phrase is the entity's text and
//! span; violence also needs a coded victim or a country where it happened. A participle after
//! a comma (", killing 15") never gets one: its actor is the clause's before it. The entity has
//! no name; its code is the country of the place, when one is named.

use crate::clause::{VerbGroup, clause_start};
use dyad_actors::{ActorPhrase, PhraseKind, SentenceView};
use dyad_record::Entity;

/// Nouns that name how violence was done ("killed in a car bomb explosion", "a roadside device
/// killed"): an unidentified doer must be named by one of them.
const VIOLENCE_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "ambush",
    "blast",
    "blasts",
    "bomb",
    "bombs",
    "bombing",
    "bombings",
    "explosion",
    "explosions",
    "shelling",
    "airstrike",
    "airstrikes",
    "raid",
    "raids",
    "crossfire",
    "shooting",
    "shootings",
    "clash",
    "clashes",
    "fighting",
    "mine",
    "landmine",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "grenade",
    "grenades",
    "device",
    "devices",
    "gunfire",
    "mortar",
    "mortars",
    "shell",
    "shells",
    "drone",
    "drones",
];

/// Tags that may stand in a noun phrase naming a weapon or a crowd.
fn is_noun_phrase_tag(tag: &str) -> bool {
    matches!(tag, "DT" | "JJ" | "JJR" | "JJS" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "VBN" | "PRP$")
}

/// Whether the phrase `[first, end)` names a thing or a crowd: it holds a common noun, or ends
/// in a plural name of people ("ethnic Turks", "Young Algerians").
fn names_thing_or_crowd(view: &SentenceView, first: usize, end: usize) -> bool {
    let last = end - 1;
    let plural_name = view.tag(last) == "NNPS" || (view.tag(last) == "NNP" && view.word(last).ends_with('s'));
    plural_name || (first..end).any(|index| matches!(view.tag(index), "NN" | "NNS"))
}

/// "Up to 1,000 ethnic Turks", "About 200 supporters": the first token of the noun phrase once
/// an approximation before its number is skipped.
fn past_approximation(view: &SentenceView, first: usize) -> usize {
    const REACH: usize = 3;
    let number = (first..(first + REACH).min(view.len()))
        .take_while(|&index| matches!(view.tag(index), "RB" | "IN" | "TO" | "JJR" | "CD"))
        .find(|&index| view.tag(index) == "CD");
    number.unwrap_or(first)
}

/// The place of the act for an unidentified actor's country: the nearest city, region or
/// capital named in the sentence ("outside the Iraqi city of Basra", "in a residential
/// sector of eastern Beirut"), whatever word stands before it.
pub fn place_country(phrases: &[ActorPhrase], group: &VerbGroup) -> Option<String> {
    phrases
        .iter()
        .filter(|phrase| matches!(phrase.kind, PhraseKind::City | PhraseKind::Place))
        .filter_map(|phrase| {
            let country = phrase.place.as_ref().and_then(|place| place.country.clone());
            Some((phrase, country.or_else(|| phrase.entity.code.clone())?))
        })
        .min_by_key(|(phrase, _)| phrase.first_token.abs_diff(group.verb))
        .map(|(_, country)| country)
}

/// The unidentified actor of an ASSAULT or PROTEST whose verb has no resolved actor, or None
/// when the type takes none or the text names nothing that did it (see the module docs).
/// `recipient_coded` tells whether a victim is coded; `country` is where the act happened.
pub fn unidentified_actor(
    view: &SentenceView,
    phrases: &[ActorPhrase],
    group: &VerbGroup,
    event_type: &str,
    recipient_coded: bool,
    country: Option<&str>,
) -> Option<Entity> {
    let sector = match event_type {
        "ASSAULT" if recipient_coded || country.is_some() => "UNK",
        "PROTEST" => "CVL",
        _ => return None,
    };
    // ", killing 15 people" continues the clause before it, whose actor is its own.
    let opens_adjunct = view.tag(group.verb) == "VBG" && group.first > 0 && view.word(group.first - 1) == ",";
    if opens_adjunct {
        return None;
    }
    let (first, end) =
        if group.passive { cause_after(view, phrases, group)? } else { subject_before(view, phrases, group)? };
    // Violence needs its means named ("a car bomb", "a minefield explosion"): a subject that
    // names none ("Temperatures hit the capital", "Electric vehicles hit market share") is a
    // figure of speech the verb dictionary read as an attack.
    let names_means = (first..end).any(|index| view.is_any_word(index, VIOLENCE_NOUNS));
    if sector == "UNK" && !names_means {
        return None;
    }
    Some(Entity {
        text: view.text(view.range_span(first, end)).to_string(),
        name: None,
        code: country.map(str::to_string),
        sector: Some(sector.to_string()),
        span: view.range_span(first, end),
    })
}

/// The noun phrase starting at `first` and ending by `limit`: its end, when it names a thing or
/// a crowd and no known actor phrase.
fn noun_phrase_from(view: &SentenceView, phrases: &[ActorPhrase], first: usize, limit: usize) -> Option<usize> {
    let end = (first..limit).find(|&index| !is_noun_phrase_tag(view.tag(index))).unwrap_or(limit);
    // A name the dictionaries do not know ("Young Algerians") may stand inside: it is no actor.
    let covered = phrases
        .iter()
        .any(|phrase| phrase.kind != PhraseKind::Unknown && phrase.first_token < end && first < phrase.end_token);
    (end > first && !covered && names_thing_or_crowd(view, first, end)).then_some(end)
}

/// "were killed by a roadside bomb", "was killed in a car bomb explosion": the phrase after
/// "by", or after "in" when it names a means of violence.
fn cause_after(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<(usize, usize)> {
    let preposition = group.end;
    if preposition + 1 >= view.len() || !view.is_any_word(preposition, &["by", "in"]) {
        return None;
    }
    let first = preposition + 1;
    let end = noun_phrase_from(view, phrases, first, view.len())?;
    let names_means =
        view.is_word(preposition, "by") || (first..end).any(|index| view.is_any_word(index, VIOLENCE_NOUNS));
    names_means.then_some((first, end))
}

/// "A minefield explosion near the town of Samarra killed ...", "Prisoners rioted": the
/// common-noun phrase that opens the verb's clause (or follows a comma in it), when no actor
/// phrase stands between it and the verb outside a prepositional phrase.
fn subject_before(view: &SentenceView, phrases: &[ActorPhrase], group: &VerbGroup) -> Option<(usize, usize)> {
    let start = clause_start(view, group.first);
    let first = (start..group.first).rev().find(|&index| index == start || view.word(index - 1) == ",")?;
    let first = past_approximation(view, first);
    let end = noun_phrase_from(view, phrases, first, group.first)?;
    // Only prepositional phrases ("near the town of Samarra") may follow the subject.
    let rest_is_adjunct = end == group.first || view.tag(end) == "IN";
    (end <= group.first && rest_is_adjunct).then_some((first, end))
}

#[cfg(test)]
mod tests {
    use crate::tests::code_text;

    #[test]
    fn the_unidentified_actor_is_the_phrase_that_names_the_cause() {
        let text = "On Sunday, a car bomb killed four Iraqi soldiers in the northern city of Kirkuk.";
        let coded = code_text(text, "2024-07-25");
        let attack = coded.events.iter().find(|event| event.event == "ASSAULT").unwrap_or_else(|| panic!("{coded:#?}"));
        let unknown = &attack.actor[0];
        assert_eq!(&text[unknown.span.start..unknown.span.end], "a car bomb");
        assert_eq!((unknown.code.as_deref(), unknown.sector.as_deref()), (Some("IRQ"), Some("UNK")));
    }

    #[test]
    fn a_subject_naming_no_means_of_violence_is_no_unidentified_attacker() {
        let coded = code_text("Record temperatures hit the capital Delhi on Monday.", "2024-07-25");
        assert!(coded.events.iter().all(|event| event.event != "ASSAULT"), "{coded:#?}");
    }

    #[test]
    fn acts_other_than_violence_and_protest_still_need_a_named_actor() {
        let coded = code_text("A new agreement was signed by the committee in Baghdad on Monday.", "2024-07-25");
        assert!(coded.events.iter().all(|event| !event.actor.is_empty()), "{coded:#?}");
        assert!(
            coded.events.iter().flat_map(|event| &event.actor).all(|actor| actor.sector.as_deref() != Some("UNK")),
            "{coded:#?}"
        );
    }
}
