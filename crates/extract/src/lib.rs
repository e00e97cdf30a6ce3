//! kg-extract: text in, statements out.
//!
//! The pipeline runs in this order over a [`doc::Document`]: [`tokenize`] and [`sentences`] make
//! tokens and sentences; [`tagger`] sets part-of-speech tags, [`lemma`] lemmas, [`parser`] the
//! dependency tree; [`ner`] finds entity mentions (helped by [`gazetteer`]), [`timex`] time
//! expressions and [`quantity`] amounts, with the [`repairs`] of each model's output right after
//! it; the extractor ([`clauses`], [`roles`], [`coref`], over the document's [`mentions`]) turns
//! each annotated sentence into [`statement::Statement`]s. [`pipeline::Pipeline`] wires the
//! steps together.
//!
//! Two halves share this crate for now: the NLP core (everything up to annotated sentences) and
//! the extractor (`clauses`, `mentions`, `roles`, `coref`, `confidence`); the planned split makes
//! the core `kg-nlp`.
//!
//! Architecture invariant: no file or network I/O and no RDF here. Models arrive as bytes and
//! treebanks as text; the caller (the `kg` binary) reads them.

// The data model lives in kg-model, the crate below this one; re-exported so that paths such as
// `kg_extract::doc::Token` and `crate::doc::Token` keep working.
pub use kg_model::{doc, names, statement};

pub mod clauses;
pub mod confidence;
pub mod conllu;
pub mod coref;
pub mod gazetteer;
pub mod lemma;
pub mod mentions;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod pipeline;
pub mod quantity;
pub mod repairs;
pub mod roles;
pub mod segeval;
pub mod sentences;
pub mod tagger;
pub mod timex;
pub mod tokenize;
pub mod training;

pub use doc::{Date, Document, EntityType, Mention, Sentence, Timex, Token, Upos};
pub use statement::{
    Argument, ArgumentKind, Literal, Modality, Provenance, Qualifier, Relation, Role, Statement,
};
