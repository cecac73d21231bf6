//! Quotes: direct and reported speech with speakers and addressees.
