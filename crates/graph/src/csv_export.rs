//! Node and edge lists as CSV, in the columns Gephi's spreadsheet import expects (`Id`, `Label` for
//! nodes; `Source`, `Target`, `Type`, `Id`, `Label`, `Weight` for edges), followed by kg's own
//! columns. pandas and R read them as is: one header row, RFC 4180 quoting, dates as ISO 8601,
//! empty cells for unknown values.

use std::io::Write;

use petgraph::visit::EdgeRef;

use kg_model::Date;

use crate::projection::{Direction, EntityGraph};

/// Header of `nodes.csv`.
pub const NODE_COLUMNS: [&str; 8] = [
    "Id",
    "Label",
    "Type",
    "Mentions",
    "Documents",
    "FirstSeen",
    "LastSeen",
    "Aliases",
];

/// Header of `edges.csv`.
pub const EDGE_COLUMNS: [&str; 11] = [
    "Source",
    "Target",
    "Type",
    "Id",
    "Label",
    "Weight",
    "Relation",
    "FirstDate",
    "LastDate",
    "Evidence",
    "Reciprocal",
];

fn day(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Writes the node list.
pub fn write_nodes(graph: &EntityGraph, out: impl Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(NODE_COLUMNS)?;
    for index in graph.node_indices() {
        let n = &graph[index];
        w.write_record([
            n.iri.as_str(),
            &n.label,
            n.type_name(),
            &n.mentions.to_string(),
            &n.documents.to_string(),
            &day(n.first_seen()),
            &day(n.last_seen()),
            &n.aliases.join("; "),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Writes the edge list. `direction` should be the one the graph was projected with.
pub fn write_edges(graph: &EntityGraph, direction: Direction, out: impl Write) -> csv::Result<()> {
    let kind = match direction {
        Direction::Directed => "Directed",
        Direction::Undirected => "Undirected",
    };
    let mut w = csv::Writer::from_writer(out);
    w.write_record(EDGE_COLUMNS)?;
    for (i, edge) in graph.edge_references().enumerate() {
        let e = edge.weight();
        w.write_record([
            graph[edge.source()].iri.as_str(),
            &graph[edge.target()].iri,
            kind,
            &format!("e{i}"),
            &e.label,
            &format!("{:.1}", e.weight as f64),
            &e.predicate,
            &day(e.first_date()),
            &day(e.last_date()),
            &e.evidence,
            if e.reciprocal { "true" } else { "false" },
        ])?;
    }
    w.flush()?;
    Ok(())
}
