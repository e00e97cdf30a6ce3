//! The kg store: an oxigraph store with one named graph per document and an entities graph.
//!
//! Writes go through a [`Batch`], one oxigraph transaction: it replaces or removes whole documents,
//! recomputes the entity records they touched, and commits atomically, so readers see the graph
//! before or after a batch, never half of it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use kg_model::{Document, EntityMention, EntityType, Statement};
use oxigraph::model::{
    GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term,
    TermRef,
};
use oxigraph::store::{BulkLoader, StorageError, Store, Transaction};

use crate::generation::{self, Layout, ReaderLock};
use crate::resolve::{Registry, Resolver};
use crate::vocab::{self, *};
use crate::{entities, mapping, GraphError};

/// A kg knowledge graph, on disk or in memory.
pub struct KgStore {
    store: Store,
    /// Keeps the generation this store reads from alive (see [`generation`]).
    _reader: Option<ReaderLock>,
}

impl KgStore {
    /// Opens (creating if needed) a plain oxigraph store in `path` for reading and writing in
    /// place. `kg build` does not use this: it writes a new generation ([`generation::Build`]).
    pub fn open(path: &Path) -> Result<KgStore, GraphError> {
        if let Layout::Generations { .. } = generation::layout(path)? {
            return Err(GraphError::Invalid(format!(
                "{} is a store of build generations: write it with a build, not in place",
                path.display()
            )));
        }
        Ok(KgStore::from_oxigraph(Store::open(path)?))
    }

    /// Opens an existing store read-only: the published generation of a `kg build` store (the
    /// graph as of the last completed build, whatever build runs meanwhile), or a plain store.
    pub fn open_read_only(path: &Path) -> Result<KgStore, GraphError> {
        match generation::layout(path)? {
            Layout::Generations { .. } => generation::open_published(path),
            Layout::Plain => Ok(KgStore::from_oxigraph(Store::open_read_only(path)?)),
            Layout::Empty => Err(GraphError::Invalid(format!(
                "no store at {}: no build has completed there",
                path.display()
            ))),
        }
    }

    /// A store that lives in memory only (tests, `kg extract`).
    pub fn in_memory() -> Result<KgStore, GraphError> {
        Ok(KgStore::from_oxigraph(Store::new()?))
    }

    pub(crate) fn from_oxigraph(store: Store) -> KgStore {
        KgStore {
            store,
            _reader: None,
        }
    }

    pub(crate) fn with_reader_lock(store: Store, lock: ReaderLock) -> KgStore {
        KgStore {
            store,
            _reader: Some(lock),
        }
    }

    /// The underlying oxigraph store, for queries and exports.
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// Starts a batch of document writes; nothing is visible until [`Batch::commit`]. Names are
    /// written as they come; give the batch a [`Resolver`] ([`Batch::set_resolver`]) to land
    /// them on known canonical entities at once (the final reconciliation does it otherwise).
    pub fn batch(&self) -> Result<Batch<'_>, GraphError> {
        Ok(Batch {
            transaction: self.store.start_transaction()?,
            touched: BTreeSet::new(),
            names: BTreeSet::new(),
            resolver: None,
            bulk: None,
        })
    }

    /// A batch for a store that holds no documents and that nobody reads (a build generation
    /// started empty): its documents are written with oxigraph's bulk loader at commit, which
    /// writes sorted files straight into RocksDB instead of a transaction's point reads and
    /// memtable inserts. Every document put must be new to the store.
    pub fn bulk_batch(&self) -> Result<Batch<'_>, GraphError> {
        let mut batch = self.batch()?;
        batch.bulk = Some(BulkLoad {
            loader: self
                .store
                .bulk_loader()
                .with_num_threads(1)
                .with_max_memory_size_in_megabytes(BULK_BATCH_QUADS / 1000),
            pending: Vec::new(),
        });
        Ok(batch)
    }

    /// A resolver for a build: the registry, and every name the store's committed documents
    /// already use. It reads a snapshot of the store, so a batch may be open meanwhile.
    pub fn resolver(&self, registry: Registry) -> Result<Resolver, GraphError> {
        let mut resolver = Resolver::new(registry);
        crate::resolve::seed(&self.store, &mut resolver)?;
        Ok(resolver)
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

    /// Fingerprint of the stored document with this id, if there is one.
    pub fn document_fingerprint(&self, id: &str) -> Result<Option<String>, GraphError> {
        let iri = vocab::document_iri(id);
        let found = self
            .store
            .quads_for_pattern(
                Some(NamedOrBlankNodeRef::from(&iri)),
                Some(KG_FINGERPRINT),
                None,
                Some(GraphNameRef::from(&iri)),
            )
            .next()
            .transpose()?;
        Ok(found.and_then(|q| literal_value(&q.object)))
    }

    /// Ids of every stored document, in no particular order.
    pub fn document_ids(&self) -> Result<Vec<String>, GraphError> {
        let mut out = Vec::new();
        for quad in
            self.store
                .quads_for_pattern(None, Some(RDF_TYPE), Some(KG_DOCUMENT.into()), None)
        {
            let quad = quad?;
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
                .and_then(|q| literal_value(&q.object));
            out.extend(id);
        }
        Ok(out)
    }

    /// Recomputes the entity records of `entities` in transactions of bounded size: a build that
    /// writes a generation nobody reads yet needs no single transaction, only bounded memory.
    pub fn refresh_entities(&self, entities: &BTreeSet<NamedNode>) -> Result<(), GraphError> {
        let changes = Changes {
            entities: entities.clone(),
            names: BTreeSet::new(),
        };
        self.resolve_entities(&changes, &Registry::default(), Reconcile::All)
    }

    /// Entity resolution at the end of a build: documents' entities are first moved to their
    /// canonical IRIs given all names of the store and the registry, as `reconcile` says (one
    /// transaction); then the records of the touched and moved entities are recomputed in
    /// transactions of bounded size.
    pub fn resolve_entities(
        &self,
        changes: &Changes,
        registry: &Registry,
        reconcile: Reconcile,
    ) -> Result<(), GraphError> {
        const PER_TRANSACTION: usize = 1000;
        let mut entities = changes.entities.clone();
        if reconcile != Reconcile::Off {
            let mut transaction = self.store.start_transaction()?;
            entities.extend(match reconcile {
                Reconcile::All => crate::resolve::reconcile(&mut transaction, registry)?,
                _ => crate::resolve::reconcile_changed(&mut transaction, registry, &changes.names)?,
            });
            transaction.commit()?;
        }
        let all: Vec<&NamedNode> = entities.iter().collect();
        let parts = all.len().div_ceil(PER_TRANSACTION);
        for (i, part) in all.chunks(PER_TRANSACTION).enumerate() {
            let part: BTreeSet<NamedNode> = part.iter().map(|e| (*e).clone()).collect();
            let mut transaction = self.store.start_transaction()?;
            entities::refresh(&mut transaction, &part, registry)?;
            transaction.commit()?;
            if i + 1 < parts {
                // RocksDB keeps committed writes in memtables of up to 128 MB a column family
                // (oxigraph's settings) until it flushes them: records of many entities would
                // otherwise pile up there. Written to files, they are freed.
                self.store.flush()?;
            }
        }
        Ok(())
    }

    /// Adds the export summaries ([`crate::summary`]) that documents and entity records written
    /// by an older kg lack, computed from what is stored, in transactions of bounded size.
    /// Returns how many were added: none, after a quick count, once a store has them all. A
    /// build calls it at its end, so that a store upgraded by an incremental build of another
    /// dump also gets fast exports, not only its re-written documents.
    pub fn complete_summaries(&self) -> Result<usize, GraphError> {
        const PER_TRANSACTION: usize = 500;
        if crate::projection::summaries_complete(self)? {
            return Ok(0);
        }
        let iris = |sparql: &str| -> Result<Vec<NamedNode>, GraphError> {
            let oxigraph::sparql::QueryResults::Solutions(rows) =
                crate::query::execute(self, sparql)?
            else {
                return Ok(Vec::new());
            };
            let mut out = Vec::new();
            for row in rows {
                if let Some(Term::NamedNode(n)) = row?.values().first().cloned().flatten() {
                    out.push(n);
                }
            }
            Ok(out)
        };
        let documents = iris(
            "SELECT ?d WHERE { GRAPH ?d { ?d a kg:Document } \
             FILTER NOT EXISTS { GRAPH ?d { ?d kg:exportEdges ?x } } }",
        )?;
        let records = iris(
            r"SELECT ?e WHERE { GRAPH kgd:graph\/entities { ?e kg:documentCount ?c }
             FILTER NOT EXISTS { GRAPH kgd:graph\/entities { ?e kg:exportNode ?x } } }",
        )?;
        for part in documents.chunks(PER_TRANSACTION) {
            let mut transaction = self.store.start_transaction()?;
            for document in part {
                let graph = GraphNameRef::from(document.as_ref());
                let quads: Vec<Quad> = transaction
                    .quads_for_pattern(None, None, None, Some(graph))
                    .collect::<Result<_, _>>()?;
                if let Some(summary) = crate::summary::of_document(document, &quads) {
                    transaction.insert(&summary);
                }
            }
            transaction.commit()?;
        }
        let graph = entities_graph();
        for part in records.chunks(PER_TRANSACTION) {
            let mut transaction = self.store.start_transaction()?;
            for entity in part {
                let record: Vec<(NamedNode, Term)> = transaction
                    .quads_for_pattern(
                        Some(NamedOrBlankNodeRef::from(entity.as_ref())),
                        None,
                        None,
                        Some(GraphNameRef::from(&graph)),
                    )
                    .map(|q| q.map(|q| (q.predicate, q.object)))
                    .collect::<Result<_, _>>()?;
                let summary = crate::summary::of_entity(entity, &record);
                transaction.insert(&Quad::new(
                    entity.clone(),
                    KG_EXPORT_NODE.into_owned(),
                    summary,
                    graph.clone(),
                ));
            }
            transaction.commit()?;
        }
        Ok(documents.len() + records.len())
    }

    /// Compacts the store's files (RocksDB's full compaction). A store written by the bulk loader
    /// is a heap of overlapping files that RocksDB would otherwise compact in the background of
    /// every later build that checkpoints it: doing it once, at the end of the build that wrote
    /// them, keeps incremental re-builds proportional to what changed.
    pub fn compact(&self) -> Result<(), GraphError> {
        self.store.optimize()?;
        Ok(())
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

/// How much entity resolution a build's end redoes ([`KgStore::resolve_entities`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reconcile {
    /// None: resolution is off, or the graph is already reconciled (nothing changed).
    Off,
    /// Every document entity: a new registry, a first or full build.
    All,
    /// Only what the changed names can have moved (see [`crate::resolve::reconcile_changed`]):
    /// an incremental build under the same registry as the build before it.
    Changed,
}

/// What committed batches changed.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    /// Entities whose records must be recomputed.
    pub entities: BTreeSet<NamedNode>,
    /// The names (`kg:observedName`) of the documents written and of those replaced or removed.
    pub names: BTreeSet<String>,
}

impl Changes {
    pub fn extend(&mut self, other: Changes) {
        self.entities.extend(other.entities);
        self.names.extend(other.names);
    }
}

/// A set of document writes committed atomically.
pub struct Batch<'a> {
    transaction: Transaction<'a>,
    /// Entities whose canonical record must be recomputed at commit.
    touched: BTreeSet<NamedNode>,
    /// Names of the documents written and removed.
    names: BTreeSet<String>,
    /// Registry and known names; `None` when resolution is off.
    resolver: Option<Resolver>,
    /// The bulk loader of a [`KgStore::bulk_batch`], and the quads not handed to it yet.
    bulk: Option<BulkLoad<'a>>,
}

/// Quads handed to oxigraph's bulk loader at a time, which is also the loader's batch: one loader
/// thread sorts a batch into files while the next is mapped. What a bulk batch holds at once is
/// bounded by this, not by the size of a chunk or of one document: oxigraph's default (with the
/// 256 MB that kg used to give it, 128,000 quads a thread on two cores, each batch's hash tables
/// sized for all of them) made a dense megabyte of text peak at twice the memory of prose.
const BULK_BATCH_QUADS: usize = 50_000;

/// A bulk batch's loader. Nothing it loads is visible before [`Batch::commit_documents`]: the
/// files it writes are ingested at its commit.
struct BulkLoad<'a> {
    loader: BulkLoader<'a>,
    pending: Vec<Quad>,
}

impl BulkLoad<'_> {
    fn push(&mut self, quad: Quad) -> Result<(), StorageError> {
        self.pending.push(quad);
        if self.pending.len() >= BULK_BATCH_QUADS {
            self.loader.load_quads(self.pending.drain(..))?;
        }
        Ok(())
    }

    fn commit(mut self) -> Result<(), StorageError> {
        self.loader.load_quads(self.pending.drain(..))?;
        self.loader.commit()
    }
}

impl Batch<'_> {
    /// Writes a document, its statements and its mention layer, replacing whatever was stored
    /// under its id.
    pub fn put_document(
        &mut self,
        document: &Document,
        statements: &[Statement],
        mentions: &[EntityMention],
        extractor: &str,
    ) -> Result<(), GraphError> {
        if self.bulk.is_none() {
            self.remove_document(&document.id)?;
        }
        // Each quad goes to the store as it is made; what is kept of a document meanwhile is
        // what its names and types add to the resolver, and the first error.
        let Batch {
            transaction,
            touched,
            names,
            resolver,
            bulk,
        } = self;
        let unresolved = Resolver::default();
        let mut kinds: HashMap<NamedOrBlankNode, EntityType> = HashMap::new();
        let mut full_names: Vec<(NamedOrBlankNode, String)> = Vec::new();
        let mut failed: Option<StorageError> = None;
        let mut sink = |quad: Quad| {
            if failed.is_some() {
                return;
            }
            if quad.predicate.as_ref() == KG_OBSERVED_NAME {
                if let Term::Literal(name) = &quad.object {
                    names.insert(name.value().to_owned());
                    if name.value().contains(' ') {
                        full_names.push((quad.subject.clone(), name.value().to_owned()));
                    }
                }
            }
            if let Some(kind) = observed_kind(&quad) {
                kinds.entry(quad.subject.clone()).or_insert(kind);
            }
            if quad.predicate.as_ref() == KG_MENTIONS {
                if let Term::NamedNode(entity) = &quad.object {
                    touched.insert(entity.clone());
                }
            }
            let written = match bulk {
                Some(bulk) => bulk.push(quad),
                None => {
                    transaction.insert(&quad);
                    Ok(())
                }
            };
            if let Err(e) = written {
                failed = Some(e);
            }
        };
        mapping::write_document_quads(
            document,
            statements,
            mentions,
            extractor,
            resolver.as_ref().unwrap_or(&unresolved),
            &mut sink,
        );
        if let Some(e) = failed {
            return Err(e.into());
        }
        // This document's full names are known to the documents after it.
        if let Some(resolver) = resolver {
            for (subject, name) in &full_names {
                let kind = kinds.get(subject).copied();
                resolver.index.add(name, kind.unwrap_or(EntityType::Other));
            }
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
        for quad in
            self.transaction
                .quads_for_pattern(None, Some(KG_OBSERVED_NAME), None, Some(graph_ref))
        {
            if let Term::Literal(name) = quad?.object {
                self.names.insert(name.value().to_owned());
            }
        }
        if present {
            self.transaction.clear_graph(graph_ref)?;
            self.transaction.remove_named_graph(subject)?;
        }
        Ok(present)
    }

    /// Hands the batch a resolver (or takes it back with `None`).
    pub fn set_resolver(&mut self, resolver: Option<Resolver>) -> Option<Resolver> {
        std::mem::replace(&mut self.resolver, resolver)
    }

    /// Resolves entities (see [`KgStore::resolve_entities`]), recomputes the touched entities'
    /// records and makes everything visible at once.
    pub fn commit(mut self) -> Result<(), GraphError> {
        if self.bulk.is_some() {
            return Err(GraphError::Invalid(
                "a bulk batch is committed with commit_documents".into(),
            ));
        }
        let registry = self
            .resolver
            .as_ref()
            .map(|r| r.registry.clone())
            .unwrap_or_default();
        let moved = crate::resolve::reconcile(&mut self.transaction, &registry)?;
        self.touched.extend(moved);
        entities::refresh(&mut self.transaction, &self.touched, &registry)?;
        self.transaction.commit()?;
        Ok(())
    }

    /// Commits the documents without recomputing entity records; returns what changed: the
    /// entities whose records must be recomputed ([`KgStore::resolve_entities`]) before anyone
    /// reads the store, and the names involved.
    pub fn commit_documents(self) -> Result<Changes, GraphError> {
        self.transaction.commit()?;
        if let Some(bulk) = self.bulk {
            bulk.commit()?;
        }
        Ok(Changes {
            entities: self.touched,
            names: self.names,
        })
    }
}

/// The type a `kg:observedType` quad gives its entity, if a person, organisation or place. A
/// document's first such type of an entity is the one its names are indexed under.
fn observed_kind(q: &Quad) -> Option<EntityType> {
    if q.predicate.as_ref() != KG_OBSERVED_TYPE {
        return None;
    }
    match &q.object {
        Term::NamedNode(c) if c.as_ref() == SCHEMA_PERSON => Some(EntityType::Person),
        Term::NamedNode(c) if c.as_ref() == SCHEMA_ORGANIZATION => Some(EntityType::Organization),
        Term::NamedNode(c) if c.as_ref() == SCHEMA_PLACE => Some(EntityType::Place),
        _ => None,
    }
}

fn literal_value(term: &Term) -> Option<String> {
    match term {
        Term::Literal(l) => Some(l.value().to_owned()),
        _ => None,
    }
}
