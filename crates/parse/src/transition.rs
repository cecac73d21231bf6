//! The arc-eager transition system (Nivre 2003) with a dynamic oracle (Goldberg & Nivre 2012).
//!
//! Positions: 0 is the artificial root, words are `1..=len`. A configuration is a stack
//! (bottom is always the root), a buffer (the words from `front` on, in order) and the arcs
//! built so far. Moves:
//!
//! - `Shift`: push the buffer front.
//! - `Reduce`: pop the stack top; only when it already has a head.
//! - `Left(label)`: the buffer front becomes the head of the stack top, which is popped;
//!   only when the top is a word without a head.
//! - `Right(label)`: the stack top becomes the head of the buffer front, which is pushed.
//!
//! Parsing ends when the buffer is empty. Invariants: a word gets at most one head, every
//! arc is projective, and the root gets at most one dependent (`Right` from the root is only
//! allowed with the root label, once), so [`State::finish`] returns a tree with one root.
//! Words still without a head at the end are attached to the root word with [`FALLBACK_RELATION`].
//!
//! Moves are numbered as classes for the perceptron: 0 `Shift`, 1 `Reduce`, `2 + 2·label`
//! `Left(label)`, `3 + 2·label` `Right(label)`.

/// Stands for "no position" in heads and child slots.
pub const NONE: usize = usize::MAX;

/// The relation given to words the parser left without a head: UD's unspecified dependency.
pub const FALLBACK_RELATION: &str = "dep";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Shift,
    Reduce,
    Left(u8),
    Right(u8),
}

impl Move {
    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::Reduce => 1,
            Move::Left(label) => 2 + 2 * usize::from(label),
            Move::Right(label) => 3 + 2 * usize::from(label),
        }
    }

    pub fn from_class(class: usize) -> Move {
        match class {
            0 => Move::Shift,
            1 => Move::Reduce,
            _ if class & 1 == 0 => Move::Left(((class - 2) / 2) as u8),
            _ => Move::Right(((class - 3) / 2) as u8),
        }
    }
}

/// Number of classes for `label_count` labels.
pub fn class_count(label_count: usize) -> usize {
    2 + 2 * label_count
}

/// What a node has collected so far: its head and the dependents the features look at.
#[derive(Clone, Copy, Debug)]
pub struct Node {
    pub head: usize,
    pub label: u8,
    pub leftmost: usize,
    pub second_leftmost: usize,
    pub rightmost: usize,
    pub second_rightmost: usize,
    pub left_count: u8,
    pub right_count: u8,
    /// Bit `label` set when a left (right) dependent has that label.
    pub left_labels: u128,
    pub right_labels: u128,
}

impl Default for Node {
    fn default() -> Node {
        Node {
            head: NONE,
            label: 0,
            leftmost: NONE,
            second_leftmost: NONE,
            rightmost: NONE,
            second_rightmost: NONE,
            left_count: 0,
            right_count: 0,
            left_labels: 0,
            right_labels: 0,
        }
    }
}

/// A parser configuration for a sentence of `word_count` words.
#[derive(Clone, Debug)]
pub struct State {
    pub stack: Vec<usize>,
    /// First position of the buffer; the buffer is empty when it exceeds `word_count`.
    pub front: usize,
    pub word_count: usize,
    /// Indexed by position; `nodes[0]` is the root.
    pub nodes: Vec<Node>,
    root_label: u8,
}

impl State {
    pub fn new(word_count: usize, root_label: u8) -> State {
        State { stack: vec![0], front: 1, word_count, nodes: vec![Node::default(); word_count + 1], root_label }
    }

    /// Resets to the start configuration for `word_count` words, keeping allocations.
    pub fn reset(&mut self, word_count: usize) {
        self.stack.clear();
        self.stack.push(0);
        self.front = 1;
        self.word_count = word_count;
        self.nodes.clear();
        self.nodes.resize(word_count + 1, Node::default());
    }

    pub fn is_terminal(&self) -> bool {
        self.front > self.word_count
    }

    pub fn top(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    /// The `depth`-th stack item from the top (0 = top), or [`NONE`].
    pub fn stack_item(&self, depth: usize) -> usize {
        self.stack.len().checked_sub(depth + 1).map_or(NONE, |index| self.stack[index])
    }

    /// The `offset`-th buffer word (0 = front), or [`NONE`].
    pub fn buffer_item(&self, offset: usize) -> usize {
        let position = self.front + offset;
        if position <= self.word_count { position } else { NONE }
    }

    pub fn is_valid(&self, movement: Move) -> bool {
        if self.is_terminal() {
            return false;
        }
        let top = self.top();
        match movement {
            Move::Shift => true,
            Move::Reduce => top != 0 && self.nodes[top].head != NONE,
            Move::Left(label) => top != 0 && self.nodes[top].head == NONE && label != self.root_label,
            Move::Right(label) => {
                if top == 0 {
                    label == self.root_label && self.nodes[0].right_count == 0
                } else {
                    label != self.root_label
                }
            }
        }
    }

    /// Applies a move; the caller checks [`State::is_valid`] first.
    pub fn apply(&mut self, movement: Move) {
        match movement {
            Move::Shift => {
                self.stack.push(self.front);
                self.front += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left(label) => {
                let dependent = self.stack.pop().unwrap_or(0);
                self.add_arc(self.front, dependent, label);
            }
            Move::Right(label) => {
                self.add_arc(self.top(), self.front, label);
                self.stack.push(self.front);
                self.front += 1;
            }
        }
    }

    fn add_arc(&mut self, head: usize, dependent: usize, label: u8) {
        self.nodes[dependent].head = head;
        self.nodes[dependent].label = label;
        let node = &mut self.nodes[head];
        if dependent < head {
            // Left dependents arrive from the nearest outwards, so each new one is leftmost.
            node.second_leftmost = node.leftmost;
            node.leftmost = dependent;
            node.left_count = node.left_count.saturating_add(1);
            node.left_labels |= 1u128 << (label & 127);
        } else {
            // Right dependents arrive left to right, so each new one is rightmost.
            node.second_rightmost = node.rightmost;
            node.rightmost = dependent;
            node.right_count = node.right_count.saturating_add(1);
            node.right_labels |= 1u128 << (label & 127);
        }
    }

    /// Heads (0 = root) and labels of the words, 1-based positions as 0-based vector entries.
    /// Words without a head are attached to the root word (or become it when there is none)
    /// with `fallback_label`.
    pub fn finish(&self, fallback_label: u8) -> (Vec<usize>, Vec<u8>) {
        let mut heads: Vec<usize> = self.nodes[1..].iter().map(|node| node.head).collect();
        let mut labels: Vec<u8> = self.nodes[1..].iter().map(|node| node.label).collect();
        let mut root_word = heads.iter().position(|&head| head == 0).map(|index| index + 1);
        for index in 0..heads.len() {
            if heads[index] != NONE {
                continue;
            }
            match root_word {
                Some(root) => {
                    heads[index] = root;
                    labels[index] = fallback_label;
                }
                None => {
                    heads[index] = 0;
                    labels[index] = self.root_label;
                    root_word = Some(index + 1);
                }
            }
        }
        (heads, labels)
    }
}

/// A gold tree for the oracle: per position (0 = root, unused) its head and label.
pub struct GoldTree<'a> {
    pub heads: &'a [usize],
    pub labels: &'a [u8],
}

impl GoldTree<'_> {
    fn head(&self, position: usize) -> usize {
        self.heads[position - 1]
    }

    fn label(&self, position: usize) -> u8 {
        self.labels[position - 1]
    }
}

/// Arcs of a projective gold tree that `movement` makes unreachable from `state`
/// (Goldberg & Nivre 2012), counting a right head with a wrong label as one lost arc.
pub fn cost(state: &State, gold: &GoldTree, movement: Move) -> usize {
    let top = state.top();
    let front = state.front;
    match movement {
        Move::Shift => {
            usize::from(gold_head_in_stack(state, gold, front)) + headless_stack_dependents(state, gold, front)
        }
        Move::Reduce => buffer_dependents(state, gold, top, front),
        Move::Left(label) => {
            let head = gold.head(top);
            let lost_head = head > front;
            let wrong_label = head == front && gold.label(top) != label;
            usize::from(lost_head || wrong_label) + buffer_dependents(state, gold, top, front)
        }
        Move::Right(label) => {
            let head = gold.head(front);
            let lost_head = head != top && (head > front || gold_head_in_stack(state, gold, front));
            let wrong_label = head == top && gold.label(front) != label;
            usize::from(lost_head || wrong_label) + headless_stack_dependents(state, gold, front)
        }
    }
}

fn gold_head_in_stack(state: &State, gold: &GoldTree, word: usize) -> bool {
    let head = gold.head(word);
    state.stack.contains(&head)
}

/// Stack words without a head whose gold head is `word`.
fn headless_stack_dependents(state: &State, gold: &GoldTree, word: usize) -> usize {
    state.stack.iter().filter(|&&item| item != 0 && state.nodes[item].head == NONE && gold.head(item) == word).count()
}

/// Buffer words (from `front` on) whose gold head is `head`.
fn buffer_dependents(state: &State, gold: &GoldTree, head: usize, front: usize) -> usize {
    (front..=state.word_count).filter(|&word| gold.head(word) == head).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: u8 = 0;

    /// Parses by always taking the first valid zero-cost move.
    fn oracle_parse(heads: &[usize], labels: &[u8]) -> (Vec<usize>, Vec<u8>) {
        let gold = GoldTree { heads, labels };
        let mut state = State::new(heads.len(), ROOT);
        let label_count = 8;
        while !state.is_terminal() {
            let movement = (0..class_count(label_count))
                .map(Move::from_class)
                .find(|&movement| state.is_valid(movement) && cost(&state, &gold, movement) == 0)
                .expect("a projective tree always has a zero-cost move");
            state.apply(movement);
        }
        state.finish(7)
    }

    #[test]
    fn classes_round_trip() {
        for class in 0..class_count(60) {
            assert_eq!(Move::from_class(class).class(), class);
        }
        assert_eq!(Move::Left(3).class(), 8);
        assert_eq!(Move::Right(3).class(), 9);
    }

    #[test]
    fn oracle_rebuilds_projective_gold_trees() {
        // "Rebels attacked the base near Aleppo ." with labels 1 nsubj, 2 det, 3 obj, 4 case,
        // 5 nmod, 6 punct; 0 is root.
        let trees: [(&[usize], &[u8]); 4] = [
            (&[2, 0, 4, 2, 6, 4, 2], &[1, ROOT, 2, 3, 4, 5, 6]),
            // A single word.
            (&[0], &[ROOT]),
            // Head-final chain: "very big old houses".
            (&[2, 4, 4, 0], &[5, 5, 5, ROOT]),
            // Root at the end with a right-branching chain before it.
            (&[3, 1, 0, 3, 4], &[1, 2, ROOT, 3, 4]),
        ];
        for (heads, labels) in trees {
            assert_eq!(oracle_parse(heads, labels), (heads.to_vec(), labels.to_vec()), "{heads:?}");
        }
    }

    #[test]
    fn wrong_moves_cost_what_they_lose() {
        // "Rebels attacked the base ." heads [2, 0, 4, 2, 2].
        let heads = [2, 0, 4, 2, 2];
        let labels = [1, ROOT, 2, 3, 6];
        let gold = GoldTree { heads: &heads, labels: &labels };
        let mut state = State::new(5, ROOT);
        // Attaching "Rebels" to the root loses its arc from "attacked"...
        assert!(!state.is_valid(Move::Right(1)));
        assert_eq!(cost(&state, &gold, Move::Right(ROOT)), 1);
        state.apply(Move::Shift);
        // ...and with "Rebels" on the stack, Left with the wrong label costs one arc.
        assert_eq!(cost(&state, &gold, Move::Left(1)), 0);
        assert_eq!(cost(&state, &gold, Move::Left(2)), 1);
        // Shifting "attacked" loses its arc from the root and its arc to "Rebels".
        assert_eq!(cost(&state, &gold, Move::Shift), 2);
        assert!(!state.is_valid(Move::Reduce));
    }

    #[test]
    fn finish_attaches_headless_words_to_the_root_word() {
        let mut state = State::new(3, ROOT);
        state.apply(Move::Shift);
        state.apply(Move::Shift);
        state.apply(Move::Shift);
        assert!(state.is_terminal());
        let (heads, labels) = state.finish(7);
        assert_eq!(heads, vec![0, 1, 1]);
        assert_eq!(labels, vec![ROOT, 7, 7]);
    }

    #[test]
    fn root_takes_one_dependent() {
        let mut state = State::new(2, ROOT);
        state.apply(Move::Right(ROOT));
        state.apply(Move::Reduce);
        assert_eq!(state.top(), 0);
        assert!(!state.is_valid(Move::Right(ROOT)));
        assert!(state.is_valid(Move::Shift));
    }
}
