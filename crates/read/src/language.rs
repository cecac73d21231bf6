//! Every document's language: the one its input declared (HTML `lang`, a JSON Lines
//! `language` field, markdown front matter), else the one detected from its body.
//!
//! Invariant: a document's language is only ever added, never replaced or removed, and the
//! body is not touched. A body too short or too mixed to tell keeps `None`, which the
//! pipeline treats as "code it" rather than guessing.

use dyad_document::Document;

/// Sets `metadata.language` from the body when the input declared none.
pub(crate) fn with_language(mut document: Document) -> Document {
    if document.metadata.language.is_none() {
        document.metadata.language = dyad_html::detect_language(&document.body);
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_document::Metadata;

    fn document(body: &str, language: Option<&str>) -> Document {
        let metadata = Metadata { language: language.map(str::to_string), ..Metadata::default() };
        Document::from_body(body.to_string(), metadata)
    }

    #[test]
    fn an_undeclared_language_is_detected_from_the_body() {
        let english = "Police arrested dozens of protesters outside parliament on Monday, the interior ministry said. \
                       The demonstrators had gathered to oppose a new law on the press, which the opposition says \
                       will silence critics of the government.";
        let german = "Die Polizei hat am Montag vor dem Parlament dutzende Demonstranten festgenommen, teilte das \
                      Innenministerium mit. Die Demonstranten hatten sich versammelt, um gegen ein neues \
                      Pressegesetz zu protestieren.";
        assert_eq!(with_language(document(english, None)).metadata.language.as_deref(), Some("en"));
        assert_eq!(with_language(document(german, None)).metadata.language.as_deref(), Some("de"));
    }

    #[test]
    fn a_declared_language_is_kept_even_when_the_body_disagrees() {
        let body = "Police arrested dozens of protesters outside parliament on Monday.";
        let kept = with_language(document(body, Some("en-GB")));
        assert_eq!(kept.metadata.language.as_deref(), Some("en-GB"));
        assert_eq!(kept.body, body);
    }

    #[test]
    fn a_body_too_short_to_tell_gets_no_language() {
        assert_eq!(with_language(document("Talks resumed.", None)).metadata.language, None);
    }
}
