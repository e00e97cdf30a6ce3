//! The RDF graph projected to a petgraph graph of entities (nodes) and relations (edges), with the
//! filters every export shares.
//!
//! Every exporter (GraphML, GEXF, CSV) reads this one projection. Facts repeated across sentences
//! and documents become one edge per (subject, relation, object) whose weight is the number of
//! supporting statements. Only positive, asserted, unattributed statements between two entities
//! count as edges: a denied or hypothetical meeting is not drawn as a meeting.
//!
//! Filters work on statements before they are merged, so that an edge's weight, dates and evidence
//! describe only what passed: `--since 2023-09-13` gives each edge the weight of its statements dated
//! from that day on. In order: entity types, the user's SPARQL selection and the date window keep or
//! drop statements; the minimum weight drops merged edges; nodes left without edges by those edge
//! filters go; the ego network is taken last, on what remains.
//!
//! The statements are read from the export summaries the build wrote (one literal per document
//! and per entity record, [`crate::summary`]), or through SPARQL when a store lacks them or the
//! caller asks ([`ReadPath`]); both give the same graph. Node and edge order is sorted by IRI, so
//! exports are byte-identical for the same store. Statements are streamed and merged on the fly,
//! with node and predicate IRIs interned, so memory grows with the size of the resulting graph,
//! not with the number of statements.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use petgraph::graph::{DiGraph, NodeIndex};

use kg_model::doc::{days_in_month, Date};

use crate::query::execute;
use crate::vocab::DATA;
use crate::{GraphError, KgStore};

/// Whether edges have a direction (subject → object) or not. Undirected projections merge the
/// statements of both directions of a relation into one edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Directed,
    Undirected,
}

/// Maximal runs of consecutive days, as inclusive `(first, last)` pairs: what GEXF spells are.
pub fn day_runs(days: &[Date]) -> Vec<(Date, Date)> {
    let mut runs: Vec<(Date, Date)> = Vec::new();
    for &day in days {
        match runs.last_mut() {
            Some((_, last)) if last.succ() == day => *last = day,
            Some((_, last)) if *last == day => {}
            _ => runs.push((day, day)),
        }
    }
    runs
}

/// An entity or concept node.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityNode {
    pub iri: String,
    pub label: String,
    /// Class IRI: `http://schema.org/Person`, …, or kg's `Concept`/`OtherEntity`.
    pub class: String,
    pub aliases: Vec<String>,
    /// Statements with the entity as subject or object (in the whole store).
    pub mentions: u64,
    /// Documents that mention the entity (in the whole store).
    pub documents: u64,
    /// Days the entity was seen, sorted: dates of the documents mentioning it and of its edges'
    /// statements (within the date window, if one is given).
    pub dates: Vec<Date>,
}

impl EntityNode {
    /// Short type name: `Person`, `Organization`, `Place`, `Concept`, `OtherEntity`.
    pub fn type_name(&self) -> &str {
        self.class.rsplit(['/', '#']).next().unwrap_or(&self.class)
    }

    pub fn first_seen(&self) -> Option<Date> {
        self.dates.first().copied()
    }

    pub fn last_seen(&self) -> Option<Date> {
        self.dates.last().copied()
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
    /// Days of the supporting statements, sorted: a statement's time qualifier when it is a day,
    /// else its document's date. Undated statements add none.
    pub dates: Vec<Date>,
    /// The shortest supporting sentence (ties: the first in text order), cut to
    /// [`EVIDENCE_CHARS`] characters.
    pub evidence: String,
    /// In a directed projection, whether the same relation also runs the other way.
    pub reciprocal: bool,
}

impl RelationEdge {
    pub fn first_date(&self) -> Option<Date> {
        self.dates.first().copied()
    }

    pub fn last_date(&self) -> Option<Date> {
        self.dates.last().copied()
    }
}

/// Longest evidence sentence kept on an edge, in characters.
pub const EVIDENCE_CHARS: usize = 280;

/// The projected graph.
pub type EntityGraph = DiGraph<EntityNode, RelationEdge>;

/// Which network of entities to project.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Network {
    /// Entities linked by what their statements assert (positive, asserted, unattributed),
    /// directed subject → object; an entity no statement names is not a node.
    #[default]
    Relations,
    /// Entities linked, undirected, by being named together in one sentence or one document of
    /// the mention layer, weighted by the number of such sentences or documents
    /// ([`crate::comention`]).
    CoMention(Window),
}

/// Where two entities count as named together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Sentence,
    Document,
}

/// Which part of the graph to project. The default is everything.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// The relations between entities, or who is named with whom.
    pub network: Network,
    /// A SPARQL CONSTRUCT, or a SELECT binding `?s ?p ?o`: its triples between entities select the
    /// edges with the same subject, predicate and object, and every entity it names is kept.
    pub query: Option<String>,
    /// Edges with fewer supporting statements are dropped (0 and 1 keep all).
    pub min_weight: u64,
    /// Class IRIs to keep (see [`parse_types`]); empty keeps all.
    pub types: Vec<String>,
    /// First and last day of the window; statements dated outside it, or undated, are dropped.
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// An entity (IRI, `kgd:` name, label or alias) whose neighbourhood alone is kept…
    pub ego: Option<String>,
    /// …up to this many hops, whatever the edge direction.
    pub depth: usize,
}

impl Filters {
    /// Whether a filter that drops edges is set; such filters also drop the nodes they isolate.
    fn drops_edges(&self) -> bool {
        self.min_weight > 1 || self.since.is_some() || self.until.is_some()
    }
}

/// The types `--types` accepts, with the class each stands for.
const TYPE_NAMES: &[(&str, &str)] = &[
    ("person", "http://schema.org/Person"),
    ("organization", "http://schema.org/Organization"),
    ("organisation", "http://schema.org/Organization"),
    ("org", "http://schema.org/Organization"),
    ("place", "http://schema.org/Place"),
    ("concept", "https://w3id.org/kg-news/ns#Concept"),
    ("other", "https://w3id.org/kg-news/ns#OtherEntity"),
    ("otherentity", "https://w3id.org/kg-news/ns#OtherEntity"),
];

/// The classes of named entities: every type but concepts (what exports show by default).
pub fn named_types() -> Vec<String> {
    let mut out: Vec<String> = TYPE_NAMES
        .iter()
        .filter(|(name, _)| *name != "concept")
        .map(|(_, class)| (*class).to_owned())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Parses a comma-separated list of entity types (`person,place`; case-insensitive) into class
/// IRIs.
pub fn parse_types(list: &str) -> Result<Vec<String>, GraphError> {
    let mut out = BTreeSet::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let lower = name.to_lowercase();
        let Some((_, class)) = TYPE_NAMES.iter().find(|(n, _)| *n == lower) else {
            return Err(GraphError::Invalid(format!(
                "unknown entity type {name:?}: use person, organization, place, concept or other"
            )));
        };
        out.insert((*class).to_owned());
    }
    if out.is_empty() {
        return Err(GraphError::Invalid("no entity type given".into()));
    }
    Ok(out.into_iter().collect())
}

/// Parses a date bound: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` meaning the first day of that month or
/// year (`end == false`) or its last day (`end == true`).
pub fn parse_date_bound(text: &str, end: bool) -> Result<Date, GraphError> {
    let bad = || {
        GraphError::Invalid(format!(
            "bad date {text:?}: use YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    };
    let text = text.trim();
    // A month or a year is checked as its first day, by the one date parser.
    let first = match text.len() {
        10 => return Date::parse_iso(text).ok_or_else(bad),
        7 => format!("{text}-01"),
        4 => format!("{text}-01-01"),
        _ => return Err(bad()),
    };
    let first = Date::parse_iso(&first).ok_or_else(bad)?;
    Ok(match (end, text.len()) {
        (false, _) => first,
        (true, 7) => Date {
            day: days_in_month(first.year, first.month),
            ..first
        },
        (true, _) => Date {
            month: 12,
            day: 31,
            ..first
        },
    })
}

// The projection queries join whole-store scans by hashing: each triple pattern sits in its own
// sub-SELECT, which oxigraph's optimiser joins with a hash join on the shared variable instead of
// one index seek per row (a for-loop join). On a million statements that is the difference between
// minutes and seconds; the result is the same.

const NODES: &str = r#"
SELECT ?e ?label ?class ?mentions ?documents (GROUP_CONCAT(?alt; separator="\u001f") AS ?aliases)
WHERE {
  { SELECT ?e ?label WHERE { GRAPH kgd:graph\/entities { ?e rdfs:label ?label } } }
  { SELECT ?e ?class WHERE { GRAPH kgd:graph\/entities { ?e a ?class } } }
  { SELECT ?e ?mentions WHERE { GRAPH kgd:graph\/entities { ?e kg:mentionCount ?mentions } } }
  { SELECT ?e ?documents WHERE { GRAPH kgd:graph\/entities { ?e kg:documentCount ?documents } } }
  OPTIONAL { SELECT ?e ?alt WHERE { GRAPH kgd:graph\/entities { ?e skos:altLabel ?alt } } }
}
GROUP BY ?e ?label ?class ?mentions ?documents
"#;

/// The days each entity was seen: the dates of the documents mentioning it, one row per entity.
const SEEN: &str = r#"
SELECT ?e (GROUP_CONCAT(DISTINCT STR(?date)) AS ?dates) WHERE {
  { SELECT ?doc ?e WHERE { GRAPH ?doc { ?doc kg:mentions ?e } } }
  { SELECT ?doc ?date WHERE { GRAPH ?doc { ?doc dcterms:date ?date } } }
}
GROUP BY ?e
"#;

/// Positive, asserted, unattributed statements between two resources, with their sentence, the
/// document's date and the statement's own day.
const EDGES: &str = r#"
SELECT ?st ?s ?p ?o ?text ?date ?time WHERE {
  { SELECT ?st WHERE { ?st a rdf:Statement } }
  { SELECT ?st ?s WHERE { ?st rdf:subject ?s } }
  { SELECT ?st ?p WHERE { ?st rdf:predicate ?p } }
  { SELECT ?st ?o WHERE { ?st rdf:object ?o FILTER(isIRI(?o)) } }
  { SELECT ?st WHERE { ?st kg:polarity "positive" } }
  { SELECT ?st WHERE { ?st kg:modality "asserted" } }
  { SELECT ?st ?sentence WHERE { ?st prov:wasDerivedFrom ?sentence } }
  MINUS { SELECT ?st WHERE { ?st kg:attributedTo ?source } }
  MINUS { SELECT ?st WHERE { ?st kg:sourceText ?source } }
  { SELECT ?sentence ?text WHERE { ?sentence kg:text ?text } }
  { SELECT ?sentence ?doc WHERE { ?sentence dcterms:isPartOf ?doc } }
  OPTIONAL { SELECT ?doc ?date WHERE { ?doc dcterms:date ?date } }
  OPTIONAL { SELECT ?st ?time WHERE { ?st kg:time ?time FILTER(datatype(?time) = xsd:date) } }
}
"#;

/// Projects the whole store, directed.
pub fn project(store: &KgStore) -> Result<EntityGraph, GraphError> {
    project_filtered(store, &Filters::default(), Direction::Directed)
}

/// What a user's `--query` selected.
#[derive(Default)]
struct Selection {
    triples: HashSet<(String, String, String)>,
    nodes: HashSet<String>,
}

/// Statements (or sentences, or documents) merged into one edge so far.
#[derive(Default)]
pub(crate) struct Support {
    pub(crate) weight: u64,
    pub(crate) days: Vec<Date>,
    pub(crate) evidence: String,
}

impl Support {
    /// Keeps `text` as the evidence if it is the `first` offered or the shortest so far (ties:
    /// the first in text order).
    pub(crate) fn offer_evidence(&mut self, text: &str, first: bool) {
        let shorter = text.len() < self.evidence.len()
            || (text.len() == self.evidence.len() && text < self.evidence.as_str());
        if first || shorter {
            text.clone_into(&mut self.evidence);
        }
    }
}

/// Where the projection reads the store from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadPath {
    /// The export summaries written at build time ([`crate::summary`]) when every document and
    /// entity record has one, else SPARQL. As a result: the summaries were read.
    Auto,
    /// The statements themselves, through SPARQL: what the summaries summarise.
    Sparql,
}

/// Statements filtered one by one and merged into edges, keyed by (subject, object, predicate).
struct Merger<'a> {
    filters: &'a Filters,
    selection: Option<&'a Selection>,
    direction: Direction,
    index: &'a HashMap<String, u32>,
    type_ok: &'a [bool],
    predicates: HashMap<String, u32>,
    merged: HashMap<(u32, u32, u32), Support>,
    seen_statements: HashSet<u64>,
}

impl Merger<'_> {
    /// One row of a statement: its subject, predicate, object, sentence and day. A statement may
    /// come as several rows (one per day): `statement` identifies it, so that it counts once.
    fn add(&mut self, statement: u64, s: &str, p: &str, o: &str, text: &str, day: Option<Date>) {
        let (Some(&si), Some(&oi)) = (self.index.get(s), self.index.get(o)) else {
            return;
        };
        if !self.type_ok[si as usize] || !self.type_ok[oi as usize] {
            return;
        }
        if let Some(sel) = self.selection {
            // Owned keys only when a selection is given.
            if !sel
                .triples
                .contains(&(s.to_owned(), p.to_owned(), o.to_owned()))
            {
                return;
            }
        }
        let filters = self.filters;
        if (filters.since.is_some() || filters.until.is_some())
            && !day.is_some_and(|d| {
                filters.since.is_none_or(|s| d >= s) && filters.until.is_none_or(|u| d <= u)
            })
        {
            return;
        }
        let pi = match self.predicates.get(p) {
            Some(&pi) => pi,
            None => {
                let next = self.predicates.len() as u32;
                self.predicates.insert(p.to_owned(), next);
                next
            }
        };
        let key = match self.direction {
            Direction::Directed => (si, oi, pi),
            Direction::Undirected => (si.min(oi), si.max(oi), pi),
        };
        let support = self.merged.entry(key).or_default();
        if let Some(day) = day {
            support.days.push(day);
        }
        if self.seen_statements.insert(statement) {
            support.weight += 1;
            let first = support.weight == 1;
            support.offer_evidence(text, first);
        }
    }
}

/// What the store gives the projection: the nodes in IRI order with the days each node's
/// documents are dated and whether its type passes the filter, and the statements merged into
/// edges (predicates interned).
pub(crate) struct Read {
    pub(crate) nodes: Vec<EntityNode>,
    pub(crate) seen: Vec<Vec<Date>>,
    pub(crate) type_ok: Vec<bool>,
    pub(crate) predicates: HashMap<String, u32>,
    pub(crate) merged: HashMap<(u32, u32, u32), Support>,
}

/// Projects the part of the store that `filters` select.
pub fn project_filtered(
    store: &KgStore,
    filters: &Filters,
    direction: Direction,
) -> Result<EntityGraph, GraphError> {
    project_with(store, filters, direction, ReadPath::Auto)
}

/// [`project_filtered`], reading the store the way `path` says. Both paths give the same graph
/// (a test compares them); the summaries are ≈ 20× faster on large stores.
pub fn project_with(
    store: &KgStore,
    filters: &Filters,
    direction: Direction,
    path: ReadPath,
) -> Result<EntityGraph, GraphError> {
    Ok(project_reading(store, filters, direction, path)?.0)
}

/// [`project_with`], also saying how the store was read: [`ReadPath::Sparql`] when it was asked
/// for, or when the store's summaries are missing or unreadable (a store of an older kg).
pub fn project_reading(
    store: &KgStore,
    filters: &Filters,
    direction: Direction,
    path: ReadPath,
) -> Result<(EntityGraph, ReadPath), GraphError> {
    let selection = match &filters.query {
        Some(q) => Some(select_subgraph(store, q)?),
        None => None,
    };
    let selection = selection.as_ref();
    if let Network::CoMention(window) = filters.network {
        let (read, used) = crate::comention::read(store, filters, window, path)?;
        let mut graph = assemble(read, filters, selection, Direction::Undirected)?;
        crate::comention::label(&mut graph, window);
        return Ok((graph, used));
    }
    let summarised = match path {
        ReadPath::Auto if summaries_complete(store)? => {
            read_summaries(store, filters, selection, direction)?
        }
        _ => None,
    };
    let (read, used) = match summarised {
        Some(read) => (read, ReadPath::Auto),
        None => (
            read_sparql(store, filters, selection, direction)?,
            ReadPath::Sparql,
        ),
    };
    Ok((assemble(read, filters, selection, direction)?, used))
}

/// The store read from its export summaries; `None` if one cannot be read.
fn read_summaries(
    store: &KgStore,
    filters: &Filters,
    selection: Option<&Selection>,
    direction: Direction,
) -> Result<Option<Read>, GraphError> {
    let Some(nodes) = summary_nodes(store)? else {
        return Ok(None);
    };
    let (index, type_ok) = node_index(&nodes, filters);
    let mut merger = Merger::new(filters, selection, direction, &index, &type_ok);
    let mut seen = vec![Vec::new(); nodes.len()];
    if !summary_statements(store, &mut merger, &mut seen)? {
        return Ok(None);
    }
    let (predicates, merged) = (merger.predicates, merger.merged);
    Ok(Some(Read {
        nodes,
        seen,
        type_ok,
        predicates,
        merged,
    }))
}

/// The store read through SPARQL.
fn read_sparql(
    store: &KgStore,
    filters: &Filters,
    selection: Option<&Selection>,
    direction: Direction,
) -> Result<Read, GraphError> {
    let nodes = sparql_nodes(store)?;
    let (index, type_ok) = node_index(&nodes, filters);
    let mut merger = Merger::new(filters, selection, direction, &index, &type_ok);
    sparql_statements(store, &mut merger)?;
    let (predicates, merged) = (merger.predicates, merger.merged);
    let seen = sparql_seen(store, &index, nodes.len())?;
    Ok(Read {
        nodes,
        seen,
        type_ok,
        predicates,
        merged,
    })
}

impl<'a> Merger<'a> {
    fn new(
        filters: &'a Filters,
        selection: Option<&'a Selection>,
        direction: Direction,
        index: &'a HashMap<String, u32>,
        type_ok: &'a [bool],
    ) -> Merger<'a> {
        Merger {
            filters,
            selection,
            direction,
            index,
            type_ok,
            predicates: HashMap::new(),
            merged: HashMap::new(),
            seen_statements: HashSet::new(),
        }
    }
}

/// Node ids (positions in IRI order) and whether each node's type passes the type filter (and,
/// in the relation network, whether a statement names it).
pub(crate) fn node_index(
    nodes: &[EntityNode],
    filters: &Filters,
) -> (HashMap<String, u32>, Vec<bool>) {
    let index = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.iri.clone(), i as u32))
        .collect();
    let type_ok = nodes
        .iter()
        .map(|n| {
            (filters.types.is_empty() || filters.types.contains(&n.class))
                && (filters.network != Network::Relations || n.mentions > 0)
        })
        .collect();
    (index, type_ok)
}

/// Whether every document and every entity record has its export summary.
pub(crate) fn summaries_complete(store: &KgStore) -> Result<bool, GraphError> {
    let count = |sparql: &str| -> Result<u64, GraphError> {
        let mut n = 0;
        for_each_row(store, sparql, |row| {
            n = row[0].as_deref().and_then(|v| v.parse().ok()).unwrap_or(0);
        })?;
        Ok(n)
    };
    let documents = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a kg:Document } }")?;
    let summaries = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d kg:exportEdges ?x } }")?;
    let records = count(
        r"SELECT (COUNT(*) AS ?n) WHERE { GRAPH kgd:graph\/entities { ?e kg:documentCount ?x } }",
    )?;
    let rows = count(
        r"SELECT (COUNT(*) AS ?n) WHERE { GRAPH kgd:graph\/entities { ?e kg:exportNode ?x } }",
    )?;
    Ok(documents == summaries && records == rows)
}

/// The nodes from the entity summaries; `None` if one cannot be read.
pub(crate) fn summary_nodes(store: &KgStore) -> Result<Option<Vec<EntityNode>>, GraphError> {
    let mut by_iri: BTreeMap<String, EntityNode> = BTreeMap::new();
    let mut complete = true;
    for_each_row(
        store,
        r"SELECT ?row WHERE { GRAPH kgd:graph\/entities { ?e kg:exportNode ?row } }",
        |row| {
            let Some(parsed) = row[0].as_deref().and_then(crate::summary::parse_node) else {
                complete = false;
                return;
            };
            let (Some(label), Some(class)) = (parsed.label, parsed.class) else {
                return;
            };
            by_iri.insert(
                parsed.iri.clone(),
                EntityNode {
                    iri: parsed.iri,
                    label,
                    class,
                    aliases: parsed.aliases,
                    mentions: parsed.mentions,
                    documents: parsed.documents,
                    dates: Vec::new(),
                },
            );
        },
    )?;
    Ok(complete.then(|| by_iri.into_values().collect()))
}

/// Feeds the statements of the document summaries to `merger` and the documents' days to
/// `seen`; `false` if a summary cannot be read.
fn summary_statements(
    store: &KgStore,
    merger: &mut Merger<'_>,
    seen: &mut [Vec<Date>],
) -> Result<bool, GraphError> {
    let mut complete = true;
    let mut statement = 0u64;
    for_each_row(
        store,
        "SELECT ?summary WHERE { GRAPH ?g { ?d kg:exportEdges ?summary } }",
        |row| {
            let Some(summary) = row[0].as_deref().and_then(crate::summary::parse_document) else {
                complete = false;
                return;
            };
            if !summary.days.is_empty() {
                for m in &summary.mentions {
                    if let Some(&i) = merger.index.get(*m) {
                        seen[i as usize].extend(&summary.days);
                    }
                }
            }
            for edge in &summary.edges {
                statement += 1;
                let text = crate::summary::unescape(edge.sentence);
                let (s, p, o) = (edge.subject, edge.predicate, edge.object);
                if edge.days.is_empty() {
                    merger.add(statement, s, p, o, &text, None);
                }
                for &day in &edge.days {
                    merger.add(statement, s, p, o, &text, Some(day));
                }
            }
        },
    )?;
    Ok(complete)
}

/// The nodes, through SPARQL.
pub(crate) fn sparql_nodes(store: &KgStore) -> Result<Vec<EntityNode>, GraphError> {
    let mut by_iri: BTreeMap<String, EntityNode> = BTreeMap::new();
    for_each_row(store, NODES, |row| {
        let [Some(iri), Some(label), Some(class), mentions, documents, aliases] = row else {
            return;
        };
        let mut aliases: Vec<String> = aliases
            .as_deref()
            .unwrap_or("")
            .split('\u{1f}')
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        aliases.sort();
        aliases.dedup();
        let number = |v: &Option<String>| v.as_deref().and_then(|n| n.parse().ok()).unwrap_or(0);
        by_iri.insert(
            iri.clone(),
            EntityNode {
                iri: iri.clone(),
                label: label.clone(),
                class: class.clone(),
                aliases,
                mentions: number(mentions),
                documents: number(documents),
                dates: Vec::new(),
            },
        );
    })?;
    Ok(by_iri.into_values().collect())
}

/// The statements, through SPARQL.
fn sparql_statements(store: &KgStore, merger: &mut Merger<'_>) -> Result<(), GraphError> {
    for_each_row(store, EDGES, |row| {
        let [Some(st), Some(s), Some(p), Some(o), Some(text), date, time] = row else {
            return;
        };
        let day = time
            .as_deref()
            .and_then(Date::parse_iso)
            .or_else(|| date.as_deref().and_then(Date::parse_iso));
        merger.add(hash(st), s, p, o, text, day);
    })
}

/// The days each node's documents are dated, through SPARQL.
fn sparql_seen(
    store: &KgStore,
    index: &HashMap<String, u32>,
    nodes: usize,
) -> Result<Vec<Vec<Date>>, GraphError> {
    let mut seen = vec![Vec::new(); nodes];
    for_each_row(store, SEEN, |row| {
        let [Some(e), Some(dates)] = row else { return };
        let Some(&i) = index.get(e) else { return };
        seen[i as usize].extend(dates.split(' ').filter_map(Date::parse_iso));
    })?;
    Ok(seen)
}

/// Merged edges and nodes → the filtered graph.
fn assemble(
    read: Read,
    filters: &Filters,
    selection: Option<&Selection>,
    direction: Direction,
) -> Result<EntityGraph, GraphError> {
    let Read {
        mut nodes,
        seen,
        type_ok,
        predicates,
        merged,
    } = read;
    let in_window = |day: Date| {
        filters.since.is_none_or(|s| day >= s) && filters.until.is_none_or(|u| day <= u)
    };

    // Predicates in IRI order, for sorting edges.
    let mut predicate_iris: Vec<(String, u32)> = predicates.into_iter().collect();
    predicate_iris.sort();
    let mut rank = vec![0u32; predicate_iris.len()];
    for (r, (_, id)) in predicate_iris.iter().enumerate() {
        rank[*id as usize] = r as u32;
    }
    let mut edges: Vec<((u32, u32, u32), Support)> = merged
        .into_iter()
        .filter(|(_, support)| support.weight >= filters.min_weight.max(1))
        .map(|((s, o, p), support)| ((s, o, rank[p as usize]), support))
        .collect();
    edges.sort_unstable_by_key(|(key, _)| *key);

    // Which nodes stay.
    let mut keep: Vec<bool> = type_ok;
    if let Some(sel) = selection {
        for (k, node) in keep.iter_mut().zip(&nodes) {
            *k &= sel.nodes.contains(&node.iri);
        }
    }
    if filters.drops_edges() {
        let mut linked = vec![false; nodes.len()];
        for ((s, o, _), _) in &edges {
            linked[*s as usize] = true;
            linked[*o as usize] = true;
        }
        for (k, l) in keep.iter_mut().zip(linked) {
            *k &= l;
        }
    }
    if let Some(ego) = &filters.ego {
        let centre = find_entity(&nodes, ego)?;
        if !keep[centre] {
            return Err(GraphError::Invalid(format!(
                "{ego:?} ({}) is excluded by the other filters",
                nodes[centre].iri
            )));
        }
        let mut adjacency: Vec<Vec<u32>> = vec![Vec::new(); nodes.len()];
        for ((s, o, _), _) in &edges {
            adjacency[*s as usize].push(*o);
            adjacency[*o as usize].push(*s);
        }
        let mut distance: Vec<Option<usize>> = vec![None; nodes.len()];
        distance[centre] = Some(0);
        let mut queue = VecDeque::from([centre]);
        while let Some(n) = queue.pop_front() {
            let d = distance[n].unwrap_or(0);
            if d >= filters.depth {
                continue;
            }
            for &m in &adjacency[n] {
                let m = m as usize;
                if keep[m] && distance[m].is_none() {
                    distance[m] = Some(d + 1);
                    queue.push_back(m);
                }
            }
        }
        for (k, d) in keep.iter_mut().zip(distance) {
            *k &= d.is_some();
        }
    }

    // Node dates: documents mentioning them, plus their kept edges' statements.
    for ((node, days), k) in nodes.iter_mut().zip(seen).zip(&keep) {
        if *k {
            node.dates
                .extend(days.into_iter().filter(|d| in_window(*d)));
        }
    }
    let edges: Vec<_> = edges
        .into_iter()
        .filter(|((s, o, _), _)| keep[*s as usize] && keep[*o as usize])
        .collect();
    for ((s, o, _), support) in &edges {
        for n in [s, o] {
            nodes[*n as usize].dates.extend(&support.days);
        }
    }

    let triples: HashSet<(u32, u32, u32)> = edges.iter().map(|(key, _)| *key).collect();
    let mut graph = EntityGraph::with_capacity(nodes.len(), edges.len());
    let mut graph_index: Vec<Option<NodeIndex>> = vec![None; nodes.len()];
    for (i, mut node) in nodes.into_iter().enumerate() {
        if keep[i] {
            node.dates.sort_unstable();
            node.dates.dedup();
            graph_index[i] = Some(graph.add_node(node));
        }
    }
    for ((s, o, p), mut support) in edges {
        let (Some(a), Some(b)) = (graph_index[s as usize], graph_index[o as usize]) else {
            continue;
        };
        let predicate = predicate_iris[p as usize].0.clone();
        let label = crate::vocab::relation_label(&predicate);
        support.days.sort_unstable();
        support.days.dedup();
        graph.add_edge(
            a,
            b,
            RelationEdge {
                predicate,
                label,
                weight: support.weight,
                dates: support.days,
                evidence: shorten(&support.evidence),
                reciprocal: direction == Direction::Directed
                    && s != o
                    && triples.contains(&(o, s, p)),
            },
        );
    }
    Ok(graph)
}

/// A stable 64-bit hash (for de-duplicating statement rows; never written out).
fn hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(EVIDENCE_CHARS) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
    }
}

/// Finds one entity by IRI (`https://…` or `kgd:…`), else by label, else by alias; labels and
/// aliases match whole and case-insensitively.
fn find_entity(nodes: &[EntityNode], name: &str) -> Result<usize, GraphError> {
    let name = name.trim();
    let iri = name
        .strip_prefix("kgd:")
        .map(|local| format!("{DATA}{local}"))
        .unwrap_or_else(|| name.trim_matches(['<', '>']).to_owned());
    if let Some(i) = nodes.iter().position(|n| n.iri == iri) {
        return Ok(i);
    }
    let lower = name.to_lowercase();
    let mut found: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].label.to_lowercase() == lower)
        .collect();
    if found.is_empty() {
        found = (0..nodes.len())
            .filter(|&i| nodes[i].aliases.iter().any(|a| a.to_lowercase() == lower))
            .collect();
    }
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(GraphError::Invalid(format!(
            "no entity named {name:?} (give its label, another name it goes by, or its IRI)"
        ))),
        many => Err(GraphError::Invalid(format!(
            "{name:?} names {} entities; give one IRI: {}",
            many.len(),
            many.iter()
                .take(10)
                .map(|&i| format!("{} ({})", nodes[i].iri, nodes[i].type_name()))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Runs the user's subgraph query and collects the triples and entities it returns.
fn select_subgraph(store: &KgStore, sparql: &str) -> Result<Selection, GraphError> {
    let iri = |t: Option<&Term>| match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    };
    let mut out = Selection::default();
    let mut add = |s: Option<String>, p: Option<String>, o: Option<String>| {
        if let (Some(s), Some(p), Some(o)) = (&s, &p, &o) {
            out.triples.insert((s.clone(), p.clone(), o.clone()));
        }
        out.nodes.extend(s);
        out.nodes.extend(o);
    };
    match execute(store, sparql)? {
        QueryResults::Graph(triples) => {
            for triple in triples {
                let triple = triple?;
                let s = match triple.subject {
                    oxigraph::model::NamedOrBlankNode::NamedNode(n) => Some(n.into_string()),
                    _ => None,
                };
                add(
                    s,
                    Some(triple.predicate.into_string()),
                    iri(Some(&triple.object)),
                );
            }
        }
        QueryResults::Solutions(solutions) => {
            let names: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect();
            if !["s", "p", "o"].iter().all(|v| names.iter().any(|n| n == v)) {
                return Err(GraphError::Invalid(format!(
                    "a subgraph SELECT must bind ?s ?p ?o (this one binds {})",
                    names
                        .iter()
                        .map(|n| format!("?{n}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                )));
            }
            for solution in solutions {
                let solution = solution?;
                add(
                    iri(solution.get("s")),
                    iri(solution.get("p")),
                    iri(solution.get("o")),
                );
            }
        }
        QueryResults::Boolean(_) => {
            return Err(GraphError::Invalid(
                "a subgraph query must be a CONSTRUCT or a SELECT ?s ?p ?o, not an ASK".into(),
            ))
        }
    }
    Ok(out)
}

/// Runs a SELECT and hands each row, as the plain values of its variables in order, to `f`.
pub(crate) fn for_each_row(
    store: &KgStore,
    sparql: &str,
    mut f: impl FnMut(&[Option<String>]),
) -> Result<(), GraphError> {
    let QueryResults::Solutions(solutions) = execute(store, sparql)? else {
        return Err(GraphError::Invalid(
            "projection query is not a SELECT".into(),
        ));
    };
    let variables = solutions.variables().to_vec();
    let mut row: Vec<Option<String>> = Vec::with_capacity(variables.len());
    for solution in solutions {
        let solution = solution?;
        row.clear();
        row.extend(variables.iter().map(|v| {
            solution.get(v).map(|t| match t {
                Term::NamedNode(n) => n.as_str().to_owned(),
                Term::Literal(l) => l.value().to_owned(),
                other => other.to_string(),
            })
        }));
        f(&row);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_widen_months_and_years() {
        let day = |s| Date::parse_iso(s).unwrap();
        assert_eq!(
            parse_date_bound("2023-09", false).unwrap(),
            day("2023-09-01")
        );
        assert_eq!(
            parse_date_bound("2023-09", true).unwrap(),
            day("2023-09-30")
        );
        assert_eq!(
            parse_date_bound("2024-02", true).unwrap(),
            day("2024-02-29")
        );
        assert_eq!(parse_date_bound("2023", true).unwrap(), day("2023-12-31"));
        assert_eq!(parse_date_bound("2023", false).unwrap(), day("2023-01-01"));
        assert_eq!(
            parse_date_bound(" 2023-09-13 ", true).unwrap(),
            day("2023-09-13")
        );
        for bad in [
            "yesterday",
            "2023-14",
            "2023-02-29",
            "2023-+9",
            "+202",
            "2023-09-13T10:00",
        ] {
            assert!(parse_date_bound(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn runs_of_days_merge_consecutive_ones() {
        let day = Date::from_days_since_epoch;
        let days: Vec<Date> = [1, 2, 3, 3, 7, 9, 10].into_iter().map(day).collect();
        assert_eq!(
            day_runs(&days),
            [(day(1), day(3)), (day(7), day(7)), (day(9), day(10))]
        );
    }

    #[test]
    fn types_parse_case_insensitively_and_reject_unknown_ones() {
        assert_eq!(
            parse_types("Person, place").unwrap(),
            ["http://schema.org/Person", "http://schema.org/Place"]
        );
        assert!(parse_types("persons").is_err());
        assert!(parse_types(",").is_err());
    }

    #[test]
    fn long_evidence_is_cut_at_a_character_boundary() {
        let text = "é".repeat(EVIDENCE_CHARS + 5);
        let short = shorten(&text);
        assert_eq!(short.chars().count(), EVIDENCE_CHARS + 1);
        assert!(short.ends_with('…'));
        assert_eq!(shorten(" short "), "short");
    }
}
