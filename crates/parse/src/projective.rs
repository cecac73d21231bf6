//! Projectivising training trees by lifting.
//!
//! The arc-eager transition system can only build projective trees, and its dynamic oracle is
//! exact only for projective gold trees. A non-projective tree is made projective by
//! repeatedly lifting the shortest non-projective arc `h → d` to `head(h) → d` (Nivre &
//! Nilsson 2005, without encoding the lift in the label, so the parser never restores it).
//! Relations are kept. Heads are 1-based with 0 the root, as in
//! [`crate::treebank::TreeSentence`].

/// True when word `ancestor` dominates word `node` (reflexively), following `heads`.
fn dominates(heads: &[usize], ancestor: usize, node: usize) -> bool {
    let mut current = node;
    // A tree has no path longer than its size; the bound keeps a malformed input finite.
    for _ in 0..=heads.len() {
        if current == ancestor {
            return true;
        }
        if current == 0 {
            return false;
        }
        current = heads[current - 1];
    }
    false
}

/// True when the arc into `dependent` (1-based) spans a word its head does not dominate.
fn is_non_projective_arc(heads: &[usize], dependent: usize) -> bool {
    let head = heads[dependent - 1];
    let (low, high) = if head < dependent { (head, dependent) } else { (dependent, head) };
    (low + 1..high).any(|between| !dominates(heads, head, between))
}

/// True when every arc of the tree is projective.
pub fn is_projective(heads: &[usize]) -> bool {
    (1..=heads.len()).all(|dependent| !is_non_projective_arc(heads, dependent))
}

/// Makes the tree projective in place by lifting; returns how many lifts it took.
pub fn projectivise(heads: &mut [usize]) -> usize {
    let mut lifts = 0;
    while let Some(dependent) = shortest_non_projective_arc(heads) {
        let head = heads[dependent - 1];
        // Arcs from the root never cross anything it does not dominate, so `head` is a word.
        heads[dependent - 1] = heads[head - 1];
        lifts += 1;
    }
    lifts
}

fn shortest_non_projective_arc(heads: &[usize]) -> Option<usize> {
    (1..=heads.len())
        .filter(|&dependent| is_non_projective_arc(heads, dependent))
        .min_by_key(|&dependent| heads[dependent - 1].abs_diff(dependent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projective_trees_are_left_alone() {
        // "Rebels attacked the base ." : attacked is the root.
        let mut heads = vec![2, 0, 4, 2, 2];
        assert!(is_projective(&heads));
        assert_eq!(projectivise(&mut heads), 0);
        assert_eq!(heads, vec![2, 0, 4, 2, 2]);
    }

    #[test]
    fn lifts_a_crossing_arc_to_the_grandparent() {
        // "A hearing is scheduled on the issue today": "on the issue" (5-7) modifies
        // "hearing" (2) across "scheduled" (4, the root) — non-projective.
        let mut heads = vec![2, 4, 4, 0, 7, 7, 2, 4];
        assert!(!is_projective(&heads));
        assert_eq!(projectivise(&mut heads), 1);
        assert_eq!(heads, vec![2, 4, 4, 0, 7, 7, 4, 4]);
        assert!(is_projective(&heads));
    }
}
