//! The folded form names are matched in, and the case rule applied after a match.
//!
//! Folding maps every char to exactly one char: letters to lower case without diacritics
//! (`Erdoğan` → `erdogan`), hyphens, dashes and underscores to a space (`al-Assad` = `al Assad`,
//! `Dol_Amroth` = `Dol Amroth`, as TABARI-style texts join a name's words), every
//! whitespace char to a space, and curly apostrophes to `'`. Because the map is one char to
//! one char, the n-th char of a folded match is the n-th char of the original text, which
//! is what the case check and the byte-offset map rely on.

/// Folds one char; see the module docs.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return match c {
            // TABARI-style texts join a name's words with underscores ("Dol_Amroth").
            '-' | '_' => ' ',
            c if c.is_ascii_whitespace() => ' ',
            c => c.to_ascii_lowercase(),
        };
    }
    if c.is_whitespace() {
        return ' ';
    }
    match c {
        '‐' | '‑' | '‒' | '–' | '—' | '−' => ' ',
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        'İ' | 'ı' => 'i',
        _ => strip_diacritic(c).unwrap_or_else(|| single_lowercase(c)),
    }
}

fn single_lowercase(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(only), None) => only,
        _ => c,
    }
}

/// The base letter of a Latin letter with a diacritic, lower-cased.
fn strip_diacritic(c: char) -> Option<char> {
    const TABLE: [(&str, char); 24] = [
        ("àáâãäåāăąǎÀÁÂÃÄÅĀĂĄǍ", 'a'),
        ("çćĉċčÇĆĈĊČ", 'c'),
        ("ďđĎĐ", 'd'),
        ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", 'e'),
        ("ĝğġģĜĞĠĢ", 'g'),
        ("ĥħĤĦ", 'h'),
        ("ìíîïĩīĭįǐÌÍÎÏĨĪĬĮǏ", 'i'),
        ("ĵĴ", 'j'),
        ("ķĶ", 'k'),
        ("ĺļľŀłĹĻĽĿŁ", 'l'),
        ("ñńņňÑŃŅŇ", 'n'),
        ("òóôõöøōŏőǒÒÓÔÕÖØŌŎŐǑ", 'o'),
        ("ŕŗřŔŖŘ", 'r'),
        ("śŝşšșŚŜŞŠȘ", 's'),
        ("ţťŧțŢŤŦȚ", 't'),
        ("ùúûüũūŭůűųǔÙÚÛÜŨŪŬŮŰŲǓ", 'u'),
        ("ŵŴ", 'w'),
        ("ýÿŷÝŸŶ", 'y'),
        ("źżžŹŻŽ", 'z'),
        ("ḥḤ", 'h'),
        ("ṣṢ", 's'),
        ("ṭṬ", 't'),
        ("ḍḌ", 'd'),
        ("ẓẒ", 'z'),
    ];
    TABLE.iter().find(|(letters, _)| letters.contains(c)).map(|(_, base)| *base)
}

/// A folded copy of a text and, for every byte of it, the byte offset in the original.
pub struct FoldedText {
    pub folded: String,
    /// `offsets[i]` is the original offset of the char that folded byte `i` belongs to;
    /// `offsets[folded.len()]` is the original length.
    pub offsets: Vec<usize>,
}

pub fn fold_text(text: &str) -> FoldedText {
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (offset, c) in text.char_indices() {
        let folded_char = fold_char(c);
        folded.push(folded_char);
        offsets.extend(std::iter::repeat_n(offset, folded_char.len_utf8()));
    }
    offsets.push(text.len());
    FoldedText { folded, offsets }
}

/// The folded form of a name, as used for lookup keys.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Char positions that must be capitals in the text for a proper name to match: the
/// capitals of the alias as written. Other letters may be either case, so `PUTIN` and
/// `Bashar Al-Assad` match the aliases `Putin` and `Bashar al-Assad`, but `turkey` does not
/// match `Turkey`.
///
/// A capital right after a hyphen is not required: writers differ there ("Kim Jong-un" and
/// "Kim Jong-Un", "Barad-dur"), and names from dictionaries written in capitals cannot say
/// which case the later part takes. The name's first letter still tells it from a common word.
pub fn required_capitals(alias: &str) -> Vec<u16> {
    let mut previous = ' ';
    let mut required = Vec::new();
    for (index, c) in alias.chars().enumerate() {
        if c.is_uppercase() && previous != '-' {
            required.push(index as u16);
        }
        previous = c;
    }
    required
}

/// True when every required capital position of `text` holds an upper-case letter.
pub fn capitals_match(text: &str, capitals: &[u16]) -> bool {
    let mut required = capitals.iter().peekable();
    for (index, c) in text.chars().enumerate() {
        match required.peek() {
            Some(&&position) if position as usize == index => {
                if !c.is_uppercase() {
                    return false;
                }
                required.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    required.peek().is_none()
}

/// `BASHAR_AL_ASSAD` → `Bashar al Assad`: the display form of a name given in capitals.
/// Name particles stay lower case so they do not demand a capital in the text.
pub fn title_case(upper: &str) -> String {
    const PARTICLES: [&str; 23] = [
        "al", "el", "bin", "ibn", "bint", "de", "del", "der", "di", "du", "da", "dos", "das", "van", "von", "of",
        "the", "and", "for", "on", "in", "to", "at",
    ];
    let mut words = Vec::new();
    for (index, word) in upper.split(' ').enumerate() {
        let lower = word.to_lowercase();
        if index > 0 && PARTICLES.contains(&lower.as_str()) {
            words.push(lower);
            continue;
        }
        match lower.split_once('-') {
            Some((particle, rest)) if index > 0 && PARTICLES.contains(&particle) => {
                words.push(format!("{particle}-{}", capitalise(rest)));
            }
            _ => words.push(capitalise(&lower)),
        }
    }
    words.join(" ")
}

/// Upper-cases the first letter and every letter after a hyphen or full stop.
fn capitalise(lower: &str) -> String {
    let mut capitalised = String::with_capacity(lower.len());
    let mut at_word_start = true;
    for c in lower.chars() {
        if at_word_start && c.is_alphabetic() {
            capitalised.extend(c.to_uppercase());
            at_word_start = false;
        } else {
            capitalised.push(c);
            at_word_start = c == '-' || c == '.';
        }
    }
    capitalised
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_diacritics_and_hyphens_char_for_char() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("al-Assad"), "al assad");
        assert_eq!(fold("Dol_Amroth"), "dol amroth");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Dol_Amroth"), "dol amroth", "an underscore joins the words of one name");
        for text in ["Erdoğan’s – Zürich", "ÆØÅ ß Straße İ"] {
            assert_eq!(fold(text).chars().count(), text.chars().count());
        }
    }

    #[test]
    fn offsets_map_folded_bytes_back_to_the_original() {
        let text = "Erdoğan met";
        let folded = fold_text(text);
        let start = folded.folded.find("met").unwrap();
        assert_eq!(&text[folded.offsets[start]..folded.offsets[folded.folded.len()]], "met");
    }

    #[test]
    fn capitals_are_required_only_where_the_alias_has_them() {
        let turkey = required_capitals("Turkey");
        assert!(capitals_match("Turkey", &turkey));
        assert!(capitals_match("TURKEY", &turkey));
        assert!(!capitals_match("turkey", &turkey));
        let assad = required_capitals("Bashar al-Assad");
        assert!(capitals_match("Bashar Al-Assad", &assad));
        assert!(!capitals_match("bashar al-Assad", &assad));
    }

    #[test]
    fn the_part_after_a_hyphen_may_be_written_in_either_case() {
        let capital = required_capitals("Minas-Tirith");
        assert!(capitals_match("Minas-tirith", &capital));
        assert!(capitals_match("Minas-Tirith", &capital));
        assert!(!capitals_match("minas-tirith", &capital), "the first letter still marks a name");
        let leader = required_capitals("Kim Jong-Un");
        assert!(capitals_match("Kim Jong-un", &leader));
        assert!(!capitals_match("Kim jong-un", &leader));
    }

    #[test]
    fn title_case_keeps_particles_low() {
        assert_eq!(title_case("BASHAR AL ASSAD"), "Bashar al Assad");
        assert_eq!(title_case("AL-QAEDA"), "Al-Qaeda");
        assert_eq!(title_case("BASHAR AL-ASSAD"), "Bashar al-Assad");
        assert_eq!(title_case("U.S."), "U.S.");
        assert_eq!(title_case("THE UNITED NATIONS"), "The United Nations");
    }
}
