//! Language identification for bodies whose page declares no language.

/// The ISO 639-1 code of the text's language ("en"), or `None` when the text is too short or
/// the detector is unsure. Uses `whatlang` (trigram profiles, no model files, microseconds).
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(2000).collect();
    if sample.split_whitespace().count() < 3 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso_639_1(info.lang()).map(str::to_string)
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
