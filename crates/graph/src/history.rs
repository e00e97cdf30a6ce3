//! The build history: every `kg build` recorded as a `prov:Activity` in a named graph of its own.
//!
//! A build's record is written into the generation it builds, so it is published with the graph
//! it describes, or not at all. Exports read entities and statements only, never these graphs, so
//! two builds of one dump still export byte-identical files.

use std::time::{SystemTime, UNIX_EPOCH};

use oxigraph::model::{
    GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term,
};

use crate::vocab::{self, *};
use crate::{GraphError, KgStore};

/// One input file of a build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// What one build did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildRecord {
    /// 1 for the store's first build, then 2, 3, …
    pub number: u64,
    /// xsd:dateTime, UTC.
    pub started: String,
    pub ended: String,
    /// "incremental", "sync" or "full".
    pub mode: String,
    pub inputs: Vec<Input>,
    pub added: u64,
    pub changed: u64,
    pub removed: u64,
    /// Unchanged documents, not extracted again.
    pub skipped: u64,
    pub rejected: u64,
    pub statements: u64,
    /// The extractor and model versions (`kg_extract::Extractor::version`).
    pub extractor: String,
    /// One entry per model file: "name sha256:… bytes".
    pub models: Vec<String>,
    /// The kg program ("kg 0.1.0").
    pub software: String,
    /// How entities were resolved: "off", or "registry sha256:…" of the alias registry applied
    /// ([`crate::resolve::Registry::fingerprint`]). Empty in records of older kg versions.
    pub resolution: String,
}

/// IRI (and graph name) of the `number`-th build.
pub fn build_iri(number: u64) -> NamedNode {
    NamedNode::new_unchecked(format!("{DATA}build/{number}"))
}

/// Whether `graph` is a build record's graph (to keep history out of graph comparisons).
pub fn is_history_graph(graph: &str) -> bool {
    graph.starts_with(&format!("{DATA}build/"))
}

impl BuildRecord {
    /// The record as quads of its own graph.
    pub fn quads(&self) -> Vec<Quad> {
        let iri = build_iri(self.number);
        let graph = GraphName::NamedNode(iri.clone());
        let mut out = Vec::new();
        let mut add = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
            out.push(Quad::new(s.clone(), p.into_owned(), o, graph.clone()));
        };
        let int = |n: u64| Term::from(Literal::from(n as i64));
        let text = |s: &str| Term::from(Literal::new_simple_literal(s));
        let time = |s: &str| Term::from(Literal::new_typed_literal(s, XSD_DATE_TIME));
        add(&iri, RDF_TYPE, PROV_ACTIVITY.into_owned().into());
        add(&iri, RDF_TYPE, KG_BUILD.into_owned().into());
        add(&iri, RDFS_LABEL, text(&format!("kg build {}", self.number)));
        add(&iri, PROV_STARTED_AT_TIME, time(&self.started));
        add(&iri, PROV_ENDED_AT_TIME, time(&self.ended));
        add(&iri, KG_BUILD_NUMBER, int(self.number));
        add(&iri, KG_MODE, text(&self.mode));
        add(&iri, KG_DOCUMENTS_ADDED, int(self.added));
        add(&iri, KG_DOCUMENTS_CHANGED, int(self.changed));
        add(&iri, KG_DOCUMENTS_REMOVED, int(self.removed));
        add(&iri, KG_DOCUMENTS_SKIPPED, int(self.skipped));
        add(&iri, KG_RECORDS_REJECTED, int(self.rejected));
        add(&iri, KG_STATEMENTS_EXTRACTED, int(self.statements));
        add(&iri, KG_EXTRACTOR, text(&self.extractor));
        if !self.resolution.is_empty() {
            add(&iri, KG_ENTITY_RESOLUTION, text(&self.resolution));
        }
        for model in &self.models {
            add(&iri, KG_MODEL, text(model));
        }
        let agent =
            NamedNode::new_unchecked(format!("{DATA}agent/{}", vocab::slug(&self.software)));
        add(&iri, PROV_WAS_ASSOCIATED_WITH, agent.clone().into());
        add(&agent, RDF_TYPE, PROV_SOFTWARE_AGENT.into_owned().into());
        add(&agent, KG_SOFTWARE_VERSION, text(&self.software));
        for (i, input) in self.inputs.iter().enumerate() {
            let node = NamedNode::new_unchecked(format!("{}/input/{}", iri.as_str(), i + 1));
            add(&iri, PROV_USED, node.clone().into());
            add(&node, RDF_TYPE, PROV_ENTITY.into_owned().into());
            add(&node, KG_PATH, text(&input.path));
            add(&node, KG_SHA256, text(&input.sha256));
            add(&node, KG_BYTE_SIZE, int(input.bytes));
        }
        out
    }
}

/// Every build recorded in `store`, oldest first.
pub fn list(store: &KgStore) -> Result<Vec<BuildRecord>, GraphError> {
    let store = store.oxigraph();
    let mut out = Vec::new();
    for quad in store.quads_for_pattern(None, Some(KG_BUILD_NUMBER), None, None) {
        let quad = quad?;
        let oxigraph::model::NamedOrBlankNode::NamedNode(iri) = &quad.subject else {
            continue;
        };
        let graph = quad.graph_name.clone();
        let values = |p: NamedNodeRef<'_>, s: &NamedNode| -> Result<Vec<Term>, GraphError> {
            Ok(store
                .quads_for_pattern(
                    Some(NamedOrBlankNodeRef::from(s.as_ref())),
                    Some(p),
                    None,
                    Some(graph.as_ref()),
                )
                .map(|q| q.map(|q| q.object))
                .collect::<Result<Vec<_>, _>>()?)
        };
        let one = |p: NamedNodeRef<'_>, s: &NamedNode| -> Result<String, GraphError> {
            Ok(values(p, s)?.first().map(lexical).unwrap_or_default())
        };
        let int = |p: NamedNodeRef<'_>| -> Result<u64, GraphError> {
            Ok(one(p, iri)?.parse().unwrap_or(0))
        };
        let mut inputs = Vec::new();
        for used in values(PROV_USED, iri)? {
            if let Term::NamedNode(node) = used {
                inputs.push((
                    node.as_str().to_owned(),
                    Input {
                        path: one(KG_PATH, &node)?,
                        sha256: one(KG_SHA256, &node)?,
                        bytes: one(KG_BYTE_SIZE, &node)?.parse().unwrap_or(0),
                    },
                ));
            }
        }
        // Input IRIs end in their position: sort numerically.
        inputs.sort_by_key(|(iri, _)| {
            iri.rsplit('/')
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        });
        let mut models: Vec<String> = values(KG_MODEL, iri)?.iter().map(lexical).collect();
        models.sort();
        let software = match values(PROV_WAS_ASSOCIATED_WITH, iri)?.first() {
            Some(Term::NamedNode(agent)) => one(KG_SOFTWARE_VERSION, agent)?,
            _ => String::new(),
        };
        out.push(BuildRecord {
            number: int(KG_BUILD_NUMBER)?,
            started: one(PROV_STARTED_AT_TIME, iri)?,
            ended: one(PROV_ENDED_AT_TIME, iri)?,
            mode: one(KG_MODE, iri)?,
            inputs: inputs.into_iter().map(|(_, i)| i).collect(),
            added: int(KG_DOCUMENTS_ADDED)?,
            changed: int(KG_DOCUMENTS_CHANGED)?,
            removed: int(KG_DOCUMENTS_REMOVED)?,
            skipped: int(KG_DOCUMENTS_SKIPPED)?,
            rejected: int(KG_RECORDS_REJECTED)?,
            statements: int(KG_STATEMENTS_EXTRACTED)?,
            extractor: one(KG_EXTRACTOR, iri)?,
            models,
            software,
            resolution: one(KG_ENTITY_RESOLUTION, iri)?,
        });
    }
    out.sort_by_key(|r| r.number);
    Ok(out)
}

/// The number the next build gets.
pub fn next_number(store: &KgStore) -> Result<u64, GraphError> {
    let mut max = 0;
    for quad in store
        .oxigraph()
        .quads_for_pattern(None, Some(KG_BUILD_NUMBER), None, None)
    {
        max = max.max(lexical(&quad?.object).parse().unwrap_or(0));
    }
    Ok(max + 1)
}

/// Copies every build record of `from` into `to` (a `--full` rebuild starts from an empty graph
/// but keeps the history).
pub fn copy(from: &KgStore, to: &KgStore) -> Result<(), GraphError> {
    // Only the record graphs (found by their build numbers) are read: iterating the whole
    // store would decode every quad of it.
    let mut graphs = Vec::new();
    for quad in from
        .oxigraph()
        .quads_for_pattern(None, Some(KG_BUILD_NUMBER), None, None)
    {
        if let GraphName::NamedNode(g) = quad?.graph_name {
            if is_history_graph(g.as_str()) {
                graphs.push(g);
            }
        }
    }
    let mut transaction = to.oxigraph().start_transaction()?;
    for g in graphs {
        for quad in from.oxigraph().quads_for_pattern(
            None,
            None,
            None,
            Some(oxigraph::model::GraphNameRef::from(&g)),
        ) {
            transaction.insert(&quad?);
        }
    }
    transaction.commit()?;
    Ok(())
}

/// Writes `record` into `store` in one transaction.
pub fn record(store: &KgStore, record: &BuildRecord) -> Result<(), GraphError> {
    let mut transaction = store.oxigraph().start_transaction()?;
    for quad in record.quads() {
        transaction.insert(&quad);
    }
    transaction.commit()?;
    Ok(())
}

fn lexical(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// The current time as an xsd:dateTime in UTC, to the millisecond.
pub fn now() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format_utc(since.as_secs() as i64, since.subsec_millis())
}

/// Formats Unix time as `YYYY-MM-DDTHH:MM:SS.mmmZ` (proleptic Gregorian).
pub fn format_utc(seconds: i64, millis: u32) -> String {
    let secs = seconds.rem_euclid(86_400);
    // `Date` counts days in an i32 (±5.8 million years); a clock beyond that reads as 1970.
    let days = i32::try_from(seconds.div_euclid(86_400)).unwrap_or(0);
    let day = kg_model::date::Date::from_days_since_epoch(days);
    format!(
        "{day}T{:02}:{:02}:{:02}.{millis:03}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_formatting() {
        assert_eq!(format_utc(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_utc(951_782_400, 5), "2000-02-29T00:00:00.005Z");
        assert_eq!(format_utc(1_764_326_096, 123), "2025-11-28T10:34:56.123Z");
    }

    #[test]
    fn records_round_trip_through_a_store() {
        let store = KgStore::in_memory().unwrap();
        let record = BuildRecord {
            number: next_number(&store).unwrap(),
            started: "2026-11-28T10:00:00.123Z".into(),
            ended: "2026-11-28T10:01:00.987Z".into(),
            mode: "sync".into(),
            inputs: (1..=11)
                .map(|i| Input {
                    path: format!("dump{i}.jsonl"),
                    sha256: "ab".repeat(32),
                    bytes: i,
                })
                .collect(),
            added: 3,
            changed: 2,
            removed: 1,
            skipped: 7,
            rejected: 4,
            statements: 40,
            extractor: "kg-extract 0.1.0".into(),
            models: vec!["a.bin sha256:00 1".into(), "b.bin sha256:01 2".into()],
            software: "kg 0.1.0".into(),
            resolution: "registry sha256:00".into(),
        };
        record_into(&store, &record);
        assert_eq!(next_number(&store).unwrap(), 2);
        let mut second = record.clone();
        second.number = 2;
        record_into(&store, &second);
        assert_eq!(list(&store).unwrap(), vec![record, second]);
    }

    fn record_into(store: &KgStore, r: &BuildRecord) {
        super::record(store, r).unwrap();
    }

    #[test]
    fn the_ontology_declares_the_history_vocabulary() {
        let ttl = include_str!("../../../data/ontology.ttl");
        let store = oxigraph::store::Store::new().unwrap();
        store
            .load_from_reader(oxigraph::io::RdfFormat::Turtle, ttl.as_bytes())
            .expect("data/ontology.ttl is valid Turtle");
        let record = BuildRecord {
            inputs: vec![Input {
                path: "x".into(),
                sha256: "y".into(),
                bytes: 1,
            }],
            models: vec!["m".into()],
            resolution: "off".into(),
            ..BuildRecord::default()
        };
        for quad in record.quads() {
            let p = quad.predicate.as_ref();
            if p.as_str().starts_with(KG) {
                let declared = store
                    .quads_for_pattern(Some(p.into()), Some(RDFS_LABEL), None, None)
                    .next()
                    .is_some();
                assert!(declared, "{p} is not in data/ontology.ttl");
            }
        }
    }

    #[test]
    fn history_graphs_are_recognised() {
        assert!(is_history_graph(build_iri(3).as_str()));
        assert!(!is_history_graph(vocab::document_iri("x").as_str()));
        assert!(!is_history_graph(entities_graph().as_str()));
    }
}
