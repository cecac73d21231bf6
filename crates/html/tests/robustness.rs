//! Hostile inputs: random bytes, random tag soup, a 30 MB page, wrong charset declarations
//! and empty pages must give results or errors, never panics.

mod support;

use dyad_html::{WarcReader, extract_article, read_feed};
use std::io::BufReader;
use support::{Xorshift, news_page};

const TAGS: [&str; 16] = [
    "<p>",
    "</p>",
    "<div class=\"share\">",
    "</div>",
    "<article>",
    "<h1>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<table><tr><td>",
    "<meta charset=\"",
    "&amp;",
    "&#xFFFFFF;",
    "<![CDATA[",
    "\u{0}",
];

#[test]
fn random_bytes_and_tag_soup_never_panic() {
    let mut random = Xorshift(0x9E37_79B9_7F4A_7C15);
    for case in 0..3_000 {
        let length = random.below(600);
        let bytes: Vec<u8> = if case % 2 == 0 {
            (0..length).map(|_| random.next() as u8).collect()
        } else {
            let mut soup = String::new();
            for _ in 0..length / 8 {
                match random.below(3) {
                    0 => soup.push_str(TAGS[random.below(TAGS.len())]),
                    1 => soup.push_str("Officials met in Geneva. "),
                    _ => soup.push(char::from_u32(random.next() as u32 % 0x3000).unwrap_or('x')),
                }
            }
            soup.into_bytes()
        };
        let _ = extract_article(&bytes, Some("https://fuzz.example/page"));
        let mut warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n".to_vec();
        warc.extend_from_slice(&bytes);
        for item in WarcReader::new(BufReader::new(warc.as_slice()), "fuzz.warc").take(50) {
            let _ = item;
        }
        let _ = read_feed(&bytes, "fuzz.xml");
    }
}

#[test]
fn gzip_looking_garbage_does_not_hang_or_panic() {
    let mut random = Xorshift(42);
    for _ in 0..300 {
        let mut bytes = vec![0x1f, 0x8b, 0x08];
        bytes.extend((0..random.below(400)).map(|_| random.next() as u8));
        let items: Vec<_> = WarcReader::new(BufReader::new(bytes.as_slice()), "fuzz.warc.gz").take(1000).collect();
        assert!(items.len() < 1000, "reader must make progress through garbage");
    }
}

#[test]
fn empty_and_whitespace_pages_are_errors() {
    for page in
        [&b""[..], b"   \n\t ", b"<html></html>", b"<html><body><nav><a href=\"/\">Home</a></nav></body></html>"]
    {
        let error = extract_article(page, Some("https://empty.example/")).unwrap_err();
        assert!(error.to_string().contains("empty.example"), "{error}");
    }
}

#[test]
fn a_thirty_megabyte_page_is_handled() {
    let page = news_page(3, true);
    let filler: String = "<div class=\"promo\"><a href=\"/x\">More stories from around the region</a></div>\n"
        .repeat(31 * 1024 * 1024 / 70);
    let html = page.html.replace("<footer>", &format!("{filler}<footer>"));
    assert!(html.len() > 30 * 1024 * 1024);
    let article = extract_article(html.as_bytes(), None).expect("the article is still there");
    assert!(article.body_paragraphs.iter().any(|paragraph| paragraph == &page.paragraphs[0]));
}

#[test]
fn wrong_charset_declarations_still_decode() {
    let page =
        news_page(5, true).html.replace("Tuesday", "Genève").replace("charset=\"utf-8\"", "charset=\"iso-8859-1\"");
    let article = extract_article(page.as_bytes(), None).unwrap();
    assert!(article.body_paragraphs[0].contains("Genève"), "{:?}", article.body_paragraphs[0]);
    let cyrillic = news_page(6, true).html.replace("Tuesday", "Женева"); // still declares utf-8
    let (encoded, _, _) = encoding_rs::WINDOWS_1251.encode(&cyrillic);
    let article = extract_article(&encoded, None).unwrap();
    assert!(article.body_paragraphs.iter().any(|paragraph| paragraph.contains("Женева")));
}
