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
    if is_newsletter_prompt(line)
        || is_timestamp_line(line)
        || is_label_led_promo(line)
        || is_wire_credit_line(line)
        || is_reading_time_line(line)
        || is_unpunctuated_word_cloud(line)
    {
        return true;
    }
    if line.chars().count() > 90 {
        return false;
    }
    let lowered = line.to_lowercase();
    const EXACT: [&str; 18] = [
        "updated",
        "published",
        "leave a comment",
        "no comments",
        "previous post",
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
    const PREFIXES: [&str; 17] = [
        "click here to",
        "photo:",
        "photos:",
        "foto:",
        "fotos:",
        "фото:",
        "credit:",
        "crédito:",
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
    EXACT.contains(&lowered.trim_end_matches(['.', ':']))
        || PREFIXES.iter().any(|prefix| lowered.starts_with(prefix))
        || is_comment_count(&lowered)
}

/// "0 Comments", "12 comments (+)": the counter over a comment section.
fn is_comment_count(lowered: &str) -> bool {
    let mut words = lowered.split_whitespace();
    let starts_with_number = words.next().is_some_and(|word| word.bytes().all(|byte| byte.is_ascii_digit()));
    starts_with_number
        && words.next().is_some_and(|word| word.starts_with("comment"))
        && lowered.split_whitespace().count() <= 4
}

/// "19 NOV 2019", "Nov 20 2019, 11:06am IST", "sexta-feira, 22 de outubro de 2010 às 20:13",
/// "2018-08-25 15:24": a line that is nothing but a date and time. Every word must be a
/// number, a month or weekday name, a time zone or a linking word; one must be a number and
/// one a month or weekday name or a year, so table cells ("63", "9.30 A.M.") and sentences
/// that mention a date are never caught. Whether such a line is furniture depends on how
/// many the body holds (see the article module): one is a stamp, a column of them a schedule.
pub(crate) fn is_date_only_line(line: &str) -> bool {
    if line.contains(['|', '%', '$', '€', '£']) {
        return false;
    }
    let words: Vec<String> =
        line.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    let has_number = words.iter().any(|word| word.starts_with(|c: char| c.is_ascii_digit()));
    let has_calendar_word = words.iter().any(|word| is_year(word) || is_month_or_weekday(word));
    has_number && has_calendar_word && words.iter().all(|word| is_date_vocabulary(word))
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && (word.starts_with("19") || word.starts_with("20")) && word.bytes().all(|b| b.is_ascii_digit())
}

/// A number ("2019", "4th", "11am", "06h"): digits with at most a short ordinal or clock suffix.
fn is_numeric_date_word(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "h")
}

/// The words that join the parts of a written date and time.
const DATE_LINKING_WORDS_AND_ZONES: &[&str] = &[
    "am", "pm", "a", "p", "m", "h", "at", "on", "of", "the", "de", "às", "as", "à", "le", "el", "del", "um", "ist",
    "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "et", "pt",
];

fn is_date_vocabulary(word: &str) -> bool {
    is_numeric_date_word(word) || is_month_or_weekday(word) || DATE_LINKING_WORDS_AND_ZONES.contains(&word)
}

fn is_month_or_weekday(word: &str) -> bool {
    // Month and weekday names beyond English (which `month_number` reads), in the languages
    // of the news sites dyad reads most.
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "feira",
        "segunda",
        "terça",
        "quarta",
        "quinta",
        "sexta",
        "sábado",
        "domingo",
    ];
    const MONTHS: &[&str] = &[
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
        "enero",
        "febrero",
        "marzo",
        "mayo",
        "junio",
        "julio",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "décembre",
        "januar",
        "februar",
        "märz",
        "juni",
        "juli",
        "oktober",
        "dezember",
    ];
    crate::dates::month_number(word).is_some() || WEEKDAYS.contains(&word) || MONTHS.contains(&word)
}

/// "Related: Snapshots of the universe", "SEE MORE: Students under siege", "Read more: our
/// review": a label and a colon leading to another story. Reporting never opens that way.
fn is_label_led_promo(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    if rest.trim().is_empty() || line.split_whitespace().count() > 25 {
        return false;
    }
    const LABELS: [&str; 14] = [
        "related",
        "related post",
        "related article",
        "related story",
        "related content",
        "read more",
        "see more",
        "read also",
        "also read",
        "see also",
        "more",
        "read",
        "recommended",
        "tags",
    ];
    LABELS.contains(&label.trim().to_lowercase().as_str())
}

/// "(Reporting by Jane Doe; Editing by John Roe)": the wire agencies' credit line.
fn is_wire_credit_line(line: &str) -> bool {
    if line.split_whitespace().count() > 40 {
        return false;
    }
    let lowered = line.trim_start_matches(['(', '[']).to_lowercase();
    ["reporting by", "additional reporting by", "editing by", "writing by", "compiled by"]
        .iter()
        .any(|prefix| lowered.starts_with(prefix))
}

/// "4 min read", "Reading time: 3 minutes", "Tempo de leitura: 1 minuto".
fn is_reading_time_line(line: &str) -> bool {
    if line.split_whitespace().count() > 8 {
        return false;
    }
    let lowered = line.to_lowercase();
    ["min read", "minute read", "minutes read", "mins read"].iter().any(|marker| lowered.contains(marker))
        || ["reading time", "read time", "tempo de leitura", "tiempo de lectura", "lesezeit", "temps de lecture"]
            .iter()
            .any(|label| lowered.starts_with(label))
}

/// A long run of capitalised words with no punctuation at all: a category list or tag cloud
/// flattened into one line. Prose (even a long list item) of this length has a comma or a
/// full stop and mostly lower-case words; table rows keep their `|` separators.
fn is_unpunctuated_word_cloud(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = words.iter().filter(|word| word.starts_with(char::is_uppercase)).count();
    words.len() >= 25
        && capitalised * 10 >= words.len() * 6
        && !line.contains(['.', ',', ';', ':', '!', '?', '|', '。', '、', '，', '(', '"', '“', '—', '-'])
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
    fn date_only_lines_are_recognised_but_tables_and_sentences_are_not() {
        for stamp in [
            "19 NOV 2019",
            "Nov 20 2019, 11:06am IST",
            "sexta-feira, 22 de outubro de 2010 às 20:13",
            "2018-08-25 15:24 Monday",
        ] {
            assert!(is_date_only_line(stamp), "{stamp}");
        }
        for line in ["63", "9.30 A.M. / 7.00 P.M.", "1/1/2013 | +13.1%", "1 of 15", "Talks resume on 3 March 2024."] {
            assert!(!is_date_only_line(line), "{line}");
        }
    }

    #[test]
    fn promos_credits_reading_times_and_counters_are_furniture() {
        let furniture = [
            "Related: Floods close schools in the north",
            "SEE MORE: Port workers end three-day strike",
            "Tags: budget, parliament",
            "(Reporting by Jane Doe; Editing by John Roe)",
            "4 min read",
            "Tempo de leitura: 1 minuto",
            "0 Comments (+)",
            "Фото: пресс-служба",
        ];
        for line in furniture {
            assert!(is_furniture_line(line), "{line}");
        }
        let reporting = [
            "Related talks will resume in Geneva next week, a spokesman said.",
            "The minister said: more money will go to schools.",
            "Reporting of the vote was delayed by a power cut, officials said.",
            "12 comments made by the minister were later withdrawn.",
        ];
        for line in reporting {
            assert!(!is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn capitalised_word_clouds_are_furniture_but_long_plain_list_items_are_not() {
        let cloud = "Categories Agriculture Budget Culture Defence Economy Education Elections Energy Environment \
            Health Housing Justice Labour Media Migration Parliament Police Sport Tourism Transport Trade Water \
            Weather World Youth";
        assert!(is_furniture_line(cloud));
        let list_item = "ability to reduce the costs that the company incurs when it hires outside counsel who have \
            represented it in court for many years and know its business well";
        assert!(!is_furniture_line(list_item));
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
