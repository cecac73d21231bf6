//! The knowledge base: actors with date-bounded roles, agents and places, and a fast matcher over them.
//!
//! The data lives in the project's `kb/*.tsv` files (see `kb/SOURCES.md`), compiled into the
//! binary and parsed once per process ([`KnowledgeBase::embedded`]). Names are matched in a
//! folded form (case, diacritics and hyphens removed); proper names must still show the
//! capitals they are written with, agents (common nouns) match in any case.
//!
//! Invariants:
//! - every [`Mention`] span slices the searched text on char boundaries and covers whole
//!   words only; mentions never overlap;
//! - a role applies on a day when `start <= day <= end` (a partial date is checked on its
//!   first day); a default (fallback) role only when no dated role applies;
//! - a person with no role that day still resolves, with their country code and no sector.

mod build;
mod codes;
mod day;
mod discard;
mod error;
mod matcher;
mod model;
mod normalize;
mod tabari;
mod tsv;

pub use build::{BuildSummary, build_from_sources};
pub use codes::{DecodedCode, INTERNATIONAL_CODES, PLOVER_SECTORS, decode_agent, decode_cameo, decode_joint_cameo};
pub use day::Day;
pub use discard::DiscardHit;
pub use error::KbError;
pub use model::{Entry, EntryId, EntryKind, Mention, Origin, PlaceEntry, Resolution, Role};
pub use normalize::fold;
pub use tabari::{DictionaryKind, DiscardLevel};

use dyad_document::{PartialDate, Span};
use matcher::Matcher;
use normalize::title_case;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tsv::Table;

/// The six knowledge-base files, in load order.
pub const KB_FILES: [&str; 6] =
    ["countries.tsv", "places.tsv", "institutions.tsv", "groups.tsv", "people.tsv", "agents.tsv"];

const EMBEDDED: [(&str, &str); 6] = [
    ("countries.tsv", include_str!("../../../kb/countries.tsv")),
    ("places.tsv", include_str!("../../../kb/places.tsv")),
    ("institutions.tsv", include_str!("../../../kb/institutions.tsv")),
    ("groups.tsv", include_str!("../../../kb/groups.tsv")),
    ("people.tsv", include_str!("../../../kb/people.tsv")),
    ("agents.tsv", include_str!("../../../kb/agents.tsv")),
];

/// What an import added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    pub kind: DictionaryKind,
    pub entries: usize,
    pub names: usize,
    pub dated_codes: usize,
}

/// Actors, agents and places by name, with the matcher built over them.
#[derive(Clone, Debug)]
pub struct KnowledgeBase {
    entries: Vec<Entry>,
    places: HashMap<EntryId, PlaceEntry>,
    matcher: Matcher,
    /// Phrases that put a sentence or story out of scope; empty unless a discard list was
    /// imported (the project's own files hold none).
    discards: discard::DiscardList,
}

impl KnowledgeBase {
    /// The knowledge base compiled from the project's `kb/*.tsv`, parsed on first use.
    pub fn embedded() -> &'static KnowledgeBase {
        static EMBEDDED_KB: OnceLock<KnowledgeBase> = OnceLock::new();
        EMBEDDED_KB.get_or_init(|| {
            let sources: Vec<(PathBuf, &str)> =
                EMBEDDED.iter().map(|(name, text)| (Path::new("kb").join(name), *text)).collect();
            // The embedded files are checked by this crate's tests, so a failure here is a
            // build defect, not bad user input.
            KnowledgeBase::from_texts(&sources).expect("the embedded kb/*.tsv files must load")
        })
    }

    /// Loads the six `*.tsv` files of a knowledge-base folder.
    pub fn from_dir(dir: &Path) -> Result<KnowledgeBase, KbError> {
        let mut texts = Vec::new();
        for name in KB_FILES {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|source| KbError::Read { path: path.clone(), source })?;
            texts.push((path, text));
        }
        let sources: Vec<(PathBuf, &str)> = texts.iter().map(|(path, text)| (path.clone(), text.as_str())).collect();
        KnowledgeBase::from_texts(&sources)
    }

    fn from_texts(sources: &[(PathBuf, &str)]) -> Result<KnowledgeBase, KbError> {
        let mut loader = Loader::default();
        for (path, text) in sources {
            let name = path.file_name().and_then(|name| name.to_str()).unwrap_or("");
            match name {
                "countries.tsv" => loader.countries(text, path)?,
                "places.tsv" => loader.places(text, path)?,
                "institutions.tsv" => loader.named(text, path, EntryKind::Institution)?,
                "groups.tsv" => loader.named(text, path, EntryKind::Group)?,
                "people.tsv" => loader.people(text, path)?,
                "agents.tsv" => loader.agents(text, path)?,
                _ => {
                    return Err(KbError::MissingSource {
                        path: path.clone(),
                        message: "not a knowledge-base file".into(),
                    });
                }
            }
        }
        let matcher = Matcher::build(&loader.entries).map_err(KbError::Matcher)?;
        Ok(KnowledgeBase {
            entries: loader.entries,
            places: loader.places,
            matcher,
            discards: discard::DiscardList::default(),
        })
    }

    /// A knowledge base with no entries, to fill from dictionaries only (the PETRARCH
    /// validation suite codes with its own toy dictionaries).
    pub fn empty() -> KnowledgeBase {
        KnowledgeBase {
            entries: Vec::new(),
            places: HashMap::new(),
            matcher: Matcher::default(),
            discards: discard::DiscardList::default(),
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.entries.get(id.0 as usize)
    }

    /// Adds a TABARI/PETRARCH actor, agent or discard dictionary (told apart by its
    /// content). Its names win over the knowledge base's own where both know a name.
    pub fn import_tabari(&mut self, path: &Path) -> Result<ImportSummary, KbError> {
        let bytes = std::fs::read(path).map_err(|source| KbError::Read { path: path.to_path_buf(), source })?;
        self.import_tabari_text(&String::from_utf8_lossy(&bytes), path)
    }

    /// Like [`KnowledgeBase::import_tabari`], for a dictionary already read; `path` names it
    /// in error messages.
    pub fn import_tabari_text(&mut self, text: &str, path: &Path) -> Result<ImportSummary, KbError> {
        let kind = tabari::detect_kind(text);
        let first_new = self.entries.len();
        let mut dated_codes = 0;
        match kind {
            DictionaryKind::Discards => {
                let records = tabari::parse_discards(text, path, true)?.records;
                let count = records.len();
                self.discards.extend(records).map_err(KbError::Matcher)?;
                return Ok(ImportSummary { kind, entries: count, names: count, dated_codes: 0 });
            }
            DictionaryKind::Actors => {
                for record in tabari::parse_actors(text, path, true)?.records {
                    dated_codes += record.rules.iter().filter(|rule| !rule.is_default).count();
                    self.entries.push(actor_entry(&record, Origin::Imported));
                }
            }
            DictionaryKind::Agents => {
                for record in tabari::parse_agents(text, path, true)?.records {
                    self.entries.push(agent_entry(&record, Origin::Imported));
                }
            }
        }
        self.matcher = Matcher::build(&self.entries).map_err(KbError::Matcher)?;
        let added = &self.entries[first_new..];
        Ok(ImportSummary {
            kind,
            entries: added.len(),
            names: added.iter().map(|entry| entry.aliases.len()).sum(),
            dated_codes,
        })
    }

    /// The first discard phrase inside `region` of `text`, if any: a coder skips the sentence
    /// (or, for [`DiscardLevel::Story`], the whole document) that holds it.
    pub fn find_discard(&self, text: &str, region: Span) -> Option<DiscardHit> {
        self.discards.find(text, region)
    }

    /// How many discard phrases were imported.
    pub fn discard_count(&self) -> usize {
        self.discards.len()
    }

    /// Names of the knowledge base inside `region` of `text`: whole words, leftmost-longest.
    pub fn find_mentions(&self, text: &str, region: Span) -> Vec<Mention> {
        self.matcher.find(text, region)
    }

    /// What a mention means on a day: the role held then, or the entry's own code.
    pub fn resolve(&self, mention: &Mention, on: PartialDate) -> Resolution {
        let day = Day::first_of(on);
        let mut entry = mention.entry;
        if mention.kind == EntryKind::Person {
            // Two people may share a name ("Assad"): prefer the one holding office that day.
            let holder = self.person_targets(mention.pattern).find(|id| self.has_dated_role(*id, day));
            entry = holder.unwrap_or(entry);
        }
        self.resolve_entry(entry, day)
    }

    fn person_targets(&self, pattern: u32) -> impl Iterator<Item = EntryId> + '_ {
        let targets = self.matcher.targets.get(pattern as usize).map(Vec::as_slice).unwrap_or(&[]);
        targets.iter().filter(|target| target.kind == EntryKind::Person).map(|target| target.entry)
    }

    fn has_dated_role(&self, id: EntryId, day: Day) -> bool {
        self.entry(id).is_some_and(|entry| entry.roles.iter().any(|role| !role.fallback && role.holds_on(day)))
    }

    fn resolve_entry(&self, id: EntryId, day: Day) -> Resolution {
        let entry = &self.entries[id.0 as usize];
        let role = entry
            .roles
            .iter()
            .find(|role| !role.fallback && role.holds_on(day))
            .or_else(|| entry.roles.iter().find(|role| role.fallback && role.holds_on(day)));
        let (code, sector, role_note) = match role {
            Some(role) => (role.code.clone().or_else(|| entry.code.clone()), role.sector.clone(), Some(role.note())),
            None if entry.kind == EntryKind::Person => (entry.code.clone(), None, None),
            None => (entry.code.clone(), entry.sector.clone(), None),
        };
        let joint_codes = role.map(|role| role.joint_codes.clone()).unwrap_or_default();
        Resolution { entry: id, name: entry.name.clone(), code, sector, kind: entry.kind, role_note, joint_codes }
    }

    /// Every reading of a name on a day, most likely first: an exact (case-blind) name
    /// match, or else the mentions found in the name.
    pub fn lookup(&self, name: &str, on: PartialDate) -> Vec<Resolution> {
        let day = Day::first_of(on);
        let key = normalize::fold(name.trim());
        if let Some(&pattern) = self.matcher.pattern_of_key.get(&key) {
            let mut ids: Vec<EntryId> = Vec::new();
            let holders = self.person_targets(pattern).filter(|id| self.has_dated_role(*id, day));
            for id in holders.chain(self.matcher.targets[pattern as usize].iter().map(|target| target.entry)) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            return ids.into_iter().map(|id| self.resolve_entry(id, day)).collect();
        }
        self.find_mentions(name, Span::new(0, name.len())).iter().map(|mention| self.resolve(mention, on)).collect()
    }

    /// The country of the government led on a day by someone of this family name, when only
    /// one country fits: "the Bush administration" in 1990 is the US government. Surnames
    /// alone are not names in the knowledge base (too many people share them); the word
    /// after them ("administration") says a head of government is meant.
    pub fn government_led_by_surname(&self, surname: &str, on: PartialDate) -> Option<String> {
        let day = Day::first_of(on);
        let roles = self.government_roles_of_surname(surname);
        let distance = |role: &Role| months_since(role, day);
        // Nobody of that name in office on the day ("the Carter administration" in a later
        // retrospective, or a report dated only roughly): the latest administration before
        // the day. One that began only later cannot be meant.
        let nearest = roles.iter().filter_map(|(_, role)| distance(role)).min()?;
        let mut countries: Vec<&str> = Vec::new();
        for (code, _) in roles.iter().filter(|(_, role)| distance(role) == Some(nearest)) {
            if !countries.contains(code) {
                countries.push(code);
            }
        }
        match countries.as_slice() {
            [only] => Some(only.to_string()),
            _ => None,
        }
    }

    /// Every dated government role held by someone of this family name, with its country.
    fn government_roles_of_surname(&self, surname: &str) -> Vec<(&str, &Role)> {
        let wanted = normalize::fold(surname.trim());
        let mut roles = Vec::new();
        for entry in self.entries.iter().filter(|entry| entry.kind == EntryKind::Person) {
            let named = entry.aliases.iter().any(|alias| normalize::fold(alias).rsplit(' ').next() == Some(&wanted));
            if !named {
                continue;
            }
            let governing = entry.roles.iter().filter(|role| !role.fallback && role.sector.as_deref() == Some("GOV"));
            for role in governing {
                if let Some(code) = role.code.as_deref().or(entry.code.as_deref()) {
                    roles.push((code, role));
                }
            }
        }
        roles
    }

    /// Coordinates and country of a place entry.
    pub fn place(&self, id: EntryId) -> Option<&PlaceEntry> {
        self.places.get(&id)
    }

    /// Coordinates and country of the place a mention names, if it names one.
    pub fn place_of(&self, mention: &Mention) -> Option<&PlaceEntry> {
        self.place(mention.entry)
    }
}

/// An imported actor: people have dated codes, groups a sector, the rest stand for a
/// country-like code (the PETRARCH validation dictionaries are of this kind).
fn actor_entry(record: &tabari::ActorRecord, origin: Origin) -> Entry {
    let roles: Vec<Role> = record
        .rules
        .iter()
        .map(|rule| {
            let decoded = decode_cameo(&rule.code);
            let alternatives = decode_joint_cameo(&rule.code);
            let joint_codes = if alternatives.len() > 1 {
                alternatives.into_iter().filter_map(|alternative| alternative.code).collect()
            } else {
                Vec::new()
            };
            Role {
                code: decoded.code,
                sector: decoded.sector,
                start: rule.start,
                end: rule.end,
                fallback: rule.is_default,
                cameo: Some(rule.code.clone()),
                joint_codes,
            }
        })
        .collect();
    let kind = if roles.iter().any(|role| !role.fallback) {
        EntryKind::Person
    } else if roles.iter().any(|role| role.sector.is_some()) {
        EntryKind::Group
    } else {
        EntryKind::Country
    };
    let code = roles.iter().rev().find_map(|role| role.code.clone());
    let names: Vec<String> = record.names.iter().map(|name| title_case(name)).collect();
    let aliases = names.iter().map(|name| article_free_capitals(name)).collect();
    Entry { kind, key: names[0].clone(), name: names[0].clone(), aliases, code, sector: None, roles, origin }
}

/// `The Shire` → `the Shire`: a dictionary name that opens with "the" must still match where
/// the article is written in lower case ("Mordor and the Shire"), so it demands no capital.
fn article_free_capitals(name: &str) -> String {
    match name.strip_prefix("The ") {
        Some(rest) if !rest.is_empty() => format!("the {rest}"),
        _ => name.to_string(),
    }
}

fn agent_entry(record: &tabari::AgentRecord, origin: Origin) -> Entry {
    let decoded = decode_agent(&record.code);
    let aliases: Vec<String> = record.forms.iter().map(|form| form.to_lowercase()).collect();
    Entry {
        kind: EntryKind::Agent,
        key: aliases[0].clone(),
        name: aliases[0].clone(),
        aliases,
        code: decoded.code,
        sector: decoded.sector,
        roles: Vec::new(),
        origin,
    }
}

fn parse_origin(source: &str) -> Origin {
    if source == "curated" { Origin::Curated } else { Origin::Generated }
}

fn parse_day<'a>(table: &Table<'a>, row: &tsv::Row<'a>, column: &str) -> Result<Option<Day>, KbError> {
    let field = table.get(row, column);
    if field.is_empty() {
        return Ok(None);
    }
    Day::parse_iso(field)
        .map(Some)
        .ok_or_else(|| table.error(row, format!("{column} {field:?} is not a YYYY-MM-DD day")))
}

/// Turns the rows of each file into entries.
#[derive(Default)]
struct Loader {
    entries: Vec<Entry>,
    places: HashMap<EntryId, PlaceEntry>,
}

/// Adds the plural of each nationality word that is also a noun for the people ("Nigerian" →
/// "Nigerians", "Iraqi" → "Iraqis"): news names groups of a country's people this way
/// ("thousands of Nigerians"), and the sources list only some plurals. Words ending in "-ese",
/// "-ish" or "-ch" ("Chinese", "British", "French") have no plural in "-s" and get none.
fn with_plural_demonyms(mut adjectives: Vec<String>) -> Vec<String> {
    let plurals: Vec<String> = adjectives
        .iter()
        .filter(|adjective| adjective.ends_with("an") || adjective.ends_with('i'))
        .filter(|adjective| !adjective.contains(' '))
        .map(|adjective| format!("{adjective}s"))
        .filter(|plural| !adjectives.contains(plural))
        .collect();
    adjectives.extend(plurals);
    adjectives
}

/// How many months after the end of a role `day` lies: 0 while it holds, None before it began.
fn months_since(role: &Role, day: Day) -> Option<u32> {
    if role.start.is_some_and(|start| day < start) {
        return None;
    }
    let months = |day: Day| i32::from(day.year) * 12 + i32::from(day.month);
    let after_end = role.end.map_or(0, |end| months(day) - months(end));
    Some(after_end.max(0).unsigned_abs())
}

impl Loader {
    fn push(&mut self, entry: Entry) -> EntryId {
        self.entries.push(entry);
        EntryId((self.entries.len() - 1) as u32)
    }

    fn countries(&mut self, text: &str, path: &Path) -> Result<(), KbError> {
        let table = Table::parse(text, path, &["iso3", "code", "name", "alt_names", "adjectives"])?;
        for row in &table.rows {
            let name = table.get(row, "name").to_string();
            let code = table.optional(row, "code").or_else(|| table.optional(row, "iso3"));
            if name.is_empty() || code.is_none() {
                return Err(table.error(row, "a country needs a name and a code"));
            }
            let origin = parse_origin(table.get(row, "source"));
            let key = table.get(row, "iso3").to_string();
            let mut aliases = table.list(row, "alt_names");
            aliases.push(name.clone());
            self.push(Entry {
                kind: EntryKind::Country,
                key: key.clone(),
                name: name.clone(),
                aliases,
                code: code.clone(),
                sector: None,
                roles: Vec::new(),
                origin,
            });
            let adjectives = with_plural_demonyms(table.list(row, "adjectives"));
            if !adjectives.is_empty() {
                self.push(Entry {
                    kind: EntryKind::CountryAdjective,
                    key,
                    name,
                    aliases: adjectives,
                    code,
                    sector: None,
                    roles: Vec::new(),
                    origin,
                });
            }
        }
        Ok(())
    }

    fn places(&mut self, text: &str, path: &Path) -> Result<(), KbError> {
        let table = Table::parse(text, path, &["name", "aliases", "country", "kind", "lat", "lon", "geonameid"])?;
        for row in &table.rows {
            let name = table.get(row, "name").to_string();
            let number = |column: &str| -> Result<Option<f64>, KbError> {
                let field = table.get(row, column);
                if field.is_empty() {
                    return Ok(None);
                }
                field.parse().map(Some).map_err(|_| table.error(row, format!("{column} {field:?} is not a number")))
            };
            let (lat, lon) = (number("lat")?, number("lon")?);
            let geonameid = match table.get(row, "geonameid") {
                "" => None,
                field => {
                    Some(field.parse().map_err(|_| table.error(row, format!("geonameid {field:?} is not a number")))?)
                }
            };
            let country = table.optional(row, "country");
            let mut aliases = table.list(row, "aliases");
            aliases.push(name.clone());
            let origin = parse_origin(table.get(row, "source"));
            let key = format!("{name}/{}", country.as_deref().unwrap_or(""));
            let id = self.push(Entry {
                kind: EntryKind::Place,
                key,
                name: name.clone(),
                aliases,
                code: country.clone(),
                sector: None,
                roles: Vec::new(),
                origin,
            });
            let kind = table.get(row, "kind").to_string();
            self.places.insert(id, PlaceEntry { name, country, kind, lat, lon, geonameid });
        }
        Ok(())
    }

    /// Institutions and groups: a name with a code and sector, optionally dated (a group
    /// listed on several rows with different dates is one entry with several roles).
    fn named(&mut self, text: &str, path: &Path, kind: EntryKind) -> Result<(), KbError> {
        let table = Table::parse(text, path, &["name", "aliases", "code", "sector"])?;
        let mut by_name: HashMap<String, EntryId> = HashMap::new();
        for row in &table.rows {
            let name = table.get(row, "name").to_string();
            if name.is_empty() {
                return Err(table.error(row, "a name is required"));
            }
            let code = table.optional(row, "code");
            let sector = table.optional(row, "sector");
            let (start, end) = (parse_day(&table, row, "start")?, parse_day(&table, row, "end")?);
            let cameo = table.optional(row, "cameo");
            let origin = parse_origin(table.get(row, "source"));
            let id = *by_name.entry(name.clone()).or_insert_with(|| {
                self.entries.push(Entry {
                    kind,
                    key: name.clone(),
                    name: name.clone(),
                    aliases: vec![name.clone()],
                    code: code.clone(),
                    sector: sector.clone(),
                    roles: Vec::new(),
                    origin,
                });
                EntryId((self.entries.len() - 1) as u32)
            });
            let entry = &mut self.entries[id.0 as usize];
            entry.aliases.extend(table.list(row, "aliases"));
            if start.is_some() || end.is_some() {
                entry.roles.push(Role { code, sector, start, end, fallback: false, cameo, joint_codes: Vec::new() });
            }
        }
        Ok(())
    }

    fn people(&mut self, text: &str, path: &Path) -> Result<(), KbError> {
        let table = Table::parse(text, path, &["person_id", "name", "aliases", "code", "sector", "start", "end"])?;
        // Per person: its entry and the alias field last read, since role rows repeat it.
        let mut by_id: HashMap<&str, (EntryId, &str)> = HashMap::new();
        for row in &table.rows {
            let person = table.get(row, "person_id").to_string();
            let name = table.get(row, "name").to_string();
            if person.is_empty() || name.is_empty() {
                return Err(table.error(row, "a person needs a person_id and a name"));
            }
            let role = Role {
                code: table.optional(row, "code"),
                sector: table.optional(row, "sector"),
                start: parse_day(&table, row, "start")?,
                end: parse_day(&table, row, "end")?,
                fallback: table.get(row, "kind") == "default",
                cameo: table.optional(row, "cameo"),
                joint_codes: Vec::new(),
            };
            if let (Some(start), Some(end)) = (role.start, role.end)
                && end < start
            {
                return Err(table.error(row, format!("role ends ({end}) before it starts ({start})")));
            }
            let origin = parse_origin(table.get(row, "source"));
            let alias_field = table.get(row, "aliases");
            let (id, seen_aliases) = by_id.entry(table.get(row, "person_id")).or_insert_with(|| {
                self.entries.push(Entry {
                    kind: EntryKind::Person,
                    key: person,
                    name: name.clone(),
                    aliases: vec![name],
                    code: None,
                    sector: None,
                    roles: Vec::new(),
                    origin,
                });
                (EntryId((self.entries.len() - 1) as u32), "")
            });
            let entry = &mut self.entries[id.0 as usize];
            if *seen_aliases != alias_field {
                entry.aliases.extend(tsv::split_list(alias_field));
                *seen_aliases = alias_field;
            }
            if role.code.is_some() || role.sector.is_some() {
                // The country a person belongs to, for days with no role: that of their latest role.
                let latest = entry.roles.iter().filter(|known| known.code.is_some()).map(|known| known.start).max();
                if role.code.is_some() && latest.is_none_or(|latest| role.start >= latest) {
                    entry.code = role.code.clone();
                }
                entry.roles.push(role);
            }
        }
        for (id, _) in by_id.into_values() {
            let aliases = &mut self.entries[id.0 as usize].aliases;
            aliases.sort();
            aliases.dedup();
        }
        Ok(())
    }

    fn agents(&mut self, text: &str, path: &Path) -> Result<(), KbError> {
        let table = Table::parse(text, path, &["term", "plurals", "code", "sector"])?;
        for row in &table.rows {
            let term = table.get(row, "term").to_lowercase();
            if term.is_empty() {
                return Err(table.error(row, "an agent needs a term"));
            }
            let mut aliases = vec![term.clone()];
            aliases.extend(table.list(row, "plurals").iter().map(|plural| plural.to_lowercase()));
            let origin = parse_origin(table.get(row, "source"));
            self.push(Entry {
                kind: EntryKind::Agent,
                key: term.clone(),
                name: term,
                aliases,
                code: table.optional(row, "code"),
                sector: table.optional(row, "sector"),
                roles: Vec::new(),
                origin,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
