//! GraphML export that Gephi, NetworkX, igraph and yEd open as is.
//!
//! Gephi reads only keys declared `for="node"`/`for="edge"` with its own names (`label`, `weight`,
//! `r`/`g`/`b`, `size`) and drops keys of unknown type, so every key is declared with a real
//! `attr.type` (string, int, double, boolean). Node ids are entity IRIs, stable across exports and
//! filters. Gephi merges parallel edges of one pair (summing weights) when they have no type, which
//! GraphML cannot give; the GEXF export keeps each relation apart as an edge `kind`.

use std::io::Write;

use petgraph::visit::EdgeRef;

pub use crate::projection::Direction;
use kg_model::Date;

use crate::projection::EntityGraph;
use crate::style::{colour, size, write_escaped};

const KEYS: &[(&str, &str, &str, &str)] = &[
    // (id, for, attr.name, attr.type)
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("iri", "node", "iri", "string"),
    ("mentions", "node", "mentions", "int"),
    ("documents", "node", "documents", "int"),
    ("first_seen", "node", "first_seen", "string"),
    ("last_seen", "node", "last_seen", "string"),
    ("aliases", "node", "aliases", "string"),
    ("r", "node", "r", "int"),
    ("g", "node", "g", "int"),
    ("b", "node", "b", "int"),
    ("size", "node", "size", "double"),
    ("elabel", "edge", "label", "string"),
    ("weight", "edge", "weight", "double"),
    ("relation", "edge", "relation", "string"),
    ("first_date", "edge", "first_date", "string"),
    ("last_date", "edge", "last_date", "string"),
    ("evidence", "edge", "evidence", "string"),
    ("reciprocal", "edge", "reciprocal", "boolean"),
];

/// Writes `graph` as GraphML. `direction` should be the one the graph was projected with.
pub fn write(graph: &EntityGraph, direction: Direction, out: impl Write) -> std::io::Result<()> {
    // Many small writes: buffered here, where they are not dynamic calls.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, domain, name, ty) in KEYS {
        writeln!(
            out,
            r#"  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    let edgedefault = match direction {
        Direction::Directed => "directed",
        Direction::Undirected => "undirected",
    };
    writeln!(out, r#"  <graph id="kg" edgedefault="{edgedefault}">"#)?;
    for index in graph.node_indices() {
        let node = &graph[index];
        let (r, g, b) = colour(node);
        out.write_all(b"    <node id=\"")?;
        write_escaped(out, &node.iri)?;
        out.write_all(b"\">\n")?;
        data(out, "label", &node.label)?;
        data(out, "type", node.type_name())?;
        data(out, "iri", &node.iri)?;
        data_fmt(out, "mentions", node.mentions)?;
        data_fmt(out, "documents", node.documents)?;
        day(out, "first_seen", node.first_seen())?;
        day(out, "last_seen", node.last_seen())?;
        if !node.aliases.is_empty() {
            data(out, "aliases", &node.aliases.join("; "))?;
        }
        data_fmt(out, "r", r)?;
        data_fmt(out, "g", g)?;
        data_fmt(out, "b", b)?;
        data_fmt(out, "size", format_args!("{:.1}", size(node)))?;
        out.write_all(b"    </node>\n")?;
    }
    for (i, edge) in graph.edge_references().enumerate() {
        let e = edge.weight();
        write!(out, r#"    <edge id="e{i}" source=""#)?;
        write_escaped(out, &graph[edge.source()].iri)?;
        out.write_all(b"\" target=\"")?;
        write_escaped(out, &graph[edge.target()].iri)?;
        out.write_all(b"\">\n")?;
        data(out, "elabel", &e.label)?;
        data_fmt(out, "weight", format_args!("{:.1}", e.weight as f64))?;
        data(out, "relation", &e.predicate)?;
        day(out, "first_date", e.first_date())?;
        day(out, "last_date", e.last_date())?;
        data(out, "evidence", &e.evidence)?;
        data_fmt(out, "reciprocal", e.reciprocal)?;
        out.write_all(b"    </edge>\n")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    out.flush()
}

fn data(out: &mut impl Write, key: &str, value: &str) -> std::io::Result<()> {
    write!(out, r#"      <data key="{key}">"#)?;
    write_escaped(out, value)?;
    out.write_all(b"</data>\n")
}

/// A value whose text needs no escaping (numbers, booleans, dates).
fn data_fmt(out: &mut impl Write, key: &str, value: impl std::fmt::Display) -> std::io::Result<()> {
    writeln!(out, r#"      <data key="{key}">{value}</data>"#)
}

fn day(out: &mut impl Write, key: &str, value: Option<Date>) -> std::io::Result<()> {
    match value {
        Some(d) => data_fmt(out, key, d),
        None => Ok(()),
    }
}
