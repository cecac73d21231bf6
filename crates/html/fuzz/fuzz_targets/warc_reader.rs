//! Any bytes as a WARC file (plain or gzip): the reader must end, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = dyad_html::WarcReader::new(std::io::BufReader::new(data), "fuzz.warc");
    // Each item consumes input or ends the stream, so the count is bounded by the input.
    for _ in reader.take(data.len() + 2) {}
});
