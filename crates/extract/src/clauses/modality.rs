//! Negation and modality of a predicate: "not", "never" and a subject or object quantified by
//! "no" negate it; modal auxiliaries and conditions make it possible or future. Both are
//! attributes of the statement, never reasons to drop it. A comparison is no denial ("no other
//! choice but"): "found no weapons" and "had no plans to attend" are negated, it is not.

use super::{lower, View};
use crate::doc::{Deprel, Xpos};
use crate::statement::Modality;

impl View<'_> {
    pub(super) fn negated(&self, p: usize) -> Option<usize> {
        self.children[p].iter().copied().find(|&c| {
            matches!(self.rel(c).base(), Deprel::Advmod)
                // ("could hardly care less", "scarcely changed": all but not.)
                && matches!(
                    lower(&self.t[c]).as_str(),
                    "not" | "n't" | "never" | "hardly" | "scarcely"
                )
        })
    }

    /// Whether a subject or object of `p` is quantified by "no": "No civilians were killed",
    /// "found no weapons", "had no plans to attend" deny what the verb says.
    /// A comparison is no denial: "have no higher aim than glorifying Kim", "no other choice
    /// but to leave".
    pub(super) fn denied_by_no(&self, p: usize) -> bool {
        // "no injuries caused by the problem": a clause on a noun that "no" quantifies.
        if self.on_a_noun_quantified_by(p, "no") {
            return true;
        }
        self.children[p].iter().any(|&c| {
            matches!(self.rel(c), Deprel::Nsubj | Deprel::NsubjPass | Deprel::Obj)
                && self.kids(c, Deprel::Det).any(|d| {
                    let w = lower(&self.t[d]);
                    // "Neither film has found a distributor": neither of the two.
                    w == "no" || (w == "neither" && self.rel(c) != Deprel::Obj)
                })
                && !self.children[c].iter().any(|&m| {
                    matches!(self.t[m].xpos, Xpos::Jjr | Xpos::Rbr)
                        || matches!(lower(&self.t[m]).as_str(), "other" | "more" | "less")
                })
                && !self
                    .t
                    .get(c + 1)
                    .is_some_and(|n| matches!(lower(n).as_str(), "than" | "but"))
        })
    }

    pub(super) fn aux_modality(&self, p: usize) -> Modality {
        let mut m = Modality::Asserted;
        for c in self.kids_base(p, Deprel::Aux) {
            match lower(&self.t[c]).as_str() {
                "could" | "may" | "might" | "can" | "would" | "should" | "must" | "ca" => {
                    m = Modality::Possible
                }
                "will" | "shall" | "'ll" | "wo" => m = Modality::Future,
                _ => {}
            }
        }
        // A condition: "if the talks fail"; a question: "did not specify whether the train
        // had crossed the border".
        // A clause on a noun that "any" quantifies is no more than possible: "is not aware of
        // any injuries caused by the problem", "any company that breaks the rules".
        if self.opened_by_if(p) || self.asked(p) || self.on_a_noun_quantified_by(p, "any") {
            m = Modality::Possible;
        }
        m
    }

    /// Whether `p` is a relative clause or participle on a noun whose determiner is `word`.
    /// Not a clause that completes the noun ("no doubt that the world will prevail", "no
    /// knowledge he had entered", "no idea how it works"): a marker, a wh-adverb or a subject
    /// of its own that is no relative word.
    fn on_a_noun_quantified_by(&self, p: usize, word: &str) -> bool {
        let completes = self.children[p].iter().any(|&c| {
            self.rel(c) == Deprel::Mark
                || self.t[c].xpos == Xpos::Wrb
                || (self.rel(c).is_subject()
                    && !matches!(self.t[c].xpos, Xpos::Wdt | Xpos::Wp)
                    && lower(&self.t[c]) != "that")
        });
        matches!(self.rel(p).base(), Deprel::Acl)
            && !completes
            && self.t[p]
                .head
                .is_some_and(|h| self.kids(h, Deprel::Det).any(|d| lower(&self.t[d]) == word))
    }

    /// Whether the clause of `p` is an embedded question: "whether" marks it, or "if" marks
    /// the complement of a verb ("asked if the talks would resume").
    pub(super) fn asked(&self, mut p: usize) -> bool {
        // (A conjunct shares its first clause's marker: "whether it sank or was towed".)
        while self.rel(p) == Deprel::Conj {
            match self.t[p].head {
                Some(h) => p = h,
                None => break,
            }
        }
        self.kids(p, Deprel::Mark).any(|c| {
            let w = lower(&self.t[c]);
            w == "whether"
                || (w == "if" && matches!(self.rel(p).base(), Deprel::Ccomp | Deprel::Csubj))
        })
    }

    /// Whether the clause of `p` is a condition: "if" or "unless" marks it.
    pub(super) fn opened_by_if(&self, p: usize) -> bool {
        self.kids(p, Deprel::Mark)
            .any(|c| matches!(lower(&self.t[c]).as_str(), "if" | "unless"))
    }
}
