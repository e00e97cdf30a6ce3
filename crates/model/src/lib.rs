//! kg-model: the data model every kg crate shares, at the bottom of the workspace.
//!
//! [`doc`] is what the NLP core reads and enriches (a [`Document`] of [`Sentence`]s of
//! [`Token`]s, with [`Mention`]s, [`Timex`]es and quantities; a token's labels are typed in
//! [`labels`]), [`statement`] what the extractor produces and the graph stores, [`date`] the one
//! calendar date (a document's, a time expression's, a day of the graph's exports), and [`names`]
//! the rules by which two names are the same entity, shared by within-document coreference
//! (kg-extract) and cross-document resolution (kg-graph). [`notation`] is how tests of every crate
//! write annotated sentences by hand.
//!
//! Architecture invariant: plain data and pure functions. No NLP step, no I/O, no RDF: the crates
//! above it must be able to agree on these types without depending on each other.

pub mod date;
pub mod doc;
pub mod labels;
pub mod names;
pub mod notation;
pub mod statement;

pub use doc::{
    Date, Dateline, DatelineDate, DatelinePlace, Document, EntityType, Mention, Sentence, Timex,
    Token, Upos,
};
pub use labels::{Deprel, Feats, LabelError, Xpos};
pub use statement::{
    Argument, ArgumentKind, EntityMention, Literal, Modality, Provenance, Qualifier, Relation,
    Role, Statement,
};
