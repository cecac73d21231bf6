use super::*;
use dyad_analyse::Analyser;
use dyad_document::Metadata;
use dyad_record::{DateSource, Modality};

pub(crate) fn code_text(text: &str, published: &str) -> CodedDocument {
    let metadata = Metadata { published: Some(published.parse().unwrap()), ..Metadata::default() };
    let document = Document::from_body(text.to_string(), metadata);
    let sentences = Analyser::new().analyse(&document.body);
    let coder = Coder::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::year(2026));
    coder.code_document(&document, &sentences)
}

pub(crate) fn find<'a>(coded: &'a CodedDocument, event: &str) -> &'a EventRecord {
    coded
        .events
        .iter()
        .find(|record| record.event == event)
        .unwrap_or_else(|| panic!("no {event} event in {:#?}", coded.events))
}

fn codes(entities: &[dyad_record::Entity]) -> Vec<(String, String)> {
    entities
        .iter()
        .map(|entity| (entity.code.clone().unwrap_or_default(), entity.sector.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn a_meeting_in_the_hosts_capital_is_a_visit_dated_from_the_text() {
    let coded = code_text(
        "Russian President Vladimir Putin met with his Syrian counterpart Bashar al-Assad in Moscow on Wednesday.",
        "2024-07-25",
    );
    let meeting = find(&coded, "CONSULT");
    assert_eq!(meeting.mode.as_deref(), Some("visit"));
    assert_eq!(codes(&meeting.actor), vec![("RUS".into(), "GOV".into())]);
    assert_eq!(codes(&meeting.recipient), vec![("SYR".into(), "GOV".into())]);
    assert_eq!(meeting.location.as_ref().and_then(|place| place.country.as_deref()), Some("RUS"));
    assert_eq!(meeting.date.to_string(), "2024-07-24");
    assert_eq!(meeting.date_source, DateSource::Text);
    assert_eq!(meeting.modality, Modality::Asserted);
}

#[test]
fn roles_follow_the_event_date() {
    let coded = code_text("Vladimir Putin met with Bashar al-Assad in Moscow on Wednesday.", "2025-01-16");
    let meeting = find(&coded, "CONSULT");
    assert!(meeting.recipient.iter().all(|entity| entity.sector.as_deref() != Some("GOV")), "{meeting:#?}");
}

#[test]
fn passive_voice_swaps_actor_and_recipient() {
    let coded = code_text("Two Syrian soldiers were killed by rebels near Idlib on Tuesday.", "2024-07-25");
    let attack = find(&coded, "ASSAULT");
    // The rebels are of no stated country; the sentence's only country (Syrian soldiers, near
    // Idlib) is theirs by the domestic default.
    assert_eq!(codes(&attack.actor), vec![("SYR".into(), "REB".into())]);
    assert_eq!(codes(&attack.recipient), vec![("SYR".into(), "MIL".into())]);
}

#[test]
fn negated_and_future_events_are_marked() {
    let negated = code_text("Turkish troops did not attack the Kurdish militias.", "2024-07-25");
    assert_eq!(find(&negated, "ASSAULT").modality, Modality::Negated);
    let future = code_text("Erdogan will meet Vladimir Putin in Ankara next week.", "2024-07-25");
    // PLOVER codes a meeting still to come as AGREE; the modality says it lies ahead.
    assert_eq!(find(&future, "AGREE").modality, Modality::Future);
}

#[test]
fn background_events_are_historical() {
    let coded = code_text("In 2015, Russian warplanes bombed rebels in Syria.", "2024-07-25");
    let strike = find(&coded, "ASSAULT");
    assert_eq!(strike.modality, Modality::Historical);
    assert_eq!(strike.date.to_string(), "2015");
}

#[test]
fn coordinated_targets_are_all_recipients() {
    let coded = code_text(
        "Turkish forces attacked Kurdish militias, Islamic State fighters and forces loyal to Assad.",
        "2024-07-25",
    );
    let attack = find(&coded, "ASSAULT");
    assert_eq!(attack.recipient.len(), 3, "{attack:#?}");
}

#[test]
fn spans_slice_the_body_and_coding_is_deterministic() {
    let text = "Police arrested twelve protesters in Ankara on Monday. The government imposed sanctions on Iran.";
    let first = code_text(text, "2024-07-25");
    let second = code_text(text, "2024-07-25");
    assert!(!first.events.is_empty());
    for event in &first.events {
        let sentence = &text[event.span.start..event.span.end];
        assert!(sentence.contains(&event.event_text), "{sentence} / {}", event.event_text);
        for entity in event.actor.iter().chain(&event.recipient) {
            assert_eq!(&text[entity.span.start..entity.span.end], entity.text);
        }
    }
    let render = |coded: &CodedDocument| {
        coded.events.iter().map(|event| serde_json::to_string(event).unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(render(&first), render(&second));
}

#[test]
fn no_event_is_dated_after_publication_unless_it_is_still_to_come() {
    let furniture = code_text("Britain expels 23 Russian diplomats - 29 Jul 2024 15:03", "2018-03-14");
    assert!(
        furniture.events.iter().all(|event| !PartialDate::day(2018, 3, 14).is_before(&event.date)),
        "{:#?}",
        furniture.events
    );
    let plan = code_text("Erdogan will visit Moscow on 3 August.", "2024-07-25");
    assert_eq!(find(&plan, "AGREE").date.to_string(), "2024-08-03");
}

#[test]
fn business_news_is_not_political_event_data() {
    let coded =
        code_text("The company launched a new phone on Tuesday, and rival firms criticized the company.", "2024-07-25");
    assert!(coded.events.is_empty(), "{:#?}", coded.events);
}

#[test]
fn cooperation_still_to_come_is_an_agreement_that_keeps_its_cameo_code() {
    let coded = code_text("The Red Cross will provide food aid to refugees in Chad next month.", "2024-03-04");
    let promise = find(&coded, "AGREE");
    assert_eq!(promise.modality, Modality::Future);
    assert!(promise.cameo.as_deref().is_some_and(|code| code.starts_with("07")), "{promise:#?}");
    assert!(coded.events.iter().all(|event| event.event != "AID"), "{:#?}", coded.events);
}

#[test]
fn agreeing_to_act_is_an_agreement_by_every_party() {
    let coded = code_text("Jordan and Britain agreed on Monday to hold joint naval drills.", "2024-03-06");
    let agreement = find(&coded, "AGREE");
    assert_eq!(codes(&agreement.actor), vec![("JOR".into(), String::new()), ("GBR".into(), String::new())]);
    assert_eq!(agreement.date.to_string(), "2024-03-04");
}

#[test]
fn refusing_cooperation_is_a_rejection_but_a_meeting_that_did_not_happen_is_negated() {
    let refusal = code_text("Norway has refused to send troops to Chad.", "2024-03-04");
    let rejection = find(&refusal, "REJECT");
    assert_eq!(rejection.modality, Modality::Asserted);
    assert!(rejection.cameo.as_deref().is_some_and(|code| code.starts_with("12")), "{rejection:#?}");
    let unwilling = code_text("Syria said it will not accept any more refugees.", "2024-03-04");
    assert_eq!(find(&unwilling, "REJECT").modality, Modality::Asserted);
    let negated = code_text("Erdogan did not meet Vladimir Putin in Ankara on Monday.", "2024-07-25");
    assert_eq!(find(&negated, "CONSULT").modality, Modality::Negated);
}

#[test]
fn saying_that_another_actor_must_act_is_a_demand_on_it() {
    let coded = code_text("Germany declared on Tuesday that Iran must release the detained sailors.", "2024-03-06");
    let demand = find(&coded, "REQUEST");
    assert_eq!(codes(&demand.actor), vec![("DEU".into(), String::new())]);
    assert_eq!(codes(&demand.recipient), vec![("IRN".into(), String::new())]);
    let plain = code_text("Germany said on Tuesday that Iran released the detained sailors.", "2024-03-06");
    assert!(plain.events.iter().all(|event| event.event != "REQUEST"), "{:#?}", plain.events);
}

#[test]
fn a_city_is_where_things_happen_not_who_does_them_but_a_capital_speaks_for_its_government() {
    let football = code_text("Napoli beat Udinese 2-1 on Sunday, and Milan hosted Verona.", "2022-03-20");
    assert!(football.events.is_empty(), "{:#?}", football.events);
    let capital = code_text("Ankara accused Damascus of shelling the border on Monday.", "2024-07-25");
    let accusation = find(&capital, "ACCUSE");
    assert_eq!(codes(&accusation.actor), vec![("TUR".into(), "GOV".into())]);
}

#[test]
fn a_threat_takes_its_recipient_from_what_it_threatens_and_its_content_is_no_event() {
    let coded = code_text("Russia threatened on Monday to cut off gas supplies to Ukraine.", "2024-03-06");
    let threat = find(&coded, "THREATEN");
    assert_eq!(codes(&threat.recipient), vec![("UKR".into(), String::new())], "{threat:#?}");
    assert_eq!(coded.events.len(), 1, "{:#?}", coded.events);
}

#[test]
fn a_demand_that_another_actor_act_names_that_actor_as_recipient() {
    let coded = code_text("China demanded Friday that Japan halt the naval drills.", "2024-03-06");
    let demand = find(&coded, "REQUEST");
    assert_eq!(codes(&demand.recipient), vec![("JPN".into(), String::new())], "{demand:#?}");
    assert_eq!(coded.events.len(), 1, "{:#?}", coded.events);
}

#[test]
fn a_party_named_after_a_target_preposition_outranks_an_uncoded_object() {
    let coded = code_text("Egypt has sent its troops to Sudan.", "2024-03-06");
    let offer = coded.events.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(codes(&offer.recipient), vec![("SDN".into(), String::new())], "{offer:#?}");
}

#[test]
fn evidence_lines_up_with_events_and_gives_their_confidence() {
    let coded = code_text(
        "Turkish troops attacked Kurdish militias near the border. After rebels shelled the town, police arrested ten men.",
        "2024-03-06",
    );
    assert_eq!(coded.events.len(), coded.evidence.len());
    for (event, evidence) in coded.events.iter().zip(&coded.evidence) {
        assert_eq!(event.id, evidence.event_id);
        assert_eq!(event.confidence, crate::confidence(evidence));
    }
    let attack = find(&coded, "ASSAULT");
    let attack_evidence = &coded.evidence[coded.events.iter().position(|event| event.id == attack.id).unwrap()];
    assert!(attack_evidence.main_clause && attack_evidence.actor_adjacent, "{attack_evidence:#?}");
}

#[test]
fn an_act_in_a_country_is_aimed_at_it_unless_it_is_a_meeting() {
    let curfew = code_text("Serbia lifted the curfew in Montenegro on Monday.", "2024-03-06");
    let lifted = curfew.events.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(codes(&lifted.recipient), vec![("MNE".into(), String::new())], "{lifted:#?}");
    let arrests = code_text("Police arrested dozens of protesters in Ankara on Monday.", "2024-03-06");
    let arrest = find(&arrests, "COERCE");
    assert!(arrest.recipient.iter().all(|entity| entity.code.as_deref() == Some("TUR")), "{arrest:#?}");
    let meeting = code_text("Erdogan met Vladimir Putin in Geneva on Monday.", "2024-03-06");
    let consult = find(&meeting, "CONSULT");
    assert!(consult.recipient.iter().all(|entity| entity.code.as_deref() != Some("CHE")), "{consult:#?}");
}

#[test]
fn a_later_mention_with_long_modifiers_dates_an_undated_act() {
    let coded = code_text(
        "The United States has imposed sanctions on Iran's state shipping line. \
         The sanctions on the Islamic Republic of Iran Shipping Lines, or IRISL, announced Monday, \
         will freeze its assets abroad.",
        "2019-01-30",
    );
    let sanction = find(&coded, "SANCTION");
    assert_eq!(sanction.date.to_string(), "2019-01-28");
    assert_eq!(sanction.date_source, DateSource::Text);
}

fn code_text_for_validation(text: &str, published: &str) -> CodedDocument {
    let metadata = Metadata { published: Some(published.parse().unwrap()), ..Metadata::default() };
    let document = Document::from_body(text.to_string(), metadata);
    let sentences = Analyser::new().analyse(&document.body);
    let coder = Coder::new(KnowledgeBase::embedded(), VerbDictionary::embedded(), PartialDate::year(2026))
        .with_options(CoderOptions { keep_unmapped_codes: true });
    coder.code_document(&document, &sentences)
}

#[test]
fn a_paired_code_gives_the_target_its_own_event_back_in_cameo_validation() {
    // VISIT is [042:043]: the visitor makes a visit, the one visited hosts it.
    let coded = code_text_for_validation("The French president visited China on Tuesday.", "2024-07-25");
    let visit = coded.events.iter().find(|event| event.cameo.as_deref() == Some("042"));
    let host = coded.events.iter().find(|event| event.cameo.as_deref() == Some("043"));
    let (visit, host) = (visit.expect("a visit"), host.unwrap_or_else(|| panic!("a hosting in {:#?}", coded.events)));
    assert_eq!(codes(&visit.actor), vec![("FRA".into(), "GOV".into())]);
    assert_eq!(codes(&visit.recipient), codes(&host.actor));
    assert_eq!(codes(&host.recipient), codes(&visit.actor));
    assert_ne!(visit.id, host.id, "two events of one verb keep distinct ids");
    assert_eq!(coded.evidence.len(), coded.events.len());
}

#[test]
fn a_paired_code_of_one_plover_type_is_one_record_and_needs_a_target() {
    // Visiting and hosting are both CONSULT: PLOVER's one record says it all.
    let coded = code_text("The French president visited China on Tuesday.", "2024-07-25");
    assert_eq!(coded.events.iter().filter(|event| event.event == "CONSULT").count(), 1, "{:#?}", coded.events);
    let coded = code_text_for_validation("The French president visited on Tuesday.", "2024-07-25");
    assert!(coded.events.iter().all(|event| event.cameo.as_deref() != Some("043")), "{:#?}", coded.events);
}

#[test]
fn a_party_modifying_the_object_noun_is_the_target() {
    let coded = code_text("Turkey criticized the closure of schools in Greece.", "2024-07-25");
    let criticism = find(&coded, "ACCUSE");
    assert_eq!(codes(&criticism.recipient).first().map(|(code, _)| code.as_str()), Some("GRC"), "{criticism:#?}");
    let coded = code_text("Japan restored ties with the government of Chad.", "2024-07-25");
    let restored = coded.events.first().unwrap_or_else(|| panic!("an event"));
    assert_eq!(codes(&restored.recipient).first().map(|(code, _)| code.as_str()), Some("TCD"), "{restored:#?}");
}

#[test]
fn a_place_adverbial_of_the_clause_is_not_a_target() {
    // "on Monday in France" says where the talks were held, not with whom.
    let coded = code_text("Germany held talks on Monday in France.", "2024-07-25");
    assert!(coded.events.iter().all(|event| event.recipient.is_empty()), "{:#?}", coded.events);
}

#[test]
fn a_bunch_of_people_is_the_object_itself() {
    let coded = code_text("Israeli soldiers arrested a bunch of Palestinian students.", "2024-07-25");
    let arrest = find(&coded, "COERCE");
    assert_eq!(codes(&arrest.recipient).first().map(|(code, _)| code.as_str()), Some("PSE"), "{arrest:#?}");
}

#[test]
fn an_unknown_name_as_object_gives_way_to_a_party_after_with() {
    let coded = code_text("Turkey celebrated Eid in Ankara with Russia.", "2024-07-25");
    let event = coded.events.first().unwrap_or_else(|| panic!("an event"));
    assert_eq!(codes(&event.recipient), vec![("RUS".into(), String::new())], "{event:#?}");
}

#[test]
fn the_author_or_subject_of_the_object_is_the_target() {
    for text in ["Turkey welcomed the memos sent by Qatar.", "Turkey welcomed new reports about Qatar."] {
        let coded = code_text(text, "2024-07-25");
        let event = coded.events.first().unwrap_or_else(|| panic!("an event for {text}"));
        assert_eq!(codes(&event.recipient).first().map(|(code, _)| code.as_str()), Some("QAT"), "{event:#?}");
    }
}

#[test]
fn agreeing_to_sanction_a_third_party_is_the_sanction_not_an_agreement() {
    let coded = code_text("European Union leaders agreed on Monday to sanction Belarus.", "2021-05-25");
    let sanction = find(&coded, "SANCTION");
    assert_eq!(codes(&sanction.recipient), vec![("BLR".into(), String::new())]);
    assert!(coded.events.iter().all(|event| event.event != "AGREE"), "{:#?}", coded.events);
    // Agreeing to cooperate stays an agreement.
    let talks = code_text("Peru and Chile agreed on Monday to hold talks on the border.", "2021-05-25");
    find(&talks, "AGREE");
}

#[test]
fn calling_something_by_a_name_is_no_phone_call() {
    let judged = code_text("Taiwan on Friday called the Chinese drills irresponsible.", "2022-08-05");
    assert!(judged.events.iter().all(|event| event.mode.as_deref() != Some("phone")), "{:#?}", judged.events);
    let phoned = code_text("Emmanuel Macron called Vladimir Putin late Friday.", "2022-08-05");
    assert_eq!(find(&phoned, "CONSULT").mode.as_deref(), Some("phone"));
}

#[test]
fn a_weapon_with_a_nationality_is_that_countrys_attack() {
    let coded = code_text("A Russian missile strike on Kharkiv killed three people on Wednesday.", "2024-06-27");
    let attack = find(&coded, "ASSAULT");
    assert_eq!(attack.actor.iter().map(|entity| entity.code.clone()).collect::<Vec<_>>(), vec![Some("RUS".into())]);
}

#[test]
fn swearing_to_fight_is_a_threat() {
    let coded = code_text("Rebel leaders in Mali have sworn to fight until the army leaves the north.", "2024-05-02");
    assert_eq!(coded.events.iter().map(|event| event.event.as_str()).collect::<Vec<_>>(), ["THREATEN"]);
}

#[test]
fn calling_for_sanctions_against_a_country_rallies_opposition() {
    let coded = code_text("A South African bishop called for sanctions against Zimbabwe on Sunday.", "2024-05-02");
    let call = find(&coded, "ACCUSE");
    assert_eq!(codes(&call.recipient), vec![("ZWE".into(), String::new())]);
    assert!(coded.events.iter().all(|event| event.event != "THREATEN"), "{:#?}", coded.events);
}

#[test]
fn expelling_an_organisations_inspectors_is_a_sanction() {
    let coded = code_text("Iraq expelled United Nations inspectors on Monday.", "2024-05-02");
    assert_eq!(find(&coded, "SANCTION").mode.as_deref(), Some("withdraw"));
}

#[test]
fn going_missing_is_no_visit() {
    let coded =
        code_text("The Red Cross suspended aid deliveries in Iraq after a staff member went missing.", "2024-05-02");
    assert!(coded.events.iter().all(|event| event.event != "CONSULT"), "{:#?}", coded.events);
}

#[test]
fn a_hostile_act_put_hypothetically_is_a_threat_and_one_announced_is_the_act() {
    let said_would = code_text("Venezuelan leaders said they would boycott all talks with Colombia.", "2024-05-02");
    assert_eq!(find(&said_would, "THREATEN").mode.as_deref(), Some("restrict"), "{:#?}", said_would.events);
    let will = code_text("Britain will expel 12 Russian diplomats, the prime minister said.", "2024-05-02");
    assert!(will.events.iter().any(|event| event.event == "SANCTION"), "{:#?}", will.events);
}

#[test]
fn a_place_another_verb_governs_is_not_where_the_event_happened() {
    let coded = code_text(
        "Russian missiles killed three people on Wednesday, hours before Volodymyr Zelensky arrived in Brussels.",
        "2024-06-27",
    );
    let attack = find(&coded, "ASSAULT");
    assert!(attack.location.is_none(), "{attack:#?}");
    assert!(attack.recipient.iter().all(|entity| entity.code.as_deref() != Some("BEL")), "{attack:#?}");
}

#[test]
fn parties_with_no_state_role_code_contention_but_not_business_as_usual() {
    let offer = code_text("Educational institutions offer nurses flexible courses.", "2024-03-04");
    assert!(offer.events.is_empty(), "{:#?}", offer.events);
    let protest = code_text("Students protested against the new fees on Monday.", "2024-03-04");
    find(&protest, "PROTEST");
}

#[test]
fn an_unknown_name_in_a_pattern_slot_does_not_displace_coded_objects() {
    let coded = code_text("The army blamed Rwandan troops for the attack on the Zelvanu camp.", "2024-05-04");
    let blame = find(&coded, "ACCUSE");
    assert_eq!(codes(&blame.recipient), vec![("RWA".into(), "MIL".into())], "{blame:#?}");
}

#[test]
fn being_in_the_process_of_an_act_is_the_act() {
    let coded = code_text("Britain is in the process of expelling 23 Russian diplomats.", "2018-03-28");
    let expulsion = find(&coded, "SANCTION");
    assert_eq!(codes(&expulsion.actor), vec![("GBR".into(), String::new())]);
}
