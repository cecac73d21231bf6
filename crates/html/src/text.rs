//! Small text helpers shared by the extractors: whitespace normalisation and the
//! line-level filters that keep credits, share prompts and similar furniture out of bodies.

/// Collapses every run of whitespace (including non-breaking spaces) to one space and trims.
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits extracted text into clean paragraphs: one per non-empty line, whitespace
/// normalised, with furniture lines (see [`is_furniture_line`]) removed.
pub fn clean_paragraphs(text: &str) -> Vec<String> {
    text.lines().map(normalize_whitespace).filter(|line| !line.is_empty() && !is_furniture_line(line)).collect()
}

/// Short lines that are page furniture rather than reporting: photo credits, share and
/// subscribe prompts, "Advertisement" labels. Only short lines are tested, so a sentence that
/// merely mentions sharing is never dropped.
pub fn is_furniture_line(line: &str) -> bool {
    if line.chars().count() > 90 {
        return false;
    }
    let lowered = line.to_lowercase();
    const EXACT: [&str; 12] = [
        "advertisement",
        "advertising",
        "share",
        "share this article",
        "share this",
        "tweet",
        "email",
        "print",
        "read more",
        "related",
        "comments",
        "continue reading",
    ];
    const PREFIXES: [&str; 10] = [
        "photo:",
        "photograph:",
        "image:",
        "picture:",
        "image credit",
        "photo credit",
        "(ap photo",
        "follow us on",
        "sign up for",
        "subscribe to",
    ];
    EXACT.contains(&lowered.trim_end_matches(['.', ':'])) || PREFIXES.iter().any(|prefix| lowered.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_collapse() {
        assert_eq!(normalize_whitespace("  Talks\u{a0}resumed \n\t today "), "Talks resumed today");
    }

    #[test]
    fn furniture_lines_are_dropped_and_reporting_kept() {
        let text = "Talks resumed in Geneva on Monday.\n\nAdvertisement\nPhoto: Jane Doe/Reuters\nShare this article\nOfficials said they would share a draft text.";
        assert_eq!(
            clean_paragraphs(text),
            vec!["Talks resumed in Geneva on Monday.", "Officials said they would share a draft text."]
        );
    }
}
