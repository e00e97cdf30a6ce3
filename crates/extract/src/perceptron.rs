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

    /// Adds one feature's weights into `scores`: what `add_scores(&[feature], scores)` adds.
    fn add_feature(&self, feature: u64, scores: &mut [f32]) {
        self.add_scores(&[feature], scores);
    }

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

impl Perceptron {
    /// Freezes the averaged weights into a [`DenseWeights`] table, dropping features whose
    /// weights all have `|w| < prune_below`.
    pub fn average_dense(&self, prune_below: f32) -> DenseWeights {
        let time = self.time.max(1) as f64;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut rows: Vec<(u64, Vec<f32>)> = Vec::new();
        for (key, row) in keys {
            let mut w = vec![0.0f32; self.n_classes];
            for e in &self.rows[row as usize] {
                let total = e.total + e.weight as f64 * (self.time - e.stamp) as f64;
                w[e.class as usize] = (total / time) as f32;
            }
            if w.iter().any(|v| *v != 0.0 && v.abs() >= prune_below) {
                rows.push((key, w));
            }
        }
        let mut table = DenseWeights::with_capacity(self.n_classes, rows.len());
        for (key, w) in &rows {
            table.insert(*key, w);
        }
        table
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
/// so the low bits pick the slot and linear probing stays within a cache line or two. The table
/// is written to model files slot by slot, so loading it is one linear pass with no hashing.
/// An empty slot has `len == 0`.
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

/// Slots for `n` keys at a load factor of at most 1/2: most lookups at run time are misses
/// (features never seen in training), and a miss probes until it meets an empty slot.
fn table_capacity(n: usize) -> usize {
    (2 * n + 1).next_power_of_two().max(8)
}

impl FeatureTable {
    fn with_capacity(n: usize) -> FeatureTable {
        let cap = table_capacity(n);
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

/// One weight of a feature's run: the class and its weight side by side, so that a run is one
/// contiguous read.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct ClassWeight {
    class: u32,
    weight: f32,
}

/// Immutable averaged weights, stored sparse: each feature owns one contiguous run of
/// `(class, weight)` pairs, so scoring touches one table slot and one short run per feature.
/// Runs are laid out in slot order.
#[derive(Clone, Debug)]
pub struct Weights {
    n_classes: usize,
    n_features: usize,
    /// Feature key → (start, len) of its run in `runs`.
    index: FeatureTable,
    runs: Vec<ClassWeight>,
}

struct WeightsBuilder {
    n_classes: usize,
    keys: Vec<u64>,
    lens: Vec<u32>,
    runs: Vec<ClassWeight>,
}

impl WeightsBuilder {
    fn new(n_classes: usize) -> WeightsBuilder {
        WeightsBuilder {
            n_classes,
            keys: vec![],
            lens: vec![],
            runs: vec![],
        }
    }

    fn push_row(&mut self, key: u64, row: &[(u16, f32)]) {
        if row.is_empty() {
            return;
        }
        self.keys.push(key);
        self.lens.push(row.len() as u32);
        for &(c, w) in row {
            self.runs.push(ClassWeight {
                class: c as u32,
                weight: w,
            });
        }
    }

    /// Builds the table (keys inserted in push order, so the layout is deterministic), then
    /// copies the runs into slot order.
    fn build(self) -> Weights {
        let mut index = FeatureTable::with_capacity(self.keys.len());
        let mut start = 0u32;
        for (&k, &len) in self.keys.iter().zip(&self.lens) {
            index.insert(k, start, len);
            start += len;
        }
        let mut runs = Vec::with_capacity(self.runs.len());
        for slot in index.slots.iter_mut().filter(|s| s.len > 0) {
            let (s, e) = (slot.start as usize, (slot.start + slot.len) as usize);
            slot.start = runs.len() as u32;
            runs.extend_from_slice(&self.runs[s..e]);
        }
        Weights {
            n_classes: self.n_classes,
            n_features: self.keys.len(),
            index,
            runs,
        }
    }
}

const WEIGHTS_MAGIC: &[u8; 4] = b"KGPW";
/// Version 2 stores the lookup table itself; version 1 (sorted keys) is still read.
const WEIGHTS_VERSION: u32 = 2;

impl Weights {
    /// Number of features with at least one weight.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.runs.len()
    }

    /// The mean of several models over the same classes (an ensemble of linear scorers is one
    /// linear scorer: the mean of their weights scores every input as the mean of their scores),
    /// dropping mean weights of magnitude below `prune_below`. Deterministic: rows are built in
    /// key order.
    pub fn mean(models: &[Weights], prune_below: f32) -> Weights {
        let n_classes = models.first().map_or(0, |m| m.n_classes);
        assert!(models.iter().all(|m| m.n_classes == n_classes));
        let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = Default::default();
        for m in models {
            for slot in m.index.slots.iter().filter(|s| s.len > 0) {
                let row = sums.entry(slot.key).or_insert_with(|| vec![0.0; n_classes]);
                let (s, e) = (slot.start as usize, (slot.start + slot.len) as usize);
                for cw in &m.runs[s..e] {
                    row[cw.class as usize] += cw.weight;
                }
            }
        }
        let k = models.len().max(1) as f32;
        let mut builder = WeightsBuilder::new(n_classes);
        let mut row_buf: Vec<(u16, f32)> = Vec::new();
        for (key, row) in sums {
            row_buf.clear();
            row_buf.extend(
                row.iter()
                    .enumerate()
                    .map(|(c, &w)| (c as u16, w / k))
                    .filter(|&(_, w)| w != 0.0 && w.abs() >= prune_below),
            );
            builder.push_row(key, &row_buf);
        }
        builder.build()
    }

    /// A copy without the weights of magnitude below `below`: smaller and faster, usually at
    /// little cost in accuracy (measure it).
    pub fn pruned(&self, below: f32) -> Weights {
        let mut builder = WeightsBuilder::new(self.n_classes);
        let mut row: Vec<(u16, f32)> = Vec::new();
        for slot in self.index.slots.iter().filter(|s| s.len > 0) {
            let (s, e) = (slot.start as usize, (slot.start + slot.len) as usize);
            row.clear();
            row.extend(
                self.runs[s..e]
                    .iter()
                    .filter(|cw| cw.weight.abs() >= below)
                    .map(|cw| (cw.class as u16, cw.weight)),
            );
            builder.push_row(slot.key, &row);
        }
        builder.build()
    }

    /// Serialises as: magic `KGPW`, version, n_classes, n_features, n_weights, log2 of the table
    /// size (u32 LE each), then for each occupied slot in table order its index (u32), key
    /// (u64) and run length (u16), then all classes (u16) and weights (f32) in the same order.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::with_capacity(24 + self.n_features * 14 + self.runs.len() * 6);
        w.bytes(WEIGHTS_MAGIC);
        w.u32(WEIGHTS_VERSION);
        w.u32(self.n_classes as u32);
        w.u32(self.n_features as u32);
        w.u32(self.runs.len() as u32);
        w.u32(self.index.slots.len().trailing_zeros());
        for (i, slot) in self.index.slots.iter().enumerate() {
            if slot.len > 0 {
                w.u32(i as u32);
                w.u64(slot.key);
                w.u16(slot.len as u16);
            }
        }
        for cw in &self.runs {
            w.u16(cw.class as u16);
        }
        for cw in &self.runs {
            w.f32(cw.weight);
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
        let version = r.u32()?;
        if version != 1 && version != WEIGHTS_VERSION {
            return Err(ModelError::UnsupportedVersion {
                kind: "perceptron weights",
                found: version,
                supported: WEIGHTS_VERSION,
            });
        }
        let n_classes = r.u32()? as usize;
        let n_keys = r.u32()? as usize;
        let n_values = r.u32()? as usize;
        if n_classes == 0 || n_classes > u16::MAX as usize {
            return Err(ModelError::Corrupt(format!("class count {n_classes}")));
        }
        if version == 1 {
            return Weights::read_v1(r, n_classes, n_keys, n_values);
        }
        let log2 = r.u32()?;
        if log2 > 31 || (1usize << log2) < n_keys {
            return Err(ModelError::Corrupt(format!("table size 2^{log2}")));
        }
        let cap = 1usize << log2;
        let slot_bytes = r.take(n_keys.checked_mul(14).ok_or_else(overflow)?)?;
        let class_bytes = r.take(n_values.checked_mul(2).ok_or_else(overflow)?)?;
        let value_bytes = r.take(n_values * 4)?;
        let mut slots = vec![Slot::default(); cap];
        let mut start = 0usize;
        let mut last = None;
        for c in slot_bytes.chunks_exact(14) {
            let i = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
            let key = u64::from_le_bytes(c[4..12].try_into().expect("8 bytes"));
            let len = u16::from_le_bytes([c[12], c[13]]) as usize;
            if i >= cap || last.is_some_and(|l| i <= l) || len == 0 || start + len > n_values {
                return Err(ModelError::Corrupt("bad weight table slot".into()));
            }
            last = Some(i);
            slots[i] = Slot {
                key,
                start: start as u32,
                len: len as u32,
            };
            start += len;
        }
        if start != n_values {
            return Err(ModelError::Corrupt(
                "weight runs do not cover all weights".into(),
            ));
        }
        let runs: Vec<ClassWeight> = class_bytes
            .chunks_exact(2)
            .zip(value_bytes.chunks_exact(4))
            .map(|(c, v)| ClassWeight {
                class: u16::from_le_bytes([c[0], c[1]]) as u32,
                weight: f32::from_le_bytes([v[0], v[1], v[2], v[3]]),
            })
            .collect();
        if let Some(cw) = runs.iter().find(|cw| cw.class as usize >= n_classes) {
            return Err(ModelError::Corrupt(format!(
                "class {} out of range {n_classes}",
                cw.class
            )));
        }
        Ok(Weights {
            n_classes,
            n_features: n_keys,
            index: FeatureTable {
                slots,
                mask: cap - 1,
            },
            runs,
        })
    }

    /// Version 1: sorted keys (u64), run lengths (u16), classes (u16), weights (f32).
    fn read_v1(
        r: &mut ByteReader<'_>,
        n_classes: usize,
        n_keys: usize,
        n_values: usize,
    ) -> Result<Weights, ModelError> {
        let key_bytes = r.take(n_keys.checked_mul(8).ok_or_else(overflow)?)?;
        let len_bytes = r.take(n_keys * 2)?;
        let class_bytes = r.take(n_values.checked_mul(2).ok_or_else(overflow)?)?;
        let value_bytes = r.take(n_values * 4)?;
        let mut builder = WeightsBuilder::new(n_classes);
        let mut start = 0usize;
        let mut row: Vec<(u16, f32)> = Vec::new();
        let mut seen = FeatureTable::with_capacity(n_keys);
        for (k, l) in key_bytes.chunks_exact(8).zip(len_bytes.chunks_exact(2)) {
            let key = u64::from_le_bytes(k.try_into().expect("8 bytes"));
            let len = u16::from_le_bytes([l[0], l[1]]) as usize;
            if start + len > n_values {
                return Err(ModelError::Corrupt(
                    "weight runs exceed weight count".into(),
                ));
            }
            if len == 0 || !seen.insert(key, 0, 1) {
                return Err(ModelError::Corrupt(
                    "empty run or duplicate feature key".into(),
                ));
            }
            row.clear();
            for j in start..start + len {
                let c = u16::from_le_bytes([class_bytes[2 * j], class_bytes[2 * j + 1]]);
                if c as usize >= n_classes {
                    return Err(ModelError::Corrupt(format!(
                        "class {c} out of range {n_classes}"
                    )));
                }
                let v = &value_bytes[4 * j..4 * j + 4];
                row.push((c, f32::from_le_bytes([v[0], v[1], v[2], v[3]])));
            }
            builder.push_row(key, &row);
            start += len;
        }
        if start != n_values {
            return Err(ModelError::Corrupt(
                "weight runs do not cover all weights".into(),
            ));
        }
        Ok(builder.build())
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
                    prefetch(&self.runs[start as usize]);
                    runs[n] = (start, len);
                    n += 1;
                }
            }
            for &(start, len) in &runs[..n] {
                for cw in &self.runs[start as usize..(start + len) as usize] {
                    scores[cw.class as usize] += cw.weight;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dense weights for few classes

/// Averaged weights for a handful of classes (the parser's three transitions), stored densely:
/// each table slot holds a 32-bit check of the key and one weight per class, so scoring a
/// feature costs one probe into one cache line. Slot `i` occupies `data[i * stride..]` with
/// `stride = 1 + n_classes`; a check of 0 marks an empty slot.
#[derive(Clone, Debug)]
pub struct DenseWeights {
    n_classes: usize,
    n_features: usize,
    stride: usize,
    mask: usize,
    data: Vec<u32>,
}

const DENSE_MAGIC: &[u8; 4] = b"KGPD";
const DENSE_VERSION: u32 = 1;

/// The 32-bit check stored for a key: its high half (the low half picks the slot), never 0.
#[inline]
fn check_of(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

impl DenseWeights {
    fn with_capacity(n_classes: usize, n: usize) -> DenseWeights {
        let cap = table_capacity(n);
        let stride = 1 + n_classes;
        DenseWeights {
            n_classes,
            n_features: 0,
            stride,
            mask: cap - 1,
            data: vec![0; cap * stride],
        }
    }

    fn insert(&mut self, key: u64, weights: &[f32]) {
        let check = check_of(key);
        let mut i = key as usize & self.mask;
        loop {
            let at = i * self.stride;
            if self.data[at] == 0 {
                self.data[at] = check;
                for (d, w) in self.data[at + 1..at + self.stride].iter_mut().zip(weights) {
                    *d = w.to_bits();
                }
                self.n_features += 1;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of features stored.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Serialises as: magic `KGPD`, version, n_classes, n_features, log2 of the table size
    /// (u32 LE each), then each occupied slot in table order: its index (u32), check (u32) and
    /// weights (f32 each).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::with_capacity(20 + self.n_features * 4 * (self.stride + 1));
        w.bytes(DENSE_MAGIC);
        w.u32(DENSE_VERSION);
        w.u32(self.n_classes as u32);
        w.u32(self.n_features as u32);
        let cap = self.mask + 1;
        w.u32(cap.trailing_zeros());
        for (i, slot) in self.data.chunks_exact(self.stride).enumerate() {
            if slot[0] != 0 {
                w.u32(i as u32);
                for &v in slot {
                    w.u32(v);
                }
            }
        }
        w.into_bytes()
    }

    /// Reads what [`DenseWeights::to_bytes`] wrote: one linear pass, no hashing.
    pub fn from_bytes(bytes: &[u8]) -> Result<DenseWeights, ModelError> {
        let mut r = ByteReader::new(bytes);
        r.magic(DENSE_MAGIC, "dense perceptron weights")?;
        r.version("dense perceptron weights", DENSE_VERSION)?;
        let n_classes = r.u32()? as usize;
        let n_features = r.u32()? as usize;
        let log2 = r.u32()?;
        if n_classes == 0 || n_classes > 64 || log2 > 31 || (1usize << log2) < n_features {
            return Err(ModelError::Corrupt(format!(
                "dense weights: {n_classes} classes, table 2^{log2}"
            )));
        }
        let stride = 1 + n_classes;
        let cap = 1usize << log2;
        let body = r.take(
            n_features
                .checked_mul(4 * (stride + 1))
                .ok_or_else(overflow)?,
        )?;
        let mut data = vec![0u32; cap * stride];
        let mut last = None;
        for slot in body.chunks_exact(4 * (stride + 1)) {
            let mut words = slot
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
            let i = words.next().expect("slot index") as usize;
            if i >= cap || last.is_some_and(|l| i <= l) {
                return Err(ModelError::Corrupt("bad dense weight slot".into()));
            }
            last = Some(i);
            for (d, v) in data[i * stride..(i + 1) * stride].iter_mut().zip(words) {
                *d = v;
            }
            if data[i * stride] == 0 {
                return Err(ModelError::Corrupt("empty dense weight slot".into()));
            }
        }
        Ok(DenseWeights {
            n_classes,
            n_features,
            stride,
            mask: cap - 1,
            data,
        })
    }
}

impl Score for DenseWeights {
    fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Prefetches every feature's slot first, so that the cache misses overlap, then probes.
    #[inline]
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            prefetch(&self.data[(*f as usize & self.mask) * self.stride]);
        }
        for &f in features {
            let check = check_of(f);
            let mut i = f as usize & self.mask;
            loop {
                let at = i * self.stride;
                let c = self.data[at];
                if c == check {
                    for (s, w) in scores.iter_mut().zip(&self.data[at + 1..at + self.stride]) {
                        *s += f32::from_bits(*w);
                    }
                    break;
                }
                if c == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
    }
}

/// `acc[c] += row[c]` over whole blocks of 16 classes (`acc` and `row` have the same length, a
/// multiple of 16).
#[inline(always)]
fn add_row(acc: &mut [i32], row: &[i16]) {
    debug_assert!(acc.len() == row.len() && acc.len() % 16 == 0);
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available (checked just above).
        unsafe { add_row_avx2(acc, row) };
        return;
    }
    for (a, w) in acc.chunks_exact_mut(16).zip(row.chunks_exact(16)) {
        let a: &mut [i32; 16] = a.try_into().expect("block of 16");
        let w: &[i16; 16] = w.try_into().expect("block of 16");
        for k in 0..16 {
            a[k] += w[k] as i32;
        }
    }
}

/// [`add_row`] with AVX2: sign-extends 8 weights to `i32` and adds them per instruction.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_row_avx2(acc: &mut [i32], row: &[i16]) {
    use std::arch::x86_64::*;
    let n = acc.len().min(row.len()) / 8 * 8;
    let (a, w) = (acc.as_mut_ptr(), row.as_ptr());
    let mut k = 0;
    while k < n {
        // SAFETY: k + 8 <= n <= both lengths, so both 8-lane accesses are in bounds;
        // unaligned loads and stores have no alignment requirement.
        unsafe {
            let wide = _mm256_cvtepi16_epi32(_mm_loadu_si128(w.add(k) as *const __m128i));
            let sum = _mm256_add_epi32(_mm256_loadu_si256(a.add(k) as *const __m256i), wide);
            _mm256_storeu_si256(a.add(k) as *mut __m256i, sum);
        }
        k += 8;
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
// Packed weights: the run-time form of the tagger's and the parser's weights

/// Frozen weights laid out for scoring speed. Each feature owns one 16-byte slot (a quarter of
/// a cache line) holding a 32-bit check of its key and its first two `(class, weight)` entries;
/// longer rows continue in an overflow array, and rows with weights for many classes (the
/// frequent features, such as a POS tag alone, which fire on nearly every prediction) are stored
/// as dense `i16` rows that are added with vector instructions. Most features (84 % of the
/// parser's) have at most two weights, so scoring them costs one cache miss instead of two, and
/// the table is less than half the size of [`Weights`]'. Weights are quantised to `i16` with one
/// scale per model (`max |w| / 32767`, so the rounding error is below 0.002 % of the largest
/// weight) and summed exactly in `i32`; weights that round to 0 are dropped. Loading is one
/// linear pass over the file: an occupancy bitmap, the occupied slots in table order, then the
/// overflow words and the dense rows.
#[derive(Clone, Debug)]
pub struct PackedWeights {
    n_classes: usize,
    n_features: usize,
    n_weights: usize,
    scale: f32,
    mask: usize,
    slots: Vec<PackedSlot>,
    /// Per feature with more than two weights: the number of further entries, then the entries.
    overflow: Vec<u32>,
    /// Dense rows, `stride` weights each (the classes padded to whole 16-lane blocks).
    dense: Vec<i16>,
    stride: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C, align(16))]
struct PackedSlot {
    /// [`check_of`] the key; 0 marks an empty slot.
    check: u32,
    /// Entries `class << 16 | weight as u16`; 0 is no entry (a stored weight is never 0).
    inline: [u32; 2],
    /// 1 + the index in `overflow` of this feature's further entries; 0 when there are none;
    /// `DENSE | r` when the weights are dense row `r` (the inline entries are then empty).
    more: u32,
}

const DENSE: u32 = 1 << 31;

/// Classes padded to whole blocks of 16, the width of the vector loops over dense rows.
fn padded(n_classes: usize) -> usize {
    n_classes.div_ceil(16) * 16
}

const PACKED_MAGIC: &[u8; 4] = b"KGPQ";
const PACKED_VERSION: u32 = 1;

#[inline]
fn pack_entry(class: u16, q: i16) -> u32 {
    (class as u32) << 16 | q as u16 as u32
}

#[inline]
fn entry_class(e: u32) -> usize {
    (e >> 16) as usize
}

#[inline]
fn entry_weight(e: u32) -> i16 {
    e as u16 as i16
}

/// Slots for `n` keys at a load factor of at most 2/3.
fn packed_capacity(n: usize) -> usize {
    (n + n / 2 + 1).next_power_of_two().max(8)
}

impl PackedWeights {
    /// Packs `weights`, quantising them.
    pub fn from_weights(weights: &Weights) -> PackedWeights {
        let max = weights
            .runs
            .iter()
            .map(|cw| cw.weight.abs())
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let cap = packed_capacity(weights.n_features);
        let mut packed = PackedWeights {
            n_classes: weights.n_classes,
            n_features: 0,
            n_weights: 0,
            scale,
            mask: cap - 1,
            slots: vec![PackedSlot::default(); cap],
            overflow: Vec::new(),
            dense: Vec::new(),
            stride: padded(weights.n_classes),
        };
        let mut entries = Vec::new();
        for slot in weights.index.slots.iter().filter(|s| s.len > 0) {
            let run = &weights.runs[slot.start as usize..(slot.start + slot.len) as usize];
            entries.clear();
            for cw in run {
                let q = (cw.weight / scale).round().clamp(-32767.0, 32767.0) as i16;
                if q != 0 {
                    entries.push(pack_entry(cw.class as u16, q));
                }
            }
            packed.insert(slot.key, &entries);
        }
        packed
    }

    fn insert(&mut self, key: u64, entries: &[u32]) {
        if entries.is_empty() {
            return;
        }
        let check = check_of(key);
        let mut i = key as usize & self.mask;
        while self.slots[i].check != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = self.make_slot(check, entries);
        self.n_features += 1;
        self.n_weights += entries.len();
    }

    /// Whether a row of `len` weights is stored densely: adding a dense row takes about as
    /// many instructions as 8 scattered adds (measured with callgrind on the parser).
    fn is_dense(&self, len: usize) -> bool {
        len > 2 && len * 8 > self.n_classes
    }

    /// A slot for `entries`, appending what does not fit inline to the overflow or dense rows.
    fn make_slot(&mut self, check: u32, entries: &[u32]) -> PackedSlot {
        let mut slot = PackedSlot {
            check,
            ..PackedSlot::default()
        };
        if self.is_dense(entries.len()) {
            let r = self.dense.len() / self.stride;
            self.dense.resize(self.dense.len() + self.stride, 0);
            let row = &mut self.dense[r * self.stride..];
            for &e in entries {
                row[entry_class(e)] = entry_weight(e);
            }
            slot.more = DENSE | r as u32;
            return slot;
        }
        for (d, &e) in slot.inline.iter_mut().zip(entries) {
            *d = e;
        }
        if entries.len() > 2 {
            slot.more = self.overflow.len() as u32 + 1;
            self.overflow.push(entries.len() as u32 - 2);
            self.overflow.extend_from_slice(&entries[2..]);
        }
        slot
    }

    /// All entries of a slot, in class order.
    fn entries(&self, slot: &PackedSlot, out: &mut Vec<u32>) {
        out.clear();
        if slot.more & DENSE != 0 {
            let r = (slot.more & !DENSE) as usize;
            let row = &self.dense[r * self.stride..(r + 1) * self.stride];
            out.extend(
                row.iter()
                    .enumerate()
                    .filter(|(_, &w)| w != 0)
                    .map(|(c, &w)| pack_entry(c as u16, w)),
            );
            return;
        }
        out.extend(slot.inline.iter().copied().filter(|&e| e != 0));
        if slot.more != 0 {
            out.extend_from_slice(self.more(slot.more));
        }
    }

    /// Number of features with at least one weight.
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.n_weights
    }

    /// A copy without the weights of magnitude below `below`. Features whose weights all go
    /// keep their (empty) slot: the keys themselves are not stored, so the table is not rebuilt.
    pub fn pruned(&self, below: f32) -> PackedWeights {
        let keep = |e: &u32| (entry_weight(*e) as f32 * self.scale).abs() >= below;
        let mut out = PackedWeights {
            n_weights: 0,
            overflow: Vec::new(),
            dense: Vec::new(),
            ..self.clone()
        };
        let mut entries = Vec::new();
        for (i, slot) in self.slots.iter().enumerate() {
            if slot.check == 0 {
                continue;
            }
            self.entries(slot, &mut entries);
            entries.retain(keep);
            out.slots[i] = out.make_slot(slot.check, &entries);
            out.n_weights += entries.len();
        }
        out
    }

    /// The overflow entries that `more` points at.
    #[inline]
    fn more(&self, more: u32) -> &[u32] {
        let at = more as usize;
        let count = self.overflow[at - 1] as usize;
        &self.overflow[at..at + count]
    }

    /// Serialises as: magic `KGPQ`, version, n_classes, n_features, n_weights, log2 of the
    /// table size (u32 LE each), the scale (f32), the occupancy bitmap (one bit per slot, LSB
    /// first), each occupied slot in table order as four u32 (check, two entries, overflow
    /// pointer), the overflow length (u32) and words (u32 each), then the number of dense rows
    /// (u32) and their weights (i16 each).
    pub fn to_bytes(&self) -> Vec<u8> {
        let cap = self.mask + 1;
        let mut w = ByteWriter::with_capacity(
            36 + cap / 8 + 16 * self.n_features + 4 * self.overflow.len() + 2 * self.dense.len(),
        );
        w.bytes(PACKED_MAGIC);
        w.u32(PACKED_VERSION);
        w.u32(self.n_classes as u32);
        w.u32(self.n_features as u32);
        w.u32(self.n_weights as u32);
        w.u32(cap.trailing_zeros());
        w.f32(self.scale);
        for chunk in self.slots.chunks(8) {
            let mut byte = 0u8;
            for (b, s) in chunk.iter().enumerate() {
                byte |= ((s.check != 0) as u8) << b;
            }
            w.u8(byte);
        }
        for s in self.slots.iter().filter(|s| s.check != 0) {
            w.u32(s.check);
            w.u32(s.inline[0]);
            w.u32(s.inline[1]);
            w.u32(s.more);
        }
        w.u32(self.overflow.len() as u32);
        for &v in &self.overflow {
            w.u32(v);
        }
        w.u32((self.dense.len() / self.stride) as u32);
        for row in self.dense.chunks_exact(self.stride) {
            for &v in &row[..self.n_classes] {
                w.u16(v as u16);
            }
        }
        w.into_bytes()
    }

    /// Reads what [`PackedWeights::to_bytes`] wrote, checking every index it will follow.
    pub fn from_bytes(bytes: &[u8]) -> Result<PackedWeights, ModelError> {
        let mut r = ByteReader::new(bytes);
        PackedWeights::read(&mut r)
    }

    /// Reads packed weights embedded in a larger model at the reader's position.
    pub fn read(r: &mut ByteReader<'_>) -> Result<PackedWeights, ModelError> {
        r.magic(PACKED_MAGIC, "packed perceptron weights")?;
        r.version("packed perceptron weights", PACKED_VERSION)?;
        let n_classes = r.u32()? as usize;
        let n_features = r.u32()? as usize;
        let n_weights = r.u32()? as usize;
        let log2 = r.u32()?;
        let scale = r.f32()?;
        if n_classes == 0 || n_classes > u16::MAX as usize {
            return Err(ModelError::Corrupt(format!("class count {n_classes}")));
        }
        if !(3..=31).contains(&log2) || (1usize << log2) < n_features {
            return Err(ModelError::Corrupt(format!("table size 2^{log2}")));
        }
        if !(scale.is_finite() && scale > 0.0) {
            return Err(ModelError::Corrupt(format!("weight scale {scale}")));
        }
        let cap = 1usize << log2;
        let bitmap = r.take(cap / 8)?;
        let body = r.take(n_features.checked_mul(16).ok_or_else(overflow)?)?;
        let n_overflow = r.u32()? as usize;
        let overflow_bytes = r.take(n_overflow.checked_mul(4).ok_or_else(overflow)?)?;
        let n_dense = r.u32()? as usize;
        let dense_bytes = r.take(n_dense.checked_mul(2 * n_classes).ok_or_else(overflow)?)?;
        let stride = padded(n_classes);
        let mut dense = vec![0i16; n_dense * stride];
        for (row, bytes) in dense
            .chunks_exact_mut(stride)
            .zip(dense_bytes.chunks_exact(2 * n_classes))
        {
            for (d, b) in row.iter_mut().zip(bytes.chunks_exact(2)) {
                *d = i16::from_le_bytes([b[0], b[1]]);
            }
        }
        let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let overflow_words: Vec<u32> = overflow_bytes.chunks_exact(4).map(word).collect();
        let bad_entry = |e: u32| e != 0 && entry_class(e) >= n_classes;
        // Counts read as entries have class 0, so checking every word covers all entries.
        if overflow_words.iter().any(|&e| bad_entry(e)) {
            return Err(ModelError::Corrupt("overflow class out of range".into()));
        }
        let mut slots = vec![PackedSlot::default(); cap];
        let mut body = body.chunks_exact(16);
        let mut n_slots = 0usize;
        let mut n_stored = 0usize;
        for (byte_index, &byte) in bitmap.iter().enumerate() {
            let mut bits = byte;
            while bits != 0 {
                let i = byte_index * 8 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let c = body
                    .next()
                    .ok_or_else(|| ModelError::Corrupt("more slots than features".into()))?;
                let slot = PackedSlot {
                    check: word(&c[0..4]),
                    inline: [word(&c[4..8]), word(&c[8..12])],
                    more: word(&c[12..16]),
                };
                if slot.check == 0 || slot.inline.iter().any(|&e| bad_entry(e)) {
                    return Err(ModelError::Corrupt("bad packed weight slot".into()));
                }
                n_stored += slot.inline.iter().filter(|&&e| e != 0).count();
                if slot.more & DENSE != 0 {
                    let r = (slot.more & !DENSE) as usize;
                    if r >= n_dense || slot.inline != [0, 0] {
                        return Err(ModelError::Corrupt("bad dense row pointer".into()));
                    }
                    n_stored += dense[r * stride..(r + 1) * stride]
                        .iter()
                        .filter(|&&w| w != 0)
                        .count();
                } else if slot.more != 0 {
                    let at = slot.more as usize;
                    let count = overflow_words.get(at - 1).copied().unwrap_or(u32::MAX) as usize;
                    if at + count > overflow_words.len() {
                        return Err(ModelError::Corrupt("bad overflow pointer".into()));
                    }
                    n_stored += count;
                }
                slots[i] = slot;
                n_slots += 1;
            }
        }
        if n_slots != n_features || n_stored != n_weights {
            return Err(ModelError::Corrupt(format!(
                "{n_slots} slots and {n_stored} weights, header says {n_features} and {n_weights}"
            )));
        }
        Ok(PackedWeights {
            n_classes,
            n_features,
            n_weights,
            scale,
            mask: cap - 1,
            slots,
            overflow: overflow_words,
            dense,
            stride,
        })
    }
}

impl Score for PackedWeights {
    fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Runs [`PackedWeights::accumulate`], compiled for AVX2 when the CPU has it (the build
    /// targets baseline x86-64, whose vectors are half as wide), into exact `i32` totals.
    #[inline]
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        // Zeroing the accumulator is part of every call: only as much as the stride needs.
        let (mut small, mut heap) = ([0i32; 16], Vec::new());
        let mut large: [i32; 128];
        let acc: &mut [i32] = if self.stride <= small.len() {
            &mut small[..self.stride]
        } else if self.stride <= 128 {
            large = [0i32; 128];
            &mut large[..self.stride]
        } else {
            heap.resize(self.stride, 0);
            &mut heap
        };
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above).
            unsafe { self.accumulate_avx2(features, acc) };
        } else {
            self.accumulate(features, acc);
        }
        #[cfg(not(target_arch = "x86_64"))]
        self.accumulate(features, acc);
        for (s, &a) in scores.iter_mut().zip(acc.iter()) {
            *s += a as f32 * self.scale;
        }
    }

    /// One probe, no accumulator: the NER's decoder scores single label-pair features per
    /// previous label. A class's total is the one weight, so the result is what
    /// [`Score::add_scores`] gives, to the bit.
    fn add_feature(&self, feature: u64, scores: &mut [f32]) {
        let Some(slot) = self.slot(feature) else {
            return;
        };
        for &e in &slot.inline {
            if e != 0 {
                scores[entry_class(e)] += entry_weight(e) as i32 as f32 * self.scale;
            }
        }
        if slot.more & DENSE != 0 {
            let r = (slot.more & !DENSE) as usize;
            let row = &self.dense[r * self.stride..][..scores.len()];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += w as i32 as f32 * self.scale;
            }
        } else if slot.more != 0 {
            for &e in self.more(slot.more) {
                scores[entry_class(e)] += entry_weight(e) as i32 as f32 * self.scale;
            }
        }
    }
}

impl PackedWeights {
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn accumulate_avx2(&self, features: &[u64], acc: &mut [i32]) {
        // The same safe code, compiled with AVX2 enabled so that the dense loops are 8 wide.
        self.accumulate(features, acc);
    }

    /// Adds the quantised weights of `features` into `acc` (`stride` long). Prefetches every
    /// feature's slot, then probes them in order (the misses overlap); overflow entries and
    /// dense rows are prefetched as found and added last.
    #[inline(always)]
    fn accumulate(&self, features: &[u64], acc: &mut [i32]) {
        for f in features {
            prefetch(&self.slots[*f as usize & self.mask]);
        }
        let mut pending = [0u32; 64];
        let mut n_pending = 0;
        for &f in features {
            let Some(slot) = self.slot(f) else {
                continue;
            };
            for &e in &slot.inline {
                if e != 0 {
                    acc[entry_class(e)] += entry_weight(e) as i32;
                }
            }
            if slot.more != 0 {
                if n_pending == pending.len() {
                    self.add_more(&pending, acc);
                    n_pending = 0;
                }
                if slot.more & DENSE != 0 {
                    prefetch(&self.dense[(slot.more & !DENSE) as usize * self.stride]);
                } else {
                    prefetch(&self.overflow[slot.more as usize - 1]);
                }
                pending[n_pending] = slot.more;
                n_pending += 1;
            }
        }
        self.add_more(&pending[..n_pending], acc);
    }

    /// The slot of `feature` (linear probing from its hash), if it has weights.
    #[inline(always)]
    fn slot(&self, feature: u64) -> Option<&PackedSlot> {
        let check = check_of(feature);
        let mut i = feature as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.check == check {
                return Some(slot);
            }
            if slot.check == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline(always)]
    fn add_more(&self, pending: &[u32], acc: &mut [i32]) {
        let stride = self.stride;
        for &more in pending {
            if more & DENSE != 0 {
                let r = (more & !DENSE) as usize;
                add_row(acc, &self.dense[r * stride..(r + 1) * stride]);
            } else {
                for &e in self.more(more) {
                    acc[entry_class(e)] += entry_weight(e) as i32;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Packed maps: hashed keys to small values, loaded in one pass

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

impl MapValue for u64 {
    fn write(self, w: &mut ByteWriter) {
        w.u64(self);
    }
    fn read(r: &mut ByteReader<'_>) -> Result<u64, ModelError> {
        r.u64()
    }
}

/// An open-addressing map from pre-hashed `u64` keys (such as [`hash_str`] of a word) to small
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
    fn dense_weights_score_like_the_sparse_ones_and_round_trip() {
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
        let sparse = p.average(0.0);
        let dense = p.average_dense(0.0);
        assert_eq!(dense.n_features(), sparse.n_features());
        let bytes = dense.to_bytes();
        let back = DenseWeights::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        let unseen = feats(&["blue", "square"]);
        for f in data.iter().map(|(f, _)| f).chain([&unseen]) {
            let (mut a, mut b, mut c) = (vec![0.0; 3], vec![0.0; 3], vec![0.0; 3]);
            sparse.scores(f, &mut a);
            dense.scores(f, &mut b);
            back.scores(f, &mut c);
            assert_eq!(a, b);
            assert_eq!(b, c);
        }
        // Pruning drops whole features whose weights are all small.
        assert!(p.average_dense(1e9).n_features() == 0);
        assert!(matches!(
            DenseWeights::from_bytes(&bytes[..bytes.len() - 2]),
            Err(ModelError::Truncated { .. })
        ));
    }

    #[test]
    fn the_mean_of_models_scores_as_the_mean_of_their_scores() {
        // Two models that disagree, over features they partly share.
        let mut a = Perceptron::new(3);
        a.update(0, 1, &feats(&["x", "y"]));
        a.tick();
        a.update(2, 0, &feats(&["y"]));
        a.tick();
        let mut b = Perceptron::new(3);
        b.update(1, 2, &feats(&["x", "z"]));
        b.tick();
        let (a, b) = (a.average(0.0), b.average(0.0));
        let mean = Weights::mean(&[a.clone(), b.clone()], 0.0);
        for words in [&["x"][..], &["y"], &["z"], &["x", "y", "z"], &["w"]] {
            let f = feats(words);
            let (mut sa, mut sb, mut sm) = (vec![0.0; 3], vec![0.0; 3], vec![0.0; 3]);
            a.scores(&f, &mut sa);
            b.scores(&f, &mut sb);
            mean.scores(&f, &mut sm);
            for c in 0..3 {
                assert!(
                    (sm[c] - (sa[c] + sb[c]) / 2.0).abs() < 1e-6,
                    "{words:?} {c}"
                );
            }
        }
        assert_eq!(mean.n_features(), 3);
        // Pruning drops the mean weights below the threshold, not the members'.
        let pruned = Weights::mean(&[a, b], 10.0);
        assert_eq!(pruned.n_features(), 0);
    }

    #[test]
    fn packed_weights_score_like_the_sparse_ones_and_round_trip() {
        // Rows of 1 to 5 weights exercise the inline entries and the overflow array.
        let mut p = Perceptron::new(6);
        let keys: Vec<Vec<u64>> = (0..200)
            .map(|i| feats(&[&format!("w{i}"), &format!("v{}", i % 7)]))
            .collect();
        for (i, f) in keys.iter().enumerate() {
            for c in 0..=(i % 5) as u16 {
                p.tick();
                p.add(c, f, 0.5 + c as f32);
            }
        }
        let sparse = p.average(0.0);
        let packed = PackedWeights::from_weights(&sparse);
        assert_eq!(packed.n_features(), sparse.n_features());
        assert_eq!(packed.n_weights(), sparse.n_weights());
        let bytes = packed.to_bytes();
        let back = PackedWeights::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        let unseen = feats(&["nowhere"]);
        let max = sparse
            .runs
            .iter()
            .map(|cw| cw.weight.abs())
            .fold(0.0, f32::max);
        for f in keys.iter().chain([&unseen]) {
            let (mut a, mut b, mut c) = (vec![0.0; 6], vec![0.0; 6], vec![0.0; 6]);
            sparse.scores(f, &mut a);
            packed.scores(f, &mut b);
            back.scores(f, &mut c);
            assert_eq!(b, c);
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() <= max / 32767.0 * 2.0, "{a:?} vs {b:?}");
            }
            assert_eq!(sparse.predict(f), packed.predict(f));
            // One feature alone, by the single-probe path: the same to the bit.
            for &one in f {
                let (mut d, mut e) = (vec![0.25; 6], vec![0.25; 6]);
                packed.add_scores(&[one], &mut d);
                packed.add_feature(one, &mut e);
                assert_eq!(d, e);
            }
        }
        // Pruning keeps the large weights only.
        let pruned = packed.pruned(3.0);
        assert!(pruned.n_weights() < packed.n_weights() && pruned.n_weights() > 0);
        let back = PackedWeights::from_bytes(&pruned.to_bytes()).unwrap();
        assert_eq!(back.n_weights(), pruned.n_weights());
        // Damaged files are errors, not panics.
        assert!(matches!(
            PackedWeights::from_bytes(&bytes[..bytes.len() - 3]),
            Err(ModelError::Truncated { .. })
        ));
        let mut bad = bytes.clone();
        bad[12] ^= 1; // n_features
        assert!(PackedWeights::from_bytes(&bad).is_err());
    }

    #[test]
    fn packed_maps_find_what_was_put_in_and_round_trip() {
        let words: Vec<String> = (0..1000).map(|i| format!("word{i}")).collect();
        let map = PackedMap::from_entries(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| (hash_str(w), i as u32 * 3)),
        );
        assert_eq!(map.len(), 1000);
        let mut w = ByteWriter::new();
        map.write(&mut w);
        let bytes = w.into_bytes();
        let back = PackedMap::<u32>::read(&mut ByteReader::new(&bytes)).unwrap();
        for m in [&map, &back] {
            for (i, word) in words.iter().enumerate() {
                assert_eq!(m.get(hash_str(word)), Some(i as u32 * 3));
            }
            assert_eq!(m.get(hash_str("absent")), None);
        }
        let empty = PackedMap::<u64>::from_entries(std::iter::empty());
        assert_eq!(empty.get(hash_str("x")), None);
        assert!(matches!(
            PackedMap::<u32>::read(&mut ByteReader::new(&bytes[..bytes.len() - 1])),
            Err(ModelError::Truncated { .. })
        ));
    }

    #[test]
    fn reads_version_1_weights() {
        // Version 1: sorted keys, run lengths, classes, weights.
        let (k1, k2) = (feature(0, hash_str("a")), feature(0, hash_str("b")));
        let mut rows = [(k1, vec![(0u16, 0.5f32), (2, -1.0)]), (k2, vec![(1, 2.0)])];
        rows.sort_by_key(|r| r.0);
        let mut w = ByteWriter::new();
        w.bytes(WEIGHTS_MAGIC);
        w.u32(1);
        w.u32(3);
        w.u32(2);
        w.u32(3);
        rows.iter().for_each(|r| w.u64(r.0));
        rows.iter().for_each(|r| w.u16(r.1.len() as u16));
        rows.iter().flat_map(|r| &r.1).for_each(|c| w.u16(c.0));
        rows.iter().flat_map(|r| &r.1).for_each(|c| w.f32(c.1));
        let weights = Weights::from_bytes(&w.into_bytes()).unwrap();
        let mut s = vec![0.0; 3];
        weights.scores(&[k1, k2], &mut s);
        assert_eq!(s, vec![0.5, 2.0, -1.0]);
        let again = Weights::from_bytes(&weights.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), weights.to_bytes());
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
