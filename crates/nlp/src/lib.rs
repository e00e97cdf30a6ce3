//! kg-nlp: text in, annotated sentences out — kg's own NLP core.
//!
//! [`pipeline::Pipeline`] runs over a [`doc::Document`] in this order: [`dateline`] sets a wire
//! story's opening place, day and agency apart; [`tokenize`] and [`sentences`] make tokens and
//! sentences of the rest; [`tagger`] sets part-of-speech tags, [`lemma`]
//! lemmas, [`parser`] the dependency tree; [`ner`] finds entity mentions (helped by
//! [`gazetteer`]), [`timex`] time expressions and [`quantity`] amounts, with the [`repairs`] of
//! each model's output right after it. Each of these is a named [`pipeline::Step`]; callers
//! choose which run (`kg model eval` scores the models alone and the whole pipeline).
//!
//! Training and evaluation live here too: [`perceptron`] (the learner the models share),
//! [`training`], [`conllu`] (treebank reading and writing) and [`segeval`] (segmentation scores).
//! What comes after annotation — clauses, roles, coreference, statements — is `kg-extract`.
//!
//! Architecture invariant: no file or network I/O and no RDF here. Models arrive as bytes and
//! treebanks as text; the caller (the `kg` binary) reads them.

// The data model lives in kg-model, the crate below this one; re-exported so that paths such as
// `crate::doc::Token` read as the pipeline's own.
pub use kg_model::{doc, names};

pub mod conllu;
pub mod dateline;
pub mod gazetteer;
pub mod lemma;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod pipeline;
pub mod quantity;
pub mod repairs;
pub mod segeval;
pub mod sentences;
pub mod tagger;
pub mod timex;
pub mod tokenize;
pub mod training;
pub mod verb_classes;
mod wordclass;

pub use doc::{Date, Document, EntityType, Mention, Sentence, Timex, Token, Upos};
pub use pipeline::{Pipeline, PipelineError, Step, Steps};
