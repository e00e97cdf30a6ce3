//! A multi-class averaged perceptron over hashed features: the learner behind the tagger, the
//! parser and the NER. Training keeps sparse per-feature rows with timestamps for cheap averaging;
//! [`Perceptron::average`] freezes them into compact [`Weights`] that serialise to a small binary.
//!
//! Features are `u64` hashes built with [`hash_str`], [`feature`] and [`combine`]; classes are dense
//! `u16` indices `0..n_classes` whose meaning the caller owns. Ties in argmax go to the lowest class
//! index, so prediction is deterministic.
//!
//! The frozen forms live in their own modules: sparse [`Weights`] (training's output), the
//! quantised [`PackedWeights`] the tagger and parser run on, [`PackedMap`]s for the lexicons inside
//! models, and the byte codec ([`ByteWriter`], [`ByteReader`]) every model file is written with.
//!
//! ```
//! use kg_nlp::perceptron::{feature, hash_str, Perceptron, Score, Weights};
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

mod maps;
mod model_bytes;
mod packed;
mod weights;

pub use maps::{MapValue, PackedMap};
pub use model_bytes::{ByteReader, ByteWriter};
pub use packed::PackedWeights;
pub use weights::Weights;
use weights::WeightsBuilder;

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
// Shared by the frozen forms

fn overflow() -> ModelError {
    ModelError::Corrupt("size overflow".into())
}

/// The 32-bit check stored for a key: its high half (the low half picks the slot), never 0.
#[inline]
fn check_of(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

/// Slots for `n` keys at a load factor of at most 2/3.
fn packed_capacity(n: usize) -> usize {
    (n + n / 2 + 1).next_power_of_two().max(8)
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

#[cfg(test)]
mod tests {
    use super::weights::WEIGHTS_MAGIC;
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
        // A default map (no table at all) is written as an empty one and reads back.
        let mut w = ByteWriter::new();
        PackedMap::<u16>::default().write(&mut w);
        let none = w.into_bytes();
        let back = PackedMap::<u16>::read(&mut ByteReader::new(&none)).unwrap();
        assert!(back.is_empty() && back.get(hash_str("x")).is_none());
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
