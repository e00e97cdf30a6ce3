//! The features of a rendered clause that the confidence model ([`crate::confidence`]) weighs.
//! Their order is the order of the fitted weights: a new feature goes at the end, and the
//! weights are fitted again.

use super::{Clause, Node, Origin, View};
use crate::doc::Deprel;
use crate::statement::{ArgumentKind, Modality};

/// Number of confidence features ([`super::Extraction::features`]).
pub const N_FEATURES: usize = 24;

/// Names of the confidence features, in order.
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "bias",
    "origin_verb",
    "origin_copula",
    "origin_apposition",
    "origin_possessive",
    "origin_nominal_event",
    "clausal_object",
    "subject_inherited",
    "has_object",
    "qualifiers",
    "subject_unresolved",
    "passive",
    "sentence_length",
    "subject_length",
    "object_length",
    "extractions_in_sentence",
    "negated_or_modal",
    "relation_length",
    "predicate_is_root",
    "predicate_in_relative_or_participle",
    "predicate_subordinate",
    "predicate_conjunct",
    "object_from_preposition",
    "attributed",
];

impl View<'_> {
    pub(super) fn features(
        &self,
        c: &Clause,
        subject: &Node,
        object_len: usize,
        object_from_prep: bool,
        rel: &str,
    ) -> [f32; N_FEATURES] {
        let mut f = [0.0f32; N_FEATURES];
        f[0] = 1.0;
        match c.origin {
            Origin::Verb => f[1] = 1.0,
            Origin::Copula => f[2] = 1.0,
            Origin::Apposition => f[3] = 1.0,
            Origin::Possessive => f[4] = 1.0,
            Origin::NominalEvent => f[5] = 1.0,
        }
        f[6] = c.clausal_object as u8 as f32;
        f[7] = c.subject_inherited as u8 as f32;
        f[8] = (object_len > 0) as u8 as f32;
        f[9] = (c.quals.len().min(3) as f32) / 3.0;
        f[10] = matches!(self.argument(subject).kind, ArgumentKind::Unresolved) as u8 as f32;
        f[11] = c.passive as u8 as f32;
        f[12] = (self.t.len() as f32 / 40.0).min(2.0);
        f[13] = (subject.tokens.len() as f32 / 10.0).min(2.0);
        f[14] = (object_len as f32 / 10.0).min(2.0);
        f[16] = (c.negated || c.modality != Modality::Asserted) as u8 as f32;
        f[17] = (rel.split_whitespace().count() as f32 / 5.0).min(2.0);
        let r = self.rel(c.pred).base();
        f[18] = (r == Deprel::Root) as u8 as f32;
        f[19] = matches!(r, Deprel::Acl) as u8 as f32;
        f[20] = matches!(
            r,
            Deprel::Advcl | Deprel::Ccomp | Deprel::Xcomp | Deprel::Parataxis | Deprel::Csubj
        ) as u8 as f32;
        f[21] = (r == Deprel::Conj) as u8 as f32;
        f[22] = object_from_prep as u8 as f32;
        f[23] = c.attribution.is_some() as u8 as f32;
        f
    }
}
