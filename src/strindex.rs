//! A compact hash index of strings, quick to build: what the word lists and the gazetteer
//! are looked up in.
//!
//! Contract: [`StrIndex::intern`] gives every distinct string an id (0, 1, 2, … in the order
//! they were first interned) and keeps one copy of it in a single arena; [`StrIndex::get`]
//! finds the id of a string interned before, or `None`. The index never shrinks and never
//! forgets. [`StrIndex::from_keys`] indexes a word list decoded all at once (ids in its order).
//!
//! Why not a `HashMap<&str, _>`: the tables are built when the first text is annotated, and
//! in the browser that start-up is what the reader waits for (it runs once, in the engine's
//! baseline code). Here a key costs one hash, a slot of 8 bytes and its bytes in one `String`,
//! with no allocation per key; a look-up hashes once and compares the key's bytes only when
//! its slot's stored hash matches. Keys are our own words and names, never chosen to collide.

use std::hash::Hasher;

use crate::text::FxHasher;

pub struct StrIndex {
    /// Every key, one after the other (valid UTF-8: keys are interned as `str`, and
    /// [`StrIndex::from_keys`] checks its bytes).
    arena: Vec<u8>,
    /// Where key `id` ends in `arena` (it starts where key `id - 1` ends).
    ends: Vec<u32>,
    /// Open addressing with linear probing: 0 is an empty slot, else the key's hash in the
    /// high 32 bits and its id + 1 in the low 32.
    slots: Vec<u64>,
}

#[inline]
fn hash(key: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(key);
    // Spread the hash's high bits (the multiply puts its entropy there) over the slot index.
    let x = h.finish();
    x ^ (x >> 29)
}

impl StrIndex {
    /// An index sized for `keys` keys of `bytes` bytes in all (it grows when they are more).
    pub fn with_capacity(keys: usize, bytes: usize) -> StrIndex {
        StrIndex { arena: Vec::with_capacity(bytes), ends: Vec::with_capacity(keys), slots: vec![0; slots_for(keys)] }
    }

    /// An index of keys decoded all at once (`crate::packed::unpack_keys`), key `i` with id
    /// `i`; `None` if a key comes twice or the bytes are not UTF-8. Quicker than interning
    /// them one by one: the keys are in place already, so only their slots are filled.
    pub fn from_keys(keys: crate::packed::Keys) -> Option<StrIndex> {
        let crate::packed::Keys { bytes: arena, ends } = keys;
        std::str::from_utf8(&arena).ok()?;
        let slots = vec![0; slots_for(ends.len())];
        let mut ix = StrIndex { arena, ends, slots };
        for id in 0..ix.ends.len() as u32 {
            let (at, tag) = ix.find(ix.key_bytes(id));
            if ix.slots[at] != 0 {
                return None;
            }
            ix.slots[at] = tag | (id as u64 + 1);
        }
        Some(ix)
    }

    /// The number of distinct keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Key `id` (`id < self.len()`).
    pub fn key(&self, id: u32) -> &str {
        std::str::from_utf8(self.key_bytes(id)).unwrap_or_default()
    }

    fn key_bytes(&self, id: u32) -> &[u8] {
        let end = self.ends[id as usize] as usize;
        let start = if id == 0 { 0 } else { self.ends[id as usize - 1] as usize };
        &self.arena[start..end]
    }

    /// The slot where `key` is, or the empty slot where it would go; and its hash.
    #[inline]
    fn find(&self, key: &[u8]) -> (usize, u64) {
        let h = hash(key);
        let tag = h & 0xffff_ffff_0000_0000;
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let s = self.slots[at];
            if s == 0 || (s & 0xffff_ffff_0000_0000 == tag && self.key_bytes((s as u32) - 1) == key) {
                return (at, tag);
            }
            at = (at + 1) & mask;
        }
    }

    /// The id of `key`, if it was interned.
    #[inline]
    pub fn get(&self, key: &str) -> Option<u32> {
        let (at, _) = self.find(key.as_bytes());
        match self.slots[at] {
            0 => None,
            s => Some((s as u32) - 1),
        }
    }

    /// Was `key` interned?
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The id of `key`, interning it first if it is new; and whether it was new.
    pub fn intern(&mut self, key: &str) -> (u32, bool) {
        let key = key.as_bytes();
        let (at, tag) = self.find(key);
        if self.slots[at] != 0 {
            return ((self.slots[at] as u32) - 1, false);
        }
        let id = self.ends.len() as u32;
        self.arena.extend_from_slice(key);
        self.ends.push(self.arena.len() as u32);
        self.slots[at] = tag | (id as u64 + 1);
        if self.ends.len() * 2 > self.slots.len() {
            self.grow();
        }
        (id, true)
    }

    fn grow(&mut self) {
        let mut slots = vec![0u64; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for id in 0..self.ends.len() as u32 {
            let h = hash(self.key_bytes(id));
            let mut at = h as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = (h & 0xffff_ffff_0000_0000) | (id as u64 + 1);
        }
        self.slots = slots;
    }
}

/// A power of two at least twice `keys` (at most half the slots are used).
fn slots_for(keys: usize) -> usize {
    (keys * 2).max(8).next_power_of_two()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_once_and_finds_what_it_interned() {
        let mut ix = StrIndex::with_capacity(2, 8);
        assert_eq!(ix.intern("Paris"), (0, true));
        assert_eq!(ix.intern("Lyon"), (1, true));
        assert_eq!(ix.intern("Paris"), (0, false));
        assert_eq!(ix.intern(""), (2, true));
        for i in 0..1000 {
            ix.intern(&format!("w{i}"));
        }
        assert_eq!(ix.len(), 1003);
        assert_eq!((ix.get("Paris"), ix.get("Lyon"), ix.get(""), ix.get("w999")), (Some(0), Some(1), Some(2), Some(1002)));
        assert_eq!((ix.get("paris"), ix.get("w1000"), ix.get("Pari")), (None, None, None));
        assert_eq!((ix.key(0), ix.key(1), ix.key(2), ix.key(3)), ("Paris", "Lyon", "", "w0"));
    }
}

#[cfg(test)]
mod from_keys_tests {
    use super::*;
    use crate::packed::{pack_lines, unpack_keys};

    #[test]
    fn indexes_decoded_lines_and_refuses_a_repeated_key() {
        let words = ["", "Paris", "Parisian", "São", "São Paulo", "b"];
        let ix = StrIndex::from_keys(unpack_keys(&pack_lines(words)).unwrap()).unwrap();
        assert_eq!(ix.len(), words.len());
        for (id, w) in words.iter().enumerate() {
            assert_eq!((ix.get(w), ix.key(id as u32)), (Some(id as u32), *w));
        }
        assert_eq!((ix.get("Pari"), ix.get("Sao")), (None, None));
        assert!(StrIndex::from_keys(unpack_keys(&pack_lines(["a", "b", "b"])).unwrap()).is_none());
        assert!(unpack_keys(b"\x01a\n").is_none()); // the first line shares with none
        assert!(unpack_keys(b"\x00ab\n\x03c\n").is_none()); // more than the line before has
        assert!(StrIndex::from_keys(unpack_keys(b"\x00\xff\n").unwrap()).is_none()); // not UTF-8
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;

    proptest::proptest! {
        #[test]
        fn behaves_as_a_hash_map(keys in proptest::collection::vec("[a-cé ]{0,4}", 0..200), probes in proptest::collection::vec("[a-cé ]{0,4}", 0..50)) {
            let mut ix = StrIndex::with_capacity(keys.len() / 4, 16);
            let mut model: std::collections::HashMap<String, u32> = Default::default();
            for k in &keys {
                let n = model.len() as u32;
                let id = *model.entry(k.clone()).or_insert(n);
                proptest::prop_assert_eq!(ix.intern(k), (id, id == n));
            }
            for k in keys.iter().chain(&probes) {
                proptest::prop_assert_eq!(ix.get(k), model.get(k).copied());
                if let Some(id) = ix.get(k) {
                    proptest::prop_assert_eq!(ix.key(id), k.as_str());
                }
            }
        }
    }
}
