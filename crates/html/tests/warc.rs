//! WarcReader on archives built here: 1,000+ generated pages with request, warcinfo and
//! image records mixed in, one corrupt record, and (gzip) a corrupt and a truncated member.

mod support;

use dyad_document::PartialDate;
use dyad_html::{HtmlError, WarcReader};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::{BufReader, Write};
use support::{http_response, news_page, response_record, warc_record};

const PAGES: usize = 1_000;

/// Records of the test archive, each a separate byte vector (one gzip member each later).
fn archive_records() -> Vec<Vec<u8>> {
    let mut records = vec![warc_record(
        "warcinfo",
        "urn:uuid:info",
        "Content-Type: application/warc-fields\r\n",
        b"software: dyad-test\r\n",
    )];
    for index in 0..PAGES {
        let page = news_page(index, index % 10 != 0);
        records.push(warc_record(
            "request",
            &format!("urn:uuid:request-{index}"),
            "",
            b"GET / HTTP/1.1\r\nHost: harbour.example\r\n\r\n",
        ));
        records.push(response_record(index, &page));
        if index % 100 == 50 {
            let image = http_response("image/jpeg", &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F']);
            records.push(warc_record(
                "response",
                &format!("urn:uuid:image-{index}"),
                "Content-Type: application/http; msgtype=response\r\n",
                &image,
            ));
        }
        if index == 500 {
            records.push(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:corrupt>\r\nContent-Length: twelve\r\n\r\nnot a block\r\n\r\n".to_vec());
        }
    }
    records
}

fn collect(reader: &mut WarcReader<impl std::io::BufRead>) -> (Vec<dyad_document::Document>, Vec<HtmlError>) {
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for item in reader {
        match item {
            Ok(document) => documents.push(document),
            Err(error) => errors.push(error),
        }
    }
    (documents, errors)
}

#[test]
fn plain_warc_yields_every_page_and_reports_the_corrupt_record() {
    let bytes: Vec<u8> = archive_records().concat();
    let mut reader = WarcReader::new(BufReader::new(bytes.as_slice()), "test.warc");
    let (documents, errors) = collect(&mut reader);
    assert_eq!(documents.len(), PAGES);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(message.contains("urn:uuid:corrupt") && message.contains("Content-Length"), "{message}");
    let stats = reader.stats();
    assert_eq!(stats.documents, PAGES as u64);
    assert_eq!(stats.skipped_content_types, 10);
    assert_eq!(reader.skipped_content_type_counts().most_frequent_first(), vec![("image/jpeg", 10)]);
    assert_eq!(stats.skipped_record_types, PAGES as u64 + 1);

    let first = &documents[0];
    let page = news_page(0, false);
    assert_eq!(first.metadata.url.as_deref(), Some("https://harbour.example/world/story-0"));
    assert_eq!(first.body, page.paragraphs.join("\n\n"), "furniture must be left out");
    // Page 0 states no date, so the WARC-Date is the fallback.
    assert_eq!(first.metadata.published, Some(PartialDate::day(2023, 6, 1)));
    let dated = &documents[7];
    assert_eq!(dated.metadata.published.map(|date| date.to_string()), news_page(7, true).date);
    assert_eq!(dated.metadata.source, "test.warc");
}

#[test]
fn gzip_warc_resumes_after_a_corrupt_member_and_reports_a_truncated_tail() {
    let records = archive_records();
    let mut members: Vec<Vec<u8>> = records
        .iter()
        .map(|record| {
            let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
            encoder.write_all(record).unwrap();
            encoder.finish().unwrap()
        })
        .collect();
    // Corrupt the response of page 200.
    let corrupt_index =
        records.iter().position(|record| String::from_utf8_lossy(record).contains("story-200\r\n")).unwrap();
    // A damaged gzip header: the member cannot be decoded at all.
    members[corrupt_index][2] = 0x07;
    // Cut the last member (the response of the last page) in half.
    let last = members.last_mut().unwrap();
    last.truncate(last.len() / 2);
    let bytes = members.concat();

    let mut reader = WarcReader::new(BufReader::new(bytes.as_slice()), "test.warc.gz");
    let (documents, errors) = collect(&mut reader);
    assert_eq!(documents.len(), PAGES - 2, "every page but the corrupt and the truncated one");
    assert_eq!(errors.len(), 3, "corrupt record, corrupt member and truncated tail: {errors:?}");
    assert!(errors.last().unwrap().to_string().contains("urn:uuid:page-999"), "{errors:?}");
    assert!(errors.iter().any(|error| error.to_string().contains("urn:uuid:corrupt")));
    assert!(
        !documents
            .iter()
            .any(|document| document.metadata.url.as_deref() == Some("https://harbour.example/world/story-200"))
    );
    assert!(
        documents
            .iter()
            .any(|document| document.metadata.url.as_deref() == Some("https://harbour.example/world/story-201"))
    );
}

#[test]
fn empty_and_garbage_inputs_end_cleanly() {
    let mut empty = WarcReader::new(BufReader::new(&b""[..]), "empty.warc");
    assert!(empty.next().is_none());
    let garbage = b"this is not a warc file\nat all\n";
    let (documents, errors) = collect(&mut WarcReader::new(BufReader::new(&garbage[..]), "garbage.warc"));
    assert!(documents.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("garbage.warc"));
}
