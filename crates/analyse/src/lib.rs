//! Text analysis: sentences, tokens and part-of-speech tags, every one a span of the body.
