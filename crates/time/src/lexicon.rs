//! The words the time scanner knows: month and weekday names, number words, units and the
//! small closed lists that decide whether a year or a month name is used temporally.

use jiff::civil::Weekday;

/// How a month was written: abbreviations ("Jan.", "Sept") are only trusted next to a day
/// or a year, since "Jan" is also a name and "Mar" a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MonthForm {
    Full,
    Abbreviated,
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

pub(crate) fn month_from_word(word: &str) -> Option<(u8, MonthForm)> {
    if let Some(index) = MONTH_NAMES.iter().position(|name| word.eq_ignore_ascii_case(name)) {
        return Some((index as u8 + 1, MonthForm::Full));
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| word.eq_ignore_ascii_case(abbreviation))
        .map(|&(_, month)| (month, MonthForm::Abbreviated))
}

pub(crate) fn weekday_from_word(word: &str) -> Option<Weekday> {
    const WEEKDAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    WEEKDAYS.iter().find(|(name, _)| word.eq_ignore_ascii_case(name)).map(|&(_, weekday)| weekday)
}

/// "Good Friday", "Bloody Sunday", "Black Monday": named days, not dates to resolve.
pub(crate) const WEEKDAY_NAME_PREFIXES: &[&str] =
    &["black", "good", "bloody", "ash", "palm", "easter", "holy", "maundy", "cyber", "super", "shrove", "fat"];

/// "Sunday Times", "Monday Club": titles, not dates.
pub(crate) const WEEKDAY_NAME_SUFFIXES: &[&str] =
    &["times", "telegraph", "express", "mirror", "herald", "post", "tribune", "club", "school", "mail"];

/// Parts of a day that may follow a weekday or "yesterday" and belong to the expression.
pub(crate) const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Cardinal numbers written as words, as they appear in "two years ago".
pub(crate) fn number_from_word(word: &str) -> Option<u32> {
    let mut buffer = [0u8; MAX_LEXICON_WORD];
    let number = match lowercase(word, &mut buffer)? {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    Some(number)
}

/// No word this module looks up is longer than this; longer words are not looked up at all.
const MAX_LEXICON_WORD: usize = 12;

/// `word` in ASCII lowercase, written into `buffer`; `None` when it does not fit (then it
/// is no word of the lexicon). Lets the hot lookups use `match` without allocating.
fn lowercase<'b>(word: &str, buffer: &'b mut [u8; MAX_LEXICON_WORD]) -> Option<&'b str> {
    let slot = buffer.get_mut(..word.len())?;
    slot.copy_from_slice(word.as_bytes());
    slot.make_ascii_lowercase();
    std::str::from_utf8(slot).ok()
}

/// The unit in "two days ago" or "three years later".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Hours and minutes: "two hours ago" is still the anchor's day.
    PartOfDay,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

pub(crate) fn unit_from_word(word: &str) -> Option<Unit> {
    const UNITS: [(&str, Unit); 6] = [
        ("hour", Unit::PartOfDay),
        ("minute", Unit::PartOfDay),
        ("day", Unit::Day),
        ("week", Unit::Week),
        ("month", Unit::Month),
        ("year", Unit::Year),
    ];
    let singular = match word.len().checked_sub(1) {
        Some(last) if word.as_bytes()[last].eq_ignore_ascii_case(&b's') => &word[..last],
        _ => word,
    };
    if singular.eq_ignore_ascii_case("decade") {
        return Some(Unit::Decade);
    }
    UNITS.iter().find(|(name, _)| singular.eq_ignore_ascii_case(name)).map(|&(_, unit)| unit)
}

/// Words before a bare year or month name that make it temporal: "in 2015", "since March".
pub(crate) const TEMPORAL_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "of",
    "until",
    "till",
    "before",
    "after",
    "during",
    "from",
    "through",
    "throughout",
    "between",
    "around",
    "early",
    "late",
    "mid",
    "to",
    "as",
];

/// Words that begin the event noun phrase in "two days after the election".
pub(crate) const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my"];

/// Words that end an event noun phrase: verbs and function words that cannot be inside it.
pub(crate) const NOUN_PHRASE_STOPS: &[&str] = &[
    "was", "were", "is", "are", "has", "had", "have", "said", "says", "and", "but", "when", "which", "who", "that",
    "in", "on", "at", "of", "to", "with", "by", "for", "from", "as", "will", "would", "could", "after", "before",
    // Common irregular past forms, which end a noun phrase as "-ed" forms do.
    "took", "began", "broke", "came", "went", "fell", "left", "made", "met", "won", "lost", "struck", "ran", "sent",
    "held", "became", "got", "gave", "saw", "found", "told", "hit", "put", "set", "cut", "shot",
];

/// Nouns that follow a count, never a year: "of 2015 people".
pub(crate) const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "soldiers",
    "troops",
    "men",
    "women",
    "children",
    "civilians",
    "residents",
    "refugees",
    "fighters",
    "militants",
    "deaths",
    "dead",
    "casualties",
    "votes",
    "seats",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "dollars",
    "euros",
];

/// Seasons: "the summer of 2015" is dated to its year.
pub(crate) const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

/// True for the words a time expression can begin with. The scan asks this before running
/// its matchers, so most words of a sentence cost one lookup. Keep it in step with the
/// matchers' first tokens (a test checks every case of the table still passes).
pub(crate) fn can_start_expression(word: &str) -> bool {
    let mut buffer = [0u8; MAX_LEXICON_WORD];
    let Some(lower) = lowercase(word, &mut buffer) else {
        return false;
    };
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "that"
            | "since"
            | "between"
            | "from"
            | "early"
            | "earlier"
            | "late"
            | "later"
            | "mid"
            | "last"
            | "this"
            | "next"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "hours"
            | "minutes"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "decades"
    ) || month_from_word(lower).is_some()
        || weekday_from_word(lower).is_some()
        || number_from_word(lower).is_some()
}
