use dyad_record::Entity;

/// The people a document has named so far, most recent last: what "he", "the Russian
/// leader" and "the two leaders" can refer to; and the last country it spoke of, for "the
/// country's leader".
#[derive(Clone, Debug, Default)]
pub struct Discourse {
    people: Vec<Entity>,
    last_country_code: Option<String>,
}

impl Discourse {
    pub fn remember(&mut self, person: &Entity) {
        // Keep each person once, at the position of their latest mention.
        self.people.retain(|known| known.name != person.name);
        self.people.push(person.clone());
    }

    pub fn remember_country(&mut self, code: &str) {
        self.last_country_code = Some(code.to_string());
    }

    /// The code of the country the document spoke of last ("the country", "the nation").
    pub fn last_country_code(&self) -> Option<&str> {
        self.last_country_code.as_deref()
    }

    pub fn last_person(&self) -> Option<&Entity> {
        self.people.last()
    }

    /// The latest person of that country and sector; with no country, the latest of the sector.
    pub fn last_person_matching(&self, code: Option<&str>, sector: &str) -> Option<&Entity> {
        self.people.iter().rev().find(|person| {
            person.sector.as_deref() == Some(sector) && (code.is_none() || person.code.as_deref() == code)
        })
    }

    /// The latest person whose canonical name begins or ends with `part` ("Kim", "Mikati").
    pub fn person_named_by_part(&self, part: &str) -> Option<&Entity> {
        self.people.iter().rev().find(|person| {
            person.name.as_deref().is_some_and(|name| {
                let mut words = name.split_whitespace();
                let first = words.next();
                let last = words.last();
                first == Some(part) || last == Some(part)
            })
        })
    }

    /// The last `count` distinct people, in order of mention.
    pub fn last_people(&self, count: usize) -> Vec<&Entity> {
        let start = self.people.len().saturating_sub(count);
        self.people[start..].iter().collect()
    }
}
