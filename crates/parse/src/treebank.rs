//! Reading dependency trees from CoNLL-U treebank files (such as GUM) in the form the parser
//! sees at run time.
//!
//! Only word lines count: multiword-token ranges (`1-2`) and empty nodes (`1.1`) are skipped,
//! comments (`#`) are ignored and a blank line ends a sentence. Tags come from the XPOS
//! column (Penn tags), relations from DEPREL (with subtypes, such as `acl:relcl`).
//!
//! dyad's tokenizer keeps `al-Assad` as one token where GUM has three (`al`, `-`, `Assad`),
//! so such groups are merged here exactly as [`dyad_analyse::conllu::join_hyphenated_words`]
//! merges them for the tagger: the merged word takes the tag, head and relation of the
//! group's member whose head lies outside the group, and arcs into the group point to the
//! merged word. A group with more than one such member would make a cycle or lose an arc;
//! its sentence is dropped (counted in [`TreebankStatistics::dropped_sentences`]).
//!
//! Invariant of every [`TreeSentence`]: all vectors have one entry per word, heads are
//! `0` (the root) or `1..=len`, exactly one word has head 0, and the heads form a tree.

use crate::ParseError;
use dyad_analyse::Tag;
use dyad_analyse::conllu::{ConlluWord, read_conllu, tagger_form};
use std::path::{Path, PathBuf};

/// A sentence with its gold dependency tree; heads are 1-based, 0 is the root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
    pub heads: Vec<usize>,
    pub relations: Vec<String>,
}

impl TreeSentence {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Counts from reading a treebank.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TreebankStatistics {
    pub sentences: usize,
    /// Sentences dropped because merging hyphenated words would break their tree.
    pub dropped_sentences: usize,
}

/// One word line of a CoNLL-U file.
#[derive(Clone, Debug)]
struct WordLine {
    form: String,
    tag: Tag,
    head: usize,
    relation: String,
    space_after: bool,
}

/// The `*.conllu` files directly inside `dir`, sorted by path.
pub fn treebank_files(dir: &Path) -> Result<Vec<PathBuf>, ParseError> {
    Ok(dyad_analyse::treebank_files(dir)?)
}

/// The trees of one file, merged as described in the module docs.
pub fn read_tree_file(path: &Path) -> Result<(Vec<TreeSentence>, TreebankStatistics), ParseError> {
    let text = std::fs::read_to_string(path).map_err(|source| ParseError::Io { path: path.to_path_buf(), source })?;
    read_trees(&text).map_err(|error| ParseError::InFile { path: path.to_path_buf(), error: Box::new(error) })
}

/// The trees of a CoNLL-U text, merged as described in the module docs.
pub fn read_trees(text: &str) -> Result<(Vec<TreeSentence>, TreebankStatistics), ParseError> {
    let mut statistics = TreebankStatistics::default();
    let mut sentences = Vec::new();
    for (first_line, lines) in raw_sentences(text)? {
        check_tree(&lines, first_line)?;
        statistics.sentences += 1;
        match merge_hyphenated_words(&lines) {
            Some(sentence) => sentences.push(sentence),
            None => statistics.dropped_sentences += 1,
        }
    }
    Ok((sentences, statistics))
}

/// Sentences as word lines, each with the line number of its first word; every word needs
/// a head and a relation.
fn raw_sentences(text: &str) -> Result<Vec<(usize, Vec<WordLine>)>, ParseError> {
    read_conllu(text)?
        .into_iter()
        .map(|words| {
            let first_line = words.first().map_or(0, |word| word.line);
            let lines = words.into_iter().map(word_line).collect::<Result<Vec<_>, _>>()?;
            Ok((first_line, lines))
        })
        .collect()
}

fn word_line(word: ConlluWord) -> Result<WordLine, ParseError> {
    let missing = |column: &str| ParseError::Conllu { line: word.line, message: format!("word has no {column}") };
    let head = word.head.ok_or_else(|| missing("head"))?;
    let relation = word.relation.clone().ok_or_else(|| missing("relation"))?;
    Ok(WordLine { form: word.form, tag: word.tag, head, relation, space_after: word.space_after })
}

/// Checks that heads are in range, that there is one root and no cycle.
fn check_tree(lines: &[WordLine], first_line: usize) -> Result<(), ParseError> {
    let heads: Vec<usize> = lines.iter().map(|line| line.head).collect();
    is_tree(&heads).map_err(|message| ParseError::Conllu { line: first_line, message })
}

/// `Ok` when 1-based `heads` (0 = root) form a tree with exactly one root.
pub(crate) fn is_tree(heads: &[usize]) -> Result<(), String> {
    if let Some(position) = heads.iter().position(|&head| head > heads.len()) {
        return Err(format!("word {} has head {} beyond the sentence", position + 1, heads[position]));
    }
    let roots = heads.iter().filter(|&&head| head == 0).count();
    if roots != 1 {
        return Err(format!("sentence has {roots} roots, expected 1"));
    }
    for start in 1..=heads.len() {
        let mut node = start;
        for _ in 0..=heads.len() {
            if node == 0 {
                break;
            }
            node = heads[node - 1];
        }
        if node != 0 {
            return Err(format!("word {start} is on a cycle"));
        }
    }
    Ok(())
}

/// Merges `word - word` written without spaces (see module docs); `None` when a group has
/// more than one member with a head outside it.
fn merge_hyphenated_words(lines: &[WordLine]) -> Option<TreeSentence> {
    let groups = hyphen_groups(lines);
    // Old word number (1-based) → new word number (1-based).
    let mut new_number = vec![0usize; lines.len() + 1];
    for (group_index, group) in groups.iter().enumerate() {
        for &old in group {
            new_number[old + 1] = group_index + 1;
        }
    }
    let mut sentence = TreeSentence {
        words: Vec::with_capacity(groups.len()),
        tags: Vec::with_capacity(groups.len()),
        heads: Vec::with_capacity(groups.len()),
        relations: Vec::with_capacity(groups.len()),
    };
    for (group_index, group) in groups.iter().enumerate() {
        let outside: Vec<usize> =
            group.iter().copied().filter(|&old| new_number[lines[old].head] != group_index + 1).collect();
        let [representative] = outside[..] else { return None };
        let last = *group.last()?;
        let word = if group.len() == 1 {
            let old = group[0];
            let space_before = old == 0 || lines[old - 1].space_after;
            let space_after = lines[old].space_after || old + 1 == lines.len();
            tagger_form(&lines[old].form, space_before, space_after).to_string()
        } else {
            group.iter().map(|&old| lines[old].form.as_str()).collect()
        };
        sentence.words.push(word);
        sentence.tags.push(lines[last].tag.as_str().to_string());
        sentence.heads.push(new_number[lines[representative].head]);
        sentence.relations.push(lines[representative].relation.clone());
    }
    is_tree(&sentence.heads).ok()?;
    Some(sentence)
}

/// Word indices (0-based) grouped as dyad's tokenizer sees them: the same rule as
/// [`dyad_analyse::conllu::join_hyphenated_words`].
fn hyphen_groups(lines: &[WordLine]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(lines.len());
    let mut hyphen_pending = false;
    for (index, line) in lines.iter().enumerate() {
        if hyphen_pending {
            hyphen_pending = false;
            if let Some(group) = groups.last_mut() {
                group.push(index);
                continue;
            }
        }
        let is_inner_hyphen = line.tag == Tag::HYPH && line.form == "-" && !line.space_after;
        let joins_neighbours = is_inner_hyphen
            && index > 0
            && !lines[index - 1].space_after
            && !lines[index - 1].tag.is_punctuation()
            && lines.get(index + 1).is_some_and(|next| !next.tag.is_punctuation());
        match groups.last_mut() {
            Some(group) if joins_neighbours => {
                group.push(index);
                hyphen_pending = true;
            }
            _ => groups.push(vec![index]),
        }
    }
    groups
}

/// The treebank words of a sentence as [`dyad_analyse::conllu`] represents them; used to
/// check that both crates merge words alike.
#[cfg(test)]
fn as_treebank_words(lines: &[WordLine]) -> Vec<dyad_analyse::conllu::TreebankWord> {
    lines
        .iter()
        .map(|line| dyad_analyse::conllu::TreebankWord {
            form: line.form.clone(),
            tag: line.tag,
            space_after: line.space_after,
        })
        .collect()
}

/// A tree from space-separated columns, for the crate's tests.
#[cfg(test)]
pub(crate) fn test_sentence(words: &str, tags: &str, heads: &[usize], relations: &str) -> TreeSentence {
    TreeSentence {
        words: words.split(' ').map(str::to_string).collect(),
        tags: tags.split(' ').map(str::to_string).collect(),
        heads: heads.to_vec(),
        relations: relations.split(' ').map(str::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_analyse::conllu::join_hyphenated_words;

    const SAMPLE: &str = "# sent_id = test-1\n\
1\tRebels\trebel\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n\
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\tSpaceAfter=No\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\t_\n\
5\tal\tal\tPROPN\tNNP\t_\t7\tcompound\t_\tSpaceAfter=No\n\
6\t-\t-\tPUNCT\tHYPH\t_\t7\tpunct\t_\tSpaceAfter=No\n\
7\tAssad\tAssad\tPROPN\tNNP\t_\t9\tnmod:poss\t_\tSpaceAfter=No\n\
8\t's\t's\tPART\tPOS\t_\t7\tcase\t_\t_\n\
9\tbase\tbase\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No\n\
10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n";

    #[test]
    fn merges_hyphenated_words_and_remaps_heads() {
        let (sentences, statistics) = read_trees(SAMPLE).unwrap();
        assert_eq!(statistics, TreebankStatistics { sentences: 1, dropped_sentences: 0 });
        let sentence = &sentences[0];
        assert_eq!(sentence.words, ["Rebels", "did", "n't", "attack", "al-Assad", "'s", "base", "."]);
        // "Rebels" pointed at word 3 ("n't") in the sample; only numbering after the merge moves.
        assert_eq!(sentence.heads, vec![3, 4, 4, 0, 7, 5, 4, 4]);
        assert_eq!(sentence.relations[4], "nmod:poss");
        assert_eq!(sentence.tags[4], "NNP");
    }

    #[test]
    fn merges_words_exactly_as_the_tagger_reader_does() {
        let (_, lines) = raw_sentences(SAMPLE).unwrap().remove(0);
        let (words, tags) = join_hyphenated_words(&as_treebank_words(&lines));
        let (sentences, _) = read_trees(SAMPLE).unwrap();
        assert_eq!(sentences[0].words, words);
        let tag_names: Vec<&str> = tags.iter().map(|tag| tag.as_str()).collect();
        assert_eq!(sentences[0].tags, tag_names);
    }

    #[test]
    fn drops_a_sentence_whose_merged_group_has_two_outside_heads() {
        let text = "1\tPutin\tPutin\tPROPN\tNNP\t_\t4\tcompound\t_\tSpaceAfter=No\n\
2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n\
3\tErdogan\tErdogan\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n\
4\ttalks\ttalk\tNOUN\tNNS\t_\t0\troot\t_\t_\n";
        let (sentences, statistics) = read_trees(text).unwrap();
        assert!(sentences.is_empty());
        assert_eq!(statistics.dropped_sentences, 1);
    }

    #[test]
    fn rejects_broken_trees_naming_the_line() {
        let cycle = "1\ta\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tb\tb\tNOUN\tNN\t_\t1\tnmod\t_\t_\n";
        let error = read_trees(cycle).unwrap_err().to_string();
        assert!(error.contains("line 1") && error.contains("roots"), "{error}");
        let bad_head = "# c\n1\ta\ta\tDET\tDT\t_\tx\tdet\t_\t_\n";
        let error = read_trees(bad_head).unwrap_err().to_string();
        assert!(error.contains("line 2") && error.contains("\"x\""), "{error}");
        assert!(is_tree(&[2, 3, 2, 0]).unwrap_err().contains("cycle"));
        assert!(is_tree(&[0, 5]).unwrap_err().contains("beyond"));
    }
}
