//! The pipeline: read, analyse, look up, code, one document at a time.
