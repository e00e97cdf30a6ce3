//! The RDF graph projected to a petgraph graph of entities (nodes) and relations (edges).
//!
//! Every exporter reads this one projection. Facts repeated across sentences and documents become
//! one edge per (subject, relation, object) whose weight is the number of supporting statements.
//! Only positive, asserted, unattributed statements between two nodes count as edges: a denied or
//! hypothetical meeting is not drawn as a meeting. Node and edge order is sorted by IRI so that
//! exports are byte-identical for the same store.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::query::{compact_iri, execute};
use crate::{GraphError, KgStore};

/// An entity or concept node.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityNode {
    pub iri: String,
    pub label: String,
    /// Class IRI: `http://schema.org/Person`, …, or kg's `Concept`/`OtherEntity`.
    pub class: String,
    pub aliases: Vec<String>,
    pub mentions: u64,
    pub documents: u64,
}

impl EntityNode {
    /// Short type name: `Person`, `Organization`, `Place`, `Concept`, `OtherEntity`.
    pub fn type_name(&self) -> &str {
        self.class.rsplit(['/', '#']).next().unwrap_or(&self.class)
    }
}

/// A relation between two nodes, merged over all statements that support it.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationEdge {
    /// Predicate IRI, e.g. `https://w3id.org/kg-news/ns#meet`.
    pub predicate: String,
    /// Readable relation, e.g. `meet`.
    pub label: String,
    /// Number of supporting statements.
    pub weight: u64,
    /// Earliest and latest date of the supporting statements (their time qualifier when it is a
    /// day, else their document's date), ISO 8601.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// One supporting sentence (the first in IRI order of statements).
    pub evidence: String,
}

/// The projected graph.
pub type EntityGraph = DiGraph<EntityNode, RelationEdge>;

const NODES: &str = r#"
SELECT ?e ?label ?class ?mentions ?documents (GROUP_CONCAT(?alt; separator="\u001f") AS ?aliases)
WHERE {
  GRAPH <https://w3id.org/kg-news/id/graph/entities> {
    ?e rdfs:label ?label ; a ?class ; kg:mentionCount ?mentions ; kg:documentCount ?documents .
    OPTIONAL { ?e skos:altLabel ?alt }
  }
}
GROUP BY ?e ?label ?class ?mentions ?documents
"#;

const EDGES: &str = r#"
SELECT ?st ?s ?p ?o ?text ?date ?time WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      kg:polarity "positive" ; kg:modality "asserted" ; prov:wasDerivedFrom ?sentence .
  FILTER(isIRI(?o))
  FILTER NOT EXISTS { ?st kg:attributedTo ?source }
  ?sentence kg:text ?text ; dcterms:isPartOf ?doc .
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?st kg:time ?time FILTER(datatype(?time) = xsd:date) }
}
"#;

/// Projects the whole store.
pub fn project(store: &KgStore) -> Result<EntityGraph, GraphError> {
    let mut nodes = BTreeMap::new();
    for row in select(store, NODES)? {
        let [iri, label, class, mentions, documents, aliases] = row.as_slice() else {
            continue;
        };
        let (Some(iri), Some(label), Some(class)) = (iri, label, class) else {
            continue;
        };
        let mut aliases: Vec<String> = aliases
            .as_deref()
            .unwrap_or("")
            .split('\u{1f}')
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        aliases.sort();
        let number = |v: &Option<String>| v.as_deref().and_then(|n| n.parse().ok()).unwrap_or(0);
        nodes.insert(
            iri.clone(),
            EntityNode {
                iri: iri.clone(),
                label: label.clone(),
                class: class.clone(),
                aliases,
                mentions: number(mentions),
                documents: number(documents),
            },
        );
    }

    // (subject, object, predicate) → (statement IRIs with their evidence, dates)
    type Support = (BTreeMap<String, String>, BTreeSet<String>);
    let mut merged: BTreeMap<(String, String, String), Support> = BTreeMap::new();
    for row in select(store, EDGES)? {
        let [Some(st), Some(s), Some(p), Some(o), Some(text), date, time] = row.as_slice() else {
            continue;
        };
        if !nodes.contains_key(s) || !nodes.contains_key(o) {
            continue;
        }
        let entry = merged.entry((s.clone(), o.clone(), p.clone())).or_default();
        entry.0.insert(st.clone(), text.clone());
        if let Some(d) = time.as_ref().or(date.as_ref()) {
            entry.1.insert(d.clone());
        }
    }

    let mut graph = EntityGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for (iri, node) in nodes {
        index.insert(iri, graph.add_node(node));
    }
    for ((s, o, p), (support, dates)) in merged {
        let label = compact_iri(&p);
        let label = label
            .strip_prefix("kg:")
            .unwrap_or(&label)
            .replace('_', " ");
        graph.add_edge(
            index[&s],
            index[&o],
            RelationEdge {
                predicate: p,
                label,
                weight: support.len() as u64,
                first_date: dates.first().cloned(),
                last_date: dates.last().cloned(),
                evidence: support.into_values().next().unwrap_or_default(),
            },
        );
    }
    Ok(graph)
}

/// Runs a SELECT and returns each row as the plain values of its variables, in order.
fn select(store: &KgStore, sparql: &str) -> Result<Vec<Vec<Option<String>>>, GraphError> {
    let QueryResults::Solutions(solutions) = execute(store, sparql)? else {
        return Err(GraphError::Invalid(
            "projection query is not a SELECT".into(),
        ));
    };
    let variables = solutions.variables().to_vec();
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution?;
        rows.push(
            variables
                .iter()
                .map(|v| {
                    solution.get(v).map(|t| match t {
                        Term::NamedNode(n) => n.as_str().to_owned(),
                        Term::Literal(l) => l.value().to_owned(),
                        other => other.to_string(),
                    })
                })
                .collect(),
        );
    }
    Ok(rows)
}
