//! Behaviour of the embedded knowledge base, the matcher and the TABARI import.

use super::*;

fn day(text: &str) -> PartialDate {
    text.parse().unwrap()
}

fn whole(text: &str) -> Span {
    Span::new(0, text.len())
}

/// Every mention of `text`, as (slice, kind), checking each span slices the text.
fn mentions(text: &str) -> Vec<(&str, EntryKind)> {
    let kb = KnowledgeBase::embedded();
    kb.find_mentions(text, whole(text))
        .iter()
        .map(|mention| (text.get(mention.span.start..mention.span.end).expect("span on char boundaries"), mention.kind))
        .collect()
}

fn resolve_only(text: &str, on: &str) -> Resolution {
    let kb = KnowledgeBase::embedded();
    let found = kb.find_mentions(text, whole(text));
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    kb.resolve(&found[0], day(on))
}

fn shared_data() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("skipping: shared data not found at {}", path.display());
        None
    }
}

#[test]
fn leaders_resolve_to_the_role_held_that_day() {
    let putin = resolve_only("Putin", "2024-07-24");
    assert_eq!(
        (putin.name.as_str(), putin.code.as_deref(), putin.sector.as_deref()),
        ("Vladimir Putin", Some("RUS"), Some("GOV"))
    );
    let erdogan = resolve_only("Erdogan", "2024-07-25");
    assert_eq!((erdogan.code.as_deref(), erdogan.sector.as_deref()), (Some("TUR"), Some("GOV")));
    let trump = resolve_only("Donald Trump", "2025-03-01");
    assert_eq!(trump.sector.as_deref(), Some("GOV"));
    let trump_out = resolve_only("Donald Trump", "2022-03-01");
    assert_ne!(trump_out.sector.as_deref(), Some("GOV"));
}

#[test]
fn assad_is_syrian_government_until_the_fall_of_damascus_only() {
    let before = resolve_only("Assad", "2024-07-24");
    assert_eq!(
        (before.name.as_str(), before.code.as_deref(), before.sector.as_deref()),
        ("Bashar al-Assad", Some("SYR"), Some("GOV"))
    );
    let after = resolve_only("Bashar al-Assad", "2024-12-09");
    assert_eq!(after.code.as_deref(), Some("SYR"));
    assert_ne!(after.sector.as_deref(), Some("GOV"));
    let sharaa = resolve_only("Abu Mohammed al-Jolani", "2024-11-30");
    assert_eq!((sharaa.name.as_str(), sharaa.sector.as_deref()), ("Ahmed al-Sharaa", Some("REB")));
    assert_eq!(resolve_only("Ahmed al-Sharaa", "2025-03-01").sector.as_deref(), Some("GOV"));
}

#[test]
fn a_person_without_a_role_that_day_keeps_their_country() {
    let biden = resolve_only("Joe Biden", "1990-01-01");
    assert_eq!((biden.code.as_deref(), biden.sector, biden.role_note), (Some("USA"), None, None));
}

#[test]
fn places_adjectives_institutions_and_agents_resolve() {
    let kb = KnowledgeBase::embedded();
    let text = "Moscow";
    let moscow = &kb.find_mentions(text, whole(text))[0];
    assert_eq!(moscow.kind, EntryKind::Place);
    let place = kb.place_of(moscow).unwrap();
    assert_eq!((place.country.as_deref(), place.geonameid), (Some("RUS"), Some(524901)));
    assert!(place.lat.is_some_and(|lat| (lat - 55.75).abs() < 0.1));
    let syrian = resolve_only("Syrian", "2024-07-24");
    assert_eq!((syrian.kind, syrian.code.as_deref()), (EntryKind::CountryAdjective, Some("SYR")));
    let kremlin = resolve_only("Kremlin", "2024-07-24");
    assert_eq!(
        (kremlin.kind, kremlin.code.as_deref(), kremlin.sector.as_deref()),
        (EntryKind::Institution, Some("RUS"), Some("GOV"))
    );
    let police = resolve_only("police", "2024-07-24");
    assert_eq!((police.kind, police.sector.as_deref()), (EntryKind::Agent, Some("COP")));
    let hts = resolve_only("HTS", "2024-07-24");
    assert_eq!((hts.kind, hts.code.as_deref(), hts.sector.as_deref()), (EntryKind::Group, Some("SYR"), Some("REB")));
    assert_eq!(resolve_only("Islamic State", "2024-01-01").code.as_deref(), Some("IMG"));
}

#[test]
fn adjective_and_agent_are_two_mentions() {
    assert_eq!(
        mentions("Turkish police"),
        vec![("Turkish", EntryKind::CountryAdjective), ("police", EntryKind::Agent)]
    );
    assert_eq!(mentions("The soldiers fired."), vec![("soldiers", EntryKind::Agent)]);
}

#[test]
fn names_never_match_inside_words() {
    assert_eq!(mentions("Iranian"), vec![("Iranian", EntryKind::CountryAdjective)]);
    assert!(mentions("Iranianish").is_empty(), "{:?}", mentions("Iranianish"));
    assert!(mentions("policeman").iter().all(|(text, _)| *text == "policeman"));
}

#[test]
fn case_rule_separates_proper_names_from_common_words() {
    assert!(mentions("we ate turkey").is_empty());
    assert_eq!(mentions("TURKEY CLOSES BORDER").first().map(|m| m.0), Some("TURKEY"));
    assert_eq!(mentions("Turkey closed it").first().map(|m| m.1), Some(EntryKind::Country));
    assert_eq!(mentions("POLICE ARRIVE"), vec![("POLICE", EntryKind::Agent)]);
}

#[test]
fn variants_possessives_and_longest_matches() {
    assert_eq!(mentions("Putin’s plan"), vec![("Putin", EntryKind::Person)]);
    assert_eq!(mentions("Erdoğan's aide").first().map(|m| m.0), Some("Erdoğan"));
    assert_eq!(mentions("Bashar al Assad"), vec![("Bashar al Assad", EntryKind::Person)]);
    assert_eq!(mentions("Bashar al-Assad spoke"), vec![("Bashar al-Assad", EntryKind::Person)]);
    assert_eq!(mentions("the Islamic State group").first().map(|m| m.0), Some("Islamic State group"));
    assert_eq!(resolve_only("Zelenskyy", "2024-07-24").name, "Volodymyr Zelensky");
}

#[test]
fn region_limits_the_search_and_spans_index_the_whole_text() {
    let kb = KnowledgeBase::embedded();
    let text = "Erdoğan spoke. Then Putin replied in Moscow.";
    let region = Span::new(text.find("Then").unwrap(), text.len());
    let found = kb.find_mentions(text, region);
    let names: Vec<&str> = found.iter().map(|mention| &text[mention.span.start..mention.span.end]).collect();
    assert_eq!(names, vec!["Putin", "Moscow"]);
    assert!(kb.find_mentions(text, Span::new(1, 3)).is_empty(), "a region inside a multi-byte char yields nothing");
}

#[test]
fn lookup_lists_readings_for_the_cli() {
    let kb = KnowledgeBase::embedded();
    let readings = kb.lookup("erdogan", day("2024-07-25"));
    assert_eq!(readings[0].role_note.as_deref(), Some("TUR GOV 2014-08-28.."));
    assert!(kb.lookup("no such name here", day("2024-07-25")).is_empty());
}

#[test]
fn imported_actor_dictionary_resolves_by_date() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("test.actors.txt");
    std::fs::write(&path, "ARAGORN_ELESSAR_  # test\n+STRIDER\n\t[GONREB <20190101]\n\t[GONGOV 20190102-20231231]\n\t[GONELI]\nGONDOR [GON]\n").unwrap();
    let mut kb = KnowledgeBase::embedded().clone();
    let summary = kb.import_tabari(&path).unwrap();
    assert_eq!((summary.kind, summary.entries, summary.dated_codes), (DictionaryKind::Actors, 2, 2));
    let text = "Strider met Gondor envoys.";
    let found = kb.find_mentions(text, whole(text));
    let strider = &found[0];
    assert_eq!(kb.resolve(strider, day("2018-06")).sector.as_deref(), Some("REB"));
    assert_eq!(kb.resolve(strider, day("2020")).sector.as_deref(), Some("GOV"));
    assert_eq!(kb.resolve(strider, day("2024-02-01")).sector.as_deref(), Some("ELI"));
    assert_eq!(kb.resolve(&found[1], day("2020")).code.as_deref(), Some("GON"));
}

#[test]
fn malformed_import_names_file_and_line() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.actors.txt");
    std::fs::write(&path, "GONDOR [GON]\n+MINAS_TIRITH\n\t[GONGOV 2019AB01-20231231]\n").unwrap();
    let error = KnowledgeBase::embedded().clone().import_tabari(&path).unwrap_err().to_string();
    assert!(error.contains("broken.actors.txt:3:"), "{error}");
}

#[test]
fn petrarch_validation_dictionaries_import() {
    let Some(shared) = shared_data() else { return };
    let mut kb = KnowledgeBase::embedded().clone();
    let actors = kb.import_tabari(&shared.join("petrarch2/PETR.Validate.actors.txt")).unwrap();
    assert_eq!(actors.kind, DictionaryKind::Actors);
    let agents = kb.import_tabari(&shared.join("petrarch2/PETR.Validate.agents.txt")).unwrap();
    assert_eq!(agents.kind, DictionaryKind::Agents);
    let text = "Sam Gamgee met the congressmen.";
    let found = kb.find_mentions(text, whole(text));
    assert_eq!(kb.resolve(&found[0], day("2010-01-10")).code.as_deref(), Some("ORC"));
    assert_eq!(kb.resolve(&found[0], day("2012-12-01")).sector.as_deref(), Some("GOV"));
    assert_eq!(kb.resolve(&found[1], day("2012-12-01")).sector.as_deref(), Some("LEG"));
}

#[test]
fn embedded_and_on_disk_knowledge_bases_agree() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kb");
    let from_disk = KnowledgeBase::from_dir(&dir).unwrap();
    assert_eq!(from_disk.entries().len(), KnowledgeBase::embedded().entries().len());
    assert!(KnowledgeBase::from_dir(Path::new("/no/such/kb")).is_err());
}

#[test]
fn rebuilding_from_sources_keeps_curated_facts() {
    let Some(shared) = shared_data() else { return };
    let kb_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kb");
    let out = tempfile::tempdir().unwrap();
    let summary = build_from_sources(&shared, &kb_dir.join("curated"), out.path()).unwrap();
    assert!(summary.written.iter().any(|(name, rows)| name == "people.tsv" && *rows > 10_000));
    for name in KB_FILES {
        let rebuilt = std::fs::read_to_string(out.path().join(name)).unwrap();
        let committed = std::fs::read_to_string(kb_dir.join(name)).unwrap();
        assert!(rebuilt == committed, "kb/{name} is stale: rerun the build");
    }
}

#[test]
fn a_joint_code_resolves_to_every_member_and_a_leading_article_needs_no_capital() {
    let mut kb = KnowledgeBase::empty();
    kb.import_tabari_text("THE_TWIN_DUCHIES  [ABC/DEF]\nRURITANIA  [RUR]\n", Path::new("toy.actors")).unwrap();
    let text = "Ruritania and the Twin Duchies signed.";
    let found = kb.find_mentions(text, whole(text));
    let slices: Vec<&str> = found.iter().map(|mention| &text[mention.span.start..mention.span.end]).collect();
    assert_eq!(slices, vec!["Ruritania", "the Twin Duchies"]);
    let duchies = kb.resolve(&found[1], day("2020-01-01"));
    assert_eq!(duchies.code.as_deref(), Some("ABC"));
    assert_eq!(duchies.joint_codes, vec!["ABC", "DEF"]);
    assert!(kb.resolve(&found[0], day("2020-01-01")).joint_codes.is_empty());
}

#[test]
fn imported_discard_phrases_are_found_as_whole_words() {
    let mut kb = KnowledgeBase::empty();
    let summary = kb.import_tabari_text("CROQUET\n+Cricket Test Match\n", Path::new("toy.discards")).unwrap();
    assert_eq!((summary.kind, summary.entries), (DictionaryKind::Discards, 2));
    let text = "Ruritania won the cricket test match against Elbonia.";
    let hit = kb.find_discard(text, whole(text)).expect("a story discard");
    assert_eq!((&text[hit.span.start..hit.span.end], hit.level), ("cricket test match", DiscardLevel::Story));
    let sentence = "Croquet fans cheered.";
    assert_eq!(kb.find_discard(sentence, whole(sentence)).map(|hit| hit.level), Some(DiscardLevel::Sentence));
    let inside_word = "The croquets were new.";
    assert_eq!(kb.find_discard(inside_word, whole(inside_word)), None);
    assert_eq!(KnowledgeBase::embedded().discard_count(), 0);
}

#[test]
fn a_surname_before_administration_finds_the_country_its_bearer_governed() {
    let mut kb = KnowledgeBase::empty();
    let actors = "JOHN_HALVARD  [RUR]\n\t[RURGOV 900101-991231]\nMARTA_HALVARD  [ELB]\n\t[ELBGOV 050101-081231]\n";
    kb.import_tabari_text(actors, Path::new("toy.actors")).unwrap();
    assert_eq!(kb.government_led_by_surname("Halvard", day("1995-03-01")).as_deref(), Some("RUR"));
    assert_eq!(kb.government_led_by_surname("Halvard", day("2006-03-01")).as_deref(), Some("ELB"));
    // Nobody named Halvard governed in 2012: the nearest Halvard administration is Marta's.
    assert_eq!(kb.government_led_by_surname("Halvard", day("2012-03-01")).as_deref(), Some("ELB"));
    assert_eq!(kb.government_led_by_surname("Unknown", day("1995-03-01")), None);
}

#[test]
fn serbian_codes_serbia_not_a_former_federal_partner() {
    assert_eq!(resolve_only("Serbian", "1999-03-24").code.as_deref(), Some("SRB"));
    assert_eq!(resolve_only("Montenegrin", "2010-01-01").code.as_deref(), Some("MNE"));
}

#[test]
fn a_surname_two_governments_share_on_the_day_names_neither() {
    let mut kb = KnowledgeBase::empty();
    let actors = "JOHN_HALVARD  [RUR]\n\t[RURGOV 900101-991231]\nMARTA_HALVARD  [ELB]\n\t[ELBGOV 950101-081231]\n";
    kb.import_tabari_text(actors, Path::new("toy.actors")).unwrap();
    assert_eq!(kb.government_led_by_surname("Halvard", day("1996-03-01")), None);
}

#[test]
fn a_surname_of_one_country_finds_its_government_on_days_nobody_of_that_name_governed() {
    let mut kb = KnowledgeBase::empty();
    let actors = "JOHN_HALVARD  [RUR]\n\t[RURGOV 900101-991231]\nPETER_HALVARD  [RUR]\n\t[RURGOV 050101-081231]\n";
    kb.import_tabari_text(actors, Path::new("toy.actors")).unwrap();
    // A retrospective ("the Halvard administration") written in 2015 still means Ruritania.
    assert_eq!(kb.government_led_by_surname("Halvard", day("2015-03-01")).as_deref(), Some("RUR"));
}

#[test]
fn a_nationality_word_shared_by_two_countries_names_the_one_it_is_formed_from() {
    // The sources list "Serbian" for Montenegro too (its Serb population).
    assert_eq!(resolve_only("Serbian", "2000-01-01").code.as_deref(), Some("SRB"));
    assert_eq!(resolve_only("Serb", "2000-01-01").code.as_deref(), Some("SRB"));
}

#[test]
fn plural_demonyms_name_the_country_of_the_people() {
    assert_eq!(mentions("Nigerians"), vec![("Nigerians", EntryKind::CountryAdjective)]);
    assert_eq!(resolve_only("Iraqis", "2000-01-01").code.as_deref(), Some("IRQ"));
    // "-ese" and "-ish" words have no plural in "-s".
    assert!(mentions("Chineses").is_empty());
}

#[test]
fn an_armed_group_coded_with_an_olympic_country_code_gets_the_iso_code() {
    // The START/TOPS list writes Angola's UNITA as ANGREB, Angola's Olympic code.
    let unita = resolve_only("National Union for the Total Independence of Angola", "1995-01-01");
    assert_eq!((unita.code.as_deref(), unita.sector.as_deref()), (Some("AGO"), Some("REB")));
}
