//! Training: averaged structured perceptrons over documents, with word dropout and the model's
//! own prediction history as features, whose mean weights are the shipped recogniser.

use super::decode::{label_rows, viterbi, WordTransitions};
use super::features::{static_features, tpl, transition_features};
use super::history::DocumentHistory;
use super::labels::{gold_labels, N_CLASSES};
use super::lexicon::Lexicon;
use super::Recognizer;
use crate::doc::Sentence;
use crate::gazetteer::gazetteer;
use crate::perceptron::{feature, shuffle, PackedWeights, Perceptron, Weights};

/// Training settings. Defaults are what the shipped model used, except `clusters`, which the
/// training commands read from `data/gazetteer/clusters.tsv`.
#[derive(Clone, Debug)]
pub struct NerOptions {
    pub iterations: usize,
    pub seed: u64,
    /// Averaged weights with smaller magnitude are dropped from the model.
    pub prune_below: f32,
    /// Word clusters used as features; carried inside the trained model.
    pub clusters: Lexicon,
    /// Word-vector classes used as features (`data/gazetteer/vector_classes.tsv`: per word, its
    /// row in spaCy's pruned English vectors, bits 0–14, plus one, and the k-means classes of
    /// that row among 512, bits 15–23, and among 64, bits 24–29); carried inside the model.
    pub vectors: Lexicon,
    /// Share of training tokens whose own word-identity features are replaced by an unknown
    /// word's, so that the weights learn what context, shape, clusters and gazetteers say.
    pub word_dropout: f32,
    /// Models trained with seeds `seed..seed + ensemble` whose mean weights are the model.
    pub ensemble: usize,
}

impl Default for NerOptions {
    fn default() -> Self {
        NerOptions {
            iterations: 10,
            seed: 5,
            prune_below: 0.05,
            clusters: Lexicon::default(),
            vectors: Lexicon::default(),
            word_dropout: 0.4,
            ensemble: 4,
        }
    }
}

impl Recognizer {
    /// Trains on sentences whose `mentions` are the gold entities (PER/ORG/LOC; others are
    /// ignored) and whose tokens carry the `xpos` tags the tagger will predict at run time.
    /// Each sentence is its own document (no history features fire); see
    /// [`Recognizer::train_documents`]. Deterministic for a given `options.seed`.
    pub fn train(sentences: &[Sentence], options: &NerOptions) -> Recognizer {
        let docs: Vec<&[Sentence]> = sentences.chunks(1).collect();
        Recognizer::train_documents(&docs, options)
    }

    /// Trains on documents (sentences in reading order). Within a document, the labels the
    /// model itself gave earlier sentences are features of later ones ("prediction history",
    /// as at run time), so documents are shuffled but their sentences keep their order.
    pub fn train_documents(documents: &[&[Sentence]], options: &NerOptions) -> Recognizer {
        let g = gazetteer();
        let data: Vec<Vec<Example>> = documents
            .iter()
            .map(|doc| {
                doc.iter()
                    .filter(|s| !s.tokens.is_empty())
                    .map(|s| {
                        (
                            static_features(&s.tokens, g, &options.clusters, &options.vectors),
                            gold_labels(s.tokens.len(), &s.mentions),
                        )
                    })
                    .collect()
            })
            .collect();
        let members: Vec<Weights> = (0..options.ensemble.max(1) as u64)
            .map(|k| train_one(&data, options, options.seed + k))
            .collect();
        let weights = PackedWeights::from_weights(&Weights::mean(&members, options.prune_below));
        // Word dropout makes the unknown word's LOWER feature a word of training too.
        let lowers = data
            .iter()
            .flatten()
            .flat_map(|(statics, _)| statics.iter().map(|f| f[1]))
            .chain([feature(tpl::LOWER, UNKNOWN_WORD)]);
        Recognizer {
            label_rows: label_rows(&weights),
            words: WordTransitions::build(&weights, lowers),
            weights,
            clusters: options.clusters.clone(),
            vectors: options.vectors.clone(),
        }
    }
}

/// What [`drop_words`] puts in place of a word.
pub(super) const UNKNOWN_WORD: u64 = 0x0dd_ba11;

/// Replaces, in a share `p` of the tokens, the word's own identity features (indices 1, 3, 4, 5
/// of [`static_features`]) by those of an unknown word.
pub(super) fn drop_words(feats: &mut [Vec<u64>], p: f32, seed: &mut u64) {
    const UNKNOWN: u64 = UNKNOWN_WORD;
    for f in feats.iter_mut() {
        // The same deterministic stream as `shuffle`.
        *seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        if ((crate::perceptron::finish(*seed) >> 40) as f32) < p * (1u64 << 24) as f32 {
            f[1] = feature(tpl::LOWER, UNKNOWN);
            f[3] = feature(tpl::FORM, UNKNOWN);
            f[4] = feature(tpl::PREV_LOWER_LOWER, UNKNOWN);
            f[5] = feature(tpl::LOWER_NEXT_LOWER, UNKNOWN);
        }
    }
}

/// Structured-perceptron update towards `gold` and away from `guess` (both full labellings).
fn structured_update(model: &mut Perceptron, statics: &[Vec<u64>], gold: &[u16], guess: &[u16]) {
    let mut f = Vec::with_capacity(4);
    for (i, st) in statics.iter().enumerate() {
        let (gp, pp) = if i == 0 {
            (0, 0)
        } else {
            (gold[i - 1], guess[i - 1])
        };
        if gold[i] != guess[i] {
            model.update(gold[i], guess[i], st);
        }
        if gold[i] != guess[i] || gp != pp {
            f.clear();
            transition_features(&mut f, gp, st[1], st[2]);
            model.add(gold[i], &f, 1.0);
            f.clear();
            transition_features(&mut f, pp, st[1], st[2]);
            model.add(guess[i], &f, -1.0);
        }
    }
}

/// One training sentence: per-token static features and gold labels.
type Example = (Vec<Vec<u64>>, Vec<u16>);

/// One averaged perceptron over `data` (documents of (static features, gold labels)).
fn train_one(data: &[Vec<Example>], options: &NerOptions, seed: u64) -> Weights {
    let mut model = Perceptron::new(N_CLASSES);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = seed;
    let mut feats: Vec<Vec<u64>> = Vec::new();
    for _ in 0..options.iterations {
        shuffle(&mut order, &mut seed);
        for &d in &order {
            let mut history = DocumentHistory::default();
            for (statics, gold) in &data[d] {
                feats.clone_from(statics);
                history.add_features(&mut feats);
                if options.word_dropout > 0.0 {
                    drop_words(&mut feats, options.word_dropout, &mut seed);
                }
                let guess = viterbi(&model, &label_rows(&model), None, &feats);
                if guess != *gold {
                    structured_update(&mut model, &feats, gold, &guess);
                }
                history.record(statics, &guess);
                model.tick();
            }
        }
    }
    model.average(0.0)
}
