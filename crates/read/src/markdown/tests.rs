use super::*;
use dyad_document::PartialDate;
use std::path::Path;

/// An invented article in the shape of the seed: title, date, caption with bold credit,
/// a related-article line, an italic credit line and an "Original url:" footer.
const SEED_SHAPED_ARTICLE: &str = "\n\n# Erdogan Hosts Iraqi Prime Minister in Ankara\n\nMarch 12, 2024\n\n\n\n\
Recep Tayyip Erdogan and Mohammed Shia al-Sudani. **Adem Altan, AFP / presidency.example**\n\n\
Turkish President Recep Tayyip Erdogan received Iraqi Prime Minister Mohammed Shia al-Sudani in Ankara on \
Tuesday for talks on water sharing and [cross-border](#) security, the presidency said.\n\n\
\"We will not let militants use Iraqi soil against our country,\" Erdogan told reporters after the meeting.\n\n\
**Related article:** [Iraq Bans Kurdish Militant Group After Turkish Pressure](#)\n\n\
Sudani said Baghdad wanted _stable_ relations with **all** its neighbours.\n\n\
*Reuters contributed reporting.*\n\nOriginal url:\n\n<https://news.example.test/2024/03/12/erdogan-hosts-sudani>\n";

#[test]
fn seed_shaped_article_splits_into_metadata_and_plain_body() {
    let document = parse_article(SEED_SHAPED_ARTICLE, "articles/ankara.md").unwrap();
    let metadata = &document.metadata;
    assert_eq!(metadata.title.as_deref(), Some("Erdogan Hosts Iraqi Prime Minister in Ankara"));
    assert_eq!(metadata.published, Some(PartialDate::day(2024, 3, 12)));
    assert_eq!(metadata.captions, vec!["Recep Tayyip Erdogan and Mohammed Shia al-Sudani."]);
    assert_eq!(metadata.credits, vec!["Adem Altan, AFP / presidency.example", "Reuters contributed reporting."]);
    assert_eq!(metadata.url.as_deref(), Some("https://news.example.test/2024/03/12/erdogan-hosts-sudani"));
    assert_eq!(metadata.source, "articles/ankara.md");
    let paragraphs: Vec<&str> = document.body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 3, "{:?}", document.body);
    assert!(paragraphs[0].starts_with("Turkish President Recep Tayyip Erdogan received"));
    assert!(paragraphs[0].contains("on water sharing and cross-border security"));
    assert_eq!(paragraphs[2], "Sudani said Baghdad wanted stable relations with all its neighbours.");
    for leaked in
        ["Altan", "Related", "Iraq Bans", "contributed", "Original url", "https://", "**", "](", "\n\n\n", "March 12"]
    {
        assert!(!document.body.contains(leaked), "body contains {leaked:?}: {}", document.body);
    }
    assert_eq!(document.id, dyad_document::content_id(&document.body));
}

#[test]
fn caption_credit_on_its_own_line_or_block_stays_out_of_the_body() {
    for layout in ["\n", "\n\n"] {
        let text = format!(
            "# Protest in Tbilisi\n\nProtesters wave flags outside parliament.{layout}**Photo: Irakli Beridze / Reuters**\n\n\
             Thousands of people rallied in Tbilisi on Sunday against the foreign agents bill."
        );
        let document = parse_article(&text, "t.md").unwrap();
        assert_eq!(document.metadata.captions, vec!["Protesters wave flags outside parliament."], "{layout:?}");
        assert_eq!(document.metadata.credits, vec!["Photo: Irakli Beridze / Reuters"]);
        assert_eq!(document.body, "Thousands of people rallied in Tbilisi on Sunday against the foreign agents bill.");
    }
}

#[test]
fn bold_words_at_the_end_of_a_story_paragraph_are_not_a_credit() {
    let text = "# Talks\n\nThe envoy called the ceasefire talks **the worst, ever**\n\nMore talks follow.";
    let document = parse_article(text, "t.md").unwrap();
    assert!(document.metadata.captions.is_empty());
    assert!(document.body.starts_with("The envoy called the ceasefire talks the worst, ever"));
}

#[test]
fn byline_is_taken_near_the_top_but_a_sentence_starting_with_by_is_not() {
    let document = parse_article("# Arrest\n\nBy Jane Doe and Omar Haddad\n\nPolice arrested a man.", "t.md").unwrap();
    assert_eq!(document.metadata.byline.as_deref(), Some("Jane Doe and Omar Haddad"));
    assert_eq!(document.body, "Police arrested a man.");
    let sentence = parse_article("# Talks\n\nBy Tuesday, the talks had collapsed.", "t.md").unwrap();
    assert_eq!(sentence.metadata.byline, None);
    assert_eq!(sentence.body, "By Tuesday, the talks had collapsed.");
}

#[test]
fn headings_lists_images_and_comments_become_plain_paragraphs() {
    let text = "# Sanctions Widen\n<!-- scraped\nby bot -->\n![Map](map.png)\n\nThe EU agreed new sanctions on Monday.\n\n\
                ## What the package covers\n\n- A ban on *LNG* transshipment\n- Listings of 116 people\n  and entities\n\n\
                1. Asset freezes\n\n> \"This is not the end,\" the EU's top diplomat said.\n\n```\ncode\n```\n\n[1]: https://x.test";
    let document = parse_article(text, "t.md").unwrap();
    assert_eq!(
        document.body,
        "The EU agreed new sanctions on Monday.\n\nWhat the package covers\n\nA ban on LNG transshipment\n\n\
         Listings of 116 people and entities\n\nAsset freezes\n\n\"This is not the end,\" the EU's top diplomat said."
    );
}

#[test]
fn front_matter_setext_titles_and_url_on_the_same_line() {
    let text = "---\ntitle: \"Envoys Meet in Doha\"\ndate: 2024-08-15\nauthor: Jane Doe\n---\n\n\
                Envoys Meet in Doha\n===================\n\nMediators met in Doha on Thursday.\n\n\
                Original url: <https://news.example.test/doha>";
    let document = parse_article(text, "t.md").unwrap();
    assert_eq!(document.metadata.title.as_deref(), Some("Envoys Meet in Doha"));
    assert_eq!(document.metadata.published, Some(PartialDate::day(2024, 8, 15)));
    assert_eq!(document.metadata.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(document.metadata.url.as_deref(), Some("https://news.example.test/doha"));
    assert_eq!(document.body, "Mediators met in Doha on Thursday.");
}

#[test]
fn date_line_variants_and_dateline_in_the_body() {
    for date_line in
        ["July 25, 2024", "25 July 2024", "2024-07-25", "Jul. 25, 2024 10:00 am", "Published: July 25, 2024"]
    {
        let text =
            format!("# Strike\n\n{date_line}\n\nBEIRUT (AP) — An Israeli strike hit a building, officials said.");
        let document = parse_article(&text, "t.md").unwrap();
        assert_eq!(document.metadata.published, Some(PartialDate::day(2024, 7, 25)), "{date_line}");
        assert_eq!(document.metadata.dateline_place.as_deref(), Some("BEIRUT"));
        assert_eq!(document.body, "An Israeli strike hit a building, officials said.");
    }
}

#[test]
fn an_article_with_only_a_title_is_empty() {
    let error = parse_article("# Only a title\n\nJuly 25, 2024\n", "t.md").unwrap_err();
    assert!(matches!(error, ReadError::Empty { .. }), "{error}");
}

#[test]
fn the_real_seed_article_reads_cleanly() {
    let seed_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/000_e35d4a65f2d0984e.txt");
    let Ok(text) = std::fs::read_to_string(&seed_path) else {
        eprintln!("skipping: seed article not found at {}", seed_path.display());
        return;
    };
    let document = parse_article(&text, "seed").unwrap();
    assert_eq!(document.metadata.title.as_deref(), Some("Putin Meets With Syrian President Assad in Moscow"));
    assert_eq!(document.metadata.published, Some(PartialDate::day(2024, 7, 25)));
    let url = document.metadata.url.as_deref().unwrap_or_default();
    assert!(url.starts_with("https://www.themoscowtimes.com/2024/07/25/"), "{url}");
    assert!(document.body.starts_with("President Vladimir Putin met"), "{}", document.body);
    for leaked in ["Sharifulin", "Related article", "contributed reporting", "**", "](", "Original url"] {
        assert!(!document.body.contains(leaked), "body contains {leaked:?}");
    }
    assert_eq!(document.metadata.captions.len(), 1);
    assert_eq!(document.metadata.credits.len(), 2, "{:?}", document.metadata.credits);
}

#[test]
fn related_and_credit_lines_without_blank_lines_around_them_are_still_removed() {
    let text = "# Raid\n\nSecurity forces raided a house in Kirkuk on Monday.\n**Related article:** [Earlier raid](#)\n\
                Two suspects were killed, police said.\n*Additional reporting by Omar Haddad*";
    let document = parse_article(text, "t.md").unwrap();
    assert_eq!(
        document.body,
        "Security forces raided a house in Kirkuk on Monday. Two suspects were killed, police said."
    );
    assert_eq!(document.metadata.credits, vec!["Additional reporting by Omar Haddad"]);
}

#[test]
fn a_bare_credit_phrase_counts_only_at_the_end() {
    let text = "# Leak\n\nReporting by local media showed the plan was drafted in March.\n\nOfficials declined to comment.\n\n\
                Meridian News contributed to this report.";
    let document = parse_article(text, "t.md").unwrap();
    assert!(document.body.starts_with("Reporting by local media showed"), "{}", document.body);
    assert_eq!(document.metadata.credits, vec!["Meridian News contributed to this report."]);
}
