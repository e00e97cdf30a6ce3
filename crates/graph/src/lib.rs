//! kg-graph: statements in, RDF out.
//!
//! [`mapping`] turns a document's statements into quads of its own named graph; [`store::KgStore`]
//! writes them to oxigraph in atomic batches and keeps [`entities`] records consistent; [`query`]
//! runs SPARQL with kg's prefixes predeclared; [`projection`] turns the RDF graph into a petgraph
//! graph of entities and relations (or, [`comention`], of entities named together), filtered as
//! the user asks, which the exporters ([`graphml`], [`gexf`], [`csv_export`]) write out.
//!
//! Architecture invariant: no natural-language processing here. Everything linguistic arrives
//! already decided in [`kg_model::Statement`]s.

pub mod comention;
pub mod csv_export;
pub mod entities;
pub mod generation;
pub mod gexf;
pub mod graphml;
pub mod history;
pub mod mapping;
pub mod projection;
pub mod query;
pub mod resolve;
pub mod store;
pub mod style;
pub mod summary;
pub mod vocab;

pub use store::{Batch, Changes, KgStore, Reconcile, Stats};

/// Errors of the graph layer.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("SPARQL evaluation error: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Invalid(String),
}
