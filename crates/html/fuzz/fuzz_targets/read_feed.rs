//! Any bytes as an RSS/Atom feed: Ok or Err, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dyad_html::read_feed(data, "fuzz.rss");
});
