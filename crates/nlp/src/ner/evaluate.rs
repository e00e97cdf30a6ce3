//! CoNLL-style scoring of recognised mentions against gold ones: exact span and type, per type
//! and overall. Only PER, ORG and LOC count (UNER has no MISC).

use super::labels::TYPES;
use crate::doc::{EntityType, Mention};

/// Precision, recall and F1 counts for one entity type or overall.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// CoNLL-style entity-level scores: a prediction is correct when span and type match exactly.
/// Only PER, ORG and LOC count (UNER has no MISC).
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// Per type, in the order PER, ORG, LOC.
    pub by_type: [Counts; 3],
}

impl Evaluation {
    pub fn add(&mut self, gold: &[Mention], predicted: &[Mention]) {
        for (k, t) in TYPES.iter().enumerate() {
            let g: Vec<(usize, usize)> = gold
                .iter()
                .filter(|m| m.kind == *t)
                .map(|m| (m.start, m.end))
                .collect();
            let p: Vec<(usize, usize)> = predicted
                .iter()
                .filter(|m| m.kind == *t)
                .map(|m| (m.start, m.end))
                .collect();
            let c = &mut self.by_type[k];
            c.gold += g.len();
            c.predicted += p.len();
            c.correct += p.iter().filter(|s| g.contains(s)).count();
        }
    }

    pub fn overall(&self) -> Counts {
        self.by_type.iter().fold(Counts::default(), |a, c| Counts {
            gold: a.gold + c.gold,
            predicted: a.predicted + c.predicted,
            correct: a.correct + c.correct,
        })
    }

    /// Entity types in the order of [`Evaluation::by_type`].
    pub fn types() -> [EntityType; 3] {
        TYPES
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::mention;

    #[test]
    fn evaluation_counts_exact_spans_only() {
        let mut e = Evaluation::default();
        let gold = vec![
            mention(0, 2, EntityType::Person),
            mention(3, 4, EntityType::Place),
        ];
        let pred = vec![
            mention(0, 1, EntityType::Person),
            mention(3, 4, EntityType::Place),
        ];
        e.add(&gold, &pred);
        let o = e.overall();
        assert_eq!((o.gold, o.predicted, o.correct), (2, 2, 1));
        assert_eq!(e.by_type[2].f1(), 1.0);
        assert_eq!(e.by_type[0].f1(), 0.0);
    }
}
