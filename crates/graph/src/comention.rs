//! The co-mention network: entities linked by being named together, in one sentence or in one
//! document, weighted by the number of such sentences or documents — the network most users of
//! news in Gephi start from, beside the relation graph of [`crate::projection`].
//!
//! It reads the mention layer ([`crate::mapping`]: every recognised person, organisation and
//! place, `schema:mentions` from its sentence), from the document summaries' `c` lines
//! ([`crate::summary`]) or, for a store without them, through SPARQL; both give the same network.
//! A node is an entity the mention layer names (concepts never are); an edge's days are its
//! documents' dates and its evidence the shortest sentence naming both. The projection's filters
//! apply as to relations: types and the user's selection keep nodes, the date window keeps
//! documents dated within it, the minimum weight keeps edges, the ego network comes last.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kg_model::Date;

use crate::projection::{
    for_each_row, node_index, sparql_nodes, summaries_complete, summary_nodes, EntityGraph,
    Filters, Read, ReadPath, Support, Window,
};
use crate::vocab::KG;
use crate::{GraphError, KgStore};

/// The predicate a co-mention edge carries, by window (not a relation: no statement asserts it).
pub fn predicate(window: Window) -> String {
    match window {
        Window::Sentence => format!("{KG}coMentionedInSentence"),
        Window::Document => format!("{KG}coMentionedInDocument"),
    }
}

/// Gives the co-mention edges their readable label.
pub(crate) fn label(graph: &mut EntityGraph, window: Window) {
    let label = match window {
        Window::Sentence => "co-mentioned in sentence",
        Window::Document => "co-mentioned in document",
    };
    for edge in graph.edge_weights_mut() {
        label.clone_into(&mut edge.label);
    }
}

/// One sentence of the mention layer: its entities and, when it names two or more, its text.
type Named<'a> = (Vec<&'a str>, Option<&'a str>);

/// The mention layer merged into co-mention edges, a document at a time.
struct CoMentions<'a> {
    filters: &'a Filters,
    window: Window,
    index: &'a HashMap<String, u32>,
    type_ok: &'a [bool],
    /// Whether the mention layer names each node.
    named: Vec<bool>,
    seen: Vec<Vec<Date>>,
    merged: HashMap<(u32, u32, u32), Support>,
}

impl CoMentions<'_> {
    /// One document: its dates and its sentences.
    fn document(&mut self, days: &[Date], sentences: &[Named<'_>]) {
        let filters = self.filters;
        let in_window = |d: &Date| {
            filters.since.is_none_or(|s| *d >= s) && filters.until.is_none_or(|u| *d <= u)
        };
        let windowed = filters.since.is_some() || filters.until.is_some();
        let days_in: Vec<Date> = days.iter().copied().filter(in_window).collect();
        // A document outside the window links nobody (its entities stay nodes, as in relations).
        let counts = !windowed || !days_in.is_empty();
        let ids = |entities: &[&str]| -> Vec<u32> {
            let mut ids: Vec<u32> = entities
                .iter()
                .filter_map(|e| self.index.get(*e).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let mut in_document = BTreeSet::new();
        for (entities, _) in sentences {
            for i in ids(entities) {
                self.named[i as usize] = true;
                self.seen[i as usize].extend(days);
                if self.type_ok[i as usize] {
                    in_document.insert(i);
                }
            }
        }
        if !counts {
            return;
        }
        if self.window == Window::Document {
            let ids: Vec<u32> = in_document.into_iter().collect();
            for (k, &a) in ids.iter().enumerate() {
                for &b in &ids[k + 1..] {
                    let support = self.merged.entry((a, b, 0)).or_default();
                    support.weight += 1;
                    support.days.extend(&days_in);
                }
            }
        }
        for (entities, text) in sentences {
            let Some(text) = text else { continue };
            let text = crate::summary::unescape(text);
            let ids: Vec<u32> = ids(entities)
                .into_iter()
                .filter(|&i| self.type_ok[i as usize])
                .collect();
            for (k, &a) in ids.iter().enumerate() {
                for &b in &ids[k + 1..] {
                    let support = self.merged.entry((a, b, 0)).or_default();
                    if self.window == Window::Sentence {
                        support.weight += 1;
                        support.days.extend(&days_in);
                    }
                    let first = support.evidence.is_empty();
                    support.offer_evidence(&text, first);
                }
            }
        }
    }
}

/// The co-mention network of the store, read the way `path` says, before the filters that
/// [`crate::projection`]'s assembly applies; with how the store was read.
pub(crate) fn read(
    store: &KgStore,
    filters: &Filters,
    window: Window,
    path: ReadPath,
) -> Result<(Read, ReadPath), GraphError> {
    if path == ReadPath::Auto && summaries_complete(store)? {
        if let Some(nodes) = summary_nodes(store)? {
            if let Some(read) = read_summaries(store, filters, window, nodes)? {
                return Ok((read, ReadPath::Auto));
            }
        }
    }
    let nodes = sparql_nodes(store)?;
    Ok((
        read_sparql(store, filters, window, nodes)?,
        ReadPath::Sparql,
    ))
}

/// The nodes and what `feed` gives the merger, as the projection's assembly reads them; `None`
/// if `feed` says a summary could not be read.
fn merge(
    filters: &Filters,
    window: Window,
    nodes: Vec<crate::projection::EntityNode>,
    feed: impl FnOnce(&mut CoMentions<'_>) -> Result<bool, GraphError>,
) -> Result<Option<Read>, GraphError> {
    let (index, type_ok) = node_index(&nodes, filters);
    let mut merger = CoMentions {
        filters,
        window,
        index: &index,
        type_ok: &type_ok,
        named: vec![false; nodes.len()],
        seen: vec![Vec::new(); nodes.len()],
        merged: HashMap::new(),
    };
    if !feed(&mut merger)? {
        return Ok(None);
    }
    let CoMentions {
        named,
        seen,
        merged,
        ..
    } = merger;
    let type_ok = type_ok.iter().zip(named).map(|(t, n)| *t && n).collect();
    Ok(Some(Read {
        nodes,
        seen,
        type_ok,
        predicates: HashMap::from([(predicate(window), 0)]),
        merged,
    }))
}

/// From the document summaries; `None` if one cannot be read.
fn read_summaries(
    store: &KgStore,
    filters: &Filters,
    window: Window,
    nodes: Vec<crate::projection::EntityNode>,
) -> Result<Option<Read>, GraphError> {
    merge(filters, window, nodes, |merger| {
        let mut complete = true;
        for_each_row(
            store,
            "SELECT ?summary WHERE { GRAPH ?g { ?d kg:exportEdges ?summary } }",
            |row| {
                let Some(summary) = row[0].as_deref().and_then(crate::summary::parse_document)
                else {
                    complete = false;
                    return;
                };
                let sentences: Vec<Named<'_>> = summary
                    .sentences
                    .iter()
                    .map(|s| (s.entities.clone(), s.sentence))
                    .collect();
                merger.document(&summary.days, &sentences);
            },
        )?;
        Ok(complete)
    })
}

/// The mention layer's sentences with their entities and text, by document.
const SENTENCES: &str = r#"
SELECT ?doc ?sentence ?e ?text WHERE {
  GRAPH ?doc { ?sentence schema:mentions ?e . ?sentence kg:text ?text }
}
"#;

/// The documents' dates.
const DATES: &str = r#"
SELECT ?doc ?date WHERE { GRAPH ?doc { ?doc a kg:Document ; dcterms:date ?date } }
"#;

/// Through SPARQL: what the summaries' `c` lines summarise.
fn read_sparql(
    store: &KgStore,
    filters: &Filters,
    window: Window,
    nodes: Vec<crate::projection::EntityNode>,
) -> Result<Read, GraphError> {
    // Document → sentence → (entities, text).
    let mut documents: BTreeMap<String, BTreeMap<String, (BTreeSet<String>, String)>> =
        BTreeMap::new();
    for_each_row(store, SENTENCES, |row| {
        let [Some(doc), Some(sentence), Some(e), Some(text)] = row else {
            return;
        };
        let (entities, written) = documents
            .entry(doc.clone())
            .or_default()
            .entry(sentence.clone())
            .or_default();
        entities.insert(e.clone());
        text.clone_into(written);
    })?;
    let mut dates: HashMap<String, Vec<Date>> = HashMap::new();
    for_each_row(store, DATES, |row| {
        if let [Some(doc), Some(date)] = row {
            dates
                .entry(doc.clone())
                .or_default()
                .extend(Date::parse_iso(date));
        }
    })?;
    let read = merge(filters, window, nodes, |merger| {
        for (doc, sentences) in &documents {
            let mut days = dates.get(doc).cloned().unwrap_or_default();
            days.sort_unstable();
            days.dedup();
            let escaped: Vec<(Vec<&str>, String)> = sentences
                .values()
                .map(|(entities, text)| {
                    let entities = entities.iter().map(String::as_str).collect();
                    (entities, crate::summary::escape(text).into_owned())
                })
                .collect();
            let named: Vec<Named<'_>> = escaped
                .iter()
                .map(|(entities, text)| {
                    let text = (entities.len() > 1).then_some(text.as_str());
                    (entities.clone(), text)
                })
                .collect();
            merger.document(&days, &named);
        }
        Ok(true)
    })?;
    read.ok_or_else(|| GraphError::Invalid("co-mention network not read".into()))
}
