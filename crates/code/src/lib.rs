//! The event coder: verb patterns to PLOVER events with CAMEO codes, actors and recipients.
