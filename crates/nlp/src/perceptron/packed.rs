//! The run-time form of the tagger's and the parser's weights: [`PackedWeights`], quantised to
//! `i16` and laid out so that most features cost one cache miss, with dense rows added by vector
//! instructions (AVX2 when present).

use super::{
    check_of, overflow, packed_capacity, prefetch, ByteReader, ByteWriter, ModelError, Score,
    Weights,
};

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

    /// Runs `PackedWeights::accumulate`, compiled for AVX2 when the CPU has it (the build
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
