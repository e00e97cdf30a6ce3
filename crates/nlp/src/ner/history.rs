//! Prediction history: what the recogniser said about words earlier in the same document, as
//! features of later sentences.

use super::features::tpl;
use super::labels::split_label;
use crate::perceptron::feature2;

/// What the recogniser said about words earlier in the same document: per word (the hash of
/// its LOWER feature), how often it was inside a PER, ORG and LOC mention. Repeated names are
/// typed consistently in a text ("Del Frisco's" a restaurant every time), so a later, more
/// ambiguous mention can lean on an earlier, clearer one.
#[derive(Clone, Debug, Default)]
pub struct DocumentHistory {
    seen: crate::perceptron::KeyMap<[u16; 3]>,
}

impl DocumentHistory {
    /// Appends the history features to each token's static features (index 1 is LOWER, 2 SHAPE).
    pub(super) fn add_features(&self, statics: &mut [Vec<u64>]) {
        if self.seen.is_empty() {
            return;
        }
        for f in statics.iter_mut() {
            if let Some(counts) = self.seen.get(&f[1]) {
                let best = (0..3).max_by_key(|&k| (counts[k], 3 - k)).unwrap_or(0);
                let types = counts.iter().filter(|&&c| c > 0).count() as u64;
                f.push(feature2(tpl::HISTORY, best as u64, f[2]));
                f.push(feature2(tpl::HISTORY_TYPES, best as u64, types));
            }
        }
    }

    /// Remembers the labels given to one sentence.
    pub(super) fn record(&mut self, statics: &[Vec<u64>], labels: &[u16]) {
        for (f, &c) in statics.iter().zip(labels) {
            if let Some((_, k)) = split_label(c) {
                self.seen.entry(f[1]).or_default()[k] += 1;
            }
        }
    }
}
