//! kg-extract: annotated sentences in, statements out.
//!
//! [`Extractor`] takes a document annotated by `kg-nlp`'s [`Pipeline`] and makes its
//! [`statement::Statement`]s: [`clauses`] reads each sentence's clauses (subjects, objects,
//! obliques, attribution, modality) into statements; [`descriptions`] adds what the words around a
//! name say about it without a verb (a description, where it is based, the place it lies in); [`roles`] finds the roles that titles and
//! role appositions give the persons named (over the document's [`mentions`]); [`coref`], when it
//! runs, resolves the statements' arguments into entities; [`facts`] keeps the statements that are
//! facts (none with a subject or object left unresolved); the role statements are added last, with
//! or without coreference. [`confidence`] scores each extraction.
//!
//! Architecture invariant: no file or network I/O and no RDF here.

// The data model lives in kg-model, at the bottom; re-exported so that paths such as
// `crate::doc::Token` and `kg_extract::statement::Statement` read as the extractor's own.
pub use kg_model::{doc, names, statement};
pub use kg_nlp::Pipeline;

pub mod clauses;
pub mod confidence;
pub mod coref;
pub mod descriptions;
mod extractor;
pub mod facts;
pub mod mentions;
pub mod roles;

pub use doc::{Date, Document, EntityType, Mention, Sentence, Timex, Token, Upos};
pub use extractor::Extractor;
pub use statement::{
    Argument, ArgumentKind, Literal, Modality, Provenance, Qualifier, Relation, Role, Statement,
};
