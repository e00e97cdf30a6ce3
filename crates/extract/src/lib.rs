//! kg-extract: annotated sentences in, statements out.
//!
//! [`Extractor`] takes a document annotated by `kg-nlp`'s [`Pipeline`] and makes its
//! [`statement::Statement`]s: [`clauses`] reads each sentence's clauses (subjects, objects,
//! obliques, attribution, modality) into statements, [`coref`] resolves the document's mentions
//! into entities and adds the role statements that titles give, and [`confidence`] scores each
//! extraction.
//!
//! Architecture invariant: no file or network I/O and no RDF here.

// The data model lives in kg-model, at the bottom; re-exported so that paths such as
// `crate::doc::Token` and `kg_extract::statement::Statement` read as the extractor's own.
pub use kg_model::{doc, names, statement};
pub use kg_nlp::Pipeline;

pub mod clauses;
pub mod confidence;
pub mod coref;
mod extractor;

pub use doc::{Date, Document, EntityType, Mention, Sentence, Timex, Token, Upos};
pub use extractor::Extractor;
pub use statement::{
    Argument, ArgumentKind, Literal, Modality, Provenance, Qualifier, Relation, Role, Statement,
};
