//! Maps keyed by feature hashes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already good 64-bit hashes (feature hashes, word hashes):
/// hashing them again would cost time on every lookup of a hot loop and gain nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are meant for this hasher; fold anything else in anyway.
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A map keyed by a 64-bit hash, using the hash itself.
pub type HashedKeyMap<V> = HashMap<u64, V, BuildHasherDefault<PassThroughHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u64_keys_hash_to_themselves() {
        let mut hasher = PassThroughHasher::default();
        hasher.write_u64(0xdead_beef);
        assert_eq!(hasher.finish(), 0xdead_beef);
        let mut map: HashedKeyMap<&str> = HashedKeyMap::default();
        map.insert(42, "answer");
        assert_eq!(map.get(&42), Some(&"answer"));
    }
}
