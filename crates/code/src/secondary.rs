//! Secondary clauses: which of a sentence's coded verbs tell its news, and which only add the
//! purpose, result, condition or background of an act already coded.
//!
//! A news sentence reports one act per clause, and the PLOVER manual codes that act; the
//! clauses hung on it are not acts of their own:
//! - a purpose infinitive after the object ("sent troops to Arnor *to help* the king",
//!   "efforts *to end* the fighting") tells what the act is for;
//! - a participial adjunct after a comma ("shelled the town, *killing* 20 people", ", *saying*
//!   it was *withholding* aid", ", *backed* by Gondor") tells its result or its reasons;
//! - a gerund after "before" ("demanded a truce before *allowing* convoys") tells what is to
//!   follow it, which has not happened;
//! - a "because" clause with a finite verb ("suspended deliveries because two vehicles *were
//!   hit*") tells what led to it;
//! - a condition ("will attend *if* Gondor *lifts* the siege", "*unless* talks *resume*",
//!   "*until* a government *takes* office") has not happened at all;
//! - a verb of the same type joined to the act ("killed one soldier and *wounded* two",
//!   "killed 20 *when* they *blew* themselves up") tells the same act further.
//!
//! Invariants: every rule but the condition drops an event only in favour of an earlier event
//! of the same sentence, so a sentence that codes anything keeps its first event outside a
//! condition; a dropped event is never replaced by another; the rules read tags and a few
//! function words only (no allocation per token beyond the regions found).

use crate::events::{CodedEvent, is_same_sentence_act};
use dyad_actors::SentenceView;
use std::ops::Range;

/// Conjunctions opening a condition: what follows has not happened.
const CONDITIONS: &[&str] = &["if", "unless"];
/// Conjunctions opening the cause of an act. A plain "after" is not here: "restored ties after
/// protesters attacked the embassy" reports the attack as news too (clause::time_adjunct drops
/// only an "after" a measured time back).
const BACKGROUND_CONJUNCTIONS: &[&str] = &["because"];
/// Conjunctions opening a clause that tells the same moment as the main act.
const SAME_MOMENT_CONJUNCTIONS: &[&str] = &["when", "as", "while"];
/// Tags of a word that can end a noun phrase, after which "to" + verb opens a purpose clause
/// rather than a verb's complement ("offered troops to help", "efforts to end", "today to
/// forestall"). Adjectives are left out: "ready to", "willing to" take complements.
const NOMINAL_ENDS: &[&str] = &["NN", "NNS", "NNP", "NNPS", "PRP", "CD", "''", "-RRB-"];

/// Drops the events of a sentence's secondary clauses (see the module docs). `events` are the
/// sentence's events in any order; each carries its verb group's position.
pub(crate) fn drop_secondary_events(view: &SentenceView, events: &mut Vec<CodedEvent>) {
    if events.is_empty() {
        return;
    }
    let regions = Regions {
        conditions: conditional_regions(view),
        adjuncts: participial_adjuncts(view),
        backgrounds: subordinate_regions(view, BACKGROUND_CONJUNCTIONS),
        same_moments: subordinate_regions(view, SAME_MOMENT_CONJUNCTIONS),
    };
    let keep: Vec<bool> = (0..events.len()).map(|index| !is_secondary(view, &regions, events, index)).collect();
    let mut keep = keep.into_iter();
    events.retain(|_| keep.next().unwrap_or(true));
}

/// The secondary clauses of one sentence, as token ranges.
struct Regions {
    conditions: Vec<Range<usize>>,
    adjuncts: Vec<Adjunct>,
    backgrounds: Vec<Range<usize>>,
    same_moments: Vec<Range<usize>>,
}

fn is_secondary(view: &SentenceView, regions: &Regions, events: &[CodedEvent], index: usize) -> bool {
    let event = &events[index];
    let verb = event.verb;
    if regions.conditions.iter().any(|region| region.contains(&verb)) || is_avoided_act(view, event.group_first) {
        return true;
    }
    let earlier: Vec<&CodedEvent> = events.iter().filter(|other| other.verb < event.group_first).collect();
    let Some(nearest) = earlier.iter().max_by_key(|other| other.verb) else {
        return false;
    };
    // "seized power, detaining the leader": the same act by the same party is folded into its
    // first telling by `merge_same_sentence_acts`, which keeps its recipients.
    if earlier.iter().any(|other| is_same_sentence_act(&other.record, &event.record)) {
        return false;
    }
    let first_earlier = earlier.iter().map(|other| other.verb).min().unwrap_or(verb);
    let after_first = |region: &&Range<usize>| region.start > first_earlier;
    let inside = |list: &[Range<usize>]| list.iter().filter(after_first).any(|region| region.contains(&verb));
    let same_type_earlier = earlier.iter().any(|other| other.record.event == event.record.event);
    let in_adjunct = regions.adjuncts.iter().any(|adjunct| {
        adjunct.region.start > first_earlier
            && adjunct.region.contains(&verb)
            && (same_type_earlier || !adjunct.result_only)
    });
    is_purpose_infinitive(view, event.group_first, nearest.group_end)
        || is_mistagged_reduced_relative(view, verb, nearest.group_end)
        || in_adjunct
        || inside(&regions.backgrounds)
        || follows_before(view, event.group_first)
        || (same_type_earlier && (is_coordinated_predicate(view, event.group_first) || inside(&regions.same_moments)))
}

/// Where a region opened at `start` ends: the next comma, clause break or dash.
fn region_end(view: &SentenceView, start: usize) -> usize {
    (start + 1..view.len())
        .find(|&index| matches!(view.word(index), "," | ";" | ":") || crate::clause::is_dash(view, index))
        .unwrap_or(view.len())
}

fn is_finite(view: &SentenceView, index: usize) -> bool {
    matches!(view.tag(index), "VBD" | "VBZ" | "VBP" | "MD")
}

/// "if"/"unless" to the end of their clause, and "until" when its clause is in the present
/// ("until their demands are met", "until a government takes office"): a past "until" clause
/// ("fought until the army withdrew") tells what happened.
fn conditional_regions(view: &SentenceView) -> Vec<Range<usize>> {
    (0..view.len())
        .filter_map(|index| {
            let end = region_end(view, index);
            let present = || (index + 1..end).any(|inner| matches!(view.tag(inner), "VBZ" | "VBP"));
            let opens = view.is_any_word(index, CONDITIONS) || (view.is_word(index, "until") && present());
            opens.then_some(index + 1..end)
        })
        .collect()
}

/// Gerunds that report what the actor said about its act: what they say is its reasons.
const STATEMENT_GERUNDS: &[&str] = &["saying", "adding", "claiming", "arguing", "insisting", "noting", "citing"];

/// A participle right after a comma opens an adjunct of the clause before it, which runs to the
/// next comma.
struct Adjunct {
    region: Range<usize>,
    /// ", killing 20 people": the act's result, the same act when of the same type. Other acts
    /// told this way are acts of their own ("seized power, detaining the president").
    result_only: bool,
}

/// ", killing ..." (a result), ", saying ..." (the actor's reasons), ", backed by ..." (a
/// description of the noun before).
fn participial_adjuncts(view: &SentenceView) -> Vec<Adjunct> {
    (1..view.len())
        .filter(|&index| view.word(index - 1) == ",")
        .filter_map(|index| {
            let next_is_preposition = index + 1 < view.len() && view.tag(index + 1) == "IN";
            let region = index..region_end(view, index);
            match view.tag(index) {
                "VBG" => Some(Adjunct { region, result_only: !view.is_any_word(index, STATEMENT_GERUNDS) }),
                "VBN" if next_is_preposition => Some(Adjunct { region, result_only: false }),
                _ => None,
            }
        })
        .collect()
}

/// A subordinate clause with a finite verb of its own, opened by one of `conjunctions`
/// ("after two vehicles were hit", "when they blew themselves up"). "after" + gerund ("after
/// detaining the leader") is no such clause: it often tells the news itself.
fn subordinate_regions(view: &SentenceView, conjunctions: &[&str]) -> Vec<Range<usize>> {
    (0..view.len())
        .filter(|&index| view.is_any_word(index, conjunctions) && !matches!(view.tag(index), "RB" | "WDT"))
        .filter_map(|index| {
            let end = region_end(view, index);
            (index + 1..end).any(|inner| is_finite(view, inner)).then_some(index + 1..end)
        })
        .collect()
}

/// "to" + verb right after a noun phrase, in the clause of the nearest earlier event (no
/// finite verb between that event's verb group and the "to").
fn is_purpose_infinitive(view: &SentenceView, group_first: usize, earlier_group_end: usize) -> bool {
    // An opening quote may stand between: to ``remove any doubts''.
    let quoted = group_first > 0 && matches!(view.word(group_first - 1), "``" | "\"" | "“");
    let before_verb = if quoted { group_first - 1 } else { group_first };
    if before_verb < 2 || !view.is_word(before_verb - 1, "to") || earlier_group_end >= before_verb - 1 {
        return false;
    }
    let marker = before_verb - 1;
    NOMINAL_ENDS.contains(&view.tag(marker - 1))
        && !(earlier_group_end..marker).any(|index| is_finite(view, index) || view.word(index) == ";")
}

/// Verbs whose gerund object is an act kept from happening: "urged its citizens to avoid
/// travelling there", "refrained from attacking", "stopped shelling the town".
const AVOIDING_VERBS: &[&str] = &[
    "avoid",
    "avoids",
    "avoided",
    "avoiding",
    "refrain",
    "refrains",
    "refrained",
    "cease",
    "ceases",
    "ceased",
    "stop",
    "stops",
    "stopped",
];

/// A gerund right after a verb of avoiding (or "refrain from") names an act that did not happen.
fn is_avoided_act(view: &SentenceView, group_first: usize) -> bool {
    if group_first == 0 || view.tag(group_first) != "VBG" {
        return false;
    }
    let governor =
        if view.is_word(group_first - 1, "from") && group_first >= 2 { group_first - 2 } else { group_first - 1 };
    view.is_any_word(governor, AVOIDING_VERBS)
}

/// "suspended an aid program for Bosnia aimed/VBD at bringing ...": a past form right after a
/// noun and before a preposition, in the clause of an earlier event (no finite verb, comma,
/// conjunction or complementiser between), is a participle the tagger read as a past tense; it
/// describes the noun. A new clause would need a comma, conjunction or "that" ("said rebels fired
/// at the troops" has no earlier event: statements are not events).
fn is_mistagged_reduced_relative(view: &SentenceView, verb: usize, earlier_group_end: usize) -> bool {
    if view.tag(verb) != "VBD" || verb == 0 || earlier_group_end >= verb {
        return false;
    }
    let after_noun = matches!(view.tag(verb - 1), "NN" | "NNS" | "NNP" | "NNPS");
    let before_preposition = verb + 1 < view.len() && matches!(view.tag(verb + 1), "IN" | "TO");
    let same_clause = !(earlier_group_end..verb).any(|index| {
        is_finite(view, index) || view.is_any_word(index, &[",", "and", "but", "or", "that", ";", "while", "as"])
    });
    after_noun && before_preposition && same_clause
}

/// "demanded a truce before allowing convoys in": the gerund tells a later step.
fn follows_before(view: &SentenceView, group_first: usize) -> bool {
    group_first > 0 && view.is_word(group_first - 1, "before") && view.tag(group_first) == "VBG"
}

/// "killed one soldier and wounded two others": a predicate joined by "and" with no subject of
/// its own shares the subject of the one before.
fn is_coordinated_predicate(view: &SentenceView, group_first: usize) -> bool {
    group_first > 0 && view.is_word(group_first - 1, "and")
}

#[cfg(test)]
mod tests {
    use crate::tests::code_text;

    fn verbs_coded(text: &str) -> Vec<String> {
        code_text(text, "2024-05-02").events.into_iter().map(|event| event.event_text).collect()
    }

    #[test]
    fn a_purpose_infinitive_after_the_object_is_not_an_event_of_its_own() {
        let verbs = verbs_coded("Syria offered its troops to the President of Lebanon to help him.");
        assert_eq!(verbs.len(), 1, "{verbs:?}");
    }

    #[test]
    fn a_result_told_after_a_comma_is_part_of_the_attack() {
        let verbs = verbs_coded(
            "Rebels in Sudan shelled the regional capital Juba on Sunday and Monday, killing about 20 people.",
        );
        assert_eq!(verbs, vec!["shelled"]);
    }

    #[test]
    fn what_the_actor_says_of_its_act_is_its_reasons() {
        let verbs = verbs_coded(
            "Germany rejected the request by Belarus for aid, saying it would suspend all aid until an elected government takes office.",
        );
        assert_eq!(verbs, vec!["rejected"]);
    }

    #[test]
    fn a_condition_has_not_happened() {
        let verbs = verbs_coded(
            "Arnor said on Monday it would withdraw its troops from Gondor unless Gondor arrested the rebels.",
        );
        assert!(!verbs.iter().any(|verb| verb.contains("arrested")), "{verbs:?}");
    }

    #[test]
    fn a_second_predicate_of_the_same_attack_is_the_same_event() {
        let events =
            code_text("A roadside bomb killed one Iraqi soldier and wounded two others on Sunday.", "2024-05-02");
        let assaults = events.events.iter().filter(|event| event.event == "ASSAULT").count();
        assert_eq!(assaults, 1, "{:#?}", events.events);
    }

    #[test]
    fn the_background_of_an_act_is_not_coded_beside_it() {
        let verbs =
            verbs_coded("The Red Cross suspended aid deliveries in Syria because rebels attacked two of its trucks.");
        assert_eq!(verbs, vec!["suspended"]);
    }

    #[test]
    fn an_avoided_act_did_not_happen() {
        let coded = code_text("Syria urged Turkey to stop shelling Kurdish villages.", "2024-05-02");
        assert!(coded.events.iter().all(|event| event.event != "ASSAULT"), "{:#?}", coded.events);
    }

    #[test]
    fn a_participle_read_as_a_past_tense_describes_the_noun_before_it() {
        let verbs = verbs_coded(
            "The United States suspended part of a military aid program for Bosnia aimed at training its army.",
        );
        assert_eq!(verbs, vec!["suspended"]);
    }

    #[test]
    fn separate_clauses_with_their_own_acts_keep_their_events() {
        let verbs =
            verbs_coded("Russia accused Ukraine of aggression, and the European Union imposed sanctions on Iran.");
        assert_eq!(verbs.len(), 2, "{verbs:?}");
    }
}
