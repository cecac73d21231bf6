//! Word tokens and a fixed, seedable 64-bit hash shared by the near-duplicate index and the
//! story clusterer. Everything here is deterministic across runs, platforms and Rust
//! versions (no `std` hasher, whose algorithm is not promised to stay the same), so the
//! same input always yields the same signatures and story ids.

/// Lower-cased alphanumeric runs of `text`, in order. Apostrophes and hyphens split words,
/// which is what both shingling and sentence overlap want ("al-Assad" → "al", "assad").
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|character: char| !character.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase)
}

/// Words that say nothing about which event a sentence reports.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
    "being", "but", "by", "can", "could", "did", "do", "does", "during", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "if", "in", "into", "is", "it", "its", "last", "more", "most", "mr", "mrs", "ms", "new",
    "not", "of", "on", "one", "or", "other", "our", "over", "said", "says", "she", "should", "so", "some", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "told", "two",
    "under", "until", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will", "with",
    "would", "year", "you",
];

/// True for words that carry content: not a stopword, and longer than one letter unless a number.
pub(crate) fn is_content_word(word: &str) -> bool {
    let is_number = word.chars().all(|character| character.is_ascii_digit());
    (is_number || word.chars().count() > 1) && STOPWORDS.binary_search(&word).is_err()
}

/// FNV-1a over bytes: a fixed, well-known hash, so shingle hashes never change between builds.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// SplitMix64 finaliser: turns a hash and a seed into an independent-looking 64-bit value.
pub(crate) fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_so_binary_search_works() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn words_split_on_punctuation_and_lowercase() {
        let found: Vec<String> = words("Putin met al-Assad, in MOSCOW.").collect();
        assert_eq!(found, ["putin", "met", "al", "assad", "in", "moscow"]);
        assert!(is_content_word("assad"));
        assert!(is_content_word("23"));
        assert!(!is_content_word("the"));
        assert!(!is_content_word("x"));
    }

    #[test]
    fn hashes_are_fixed_values() {
        // FNV-1a of the empty input is its offset basis; a change here would change every id.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(mix(1), mix(2));
    }
}
