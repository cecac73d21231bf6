//! Evaluation against public gold standards: PETRARCH validation, PLOVER records, extraction and story benchmarks.
