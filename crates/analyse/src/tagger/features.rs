//! Feature extraction for the perceptron tagger, in the style of Honnibal's tagger.
//!
//! Features are never built as strings: each token's word, suffixes, prefix and shape are
//! hashed once into a [`TokenHashes`], and a feature is the hash of a template number mixed
//! with one or two of those hashes or with the previous predicted tags. The same text always
//! gives the same features on every platform (the hashes read bytes, not pointers), which is
//! what lets a saved model be loaded anywhere.

/// Hashes of one token's parts, computed once per token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenHashes {
    /// Lower-cased word, with numbers folded to `!YEAR` / `!DIGITS`.
    pub word: u64,
    /// The word as written (quotes normalised): the key of the tag dictionary.
    pub exact: u64,
    pub suffix3: u64,
    pub suffix2: u64,
    pub prefix1: u64,
    pub shape: u64,
    /// Last part of a hyphenated word ("three-way" → "way"), 0 when there is no hyphen.
    pub hyphen_tail: u64,
}

/// Number of tag-independent plus tag-dependent features per token (an upper bound).
pub(crate) const MAX_FEATURES: usize = 20;

/// Stand-in "tags" before the first token of a sentence.
pub(crate) const START_TAG: u64 = 1000;
pub(crate) const START2_TAG: u64 = 1001;

const PADDING_BEFORE: [u64; 2] = [0x5354_4152_5431, 0x5354_4152_5432];
const PADDING_AFTER: [u64; 2] = [0x454e_445f_5f31, 0x454e_445f_5f32];

/// Reusable buffers that turn words into [`TokenHashes`] without allocating per token.
#[derive(Default)]
pub(crate) struct HashingBuffers {
    normalised: String,
    lowered: String,
    pub context: Vec<TokenHashes>,
}

impl HashingBuffers {
    /// Fills `self.context` with two padding entries, one entry per word, and two more
    /// padding entries, so features can look two tokens either way without bounds checks.
    pub fn hash_sentence<S: AsRef<str>>(&mut self, words: &[S]) {
        self.context.clear();
        self.context.extend(PADDING_BEFORE.iter().map(|hash| padding_entry(*hash)));
        for word in words {
            let hashes = self.hash_word(word.as_ref());
            self.context.push(hashes);
        }
        self.context.extend(PADDING_AFTER.iter().map(|hash| padding_entry(*hash)));
    }

    fn hash_word(&mut self, word: &str) -> TokenHashes {
        normalise_quotes(word, &mut self.normalised);
        self.lowered.clear();
        if self.normalised.is_ascii() {
            // Most news words: lower-case byte by byte without Unicode tables.
            self.lowered.push_str(&self.normalised);
            self.lowered.make_ascii_lowercase();
        } else {
            self.lowered.extend(self.normalised.chars().flat_map(char::to_lowercase));
        }
        let lowered = self.lowered.as_str();
        let word_hash = match number_class(lowered) {
            Some(class) => hash_bytes(class.as_bytes()),
            None => hash_bytes(lowered.as_bytes()),
        };
        let hyphen_tail = match lowered.rsplit_once('-') {
            Some((head, tail)) if !head.is_empty() && !tail.is_empty() => hash_bytes(tail.as_bytes()),
            _ => 0,
        };
        let first_char_end = self.normalised.chars().next().map_or(0, char::len_utf8);
        TokenHashes {
            word: word_hash,
            exact: hash_bytes(self.normalised.as_bytes()),
            suffix3: hash_bytes(last_chars(lowered, 3).as_bytes()),
            suffix2: hash_bytes(last_chars(lowered, 2).as_bytes()),
            prefix1: hash_bytes(&self.normalised.as_bytes()[..first_char_end]),
            shape: shape_hash(&self.normalised),
            hyphen_tail,
        }
    }
}

fn padding_entry(hash: u64) -> TokenHashes {
    TokenHashes { word: hash, exact: hash, suffix3: hash, suffix2: hash, prefix1: hash, shape: hash, hyphen_tail: 0 }
}

/// Writes `word` into `buffer` with curly and doubled quotes written the treebank way, so
/// that “ and `` look alike to the model, as do ’s and 's.
pub(crate) fn normalise_quotes(word: &str, buffer: &mut String) {
    buffer.clear();
    match word {
        "“" | "``" => buffer.push_str("``"),
        "”" | "''" => buffer.push_str("''"),
        _ if !word.contains(['’', '‘', '`', '“', '”']) => buffer.push_str(word),
        _ => buffer.extend(word.chars().map(|character| match character {
            '’' | '‘' | '`' => '\'',
            '“' | '”' => '"',
            other => other,
        })),
    }
}

/// `!YEAR` for four digits, `!DIGITS` for any other word starting with a digit.
fn number_class(lowered: &str) -> Option<&'static str> {
    let first = lowered.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    if lowered.len() == 4 && lowered.bytes().all(|byte| byte.is_ascii_digit()) {
        Some("!YEAR")
    } else {
        Some("!DIGITS")
    }
}

/// The last `count` characters of `text` (all of it when shorter).
fn last_chars(text: &str, count: usize) -> &str {
    match text.char_indices().rev().nth(count - 1) {
        Some((index, _)) => &text[index..],
        None => text,
    }
}

/// Hash of the word's shape: X for upper case, x for lower case, d for digits, other
/// characters as themselves, runs collapsed, at most 8 symbols ("al-Assad" → x-Xx).
fn shape_hash(word: &str) -> u64 {
    let mut symbols = [0u8; 8];
    let mut length = 0;
    for character in word.chars() {
        let symbol = if character.is_uppercase() {
            b'X'
        } else if character.is_lowercase() {
            b'x'
        } else if character.is_ascii_digit() {
            b'd'
        } else if character.is_ascii() {
            character as u8
        } else {
            b'*'
        };
        if length > 0 && symbols[length - 1] == symbol {
            continue;
        }
        if length == symbols.len() {
            break;
        }
        symbols[length] = symbol;
        length += 1;
    }
    hash_bytes(&symbols[..length])
}

/// FNV-1a over the bytes, finished with a strong mix so that nearby inputs spread out.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(hash)
}

/// MurmurHash3's 64-bit finaliser.
fn finish(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^= hash >> 33;
    hash
}

/// The feature for `template` over two values; never 0, which marks an empty table slot.
fn feature(template: u64, first: u64, second: u64) -> u64 {
    let mixed = finish(
        template.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ first.wrapping_mul(0xbf58_476d_1ce4_e5b9)
            ^ second.rotate_left(29).wrapping_mul(0x94d0_49bb_1331_11eb),
    );
    mixed.max(1)
}

/// Writes the features of the token at `position` (0-based, excluding padding) into
/// `features`, given the two previously predicted tags (as [`tag_value`]s).
pub(crate) fn token_features(
    context: &[TokenHashes],
    position: usize,
    previous_tag: u64,
    second_previous_tag: u64,
    features: &mut Vec<u64>,
) {
    let at = position + 2;
    let token = &context[at];
    features.clear();
    features.extend_from_slice(&[
        feature(0, 0, 0),
        feature(1, token.suffix3, 0),
        feature(2, token.prefix1, 0),
        feature(3, previous_tag, 0),
        feature(4, second_previous_tag, 0),
        feature(5, previous_tag, second_previous_tag),
        feature(6, token.word, 0),
        feature(7, previous_tag, token.word),
        feature(8, context[at - 1].word, 0),
        feature(9, context[at - 1].suffix3, 0),
        feature(10, context[at - 2].word, 0),
        feature(11, context[at + 1].word, 0),
        feature(12, context[at + 1].suffix3, 0),
        feature(13, context[at + 2].word, 0),
        feature(14, token.shape, 0),
        feature(15, token.shape, u64::from(position == 0)),
        feature(16, token.suffix2, 0),
        feature(17, previous_tag, token.suffix3),
        feature(18, token.word, context[at + 1].word),
    ]);
    if token.hyphen_tail != 0 {
        features.push(feature(19, token.hyphen_tail, 0));
    }
}

/// The value a predicted tag contributes to features.
pub(crate) fn tag_value(class: usize) -> u64 {
    class as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_normalised_the_treebank_way() {
        let mut buffer = String::new();
        normalise_quotes("“", &mut buffer);
        assert_eq!(buffer, "``");
        normalise_quotes("Assad’s", &mut buffer);
        assert_eq!(buffer, "Assad's");
        normalise_quotes("n’t", &mut buffer);
        assert_eq!(buffer, "n't");
    }

    #[test]
    fn numbers_fold_to_classes() {
        assert_eq!(number_class("2015"), Some("!YEAR"));
        assert_eq!(number_class("3.5"), Some("!DIGITS"));
        assert_eq!(number_class("troops"), None);
    }

    #[test]
    fn suffixes_count_characters_not_bytes() {
        assert_eq!(last_chars("erdoğan", 3), "ğan");
        assert_eq!(last_chars("at", 3), "at");
    }

    #[test]
    fn shapes_distinguish_case_and_digits() {
        assert_eq!(shape_hash("Moscow"), shape_hash("Paris"));
        assert_ne!(shape_hash("Moscow"), shape_hash("moscow"));
        assert_eq!(shape_hash("3.5"), shape_hash("12.75"));
        assert_ne!(shape_hash("U.S."), shape_hash("US"));
    }

    #[test]
    fn same_words_give_same_features_and_different_words_different_ones() {
        let mut buffers = HashingBuffers::default();
        buffers.hash_sentence(&["Troops", "attacked"]);
        let first = buffers.context.clone();
        buffers.hash_sentence(&["Troops", "attacked"]);
        let mut features_first = Vec::new();
        let mut features_again = Vec::new();
        token_features(&first, 1, 3, 4, &mut features_first);
        token_features(&buffers.context, 1, 3, 4, &mut features_again);
        assert_eq!(features_first, features_again);
        buffers.hash_sentence(&["Troops", "retreated"]);
        token_features(&buffers.context, 1, 3, 4, &mut features_again);
        assert_ne!(features_first, features_again);
        assert!(features_first.iter().all(|feature| *feature != 0));
    }
}
