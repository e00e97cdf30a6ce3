//! The recogniser's labels: O, then B/I/L/U for PER, ORG and LOC (BILOU), which label may follow
//! which, and the conversion between labellings and mentions.

use crate::doc::{EntityType, Mention};

pub(super) const TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
];
pub(super) const N_CLASSES: usize = 1 + 4 * TYPES.len();
pub(super) const B: u16 = 0;
pub(super) const I: u16 = 1;
pub(super) const L: u16 = 2;
pub(super) const U: u16 = 3;

pub(super) fn label(prefix: u16, kind: usize) -> u16 {
    1 + 4 * kind as u16 + prefix
}

/// (prefix, type index) of a non-O label.
pub(super) fn split_label(c: u16) -> Option<(u16, usize)> {
    (c > 0).then(|| ((c - 1) % 4, ((c - 1) / 4) as usize))
}

/// Whether `next` may follow `prev` in BILOU, with `last` telling whether `next` ends the sentence.
pub(super) fn allowed(prev: u16, next: u16, last: bool) -> bool {
    let inside = matches!(split_label(prev), Some((B | I, _)));
    match (split_label(prev), split_label(next)) {
        (Some((B | I, k)), Some((p, k2))) => k == k2 && (p == L || (p == I && !last)),
        (_, None) => !inside,
        (_, Some((p, _))) => !inside && (p == U || (p == B && !last)),
    }
}

pub(super) fn gold_labels(n: usize, mentions: &[Mention]) -> Vec<u16> {
    let mut out = vec![0u16; n];
    for m in mentions {
        let Some(k) = TYPES.iter().position(|t| *t == m.kind) else {
            continue;
        };
        if m.end > n || m.start >= m.end {
            continue;
        }
        if m.end - m.start == 1 {
            out[m.start] = label(U, k);
        } else {
            out[m.start] = label(B, k);
            for o in &mut out[m.start + 1..m.end - 1] {
                *o = label(I, k);
            }
            out[m.end - 1] = label(L, k);
        }
    }
    out
}

pub(super) fn labels_to_mentions(labels: &[u16]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in labels.iter().enumerate() {
        match split_label(c) {
            Some((B, _)) => start = i,
            Some((L, k)) => out.push(mention(start, i + 1, TYPES[k])),
            Some((U, k)) => out.push(mention(i, i + 1, TYPES[k])),
            _ => {}
        }
    }
    out
}

pub(super) fn mention(start: usize, end: usize, kind: EntityType) -> Mention {
    Mention {
        start,
        end,
        kind,
        refers_to: None,
        external_id: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trips_and_constraints_hold() {
        let gold = vec![
            mention(0, 2, EntityType::Person),
            mention(3, 4, EntityType::Place),
        ];
        let labels = gold_labels(5, &gold);
        assert_eq!(labels_to_mentions(&labels), gold);
        assert!(allowed(0, label(B, 0), false));
        assert!(!allowed(0, label(B, 0), true));
        assert!(!allowed(label(B, 0), label(L, 1), false));
        assert!(!allowed(label(B, 0), 0, false));
        assert!(allowed(label(I, 2), label(L, 2), true));
        assert!(!allowed(0, label(I, 0), false));
    }
}
