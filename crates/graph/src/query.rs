//! SPARQL over the kg store, with kg's prefixes predeclared and the default graph being the union
//! of all graphs, so that users' natural queries (`?s kg:meet ?o`) see every document.
//!
//! Results are written as a human-readable table or in the standard formats (CSV, TSV, JSON and
//! XML for solutions; Turtle, N-Triples and N-Quads for CONSTRUCT/DESCRIBE).

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter, SparqlEvaluator};
use oxigraph::store::Transaction;

use crate::vocab::PREFIXES;
use crate::{GraphError, KgStore};

/// How to write query results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned columns with prefixed names: for reading in a terminal.
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    NTriples,
    NQuads,
}

/// Parses and runs `sparql` against the store.
pub fn execute(store: &KgStore, sparql: &str) -> Result<QueryResults<'static>, GraphError> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator
            .with_prefix(prefix, iri)
            .map_err(|e| GraphError::Invalid(e.to_string()))?;
    }
    let mut prepared = evaluator.parse_query(sparql)?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    Ok(prepared.on_store(store.oxigraph()).execute()?)
}

/// Runs one of kg's own SELECT queries inside `transaction`, with `bindings` bound as values
/// (terms from documents are never formatted into query text).
pub(crate) fn select_in<'a>(
    transaction: &'a Transaction<'_>,
    sparql: &str,
    bindings: &[(&str, Term)],
) -> Result<QuerySolutionIter<'a>, GraphError> {
    let mut prepared = SparqlEvaluator::new().parse_query(sparql)?;
    for (variable, term) in bindings {
        prepared = prepared.substitute_variable(Variable::new_unchecked(*variable), term.clone());
    }
    match prepared.on_transaction(transaction).execute()? {
        QueryResults::Solutions(solutions) => Ok(solutions),
        _ => Err(GraphError::Invalid(format!("not a SELECT: {sparql}"))),
    }
}

/// A COUNT or other integer a query returned (0 when unbound).
pub(crate) fn count(term: Option<&Term>) -> usize {
    match term {
        Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
        _ => 0,
    }
}

/// Writes results in `format`. Solutions and booleans take the tabular formats, graphs the RDF ones;
/// a mismatch is an error naming the formats that fit.
pub fn write_results(
    results: QueryResults<'_>,
    format: OutputFormat,
    mut out: impl Write,
) -> Result<(), GraphError> {
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let results_format = match format {
                OutputFormat::Table => {
                    let mut rows = Vec::new();
                    for solution in solutions {
                        let solution = solution?;
                        rows.push(
                            variables
                                .iter()
                                .map(|v| solution.get(v).map(display_term).unwrap_or_default())
                                .collect::<Vec<_>>(),
                        );
                    }
                    let header: Vec<String> =
                        variables.iter().map(|v| v.as_str().to_owned()).collect();
                    write_table(&header, &rows, &mut out)?;
                    return Ok(());
                }
                OutputFormat::Csv => QueryResultsFormat::Csv,
                OutputFormat::Tsv => QueryResultsFormat::Tsv,
                OutputFormat::Json => QueryResultsFormat::Json,
                OutputFormat::Xml => QueryResultsFormat::Xml,
                _ => return Err(mismatch("SELECT", "table, csv, tsv, json or xml")),
            };
            let mut writer = QueryResultsSerializer::from_format(results_format)
                .serialize_solutions_to_writer(out, variables)?;
            for solution in solutions {
                writer.serialize(&solution?)?;
            }
            writer.finish()?;
        }
        QueryResults::Boolean(value) => {
            let results_format = match format {
                OutputFormat::Table => {
                    writeln!(out, "{value}")?;
                    return Ok(());
                }
                OutputFormat::Csv => QueryResultsFormat::Csv,
                OutputFormat::Tsv => QueryResultsFormat::Tsv,
                OutputFormat::Json => QueryResultsFormat::Json,
                OutputFormat::Xml => QueryResultsFormat::Xml,
                _ => return Err(mismatch("ASK", "table, csv, tsv, json or xml")),
            };
            QueryResultsSerializer::from_format(results_format)
                .serialize_boolean_to_writer(out, value)?;
        }
        QueryResults::Graph(triples) => {
            let rdf_format = match format {
                OutputFormat::Table | OutputFormat::Turtle => RdfFormat::Turtle,
                OutputFormat::NTriples => RdfFormat::NTriples,
                OutputFormat::NQuads => RdfFormat::NQuads,
                _ => return Err(mismatch("CONSTRUCT/DESCRIBE", "turtle, ntriples or nquads")),
            };
            let mut serializer = RdfSerializer::from_format(rdf_format);
            if rdf_format == RdfFormat::Turtle {
                for (prefix, iri) in PREFIXES {
                    serializer = serializer
                        .with_prefix(prefix, iri)
                        .map_err(|e| GraphError::Invalid(e.to_string()))?;
                }
            }
            let mut writer = serializer.for_writer(out);
            for triple in triples {
                writer.serialize_triple(&triple?)?;
            }
            writer.finish()?;
        }
    }
    Ok(())
}

fn mismatch(kind: &str, formats: &str) -> GraphError {
    GraphError::Invalid(format!("{kind} results can be written as {formats}"))
}

/// A term as a person reads it: IRIs shortened with the predeclared prefixes, literals by value.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact_iri(n.as_str()),
        Term::BlankNode(b) => b.to_string(),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// `https://w3id.org/kg-news/ns#meet` → `kg:meet`; IRIs outside the known namespaces stay whole.
pub fn compact_iri(iri: &str) -> String {
    PREFIXES
        .iter()
        .filter_map(|(prefix, ns)| {
            iri.strip_prefix(ns)
                .map(|local| format!("{prefix}:{local}"))
        })
        .min_by_key(String::len)
        .unwrap_or_else(|| format!("<{iri}>"))
}

fn write_table(
    header: &[String],
    rows: &[Vec<String>],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(clean(cell).chars().count());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str(" | ");
            }
            let cell = clean(cell);
            text.push_str(&cell);
            if i + 1 < cells.len() {
                text.extend(std::iter::repeat_n(' ', w - cell.chars().count()));
            }
        }
        writeln!(out, "{text}")
    };
    line(header, out)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("-+-"))?;
    for row in rows {
        line(row, out)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}
