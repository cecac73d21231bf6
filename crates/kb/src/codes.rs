//! CAMEO actor codes (as the TABARI/PETRARCH dictionaries write them) turned into the
//! PLOVER country code and sector the event record uses.
//!
//! A CAMEO code is a run of three-letter elements: `SYRGOV`, `USAGOVLEG`, `IGOUNOJUD`,
//! `IMGMUSALQ`. The first element is a country or international code, the later ones
//! sectors or organisation tags. PLOVER keeps one country code and one primary sector, and
//! renames two CAMEO sectors: CAMEO `MED` (media) is PLOVER `JRN`, CAMEO `HLH` (health) is
//! PLOVER `MED`. Religion, environment and human-rights tags have no PLOVER sector of their
//! own; they become `REL` and `SOC`.

/// PLOVER's international (non-state) codes.
pub const INTERNATIONAL_CODES: [&str; 7] = ["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"];

/// PLOVER sector codes, kept as they are when a curated file gives them.
pub const PLOVER_SECTORS: [&str; 25] = [
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU",
    "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
];

/// The PLOVER sector for one CAMEO sector element, if it has one.
pub fn plover_sector_of_cameo(element: &str) -> Option<&'static str> {
    Some(match element {
        "GOV" => "GOV",
        "MIL" => "MIL",
        "REB" | "INS" | "SEP" => "REB",
        "OPP" | "MOP" => "OPP",
        "COP" => "COP",
        "JUD" => "JUD",
        "LEG" => "LEG",
        "SPY" => "SPY",
        "UAF" => "UAF",
        "CVL" | "PPL" => "CVL",
        "BUS" => "BUS",
        "CRM" => "CRM",
        "ELI" => "ELI",
        "EDU" => "EDU",
        "LAB" => "LAB",
        "AGR" => "AGR",
        "REF" => "REF",
        "PTY" => "PTY",
        "MED" | "JRN" => "JRN",
        "HLH" => "MED",
        "REL" | "MUS" | "CHR" | "JEW" | "BUD" | "HIN" | "CTH" | "ORT" | "PRO" | "SHI" | "SUN" | "BAH" => "REL",
        "ENV" | "HRI" | "NGO" | "DEV" | "SOC" => "SOC",
        "PRM" => "PRM",
        "PRE" => "PRE",
        _ => return None,
    })
}

/// What a CAMEO code says: the PLOVER country/international code and the primary sector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedCode {
    pub code: Option<String>,
    pub sector: Option<String>,
}

/// Decodes a CAMEO code such as `SYRGOVMED`, `IGOUNOJUDICJ`, `ELI` or `~COP`.
///
/// `---` is TABARI's null code and decodes to nothing. A code naming only a sector (`ELI`,
/// the default for former UN officials) gives no country. `/`-joined alternatives (`ELR/GAL`)
/// are read from the first. Unknown leading elements (CAMEO regions like `MEA`, or the
/// fantasy codes of the PETRARCH validation suite) are kept as the country code.
pub fn decode_cameo(raw: &str) -> DecodedCode {
    let cleaned: String = raw.trim().trim_matches('~').split('/').next().unwrap_or("").to_ascii_uppercase();
    let none = DecodedCode { code: None, sector: None };
    if cleaned.is_empty() || cleaned.chars().all(|c| c == '-' || c == '+') {
        return none;
    }
    let elements: Vec<&str> =
        (0..cleaned.len()).step_by(3).filter_map(|start| cleaned.get(start..(start + 3).min(cleaned.len()))).collect();
    let first = elements[0];
    if first == "NGO" || first == "IMG" || first == "MNC" || first == "ISM" {
        let sector = elements[1..].iter().find_map(|element| plover_sector_of_cameo(element)).map(str::to_string);
        return DecodedCode { code: Some(first.to_string()), sector };
    }
    if let Some(sector) = plover_sector_of_cameo(first) {
        return DecodedCode { code: None, sector: Some(sector.to_string()) };
    }
    let (code, rest) = match first {
        "IGO" => match elements.get(1).copied() {
            Some("UNO") => ("UNO".to_string(), &elements[2..]),
            Some("EEU" | "EUR" | "EEC") => ("EUR".to_string(), &elements[2..]),
            _ => ("IGO".to_string(), &elements[1..]),
        },
        "NGM" => ("ISM".to_string(), &elements[1..]),
        "EEC" | "EEU" => ("EUR".to_string(), &elements[1..]),
        other => (other.to_string(), &elements[1..]),
    };
    let sector = rest.iter().find_map(|element| plover_sector_of_cameo(element)).map(str::to_string);
    DecodedCode { code: Some(code), sector }
}

/// Decodes every `/`-joined alternative of a code: `FRO/BIL/SAM` is one name for three
/// actors (PETRARCH codes an event once per member). A single code gives one element.
pub fn decode_joint_cameo(raw: &str) -> Vec<DecodedCode> {
    raw.split('/')
        .filter(|alternative| !alternative.trim().is_empty())
        .map(decode_cameo)
        .filter(|decoded| decoded.code.is_some() || decoded.sector.is_some())
        .collect()
}

/// Decodes an agent code: `~COP` adds a sector to whatever actor it follows, while `NGO~`
/// (code before the tilde) names an organisation's own code, as PETRARCH reads them.
pub fn decode_agent(raw: &str) -> DecodedCode {
    let trimmed: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if trimmed.ends_with('~') {
        return decode_cameo(&trimmed);
    }
    let cleaned = trimmed.trim_start_matches('~').to_ascii_uppercase();
    let sector = (0..cleaned.len())
        .step_by(3)
        .filter_map(|start| cleaned.get(start..(start + 3).min(cleaned.len())))
        .find_map(plover_sector_of_cameo)
        .map(str::to_string);
    DecodedCode { code: None, sector }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(raw: &str) -> (Option<&'static str>, Option<&'static str>) {
        let result = decode_cameo(raw);
        (result.code.map(|c| &*c.leak()), result.sector.map(|s| &*s.leak()))
    }

    #[test]
    fn country_and_sector_elements_are_split() {
        assert_eq!(decoded("SYRGOV"), (Some("SYR"), Some("GOV")));
        assert_eq!(decoded("USAGOVLEG"), (Some("USA"), Some("GOV")));
        assert_eq!(decoded("PSEREBHMS"), (Some("PSE"), Some("REB")));
        assert_eq!(decoded("RUS"), (Some("RUS"), None));
    }

    #[test]
    fn cameo_media_and_health_become_plover_jrn_and_med() {
        assert_eq!(decode_agent("~MED").sector.as_deref(), Some("JRN"));
        assert_eq!(decode_agent("~HLH").sector.as_deref(), Some("MED"));
        assert_eq!(decode_agent(" ~GOVMED").sector.as_deref(), Some("GOV"));
        assert_eq!(decode_agent("~NGO").sector.as_deref(), Some("SOC"));
        assert_eq!(decode_agent("  NGO~").code.as_deref(), Some("NGO"));
        assert_eq!(decode_agent("~MOSREB").sector.as_deref(), Some("REB"));
    }

    #[test]
    fn joint_codes_decode_every_member() {
        let members: Vec<Option<String>> = decode_joint_cameo("ABC/DEFGOV/GHI").into_iter().map(|d| d.code).collect();
        assert_eq!(members, vec![Some("ABC".to_string()), Some("DEF".to_string()), Some("GHI".to_string())]);
        assert_eq!(decode_joint_cameo("DEFGOV/")[0].sector.as_deref(), Some("GOV"));
        assert_eq!(decode_joint_cameo("RUS").len(), 1);
        assert!(decode_joint_cameo("---").is_empty());
    }

    #[test]
    fn international_codes_follow_plover() {
        assert_eq!(decoded("IGOUNOJUDICJ"), (Some("UNO"), Some("JUD")));
        assert_eq!(decoded("IGOEEU"), (Some("EUR"), None));
        assert_eq!(decoded("IGOAFR"), (Some("IGO"), None));
        assert_eq!(decoded("IMGMUSALQ"), (Some("IMG"), Some("REL")));
        assert_eq!(decoded("NGO"), (Some("NGO"), None));
        assert_eq!(decoded("ELI"), (None, Some("ELI")));
        assert_eq!(decoded("---"), (None, None));
    }
}
