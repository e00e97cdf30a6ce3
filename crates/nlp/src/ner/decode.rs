//! Decoding: the best valid BILOU labelling of a sentence under a first-order model (Viterbi),
//! with the previous-label features of a packed model gathered per word ([`WordTransitions`]).

use super::features::{label_hash, tpl};
use super::labels::{allowed, N_CLASSES};
use crate::perceptron::{feature, feature2, PackedWeights, Score};

/// Scores of the previous-label feature alone, by previous label: they depend on the model only.
pub(super) fn label_rows(model: &impl Score) -> [[f32; N_CLASSES]; N_CLASSES] {
    let mut rows = [[0f32; N_CLASSES]; N_CLASSES];
    for (prev, row) in rows.iter_mut().enumerate() {
        model.scores(&[feature(tpl::PREV_LABEL, label_hash(prev as u16))], row);
    }
    rows
}

/// The best valid BILOU labelling under a first-order model (Viterbi). Each token's static
/// features are scored once. Per previous label, the transition features
/// ([`transition_features`]) are the model's fixed row for the label (`label_rows`, computed
/// once per model), plus the label's pairing with the token's word, plus its pairing with the
/// token's shape (looked up once per distinct shape of the sentence), added in that order so
/// that, with the training-time model's float weights, the scores are bit-identical to scoring
/// the three together (the run-time packed weights add each feature's quantised weight, so the
/// order changes nothing there either but float rounding). Single features go through
/// [`Score::add_feature`], one probe each; with `words` (the run-time model's
/// [`WordTransitions`]), the word's pairings with all previous labels are one probe, and their
/// sums are bit-identical to probing each pairing (a feature has one weight per class, so each
/// is added to `trans` once, from zero in the table).
pub(super) fn viterbi(
    model: &impl Score,
    label_rows: &[[f32; N_CLASSES]; N_CLASSES],
    words: Option<&WordTransitions>,
    statics: &[Vec<u64>],
) -> Vec<u16> {
    let n = statics.len();
    if n == 0 {
        return Vec::new();
    }
    // [last][prev]: the labels that may follow `prev` (see `allowed`), in increasing order: 2 after
    // B or I, 7 after O, L or U, instead of trying all 13.
    let mut allowed_after = [[([0u8; N_CLASSES], 0usize); N_CLASSES]; 2];
    for (last, rows) in allowed_after.iter_mut().enumerate() {
        for (prev, (list, len)) in rows.iter_mut().enumerate() {
            for next in 0..N_CLASSES {
                if allowed(prev as u16, next as u16, last == 1) {
                    list[*len] = next as u8;
                    *len += 1;
                }
            }
        }
    }
    // The pairing of each previous label with a shape, per shape of the sentence: few distinct.
    let mut by_shape: Vec<(u64, [[f32; N_CLASSES]; N_CLASSES])> = Vec::new();
    let mut base = [0f32; N_CLASSES];
    let mut trans;
    let mut best = vec![[f32::NEG_INFINITY; N_CLASSES]; n];
    let mut back = vec![[0u8; N_CLASSES]; n];
    for (i, st) in statics.iter().enumerate() {
        model.scores(st, &mut base);
        let last = i + 1 == n;
        // st[1] is LOWER and st[2] SHAPE (see static_features).
        let (lower, shape) = (st[1], st[2]);
        let word_rows = words.map(|w| w.rows(lower));
        let shape_rows = match by_shape.iter().position(|(s, _)| *s == shape) {
            Some(k) => k,
            None => {
                let mut rows = [[0f32; N_CLASSES]; N_CLASSES];
                for (prev, row) in rows.iter_mut().enumerate() {
                    let l = label_hash(prev as u16);
                    model.add_feature(feature2(tpl::PREV_LABEL_SHAPE, l, shape), row);
                }
                by_shape.push((shape, rows));
                by_shape.len() - 1
            }
        };
        // The sentence starts after an implicit O.
        let prevs = if i == 0 { 0..1 } else { 0..N_CLASSES as u16 };
        for prev in prevs {
            let before = if i == 0 {
                0.0
            } else {
                best[i - 1][prev as usize]
            };
            if before == f32::NEG_INFINITY {
                continue;
            }
            trans = label_rows[prev as usize];
            match word_rows {
                // The table has every word with such weights: one probe per token.
                Some(Some(rows)) => {
                    for (t, w) in trans.iter_mut().zip(&rows[prev as usize]) {
                        *t += w;
                    }
                }
                Some(None) => {}
                None => {
                    let l = label_hash(prev);
                    model.add_feature(feature2(tpl::PREV_LABEL_LOWER, l, lower), &mut trans);
                }
            }
            let shape_row = &by_shape[shape_rows].1[prev as usize];
            let (list, len) = &allowed_after[usize::from(last)][prev as usize];
            for &c in &list[..*len] {
                let c = c as usize;
                let score = before + base[c] + (trans[c] + shape_row[c]);
                if score > best[i][c] {
                    best[i][c] = score;
                    back[i][c] = prev as u8;
                }
            }
        }
    }
    // Lowest label index wins ties, for determinism.
    let mut c = crate::perceptron::argmax(&best[n - 1]);
    let mut out = vec![0u16; n];
    for i in (0..n).rev() {
        out[i] = c;
        c = u16::from(back[i][c as usize]);
    }
    out
}

/// The pairings of words with the previous label (`PREV_LABEL_LOWER` features) of a packed
/// model, gathered per word, so that decoding probes once per token instead of once per
/// previous label (13 probes, nearly all misses, were a fifth of the recogniser's time). The
/// candidate words are the `LOWER` features of the training data, saved with the model; the
/// table keeps those with at least one weight.
#[derive(Default)]
pub(super) struct WordTransitions {
    /// `LOWER` feature → index of its block of `N_CLASSES` rows in `rows`.
    index: crate::perceptron::KeyMap<u32>,
    /// Per word, per previous label, the weights added to each next label.
    rows: Vec<[[f32; N_CLASSES]; N_CLASSES]>,
    /// The words of `index`, sorted (what the model file stores).
    pub(super) keys: Vec<u64>,
}

impl WordTransitions {
    pub(super) fn build(
        weights: &PackedWeights,
        candidates: impl IntoIterator<Item = u64>,
    ) -> Self {
        let mut candidates: Vec<u64> = candidates.into_iter().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut table = WordTransitions::default();
        for lower in candidates {
            let mut block = [[0f32; N_CLASSES]; N_CLASSES];
            for (prev, row) in block.iter_mut().enumerate() {
                let l = label_hash(prev as u16);
                weights.add_feature(feature2(tpl::PREV_LABEL_LOWER, l, lower), row);
            }
            if block.iter().flatten().any(|&w| w != 0.0) {
                table.index.insert(lower, table.rows.len() as u32);
                table.rows.push(block);
                table.keys.push(lower);
            }
        }
        table
    }

    pub(super) fn rows(&self, lower: u64) -> Option<&[[f32; N_CLASSES]; N_CLASSES]> {
        self.index.get(&lower).map(|&k| &self.rows[k as usize])
    }
}
