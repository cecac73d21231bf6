//! Reading and writing the primitive values of a model file.

/// A malformed model file: what was wrong and at which byte.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at byte {position} of {length})")]
pub struct ModelBytesError {
    pub message: String,
    pub position: usize,
    pub length: usize,
}

/// A cursor over a model file's bytes; every read checks that the bytes are there.
pub struct ModelBytes<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> ModelBytes<'a> {
    pub fn new(bytes: &'a [u8]) -> ModelBytes<'a> {
        ModelBytes { bytes, position: 0 }
    }

    /// An error at the current position, for checks the caller makes on what it read.
    pub fn error(&self, message: &str) -> ModelBytesError {
        ModelBytesError { message: message.to_string(), position: self.position, length: self.bytes.len() }
    }

    pub fn is_at_end(&self) -> bool {
        self.position == self.bytes.len()
    }

    pub fn take(&mut self, length: usize) -> Result<&'a [u8], ModelBytesError> {
        let end = self.position.checked_add(length).filter(|end| *end <= self.bytes.len());
        let end = end.ok_or_else(|| self.error("model ends too early"))?;
        let slice = &self.bytes[self.position..end];
        self.position = end;
        Ok(slice)
    }

    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelBytesError> {
        let mut array = [0u8; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    pub fn u8(&mut self) -> Result<u8, ModelBytesError> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32, ModelBytesError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, ModelBytesError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    pub fn i16(&mut self) -> Result<i16, ModelBytesError> {
        Ok(i16::from_le_bytes(self.array()?))
    }

    pub fn f32(&mut self) -> Result<f32, ModelBytesError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// An unsigned LEB128 number (7 bits a byte, high bit set on all but the last).
    pub fn leb128(&mut self) -> Result<u64, ModelBytesError> {
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

    /// A string of at most 255 bytes, written with [`write_short_string`].
    pub fn short_string(&mut self) -> Result<&'a str, ModelBytesError> {
        let length = usize::from(self.u8()?);
        let bytes = self.take(length)?;
        std::str::from_utf8(bytes).map_err(|_| self.error(&format!("name {:?} is not UTF-8", bytes)))
    }
}

/// Appends `value` as unsigned LEB128: small numbers (the gaps between sorted feature keys)
/// take one or two bytes instead of eight.
pub fn write_leb128(bytes: &mut Vec<u8>, mut value: u64) {
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

/// Appends a length byte and the string's UTF-8 bytes. Callers keep names under 256 bytes
/// (tag and relation names are a few letters); a longer one is cut at a character boundary
/// so the file stays readable.
pub fn write_short_string(bytes: &mut Vec<u8>, text: &str) {
    let mut end = text.len().min(255);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    bytes.push(end as u8);
    bytes.extend_from_slice(&text.as_bytes()[..end]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb128_round_trips() {
        for value in [0, 1, 127, 128, 300, 1 << 35, u64::MAX] {
            let mut bytes = Vec::new();
            write_leb128(&mut bytes, value);
            let mut reader = ModelBytes::new(&bytes);
            assert_eq!(reader.leb128().unwrap(), value);
            assert!(reader.is_at_end());
        }
        let mut small = Vec::new();
        write_leb128(&mut small, 100);
        assert_eq!(small.len(), 1, "small gaps take one byte");
    }

    #[test]
    fn reading_past_the_end_names_the_byte() {
        let mut reader = ModelBytes::new(&[1, 2, 3]);
        assert_eq!(reader.u8().unwrap(), 1);
        let error = reader.u32().unwrap_err();
        assert_eq!(error.to_string(), "model ends too early (at byte 1 of 3)");
        let error = ModelBytes::new(&[0xff; 11]).leb128().unwrap_err();
        assert!(error.message.contains("longer than 64 bits"), "{error}");
    }

    #[test]
    fn short_strings_round_trip_and_long_ones_are_cut_on_a_character() {
        let mut bytes = Vec::new();
        write_short_string(&mut bytes, "acl:relcl");
        let long = "é".repeat(200);
        write_short_string(&mut bytes, &long);
        let mut reader = ModelBytes::new(&bytes);
        assert_eq!(reader.short_string().unwrap(), "acl:relcl");
        let cut = reader.short_string().unwrap();
        assert_eq!(cut.len(), 254, "127 two-byte characters fit in 255 bytes");
        assert!(long.starts_with(cut));
        assert!(ModelBytes::new(&[2, 0xff, 0xfe]).short_string().is_err());
    }

    #[test]
    fn fixed_width_numbers_are_little_endian() {
        let mut bytes = 7u32.to_le_bytes().to_vec();
        bytes.extend_from_slice(&(-3i16).to_le_bytes());
        bytes.extend_from_slice(&1.5f32.to_le_bytes());
        let mut reader = ModelBytes::new(&bytes);
        assert_eq!((reader.u32().unwrap(), reader.i16().unwrap(), reader.f32().unwrap()), (7, -3, 1.5));
    }
}
