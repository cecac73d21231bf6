use dyad_analyse::Sentence;
use dyad_document::Span;

/// A sentence seen as words and tags, with spans back into the body.
///
/// Every later stage asks "what is token i, what is its tag, where is it": this is the one
/// place that answers, so no stage slices the body its own way.
#[derive(Clone, Copy)]
pub struct SentenceView<'a> {
    pub body: &'a str,
    pub sentence: &'a Sentence,
}

impl<'a> SentenceView<'a> {
    pub fn new(body: &'a str, sentence: &'a Sentence) -> SentenceView<'a> {
        SentenceView { body, sentence }
    }

    pub fn len(&self) -> usize {
        self.sentence.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentence.tokens.is_empty()
    }

    pub fn word(&self, index: usize) -> &'a str {
        let span = self.sentence.tokens[index].span;
        &self.body[span.start..span.end]
    }

    /// The Penn Treebank tag of token `index` ("VBD", "NNP", ...).
    pub fn tag(&self, index: usize) -> &'static str {
        self.sentence.tokens[index].tag.as_str()
    }

    pub fn token_span(&self, index: usize) -> Span {
        self.sentence.tokens[index].span
    }

    /// Span from the start of token `first` to the end of token `last_exclusive - 1`.
    pub fn range_span(&self, first: usize, last_exclusive: usize) -> Span {
        Span::new(self.token_span(first).start, self.token_span(last_exclusive - 1).end)
    }

    pub fn text(&self, span: Span) -> &'a str {
        &self.body[span.start..span.end]
    }

    /// Case-insensitive comparison of token `index` with a lower-case word.
    pub fn is_word(&self, index: usize, lower: &str) -> bool {
        index < self.len() && self.word(index).eq_ignore_ascii_case(lower)
    }

    pub fn is_any_word(&self, index: usize, lowers: &[&str]) -> bool {
        index < self.len() && lowers.iter().any(|lower| self.word(index).eq_ignore_ascii_case(lower))
    }

    /// Index of the token whose span contains byte `offset`, if any.
    pub fn token_at_offset(&self, offset: usize) -> Option<usize> {
        self.sentence.tokens.iter().position(|token| token.span.start <= offset && offset < token.span.end)
    }
}
