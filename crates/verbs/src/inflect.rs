//! Regular English inflection for dictionary words, all in upper case.
//!
//! PETRARCH generated `-S`, `-ED` and `-ING` forms by bare suffixing, which gives
//! "STOPED" and "PLANING". We keep its rule that a verb written with `{...}` gets exactly
//! the forms listed (the dictionary authors spelled out irregular verbs that way), and
//! otherwise generate the regular forms with the usual spelling changes: e-dropping
//! (MOVE → MOVING), y → i (CARRY → CARRIED), and final-consonant doubling for
//! one-syllable words (BAN → BANNED) and a few stressed endings (COMMIT → COMMITTED).
//! Doubling depends on stress, which spelling does not show, so the rule is a heuristic;
//! a verb it gets wrong can be fixed in the dictionary by listing its forms in `{}`.

/// The regular forms of a verb stem: third person singular, past, present participle.
pub fn regular_verb_forms(stem: &str) -> [String; 3] {
    [third_person(stem), past(stem), present_participle(stem)]
}

/// The regular plural of a noun: CRISIS is left alone by the caller, not here; we only
/// apply the spelling rules (TREATY → TREATIES, TAX → TAXES, TALK → TALKS).
pub fn plural_noun(noun: &str) -> String {
    if ends_with_sibilant(noun) {
        format!("{noun}ES")
    } else if ends_with_consonant_y(noun) {
        format!("{}IES", &noun[..noun.len() - 1])
    } else {
        format!("{noun}S")
    }
}

fn third_person(stem: &str) -> String {
    if ends_with_sibilant(stem) || stem.ends_with('O') && !stem.ends_with("OO") {
        format!("{stem}ES")
    } else if ends_with_consonant_y(stem) {
        format!("{}IES", &stem[..stem.len() - 1])
    } else {
        format!("{stem}S")
    }
}

fn past(stem: &str) -> String {
    if stem.ends_with('E') {
        format!("{stem}D")
    } else if ends_with_consonant_y(stem) {
        format!("{}IED", &stem[..stem.len() - 1])
    } else if doubles_final_consonant(stem) {
        format!("{stem}{}ED", last_char(stem))
    } else {
        format!("{stem}ED")
    }
}

fn present_participle(stem: &str) -> String {
    if let Some(root) = stem.strip_suffix("IE") {
        // DIE → DYING, TIE → TYING
        format!("{root}YING")
    } else if stem.ends_with('E')
        && !(stem.ends_with("EE") || stem.ends_with("OE") || stem.ends_with("YE"))
        && stem.len() > 2
    {
        // MOVE → MOVING; but AGREE → AGREEING, HOE → HOEING, BE stays BEING
        format!("{}ING", &stem[..stem.len() - 1])
    } else if doubles_final_consonant(stem) {
        format!("{stem}{}ING", last_char(stem))
    } else {
        format!("{stem}ING")
    }
}

fn last_char(word: &str) -> char {
    word.chars().next_back().unwrap_or(' ')
}

fn is_vowel(letter: char) -> bool {
    matches!(letter, 'A' | 'E' | 'I' | 'O' | 'U')
}

fn ends_with_sibilant(word: &str) -> bool {
    ["S", "X", "Z", "SH", "CH"].iter().any(|ending| word.ends_with(ending))
}

fn ends_with_consonant_y(word: &str) -> bool {
    let mut letters = word.chars().rev();
    matches!((letters.next(), letters.next()), (Some('Y'), Some(before)) if !is_vowel(before) && before.is_ascii_alphabetic())
}

/// Stressed final syllables of longer verbs that double their consonant (COMMIT,
/// REFER, COMPEL, CONTROL, OCCUR, REGRET, EQUIP, ANNUL, DEBAR).
const STRESSED_ENDINGS: [&str; 9] = ["MIT", "FER", "PEL", "TROL", "CUR", "GRET", "QUIP", "NUL", "BAR"];

/// Verbs with a stressed-looking ending whose stress is in fact on an earlier syllable.
const UNSTRESSED_EXCEPTIONS: [&str; 2] = ["LIMIT", "VOMIT"];

/// Consonant-vowel-consonant at the end, the last consonant not W, X or Y, and either a
/// single vowel group (one syllable) or a known stressed ending.
fn doubles_final_consonant(stem: &str) -> bool {
    let letters: Vec<char> = stem.chars().collect();
    let length = letters.len();
    if length < 3 || !letters.iter().all(char::is_ascii_alphabetic) {
        return false;
    }
    let (before, vowel, last) = (letters[length - 3], letters[length - 2], letters[length - 1]);
    let consonant_vowel_consonant =
        !is_vowel(before) && is_vowel(vowel) && !is_vowel(last) && !matches!(last, 'W' | 'X' | 'Y');
    if !consonant_vowel_consonant {
        return false;
    }
    // OFFER, VISIT: stress on the first syllable, no doubling. Words ending in -ER/-EN
    // other than the stressed endings are the common unstressed case.
    vowel_groups(&letters) == 1
        || !UNSTRESSED_EXCEPTIONS.contains(&stem)
            && STRESSED_ENDINGS.iter().any(|ending| stem.ends_with(ending) && !stem.ends_with(&format!("F{ending}")))
}

fn vowel_groups(letters: &[char]) -> usize {
    let mut groups = 0;
    let mut in_vowel = false;
    for &letter in letters {
        let vowel = is_vowel(letter) || letter == 'Y' && in_vowel;
        if vowel && !in_vowel {
            groups += 1;
        }
        in_vowel = vowel;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(stem: &str) -> [String; 3] {
        regular_verb_forms(stem)
    }

    #[test]
    fn plain_verbs_take_plain_suffixes() {
        assert_eq!(forms("ATTACK"), ["ATTACKS", "ATTACKED", "ATTACKING"]);
        assert_eq!(forms("VISIT"), ["VISITS", "VISITED", "VISITING"]);
        assert_eq!(forms("OFFER"), ["OFFERS", "OFFERED", "OFFERING"]);
    }

    #[test]
    fn final_e_is_dropped_before_ing_but_not_after_a_vowel() {
        assert_eq!(forms("IMPOSE"), ["IMPOSES", "IMPOSED", "IMPOSING"]);
        assert_eq!(forms("AGREE"), ["AGREES", "AGREED", "AGREEING"]);
        assert_eq!(forms("DIE")[2], "DYING");
    }

    #[test]
    fn consonant_y_becomes_i() {
        assert_eq!(forms("CARRY"), ["CARRIES", "CARRIED", "CARRYING"]);
        assert_eq!(forms("DELAY"), ["DELAYS", "DELAYED", "DELAYING"]);
    }

    #[test]
    fn one_syllable_and_stressed_endings_double_the_consonant() {
        assert_eq!(forms("BAN"), ["BANS", "BANNED", "BANNING"]);
        assert_eq!(forms("STOP")[1], "STOPPED");
        assert_eq!(forms("COMMIT"), ["COMMITS", "COMMITTED", "COMMITTING"]);
        assert_eq!(forms("REFER")[1], "REFERRED");
        assert_eq!(forms("LIMIT")[1], "LIMITED");
        // W, X, Y never double; two vowels before the consonant never double.
        assert_eq!(forms("VOW")[1], "VOWED");
        assert_eq!(forms("TAX"), ["TAXES", "TAXED", "TAXING"]);
        assert_eq!(forms("MEET")[1], "MEETED", "regular rule only; MET comes from the dictionary's {{}}");
    }

    #[test]
    fn sibilants_take_es() {
        assert_eq!(forms("PUSH")[0], "PUSHES");
        assert_eq!(forms("VETO")[0], "VETOES");
        assert_eq!(plural_noun("TREATY"), "TREATIES");
        assert_eq!(plural_noun("TALK"), "TALKS");
        assert_eq!(plural_noun("BOX"), "BOXES");
    }
}
