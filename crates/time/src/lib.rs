//! Time expressions: found in text, normalised and anchored to the publication date.
