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

use super::{FeatureTable, Tagger};
use crate::{AnalyseError, Tag};
use dyad_perceptron::{
    HashedKeyMap, ModelBytes, ModelBytesError, quantise_weights, weight_scale, write_leb128, write_short_string,
};

const MAGIC: &[u8; 8] = b"DYADPOS1";

/// Features with their (tag index, weight in units of the scale) lists.
pub(super) type QuantisedRows = Vec<(u64, Vec<(u8, i16)>)>;

/// Quantised weights smaller than this (in units of the scale) are pruned.
pub(super) const PRUNE_BELOW_QUANTA: i32 = 8;

/// Rounds the weights to multiples of a common scale, dropping the smallest; returns the
/// scale and the rows with their remaining weights in units of it.
pub(super) fn quantise(rows: Vec<(u64, Vec<(u8, f32)>)>) -> (f32, QuantisedRows) {
    let scale = weight_scale(rows.iter().flat_map(|(_, entries)| entries.iter().map(|(_, weight)| *weight)));
    let quantised = rows
        .into_iter()
        .map(|(feature, entries)| (feature, quantise_weights(entries, scale, PRUNE_BELOW_QUANTA)))
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
        write_short_string(&mut bytes, tag.as_str());
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

pub(super) fn read(bytes: &[u8]) -> Result<Tagger, AnalyseError> {
    let mut reader = ModelBytes::new(bytes);
    if reader.take(MAGIC.len())? != MAGIC {
        return Err(AnalyseError::Model("does not start with the DYADPOS1 magic".to_string()));
    }
    let tags = tag_list(&mut reader)?;
    let dictionary_length = reader.u32()? as usize;
    let mut tag_dictionary: HashedKeyMap<u8> =
        HashedKeyMap::with_capacity_and_hasher(dictionary_length.min(1 << 20), Default::default());
    for _ in 0..dictionary_length {
        let word = reader.u64()?;
        let class = class(&mut reader, &tags)?;
        tag_dictionary.insert(word, class);
    }
    let scale = reader.f32()?;
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
            let class = class(&mut reader, &tags)?;
            entries.push((class, reader.i16()?));
        }
        rows.push((key, entries));
    }
    if !reader.is_at_end() {
        return Err(reader.error("unexpected bytes after the last feature").into());
    }
    Ok(Tagger { weights: FeatureTable::from_rows(rows, scale), tag_dictionary })
}

impl From<ModelBytesError> for AnalyseError {
    fn from(error: ModelBytesError) -> AnalyseError {
        AnalyseError::Model(error.to_string())
    }
}

/// The file's tag list, as indices into [`Tag::ALL`].
fn tag_list(reader: &mut ModelBytes) -> Result<Vec<u8>, AnalyseError> {
    let count = reader.u8()?;
    let mut tags = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let name = reader.short_string()?;
        let tag = Tag::parse(name).ok_or_else(|| reader.error(&format!("unknown tag {name:?}")))?;
        tags.push(tag.index() as u8);
    }
    Ok(tags)
}

/// A tag number from the file, mapped to an index into [`Tag::ALL`].
fn class(reader: &mut ModelBytes, tags: &[u8]) -> Result<u8, AnalyseError> {
    let number = reader.u8()?;
    Ok(tags
        .get(usize::from(number))
        .copied()
        .ok_or_else(|| reader.error(&format!("tag number {number} out of range")))?)
}

#[cfg(test)]
mod tests {
    use super::*;

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
