//! Web inputs: saved pages (.html), web archives (.warc, .warc.gz) and RSS/Atom feeds, read
//! by `dyad-html` and turned into this crate's documents and errors.
//!
//! Invariants:
//! - a WARC file is streamed record by record (`dyad_html::WarcReader`), so memory is bounded
//!   by the largest record, never by the archive; a bad record is one error naming the file,
//!   the record id and its byte offset, and reading goes on with the next record; what became
//!   of every record (article, or skipped and why) is added to the stream's `ReadStats` as
//!   the archive is read, not at its end, so a stream dropped early still counts truly;
//! - a page or a feed is read whole, up to `max_document_bytes` (a feed is one input);
//! - documents in any language are kept, never dropped (`crate::language` sets it);
//! - bodies follow the crate-wide rule (paragraphs joined by exactly "\n\n"), which
//!   `dyad-html` guarantees.

use crate::ReadOptions;
use crate::error::{ReadError, one_line};
use crate::source::{BoxedDocuments, InputStream, read_within_limit};
use crate::stats::StatsRecorder;
use dyad_document::Document;
use dyad_html::{ContentTypeCounts, HtmlError, WarcReader, WarcStats};
use std::io::{BufRead, BufReader};

/// The documents of a WARC archive, read lazily one record at a time.
pub(crate) fn warc_documents(input: InputStream, stats: &StatsRecorder) -> BoxedDocuments {
    let name = input.input.clone();
    let reader = WarcReader::new(BufReader::with_capacity(256 * 1024, input.into_reader()), &name);
    stats.count_archive();
    Box::new(CountedWarcRecords {
        reader,
        name,
        counted: WarcStats::default(),
        counted_content_types: ContentTypeCounts::default(),
        stats: stats.clone(),
    })
}

/// A WARC reader that adds what each step read (including the records it skipped on the
/// way to the next document) to the stream's counters.
struct CountedWarcRecords<R: BufRead> {
    reader: WarcReader<R>,
    name: String,
    /// The reader's counters as last added to `stats`.
    counted: WarcStats,
    /// The reader's per-type counts of non-HTML responses as last added to `stats`; only
    /// compared and copied when the reader skipped a non-HTML response since.
    counted_content_types: ContentTypeCounts,
    stats: StatsRecorder,
}

impl<R: BufRead> Iterator for CountedWarcRecords<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.reader.next();
        let now = self.reader.stats();
        self.stats.count_warc_progress(&self.counted, &now);
        if now.skipped_content_types != self.counted.skipped_content_types {
            let content_types = self.reader.skipped_content_type_counts();
            self.stats.count_warc_content_types(&self.counted_content_types, content_types);
            self.counted_content_types = content_types.clone();
        }
        self.counted = now;
        item.map(|record| record.map_err(|error| read_error(&self.name, error)))
    }
}

/// The article of one saved web page (any charset; `dyad-html` decodes it).
pub(crate) fn html_document(input: InputStream, options: &ReadOptions) -> Result<Document, ReadError> {
    let (name, bytes) = read_whole(input, options)?;
    let article = dyad_html::extract_article(&bytes, None).map_err(|error| read_error(&name, error))?;
    Ok(dyad_html::article_to_document(article, &name))
}

/// The items of an RSS or Atom feed, one document each.
pub(crate) fn feed_documents(input: InputStream, options: &ReadOptions) -> BoxedDocuments {
    let documents = read_whole(input, options).and_then(|(name, bytes)| {
        dyad_html::read_feed(&bytes, &name).map_err(|error| read_error(&name, error)).map(|documents| (name, documents))
    });
    match documents {
        Ok((name, documents)) if documents.is_empty() => {
            Box::new(std::iter::once(Err(ReadError::Empty { input: name })))
        }
        Ok((_, documents)) => Box::new(documents.into_iter().map(Ok)),
        Err(error) => Box::new(std::iter::once(Err(error))),
    }
}

/// Reads a page or feed whole, refusing binary files and inputs over the size limit. A
/// UTF-16 page has NUL bytes but a byte-order mark, so it is not taken for binary.
fn read_whole(input: InputStream, options: &ReadOptions) -> Result<(String, Vec<u8>), ReadError> {
    let is_utf16 = input.prefix.starts_with(&[0xFF, 0xFE]) || input.prefix.starts_with(&[0xFE, 0xFF]);
    if input.prefix.contains(&0) && !is_utf16 {
        return Err(ReadError::Binary { input: input.input });
    }
    read_within_limit(input, options)
}

/// This crate's error for a `dyad-html` one: pages without text are empty documents, and a
/// WARC record's error names the archive, the record id and the record's byte offset.
fn read_error(input: &str, error: HtmlError) -> ReadError {
    match error {
        HtmlError::EmptyPage { .. } | HtmlError::NoArticleText { .. } => ReadError::Empty { input: input.to_string() },
        HtmlError::Io { source, .. } => ReadError::Io { input: input.to_string(), action: "read", error: source },
        HtmlError::MalformedWarcRecord { offset, record_id, message } => ReadError::Web {
            input: format!("{input} (WARC record {} at byte {offset})", one_line(&record_id)),
            message: one_line(&message),
        },
        other => ReadError::Web { input: input.to_string(), message: one_line(&other.to_string()) },
    }
}

#[cfg(test)]
mod tests {
    use crate::{InputFormat, ReadError, ReadOptions, read_paths, read_reader};
    use dyad_document::{Document, PartialDate};
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};

    const ENGLISH_PARAGRAPHS: [&str; 4] = [
        "Negotiators from the two governments met in Geneva on Tuesday to discuss a ceasefire along the northern border, officials from both delegations said after the first session ended.",
        "The talks, brokered by regional mediators, focused on the withdrawal of heavy weapons from a demilitarised strip and on the exchange of prisoners held since the fighting began last spring.",
        "A spokesman for the foreign ministry said the delegation had presented a written proposal and expected an answer by the end of the week, adding that progress would depend on the other side.",
        "Opposition leaders in the capital criticised the talks, saying the government had made concessions without consulting parliament, and called for a vote on any agreement before it is signed.",
    ];
    const FRENCH_PARAGRAPHS: [&str; 3] = [
        "Les négociateurs des deux gouvernements se sont réunis mardi à Genève pour discuter d'un cessez-le-feu le long de la frontière nord, ont indiqué les responsables des deux délégations.",
        "Les pourparlers, menés sous l'égide de médiateurs régionaux, ont porté sur le retrait des armes lourdes d'une zone démilitarisée et sur l'échange de prisonniers détenus depuis le printemps dernier.",
        "Un porte-parole du ministère des affaires étrangères a déclaré que la délégation avait présenté une proposition écrite et attendait une réponse avant la fin de la semaine.",
    ];

    fn news_page(title: &str, paragraphs: &[&str], lang_attribute: &str) -> String {
        let body: String = paragraphs.iter().map(|paragraph| format!("<p>{paragraph}</p>\n")).collect();
        format!(
            "<!DOCTYPE html><html{lang_attribute}><head><meta charset=\"utf-8\"><title>{title} | Harbour Times</title>\
             <meta property=\"article:published_time\" content=\"2024-03-12T09:30:00Z\"></head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>\
             <article><h1>{title}</h1><p class=\"byline\">By <a rel=\"author\" href=\"/staff/jane-okafor\">Jane Okafor</a></p>\
             <time datetime=\"2024-03-12T09:30:00Z\">March 12, 2024</time>\
             <figure><img src=\"a.jpg\"><figcaption>Delegates arrive at the conference centre on Tuesday morning.</figcaption></figure>\
             {body}</article><footer>Copyright Harbour Times. All rights reserved.</footer></body></html>"
        )
    }

    fn write(directory: &Path, name: &str, contents: &[u8]) -> PathBuf {
        let path = directory.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn warc_record(kind: &str, record_id: &str, block: &[u8]) -> Vec<u8> {
        let mut record = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{record_id}>\r\nWARC-Date: 2024-03-12T10:00:00Z\r\n\
             WARC-Target-URI: https://harbour.example/world/{record_id}\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        record.extend_from_slice(block);
        record.extend_from_slice(b"\r\n\r\n");
        record
    }

    fn html_response(page: &str) -> Vec<u8> {
        let mut response = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
            page.len()
        )
        .into_bytes();
        response.extend_from_slice(page.as_bytes());
        response
    }

    fn gzip_member(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn assert_body_follows_the_crate_rule(document: &Document) {
        assert_eq!(document.body.trim(), document.body);
        assert!(document.body.split("\n\n").all(|paragraph| !paragraph.is_empty() && !paragraph.contains('\n')));
    }

    #[test]
    fn an_html_file_becomes_one_article_without_menus_or_captions() {
        let directory = tempfile::tempdir().unwrap();
        let page = news_page("Ceasefire talks open in Geneva", &ENGLISH_PARAGRAPHS, " lang=\"en\"");
        let path = write(directory.path(), "talks.html", page.as_bytes());
        let documents: Vec<Document> =
            read_paths(std::slice::from_ref(&path), &ReadOptions::default()).map(Result::unwrap).collect();
        assert_eq!(documents.len(), 1);
        let document = &documents[0];
        assert_body_follows_the_crate_rule(document);
        assert_eq!(document.metadata.title.as_deref(), Some("Ceasefire talks open in Geneva"));
        assert_eq!(document.metadata.source, path.display().to_string());
        assert_eq!(document.metadata.language.as_deref(), Some("en"));
        assert_eq!(document.metadata.byline.as_deref(), Some("Jane Okafor"));
        assert_eq!(document.metadata.published, Some(PartialDate { year: 2024, month: Some(3), day: Some(12) }));
        assert!(document.body.starts_with("Negotiators from the two governments"), "{}", document.body);
        assert!(document.body.contains("called for a vote on any agreement"), "{}", document.body);
        for furniture in ["Delegates arrive", "Sport", "Copyright"] {
            assert!(!document.body.contains(furniture), "{furniture} kept in {}", document.body);
        }
    }

    #[test]
    fn a_page_in_another_language_is_kept_with_its_detected_language() {
        let page = news_page("Pourparlers de cessez-le-feu à Genève", &FRENCH_PARAGRAPHS, "");
        let options = ReadOptions { format: InputFormat::Html, ..ReadOptions::default() };
        let documents: Vec<_> = read_reader(std::io::Cursor::new(page.into_bytes()), "page", &options).collect();
        let document = documents[0].as_ref().unwrap();
        assert_eq!(document.metadata.language.as_deref(), Some("fr"));
        assert!(document.body.starts_with("Les négociateurs"));
    }

    #[test]
    fn a_page_without_text_is_an_empty_document_named_by_its_path() {
        let directory = tempfile::tempdir().unwrap();
        let path = write(directory.path(), "menu.html", b"<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        let error = read_paths(std::slice::from_ref(&path), &ReadOptions::default()).next().unwrap().unwrap_err();
        assert_eq!(error.to_string(), format!("{}: empty document", path.display()));
    }

    #[test]
    fn a_gzipped_warc_gives_one_document_per_page_and_one_error_per_bad_record() {
        let directory = tempfile::tempdir().unwrap();
        let english = news_page("Ceasefire talks open in Geneva", &ENGLISH_PARAGRAPHS, "");
        let french = news_page("Pourparlers à Genève", &FRENCH_PARAGRAPHS, "");
        let mut archive = gzip_member(&warc_record("warcinfo", "urn:uuid:info", b"software: dyad-test\r\n"));
        archive.extend(gzip_member(&warc_record("response", "urn:uuid:first", &html_response(&english))));
        let mut broken = warc_record("response", "urn:uuid:broken", &html_response(&english));
        let length_header = broken.windows(16).position(|window| window == b"Content-Length: ").unwrap();
        broken[length_header + 16] = b'x';
        archive.extend(gzip_member(&broken));
        archive.extend(gzip_member(&warc_record("response", "urn:uuid:second", &html_response(&french))));
        let path = write(directory.path(), "crawl.warc.gz", &archive);

        let results: Vec<_> = read_paths(std::slice::from_ref(&path), &ReadOptions::default()).collect();
        assert_eq!(results.len(), 3, "{results:?}");
        let first = results[0].as_ref().unwrap();
        assert_eq!(first.metadata.url.as_deref(), Some("https://harbour.example/world/urn:uuid:first"));
        assert_eq!(first.metadata.source, path.display().to_string());
        assert_eq!(first.metadata.language.as_deref(), Some("en"));
        assert_body_follows_the_crate_rule(first);
        let error = results[1].as_ref().unwrap_err();
        assert!(matches!(error, ReadError::Web { .. }), "{error}");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{} (WARC record <urn:uuid:broken> at byte ", path.display())),
            "{message}"
        );
        assert!(!message.contains('\n'));
        let second = results[2].as_ref().unwrap();
        assert_eq!(second.metadata.language.as_deref(), Some("fr"), "non-English records are kept");
    }

    fn http_response(content_type: &str, payload: &[u8]) -> Vec<u8> {
        let mut response =
            format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", payload.len())
                .into_bytes();
        response.extend_from_slice(payload);
        response
    }

    #[test]
    fn the_stream_counts_each_warc_record_under_the_reason_it_was_kept_or_skipped() {
        let directory = tempfile::tempdir().unwrap();
        let english = news_page("Ceasefire talks open in Geneva", &ENGLISH_PARAGRAPHS, "");
        let french = news_page("Pourparlers à Genève", &FRENCH_PARAGRAPHS, "");
        let no_text = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";
        let records = [
            warc_record("warcinfo", "urn:uuid:info", b"software: dyad-test\r\n"),
            warc_record("request", "urn:uuid:request", b"GET /world/talks HTTP/1.1\r\n\r\n"),
            warc_record("response", "urn:uuid:english", &html_response(&english)),
            warc_record("response", "urn:uuid:pdf", &http_response("application/pdf", b"%PDF-1.7 not really")),
            warc_record("response", "urn:uuid:png", &http_response("image/png", b"\x89PNG\r\n\x1a\n")),
            warc_record("response", "urn:uuid:empty", &html_response(no_text)),
            b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:corrupt>\r\nContent-Length: many\r\n\r\n"
                .to_vec(),
            warc_record("response", "urn:uuid:french", &html_response(&french)),
        ];
        let archive: Vec<u8> = records.iter().flat_map(|record| gzip_member(record)).collect();
        let path = write(directory.path(), "crawl.warc.gz", &archive);
        let mut stream = read_paths(&[path], &ReadOptions::default());
        let results: Vec<_> = stream.by_ref().collect();
        assert_eq!(results.iter().filter(|result| result.is_ok()).count(), 2);
        let corrupt = results.iter().find_map(|result| result.as_ref().err()).expect("the corrupt record's error");
        assert!(corrupt.to_string().contains("urn:uuid:corrupt"), "{corrupt}");
        let stats = stream.stats();
        assert_eq!((stats.documents, stats.errors), (2, 1));
        let warc = stats.warc;
        assert_eq!(warc.archives, 1);
        assert_eq!(warc.records, 8);
        assert_eq!(warc.articles, 2);
        assert_eq!(warc.non_response_records, 2);
        assert_eq!(warc.non_html_responses, 2);
        assert_eq!(warc.non_html_content_types.most_frequent_first(), vec![("application/pdf", 1), ("image/png", 1)]);
        assert_eq!(warc.pages_without_text, 1);
        assert_eq!(warc.corrupt_records, 1);
        assert_eq!(warc.articles + warc.skipped(), warc.records);
    }

    #[test]
    fn counts_are_kept_up_to_date_while_the_archive_is_read() {
        let page = news_page("Ceasefire talks open in Geneva", &ENGLISH_PARAGRAPHS, "");
        let mut archive = warc_record("warcinfo", "urn:uuid:info", b"software: dyad-test\r\n");
        archive.extend(warc_record("response", "urn:uuid:first", &html_response(&page)));
        archive.extend(warc_record("response", "urn:uuid:second", &html_response(&page)));
        let options = ReadOptions { format: InputFormat::Warc, ..ReadOptions::default() };
        let mut stream = read_reader(std::io::Cursor::new(archive), "crawl.warc", &options);
        assert!(stream.next().is_some_and(|first| first.is_ok()));
        let after_first = stream.stats();
        assert_eq!((after_first.warc.records, after_first.warc.articles, after_first.documents), (2, 1, 1));
        assert_eq!(stream.by_ref().count(), 1);
        assert_eq!(stream.stats().warc.articles, 2);
    }

    /// An endless WARC stream: the same record over and over, counting the bytes handed out.
    struct EndlessArchive {
        record: Vec<u8>,
        position: usize,
        bytes_served: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    }

    impl Read for EndlessArchive {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            let available = &self.record[self.position..];
            let count = available.len().min(buffer.len());
            buffer[..count].copy_from_slice(&available[..count]);
            self.position = (self.position + count) % self.record.len();
            self.bytes_served.fetch_add(count, std::sync::atomic::Ordering::Relaxed);
            Ok(count)
        }
    }

    #[test]
    fn a_warc_stream_is_read_record_by_record_not_whole() {
        let page = news_page("Ceasefire talks open in Geneva", &ENGLISH_PARAGRAPHS, "");
        let record = warc_record("response", "urn:uuid:page", &html_response(&page));
        let bytes_served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let archive = EndlessArchive { record: record.clone(), position: 0, bytes_served: bytes_served.clone() };
        let options = ReadOptions { format: InputFormat::Warc, ..ReadOptions::default() };
        let documents: Vec<_> = read_reader(archive, "endless", &options).take(3).collect();
        assert_eq!(documents.len(), 3);
        assert!(documents.iter().all(Result::is_ok));
        let served = bytes_served.load(std::sync::atomic::Ordering::Relaxed);
        assert!(served < 3 * record.len() + 512 * 1024, "{served} bytes read for three records");
    }

    #[test]
    fn an_rss_file_gives_one_document_per_item() {
        let directory = tempfile::tempdir().unwrap();
        let feed = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
             <channel><title>Harbour Times: World</title>\
             <item><title>Ceasefire talks open in Geneva</title><link>https://harbour.example/world/talks</link>\
             <pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate>\
             <content:encoded><![CDATA[<p>{}</p><p>{}</p>]]></content:encoded></item>\
             <item><title>Pourparlers à Genève</title><link>https://harbour.example/fr/pourparlers</link>\
             <description>{}</description></item></channel></rss>",
            ENGLISH_PARAGRAPHS[0], ENGLISH_PARAGRAPHS[1], FRENCH_PARAGRAPHS[0]
        );
        let path = write(directory.path(), "world.rss", feed.as_bytes());
        let documents: Vec<Document> = read_paths(&[path], &ReadOptions::default()).map(Result::unwrap).collect();
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].metadata.title.as_deref(), Some("Ceasefire talks open in Geneva"));
        assert_eq!(documents[0].metadata.published, Some(PartialDate { year: 2024, month: Some(3), day: Some(12) }));
        assert_eq!(documents[0].body, format!("{}\n\n{}", ENGLISH_PARAGRAPHS[0], ENGLISH_PARAGRAPHS[1]));
        assert_eq!(documents[0].metadata.language.as_deref(), Some("en"));
        assert_eq!(documents[1].metadata.language.as_deref(), Some("fr"));
        assert_eq!(documents[1].body, FRENCH_PARAGRAPHS[0]);
    }

    #[test]
    fn a_feed_that_is_not_xml_names_the_file() {
        let directory = tempfile::tempdir().unwrap();
        let path = write(directory.path(), "broken.rss", b"<rss><channel><item><title>Talks</title></item></chan");
        let results: Vec<_> = read_paths(std::slice::from_ref(&path), &ReadOptions::default()).collect();
        assert_eq!(results.len(), 1);
        let message = results[0].as_ref().unwrap_err().to_string();
        assert!(message.starts_with(&path.display().to_string()), "{message}");
    }
}
