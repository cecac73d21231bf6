//! Article extraction on pages written for the test: body without furniture, metadata from
//! structured data, documents built from articles.

mod support;

use dyad_document::PartialDate;
use dyad_html::{article_to_document, extract_article};
use support::news_page;

#[test]
fn body_is_the_article_paragraphs_without_furniture() {
    let page = news_page(11, true);
    let article = extract_article(page.html.as_bytes(), Some("https://harbour.example/world/story-11")).unwrap();
    assert_eq!(article.body_paragraphs, page.paragraphs);
    assert_eq!(article.title.as_deref(), Some(page.headline.as_str()));
    assert_eq!(article.authors, vec![page.author.clone()]);
    assert_eq!(article.published.map(|date| date.to_string()), page.date);
    assert_eq!(article.language.as_deref(), Some("en"));
    for furniture in ["Share on", "Related stories", "cookies", "Copyright", "Home"] {
        assert!(!article.body_paragraphs.iter().any(|paragraph| paragraph.contains(furniture)), "{furniture} leaked");
    }
}

#[test]
fn json_ld_news_article_metadata_is_used() {
    let html = r#"<html><head><script type="application/ld+json">[{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Flood barriers raised along the river","datePublished":"2022-10-03T07:30:00+02:00",
        "author":{"@type":"Person","name":"Mira Jovanovic"},"publisher":{"@type":"Organization","name":"River Post"},
        "image":{"@type":"ImageObject","caption":"Workers raise a barrier."}}]</script></head>
        <body><article><h1>Flood barriers raised along the river</h1><p class="byline">By Mira Jovanovic, 3 October 2022</p>
        <p>Engineers raised the flood barriers along the river on Monday as water levels rose for a third day, the city said.</p>
        <figure><img src="b.jpg"><figcaption>Workers raise a barrier.</figcaption></figure>
        <p>The mayor said schools near the embankment would stay closed until Thursday while crews reinforced the walls.</p>
        </article></body></html>"#;
    let article = extract_article(html.as_bytes(), None).unwrap();
    assert_eq!(article.title.as_deref(), Some("Flood barriers raised along the river"));
    assert_eq!(article.authors, vec!["Mira Jovanovic"]);
    assert_eq!(article.published, Some(PartialDate::day(2022, 10, 3)));
    assert_eq!(article.site_name.as_deref(), Some("River Post"));
    assert_eq!(article.lead_image_caption.as_deref(), Some("Workers raise a barrier."));
    assert!(
        !article.body_paragraphs.iter().any(|paragraph| paragraph.contains("Workers raise")),
        "captions stay out of the body"
    );
}

#[test]
fn documents_join_paragraphs_and_take_their_id_from_the_body() {
    let page = news_page(4, true);
    let article = extract_article(page.html.as_bytes(), Some("https://harbour.example/world/story-4")).unwrap();
    let document = article_to_document(article, "saved/story-4.html");
    assert_eq!(document.body, page.paragraphs.join("\n\n"));
    assert_eq!(document.id, dyad_document::content_id(&document.body));
    assert_eq!(document.metadata.source, "saved/story-4.html");
    assert_eq!(document.metadata.byline.as_deref(), Some(page.author.as_str()));
}

#[test]
#[ignore = "reads the shared benchmark folders; run with --ignored --release"]
fn benchmarks_print_reports() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/extraction");
    if !shared.exists() {
        eprintln!("shared/eval/extraction not present; skipping");
        return;
    }
    println!("{}", dyad_html::evaluation::evaluate_zyte(&shared.join("aeb-dev")).unwrap());
    println!("{}", dyad_html::evaluation::evaluate_wcxb(&shared.join("wcxb-dev")).unwrap());
}
