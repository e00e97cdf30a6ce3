//! Cross-document entity resolution in a real (in-memory) oxigraph store, on statements written by
//! hand: one node per entity whatever order documents come in, types voted over documents, and the
//! alias registry's never-merge pairs.

use kg_graph::query::execute;
use kg_graph::resolve::{Registry, RegistryEntry};
use kg_graph::KgStore;
use kg_model::*;
use oxigraph::sparql::QueryResults;

fn entity(name: &str, kind: EntityType) -> Argument {
    Argument {
        text: name.into(),
        full_text: name.into(),
        kind: ArgumentKind::Entity(kind),
        span: (0, 1),
        alias: None,
    }
}

fn visit(doc: &str, who: Argument, place: &str) -> Statement {
    let provenance = Provenance {
        document_id: doc.into(),
        sentence_index: 0,
        sentence_start: 0,
        sentence_end: 10,
        sentence_text: format!("A sentence of {doc}.").into(),
    };
    let place = Some(entity(place, EntityType::Place));
    Statement {
        confidence: 0.9,
        ..Statement::new(who, Relation::new("visited", "visit"), place, provenance)
    }
}

/// Puts each (document id, statements) in its own batch, with a resolver over `registry`, as
/// `kg build` does chunk by chunk.
fn build(store: &KgStore, registry: &Registry, docs: &[(&str, Vec<Statement>)]) {
    for (id, statements) in docs {
        // The resolver knows the names committed so far, as at the start of a build's chunk.
        let resolver = store.resolver(registry.clone()).unwrap();
        let mut batch = store.batch().unwrap();
        batch.set_resolver(Some(resolver));
        put(&mut batch, id, statements);
        batch.commit().unwrap();
    }
}

/// Writes one hand-made document into a batch. Its second sentence names again, in the
/// mention layer, every entity its statements name (the layer's quads move with them).
fn put(batch: &mut kg_graph::Batch<'_>, id: &str, statements: &[Statement]) {
    let mut document = Document::new(id, format!("Text of {id}. Names again."));
    let first = id.len() + 9;
    for (start, end) in [(0, first), (first + 1, document.text.len())] {
        document.sentences.push(Sentence {
            start,
            end,
            ..Sentence::default()
        });
    }
    let mentions: Vec<EntityMention> = statements
        .iter()
        .flat_map(|s| std::iter::once(&s.subject).chain(&s.object))
        .filter_map(|a| match a.kind {
            ArgumentKind::Entity(kind) => Some(EntityMention {
                sentence_index: 1,
                span: a.span,
                kind,
                name: a.text.clone(),
                alias: None,
                external_id: None,
            }),
            _ => None,
        })
        .collect();
    batch
        .put_document(&document, statements, &mentions, "test")
        .unwrap();
}

fn column(store: &KgStore, sparql: &str) -> Vec<String> {
    let QueryResults::Solutions(solutions) = execute(store, sparql).unwrap() else {
        panic!("not a SELECT")
    };
    let mut out: Vec<String> = solutions
        .map(|s| kg_graph::query::display_term(s.unwrap().values()[0].as_ref().unwrap()))
        .collect();
    out.sort();
    out
}

/// Entity records (IRI) whose label or alias is `name`.
fn nodes(store: &KgStore, name: &str) -> Vec<String> {
    column(
        store,
        &format!(
            "SELECT DISTINCT ?e WHERE {{ GRAPH <https://w3id.org/kg-news/id/graph/entities> \
             {{ ?e rdfs:label|skos:altLabel \"{name}\" }} }}"
        ),
    )
}

fn subjects(store: &KgStore) -> Vec<String> {
    column(store, "SELECT DISTINCT ?s WHERE { ?st rdf:subject ?s }")
}

#[test]
fn a_surname_lands_on_the_full_name_whichever_document_comes_first() {
    let full = (
        "d1",
        vec![visit(
            "d1",
            entity("Ana Duarte", EntityType::Person),
            "Porto",
        )],
    );
    let short = (
        "d2",
        vec![visit("d2", entity("Duarte", EntityType::Person), "Braga")],
    );
    let mut seen = Vec::new();
    for docs in [[full.clone(), short.clone()], [short, full]] {
        let store = KgStore::in_memory().unwrap();
        build(&store, &Registry::default(), &docs);
        let node = nodes(&store, "Ana Duarte");
        assert_eq!(node.len(), 1);
        assert_eq!(nodes(&store, "Duarte"), node, "the surname is an alias");
        assert_eq!(subjects(&store), node, "both visits on one node");
        seen.push(node);
    }
    assert_eq!(seen[0], seen[1], "the same IRI in either order");
}

#[test]
fn two_full_names_sharing_a_word_never_merge_and_leave_the_word_alone() {
    let store = KgStore::in_memory().unwrap();
    build(
        &store,
        &Registry::default(),
        &[
            (
                "d1",
                vec![visit(
                    "d1",
                    entity("Ana Duarte", EntityType::Person),
                    "Porto",
                )],
            ),
            (
                "d2",
                vec![visit(
                    "d2",
                    entity("Rui Duarte", EntityType::Person),
                    "Faro",
                )],
            ),
            (
                "d3",
                vec![visit("d3", entity("Duarte", EntityType::Person), "Braga")],
            ),
        ],
    );
    let (ana, rui, lone) = (
        nodes(&store, "Ana Duarte"),
        nodes(&store, "Rui Duarte"),
        nodes(&store, "Duarte"),
    );
    assert_eq!((ana.len(), rui.len(), lone.len()), (1, 1, 1));
    assert_ne!(ana, rui);
    assert!(lone != ana && lone != rui, "ambiguous: stays its own node");
}

#[test]
fn the_type_is_voted_over_documents_not_taken_from_the_first() {
    let store = KgStore::in_memory().unwrap();
    build(
        &store,
        &Registry::default(),
        &[
            (
                "d1",
                vec![visit("d1", entity("Jordan", EntityType::Person), "Porto")],
            ),
            (
                "d2",
                vec![visit("d2", entity("Jordan", EntityType::Place), "Faro")],
            ),
            (
                "d3",
                vec![visit("d3", entity("Jordan", EntityType::Place), "Braga")],
            ),
        ],
    );
    let types = column(
        &store,
        "SELECT ?t WHERE { GRAPH <https://w3id.org/kg-news/id/graph/entities> \
         { ?e rdfs:label \"Jordan\"; a ?t } }",
    );
    assert_eq!(types, ["schema:Place"]);
}

#[test]
fn a_never_merge_pair_in_the_registry_keeps_a_short_form_apart() {
    let docs = [
        (
            "d1",
            vec![visit(
                "d1",
                entity("Ana Duarte", EntityType::Person),
                "Porto",
            )],
        ),
        (
            "d2",
            vec![visit("d2", entity("Duarte", EntityType::Person), "Braga")],
        ),
    ];
    let (registry, duplicates) = Registry::new(vec![RegistryEntry {
        canonical: "Ana Duarte".into(),
        kind: Some(EntityType::Person),
        never_merge: vec!["Duarte".into()],
        ..Default::default()
    }]);
    assert!(duplicates.is_empty());
    let store = KgStore::in_memory().unwrap();
    build(&store, &registry, &docs);
    let ana = nodes(&store, "Ana Duarte");
    assert_eq!(ana.len(), 1);
    let lone = nodes(&store, "Duarte");
    assert_eq!(lone.len(), 1);
    assert_ne!(lone, ana);
}

#[test]
fn a_place_without_its_head_word_lands_on_the_longer_place_unless_it_is_a_known_place() {
    let who = || entity("Ana Duarte", EntityType::Person);
    let long = ("d1", vec![visit("d1", who(), "Keflavik Airport")]);
    let short = ("d2", vec![visit("d2", who(), "Keflavik")]);
    let mut seen = Vec::new();
    for docs in [[long.clone(), short.clone()], [short, long]] {
        let store = KgStore::in_memory().unwrap();
        build(&store, &Registry::default(), &docs);
        let node = nodes(&store, "Keflavik Airport");
        assert_eq!(node.len(), 1);
        assert_eq!(nodes(&store, "Keflavik"), node, "the stem is an alias");
        seen.push(node);
    }
    assert_eq!(seen[0], seen[1], "the same IRI in either order");

    // Moscow is in the gazetteer: a city of its own, not the station's stem.
    let store = KgStore::in_memory().unwrap();
    build(
        &store,
        &Registry::default(),
        &[
            ("d1", vec![visit("d1", who(), "Moscow Station")]),
            ("d2", vec![visit("d2", who(), "Moscow")]),
        ],
    );
    let (station, city) = (nodes(&store, "Moscow Station"), nodes(&store, "Moscow"));
    assert_eq!((station.len(), city.len()), (1, 1));
    assert_ne!(station, city);
}

/// Every quad of the store as sorted N-Quads lines.
fn all_quads(store: &KgStore) -> Vec<String> {
    let mut out: Vec<String> = store
        .oxigraph()
        .iter()
        .map(|q| q.unwrap().to_string())
        .collect();
    out.sort();
    out
}

/// Every export summary of the store is what its document's quads or its entity's record say
/// (after moves by entity resolution too), and the projection reads the same graph from the
/// summaries as through SPARQL.
fn summaries_agree(store: &KgStore) {
    use kg_graph::projection::{project_with, Direction, Filters, Network, ReadPath, Window};
    use kg_graph::summary::{of_document, of_entity};
    use kg_graph::vocab::{entities_graph, KG_EXPORT_EDGES, KG_EXPORT_NODE};
    use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
    use std::collections::BTreeMap;

    let mut graphs: BTreeMap<String, Vec<Quad>> = BTreeMap::new();
    for q in store.oxigraph().iter() {
        let q = q.unwrap();
        if let GraphName::NamedNode(g) = &q.graph_name {
            graphs.entry(g.as_str().to_owned()).or_default().push(q);
        }
    }
    let (mut documents, mut entities) = (0, 0);
    for (graph, quads) in &graphs {
        let (summaries, rest): (Vec<&Quad>, Vec<&Quad>) = quads
            .iter()
            .partition(|q| q.predicate == KG_EXPORT_EDGES || q.predicate == KG_EXPORT_NODE);
        if graph == entities_graph().as_str() {
            let mut records: BTreeMap<String, Vec<(NamedNode, Term)>> = BTreeMap::new();
            for q in rest {
                records
                    .entry(q.subject.to_string())
                    .or_default()
                    .push((q.predicate.clone(), q.object.clone()));
            }
            assert_eq!(summaries.len(), records.len());
            for q in summaries {
                let NamedOrBlankNode::NamedNode(entity) = &q.subject else {
                    panic!("{q}")
                };
                let record = &records[&q.subject.to_string()];
                assert_eq!(q.object, Term::from(of_entity(entity, record)), "{entity}");
                entities += 1;
            }
        } else if !summaries.is_empty() {
            let document = NamedNode::new(graph.clone()).unwrap();
            let rest: Vec<Quad> = rest.into_iter().cloned().collect();
            let expected = of_document(&document, &rest).unwrap();
            assert_eq!(summaries, [&expected], "{graph}");
            documents += 1;
        }
    }
    assert!(documents > 0 && entities > 0);
    // The projection's nodes and edges, read by `path`.
    let read = |filters: &Filters, direction, path| {
        let g = project_with(store, filters, direction, path).unwrap();
        let edges: Vec<_> = g
            .raw_edges()
            .iter()
            .map(|e| {
                (
                    g[e.source()].iri.clone(),
                    g[e.target()].iri.clone(),
                    e.weight.clone(),
                )
            })
            .collect();
        (g.node_weights().cloned().collect::<Vec<_>>(), edges)
    };
    let filters = Filters::default();
    assert_eq!(
        read(&filters, Direction::Directed, ReadPath::Auto),
        read(&filters, Direction::Directed, ReadPath::Sparql)
    );
    // The co-mention networks too (the mention layer's summary lines, renamed by the moves).
    for window in [Window::Sentence, Window::Document] {
        let filters = Filters {
            network: Network::CoMention(window),
            ..Filters::default()
        };
        let summarised = read(&filters, Direction::Undirected, ReadPath::Auto);
        assert!(!summarised.1.is_empty(), "{window:?}");
        assert_eq!(
            summarised,
            read(&filters, Direction::Undirected, ReadPath::Sparql),
            "{window:?}"
        );
    }
}

/// One build step as `kg build` runs it: the batch's documents written and removed, then the
/// entities resolved with `reconcile`.
fn step(
    store: &KgStore,
    put: &[(&str, Vec<Statement>)],
    remove: &[&str],
    reconcile: kg_graph::Reconcile,
) {
    let mut batch = store.batch().unwrap();
    batch.set_resolver(Some(kg_graph::resolve::Resolver::new(Registry::default())));
    for id in remove {
        batch.remove_document(id).unwrap();
    }
    for (id, statements) in put {
        self::put(&mut batch, id, statements);
    }
    let changes = batch.commit_documents().unwrap();
    store
        .resolve_entities(&changes, &Registry::default(), reconcile)
        .unwrap();
}

#[test]
fn reconciling_only_the_changed_names_gives_the_graph_a_full_reconciliation_gives() {
    use EntityType::*;
    let doc = |id: &'static str, who: &str, kind: EntityType, place: &str| {
        (id, vec![visit(id, entity(who, kind), place)])
    };
    // Each step adds, replaces or removes documents so that short names gain, lose and change
    // their one full name: a surname, an acronym, a place stem, a type vote.
    type Docs = Vec<(&'static str, Vec<Statement>)>;
    let steps: Vec<(Docs, Vec<&str>)> = vec![
        (
            vec![
                doc("d1", "Duarte", Person, "Keflavik"),
                doc("d2", "KCNA", Organization, "Porto"),
                doc("d3", "Jordan", Person, "Braga"),
            ],
            vec![],
        ),
        (
            vec![
                doc("d4", "Ana Duarte", Person, "Keflavik Airport"),
                doc("d5", "Korean Central News Agency", Organization, "Faro"),
            ],
            vec![],
        ),
        (vec![doc("d6", "Rui Duarte", Person, "Porto")], vec![]),
        (
            vec![doc("d4", "Ana Duarte", Person, "Lisbon")],
            vec!["d6", "d5"],
        ),
        (
            vec![
                doc("d7", "Michael Jordan", Person, "Braga"),
                doc("d8", "Duarte", Place, "Faro"),
            ],
            vec!["d1"],
        ),
    ];
    let incremental = KgStore::in_memory().unwrap();
    let full = KgStore::in_memory().unwrap();
    for (i, (put, remove)) in steps.iter().enumerate() {
        // The first build of a store is always reconciled in full.
        let mode = if i == 0 {
            kg_graph::Reconcile::All
        } else {
            kg_graph::Reconcile::Changed
        };
        step(&incremental, put, remove, mode);
        step(&full, put, remove, kg_graph::Reconcile::All);
        assert_eq!(all_quads(&incremental), all_quads(&full), "after step {i}");
        summaries_agree(&full);
        // The steps do move entities (else the comparison would prove little).
        if i == 1 {
            assert_eq!(nodes(&full, "Keflavik"), nodes(&full, "Keflavik Airport"));
            assert_eq!(
                nodes(&full, "KCNA"),
                nodes(&full, "Korean Central News Agency")
            );
            assert_eq!(nodes(&full, "Duarte"), nodes(&full, "Ana Duarte"));
        }
        if i == 2 {
            assert_ne!(
                nodes(&full, "Duarte"),
                nodes(&full, "Ana Duarte"),
                "ambiguous"
            );
        }
        if i == 3 {
            assert_eq!(
                nodes(&full, "Duarte"),
                nodes(&full, "Ana Duarte"),
                "Rui is gone"
            );
        }
        if i == 5 {
            assert_ne!(
                nodes(&full, "Duarte"),
                nodes(&full, "Ana Duarte"),
                "a place now"
            );
        }
    }
}
