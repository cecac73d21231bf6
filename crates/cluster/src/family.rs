//! Event families: PLOVER types that different outlets use for one and the same real event.
//!
//! One summit is "met" in one report and "signed an agreement" in the next; one expulsion of
//! diplomats is a SANCTION in one report and an ACCUSE in another that leads with the blame;
//! a coup is COERCE (arrests) or ASSAULT (troops seize buildings). Stories therefore match
//! on a family, not on the exact type. The families partition PLOVER 0.8:
//!
//! | family | types | direction |
//! |---|---|---|
//! | Engagement | CONSULT, AGREE, SUPPORT | reciprocal: "A met B" = "B met A" |
//! | Cooperation | COOPERATE, AID | directed |
//! | Deescalation | CONCEDE, RETREAT | directed |
//! | Confrontation | ACCUSE, REJECT, REQUEST, THREATEN, SANCTION, MOBILIZE, PROTEST | directed |
//! | Force | COERCE, ASSAULT | directed |
//!
//! In a directed family an event only joins a story with the same roles: B's retaliation for
//! A's attack is a different event even when reported in the same words. An unknown type
//! forms a family of its own, so nothing is merged on a type dyad does not know.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventFamily {
    Engagement,
    Cooperation,
    Deescalation,
    Confrontation,
    Force,
    /// A type outside PLOVER 0.8, upper-cased; matches only itself.
    Other(String),
}

impl EventFamily {
    /// The family of a PLOVER event type (case-insensitive).
    pub fn of(event_type: &str) -> EventFamily {
        let upper = event_type.trim().to_ascii_uppercase();
        match upper.as_str() {
            "CONSULT" | "AGREE" | "SUPPORT" => EventFamily::Engagement,
            "COOPERATE" | "AID" => EventFamily::Cooperation,
            "CONCEDE" | "RETREAT" => EventFamily::Deescalation,
            "ACCUSE" | "REJECT" | "REQUEST" | "THREATEN" | "SANCTION" | "MOBILIZE" | "PROTEST" => {
                EventFamily::Confrontation
            }
            "COERCE" | "ASSAULT" => EventFamily::Force,
            _ => EventFamily::Other(upper),
        }
    }

    /// True when "A did it to B" and "B did it to A" describe the same event (meetings, talks,
    /// agreements); false where the roles matter (an attack and the retaliation).
    pub fn is_reciprocal(&self) -> bool {
        matches!(self, EventFamily::Engagement)
    }

    pub fn name(&self) -> &str {
        match self {
            EventFamily::Engagement => "engagement",
            EventFamily::Cooperation => "cooperation",
            EventFamily::Deescalation => "deescalation",
            EventFamily::Confrontation => "confrontation",
            EventFamily::Force => "force",
            EventFamily::Other(name) => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_that_name_one_event_share_a_family() {
        assert_eq!(EventFamily::of("CONSULT"), EventFamily::of("agree"));
        assert_eq!(EventFamily::of("SANCTION"), EventFamily::of("ACCUSE"));
        assert_eq!(EventFamily::of("COERCE"), EventFamily::of("ASSAULT"));
        assert_ne!(EventFamily::of("CONSULT"), EventFamily::of("ASSAULT"));
        assert_ne!(EventFamily::of("AID"), EventFamily::of("SANCTION"));
    }

    #[test]
    fn only_engagement_is_reciprocal_and_unknown_types_stand_alone() {
        assert!(EventFamily::of("CONSULT").is_reciprocal());
        assert!(!EventFamily::of("ASSAULT").is_reciprocal());
        assert_eq!(EventFamily::of("Dance"), EventFamily::Other("DANCE".into()));
        assert_ne!(EventFamily::of("DANCE"), EventFamily::of("SING"));
    }
}
