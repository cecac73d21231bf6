//! The parser's weights at run time and their binary file format.
//!
//! Format (little-endian throughout):
//!
//! ```text
//! magic      8 bytes  "DYADDEP1"
//! labels     u8 count (at most 126), then per label: u8 length, UTF-8 name ("nsubj", "acl:relcl");
//!            one of them is "root"
//! scale      f32      weight = quantised weight × scale
//! features   u32 count, then per feature in increasing key order:
//!            LEB128 difference from the previous key (the first from 0, all but the first > 0),
//!            u8 weight count, then per weight: u8 class, i16 quantised weight
//! ```
//!
//! A feature key is the 64-bit feature hash folded to 32 bits ([`model_key`]); features
//! that collide after folding have their weights summed (the hashing trick). Classes are
//! move numbers (see [`crate::transition`]) and must be below `2 + 2 × label count`.
//! Quantised weights below [`PRUNE_BELOW_QUANTA`] are dropped: they hardly ever change a
//! decision and would double the file.

use crate::ParseError;
use dyad_perceptron::{ModelBytes, ModelBytesError, quantise_weights, weight_scale, write_leb128, write_short_string};
use std::collections::BTreeMap;

const MAGIC: &[u8; 8] = b"DYADDEP1";

/// Largest number of labels: every class must fit in a byte.
pub const MAX_LABELS: usize = 126;

/// Quantised weights smaller than this (in units of the scale) are pruned.
pub const PRUNE_BELOW_QUANTA: i32 = 3;

/// Features with more weights than this are stored as a dense row.
const DENSE_ABOVE: usize = 12;

/// A 64-bit feature hash folded to the model's 32-bit key; never 0 (the empty slot).
pub fn model_key(hash: u64) -> u32 {
    let key = (hash ^ (hash >> 32)) as u32;
    if key == 0 { 1 } else { key }
}

/// Feature key → (class, quantised weight) rows, sorted by key.
pub type QuantisedRows = Vec<(u32, Vec<(u8, i16)>)>;

/// Folds averaged 64-bit-keyed weights to model keys, rounds them to multiples of a common
/// scale and drops the smallest; returns the scale and the sorted rows.
pub fn quantise(rows: impl IntoIterator<Item = (u64, Vec<(u8, f32)>)>) -> (f32, QuantisedRows) {
    let mut folded: BTreeMap<u32, BTreeMap<u8, f32>> = BTreeMap::new();
    for (hash, weights) in rows {
        let row = folded.entry(model_key(hash)).or_default();
        for (class, weight) in weights {
            *row.entry(class).or_default() += weight;
        }
    }
    let scale = weight_scale(folded.values().flat_map(|row| row.values().copied()));
    let rows = folded
        .into_iter()
        .map(|(key, row)| (key, quantise_weights(row, scale, PRUNE_BELOW_QUANTA)))
        .filter(|(_, kept)| !kept.is_empty())
        .collect();
    (scale, rows)
}

/// The weights in an open-addressing table keyed by model key.
///
/// Invariant: `slots.len()` is a power of two larger than the number of features; a slot
/// with key 0 is empty. A sparse feature's weights are `entries[start..start + length]`,
/// each packing a class (low 8 bits) and a weight in units of `scale` (high 16 bits,
/// signed); a dense feature (`length == DENSE`) has one weight per class at
/// `dense[start * class_count..][..class_count]`.
#[derive(Clone, Debug)]
pub struct FeatureTable {
    slots: Vec<Slot>,
    entries: Vec<u32>,
    dense: Vec<i16>,
    class_count: usize,
    feature_count: usize,
    pub scale: f32,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u32,
    length: u32,
    start: u32,
}

const DENSE: u32 = u32::MAX;

fn pack_entry(class: u8, quanta: i16) -> u32 {
    (u32::from(quanta as u16) << 16) | u32::from(class)
}

fn unpack_entry(entry: u32) -> (u8, i16) {
    ((entry & 0xff) as u8, (entry >> 16) as u16 as i16)
}

impl FeatureTable {
    /// Builds the table from rows of distinct keys whose classes are below `class_count`.
    pub fn from_rows(rows: QuantisedRows, scale: f32, class_count: usize) -> FeatureTable {
        let capacity = (rows.len() * 4 / 3 + 1).max(16).next_power_of_two();
        let mut table = FeatureTable {
            slots: vec![Slot::default(); capacity],
            entries: Vec::new(),
            dense: Vec::new(),
            class_count,
            feature_count: rows.len(),
            scale,
        };
        for (key, weights) in rows {
            let slot = if weights.len() > DENSE_ABOVE {
                let start = (table.dense.len() / class_count) as u32;
                let mut row = vec![0i16; class_count];
                for (class, quanta) in &weights {
                    row[usize::from(*class)] = *quanta;
                }
                table.dense.extend_from_slice(&row);
                Slot { key, start, length: DENSE }
            } else {
                let start = table.entries.len() as u32;
                table.entries.extend(weights.iter().map(|(class, quanta)| pack_entry(*class, *quanta)));
                Slot { key, start, length: weights.len() as u32 }
            };
            let index = table.slot_for(key);
            table.slots[index] = slot;
        }
        table
    }

    fn slot_for(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        // Keys are hash bits already; multiply so that neighbouring keys spread out.
        let mut slot = (key.wrapping_mul(0x9e37_79b1) as usize) & mask;
        while self.slots[slot].key != 0 && self.slots[slot].key != key {
            slot = (slot + 1) & mask;
        }
        slot
    }

    pub fn feature_count(&self) -> usize {
        self.feature_count
    }

    pub fn class_count(&self) -> usize {
        self.class_count
    }

    /// Adds each feature's weights into `scores` (one per class, in units of the scale).
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        for feature in features {
            let slot = self.slots[self.slot_for(model_key(*feature))];
            if slot.key == 0 {
                continue;
            }
            let start = slot.start as usize;
            if slot.length == DENSE {
                let row = &self.dense[start * self.class_count..(start + 1) * self.class_count];
                for (score, quanta) in scores.iter_mut().zip(row) {
                    *score += i32::from(*quanta);
                }
            } else {
                for entry in &self.entries[start..start + slot.length as usize] {
                    let (class, quanta) = unpack_entry(*entry);
                    if let Some(score) = scores.get_mut(usize::from(class)) {
                        *score += i32::from(quanta);
                    }
                }
            }
        }
    }

    /// Every feature with its non-zero (class, quantised weight) list, sorted by key.
    pub fn sorted_rows(&self) -> QuantisedRows {
        let mut rows: QuantisedRows = self
            .slots
            .iter()
            .filter(|slot| slot.key != 0)
            .map(|slot| {
                let start = slot.start as usize;
                let weights = if slot.length == DENSE {
                    let row = &self.dense[start * self.class_count..(start + 1) * self.class_count];
                    row.iter()
                        .enumerate()
                        .filter(|(_, quanta)| **quanta != 0)
                        .map(|(class, quanta)| (class as u8, *quanta))
                        .collect()
                } else {
                    self.entries[start..start + slot.length as usize].iter().map(|entry| unpack_entry(*entry)).collect()
                };
                (slot.key, weights)
            })
            .collect();
        rows.sort_unstable_by_key(|(key, _)| *key);
        rows
    }
}

/// Writes labels and table in the format of the module docs.
pub fn write(labels: &[String], table: &FeatureTable) -> Vec<u8> {
    let rows = table.sorted_rows();
    let mut bytes = Vec::with_capacity(16 + rows.len() * 8);
    bytes.extend_from_slice(MAGIC);
    bytes.push(labels.len() as u8);
    for label in labels {
        write_short_string(&mut bytes, label);
    }
    bytes.extend_from_slice(&table.scale.to_le_bytes());
    bytes.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut previous_key = 0u32;
    for (key, weights) in rows {
        write_leb128(&mut bytes, u64::from(key - previous_key));
        previous_key = key;
        bytes.push(weights.len() as u8);
        for (class, quanta) in weights {
            bytes.push(class);
            bytes.extend_from_slice(&quanta.to_le_bytes());
        }
    }
    bytes
}

/// Reads labels and table; every malformation is a [`ParseError::Model`] naming the byte.
pub fn read(bytes: &[u8]) -> Result<(Vec<String>, FeatureTable), ParseError> {
    let mut reader = ModelBytes::new(bytes);
    if reader.take(MAGIC.len())? != MAGIC {
        return Err(ParseError::Model("does not start with the DYADDEP1 magic".to_string()));
    }
    let labels = read_labels(&mut reader)?;
    let class_count = crate::transition::class_count(labels.len());
    let scale = reader.f32()?;
    if !scale.is_finite() || scale <= 0.0 {
        return Err(reader.error(&format!("weight scale {scale} is not a positive number")).into());
    }
    let feature_count = reader.u32()? as usize;
    let mut rows = Vec::with_capacity(feature_count.min(1 << 22));
    let mut key = 0u32;
    for index in 0..feature_count {
        let difference = reader.leb128()?;
        key = u32::try_from(difference)
            .ok()
            .and_then(|difference| key.checked_add(difference))
            .filter(|&next| index == 0 || next > key)
            .filter(|&next| next != 0)
            .ok_or_else(|| reader.error("feature keys not strictly increasing 32-bit numbers"))?;
        let weight_count = usize::from(reader.u8()?);
        let mut weights = Vec::with_capacity(weight_count);
        for _ in 0..weight_count {
            let class = reader.u8()?;
            if usize::from(class) >= class_count {
                return Err(reader.error(&format!("class {class} out of range for {} labels", labels.len())).into());
            }
            weights.push((class, reader.i16()?));
        }
        rows.push((key, weights));
    }
    if !reader.is_at_end() {
        return Err(reader.error("unexpected bytes after the last feature").into());
    }
    Ok((labels, FeatureTable::from_rows(rows, scale, class_count)))
}

impl From<ModelBytesError> for ParseError {
    fn from(error: ModelBytesError) -> ParseError {
        ParseError::Model(error.to_string())
    }
}

fn read_labels(reader: &mut ModelBytes) -> Result<Vec<String>, ParseError> {
    let count = usize::from(reader.u8()?);
    if count > MAX_LABELS {
        return Err(reader.error(&format!("{count} labels, at most {MAX_LABELS} allowed")).into());
    }
    let mut labels: Vec<String> = Vec::with_capacity(count);
    for _ in 0..count {
        let name = reader.short_string()?;
        if labels.iter().any(|label| label == name) {
            return Err(reader.error(&format!("label {name:?} appears twice")).into());
        }
        labels.push(name.to_string());
    }
    if !labels.iter().any(|label| label == crate::ROOT_RELATION) {
        return Err(reader.error("no \"root\" label").into());
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        vec!["root".to_string(), "nsubj".to_string()]
    }

    #[test]
    fn table_round_trips_through_bytes() {
        let (scale, rows) = quantise(vec![
            (11u64 << 40, vec![(0u8, 1.5f32), (3, -0.75)]),
            (12, (0..6).map(|class| (class, class as f32)).collect()),
            (99, vec![(1, 0.0000001)]),
        ]);
        assert_eq!(rows.len(), 2, "the tiny weight is pruned");
        let table = FeatureTable::from_rows(rows.clone(), scale, 6);
        let bytes = write(&labels(), &table);
        let (read_labels, read_table) = read(&bytes).unwrap();
        assert_eq!(read_labels, labels());
        assert_eq!(read_table.sorted_rows(), rows);
        let mut scores = vec![0; 6];
        read_table.add_scores(&[12, 11 << 40, 12345], &mut scores);
        let weight = |class: usize| scores[class] as f32 * scale;
        assert!((weight(0) - 1.5).abs() < 0.01 && (weight(3) - 2.25).abs() < 0.01, "{scores:?}");
    }

    #[test]
    fn rejects_bad_models_naming_the_problem() {
        assert!(matches!(read(b""), Err(ParseError::Model(_))));
        assert!(read(b"NOTAMODEL").unwrap_err().to_string().contains("magic"));
        let table = FeatureTable::from_rows(vec![(5, vec![(5, 100)])], 0.5, 6);
        let good = write(&labels(), &table);
        let truncated = &good[..good.len() - 1];
        assert!(read(truncated).unwrap_err().to_string().contains("ends too early"));
        let mut extra = good.clone();
        extra.push(0);
        assert!(read(&extra).unwrap_err().to_string().contains("after the last feature"));
        let bad_class = write(&labels(), &FeatureTable::from_rows(vec![(5, vec![(9, 100)])], 0.5, 10));
        assert!(read(&bad_class).unwrap_err().to_string().contains("class 9"));
        let no_root = write(&["nsubj".to_string()], &table);
        assert!(read(&no_root).unwrap_err().to_string().contains("root"));
    }

    #[test]
    fn entries_pack_class_and_signed_weight() {
        for (class, quanta) in [(0u8, 0i16), (109, -1), (7, i16::MAX), (3, i16::MIN)] {
            assert_eq!(unpack_entry(pack_entry(class, quanta)), (class, quanta));
        }
    }
}
