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
    if is_newsletter_prompt(line) || is_timestamp_line(line) {
        return true;
    }
    if line.chars().count() > 90 {
        return false;
    }
    let lowered = line.to_lowercase();
    const EXACT: [&str; 13] = [
        "advertisement",
        "advert",
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
    const PREFIXES: [&str; 11] = [
        "click here to",
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

/// "Get the latest updates in your inbox. Subscribe to our newsletters.": a sign-up box.
/// Reporting about newsletters is longer than a prompt, and prompts always ask for
/// something (sign up, subscribe, get, delivered).
fn is_newsletter_prompt(line: &str) -> bool {
    if line.split_whitespace().count() > 30 {
        return false;
    }
    let lowered = line.to_lowercase();
    let about_delivery = ["newsletter", "your inbox", "recaptcha"].iter().any(|word| lowered.contains(word));
    let asks = [
        "sign up",
        "subscribe to",
        "subscribe now",
        "subscribe for",
        "delivered",
        "get the latest",
        "get access",
        "protected by",
    ]
    .iter()
    .any(|word| lowered.contains(word));
    about_delivery && asks
}

/// "Updated: 19 November 2019, 09:01 AM", "First Published on Nov 20, 2019 01:38 pm",
/// "Updated at 1:23 p.m.": a time stamp line printed above or below the story.
fn is_timestamp_line(line: &str) -> bool {
    if line.split_whitespace().count() > 12 {
        return false;
    }
    let lowered = line.to_lowercase();
    let labelled = ["updated", "first published", "published", "last modified", "posted on"]
        .iter()
        .any(|label| lowered.starts_with(label) || lowered.contains(&format!("| {label}")));
    let has_time_or_date = lowered.contains(" am")
        || lowered.contains(" pm")
        || lowered.contains("a.m.")
        || lowered.contains("p.m.")
        || crate::page_dates::first_written_date(&lowered).is_some()
        || crate::dates::parse_date(&lowered).is_some();
    labelled && has_time_or_date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsletter_prompts_and_time_stamp_lines_are_furniture() {
        assert!(is_furniture_line("Get the latest updates right in your inbox. Subscribe to our newsletters."));
        assert!(is_furniture_line("Updated: 19 November 2019, 09:01 AM"));
        assert!(is_furniture_line("First Published on Nov 20, 2019 01:38 pm"));
        assert!(is_furniture_line("Updated at 1:23 p.m."));
        assert!(!is_furniture_line("The ministry updated its guidance on 3 March 2024, officials said."));
        assert!(!is_furniture_line(
            "Subscribers to the newsletter rose by a third last year, the company said in its annual report."
        ));
    }

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
