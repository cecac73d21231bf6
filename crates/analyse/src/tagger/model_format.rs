//! The tagger's binary model format (little-endian throughout):
//!
//! ```text
//! magic      8 bytes  "DYADPOS1"
//! tags       u8 count, then per tag: u8 length, UTF-8 name ("NN", "PRP$", "``")
//! dictionary u32 count, then per word: u64 word hash, u8 tag number
//! scale      f32      weight = quantised weight × scale
//! features   u32 count, then per feature in increasing hash order:
//!            LEB128 difference from the previous hash (the first from 0),
//!            u8 weight count, then per weight: u8 tag number, i16 quantised weight
//! ```
//!
//! Tag numbers index the file's own tag list, so a model stays readable if [`Tag`] grows.
//! Weights whose quantised magnitude is below [`PRUNE_BELOW_QUANTA`] are dropped: they hardly
//! ever change a decision and would double the file.

use super::{FeatureTable, PassThroughHasher, Tagger};
use crate::{AnalyseError, Tag};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

const MAGIC: &[u8; 8] = b"DYADPOS1";

/// Features with their (tag index, weight in units of the scale) lists.
pub(super) type QuantisedRows = Vec<(u64, Vec<(u8, i16)>)>;

/// Largest quantised weight magnitude.
const QUANTA: f32 = 32767.0;

/// Quantised weights smaller than this (in units of the scale) are pruned.
pub(super) const PRUNE_BELOW_QUANTA: i32 = 8;

/// Rounds the weights to multiples of a common scale, dropping the smallest; returns the
/// scale and the rows with their remaining weights in units of it.
pub(super) fn quantise(rows: Vec<(u64, Vec<(u8, f32)>)>) -> (f32, QuantisedRows) {
    let largest =
        rows.iter().flat_map(|(_, entries)| entries.iter().map(|(_, weight)| weight.abs())).fold(0f32, f32::max);
    let scale = if largest > 0.0 { largest / QUANTA } else { 1.0 };
    let quantised = rows
        .into_iter()
        .map(|(feature, entries)| {
            let kept = entries
                .into_iter()
                .filter_map(|(class, weight)| {
                    let quanta = (weight / scale).round() as i32;
                    (quanta.abs() >= PRUNE_BELOW_QUANTA).then_some((class, quanta as i16))
                })
                .collect::<Vec<_>>();
            (feature, kept)
        })
        .filter(|(_, kept)| !kept.is_empty())
        .collect();
    (scale, quantised)
}

pub(super) fn write(tagger: &Tagger) -> Vec<u8> {
    let table = &tagger.weights;
    let rows = table.sorted_rows();
    let mut bytes = Vec::with_capacity(16 + rows.len() * 8 + table.entries.len() * 3);
    bytes.extend_from_slice(MAGIC);
    bytes.push(Tag::COUNT as u8);
    for tag in Tag::ALL {
        bytes.push(tag.as_str().len() as u8);
        bytes.extend_from_slice(tag.as_str().as_bytes());
    }
    let mut dictionary: Vec<(u64, u8)> = tagger.tag_dictionary.iter().map(|(word, class)| (*word, *class)).collect();
    dictionary.sort_unstable();
    bytes.extend_from_slice(&(dictionary.len() as u32).to_le_bytes());
    for (word, class) in dictionary {
        bytes.extend_from_slice(&word.to_le_bytes());
        bytes.push(class);
    }
    bytes.extend_from_slice(&table.scale.to_le_bytes());
    bytes.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut previous_key = 0u64;
    for (key, entries) in rows {
        write_leb128(&mut bytes, key - previous_key);
        previous_key = key;
        bytes.push(entries.len() as u8);
        for (class, quanta) in entries {
            bytes.push(class);
            bytes.extend_from_slice(&quanta.to_le_bytes());
        }
    }
    bytes
}

fn write_leb128(bytes: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(low);
            return;
        }
        bytes.push(low | 0x80);
    }
}

pub(super) fn read(bytes: &[u8]) -> Result<Tagger, AnalyseError> {
    let mut reader = Reader { bytes, position: 0 };
    if reader.take(MAGIC.len())? != MAGIC {
        return Err(AnalyseError::Model("does not start with the DYADPOS1 magic".to_string()));
    }
    let tags = reader.tag_list()?;
    let dictionary_length = reader.u32()? as usize;
    let mut tag_dictionary: HashMap<u64, u8, BuildHasherDefault<PassThroughHasher>> =
        HashMap::with_capacity_and_hasher(dictionary_length.min(1 << 20), Default::default());
    for _ in 0..dictionary_length {
        let word = reader.u64()?;
        let class = reader.class(&tags)?;
        tag_dictionary.insert(word, class);
    }
    let scale = f32::from_le_bytes(reader.array()?);
    if !scale.is_finite() || scale <= 0.0 {
        return Err(AnalyseError::Model(format!("weight scale {scale} is not a positive number")));
    }
    let feature_count = reader.u32()? as usize;
    let mut rows = Vec::with_capacity(feature_count.min(1 << 24));
    let mut key = 0u64;
    for _ in 0..feature_count {
        let difference = reader.leb128()?;
        key = key
            .checked_add(difference)
            .filter(|_| difference > 0)
            .ok_or_else(|| reader.error("feature hashes not strictly increasing"))?;
        let entry_count = usize::from(reader.u8()?);
        let mut entries = Vec::with_capacity(entry_count);
        for _ in 0..entry_count {
            let class = reader.class(&tags)?;
            let quanta = i16::from_le_bytes(reader.array()?);
            entries.push((class, quanta));
        }
        rows.push((key, entries));
    }
    if reader.position != bytes.len() {
        return Err(reader.error("unexpected bytes after the last feature"));
    }
    Ok(Tagger { weights: FeatureTable::from_rows(rows, scale), tag_dictionary })
}

struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, message: &str) -> AnalyseError {
        AnalyseError::Model(format!("{message} (at byte {} of {})", self.position, self.bytes.len()))
    }

    fn take(&mut self, length: usize) -> Result<&'a [u8], AnalyseError> {
        let end = self.position.checked_add(length).filter(|end| *end <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("model ends too early"))?;
        let slice = &self.bytes[self.position..end];
        self.position = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], AnalyseError> {
        let slice = self.take(N)?;
        let mut array = [0u8; N];
        array.copy_from_slice(slice);
        Ok(array)
    }

    fn u8(&mut self) -> Result<u8, AnalyseError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, AnalyseError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, AnalyseError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn leb128(&mut self) -> Result<u64, AnalyseError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("variable-length number longer than 64 bits"))
    }

    /// The file's tag list, as indices into [`Tag::ALL`].
    fn tag_list(&mut self) -> Result<Vec<u8>, AnalyseError> {
        let count = self.u8()?;
        let mut tags = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let length = usize::from(self.u8()?);
            let name = self.take(length)?;
            let tag = std::str::from_utf8(name).ok().and_then(Tag::parse);
            let tag = tag.ok_or_else(|| self.error(&format!("unknown tag {:?}", String::from_utf8_lossy(name))))?;
            tags.push(tag.index() as u8);
        }
        Ok(tags)
    }

    /// A tag number from the file, mapped to an index into [`Tag::ALL`].
    fn class(&mut self, tags: &[u8]) -> Result<u8, AnalyseError> {
        let number = self.u8()?;
        tags.get(usize::from(number)).copied().ok_or_else(|| self.error(&format!("tag number {number} out of range")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb128_round_trips() {
        for value in [0u64, 1, 127, 128, 300, u64::MAX / 3, u64::MAX] {
            let mut bytes = Vec::new();
            write_leb128(&mut bytes, value);
            let mut reader = Reader { bytes: &bytes, position: 0 };
            assert_eq!(reader.leb128().unwrap(), value);
            assert_eq!(reader.position, bytes.len());
        }
    }

    #[test]
    fn rejects_bad_models_with_a_message() {
        assert!(matches!(read(b"NOTAMODEL"), Err(AnalyseError::Model(_))));
        assert!(matches!(read(b""), Err(AnalyseError::Model(_))));
        let mut truncated = MAGIC.to_vec();
        truncated.push(1);
        truncated.push(2);
        truncated.extend_from_slice(b"N");
        let error = read(&truncated).unwrap_err().to_string();
        assert!(error.contains("ends too early"), "{error}");
        let mut unknown_tag = MAGIC.to_vec();
        unknown_tag.extend_from_slice(&[1, 4]);
        unknown_tag.extend_from_slice(b"NOUN");
        let error = read(&unknown_tag).unwrap_err().to_string();
        assert!(error.contains("NOUN"), "{error}");
    }

    #[test]
    fn quantise_prunes_small_weights_and_empty_rows() {
        let rows = vec![(5, vec![(0, 1.0), (1, 0.0001)]), (9, vec![(2, -0.00001)])];
        let (scale, kept) = quantise(rows);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].1.len(), 1);
        assert!((f32::from(kept[0].1[0].1) * scale - 1.0).abs() <= scale);
    }
}
