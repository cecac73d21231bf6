//! Reading tagged sentences from CoNLL-U treebank files (such as GUM).
//!
//! Only word lines count: multiword-token ranges (`1-2`) and empty nodes (`1.1`) are skipped,
//! comments (`#`) are ignored, and a blank line ends a sentence. The part-of-speech tag is
//! the XPOS column (the fifth).

use crate::{AnalyseError, Tag, TaggedSentence};

/// One word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreebankWord {
    pub form: String,
    pub tag: Tag,
    /// False when the MISC column says `SpaceAfter=No`.
    pub space_after: bool,
}

/// One word line with the columns dyad reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluWord {
    /// The line's number in the file, 1-based, for error messages.
    pub line: usize,
    pub form: String,
    /// The XPOS column.
    pub tag: Tag,
    /// The HEAD column (0 is the root); None when it is `_` or missing.
    pub head: Option<usize>,
    /// The DEPREL column, with subtypes ("acl:relcl"); None when it is `_` or missing.
    pub relation: Option<String>,
    /// False when the MISC column says `SpaceAfter=No`.
    pub space_after: bool,
}

/// The word lines of a CoNLL-U text, sentence by sentence. The one CoNLL-U reader of the
/// project: the tagger reads forms and tags from it, the parser (dyad-parse) heads and
/// relations as well.
pub fn read_conllu(text: &str) -> Result<Vec<Vec<ConlluWord>>, AnalyseError> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some(word) = read_word_line(line, line_index + 1)? {
            current.push(word);
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// The sentences of a CoNLL-U text, word by word, exactly as the treebank tokenizes them.
pub fn read_treebank_sentences(text: &str) -> Result<Vec<Vec<TreebankWord>>, AnalyseError> {
    let sentences = read_conllu(text)?;
    Ok(sentences
        .into_iter()
        .map(|words| {
            words
                .into_iter()
                .map(|word| TreebankWord { form: word.form, tag: word.tag, space_after: word.space_after })
                .collect()
        })
        .collect())
}

fn read_word_line(line: &str, line_number: usize) -> Result<Option<ConlluWord>, AnalyseError> {
    let error = |message: String| AnalyseError::Conllu { line: line_number, message };
    let columns: Vec<&str> = line.split('\t').collect();
    if columns.len() < 5 {
        return Err(error(format!("expected at least 5 tab-separated columns, found {}: {line:?}", columns.len())));
    }
    let id = columns[0];
    if id.contains(['-', '.']) {
        return Ok(None);
    }
    if id.parse::<usize>().is_err() {
        return Err(error(format!("word id {id:?} is not a number")));
    }
    let tag = Tag::parse(columns[4]).ok_or_else(|| error(format!("unknown XPOS tag {:?}", columns[4])))?;
    let head = match columns.get(6).copied() {
        None | Some("_") => None,
        Some(head) => Some(head.parse::<usize>().map_err(|_| error(format!("head {head:?} is not a number")))?),
    };
    let relation = columns.get(7).filter(|relation| **relation != "_").map(|relation| relation.to_string());
    let space_after = !columns.get(9).is_some_and(|misc| misc.split('|').any(|item| item == "SpaceAfter=No"));
    Ok(Some(ConlluWord { line: line_number, form: columns[1].to_string(), tag, head, relation, space_after }))
}

/// The sentences of a CoNLL-U text as `(words, tags)`, as dyad's [`crate::Analyser`] hands
/// words to the tagger: a hyphen written without spaces between two words ("all-girl",
/// "al-Assad"), which GUM splits into three tokens, is joined back into one word carrying the
/// tag of its last part; a straight double quote becomes `` or '' by its spacing
/// (see [`tagger_form`]).
pub fn read_tagged_sentences(text: &str) -> Result<Vec<TaggedSentence>, AnalyseError> {
    Ok(read_treebank_sentences(text)?.iter().map(|sentence| join_hyphenated_words(sentence)).collect())
}

/// Joins `word - word` written without spaces into one word; see [`read_tagged_sentences`].
pub fn join_hyphenated_words(sentence: &[TreebankWord]) -> (Vec<String>, Vec<Tag>) {
    let mut words: Vec<String> = Vec::with_capacity(sentence.len());
    let mut tags: Vec<Tag> = Vec::with_capacity(sentence.len());
    // True right after a hyphen was appended to the previous word: the next word joins it.
    let mut hyphen_pending = false;
    for (index, word) in sentence.iter().enumerate() {
        if hyphen_pending {
            hyphen_pending = false;
            if let (Some(last_word), Some(last_tag)) = (words.last_mut(), tags.last_mut()) {
                last_word.push_str(&word.form);
                *last_tag = word.tag;
                continue;
            }
        }
        let joins_neighbours = is_inner_hyphen(word)
            && index > 0
            && !sentence[index - 1].space_after
            && !sentence[index - 1].tag.is_punctuation()
            && sentence.get(index + 1).is_some_and(|next| !next.tag.is_punctuation());
        match words.last_mut() {
            Some(last_word) if joins_neighbours => {
                last_word.push_str(&word.form);
                hyphen_pending = true;
            }
            _ => {
                let space_before = index == 0 || sentence[index - 1].space_after;
                let space_after = word.space_after || index + 1 == sentence.len();
                words.push(tagger_form(&word.form, space_before, space_after).to_string());
                tags.push(word.tag);
            }
        }
    }
    (words, tags)
}

/// The form the tagger is given for a token, given whether space (or the sentence edge)
/// comes before and after it: a straight double quote with space only before it opens a
/// quotation (``), with space only after it closes one (''). The tagger cannot tell these
/// apart from the word alone, and spacing, which the spans keep, settles almost all cases.
pub fn tagger_form(form: &str, space_before: bool, space_after: bool) -> &str {
    match (form, space_before, space_after) {
        ("\"", true, false) => "``",
        ("\"", false, true) => "''",
        _ => form,
    }
}

/// A hyphen token with no space after it, which can join two words.
fn is_inner_hyphen(word: &TreebankWord) -> bool {
    word.tag == Tag::HYPH && word.form == "-" && !word.space_after
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = test-1\n\
# text = Rebels didn't attack al-Assad's base.\n\
1\tRebels\trebel\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n\
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\tSpaceAfter=No\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\t_\n\
5\tal\tal\tPROPN\tNNP\t_\t7\tcompound\t_\tSpaceAfter=No\n\
6\t-\t-\tPUNCT\tHYPH\t_\t7\tpunct\t_\tSpaceAfter=No\n\
7\tAssad\tAssad\tPROPN\tNNP\t_\t9\tnmod\t_\tSpaceAfter=No\n\
7.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n\
8\t's\t's\tPART\tPOS\t_\t7\tcase\t_\t_\n\
9\tbase\tbase\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No\n\
10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\
\n\
1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_and_skips_ranges_and_empty_nodes() {
        let sentences = read_treebank_sentences(SAMPLE).unwrap();
        assert_eq!(sentences.len(), 2);
        let forms: Vec<&str> = sentences[0].iter().map(|word| word.form.as_str()).collect();
        assert_eq!(forms, vec!["Rebels", "did", "n't", "attack", "al", "-", "Assad", "'s", "base", "."]);
        assert_eq!(sentences[0][1].tag, Tag::VBD);
        assert!(!sentences[0][1].space_after && sentences[0][0].space_after);
        assert_eq!(sentences[1][0].tag, Tag::UH);
    }

    #[test]
    fn joins_hyphenated_words_with_the_last_tag() {
        let sentences = read_tagged_sentences(SAMPLE).unwrap();
        let (words, tags) = &sentences[0];
        assert_eq!(words, &["Rebels", "did", "n't", "attack", "al-Assad", "'s", "base", "."]);
        assert_eq!(tags[4], Tag::NNP);
        assert_eq!(tags[5], Tag::POS);
        assert_eq!(words.len(), tags.len());
    }

    #[test]
    fn straight_double_quotes_get_a_direction_from_spacing() {
        let word = |form: &str, tag: Tag, space_after: bool| TreebankWord { form: form.into(), tag, space_after };
        let sentence = vec![
            word("\"", Tag::OpenQuote, false),
            word("Yes", Tag::UH, false),
            word("\"", Tag::CloseQuote, true),
            word("he", Tag::PRP, true),
            word("\"", Tag::Colon, true),
            word("said", Tag::VBD, true),
        ];
        let (words, _) = join_hyphenated_words(&sentence);
        assert_eq!(words, vec!["``", "Yes", "''", "he", "\"", "said"]);
        assert_eq!(tagger_form("'", true, false), "'");
    }

    #[test]
    fn chains_of_hyphens_join_into_one_word() {
        let word = |form: &str, tag: Tag, space_after: bool| TreebankWord { form: form.into(), tag, space_after };
        let sentence = vec![
            word("three", Tag::CD, false),
            word("-", Tag::HYPH, false),
            word("year", Tag::NN, false),
            word("-", Tag::HYPH, false),
            word("old", Tag::JJ, true),
            word("boy", Tag::NN, true),
            word("-", Tag::HYPH, true),
            word("x", Tag::NN, true),
        ];
        let (words, tags) = join_hyphenated_words(&sentence);
        assert_eq!(words, vec!["three-year-old", "boy", "-", "x"]);
        assert_eq!(tags, vec![Tag::JJ, Tag::NN, Tag::HYPH, Tag::NN]);
    }

    #[test]
    fn reports_bad_lines_with_their_number() {
        let error = read_treebank_sentences("1\tword\tword\tNOUN\tNOUNISH\t_\n").unwrap_err().to_string();
        assert!(error.contains("line 1") && error.contains("NOUNISH"), "{error}");
        let error = read_treebank_sentences("# c\nx\ty\n").unwrap_err().to_string();
        assert!(error.contains("line 2"), "{error}");
        let error = read_treebank_sentences("one\ta\tb\tc\tNN\n").unwrap_err().to_string();
        assert!(error.contains("\"one\""), "{error}");
    }
}
