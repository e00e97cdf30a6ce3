//! Dynamic GEXF 1.3 export, for Gephi's timeline.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"`: every node and edge carries spells, one
//! per run of consecutive days it was seen on (an edge on the days of its statements, a node on
//! the days of the documents mentioning it and of its edges), so Gephi's timeline shows the graph
//! grow day by day. Things never dated have no spells and are there all the time. Each edge's
//! `kind` is its relation, so Gephi keeps parallel relations of one pair apart instead of merging
//! them; `label` is the relation as well and `weight` the number of supporting statements. Node
//! colour and size go in `viz:color`/`viz:size`. Node ids are entity IRIs.

use std::io::Write;

use petgraph::visit::EdgeRef;

use kg_model::Date;

use crate::projection::{day_runs, Direction, EntityGraph};
use crate::style::{colour, size, write_escaped};

const NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("type", "string"),
    ("iri", "string"),
    ("mentions", "integer"),
    ("documents", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("aliases", "string"),
];

const EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("relation", "string"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("evidence", "string"),
    ("reciprocal", "boolean"),
];

/// Writes `graph` as dynamic GEXF 1.3. `direction` should be the one the graph was projected with.
pub fn write(graph: &EntityGraph, direction: Direction, out: impl Write) -> std::io::Result<()> {
    // Many small writes: buffered here, where they are not dynamic calls.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(
        out,
        "    <creator>kg {}</creator>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        "    <description>Entities and relations extracted from news; weight = supporting statements</description>"
    )?;
    writeln!(out, "  </meta>")?;
    let edgetype = match direction {
        Direction::Directed => "directed",
        Direction::Undirected => "undirected",
    };
    writeln!(
        out,
        r#"  <graph mode="dynamic" defaultedgetype="{edgetype}" timeformat="date" timerepresentation="interval">"#
    )?;
    for (class, attributes) in [("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)] {
        writeln!(out, r#"    <attributes class="{class}" mode="static">"#)?;
        for (id, ty) in attributes {
            writeln!(
                out,
                r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
            )?;
        }
        writeln!(out, "    </attributes>")?;
    }
    writeln!(out, r#"    <nodes count="{}">"#, graph.node_count())?;
    for index in graph.node_indices() {
        let node = &graph[index];
        out.write_all(b"      <node id=\"")?;
        write_escaped(out, &node.iri)?;
        out.write_all(b"\" label=\"")?;
        write_escaped(out, &node.label)?;
        out.write_all(b"\">\n        <attvalues>\n")?;
        value(out, "type", node.type_name())?;
        value(out, "iri", &node.iri)?;
        value(out, "mentions", &node.mentions.to_string())?;
        value(out, "documents", &node.documents.to_string())?;
        day(out, "first_seen", node.first_seen())?;
        day(out, "last_seen", node.last_seen())?;
        if !node.aliases.is_empty() {
            value(out, "aliases", &node.aliases.join("; "))?;
        }
        out.write_all(b"        </attvalues>\n")?;
        spells(out, &node.dates)?;
        let (r, g, b) = colour(node);
        writeln!(out, r#"        <viz:color r="{r}" g="{g}" b="{b}"/>"#)?;
        writeln!(out, r#"        <viz:size value="{:.1}"/>"#, size(node))?;
        out.write_all(b"      </node>\n")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, r#"    <edges count="{}">"#, graph.edge_count())?;
    for (i, edge) in graph.edge_references().enumerate() {
        let e = edge.weight();
        write!(out, r#"      <edge id="e{i}" source=""#)?;
        write_escaped(out, &graph[edge.source()].iri)?;
        out.write_all(b"\" target=\"")?;
        write_escaped(out, &graph[edge.target()].iri)?;
        out.write_all(b"\" label=\"")?;
        write_escaped(out, &e.label)?;
        out.write_all(b"\" kind=\"")?;
        write_escaped(out, &e.label)?;
        writeln!(out, r#"" weight="{:.1}">"#, e.weight as f64)?;
        out.write_all(b"        <attvalues>\n")?;
        value(out, "relation", &e.predicate)?;
        day(out, "first_date", e.first_date())?;
        day(out, "last_date", e.last_date())?;
        value(out, "evidence", &e.evidence)?;
        value(
            out,
            "reciprocal",
            if e.reciprocal { "true" } else { "false" },
        )?;
        out.write_all(b"        </attvalues>\n")?;
        spells(out, &e.dates)?;
        out.write_all(b"      </edge>\n")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")?;
    out.flush()
}

fn value(out: &mut impl Write, id: &str, text: &str) -> std::io::Result<()> {
    write!(out, r#"          <attvalue for="{id}" value=""#)?;
    write_escaped(out, text)?;
    out.write_all(b"\"/>\n")
}

fn day(out: &mut impl Write, id: &str, d: Option<Date>) -> std::io::Result<()> {
    match d {
        Some(d) => writeln!(out, r#"          <attvalue for="{id}" value="{d}"/>"#),
        None => Ok(()),
    }
}

fn spells(out: &mut impl Write, days: &[Date]) -> std::io::Result<()> {
    if days.is_empty() {
        return Ok(());
    }
    out.write_all(b"        <spells>\n")?;
    for (start, end) in day_runs(days) {
        writeln!(out, r#"          <spell start="{start}" end="{end}"/>"#)?;
    }
    out.write_all(b"        </spells>\n")
}
