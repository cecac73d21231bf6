//! Page and archive generators shared by the integration tests. All text is written here
//! from templates; nothing is copied from real news sites.

#![allow(dead_code)]

const ACTORS: [&str; 8] =
    ["Valdorian", "Kestrian", "Norland", "Eastmarch", "Solvenian", "Brightwater", "Ostrava", "Maridian"];
const CITIES: [&str; 6] = ["Geneva", "Nairobi", "Lisbon", "Tallinn", "Quito", "Hanoi"];
const VERBS: [&str; 5] = ["met", "criticised", "thanked", "warned", "invited"];
const AUTHORS: [&str; 5] = ["Ana Silva", "Tomas Brandt", "Leila Haddad", "Kenji Mori", "Ruth Okafor"];

/// A small deterministic generator, so test pages are reproducible without a rand crate.
pub struct Xorshift(pub u64);

impl Xorshift {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

pub struct GeneratedPage {
    pub html: String,
    pub headline: String,
    pub paragraphs: Vec<String>,
    pub author: String,
    pub date: Option<String>,
}

/// A news page with navigation, a byline, an article, a share bar, a related-stories box
/// and a footer: the furniture the extractor must leave out.
pub fn news_page(index: usize, with_date: bool) -> GeneratedPage {
    let actor = ACTORS[index % ACTORS.len()];
    let other = ACTORS[(index / 3 + 1) % ACTORS.len()];
    let city = CITIES[index % CITIES.len()];
    let verb = VERBS[index % VERBS.len()];
    let author = AUTHORS[index % AUTHORS.len()].to_string();
    let headline = format!("{actor} foreign minister {verb} {other} envoy in {city} (report {index})");
    let paragraphs: Vec<String> = (0..4)
        .map(|paragraph| {
            format!(
                "The {actor} foreign minister {verb} the {other} envoy in {city} on Tuesday, officials said in statement number {index}-{paragraph}, \
                 adding that further talks on trade, border crossings and detained fishermen would follow within weeks."
            )
        })
        .collect();
    let month = index % 12 + 1;
    let day = index % 28 + 1;
    let date = with_date.then(|| format!("2024-{month:02}-{day:02}"));
    let date_meta = date
        .as_ref()
        .map(|date| format!(r#"<meta property="article:published_time" content="{date}T09:00:00Z">"#))
        .unwrap_or_default();
    let date_shown = date.as_ref().map(|date| format!("<time datetime=\"{date}\">{date}</time>")).unwrap_or_default();
    let body: String = paragraphs.iter().map(|paragraph| format!("<p>{paragraph}</p>\n")).collect();
    let html = format!(
        r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{headline} | Harbour Times</title>{date_meta}
<meta name="author" content="{author}"></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<main><article><h1>{headline}</h1><p class="byline">By {author}</p>{date_shown}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
{body}</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Markets rally after rate decision</a></li><li><a href="/b">Storm closes northern ports</a></li></ul></aside></main>
<footer><p>Copyright Harbour Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>"##
    );
    GeneratedPage { html, headline, paragraphs, author, date }
}

/// One WARC record with a correct Content-Length.
pub fn warc_record(kind: &str, record_id: &str, extra_headers: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{record_id}>\r\n{extra_headers}Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

pub fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block =
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
    block.extend_from_slice(body);
    block
}

pub fn response_record(index: usize, page: &GeneratedPage) -> Vec<u8> {
    let headers = format!(
        "WARC-Target-URI: https://harbour.example/world/story-{index}\r\nWARC-Date: 2023-06-{:02}T12:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n",
        index % 28 + 1
    );
    warc_record(
        "response",
        &format!("urn:uuid:page-{index}"),
        &headers,
        &http_response("text/html; charset=utf-8", page.html.as_bytes()),
    )
}
