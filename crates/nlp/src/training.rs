//! Training of the tagger, lemmatiser and parser on treebank sentences, and evaluation of the
//! pipeline's steps on them: pure functions over parsed CoNLL-U, so the `kg model` command only
//! reads files and prints. The parser is trained on jackknifed (predicted) tags, as it will see
//! at run time.

use crate::doc::Sentence;
use crate::lemma::Lemmatizer;
use crate::parser::{Parser, ParserOptions};
use crate::pipeline::{DocumentContext, Pipeline, Step, Steps};
use crate::tagger::{Tagger, TaggerOptions};

/// Everything `train` needs; defaults are what the shipped models used.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub tagger: TaggerOptions,
    pub parser: ParserOptions,
    /// Folds for jackknifing the tagger over the parser's training data (1 = gold tags).
    pub folds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger: TaggerOptions::default(),
            parser: ParserOptions::default(),
            folds: 5,
        }
    }
}

impl TrainOptions {
    /// Same settings with every random choice seeded from `seed`.
    pub fn with_seed(mut self, seed: u64) -> TrainOptions {
        self.tagger.seed = seed;
        self.parser.seed = seed;
        self
    }
}

/// The trained models of the syntactic pipeline, to be written as `tagger.bin`, `lemma.bin` and
/// `parser.bin` and loaded into a [`Pipeline`].
pub struct SyntaxModels {
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
}

/// The treebank-trained models alone (tagger, lemmatiser, parser), without the repairs of their
/// output: the steps whose accuracy data/models/README.md quotes.
pub const SYNTAX_MODELS: Steps = Steps::only(&[Step::Tagger, Step::Lemmatiser, Step::Parser]);

/// Runs the chosen steps on one treebank sentence whose tokens have forms, as a document of its
/// own: treebank sentences carry no date, and the recogniser's memory of earlier sentences would
/// make a sentence's analysis depend on which others were read before it.
pub fn annotate(pipeline: &Pipeline, steps: Steps, sentence: &mut Sentence) {
    pipeline.annotate_sentence(sentence, steps, &mut DocumentContext::default());
}

/// The training sentences with tags (UPOS, XPOS, FEATS) predicted by taggers trained on the
/// other `folds - 1` folds; trees and lemmas stay gold.
pub fn jackknife_tags(
    sentences: &[Sentence],
    folds: usize,
    options: &TaggerOptions,
) -> Vec<Sentence> {
    let mut out = sentences.to_vec();
    if folds < 2 {
        return out;
    }
    for fold in 0..folds {
        let rest: Vec<Sentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(&rest, options);
        for (i, s) in out.iter_mut().enumerate() {
            if i % folds == fold {
                tagger.tag(s);
            }
        }
    }
    out
}

/// Trains all three models. `progress` hears a line before each step.
pub fn train(
    sentences: &[Sentence],
    options: &TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> SyntaxModels {
    progress("training tagger");
    let tagger = Tagger::train(sentences, &options.tagger);
    progress("training lemmatiser");
    let lemmatizer = Lemmatizer::train(sentences);
    progress(&format!("jackknifing tags ({} folds)", options.folds));
    let predicted = jackknife_tags(sentences, options.folds, &options.tagger);
    progress("training parser");
    let parser = Parser::train(&predicted, &options.parser);
    SyntaxModels {
        tagger,
        lemmatizer,
        parser,
    }
}

/// Accuracy of each annotation layer, in percent of words (punctuation included).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub feats: f64,
    pub lemma: f64,
    pub uas: f64,
    /// Full labels including subtypes (`obl:unmarked`).
    pub las: f64,
    /// Universal labels only (subtypes stripped), as the CoNLL 2018 shared task scored LAS.
    pub las_universal: f64,
}

/// Runs the chosen steps on gold-tokenised sentences (all annotation removed first, each sentence
/// on its own as in [`annotate`]) and scores them against the gold annotation.
pub fn evaluate(pipeline: &Pipeline, steps: Steps, gold: &[Sentence]) -> Scores {
    let predicted: Vec<Sentence> = gold
        .iter()
        .map(|g| {
            let mut s = strip_annotation(g);
            annotate(pipeline, steps, &mut s);
            s
        })
        .collect();
    score(&predicted, gold)
}

/// Scores annotated sentences against the gold annotation of the same tokens.
pub fn score(predicted: &[Sentence], gold: &[Sentence]) -> Scores {
    let mut c = [0usize; 7];
    let mut words = 0;
    for (s, g) in predicted.iter().zip(gold) {
        for (p, t) in s.tokens.iter().zip(&g.tokens) {
            words += 1;
            let head = p.head == t.head;
            let hits = [
                p.upos == t.upos,
                p.xpos == t.xpos,
                p.feats == t.feats,
                p.lemma == t.lemma,
                head,
                head && p.deprel == t.deprel,
                head && p.deprel.base() == t.deprel.base(),
            ];
            for (n, hit) in c.iter_mut().zip(hits) {
                *n += hit as usize;
            }
        }
    }
    let pct = |n: usize| {
        if words == 0 {
            0.0
        } else {
            100.0 * n as f64 / words as f64
        }
    };
    Scores {
        words,
        upos: pct(c[0]),
        xpos: pct(c[1]),
        feats: pct(c[2]),
        lemma: pct(c[3]),
        uas: pct(c[4]),
        las: pct(c[5]),
        las_universal: pct(c[6]),
    }
}

/// A copy of the sentence with only forms, offsets and spacing kept.
pub fn strip_annotation(s: &Sentence) -> Sentence {
    let mut out = s.clone();
    for t in &mut out.tokens {
        t.upos = Default::default();
        t.xpos = Default::default();
        t.feats = Default::default();
        t.lemma.clear();
        t.head = None;
        t.deprel = Default::default();
    }
    out
}
