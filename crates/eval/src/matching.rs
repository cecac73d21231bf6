//! How produced actors are compared with the codes a gold standard writes.
//!
//! Two comparisons, one per gold standard:
//! - PETRARCH validation codes are CAMEO strings (`ARNGOV`, `GONMOP`, `---GOV`, `"INJURY TOLL"`).
//!   A produced entity is written as its code (or `---` when it has none) followed by its
//!   sector, e.g. `ARNGOV`. An expected code is met when it is a prefix of (or equal to) that
//!   string, either as written or after the knowledge base's own CAMEO → PLOVER decoding
//!   (which renames sectors: `MOP` → `OPP`, `MED` → `JRN`, and keeps one sector), so the
//!   comparison does not fail on a renaming the coder is meant to make. `---` alone means
//!   "no coded entity"; a quoted phrase is an uncoded actor named by its text.
//! - PLOVER and news gold give country (or international) codes. They overlap an entity
//!   when its code is the same, treating the PLOVER international codes `UNO` and `EUR` as
//!   kinds of `IGO` (the 0.5b1 gold writes `IGO` for both); a gold entry that is not a code
//!   (`SUU KYI`, `PDVSA`) is matched against the entity's text and name, case-blind.

use dyad_kb::decode_cameo;
use dyad_record::{Entity, EventRecord};

/// An entity as `CODE` + `SECTOR`, with `---` for a missing code: `ARNGOV`, `---GOV`, `ARN`.
pub fn entity_code(entity: &Entity) -> String {
    format!("{}{}", entity.code.as_deref().unwrap_or("---"), entity.sector.as_deref().unwrap_or(""))
}

/// True when an entity carries any code or sector at all.
fn is_coded(entity: &Entity) -> bool {
    entity.code.is_some() || entity.sector.is_some()
}

/// Whether an expected PETRARCH code is met by one of the entities (see the module docs).
pub fn petrarch_code_matches(expected: &str, entities: &[Entity]) -> bool {
    let expected = expected.trim();
    if let Some(phrase) = expected.strip_prefix('"').and_then(|rest| rest.strip_suffix('"')) {
        let wanted = normalise_phrase(phrase);
        return entities.iter().any(|entity| {
            normalise_phrase(&entity.text) == wanted
                || entity.name.as_deref().is_some_and(|name| normalise_phrase(name) == wanted)
        });
    }
    if expected.chars().all(|c| c == '-') {
        return !entities.iter().any(is_coded);
    }
    let written = expected.to_ascii_uppercase();
    let decoded = decode_cameo(&written);
    let decoded = format!("{}{}", decoded.code.as_deref().unwrap_or("---"), decoded.sector.as_deref().unwrap_or(""));
    entities.iter().map(entity_code).any(|produced| produced.starts_with(&written) || produced.starts_with(&decoded))
}

fn normalise_phrase(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
}

/// A produced event in PETRARCH's notation: `ARNGOV>GON:064`, compound actors joined by `+`.
pub fn describe_event(event: &EventRecord) -> String {
    let side = |entities: &[Entity]| -> String {
        if entities.is_empty() {
            return "---".into();
        }
        entities
            .iter()
            .map(|entity| if is_coded(entity) { entity_code(entity) } else { format!("\"{}\"", entity.text) })
            .collect::<Vec<_>>()
            .join("+")
    };
    format!("{}>{}:{}", side(&event.actor), side(&event.recipient), event.cameo.as_deref().unwrap_or(&event.event))
}

/// The family a PLOVER actor code belongs to for overlap: `UNO` and `EUR` count as `IGO`, and
/// the three non-ISO country codes the PLOVER gold file writes (`JAP`, `VTN`, `ITL`, from older
/// coding schemes) count as the ISO codes the knowledge base gives (`JPN`, `VNM`, `ITA`).
fn code_family(code: &str) -> &str {
    match code {
        "UNO" | "EUR" => "IGO",
        "JAP" => "JPN",
        "VTN" => "VNM",
        "ITL" => "ITA",
        other => other,
    }
}

/// Whether a gold code (a country/international code, or a name) overlaps an entity.
pub fn gold_code_overlaps(gold: &str, entity: &Entity) -> bool {
    let gold = gold.trim();
    let looks_like_code = gold.len() == 3 && gold.bytes().all(|byte| byte.is_ascii_uppercase());
    if looks_like_code {
        return entity.code.as_deref().is_some_and(|code| code == gold || code_family(code) == code_family(gold));
    }
    let wanted = gold.to_lowercase();
    entity.text.to_lowercase().contains(&wanted)
        || entity.name.as_deref().is_some_and(|name| name.to_lowercase().contains(&wanted))
}

/// Whether any gold code overlaps any entity. An empty gold list accepts anything (the gold
/// standard left that side open), including no entity.
pub fn any_overlap(gold: &[String], entities: &[Entity]) -> bool {
    gold.is_empty() || gold.iter().any(|code| entities.iter().any(|entity| gold_code_overlaps(code, entity)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use dyad_document::Span;

    pub(crate) fn entity(text: &str, code: Option<&str>, sector: Option<&str>) -> Entity {
        Entity {
            text: text.into(),
            name: None,
            code: code.map(str::to_string),
            sector: sector.map(str::to_string),
            span: Span::new(0, text.len()),
        }
    }

    #[test]
    fn expected_code_may_be_a_prefix_of_the_produced_one() {
        let produced = [entity("Norland's government", Some("NOR"), Some("GOV"))];
        assert!(petrarch_code_matches("NOR", &produced));
        assert!(petrarch_code_matches("NORGOV", &produced));
        assert!(!petrarch_code_matches("NORMIL", &produced));
        assert!(!petrarch_code_matches("ELB", &produced));
    }

    #[test]
    fn sector_renamings_of_the_knowledge_base_are_accepted() {
        let opposition = [entity("the Norland opposition", Some("NOR"), Some("OPP"))];
        assert!(petrarch_code_matches("NORMOP", &opposition));
        let press = [entity("Norland media", Some("NOR"), Some("JRN"))];
        assert!(petrarch_code_matches("NORMED", &press));
        let officials = [entity("officials", None, Some("GOV"))];
        assert!(petrarch_code_matches("---GOV", &officials));
    }

    #[test]
    fn dashes_mean_no_coded_entity_and_quotes_mean_a_phrase() {
        assert!(petrarch_code_matches("---", &[]));
        assert!(petrarch_code_matches("---", &[entity("crowds", None, None)]));
        assert!(!petrarch_code_matches("---", &[entity("Elbonia", Some("ELB"), None)]));
        assert!(petrarch_code_matches("\"THE GREY COUNCIL\"", &[entity("the Grey  Council", None, None)]));
        assert!(!petrarch_code_matches("\"THE GREY COUNCIL\"", &[entity("the council", None, None)]));
    }

    #[test]
    fn gold_overlap_uses_country_codes_igo_family_and_names() {
        let un = entity("the U.N. Security Council", Some("UNO"), Some("GOV"));
        assert!(gold_code_overlaps("IGO", &un));
        assert!(!gold_code_overlaps("USA", &un));
        let japan = entity("Japan", Some("JPN"), None);
        assert!(gold_code_overlaps("JAP", &japan) && !gold_code_overlaps("CHN", &japan));
        let leader = entity("Aung San Suu Kyi", Some("MMR"), None);
        assert!(gold_code_overlaps("SUU KYI", &leader) && gold_code_overlaps("MMR", &leader));
        assert!(any_overlap(&[], &[]));
        assert!(!any_overlap(&["RUS".to_string()], &[]));
    }
}
