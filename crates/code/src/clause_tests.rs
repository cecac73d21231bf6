//! Clause rules seen through the whole coder, with the embedded dictionaries: short news
//! sentences written for these tests.

use crate::{CodedDocument, Coder};
use dyad_analyse::Analyser;
use dyad_document::{Document, Metadata, PartialDate};
use dyad_kb::KnowledgeBase;
use dyad_record::EventRecord;
use dyad_verbs::VerbDictionary;

/// The coder's shared test helper, with a fixed publication day.
fn code_text(text: &str) -> CodedDocument {
    crate::tests::code_text(text, "2024-07-25")
}

use crate::tests::find;

fn codes(entities: &[dyad_record::Entity]) -> Vec<String> {
    let mut codes: Vec<String> = entities
        .iter()
        .map(|entity| format!("{}{}", entity.code.as_deref().unwrap_or("---"), entity.sector.as_deref().unwrap_or("")))
        .collect();
    codes.sort();
    codes
}

fn spans_slice_the_body(text: &str, coded: &CodedDocument) {
    for entity in coded.events.iter().flat_map(|event| event.actor.iter().chain(&event.recipient)) {
        assert_eq!(&text[entity.span.start..entity.span.end], entity.text);
    }
}

#[test]
fn neither_nor_joins_the_subjects() {
    let text = "Neither Peru nor Chile condemned the attack on Ecuador.";
    let coded = code_text(text);
    let condemnation = find(&coded, "ACCUSE");
    assert_eq!(codes(&condemnation.actor), ["CHL", "PER"], "{condemnation:#?}");
    spans_slice_the_body(text, &coded);
}

#[test]
fn coordinated_subjects_after_that_act_together() {
    let coded = code_text("Officials noted that Peru and Chile have postponed their meeting.");
    let postponed: Vec<&EventRecord> =
        coded.events.iter().filter(|event| codes(&event.actor).contains(&"PER".to_string())).collect();
    assert!(!postponed.is_empty(), "{:#?}", coded.events);
    assert!(postponed.iter().all(|event| codes(&event.actor) == ["CHL", "PER"]), "{postponed:#?}");
}

#[test]
fn the_same_country_in_two_roles_is_two_parties() {
    let coded = code_text("Russian police arrested Russian students in Moscow on Monday.");
    let arrest = find(&coded, "COERCE");
    assert_eq!(codes(&arrest.actor), ["RUSCOP"]);
    assert_eq!(codes(&arrest.recipient), ["RUSEDU"], "{arrest:#?}");
}

#[test]
fn a_subject_after_a_subordinating_conjunction_is_its_clause_subject() {
    let coded = code_text("The talks collapsed after Turkish troops attacked Kurdish militias.");
    let attack = find(&coded, "ASSAULT");
    assert_eq!(codes(&attack.actor), ["TURMIL"], "{attack:#?}");
}

#[test]
fn the_subject_of_a_that_clause_may_carry_an_apposition() {
    let coded = code_text("Chile demanded on Monday that Peru, its northern neighbour, must withdraw its troops.");
    let demand = coded
        .events
        .iter()
        .find(|event| codes(&event.actor) == ["CHL"])
        .unwrap_or_else(|| panic!("no event by Chile in {:#?}", coded.events));
    assert_eq!(codes(&demand.recipient), ["PER"], "{demand:#?}");
}

#[test]
fn an_event_a_measured_time_before_the_news_is_background() {
    let attacks_by_protesters = |coded: &CodedDocument| {
        coded.events.iter().filter(|event| event.event == "ASSAULT" || event.event == "PROTEST").count()
    };
    let measured =
        code_text("Japan will restore ties with China five years after Chinese protesters attacked its embassy.");
    assert_eq!(attacks_by_protesters(&measured), 0, "{:#?}", measured.events);
    let plain = code_text("Japan will restore ties with China after Chinese protesters attacked its embassy.");
    assert_eq!(attacks_by_protesters(&plain), 1, "{:#?}", plain.events);
}

/// A coder with a verb dictionary written for the test, keeping codes PLOVER has no type for.
fn code_with_verbs(text: &str, verbs: &str) -> CodedDocument {
    let verbs = VerbDictionary::from_petrarch_text(verbs, "test verbs").expect("the test dictionary reads");
    let metadata = Metadata { published: Some(PartialDate::day(2024, 7, 25)), ..Metadata::default() };
    let document = Document::from_body(text.to_string(), metadata);
    let sentences = Analyser::new().analyse(&document.body);
    let coder = Coder::new(KnowledgeBase::embedded(), &verbs, PartialDate::year(2026))
        .with_options(crate::CoderOptions { keep_unmapped_codes: true });
    coder.code_document(&document, &sentences)
}

fn find_code<'a>(coded: &'a CodedDocument, cameo: &str) -> &'a EventRecord {
    coded
        .events
        .iter()
        .find(|record| record.cameo.as_deref() == Some(cameo))
        .unwrap_or_else(|| panic!("no {cameo} event in {:#?}", coded.events))
}

#[test]
fn role_slots_of_a_pattern_can_swap_subject_and_object() {
    let verbs = "--- RECEIVE [033] ---\nRECEIVE\n- + * MONEY $ [071]\n";
    let coded = code_with_verbs("Peru received money from Chile on Monday.", verbs);
    let gift = find_code(&coded, "071");
    assert_eq!(codes(&gift.actor), ["CHL"], "{gift:#?}");
    assert_eq!(codes(&gift.recipient), ["PER"], "{gift:#?}");
    let plain = find_code(&code_with_verbs("Peru received a letter from Chile.", verbs), "033").clone();
    assert_eq!(codes(&plain.actor), ["PER"], "without the slots the subject acts: {plain:#?}");
}

#[test]
fn patterns_reach_into_a_that_clause() {
    let verbs = "--- CONCEDE [080] ---\nCONCEDE\n- * REALLY_SAFE [024]\n";
    let coded = code_with_verbs("Chile conceded that Peru is not a really safe place.", verbs);
    let concession = find_code(&coded, "024");
    assert_eq!(codes(&concession.actor), ["CHL"]);
}

#[test]
fn a_verb_read_as_a_noun_after_a_coordinated_subject_is_the_verb() {
    let verbs = "--- AGREE [030] ---\nAGREE\n";
    let coded = code_with_verbs("Peru and Chile agree that the border dispute should go to arbitration.", verbs);
    let agreement = find_code(&coded, "030");
    assert_eq!(codes(&agreement.actor), ["CHL", "PER"], "{agreement:#?}");
}

#[test]
fn of_right_after_the_verb_introduces_its_target() {
    let verbs = "--- WARN [160] ---\nWARN\n";
    let coded = code_with_verbs("Iran warned of the Israeli army on Monday.", verbs);
    let warning = find_code(&coded, "160");
    assert_eq!(codes(&warning.actor), ["IRN"]);
    assert_eq!(codes(&warning.recipient), ["ISRMIL"], "{warning:#?}");
}

#[test]
fn a_noun_joined_to_the_subject_shares_its_role() {
    let coded = code_text("Israeli helicopters and tanks shelled Palestinian positions near Rafah.");
    let shelling = find(&coded, "ASSAULT");
    assert_eq!(codes(&shelling.actor), ["ISRMIL"], "{shelling:#?}");
}

#[test]
fn a_participle_before_a_known_name_modifies_it_and_the_name_stays_the_target() {
    let verbs = "--- LAUNCH [190] ---\nLAUNCH\n";
    let coded = code_with_verbs("Serbia launched an offensive against besieged Bosnia on Friday.", verbs);
    let offensive = find_code(&coded, "190");
    assert_eq!(codes(&offensive.actor), ["SRB"], "{offensive:#?}");
    assert_eq!(codes(&offensive.recipient), ["BIH"], "{offensive:#?}");
}

#[test]
fn a_target_slot_after_the_verb_names_the_recipient_past_skipped_phrases() {
    let verbs = "--- CELEBRATE [040] ---\nCELEBRATE\n- * EID IN ^ + [045]\n";
    let coded = code_with_verbs("Jordan celebrated Eid in Egypt with the leaders of Syria.", verbs);
    let celebration = find_code(&coded, "045");
    assert_eq!(codes(&celebration.actor), ["JOR"], "{celebration:#?}");
    assert_eq!(codes(&celebration.recipient), ["SYRGOV"], "{celebration:#?}");
    let verbs = "--- WARN [160] ---\nWARN\n- * ITS ^ ABOUT + [162]\n";
    let coded = code_with_verbs("Iran warned its citizens about Israel on Monday.", verbs);
    assert_eq!(codes(&find_code(&coded, "162").recipient), ["ISR"], "{:#?}", coded.events);
}

#[test]
fn a_source_slot_after_skipped_phrases_takes_the_party_after_them() {
    let verbs = "--- CELEBRATE [040] ---\nCELEBRATE\n- + HOSTING * EID ^ $ [042]\n";
    let coded = code_with_verbs("Jordan will be hosting Egypt to celebrate Eid with Syria next week at Iraq.", verbs);
    let visit = find_code(&coded, "042");
    assert_eq!(codes(&visit.actor), ["IRQ"], "{visit:#?}");
    assert_eq!(codes(&visit.recipient), ["JOR"], "{visit:#?}");
}

#[test]
fn a_multi_word_verb_is_found_from_its_verb_word_when_the_head_is_mistagged() {
    // "tap" after "wire" is commonly tagged as a preposition or noun; the dictionary marks it
    // as the head of WIRE TAP.
    let verbs = "--- CONFISCATE [1711] ---\nCONFISCATE\nWIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}\n- WILL NOT * [081]\n";
    let coded = code_with_verbs("Georgian police will not wire tap the communication lines of Russia.", verbs);
    let easing = find_code(&coded, "081");
    assert_eq!(codes(&easing.actor), ["GEOCOP"], "{easing:#?}");
    assert_eq!(codes(&easing.recipient), ["RUS"], "{easing:#?}");
}

#[test]
fn a_pattern_naming_the_negation_gives_the_negated_acts_own_code() {
    let verbs = "--- SIGN [057] ---\nSIGN\n- WILL NOT * [081]\n";
    let coded = code_with_verbs("Russia will not sign the treaty with Georgia.", verbs);
    let easing = find_code(&coded, "081");
    assert_eq!(easing.modality, dyad_record::Modality::Future, "{easing:#?}");
    assert!(coded.events.iter().all(|event| event.cameo.as_deref() != Some("124")), "{:#?}", coded.events);
}

#[test]
fn patterns_reach_into_an_infinitive_right_after_the_verb_but_not_into_an_objects() {
    let verbs = "--- VOW [170] ---\nVOW\n- * WAR [173]\n";
    let coded = code_with_verbs("Peru vowed on Thursday to wage war on Ecuador.", verbs);
    let threat = find_code(&coded, "173");
    assert_eq!(codes(&threat.recipient), ["ECU"], "{threat:#?}");
    // The infinitive after an object says what the object is for.
    let verbs = "--- SEND [010] ---\nSEND\n- * RAIDS [111]\n";
    let coded = code_with_verbs("Chile sent a warning to Bolivia to stop raids.", verbs);
    assert!(coded.events.iter().all(|event| event.cameo.as_deref() != Some("111")), "{:#?}", coded.events);
}

#[test]
fn a_target_slot_before_the_verb_after_a_verb_of_the_pattern_makes_that_verbs_subject_the_actor() {
    let verbs = "--- REGRET [111] ---\nREGRET\n- NOTED + * [115]\n";
    let coded = code_with_verbs("The Peruvian president noted that Chile regretted the border incident.", verbs);
    let event = find_code(&coded, "115");
    assert_eq!(codes(&event.actor), ["PERGOV"], "{event:#?}");
    assert_eq!(codes(&event.recipient), ["CHL"], "{event:#?}");
}

#[test]
fn the_owner_of_a_noun_with_coordinated_modifiers_is_left_to_the_subject_search() {
    let verbs = "--- RISEN [---] ---\nRISEN\n- DEATH TOLL * [223]\n";
    let coded = code_with_verbs("Chile's death and injury toll has risen in the dispute with Peru.", verbs);
    let toll = find_code(&coded, "223");
    assert_eq!(codes(&toll.actor), ["CHL"], "{toll:#?}");
    assert_eq!(codes(&toll.recipient), ["PER"], "{toll:#?}");
}

#[test]
fn a_pronoun_opening_its_clause_is_the_subject_even_when_unresolved() {
    let verbs = "--- SAID [023] ---\nSAID\n";
    let coded =
        code_with_verbs("On the upkeep of ports and Peru's harbours, he said the repairs would go ahead.", verbs);
    assert!(coded.events.iter().all(|event| !codes(&event.actor).contains(&"PER".to_string())), "{:#?}", coded.events);
}

#[test]
fn a_preposition_closing_the_pattern_introduces_the_target() {
    let verbs = "--- WELCOME [041] ---\nWELCOME\n- * REPORTS ABOUT [915]\n";
    let coded = code_with_verbs("Chile welcomed reports chiefly about Peru on Monday.", verbs);
    let welcome = find_code(&coded, "915");
    assert_eq!(codes(&welcome.actor), ["CHL"], "{welcome:#?}");
    assert_eq!(codes(&welcome.recipient), ["PER"], "{welcome:#?}");
}

#[test]
fn a_passive_pattern_placing_both_parties_decides_the_roles() {
    let verbs = "--- FREE [066] ---\nFREE\n- + * FROM $ [066]\n";
    let coded = code_with_verbs("Chile's ambassador was freed from Peru on Monday.", verbs);
    let release = find_code(&coded, "066");
    assert_eq!(codes(&release.actor), ["PER"], "{release:#?}");
    assert!(codes(&release.recipient).iter().all(|code| code.starts_with("CHL")), "{release:#?}");
    assert!(!release.recipient.is_empty(), "{release:#?}");
}

#[test]
fn an_unknown_name_inside_the_subject_noun_phrase_keeps_the_search_there() {
    let verbs = "--- SAID [023] ---\nSAID\n--- ATTACK [190] ---\nATTACK\n";
    let text = "Chile attacked Peru on Monday, a Zarnovia memo said.";
    let coded = code_with_verbs(text, verbs);
    spans_slice_the_body(text, &coded);
    let statements: Vec<&EventRecord> =
        coded.events.iter().filter(|event| event.cameo.as_deref() == Some("023")).collect();
    assert!(
        statements.iter().all(|event| !codes(&event.actor).iter().any(|code| code == "PER" || code == "CHL")),
        "the memo, not a party of the earlier clause, speaks: {statements:#?}"
    );
    assert_eq!(codes(&find_code(&coded, "190").actor), ["CHL"]);
}

#[test]
fn a_scene_of_unknown_country_withholds_the_domestic_default() {
    let at_home = code_text("Russian police arrested students on Monday.");
    let arrest = find(&at_home, "COERCE");
    assert!(codes(&arrest.recipient).iter().all(|code| code.starts_with("RUS")), "{arrest:#?}");
    let abroad = code_text("Russian police arrested students in Zarnovia on Monday.");
    let arrest = find(&abroad, "COERCE");
    assert!(!arrest.recipient.is_empty(), "{arrest:#?}");
    assert!(arrest.recipient.iter().all(|entity| entity.code.is_none()), "{arrest:#?}");
}
