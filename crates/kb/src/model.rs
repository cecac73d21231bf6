//! The entries of the knowledge base and what a lookup returns.

use crate::day::Day;
use dyad_document::Span;

/// What kind of thing a name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Person,
    Country,
    CountryAdjective,
    Place,
    Institution,
    Group,
    Agent,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Person => "person",
            EntryKind::Country => "country",
            EntryKind::CountryAdjective => "country-adjective",
            EntryKind::Place => "place",
            EntryKind::Institution => "institution",
            EntryKind::Group => "group",
            EntryKind::Agent => "agent",
        }
    }

    /// Proper names must match with their capitals; agents (common nouns) match in any case.
    pub fn is_proper_name(self) -> bool {
        self != EntryKind::Agent
    }

    /// Which reading wins when one name belongs to entries of several kinds: a named body
    /// or group before a country, a country before a city, any proper name before a person
    /// (surnames collide most), and the common noun last.
    pub(crate) fn preference(self) -> u8 {
        match self {
            EntryKind::Institution => 0,
            EntryKind::Group => 1,
            EntryKind::CountryAdjective => 2,
            EntryKind::Country => 3,
            EntryKind::Place => 4,
            EntryKind::Person => 5,
            EntryKind::Agent => 6,
        }
    }
}

/// Index of an entry in its knowledge base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub u32);

/// Where an entry came from; a later, more deliberate source wins ties between readings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Generated,
    Curated,
    Imported,
}

/// A code and sector held between two days (inclusive; None = open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: Option<String>,
    pub sector: Option<String>,
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// A TABARI default: used only when no other role holds that day.
    pub fallback: bool,
    /// The CAMEO code the role was converted from, where there was one.
    pub cameo: Option<String>,
    /// Every code when the dictionary names several actors at once (`[FRO/BIL/SAM]`: one
    /// name for a group of three); empty for an ordinary single code, which is `code`.
    pub joint_codes: Vec<String>,
}

impl Role {
    pub fn holds_on(&self, day: Day) -> bool {
        self.start.is_none_or(|start| start <= day) && self.end.is_none_or(|end| day <= end)
    }

    /// `RUS GOV 2000-05-07..` — how the role is shown to users.
    pub fn note(&self) -> String {
        let mut parts: Vec<String> = [&self.code, &self.sector].into_iter().flatten().cloned().collect();
        if self.start.is_some() || self.end.is_some() {
            let start = self.start.map(|day| day.to_string()).unwrap_or_default();
            let end = self.end.map(|day| day.to_string()).unwrap_or_default();
            parts.push(format!("{start}..{end}"));
        } else if self.fallback {
            parts.push("(default)".to_string());
        }
        parts.join(" ")
    }
}

/// One thing the knowledge base knows by name.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub kind: EntryKind,
    /// Stable key: person id, ISO3 code, or the canonical name.
    pub key: String,
    pub name: String,
    /// Every name it is known by, the canonical one included.
    pub aliases: Vec<String>,
    /// Country or international code when no role says otherwise.
    pub code: Option<String>,
    pub sector: Option<String>,
    pub roles: Vec<Role>,
    pub origin: Origin,
}

/// A place's coordinates, for the event record's `place`.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceEntry {
    pub name: String,
    pub country: Option<String>,
    /// `capital`, `city` or `region`.
    pub kind: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
}

/// A name found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte offsets into the text searched, on char boundaries; a trailing `'s` is outside.
    pub span: Span,
    pub entry: EntryId,
    pub kind: EntryKind,
    /// The matched name's index in the matcher, so resolution can weigh other entries of
    /// the same name (two people called Assad) against the date.
    pub pattern: u32,
}

/// What a name means on a given day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub entry: EntryId,
    pub name: String,
    pub code: Option<String>,
    pub sector: Option<String>,
    pub kind: EntryKind,
    /// The role that decided code and sector, as `RUS GOV 2000-05-07..`.
    pub role_note: Option<String>,
    /// The codes of every member when the name stands for several actors at once
    /// (`THE_SHIRE [FRO/BIL/SAM]`); empty otherwise. `code` is then the first of them.
    pub joint_codes: Vec<String>,
}
