//! Feature templates for the arc-eager parser, after Zhang & Nivre (2011): words and tags of
//! the stack top (S0), the buffer front and next two words (N0, N1, N2), S0's head and
//! grandhead, the left- and rightmost dependents of S0 and N0, the S0–N0 distance, valencies
//! and the sets of dependent labels; plus S1 and a bias.
//!
//! Invariant: a feature is a 64-bit hash of its template number and values. Words and tags
//! enter only as hashes of their text (words lowercased), so a model does not depend on any
//! enum's order; labels enter as their index in the model's label list.

use crate::transition::{NONE, State};

/// Room for every template.
pub const MAX_FEATURES: usize = 80;

/// Word and tag hashes of one position of the sentence (position 0 is the root).
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenContext {
    pub word: u64,
    pub tag: u64,
}

const ABSENT_WORD: u64 = 0x5a1e_0000_0000_0001;
const ABSENT_TAG: u64 = 0x5a1e_0000_0000_0002;
const ROOT_WORD: u64 = 0x5a1e_0000_0000_0003;
const ROOT_TAG: u64 = 0x5a1e_0000_0000_0004;
/// Label value of a position with no head yet, or no position at all.
const NO_LABEL: u64 = 0x5a1e_0000_0000_0005;

/// FNV-1a over the text, lowercased when `lowercase`, then mixed.
pub fn hash_text(text: &str, lowercase: bool) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    if lowercase && !text.is_ascii() {
        let mut buffer = [0u8; 4];
        for character in text.chars().flat_map(char::to_lowercase) {
            character.encode_utf8(&mut buffer).bytes().for_each(&mut add);
        }
    } else if lowercase {
        text.bytes().map(|byte| byte.to_ascii_lowercase()).for_each(&mut add);
    } else {
        text.bytes().for_each(&mut add);
    }
    finalise(hash)
}

/// SplitMix64's finaliser: spreads every input bit over the whole hash.
fn finalise(mut value: u64) -> u64 {
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

/// Fills `context` with the root followed by one entry per word.
pub fn sentence_context<W: AsRef<str>, T: AsRef<str>>(words: &[W], tags: &[T], context: &mut Vec<TokenContext>) {
    context.clear();
    context.push(TokenContext { word: ROOT_WORD, tag: ROOT_TAG });
    context.extend(
        words.iter().zip(tags).map(|(word, tag)| TokenContext {
            word: hash_text(word.as_ref(), true),
            tag: hash_text(tag.as_ref(), false),
        }),
    );
}

/// The word, tag and label of one position as feature values.
#[derive(Clone, Copy)]
struct Atom {
    word: u64,
    tag: u64,
    label: u64,
}

fn atom(state: &State, context: &[TokenContext], position: usize) -> Atom {
    if position == NONE {
        return Atom { word: ABSENT_WORD, tag: ABSENT_TAG, label: NO_LABEL };
    }
    let node = &state.nodes[position];
    let label = if node.head == NONE { NO_LABEL } else { u64::from(node.label) };
    Atom { word: context[position].word, tag: context[position].tag, label }
}

fn child(position: usize, pick: impl Fn(&crate::transition::Node) -> usize, state: &State) -> usize {
    if position == NONE { NONE } else { pick(&state.nodes[position]) }
}

fn head_of(state: &State, position: usize) -> usize {
    if position == NONE { NONE } else { state.nodes[position].head }
}

/// Distance between S0 and N0 in buckets, so rare long distances share weights.
fn distance_bucket(stack_top: usize, front: usize) -> u64 {
    if stack_top == NONE || front == NONE {
        return 0;
    }
    match front.abs_diff(stack_top) {
        distance @ 0..=4 => distance as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

struct FeatureWriter<'a> {
    features: &'a mut Vec<u64>,
    template: u64,
}

impl FeatureWriter<'_> {
    /// Adds the next template's feature over `values`.
    fn add(&mut self, values: &[u64]) {
        self.template += 1;
        let mut hash = self.template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for value in values {
            hash = (hash ^ value).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
        }
        self.features.push(finalise(hash));
    }
}

/// The features of `state`, into `features` (cleared first).
pub fn extract(state: &State, context: &[TokenContext], features: &mut Vec<u64>) {
    features.clear();
    let s0_position = state.stack_item(0);
    let n0_position = state.buffer_item(0);
    let s0h_position = head_of(state, s0_position);
    let at = |position: usize| atom(state, context, position);
    let s0 = at(s0_position);
    let s1 = at(state.stack_item(1));
    let n0 = at(n0_position);
    let n1 = at(state.buffer_item(1));
    let n2 = at(state.buffer_item(2));
    let s0h = at(s0h_position);
    let s0h2 = at(head_of(state, s0h_position));
    let s0l = at(child(s0_position, |node| node.leftmost, state));
    let s0l2 = at(child(s0_position, |node| node.second_leftmost, state));
    let s0r = at(child(s0_position, |node| node.rightmost, state));
    let s0r2 = at(child(s0_position, |node| node.second_rightmost, state));
    let n0l = at(child(n0_position, |node| node.leftmost, state));
    let n0l2 = at(child(n0_position, |node| node.second_leftmost, state));
    let distance = distance_bucket(s0_position, n0_position);
    let node_at = |position: usize| if position == NONE { Default::default() } else { state.nodes[position] };
    let (s0_node, n0_node) = (node_at(s0_position), node_at(n0_position));
    let (s0_left_valency, s0_right_valency) = (u64::from(s0_node.left_count), u64::from(s0_node.right_count));
    let n0_left_valency = u64::from(n0_node.left_count);
    let fold = |labels: u128| (labels as u64) ^ ((labels >> 64) as u64).rotate_left(17);
    let (s0_left_labels, s0_right_labels) = (fold(s0_node.left_labels), fold(s0_node.right_labels));
    let n0_left_labels = fold(n0_node.left_labels);

    let mut writer = FeatureWriter { features, template: 0 };
    let mut add = |values: &[u64]| writer.add(values);
    add(&[]);
    // Single positions.
    add(&[s0.word, s0.tag]);
    add(&[s0.word]);
    add(&[s0.tag]);
    add(&[n0.word, n0.tag]);
    add(&[n0.word]);
    add(&[n0.tag]);
    add(&[n1.word, n1.tag]);
    add(&[n1.word]);
    add(&[n1.tag]);
    add(&[n2.word, n2.tag]);
    add(&[n2.word]);
    add(&[n2.tag]);
    add(&[s1.word, s1.tag]);
    add(&[s1.tag]);
    // Pairs of S0 and N0.
    add(&[s0.word, s0.tag, n0.word, n0.tag]);
    add(&[s0.word, s0.tag, n0.word]);
    add(&[s0.word, n0.word, n0.tag]);
    add(&[s0.word, s0.tag, n0.tag]);
    add(&[s0.tag, n0.word, n0.tag]);
    add(&[s0.word, n0.word]);
    add(&[s0.tag, n0.tag]);
    add(&[n0.tag, n1.tag]);
    // Tag trigrams.
    add(&[n0.tag, n1.tag, n2.tag]);
    add(&[s0.tag, n0.tag, n1.tag]);
    add(&[s0h.tag, s0.tag, n0.tag]);
    add(&[s0.tag, s0l.tag, n0.tag]);
    add(&[s0.tag, s0r.tag, n0.tag]);
    add(&[s0.tag, n0.tag, n0l.tag]);
    add(&[s1.tag, s0.tag, n0.tag]);
    // Distance.
    add(&[s0.word, distance]);
    add(&[s0.tag, distance]);
    add(&[n0.word, distance]);
    add(&[n0.tag, distance]);
    add(&[s0.word, n0.word, distance]);
    add(&[s0.tag, n0.tag, distance]);
    // Valency.
    add(&[s0.word, s0_right_valency]);
    add(&[s0.tag, s0_right_valency]);
    add(&[s0.word, s0_left_valency]);
    add(&[s0.tag, s0_left_valency]);
    add(&[n0.word, n0_left_valency]);
    add(&[n0.tag, n0_left_valency]);
    // Heads and outermost dependents.
    add(&[s0h.word]);
    add(&[s0h.tag]);
    add(&[s0.label]);
    add(&[s0l.word]);
    add(&[s0l.tag]);
    add(&[s0l.label]);
    add(&[s0r.word]);
    add(&[s0r.tag]);
    add(&[s0r.label]);
    add(&[n0l.word]);
    add(&[n0l.tag]);
    add(&[n0l.label]);
    // Grandheads and second-outermost dependents.
    add(&[s0h2.word]);
    add(&[s0h2.tag]);
    add(&[s0h.label]);
    add(&[s0l2.word]);
    add(&[s0l2.tag]);
    add(&[s0l2.label]);
    add(&[s0r2.word]);
    add(&[s0r2.tag]);
    add(&[s0r2.label]);
    add(&[n0l2.word]);
    add(&[n0l2.tag]);
    add(&[n0l2.label]);
    add(&[s0.tag, s0l.tag, s0l2.tag]);
    add(&[s0.tag, s0r.tag, s0r2.tag]);
    add(&[s0.tag, s0h.tag, s0h2.tag]);
    add(&[n0.tag, n0l.tag, n0l2.tag]);
    // Label sets.
    add(&[s0.word, s0_right_labels]);
    add(&[s0.tag, s0_right_labels]);
    add(&[s0.word, s0_left_labels]);
    add(&[s0.tag, s0_left_labels]);
    add(&[n0.word, n0_left_labels]);
    add(&[n0.tag, n0_left_labels]);
    // Labels with their words' tags: which relations S0 already has, against N0.
    add(&[s0.tag, s0.label, n0.tag]);
    add(&[s0l.label, s0.tag, n0.tag]);
    add(&[s0r.label, s0.tag, n0.tag]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transition::Move;

    #[test]
    fn words_hash_case_insensitively_and_tags_exactly() {
        assert_eq!(hash_text("Moscow", true), hash_text("MOSCOW", true));
        assert_eq!(hash_text("Ärger", true), hash_text("ärger", true));
        assert_ne!(hash_text("NN", false), hash_text("nn", false));
        assert_ne!(hash_text("NN", false), hash_text("NNS", false));
    }

    #[test]
    fn features_are_distinct_and_change_with_the_state() {
        let mut context = Vec::new();
        sentence_context(&["Rebels", "attacked", "."], &["NNS", "VBD", "."], &mut context);
        assert_eq!(context.len(), 4);
        let mut state = State::new(3, 0);
        let mut first = Vec::new();
        extract(&state, &context, &mut first);
        assert!(first.len() <= MAX_FEATURES);
        let mut sorted = first.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), first.len(), "two templates gave the same hash");
        state.apply(Move::Shift);
        let mut second = Vec::new();
        extract(&state, &context, &mut second);
        assert_eq!(first[0], second[0], "the bias stays");
        assert_ne!(first[1], second[1], "S0 changed");
    }
}
