//! Frozen averaged weights, stored sparse: what [`Perceptron::average`](super::Perceptron::average)
//! gives and the NER runs on, written to model files and read back in one linear pass. The
//! tagger and parser pack them further ([`PackedWeights`](super::PackedWeights)).

use super::{overflow, prefetch, ByteReader, ByteWriter, ModelError, Score};

/// Open-addressing table from feature key to its weight run: keys are already uniformly mixed,
/// so the low bits pick the slot and linear probing stays within a cache line or two. The table
/// is written to model files slot by slot, so loading it is one linear pass with no hashing.
/// An empty slot has `len == 0`.
#[derive(Clone, Debug, Default)]
pub(super) struct FeatureTable {
    pub(super) slots: Vec<Slot>,
    mask: usize,
}

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Slot {
    pub(super) key: u64,
    pub(super) start: u32,
    pub(super) len: u32,
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
pub(super) struct ClassWeight {
    pub(super) class: u32,
    pub(super) weight: f32,
}

/// Immutable averaged weights, stored sparse: each feature owns one contiguous run of
/// `(class, weight)` pairs, so scoring touches one table slot and one short run per feature.
/// Runs are laid out in slot order.
#[derive(Clone, Debug)]
pub struct Weights {
    pub(super) n_classes: usize,
    pub(super) n_features: usize,
    /// Feature key → (start, len) of its run in `runs`.
    pub(super) index: FeatureTable,
    pub(super) runs: Vec<ClassWeight>,
}

pub(super) struct WeightsBuilder {
    n_classes: usize,
    keys: Vec<u64>,
    lens: Vec<u32>,
    runs: Vec<ClassWeight>,
}

impl WeightsBuilder {
    pub(super) fn new(n_classes: usize) -> WeightsBuilder {
        WeightsBuilder {
            n_classes,
            keys: vec![],
            lens: vec![],
            runs: vec![],
        }
    }

    pub(super) fn push_row(&mut self, key: u64, row: &[(u16, f32)]) {
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
    pub(super) fn build(self) -> Weights {
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

pub(super) const WEIGHTS_MAGIC: &[u8; 4] = b"KGPW";
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
