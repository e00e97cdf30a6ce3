//! GraphML export that Gephi, NetworkX, igraph and yEd open as is.
//!
//! Gephi reads only keys declared `for="node"`/`for="edge"` with its own names (`label`, `weight`,
//! `r`/`g`/`b`, `size`) and drops keys of unknown type, so every key is declared with a real
//! `attr.type`. Node ids are entity IRIs, stable across exports and filters. Text is escaped for XML
//! and characters XML 1.0 forbids are dropped, so any input text gives a well-formed file.

use std::io::Write;

use petgraph::visit::EdgeRef;

use crate::projection::{EntityGraph, EntityNode};

/// Edge direction written in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Directed,
    Undirected,
}

const KEYS: &[(&str, &str, &str, &str)] = &[
    // (id, for, attr.name, attr.type)
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("iri", "node", "iri", "string"),
    ("mentions", "node", "mentions", "int"),
    ("documents", "node", "documents", "int"),
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
];

/// Colour by entity type, from a palette that stays readable for colour-blind viewers.
pub fn colour(node: &EntityNode) -> (u8, u8, u8) {
    match node.type_name() {
        "Person" => (31, 119, 180),
        "Organization" => (255, 127, 14),
        "Place" => (44, 160, 44),
        "Concept" => (160, 160, 160),
        _ => (148, 103, 189),
    }
}

/// Node size grows with the square root of the mentions so that hubs stand out without drowning
/// the rest.
pub fn size(node: &EntityNode) -> f64 {
    10.0 + 5.0 * (node.mentions as f64).sqrt()
}

/// Writes `graph` as GraphML.
pub fn write(
    graph: &EntityGraph,
    direction: Direction,
    mut out: impl Write,
) -> std::io::Result<()> {
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
        writeln!(out, r#"    <node id="{}">"#, escape(&node.iri))?;
        data(&mut out, "label", &node.label)?;
        data(&mut out, "type", node.type_name())?;
        data(&mut out, "iri", &node.iri)?;
        data(&mut out, "mentions", &node.mentions.to_string())?;
        data(&mut out, "documents", &node.documents.to_string())?;
        if !node.aliases.is_empty() {
            data(&mut out, "aliases", &node.aliases.join("; "))?;
        }
        data(&mut out, "r", &r.to_string())?;
        data(&mut out, "g", &g.to_string())?;
        data(&mut out, "b", &b.to_string())?;
        data(&mut out, "size", &format!("{:.1}", size(node)))?;
        writeln!(out, "    </node>")?;
    }
    for (i, edge) in graph.edge_references().enumerate() {
        let e = edge.weight();
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            escape(&graph[edge.source()].iri),
            escape(&graph[edge.target()].iri)
        )?;
        data(&mut out, "elabel", &e.label)?;
        data(&mut out, "weight", &format!("{:.1}", e.weight as f64))?;
        data(&mut out, "relation", &e.predicate)?;
        if let Some(d) = &e.first_date {
            data(&mut out, "first_date", d)?;
        }
        if let Some(d) = &e.last_date {
            data(&mut out, "last_date", d)?;
        }
        data(&mut out, "evidence", &e.evidence)?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

fn data(out: &mut impl Write, key: &str, value: &str) -> std::io::Result<()> {
    writeln!(out, r#"      <data key="{key}">{}</data>"#, escape(value))
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 does not allow.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_makes_any_text_safe() {
        assert_eq!(
            escape(r#"a<b & "c" 'd'>"#),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("bell\u{7}\u{0}end"), "bellend");
    }
}
