//! One canonical record per entity, recomputed from what the documents observed.
//!
//! Documents only write observations (`kg:observedLabel`, `kg:observedType`, `kg:observedSameAs`)
//! into their own graphs. After documents are added, replaced or removed, the records of the
//! entities they touched are recomputed here into the entities graph: the label most documents use,
//! the type most documents vote for, the other labels as `skos:altLabel`, and counts. Because the
//! record is derived, it stays consistent whatever order documents come and go in.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::store::{StorageError, Transaction};

use kg_model::EntityType;

use crate::query::{count, select_in};
use crate::resolve::{Registry, RegistryEntry};
use crate::vocab::*;
use crate::GraphError;

/// Recomputes the entities-graph records of `entities` inside `transaction`.
pub fn refresh(
    transaction: &mut Transaction<'_>,
    entities: &BTreeSet<NamedNode>,
    registry: &Registry,
) -> Result<(), GraphError> {
    let graph = entities_graph();
    for entity in entities {
        let subject = NamedOrBlankNodeRef::from(entity.as_ref());
        let stale: Vec<Quad> = transaction
            .quads_for_pattern(Some(subject), None, None, Some(GraphNameRef::from(&graph)))
            .collect::<Result<_, _>>()?;
        for quad in &stale {
            transaction.remove(quad);
        }
        let Some(mut record) = Record::gather(transaction, entity)? else {
            continue;
        };
        record.apply(entity, registry.entry_for(entity));
        let triples = record.triples();
        let summary = crate::summary::of_entity(entity, &triples);
        for (p, o) in triples {
            transaction.insert(&Quad::new(entity.clone(), p, o, graph.clone()));
        }
        transaction.insert(&Quad::new(
            entity.clone(),
            KG_EXPORT_NODE.into_owned(),
            summary,
            graph.clone(),
        ));
    }
    Ok(())
}

/// Everything the documents say about one entity, counted.
struct Record {
    labels: BTreeMap<String, usize>,
    /// The names documents used for the entity (`kg:observedName`), by number of documents.
    names: BTreeMap<String, usize>,
    /// The label decided by the registry or by the IRI's own name.
    label: Option<String>,
    types: BTreeMap<NamedNode, usize>,
    same_as: BTreeMap<String, Term>,
    documents: usize,
    statements: usize,
}

impl Record {
    /// `None` when no document mentions the entity any more.
    ///
    /// One SPARQL query counts everything: it groups and counts on oxigraph's encoded terms and
    /// decodes only the distinct observed values, where reading the quads one by one decodes
    /// every document and statement IRI (a RocksDB read each) of an entity that thousands of
    /// documents mention.
    fn gather(
        transaction: &Transaction<'_>,
        entity: &NamedNode,
    ) -> Result<Option<Record>, GraphError> {
        // The entity is bound as a value, never formatted into the query text.
        let query = format!(
            "SELECT ?e ?p ?o (COUNT(*) AS ?n) WHERE {{
               {{ GRAPH ?g {{ ?e ?p ?o }}
                  FILTER(?p IN (<{label}>, <{name}>, <{kind}>, <{same}>)) }}
               UNION {{ GRAPH ?g {{ ?d <{mentions}> ?e }} BIND(<{mentions}> AS ?p) }}
               UNION {{ GRAPH ?g {{ ?s <{subject}> ?e }} BIND(<{subject}> AS ?p) }}
               UNION {{ GRAPH ?g {{ ?s <{object}> ?e }} BIND(<{subject}> AS ?p) }}
             }} GROUP BY ?e ?p ?o",
            label = KG_OBSERVED_LABEL.as_str(),
            name = KG_OBSERVED_NAME.as_str(),
            kind = KG_OBSERVED_TYPE.as_str(),
            same = KG_OBSERVED_SAME_AS.as_str(),
            mentions = KG_MENTIONS.as_str(),
            subject = RDF_SUBJECT.as_str(),
            object = RDF_OBJECT.as_str(),
        );
        let solutions = select_in(transaction, &query, &[("e", entity.clone().into())])?;
        let mut labels = BTreeMap::new();
        let mut names = BTreeMap::new();
        let mut types = BTreeMap::new();
        let mut same_as = BTreeMap::new();
        let (mut documents, mut statements) = (0, 0);
        for solution in solutions {
            let solution = solution?;
            let n = count(solution.get("n"));
            let Some(Term::NamedNode(p)) = solution.get("p") else {
                continue;
            };
            let p = p.as_ref();
            match solution.get("o") {
                None if p == KG_MENTIONS => documents += n,
                None if p == RDF_SUBJECT => statements += n,
                Some(Term::Literal(l)) if p == KG_OBSERVED_LABEL => {
                    *labels.entry(l.value().to_owned()).or_insert(0) += n;
                }
                Some(Term::Literal(l)) if p == KG_OBSERVED_NAME => {
                    *names.entry(l.value().to_owned()).or_insert(0) += n;
                }
                Some(Term::NamedNode(t)) if p == KG_OBSERVED_TYPE => {
                    *types.entry(t.clone()).or_insert(0) += n;
                }
                Some(object) if p == KG_OBSERVED_SAME_AS => {
                    same_as.insert(object.to_string(), object.clone());
                }
                _ => {}
            }
        }
        if documents == 0 {
            return Ok(None);
        }
        Ok(Some(Record {
            labels,
            names,
            label: None,
            types,
            same_as,
            documents,
            statements,
        }))
    }

    /// Decides the label: the registry's canonical name; else the name documents used most among
    /// those that spell the IRI's own name ("Kim Jong Un" over "Kim Jong-un" by count, never
    /// "Kim" for `kim_jong_un`); else the most used name. The registry also sets the type, adds
    /// its aliases and its external id.
    fn apply(&mut self, entity: &NamedNode, entry: Option<&RegistryEntry>) {
        let local = entity.as_str().rsplit('/').next().unwrap_or("");
        let most = |it: &mut dyn Iterator<Item = (&String, &usize)>| {
            it.max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))
                .map(|(l, _)| l.clone())
        };
        self.label = most(&mut self.names.iter().filter(|(n, _)| slug(n) == local))
            .or_else(|| most(&mut self.names.iter()));
        let Some(entry) = entry else {
            return;
        };
        self.label = Some(entry.canonical.clone());
        for alias in &entry.aliases {
            self.labels.entry(alias.clone()).or_insert(0);
        }
        if let Some(kind) = entry.kind {
            let class = match kind {
                EntityType::Person => SCHEMA_PERSON,
                EntityType::Organization => SCHEMA_ORGANIZATION,
                EntityType::Place => SCHEMA_PLACE,
                EntityType::Other => KG_OTHER,
            };
            self.types = BTreeMap::from([(class.into_owned(), 1)]);
        }
        if let Some(id) = &entry.external_id {
            self.same_as
                .insert(id.to_string(), Term::NamedNode(id.clone()));
        }
    }

    /// The canonical triples: deterministic whatever order the observations came in.
    fn triples(&self) -> Vec<(NamedNode, Term)> {
        let mut out = Vec::new();
        // Most documents win; ties go to a fixed precedence of types, then to the IRI.
        let rank = |t: &NamedNode| {
            [
                SCHEMA_PERSON,
                SCHEMA_ORGANIZATION,
                SCHEMA_PLACE,
                KG_OTHER,
                KG_CONCEPT,
            ]
            .iter()
            .position(|c| *c == t.as_ref())
            .unwrap_or(usize::MAX)
        };
        if let Some((class, _)) = self
            .types
            .iter()
            .max_by(|(a, x), (b, y)| x.cmp(y).then(rank(b).cmp(&rank(a))).then(b.cmp(a)))
        {
            out.push((RDF_TYPE.into_owned(), class.clone().into()));
        }
        let label = self.label.clone().or_else(|| {
            self.labels
                .iter()
                .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))
                .map(|(l, _)| l.clone())
        });
        if let Some(label) = &label {
            out.push((
                RDFS_LABEL.into_owned(),
                Literal::new_simple_literal(label).into(),
            ));
        }
        let others: BTreeSet<&String> = self.labels.keys().chain(self.names.keys()).collect();
        for other in others.into_iter().filter(|l| Some(*l) != label.as_ref()) {
            out.push((
                SKOS_ALT_LABEL.into_owned(),
                Literal::new_simple_literal(other).into(),
            ));
        }
        for same in self.same_as.values() {
            out.push((OWL_SAME_AS.into_owned(), same.clone()));
        }
        out.push((
            KG_DOCUMENT_COUNT.into_owned(),
            Literal::from(self.documents as i64).into(),
        ));
        out.push((
            KG_MENTION_COUNT.into_owned(),
            Literal::from(self.statements as i64).into(),
        ));
        out
    }
}

/// One entity as `kg entities` lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    pub iri: String,
    pub label: String,
    /// Class IRI (`schema:Person`, …).
    pub class: String,
    /// Statements the entity is subject or object of.
    pub mentions: i64,
    pub documents: i64,
    pub aliases: Vec<String>,
    pub same_as: Vec<String>,
}

/// Every entity record of the store, most mentioned first (then by label); concepts only when
/// `concepts` is set.
pub fn list(
    store: &oxigraph::store::Store,
    concepts: bool,
) -> Result<Vec<EntityRow>, StorageError> {
    let graph = entities_graph();
    let g = Some(GraphNameRef::from(&graph));
    let mut rows: BTreeMap<String, EntityRow> = BTreeMap::new();
    for quad in store.quads_for_pattern(None, None, None, g) {
        let quad = quad?;
        let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &quad.subject else {
            continue;
        };
        let row = rows
            .entry(s.as_str().to_owned())
            .or_insert_with(|| EntityRow {
                iri: s.as_str().to_owned(),
                label: String::new(),
                class: String::new(),
                mentions: 0,
                documents: 0,
                aliases: Vec::new(),
                same_as: Vec::new(),
            });
        let p = quad.predicate.as_ref();
        match &quad.object {
            Term::Literal(l) if p == RDFS_LABEL => row.label = l.value().to_owned(),
            Term::Literal(l) if p == SKOS_ALT_LABEL => row.aliases.push(l.value().to_owned()),
            Term::Literal(l) if p == KG_MENTION_COUNT => {
                row.mentions = l.value().parse().unwrap_or(0)
            }
            Term::Literal(l) if p == KG_DOCUMENT_COUNT => {
                row.documents = l.value().parse().unwrap_or(0)
            }
            Term::NamedNode(c) if p == RDF_TYPE => row.class = c.as_str().to_owned(),
            Term::NamedNode(n) if p == OWL_SAME_AS => row.same_as.push(n.as_str().to_owned()),
            _ => {}
        }
    }
    let mut out: Vec<EntityRow> = rows
        .into_values()
        .filter(|r| concepts || r.class != KG_CONCEPT.as_str())
        .collect();
    for r in &mut out {
        r.aliases.sort();
    }
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(b.documents.cmp(&a.documents))
            .then(a.label.cmp(&b.label))
            .then(a.iri.cmp(&b.iri))
    });
    Ok(out)
}

/// Pairs of entities (indices into `rows`) that may be one, with the reason: short forms that
/// were left apart (ambiguous or of another type), acronyms, spelling variants. Candidates are
/// compared within blocks sharing a word or a spelling prefix, never all pairs.
pub fn similar(rows: &[EntityRow]) -> Vec<(usize, usize, &'static str)> {
    use kg_model::names;
    const BLOCK_LIMIT: usize = 500;
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let words = names::words(&r.label);
        for w in &words {
            blocks.entry(format!("w:{w}")).or_default().push(i);
        }
        let joined: String = words.concat();
        let prefix: String = joined.chars().take(3).collect();
        blocks.entry(format!("p:{prefix}")).or_default().push(i);
        if names::is_acronym(&r.label) {
            blocks
                .entry(format!("a:{}", names::acronym_key(&r.label)))
                .or_default()
                .push(i);
        } else if let Some(a) = names::acronym(&r.label) {
            blocks.entry(format!("a:{a}")).or_default().push(i);
        }
    }
    let mut pairs = BTreeSet::new();
    for members in blocks.values().filter(|m| m.len() <= BLOCK_LIMIT) {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if i != j {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs
        .into_iter()
        .filter_map(|(i, j)| {
            names::similarity(&rows[i].label, &rows[j].label).map(|why| (i, j, why))
        })
        .collect()
}
