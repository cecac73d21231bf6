//! What dyad's averaged-perceptron models share: the part-of-speech tagger (dyad-analyse) and
//! the dependency parser (dyad-parse) both keep hashed features with a few weights each,
//! quantise them to 16-bit multiples of one scale, and store them in a compact little-endian
//! file. This crate owns those three pieces so the two models read, write and round weights
//! the same way; each model keeps its own file layout (magic, label list, dictionary).
//!
//! Invariants:
//! - reading never panics on malformed bytes: every problem is a [`ModelBytesError`] naming
//!   the byte offset, so a corrupt model file is a clear error, not a crash;
//! - what [`write_leb128`] writes, [`ModelBytes::leb128`] reads back, for every `u64`.

mod bytes;
mod hashing;
mod quantise;

pub use bytes::{ModelBytes, ModelBytesError, write_leb128, write_short_string};
pub use hashing::{HashedKeyMap, PassThroughHasher};
pub use quantise::{QUANTA, quantise_weights, weight_scale};
