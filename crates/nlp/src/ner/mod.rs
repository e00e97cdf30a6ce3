//! Named-entity recognition: PER, ORG and LOC mentions by BILOU labelling with a first-order
//! structured averaged perceptron (word, affix, shape, context, POS, gazetteer and capitalised-run
//! features, Brown clusters and word-vector classes from large unlabelled text; previous-label
//! features) decoded by Viterbi over valid BILOU transitions only, then a few general post-rules.
//! Training hides the word's own identity from 40 % of the tokens (word dropout), so that the
//! weights also learn what the context, shape, classes and gazetteers say about words that
//! training never had: the model fits its training set almost perfectly, and without dropout the
//! word-identity features leave the others little to learn.
//!
//! The model is the mean of four such perceptrons trained with different seeds (different
//! orders and dropout draws): a linear scorer's mean weights score as the mean of the members'
//! scores, so the ensemble costs one model's look-ups.
//!
//! Post-rules ([`rules`]) then mend what a model learnt from web text misses in news.
//! Trained on UNER English-EWT, which has no MISC class, so the model itself predicts only
//! PER/ORG/LOC. Reads `xpos` when the tagger ran; works without it, less well.
//!
//! The parts: `corpus` reads UNER's IOB2 files, `labels` are the BILOU labels, `features` the
//! per-token features, `history` the document's earlier labels, `decode` the Viterbi search,
//! `train` the training, `model_bytes` the file format; `evaluate` scores mentions against gold
//! ones.

mod corpus;
mod decode;
mod evaluate;
mod features;
mod history;
mod labels;
mod lexicon;
mod model_bytes;
pub mod rules;
mod train;

pub use corpus::{document_id, group_documents, parse_iob2, Iob2Error, LabelledSentence};
pub use evaluate::{Counts, Evaluation};
pub use history::DocumentHistory;
pub use lexicon::{Lexicon, LexiconError};
pub use train::NerOptions;

use crate::doc::{Mention, Sentence, Token};
use crate::gazetteer::gazetteer;
use crate::perceptron::PackedWeights;
use decode::{viterbi, WordTransitions};
use features::static_features;
use labels::{labels_to_mentions, N_CLASSES};

/// A trained recogniser.
pub struct Recognizer {
    /// Packed as the tagger's and parser's are: scoring is bound by cache misses, and a packed
    /// slot holds a feature's few weights inline, a frequent feature's row densely.
    weights: PackedWeights,
    clusters: Lexicon,
    vectors: Lexicon,
    /// `decode::label_rows` of `weights`.
    label_rows: [[f32; N_CLASSES]; N_CLASSES],
    /// The word–previous-label weights of `weights`, per word.
    words: WordTransitions,
}

impl Recognizer {
    /// Labels the sentence's tokens and appends the mentions (after the post-rules, [`rules`])
    /// to `sentence.mentions`.
    pub fn recognize(&self, sentence: &mut Sentence) {
        self.recognize_in(sentence, &mut DocumentHistory::default());
    }

    /// [`Recognizer::recognize`] for the next sentence of a document whose earlier sentences
    /// went through the same `history`.
    pub fn recognize_in(&self, sentence: &mut Sentence, history: &mut DocumentHistory) {
        let found = self.predict_in(&sentence.tokens, history);
        let found = rules::apply(&sentence.tokens, found, gazetteer());
        sentence.mentions.extend(found);
    }

    /// The model's mentions without post-rules (for evaluation against UNER, which includes
    /// titles in names), for a sentence on its own.
    pub fn predict(&self, tokens: &[Token]) -> Vec<Mention> {
        self.predict_in(tokens, &mut DocumentHistory::default())
    }

    /// [`Recognizer::predict`] for the next sentence of a document.
    pub fn predict_in(&self, tokens: &[Token], history: &mut DocumentHistory) -> Vec<Mention> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let mut statics = static_features(tokens, gazetteer(), &self.clusters, &self.vectors);
        history.add_features(&mut statics);
        let labels = viterbi(&self.weights, &self.label_rows, Some(&self.words), &statics);
        history.record(&statics, &labels);
        labels_to_mentions(&labels)
    }

    /// Number of features with weights (for reports).
    pub fn n_features(&self) -> usize {
        self.weights.n_features()
    }
}

#[cfg(test)]
mod tests {
    use super::features::{label_hash, shape_hash, tpl};
    use super::labels::mention;
    use super::train::drop_words;
    use super::*;
    use crate::doc::EntityType;
    use crate::perceptron::{feature, feature2, hash_str, ModelError, Score};

    fn tokens(text: &str) -> Vec<Token> {
        text.split(' ')
            .map(|f| Token {
                form: f.to_string(),
                space_after: true,
                ..Token::default()
            })
            .collect()
    }

    #[test]
    fn word_dropout_replaces_only_the_words_own_identity() {
        let toks = tokens("Anna Berg lives in Oslo .");
        let statics = static_features(&toks, gazetteer(), &Lexicon::default(), &Lexicon::default());
        // Indices 1, 3, 4, 5 are the word's own identity, as `drop_words` assumes.
        let lower = hash_str("oslo");
        let f = &statics[4];
        assert_eq!(f[1], feature(tpl::LOWER, lower));
        assert_eq!(f[3], feature2(tpl::FORM, lower, shape_hash("Oslo")));
        assert_eq!(f[4], feature2(tpl::PREV_LOWER_LOWER, hash_str("in"), lower));
        assert_eq!(f[5], feature2(tpl::LOWER_NEXT_LOWER, lower, hash_str(".")));

        let mut seed = 7;
        let mut kept = statics.clone();
        drop_words(&mut kept, 0.0, &mut seed);
        assert_eq!(kept, statics);
        let mut dropped = statics.clone();
        drop_words(&mut dropped, 1.0, &mut seed);
        for (d, s) in dropped.iter().zip(&statics) {
            for (k, (a, b)) in d.iter().zip(s).enumerate() {
                assert_eq!(a == b, ![1, 3, 4, 5].contains(&k), "feature {k}");
            }
        }
        // Every token loses the same identity: that of an unknown word.
        assert_eq!(dropped[0][1..6], dropped[4][1..6]);
    }

    #[test]
    fn vector_classes_are_features_and_travel_with_the_model() {
        let vectors = Lexicon::parse_tsv("oslo\t5\nbergen\t5\nNarvik\t6\n").expect("valid lexicon");
        let toks = tokens("Anna lives in Oslo near Narvik and Bodo .");
        let f = static_features(&toks, gazetteer(), &Lexicon::default(), &vectors);
        // Looked up as written, then in lowercase; unknown words share class 0.
        assert!(f[3].contains(&feature2(tpl::VECTOR, 0, 5)));
        assert!(f[5].contains(&feature2(tpl::VECTOR, 0, 6)));
        assert!(f[7].contains(&feature2(tpl::VECTOR, 0, 0)));
        assert!(f[7].contains(&feature2(tpl::VECTOR, 2, 0)));

        let mut sents = Vec::new();
        for (name, city) in [("Anna Berg", "oslo"), ("Jon Lind", "bergen")] {
            let toks = tokens(&format!("{name} lives in {city} ."));
            sents.push(Sentence {
                mentions: vec![
                    mention(0, 2, EntityType::Person),
                    mention(4, 5, EntityType::Place),
                ],
                tokens: toks,
                ..Sentence::default()
            });
        }
        let options = NerOptions {
            vectors: vectors.clone(),
            ..NerOptions::default()
        };
        let r = Recognizer::train(&sents, &options);
        let copy = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        assert_eq!(copy.vectors.len(), 3);
        let probe = tokens("Eva Holm moved to bergen and oslo .");
        assert_eq!(copy.predict(&probe), r.predict(&probe));

        // A model of an older version had other features: it is refused, not misread.
        let mut old = r.to_bytes();
        old[4..8].copy_from_slice(&4u32.to_le_bytes());
        assert!(matches!(
            Recognizer::from_bytes(&old),
            Err(ModelError::UnsupportedVersion { found: 4, .. })
        ));
    }

    #[test]
    fn the_word_table_decodes_exactly_as_probing_each_previous_label() {
        let mut sents = Vec::new();
        for (name, org) in [
            ("Anna Berg", "Norsk Hydro"),
            ("Jon Lind", "Statoil"),
            ("Eva Holm", "Telenor Group"),
            ("Per Dahl", "Equinor"),
        ] {
            let text = format!("{name} joined {org} in May , said {org} .");
            let toks = tokens(&text);
            let m = org.split(' ').count();
            let mentions = vec![
                mention(0, 2, EntityType::Person),
                mention(3, 3 + m, EntityType::Organization),
                mention(8 + m, 8 + 2 * m, EntityType::Organization),
            ];
            sents.push(Sentence {
                tokens: toks,
                mentions,
                ..Sentence::default()
            });
        }
        let r = Recognizer::train(
            &sents,
            &NerOptions {
                iterations: 4,
                word_dropout: 0.0,
                ensemble: 1,
                ..NerOptions::default()
            },
        );
        let r = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        assert!(
            !r.words.keys.is_empty(),
            "the words with pairings were saved"
        );
        let mut with_weights = 0;
        for text in [
            "Eva Holm joined Statoil in May .",
            "said Equinor , joined Anna Berg",
            "Per Dahl said Norsk Hydro joined Telenor Group .",
        ] {
            let statics = static_features(&tokens(text), gazetteer(), &r.clusters, &r.vectors);
            assert_eq!(
                viterbi(&r.weights, &r.label_rows, Some(&r.words), &statics),
                viterbi(&r.weights, &r.label_rows, None, &statics),
                "{text}"
            );
            // Each word's block is what probing each previous label gives.
            for st in &statics {
                let mut probed = [[0f32; N_CLASSES]; N_CLASSES];
                for (prev, row) in probed.iter_mut().enumerate() {
                    let l = label_hash(prev as u16);
                    r.weights
                        .add_feature(feature2(tpl::PREV_LABEL_LOWER, l, st[1]), row);
                }
                let table = r.words.rows(st[1]).copied().unwrap_or_default();
                assert_eq!(table, probed, "{text}");
                with_weights += usize::from(probed.iter().flatten().any(|&w| w != 0.0));
            }
        }
        assert!(with_weights > 0, "some words have pairings");
    }

    #[test]
    fn a_tiny_model_learns_and_round_trips() {
        let mut sents = Vec::new();
        for (name, city) in [
            ("Anna Berg", "Oslo"),
            ("Jon Lind", "Bergen"),
            ("Eva Holm", "Tromso"),
        ] {
            let text = format!("{name} lives in {city} .");
            let toks = tokens(&text);
            let n = toks.len();
            sents.push(Sentence {
                tokens: toks,
                mentions: vec![
                    mention(0, 2, EntityType::Person),
                    mention(n - 2, n - 1, EntityType::Place),
                ],
                ..Sentence::default()
            });
        }
        let r = Recognizer::train(
            &sents,
            &NerOptions {
                iterations: 5,
                ..NerOptions::default()
            },
        );
        let r = Recognizer::from_bytes(&r.to_bytes()).unwrap();
        let got = r.predict(&tokens("Anna Berg lives in Oslo ."));
        assert_eq!(
            got,
            vec![
                mention(0, 2, EntityType::Person),
                mention(4, 5, EntityType::Place)
            ]
        );
        assert!(Recognizer::from_bytes(b"nope").is_err());
    }
}
