//! Quotation marks: pairing them within paragraphs into quoted stretches.

use dyad_document::Span;

/// One quoted stretch: `outer` includes the marks, `inner` only the quoted words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedStretch {
    pub outer: Span,
    pub inner: Span,
    /// True when the previous paragraph's quote was left open: this paragraph goes on with it.
    pub reopens_previous: bool,
}

fn is_opening(character: char) -> bool {
    matches!(character, '“' | '«' | '„')
}

fn is_closing(character: char) -> bool {
    matches!(character, '”' | '»')
}

/// Pairs quotation marks paragraph by paragraph. Straight quotes alternate open and close;
/// curly ones say which they are. A quote left open at a paragraph's end closes there.
pub fn quoted_stretches(body: &str) -> Vec<QuotedStretch> {
    let mut stretches = Vec::new();
    let mut previous_left_open = false;
    for paragraph in paragraphs(body) {
        let mut open: Option<usize> = None;
        let mut reopens = false;
        for (offset, character) in body[paragraph.start..paragraph.end].char_indices() {
            let position = paragraph.start + offset;
            let opens = is_opening(character) || (character == '"' && open.is_none());
            let closes = is_closing(character) || (character == '"' && open.is_some());
            if let (Some(start), true) = (open, closes) {
                stretches.push(stretch(start, position + character.len_utf8(), reopens));
                open = None;
                reopens = false;
            } else if opens && open.is_none() {
                reopens = previous_left_open && position == paragraph.start;
                open = Some(position);
            }
        }
        previous_left_open = false;
        if let Some(start) = open {
            stretches.push(stretch(start, paragraph.end, reopens));
            previous_left_open = true;
        }
    }
    for stretch in &mut stretches {
        trim_marks(body, stretch);
    }
    stretches.retain(|stretch| !stretch.inner.is_empty());
    stretches
}

fn stretch(start: usize, end: usize, reopens_previous: bool) -> QuotedStretch {
    let outer = Span::new(start, end);
    QuotedStretch { outer, inner: outer, reopens_previous }
}

/// Paragraphs are separated by blank lines in every body dyad's readers build.
fn paragraphs(body: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (position, _) in body.match_indices("\n\n") {
        if position > start {
            spans.push(Span::new(start, position));
        }
        start = position + 2;
    }
    if start < body.len() {
        spans.push(Span::new(start, body.len()));
    }
    spans
}

/// The end of the paragraph holding `offset`.
pub fn paragraph_end(body: &str, offset: usize) -> usize {
    body[offset..].find("\n\n").map_or(body.len(), |relative| offset + relative)
}

/// Narrows a stretch's inner span to the words between the marks.
fn trim_marks(body: &str, stretch: &mut QuotedStretch) {
    let text = &body[stretch.outer.start..stretch.outer.end];
    let mut inner_start = stretch.outer.start;
    if let Some(first) = text.chars().next().filter(|&character| character == '"' || is_opening(character)) {
        inner_start += first.len_utf8();
    }
    let mut inner_end = stretch.outer.end;
    if let Some(last) = text.chars().last().filter(|&character| character == '"' || is_closing(character))
        && inner_end - last.len_utf8() >= inner_start
    {
        inner_end -= last.len_utf8();
    }
    // The comma before an attribution ("...developing," Putin told) belongs to the frame.
    // Trailing marks are counted on what is left after the leading blanks, so a stretch of
    // blanks alone (`" "`, a page's stray marks) narrows to an empty span, never a reversed one.
    let inner = &body[inner_start..inner_end];
    let after_leading = inner.trim_start();
    let leading = inner.len() - after_leading.len();
    let trailing = after_leading.len() - after_leading.trim_end_matches([',', ' ', '\n']).len();
    stretch.inner = Span::new(inner_start + leading, inner_end - trailing);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_holding_only_blanks_give_no_stretch_and_every_span_slices_the_body() {
        let body = "A page with stray marks \" \" and \"\u{a0}\" and then \"a real quote of some words\" here.";
        let stretches = quoted_stretches(body);
        assert_eq!(stretches.len(), 1, "{stretches:?}");
        for stretch in &stretches {
            assert!(stretch.inner.start <= stretch.inner.end);
            assert_eq!(&body[stretch.inner.start..stretch.inner.end], "a real quote of some words");
        }
    }
}
