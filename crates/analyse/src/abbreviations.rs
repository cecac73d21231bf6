//! What a word ending in a period is: an abbreviation, an initial, or a word the period ends.
//!
//! The sentence splitter and the tokenizer share these rules so that a period kept inside a
//! token ("U.S.", "Gen.", "V.") is never also taken as the end of a sentence.

/// Abbreviations written before a name; a sentence never ends on them.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gen", "gens", "sen", "sens", "rep", "reps", "gov", "lt",
    "col", "capt", "cpt", "cmdr", "cmdt", "sgt", "cpl", "pvt", "maj", "adm", "brig", "rev", "revs", "fr", "pres",
    "supt", "amb", "hon", "atty", "st", "ste", "mt", "ft", "mssrs", "lieut", "insp", "det",
];

/// Abbreviations that usually stand inside a sentence but may also end one; written with a
/// capital letter ("Jan.", "Inc.", "Calif."), since in lower case many are ordinary words
/// ("wash.", "ill.", "sun.").
const CAPITALISED_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "jr", "sr",
    "vol", "vols", "fig", "figs", "dept", "univ", "assn", "ave", "blvd", "rd", "hwy", "sq", "govt", "intl", "natl",
    "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "mass", "md", "mich",
    "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis",
    "wyo", "del", "ala", "ark",
];

/// Abbreviations written in lower case too.
const ANY_CASE_ABBREVIATIONS: &[&str] = &["etc", "vs", "cf", "al", "approx", "pp", "ca", "esp", "incl", "viz"];

/// "No." and "Nos." are abbreviations only before a number ("No. 10"); elsewhere "no." is a word.
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos"];

/// Words that commonly start a sentence; after a non-title abbreviation ("U.S.", "Inc.")
/// a capitalised word from this list is taken as the start of a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "but",
    "and",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "there",
    "on",
    "at",
    "its",
    "his",
    "her",
    "their",
    "our",
    "after",
    "as",
    "if",
    "when",
    "while",
    "although",
    "however",
    "meanwhile",
    "since",
    "so",
    "yet",
    "for",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "some",
    "many",
    "most",
    "no",
    "not",
    "one",
    "two",
    "officials",
    "according",
    "what",
    "who",
    "why",
    "how",
    "where",
    "during",
    "before",
    "last",
    "earlier",
    "later",
    "still",
    "both",
    "each",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "asked",
    "to",
    "with",
    "under",
    "by",
    "from",
    "until",
    "despite",
    "because",
    "instead",
    "other",
    "such",
];

/// Lower-cased letters of `word` with its periods removed ("U.S." → "us", "Gen" → "gen"),
/// written into `buffer` so that no allocation is needed per word.
fn fold_into<'a>(word: &str, buffer: &'a mut String) -> &'a str {
    buffer.clear();
    for character in word.chars().filter(|character| *character != '.') {
        buffer.extend(character.to_lowercase());
    }
    buffer.as_str()
}

/// Kinds of word that end in a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodWord {
    /// A title before a name ("Gen.", "Dr."): never ends a sentence.
    Title,
    /// A single-letter initial ("V.") or an acronym with inner periods ("U.S.", "a.m.").
    InitialOrAcronym,
    /// A known abbreviation that is not a title ("Inc.", "Jan.", "etc.").
    Abbreviation,
    /// "e.g." and "i.e.": always followed by more of the same sentence.
    ExampleMarker,
    /// Any other word: the period is punctuation, not part of the word.
    Ordinary,
}

/// Classifies `word_with_period`, a whitespace-free word that ends in ".", given the text that
/// follows it (the next whitespace-separated word, if any).
pub fn classify_period_word(word_with_period: &str, next_word: Option<&str>) -> PeriodWord {
    let stem = word_with_period.strip_suffix('.').unwrap_or(word_with_period);
    if stem.is_empty() || !stem.chars().any(char::is_alphabetic) {
        return PeriodWord::Ordinary;
    }
    let mut buffer = String::with_capacity(stem.len());
    let folded = fold_into(stem, &mut buffer);
    if stem.contains('.') {
        if folded == "eg" || folded == "ie" {
            return PeriodWord::ExampleMarker;
        }
        // Inner periods between single letters: "U.S", "a.m", "D.C". A dotted word with longer
        // parts ("google.com.") is a domain name, whose final period is punctuation.
        let all_parts_short = stem.split('.').all(|part| part.chars().count() <= 2);
        return if all_parts_short { PeriodWord::InitialOrAcronym } else { PeriodWord::Ordinary };
    }
    let mut letters = stem.chars();
    let single_letter = match (letters.next(), letters.next()) {
        (Some(first), None) => Some(first),
        _ => None,
    };
    if single_letter.is_some_and(char::is_uppercase) {
        return PeriodWord::InitialOrAcronym;
    }
    let capitalised = stem.chars().next().is_some_and(char::is_uppercase);
    let before_number = next_word.and_then(|word| word.chars().next()).is_some_and(|first| first.is_ascii_digit());
    if capitalised && TITLES.contains(&folded) {
        PeriodWord::Title
    } else if (capitalised && CAPITALISED_ABBREVIATIONS.contains(&folded))
        || ANY_CASE_ABBREVIATIONS.contains(&folded)
        || (before_number && NUMBER_ABBREVIATIONS.contains(&folded))
    {
        PeriodWord::Abbreviation
    } else {
        PeriodWord::Ordinary
    }
}

/// True when a period after `word_with_period` belongs to the word, so a tokenizer keeps it.
pub fn keeps_its_period(word_with_period: &str, next_word: Option<&str>) -> bool {
    !matches!(classify_period_word(word_with_period, next_word), PeriodWord::Ordinary)
}

/// True when `word` (as written, with any trailing period) commonly starts a sentence.
pub fn is_common_sentence_starter(word: &str) -> bool {
    let mut buffer = String::with_capacity(word.len());
    buffer.extend(word.chars().flat_map(char::to_lowercase));
    SENTENCE_STARTERS.contains(&buffer.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_titles_acronyms_and_abbreviations() {
        assert_eq!(classify_period_word("Gen.", None), PeriodWord::Title);
        assert_eq!(classify_period_word("Dr.", None), PeriodWord::Title);
        assert_eq!(classify_period_word("U.S.", None), PeriodWord::InitialOrAcronym);
        assert_eq!(classify_period_word("V.", None), PeriodWord::InitialOrAcronym);
        assert_eq!(classify_period_word("a.m.", None), PeriodWord::InitialOrAcronym);
        assert_eq!(classify_period_word("Inc.", None), PeriodWord::Abbreviation);
        assert_eq!(classify_period_word("Sept.", None), PeriodWord::Abbreviation);
        assert_eq!(classify_period_word("e.g.", None), PeriodWord::ExampleMarker);
        assert_eq!(classify_period_word("talks.", None), PeriodWord::Ordinary);
        assert_eq!(classify_period_word("2015.", None), PeriodWord::Ordinary);
        assert_eq!(classify_period_word("example.com.", None), PeriodWord::Ordinary);
    }

    #[test]
    fn lower_case_title_words_are_ordinary_words() {
        // "st." could be a street, but "gen." and "sen." in lower case are not titles.
        assert_ne!(classify_period_word("gen.", None), PeriodWord::Title);
        assert_eq!(classify_period_word("i.", None), PeriodWord::Ordinary);
        assert_eq!(classify_period_word("wash.", None), PeriodWord::Ordinary);
        assert_eq!(classify_period_word("Wash.", None), PeriodWord::Abbreviation);
    }

    #[test]
    fn no_is_an_abbreviation_only_before_a_number() {
        assert_eq!(classify_period_word("No.", Some("10")), PeriodWord::Abbreviation);
        assert_eq!(classify_period_word("no.", Some("The")), PeriodWord::Ordinary);
        assert_eq!(classify_period_word("No.", None), PeriodWord::Ordinary);
    }

    #[test]
    fn knows_common_sentence_starters() {
        assert!(is_common_sentence_starter("The"));
        assert!(is_common_sentence_starter("HE"));
        assert!(!is_common_sentence_starter("Putin"));
    }
}
