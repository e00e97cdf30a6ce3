//! A multi-class averaged perceptron over hashed features: the learner behind the tagger, the
//! parser and the NER. Training keeps sparse per-feature rows with timestamps for cheap averaging;
//! [`Perceptron::average`] freezes them into compact [`Weights`] that serialise to a small binary.
//!
//! Features are `u64` hashes built with [`hash_str`], [`feature`] and [`combine`]; classes are dense
//! `u16` indices `0..n_classes` whose meaning the caller owns. Ties in argmax go to the lowest class
//! index, so prediction is deterministic.
//!
//! ```
//! use kg_extract::perceptron::{feature, hash_str, Perceptron, Score, Weights};
//! let mut model = Perceptron::new(2);
//! let f = [feature(1, hash_str("hello"))];
//! for _ in 0..3 {
//!     model.tick();
//!     let guess = model.predict(&f);
//!     model.update(1, guess, &f);
//! }
//! let weights = model.average(0.0);
//! let bytes = weights.to_bytes();
//! assert_eq!(Weights::from_bytes(&bytes).unwrap().predict(&f), 1);
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Why model bytes could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("model bytes end early (needed {needed} more bytes at offset {offset})")]
    Truncated { offset: usize, needed: usize },
    #[error("not a {expected} model (bad magic bytes)")]
    BadMagic { expected: &'static str },
    #[error("unsupported {kind} model version {found} (this build reads version {supported})")]
    UnsupportedVersion {
        kind: &'static str,
        found: u32,
        supported: u32,
    },
    #[error("corrupt model: {0}")]
    Corrupt(String),
}

// ---------------------------------------------------------------------------------------------
// Feature hashing

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Mixes `value` into `h` (FxHash-style rotate/xor/multiply: cheap, good enough before [`finish`]).
#[inline]
pub fn combine(h: u64, value: u64) -> u64 {
    (h.rotate_left(5) ^ value).wrapping_mul(SEED)
}

/// Final avalanche (MurmurHash3 fmix64), so that similar inputs land far apart in the table.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hashes a string once; combine the result into as many features as needed.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Hashes bytes eight at a time. Length is mixed in, so `"a"` and `"a\0"` differ.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = combine(SEED, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = combine(
            h,
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = combine(h, u64::from_le_bytes(buf));
    }
    h
}

/// A feature: template number plus one hashed value.
#[inline]
pub fn feature(template: u32, value: u64) -> u64 {
    finish(combine(combine(SEED, template as u64), value))
}

/// A feature over two values (a conjunction such as previous tag + word).
#[inline]
pub fn feature2(template: u32, a: u64, b: u64) -> u64 {
    finish(combine(combine(combine(SEED, template as u64), a), b))
}

/// A feature over three values.
#[inline]
pub fn feature3(template: u32, a: u64, b: u64, c: u64) -> u64 {
    finish(combine(
        combine(combine(combine(SEED, template as u64), a), b),
        c,
    ))
}

/// Feature keys are already well mixed by [`finish`]: the table hashes them as they are.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Only reached for non-u64 keys; fold them in deterministically.
        self.0 ^= hash_bytes(bytes);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by pre-hashed `u64` feature keys.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

// ---------------------------------------------------------------------------------------------
// Scoring

/// Anything that scores classes from features: the training-time [`Perceptron`] and the frozen
/// [`Weights`].
pub trait Score {
    fn n_classes(&self) -> usize;

    /// Adds each feature's weights into `scores` (length `n_classes`; not cleared first).
    fn add_scores(&self, features: &[u64], scores: &mut [f32]);

    /// Scores from zero into `scores`.
    fn scores(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add_scores(features, scores);
    }

    /// The best class (lowest index on ties).
    fn predict(&self, features: &[u64]) -> u16 {
        let mut scores = vec![0.0; self.n_classes()];
        self.add_scores(features, &mut scores);
        argmax(&scores)
    }
}

/// Index of the highest score, lowest index on ties; 0 for an empty slice.
pub fn argmax(scores: &[f32]) -> u16 {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best as u16
}

/// Fisher–Yates shuffle driven by SplitMix64, so training order depends only on `seed`
/// (which is advanced, to give each epoch a new order).
pub fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let r = finish(*seed);
        items.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

// ---------------------------------------------------------------------------------------------
// Training

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    /// Sum of the weight over all past instants up to `stamp`.
    total: f64,
    stamp: u32,
}

/// A trainable averaged perceptron. Call [`tick`](Perceptron::tick) once per training instance
/// (whether or not it is updated), [`update`](Perceptron::update) on mistakes, then
/// [`average`](Perceptron::average).
pub struct Perceptron {
    n_classes: usize,
    index: KeyMap<u32>,
    rows: Vec<Vec<Entry>>,
    time: u32,
}

impl Perceptron {
    pub fn new(n_classes: usize) -> Perceptron {
        assert!(
            n_classes > 0 && n_classes <= u16::MAX as usize,
            "class count out of range"
        );
        Perceptron {
            n_classes,
            index: KeyMap::default(),
            rows: Vec::new(),
            time: 0,
        }
    }

    /// Number of distinct features seen in updates.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Advances the averaging clock: one call per training instance.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Standard perceptron update: rewards `truth`, penalises `guess`; no-op when they agree.
    pub fn update(&mut self, truth: u16, guess: u16, features: &[u64]) {
        if truth != guess {
            self.add(truth, features, 1.0);
            self.add(guess, features, -1.0);
        }
    }

    /// Adds `delta` to the weight of `class` for every feature (for cost-sensitive or
    /// structured updates).
    pub fn add(&mut self, class: u16, features: &[u64], delta: f32) {
        debug_assert!((class as usize) < self.n_classes);
        let time = self.time;
        for &f in features {
            let next = self.rows.len() as u32;
            let row = *self.index.entry(f).or_insert(next);
            if row == next {
                self.rows.push(Vec::with_capacity(2));
            }
            let entries = &mut self.rows[row as usize];
            match entries.iter_mut().find(|e| e.class == class) {
                Some(e) => {
                    e.total += e.weight as f64 * (time - e.stamp) as f64;
                    e.weight += delta;
                    e.stamp = time;
                }
                None => entries.push(Entry {
                    class,
                    weight: delta,
                    total: 0.0,
                    stamp: time,
                }),
            }
        }
    }

    /// Freezes the averaged weights, dropping those with `|w| < prune_below` (0 keeps all
    /// non-zero ones).
    pub fn average(&self, prune_below: f32) -> Weights {
        let time = self.time.max(1) as f64;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut builder = WeightsBuilder::new(self.n_classes);
        let mut row_buf: Vec<(u16, f32)> = Vec::new();
        for (key, row) in keys {
            row_buf.clear();
            for e in &self.rows[row as usize] {
                let total = e.total + e.weight as f64 * (self.time - e.stamp) as f64;
                let w = (total / time) as f32;
                if w != 0.0 && w.abs() >= prune_below {
                    row_buf.push((e.class, w));
                }
            }
            row_buf.sort_unstable_by_key(|&(c, _)| c);
            builder.push_row(key, &row_buf);
        }
        builder.build()
    }
}

impl Score for Perceptron {
    fn n_classes(&self) -> usize {
        self.n_classes
    }

    #[inline]
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(&row) = self.index.get(f) {
                for e in &self.rows[row as usize] {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Frozen weights

/// Open-addressing table from feature key to its weight run: keys are already uniformly mixed,
/// so the low bits pick the slot and linear probing stays within a cache line or two. Building
/// it is a single pass, which keeps model loading fast. An empty slot has `len == 0`.
#[derive(Clone, Debug, Default)]
struct FeatureTable {
    slots: Vec<Slot>,
    mask: usize,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

impl FeatureTable {
    fn with_capacity(n: usize) -> FeatureTable {
        // Load factor at most 2/3.
        let cap = (n + n / 2 + 1).next_power_of_two().max(8);
        FeatureTable {
            slots: vec![Slot::default(); cap],
            mask: cap - 1,
        }
    }

    /// Inserts a non-empty run; false if the key is already present.
    fn insert(&mut self, key: u64, start: u32, len: u32) -> bool {
        debug_assert!(len > 0);
        let mut i = key as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.len == 0 {
                *slot = Slot { key, start, len };
                return true;
            }
            if slot.key == key {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn get(&self, key: u64) -> Option<(u32, u32)> {
        let mut i = key as usize & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.len == 0 {
                return None;
            }
            if slot.key == key {
                return Some((slot.start, slot.len));
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Immutable averaged weights, stored sparse: each feature owns one contiguous run of
/// `(class, weight)` pairs, so scoring touches one table slot and one short run per feature.
#[derive(Clone, Debug)]
pub struct Weights {
    n_classes: usize,
    /// Feature key → (start, len) of its run in `classes`/`values`.
    index: FeatureTable,
    /// Keys in file order (sorted), kept for serialisation.
    keys: Vec<u64>,
    classes: Vec<u16>,
    values: Vec<f32>,
}

struct WeightsBuilder {
    n_classes: usize,
    keys: Vec<u64>,
    lens: Vec<u32>,
    classes: Vec<u16>,
    values: Vec<f32>,
}

impl WeightsBuilder {
    fn new(n_classes: usize) -> WeightsBuilder {
        WeightsBuilder {
            n_classes,
            keys: vec![],
            lens: vec![],
            classes: vec![],
            values: vec![],
        }
    }

    fn push_row(&mut self, key: u64, row: &[(u16, f32)]) {
        if row.is_empty() {
            return;
        }
        self.keys.push(key);
        self.lens.push(row.len() as u32);
        for &(c, w) in row {
            self.classes.push(c);
            self.values.push(w);
        }
    }

    fn build(self) -> Weights {
        let mut index = FeatureTable::with_capacity(self.keys.len());
        let mut start = 0u32;
        for (&k, &len) in self.keys.iter().zip(&self.lens) {
            index.insert(k, start, len);
            start += len;
        }
        Weights {
            n_classes: self.n_classes,
            index,
            keys: self.keys,
            classes: self.classes,
            values: self.values,
        }
    }
}

const WEIGHTS_MAGIC: &[u8; 4] = b"KGPW";
const WEIGHTS_VERSION: u32 = 1;

impl Weights {
    /// Number of features with at least one weight.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.values.len()
    }

    /// A copy without the weights of magnitude below `below`: smaller and faster, usually at
    /// little cost in accuracy (measure it).
    pub fn pruned(&self, below: f32) -> Weights {
        let mut builder = WeightsBuilder::new(self.n_classes);
        let mut row: Vec<(u16, f32)> = Vec::new();
        for k in &self.keys {
            let (start, len) = self.index.get(*k).expect("own key");
            let (s, e) = (start as usize, (start + len) as usize);
            row.clear();
            row.extend(
                self.classes[s..e]
                    .iter()
                    .zip(&self.values[s..e])
                    .filter(|(_, v)| v.abs() >= below)
                    .map(|(&c, &v)| (c, v)),
            );
            builder.push_row(*k, &row);
        }
        builder.build()
    }

    /// Serialises as: magic `KGPW`, version, n_classes, n_features, n_weights (u32 LE each), then
    /// the sorted feature keys (u64), run lengths (u16), classes (u16) and weights (f32).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::with_capacity(20 + self.keys.len() * 10 + self.values.len() * 6);
        w.bytes(WEIGHTS_MAGIC);
        w.u32(WEIGHTS_VERSION);
        w.u32(self.n_classes as u32);
        w.u32(self.keys.len() as u32);
        w.u32(self.values.len() as u32);
        for &k in &self.keys {
            w.u64(k);
        }
        for k in &self.keys {
            w.u16(self.index.get(*k).expect("own key").1 as u16);
        }
        for &c in &self.classes {
            w.u16(c);
        }
        for &v in &self.values {
            w.f32(v);
        }
        w.into_bytes()
    }

    /// Reads what [`Weights::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, ModelError> {
        let mut r = ByteReader::new(bytes);
        Weights::read(&mut r)
    }

    /// Reads weights embedded in a larger model at the reader's position.
    pub fn read(r: &mut ByteReader<'_>) -> Result<Weights, ModelError> {
        r.magic(WEIGHTS_MAGIC, "perceptron weights")?;
        r.version("perceptron weights", WEIGHTS_VERSION)?;
        let n_classes = r.u32()? as usize;
        let n_keys = r.u32()? as usize;
        let n_values = r.u32()? as usize;
        if n_classes == 0 || n_classes > u16::MAX as usize {
            return Err(ModelError::Corrupt(format!("class count {n_classes}")));
        }
        let key_bytes = r.take(n_keys.checked_mul(8).ok_or_else(overflow)?)?;
        let len_bytes = r.take(n_keys * 2)?;
        let class_bytes = r.take(n_values.checked_mul(2).ok_or_else(overflow)?)?;
        let value_bytes = r.take(n_values * 4)?;
        let keys: Vec<u64> = key_bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let classes: Vec<u16> = class_bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if let Some(&c) = classes.iter().find(|&&c| c as usize >= n_classes) {
            return Err(ModelError::Corrupt(format!(
                "class {c} out of range {n_classes}"
            )));
        }
        let values: Vec<f32> = value_bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let mut index = FeatureTable::with_capacity(n_keys);
        let mut start = 0usize;
        for (&k, l) in keys.iter().zip(len_bytes.chunks_exact(2)) {
            let len = u16::from_le_bytes([l[0], l[1]]) as usize;
            if start + len > n_values {
                return Err(ModelError::Corrupt(
                    "weight runs exceed weight count".into(),
                ));
            }
            if len == 0 || !index.insert(k, start as u32, len as u32) {
                return Err(ModelError::Corrupt(
                    "empty run or duplicate feature key".into(),
                ));
            }
            start += len;
        }
        if start != n_values {
            return Err(ModelError::Corrupt(
                "weight runs do not cover all weights".into(),
            ));
        }
        Ok(Weights {
            n_classes,
            index,
            keys,
            classes,
            values,
        })
    }

    /// Appends this model to a larger model being written.
    pub fn write(&self, w: &mut ByteWriter) {
        w.bytes(&self.to_bytes());
    }
}

fn overflow() -> ModelError {
    ModelError::Corrupt("size overflow".into())
}

impl Score for Weights {
    fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Scoring is bound by cache misses on a large table, so it runs in phases: prefetch every
    /// feature's slot, then look them up and prefetch the runs found, then add the runs. The
    /// misses of one phase overlap instead of queueing one after another.
    #[inline]
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            prefetch(&self.index.slots[*f as usize & self.index.mask]);
        }
        let mut runs = [(0u32, 0u32); 64];
        for chunk in features.chunks(runs.len()) {
            let mut n = 0;
            for f in chunk {
                if let Some((start, len)) = self.index.get(*f) {
                    prefetch(&self.classes[start as usize]);
                    prefetch(&self.values[start as usize]);
                    runs[n] = (start, len);
                    n += 1;
                }
            }
            for &(start, len) in &runs[..n] {
                let (s, e) = (start as usize, (start + len) as usize);
                for (&c, &v) in self.classes[s..e].iter().zip(&self.values[s..e]) {
                    scores[c as usize] += v;
                }
            }
        }
    }
}

/// Hints the CPU to start loading the cache line of `value`; a no-op off x86-64.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is only a hint; it never faults, whatever the address.
    #[allow(unused_unsafe)]
    unsafe {
        std::arch::x86_64::_mm_prefetch(
            value as *const T as *const i8,
            std::arch::x86_64::_MM_HINT_T0,
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

// ---------------------------------------------------------------------------------------------
// Little-endian byte codec shared by all model files

/// Appends little-endian values; the writer half of every kg model format.
#[derive(Default)]
pub struct ByteWriter {
    buf: Vec<u8>,
}

impl ByteWriter {
    pub fn new() -> ByteWriter {
        ByteWriter::default()
    }
    pub fn with_capacity(n: usize) -> ByteWriter {
        ByteWriter {
            buf: Vec::with_capacity(n),
        }
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A length-prefixed (u32) UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes(s.as_bytes());
    }
    /// A length-prefixed (u32) list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s.as_ref());
        }
    }
    /// A length-prefixed (u64) blob, for nesting one model inside another.
    pub fn blob(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.bytes(b);
    }
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads little-endian values with bounds checks; every read failure is a [`ModelError`].
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(bytes: &'a [u8]) -> ByteReader<'a> {
        ByteReader { bytes, pos: 0 }
    }
    pub fn position(&self) -> usize {
        self.pos
    }
    pub fn is_at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let left = self.bytes.len() - self.pos;
        if n > left {
            return Err(ModelError::Truncated {
                offset: self.pos,
                needed: n - left,
            });
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| ModelError::Corrupt("invalid UTF-8".into()))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        // Each string needs at least its 4-byte length; refuse absurd counts before allocating.
        if n > (self.bytes.len() - self.pos) / 4 {
            return Err(ModelError::Corrupt(format!(
                "string count {n} exceeds model size"
            )));
        }
        (0..n).map(|_| self.str().map(str::to_owned)).collect()
    }
    pub fn blob(&mut self) -> Result<&'a [u8], ModelError> {
        let n = self.u64()?;
        let n = usize::try_from(n).map_err(|_| overflow())?;
        self.take(n)
    }
    /// Checks a 4-byte magic number.
    pub fn magic(&mut self, magic: &[u8; 4], kind: &'static str) -> Result<(), ModelError> {
        if self
            .take(4)
            .map_err(|_| ModelError::BadMagic { expected: kind })?
            != magic
        {
            return Err(ModelError::BadMagic { expected: kind });
        }
        Ok(())
    }
    /// Checks a u32 format version.
    pub fn version(&mut self, kind: &'static str, supported: u32) -> Result<(), ModelError> {
        let found = self.u32()?;
        if found != supported {
            return Err(ModelError::UnsupportedVersion {
                kind,
                found,
                supported,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(words: &[&str]) -> Vec<u64> {
        words.iter().map(|w| feature(0, hash_str(w))).collect()
    }

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let data = [
            (feats(&["red", "round"]), 0u16),
            (feats(&["yellow", "long"]), 1),
            (feats(&["green", "round"]), 2),
            (feats(&["red", "small"]), 0),
        ];
        let mut p = Perceptron::new(3);
        for _ in 0..10 {
            for (f, y) in &data {
                p.tick();
                let guess = p.predict(f);
                p.update(*y, guess, f);
            }
        }
        let w = p.average(0.0);
        for (f, y) in &data {
            assert_eq!(w.predict(f), *y);
        }
        let bytes = w.to_bytes();
        let back = Weights::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        let mut a = vec![0.0; 3];
        let mut b = vec![0.0; 3];
        for (f, _) in &data {
            w.scores(f, &mut a);
            back.scores(f, &mut b);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn averaging_weighs_by_time_survived() {
        let f = feats(&["x"]);
        let mut p = Perceptron::new(2);
        p.tick();
        p.add(1, &f, 1.0); // weight 1 from time 1
        p.tick();
        p.tick();
        p.tick(); // time 4: averaged over 4 instants, w=1 for 3 of them
        let w = p.average(0.0);
        let mut s = vec![0.0; 2];
        w.scores(&f, &mut s);
        assert!((s[1] - 0.75).abs() < 1e-6, "{s:?}");
    }

    #[test]
    fn corrupt_bytes_are_typed_errors() {
        let mut p = Perceptron::new(2);
        p.tick();
        p.update(1, 0, &feats(&["a"]));
        let bytes = p.average(0.0).to_bytes();
        assert_eq!(
            Weights::from_bytes(b"NOPE").unwrap_err(),
            ModelError::BadMagic {
                expected: "perceptron weights"
            }
        );
        assert!(matches!(
            Weights::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ModelError::Truncated { .. })
        ));
        let mut wrong_version = bytes.clone();
        wrong_version[4] = 99;
        assert!(matches!(
            Weights::from_bytes(&wrong_version),
            Err(ModelError::UnsupportedVersion { found: 99, .. })
        ));
    }
}
