//! Counts of skipped web-archive responses by what they held ("application/pdf 3,
//! image/png 2"), for ingest summaries.
//!
//! Invariants:
//! - memory is bounded: at most [`MAX_DISTINCT_CONTENT_TYPES`] keys are kept; responses of
//!   any further type are counted under [`OTHER_CONTENT_TYPES`], so the total is exact;
//! - keys are media types lower-cased without parameters (`text/plain; charset=utf-8` →
//!   `text/plain`), or a short reason when the response has no usable type (see the
//!   `*_KEY` constants of the WARC reader).

/// The most distinct keys a [`ContentTypeCounts`] keeps before lumping types together.
pub const MAX_DISTINCT_CONTENT_TYPES: usize = 64;
/// The key under which types beyond the first [`MAX_DISTINCT_CONTENT_TYPES`] are counted.
pub const OTHER_CONTENT_TYPES: &str = "other";

/// Counts by content type, in the order the types were first seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContentTypeCounts {
    // A short vector, not a map: at most 65 entries, searched linearly, cloned cheaply.
    counts: Vec<(String, u64)>,
}

impl ContentTypeCounts {
    /// Adds `count` responses of `content_type` (a raw `Content-Type` value or a key).
    pub fn add(&mut self, content_type: &str, count: u64) {
        if count == 0 {
            return;
        }
        let key = media_type_key(content_type);
        if let Some((_, total)) = self.counts.iter_mut().find(|(known, _)| *known == key) {
            *total += count;
            return;
        }
        let distinct_types = self.counts.iter().filter(|(known, _)| known != OTHER_CONTENT_TYPES).count();
        let key = if distinct_types >= MAX_DISTINCT_CONTENT_TYPES { OTHER_CONTENT_TYPES.to_string() } else { key };
        match self.counts.iter_mut().find(|(known, _)| *known == key) {
            Some((_, total)) => *total += count,
            None => self.counts.push((key, count)),
        }
    }

    /// Adds what `after` counted beyond `before` (two snapshots of one growing counter).
    pub fn add_difference(&mut self, before: &ContentTypeCounts, after: &ContentTypeCounts) {
        for (key, count) in &after.counts {
            self.add(key, count.saturating_sub(before.get(key)));
        }
    }

    /// The count for a key (a media type as [`media_type_key`] writes it).
    pub fn get(&self, key: &str) -> u64 {
        self.counts.iter().find(|(known, _)| known == key).map_or(0, |(_, count)| *count)
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().map(|(_, count)| count).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// `(key, count)` pairs, most frequent first, ties in alphabetical order.
    pub fn most_frequent_first(&self) -> Vec<(&str, u64)> {
        let mut pairs: Vec<(&str, u64)> = self.counts.iter().map(|(key, count)| (key.as_str(), *count)).collect();
        pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        pairs
    }
}

/// `Text/Plain; charset=UTF-8` → `text/plain`; an empty value → `unknown`. Long values are
/// cut to 100 bytes so that a hostile header cannot grow the counter.
pub fn media_type_key(content_type: &str) -> String {
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    if media_type.is_empty() {
        return "unknown".to_string();
    }
    let mut end = media_type.len().min(100);
    while !media_type.is_char_boundary(end) {
        end -= 1;
    }
    media_type[..end].to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_lose_parameters_and_case() {
        assert_eq!(media_type_key("Application/PDF"), "application/pdf");
        assert_eq!(media_type_key("text/plain; charset=utf-8"), "text/plain");
        assert_eq!(media_type_key("  "), "unknown");
        let long = format!("image/{}", "é".repeat(80));
        let key = media_type_key(&long);
        assert!(key.len() <= 100 && long.starts_with(&key));
    }

    #[test]
    fn counts_are_listed_most_frequent_first() {
        let mut counts = ContentTypeCounts::default();
        counts.add("image/png", 2);
        counts.add("application/pdf; version=1.7", 1);
        counts.add("APPLICATION/PDF", 2);
        counts.add("image/gif", 2);
        counts.add("text/css", 0);
        assert_eq!(counts.most_frequent_first(), vec![("application/pdf", 3), ("image/gif", 2), ("image/png", 2)]);
        assert_eq!(counts.total(), 7);
    }

    #[test]
    fn types_beyond_the_cap_are_counted_as_other() {
        let mut counts = ContentTypeCounts::default();
        for index in 0..MAX_DISTINCT_CONTENT_TYPES + 10 {
            counts.add(&format!("application/x-type-{index}"), 1);
        }
        counts.add("application/x-type-0", 1);
        assert_eq!(counts.most_frequent_first().len(), MAX_DISTINCT_CONTENT_TYPES + 1);
        assert_eq!(counts.get(OTHER_CONTENT_TYPES), 10);
        assert_eq!(counts.get("application/x-type-0"), 2);
        assert_eq!(counts.total(), MAX_DISTINCT_CONTENT_TYPES as u64 + 11);
    }

    #[test]
    fn differences_between_snapshots_are_added() {
        let mut before = ContentTypeCounts::default();
        before.add("image/png", 1);
        let mut after = before.clone();
        after.add("image/png", 2);
        after.add("application/pdf", 1);
        let mut total = ContentTypeCounts::default();
        total.add_difference(&ContentTypeCounts::default(), &before);
        total.add_difference(&before, &after);
        assert_eq!(total, after);
    }
}
