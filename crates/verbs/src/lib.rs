//! The verb-pattern dictionary and the CAMEO/PLOVER code table for dyad's event coder.
//!
//! The coder asks two questions of this crate: "is this token a verb we know?"
//! ([`VerbDictionary::verb_at`]) and "which CAMEO code does the pattern around it give?"
//! ([`VerbDictionary::best_pattern`]); then [`cameo`] turns the code into a PLOVER event,
//! mode and context, a Goldstein score and a quad class.
//!
//! ```
//! use dyad_verbs::{VerbDictionary, WordView, cameo};
//!
//! let words = [
//!     WordView { text: "Police", tag: "NNS" },
//!     WordView { text: "arrested", tag: "VBD" },
//!     WordView { text: "students", tag: "NNS" },
//! ];
//! let dictionary = VerbDictionary::embedded();
//! let verb = dictionary.verb_at(&words, 1).expect("ARREST is a verb of CAMEO.2.0");
//! let hit = dictionary.best_pattern(&verb, &words, 0, words.len()).expect("ARREST has a code");
//! assert_eq!(hit.cameo, "173");
//! let row = cameo(&hit.cameo).expect("173 is in the table");
//! assert_eq!((row.plover_event.as_deref(), row.plover_mode.as_deref()), (Some("COERCE"), Some("arrest")));
//! ```
//!
//! Invariants:
//! - Dictionaries are read from PETRARCH-2 or TABARI/PETRARCH-1 text
//!   ([`VerbDictionary::from_petrarch_text`]); every error names the source and line.
//! - The shipped dictionary (`data/verbs.txt`, converted from PETRARCH-2's CAMEO.2.0.txt)
//!   and table (`data/cameo.tsv`) are compiled into the binary and parsed once, on first use.
//! - Nothing here reads files at run time except [`convert_sources`], which regenerates
//!   the shipped files from the shared source data.

mod cameo;
mod convert;
mod dictionary;
mod error;
mod inflect;
mod matching;
mod pattern;
mod reader;

use std::sync::OnceLock;

pub use cameo::{CAMEO_COLUMNS, Cameo, CameoTable, cameo, cameo_table};
pub use convert::{ConversionSummary, convert_sources, convert_verb_dictionary};
pub use dictionary::{BlockId, CodeSpec, Origin, SkippedLine, Slot, VerbDictionary, VerbId};
pub use error::VerbsError;
pub use inflect::regular_verb_forms;
pub use matching::{PatternHit, SkippedParties, VerbHit, WordView};

const EMBEDDED_VERBS: &str = include_str!("../data/verbs.txt");
/// The project's own patterns, merged over the converted CAMEO.2.0 file (they win): verbs and
/// phrases of current news that the 2015 dictionary lacks.
const CURATED_VERBS: &str = include_str!("../data/verbs.curated.txt");

impl VerbDictionary {
    /// The dictionary shipped with dyad (CAMEO.2.0 patterns), parsed on first use.
    pub fn embedded() -> &'static VerbDictionary {
        static DICTIONARY: OnceLock<VerbDictionary> = OnceLock::new();
        // The shipped file is parsed by this crate's tests, so failing here is a packaging bug.
        DICTIONARY.get_or_init(|| {
            let mut dictionary = VerbDictionary::from_petrarch_text(EMBEDDED_VERBS, "dyad-verbs data/verbs.txt")
                .unwrap_or_else(|error| panic!("{error}"));
            let curated = VerbDictionary::from_petrarch_text(CURATED_VERBS, "dyad-verbs data/verbs.curated.txt")
                .unwrap_or_else(|error| panic!("{error}"));
            dictionary.merge(curated);
            dictionary
        })
    }
}
