use super::*;
use dyad_actors::{Discourse, find_actor_phrases};
use dyad_analyse::Analyser;
use dyad_kb::KnowledgeBase;

fn quotes_of(text: &str) -> Vec<QuoteRecord> {
    let date = PartialDate::day(2024, 7, 25);
    let sentences = Analyser::new().analyse(text);
    let mut discourse = Discourse::default();
    let actors: Vec<Vec<ActorPhrase>> = sentences
        .iter()
        .map(|sentence| {
            find_actor_phrases(&SentenceView::new(text, sentence), KnowledgeBase::embedded(), date, &mut discourse)
        })
        .collect();
    let input = QuoteInput { body: text, doc_id: "d", sentences: &sentences, actors: &actors, date: Some(date) };
    let quotes = find_quotes(&input);
    for quote in &quotes {
        assert!(quote.span.end <= text.len() && text.is_char_boundary(quote.span.start));
    }
    quotes
}

fn speaker_name(quote: &QuoteRecord) -> Option<&str> {
    quote.speaker.as_ref().and_then(|speaker| speaker.name.as_deref())
}

#[test]
fn split_quote_is_one_statement_with_its_speaker_and_addressee() {
    let text = "\"We are ready to talk to anyone who wants peace,\" Erdogan told Vladimir Putin. \
                \"But we will not wait forever for an answer.\"";
    let quotes = quotes_of(text);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    let quote = &quotes[0];
    assert_eq!(speaker_name(quote), Some("Recep Tayyip Erdoğan"));
    assert_eq!(quote.addressee.as_ref().and_then(|person| person.code.as_deref()), Some("RUS"));
    assert_eq!(quote.verb.as_deref(), Some("told"));
    assert!(quote.text.starts_with("We are ready") && quote.text.ends_with("an answer."), "{}", quote.text);
    assert!(!quote.text.contains("told"));
}

#[test]
fn attribution_before_the_quote_and_curly_marks() {
    let quotes = quotes_of("Vladimir Putin said: “The situation in the region is getting worse every day.”");
    assert_eq!(quotes.len(), 1);
    assert_eq!(speaker_name(&quotes[0]), Some("Vladimir Putin"));
    assert_eq!(quotes[0].text, "The situation in the region is getting worse every day.");
}

#[test]
fn pronoun_speaker_resolves_to_the_last_person() {
    let text = "Vladimir Putin spoke after the talks. \"We discussed everything in great detail,\" he said.";
    let quotes = quotes_of(text);
    assert_eq!(speaker_name(&quotes[0]), Some("Vladimir Putin"));
}

#[test]
fn reported_speech_gives_the_reported_clause() {
    let quotes = quotes_of("Erdogan said Turkey would restore ties with Damascus.");
    assert_eq!(quotes.len(), 1);
    assert_eq!(speaker_name(&quotes[0]), Some("Recep Tayyip Erdoğan"));
    assert_eq!(quotes[0].text, "Turkey would restore ties with Damascus");
}

#[test]
fn scare_quotes_are_not_statements() {
    assert!(quotes_of("The ministry called the drills a \"provocation\" on Monday.").is_empty());
}

#[test]
fn reported_clause_after_adverbials_and_that() {
    let quotes = quotes_of("Olaf Scholz said on Wednesday that Germany would send more air defence systems.");
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].text, "Germany would send more air defence systems");
    let quotes = quotes_of("Vladimir Putin said on Wednesday he would visit Ankara soon.");
    assert_eq!(quotes[0].text, "he would visit Ankara soon");
    let quotes = quotes_of("Erdogan told Vladimir Putin in a phone call that Turkey wanted a ceasefire.");
    assert_eq!(speaker_name(&quotes[0]), Some("Recep Tayyip Erdoğan"));
    assert_eq!(quotes[0].addressee.as_ref().and_then(|person| person.name.as_deref()), Some("Vladimir Putin"));
    assert_eq!(quotes[0].text, "Turkey wanted a ceasefire");
}

#[test]
fn an_adverbial_clause_is_not_reported_speech() {
    let text = "Vladimir Putin warned Kyiv on Wednesday after drones hit a refinery in the south.";
    assert!(quotes_of(text).is_empty(), "{:#?}", quotes_of(text));
    assert!(quotes_of("Vladimir Putin said in Moscow.").is_empty());
}

#[test]
fn an_interrupted_quote_is_one_statement() {
    let text =
        "\"We are ready for negotiations,\" Vladimir Putin said in June, \"but not on the basis of wishful thinking.\"";
    let quotes = quotes_of(text);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert!(quotes[0].text.starts_with("We are ready") && quotes[0].text.ends_with("wishful thinking."));
}

#[test]
fn a_surname_the_knowledge_base_lacks_takes_the_person_named_before() {
    let text = "Lebanese Prime Minister Najib Mikati spoke on Tuesday. \
                \"We are working day and night to keep Lebanon safe,\" Mikati said.";
    let quotes = quotes_of(text);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    let speaker = quotes[0].speaker.as_ref().expect("a speaker");
    assert_eq!((speaker.text.as_str(), speaker.name.as_deref()), ("Mikati", Some("Najib Mikati")));
    assert_eq!(&text[speaker.span.start..speaker.span.end], "Mikati");
}
