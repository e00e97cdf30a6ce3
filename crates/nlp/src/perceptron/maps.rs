//! Packed maps: pre-hashed keys to small values, for the lexicons inside models; a lookup is one
//! probe sequence with no string compare, and loading is one linear pass.

use super::{check_of, packed_capacity, ByteReader, ByteWriter, ModelError};

/// A value stored in a [`PackedMap`].
pub trait MapValue: Copy + Default + PartialEq + std::fmt::Debug {
    fn write(self, w: &mut ByteWriter);
    fn read(r: &mut ByteReader<'_>) -> Result<Self, ModelError>;
}

impl MapValue for u32 {
    fn write(self, w: &mut ByteWriter) {
        w.u32(self);
    }
    fn read(r: &mut ByteReader<'_>) -> Result<u32, ModelError> {
        r.u32()
    }
}

impl MapValue for u16 {
    fn write(self, w: &mut ByteWriter) {
        w.u16(self);
    }
    fn read(r: &mut ByteReader<'_>) -> Result<u16, ModelError> {
        r.u16()
    }
}

impl MapValue for u64 {
    fn write(self, w: &mut ByteWriter) {
        w.u64(self);
    }
    fn read(r: &mut ByteReader<'_>) -> Result<u64, ModelError> {
        r.u64()
    }
}

/// An open-addressing map from pre-hashed `u64` keys (such as [`hash_str`](super::hash_str) of a word) to small
/// values, for the lexicons inside models. Each slot keeps a 32-bit check of its key (the high
/// half; the low bits pick the slot), so a lookup is one probe sequence with no string compare;
/// two keys collide only if they agree in those bits as well. Serialised as an occupancy bitmap
/// plus the occupied slots in table order, so loading is one linear pass with no hashing.
#[derive(Clone, Debug, Default)]
pub struct PackedMap<V: MapValue> {
    mask: usize,
    len: usize,
    checks: Vec<u32>,
    values: Vec<V>,
}

impl<V: MapValue> PackedMap<V> {
    /// Builds the map; later duplicates of a key are ignored. Deterministic for a given order.
    pub fn from_entries(entries: impl ExactSizeIterator<Item = (u64, V)>) -> PackedMap<V> {
        let cap = packed_capacity(entries.len());
        let mut map = PackedMap {
            mask: cap - 1,
            len: 0,
            checks: vec![0; cap],
            values: vec![V::default(); cap],
        };
        for (key, value) in entries {
            let check = check_of(key);
            let mut i = key as usize & map.mask;
            loop {
                if map.checks[i] == 0 {
                    map.checks[i] = check;
                    map.values[i] = value;
                    map.len += 1;
                    break;
                }
                if map.checks[i] == check {
                    break;
                }
                i = (i + 1) & map.mask;
            }
        }
        map
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        if self.len == 0 {
            return None;
        }
        let check = check_of(key);
        let mut i = key as usize & self.mask;
        loop {
            let c = self.checks[i];
            if c == check {
                return Some(self.values[i]);
            }
            if c == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// `(check, value)` of every entry, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, V)> + '_ {
        self.checks
            .iter()
            .zip(&self.values)
            .filter(|(c, _)| **c != 0)
            .map(|(c, v)| (*c, *v))
    }

    /// Writes: entry count and log2 of the table size (u32 each), the occupancy bitmap (one bit
    /// per slot, LSB first), then each entry in table order as its check (u32) and value.
    pub fn write(&self, w: &mut ByteWriter) {
        if self.checks.is_empty() {
            // A default map has no table; written as an empty one of the smallest size.
            w.u32(0);
            w.u32(3);
            w.u8(0);
            return;
        }
        w.u32(self.len as u32);
        w.u32(self.checks.len().trailing_zeros());
        for chunk in self.checks.chunks(8) {
            let mut byte = 0u8;
            for (b, c) in chunk.iter().enumerate() {
                byte |= ((*c != 0) as u8) << b;
            }
            w.u8(byte);
        }
        for (c, v) in self.iter() {
            w.u32(c);
            v.write(w);
        }
    }

    /// Reads what [`PackedMap::write`] wrote.
    pub fn read(r: &mut ByteReader<'_>) -> Result<PackedMap<V>, ModelError> {
        let len = r.u32()? as usize;
        let log2 = r.u32()?;
        if !(3..=31).contains(&log2) || (1usize << log2) < len {
            return Err(ModelError::Corrupt(format!("map table size 2^{log2}")));
        }
        let cap = 1usize << log2;
        let bitmap = r.take(cap / 8)?;
        let mut checks = vec![0u32; cap];
        let mut values = vec![V::default(); cap];
        let mut n = 0;
        for (byte_index, &byte) in bitmap.iter().enumerate() {
            let mut bits = byte;
            while bits != 0 {
                let i = byte_index * 8 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let c = r.u32()?;
                if c == 0 {
                    return Err(ModelError::Corrupt("empty map slot".into()));
                }
                checks[i] = c;
                values[i] = V::read(r)?;
                n += 1;
            }
        }
        if n != len || (len > 0 && n == cap) {
            return Err(ModelError::Corrupt(format!(
                "map holds {n} entries in {cap} slots, header says {len}"
            )));
        }
        Ok(PackedMap {
            mask: cap - 1,
            len,
            checks,
            values,
        })
    }
}
