//! Language identification for bodies whose page declares no language.

/// The ISO 639-1 code of the text's language ("en"), or `None` when the text is too short or
/// the detector is unsure. Uses `whatlang` (trigram profiles, no model files, microseconds).
pub fn detect_language(text: &str) -> Option<String> {
    // A few hundred characters tell a language as well as a page, at a fraction of the cost
    // (this runs on every document read).
    let sample: String = text.chars().take(600).collect();
    if sample.split_whitespace().count() < 3 {
        return None;
    }
    if reads_as_english(&sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso_639_1(info.lang()).map(str::to_string)
}

/// Words that make up a large share of any English prose and are rare as words of other
/// languages written in Latin script.
const ENGLISH_FUNCTION_WORDS: &[&str] =
    &["the", "of", "and", "to", "is", "was", "were", "that", "with", "for", "said", "has", "have", "by", "his", "its"];

/// A cheap first look: English news prose has one of these words in every four or five, other
/// languages almost none, so most documents never reach the trigram detector, whose cost
/// shows in the coding benchmark. Anything less clear goes on to whatlang.
fn reads_as_english(sample: &str) -> bool {
    let words: Vec<String> =
        sample.split(|c: char| !c.is_alphabetic()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect();
    let function_words = words.iter().filter(|word| ENGLISH_FUNCTION_WORDS.contains(&word.as_str())).count();
    words.len() >= 20 && function_words * 100 >= words.len() * 18
}

/// whatlang names languages by ISO 639-3; this maps those it knows to ISO 639-1.
fn iso_639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Epo => "eo",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_news_languages() {
        assert_eq!(
            detect_language(
                "The foreign minister said on Tuesday that talks with the rebels would resume next week in Geneva."
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(detect_language("Le ministre des Affaires étrangères a déclaré mardi que les négociations reprendraient la semaine prochaine.").as_deref(), Some("fr"));
        assert_eq!(
            detect_language(
                "Министр иностранных дел заявил во вторник, что переговоры возобновятся на следующей неделе."
            )
            .as_deref(),
            Some("ru")
        );
    }

    #[test]
    fn too_little_text_gives_none() {
        assert_eq!(detect_language("Hi"), None);
        assert_eq!(detect_language(""), None);
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    #[test]
    fn english_prose_is_told_at_a_glance_and_other_languages_are_not() {
        let english = "The foreign minister said on Monday that the talks with the rebels had made progress, \
                       and that a ceasefire was expected by the end of the week, according to his office.";
        let german = "Der Außenminister sagte am Montag, die Gespräche mit den Rebellen hätten Fortschritte \
                      gemacht und eine Waffenruhe werde bis zum Ende der Woche erwartet.";
        let french = "Le ministre des affaires étrangères a déclaré lundi que les pourparlers avec les rebelles \
                      avaient progressé et qu'un cessez-le-feu était attendu avant la fin de la semaine.";
        assert!(reads_as_english(english));
        assert!(!reads_as_english(german));
        assert!(!reads_as_english(french));
        assert_eq!(detect_language(german).as_deref(), Some("de"));
        assert_eq!(detect_language(french).as_deref(), Some("fr"));
    }
}
