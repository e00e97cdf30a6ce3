//! The kg store: an oxigraph store with one named graph per document and an entities graph.
//!
//! Writes go through a [`Batch`], one oxigraph transaction: it replaces or removes whole documents,
//! recomputes the entity records they touched, and commits atomically, so readers see the graph
//! before or after a batch, never half of it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use kg_extract::{Document, Statement};
use oxigraph::model::{
    GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term, TermRef,
};
use oxigraph::store::{StorageError, Store, Transaction};

use crate::vocab::{self, *};
use crate::{entities, mapping, GraphError};

/// A kg knowledge graph, on disk or in memory.
pub struct KgStore {
    store: Store,
}

impl KgStore {
    /// Opens (creating if needed) the store in `path` for reading and writing.
    pub fn open(path: &Path) -> Result<KgStore, GraphError> {
        Ok(KgStore {
            store: Store::open(path)?,
        })
    }

    /// Opens an existing store read-only; other processes may write to it meanwhile.
    pub fn open_read_only(path: &Path) -> Result<KgStore, GraphError> {
        Ok(KgStore {
            store: Store::open_read_only(path)?,
        })
    }

    /// A store that lives in memory only (tests, `kg extract`).
    pub fn in_memory() -> Result<KgStore, GraphError> {
        Ok(KgStore {
            store: Store::new()?,
        })
    }

    /// The underlying oxigraph store, for queries and exports.
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// Starts a batch of document writes; nothing is visible until [`Batch::commit`].
    pub fn batch(&self) -> Result<Batch<'_>, GraphError> {
        Ok(Batch {
            transaction: self.store.start_transaction()?,
            touched: BTreeSet::new(),
        })
    }

    /// Fingerprint of every stored document, by document id: what an incremental build compares
    /// against to skip unchanged documents (see [`vocab::fingerprint`]).
    pub fn document_fingerprints(&self) -> Result<BTreeMap<String, String>, GraphError> {
        let mut out = BTreeMap::new();
        for quad in self
            .store
            .quads_for_pattern(None, Some(KG_FINGERPRINT), None, None)
        {
            let quad = quad?;
            let fingerprint = literal_value(&quad.object);
            let id = self
                .store
                .quads_for_pattern(
                    Some(quad.subject.as_ref()),
                    Some(DCTERMS_IDENTIFIER),
                    None,
                    Some(quad.graph_name.as_ref()),
                )
                .next()
                .transpose()?
                .map(|q| literal_value(&q.object));
            if let (Some(Some(id)), Some(fingerprint)) = (id, fingerprint) {
                out.insert(id, fingerprint);
            }
        }
        Ok(out)
    }

    /// Counts of what the graph holds.
    pub fn stats(&self) -> Result<Stats, GraphError> {
        let count = |p: NamedNodeRef<'_>, o: Option<TermRef<'_>>, g: Option<GraphNameRef<'_>>| {
            self.store.quads_for_pattern(None, Some(p), o, g).count()
        };
        let entities = entities_graph();
        let entities = Some(GraphNameRef::from(&entities));
        let mut by_type = BTreeMap::new();
        for quad in self
            .store
            .quads_for_pattern(None, Some(RDF_TYPE), None, entities)
        {
            if let Term::NamedNode(class) = quad?.object {
                *by_type.entry(class.as_str().to_owned()).or_insert(0) += 1;
            }
        }
        Ok(Stats {
            quads: self.store.len()?,
            documents: count(RDF_TYPE, Some(KG_DOCUMENT.into()), None),
            sentences: count(RDF_TYPE, Some(KG_SENTENCE.into()), None),
            statements: count(RDF_TYPE, Some(RDF_STATEMENT.into()), None),
            entities_by_type: by_type,
        })
    }
}

/// What `kg stats` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub quads: usize,
    pub documents: usize,
    pub sentences: usize,
    pub statements: usize,
    /// Entity count by class IRI (`schema:Person`, `kg:Concept`, …).
    pub entities_by_type: BTreeMap<String, usize>,
}

/// A set of document writes committed atomically.
pub struct Batch<'a> {
    transaction: Transaction<'a>,
    /// Entities whose canonical record must be recomputed at commit.
    touched: BTreeSet<NamedNode>,
}

impl Batch<'_> {
    /// Writes a document and its statements, replacing whatever was stored under its id.
    pub fn put_document(
        &mut self,
        document: &Document,
        statements: &[Statement],
        extractor: &str,
    ) -> Result<(), GraphError> {
        self.remove_document(&document.id)?;
        for quad in mapping::document_quads(document, statements, extractor) {
            if quad.predicate.as_ref() == KG_MENTIONS {
                if let Term::NamedNode(entity) = &quad.object {
                    self.touched.insert(entity.clone());
                }
            }
            self.transaction.insert(&quad);
        }
        Ok(())
    }

    /// Removes a document's graph; returns whether it was there.
    pub fn remove_document(&mut self, id: &str) -> Result<bool, GraphError> {
        let graph = vocab::document_iri(id);
        let graph_ref = GraphNameRef::from(&graph);
        let subject = NamedOrBlankNodeRef::from(&graph);
        let mentioned: Vec<Quad> = self
            .transaction
            .quads_for_pattern(Some(subject), Some(KG_MENTIONS), None, Some(graph_ref))
            .collect::<Result<_, StorageError>>()?;
        let present = self
            .transaction
            .quads_for_pattern(Some(subject), Some(RDF_TYPE), None, Some(graph_ref))
            .next()
            .is_some();
        for quad in mentioned {
            if let Term::NamedNode(entity) = quad.object {
                self.touched.insert(entity);
            }
        }
        if present {
            self.transaction.clear_graph(graph_ref)?;
            self.transaction.remove_named_graph(subject)?;
        }
        Ok(present)
    }

    /// Recomputes the touched entities' records and makes everything visible at once.
    pub fn commit(mut self) -> Result<(), GraphError> {
        entities::refresh(&mut self.transaction, &self.touched)?;
        self.transaction.commit()?;
        Ok(())
    }
}

fn literal_value(term: &Term) -> Option<String> {
    match term {
        Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    }
}
