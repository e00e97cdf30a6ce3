//! The mention layer and the co-mention network, on a real in-memory oxigraph store filled
//! through the mapping `kg build` uses: names no statement uses are entities all the same, and
//! entities named together are linked, weighted by sentences or documents.

use kg_graph::projection::{
    project_with, Direction, EntityGraph, Filters, Network, ReadPath, Window,
};
use kg_graph::query::execute;
use kg_graph::KgStore;
use kg_model::*;
use oxigraph::sparql::QueryResults;

fn mention(sentence: usize, kind: EntityType, name: &str, alias: Option<&str>) -> EntityMention {
    EntityMention {
        sentence_index: sentence,
        span: (0, 1),
        kind,
        name: name.into(),
        alias: alias.map(str::to_owned),
        external_id: None,
    }
}

/// A document of `sentences`, dated `date`, with no statement: only its mention layer.
fn put(store: &KgStore, id: &str, date: &str, sentences: &[&str], mentions: &[EntityMention]) {
    let mut document = Document::new(id, sentences.join(" "));
    document.date = Date::parse_iso(date);
    let mut start = 0;
    for s in sentences {
        document.sentences.push(Sentence {
            start,
            end: start + s.len(),
            ..Sentence::default()
        });
        start += s.len() + 1;
    }
    let mut batch = store.batch().unwrap();
    batch
        .put_document(&document, &[], mentions, "test")
        .unwrap();
    batch.commit().unwrap();
}

fn rows(store: &KgStore, sparql: &str) -> Vec<Vec<String>> {
    let QueryResults::Solutions(solutions) = execute(store, sparql).unwrap() else {
        panic!("not a SELECT")
    };
    let mut out: Vec<Vec<String>> = solutions
        .map(|s| {
            s.unwrap()
                .values()
                .iter()
                .map(|v| match v {
                    Some(oxigraph::model::Term::Literal(l)) => l.value().to_owned(),
                    Some(t) => t.to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect();
    out.sort();
    out
}

use EntityType::*;

/// d1 (13 Sept): Kim, Putin and Russia in one sentence, Kim and Putin in the next; an epidemic
/// in Peru alone. d2 (20 Sept): Putin and Shoigu.
fn world() -> KgStore {
    let store = KgStore::in_memory().unwrap();
    put(
        &store,
        "d1",
        "2023-09-13",
        &[
            "Kim Jong Un met Vladimir Putin in Russia.",
            "Kim thanked Putin.",
            "An epidemic in Peru has killed 20.",
        ],
        &[
            mention(0, Person, "Kim Jong Un", None),
            mention(0, Person, "Vladimir Putin", None),
            mention(0, Place, "Russia", None),
            mention(1, Person, "Kim Jong Un", Some("Kim")),
            mention(1, Person, "Vladimir Putin", Some("Putin")),
            EntityMention {
                external_id: Some("https://sws.geonames.org/3932488/".into()),
                ..mention(2, Place, "Peru", None)
            },
        ],
    );
    put(
        &store,
        "d2",
        "2023-09-20",
        &["Sergei Shoigu met Vladimir Putin."],
        &[
            mention(0, Person, "Sergei Shoigu", None),
            mention(0, Person, "Vladimir Putin", None),
        ],
    );
    store
}

#[test]
fn a_name_no_statement_uses_is_an_entity_its_document_and_sentence_mention() {
    let store = world();
    assert_eq!(
        rows(
            &store,
            "SELECT ?id ?text WHERE { ?peru rdfs:label \"Peru\" ; a schema:Place ; \
             owl:sameAs <https://sws.geonames.org/3932488/> . \
             ?d kg:mentions ?peru ; dcterms:identifier ?id . \
             ?s schema:mentions ?peru ; dcterms:isPartOf ?d ; kg:text ?text }"
        ),
        [["d1", "An epidemic in Peru has killed 20."]]
    );
    // The names as written are other names of the entity; counts are of documents.
    assert_eq!(
        rows(
            &store,
            "SELECT ?alt ?n WHERE { ?e rdfs:label \"Vladimir Putin\" ; skos:altLabel ?alt ; \
             kg:documentCount ?n }"
        ),
        [["Putin", "2"]]
    );
}

fn edges(graph: &EntityGraph) -> Vec<(String, String, u64, String)> {
    let mut out: Vec<_> = graph
        .raw_edges()
        .iter()
        .map(|e| {
            let (a, b) = (&graph[e.source()].label, &graph[e.target()].label);
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            (
                a.clone(),
                b.clone(),
                e.weight.weight,
                e.weight.evidence.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn network(store: &KgStore, window: Window, filters: Filters) -> EntityGraph {
    let filters = Filters {
        network: Network::CoMention(window),
        ..filters
    };
    let read = |path| project_with(store, &filters, Direction::Undirected, path).unwrap();
    let graph = read(ReadPath::Auto);
    let sparql = read(ReadPath::Sparql);
    assert_eq!(edges(&graph), edges(&sparql));
    assert_eq!(
        graph.node_weights().collect::<Vec<_>>(),
        sparql.node_weights().collect::<Vec<_>>()
    );
    graph
}

fn e(a: &str, b: &str, weight: u64, evidence: &str) -> (String, String, u64, String) {
    (a.into(), b.into(), weight, evidence.into())
}

#[test]
fn entities_named_in_one_sentence_are_linked_by_the_number_of_sentences() {
    let store = world();
    let graph = network(&store, Window::Sentence, Filters::default());
    assert_eq!(
        edges(&graph),
        [
            e(
                "Kim Jong Un",
                "Russia",
                1,
                "Kim Jong Un met Vladimir Putin in Russia."
            ),
            e("Kim Jong Un", "Vladimir Putin", 2, "Kim thanked Putin."),
            e(
                "Russia",
                "Vladimir Putin",
                1,
                "Kim Jong Un met Vladimir Putin in Russia."
            ),
            e(
                "Sergei Shoigu",
                "Vladimir Putin",
                1,
                "Sergei Shoigu met Vladimir Putin."
            ),
        ]
    );
    // Peru is named alone: a node without edges.
    assert_eq!(graph.node_count(), 5);
    assert!(graph
        .raw_edges()
        .iter()
        .all(|e| e.weight.label == "co-mentioned in sentence"));
}

#[test]
fn entities_named_in_one_document_are_linked_by_the_number_of_documents() {
    let store = world();
    let graph = network(&store, Window::Document, Filters::default());
    let weights: Vec<_> = edges(&graph)
        .into_iter()
        .map(|(a, b, w, _)| (a, b, w))
        .collect();
    let w = |a: &str, b: &str, n| (a.to_owned(), b.to_owned(), n);
    assert_eq!(
        weights,
        [
            w("Kim Jong Un", "Peru", 1),
            w("Kim Jong Un", "Russia", 1),
            w("Kim Jong Un", "Vladimir Putin", 1),
            w("Peru", "Russia", 1),
            w("Peru", "Vladimir Putin", 1),
            w("Russia", "Vladimir Putin", 1),
            w("Sergei Shoigu", "Vladimir Putin", 1),
        ]
    );
}

#[test]
fn the_filters_apply_to_the_co_mention_network() {
    let store = world();
    // Documents dated in the window only; what they leave isolated goes.
    let since = Filters {
        since: Date::parse_iso("2023-09-15"),
        ..Filters::default()
    };
    let graph = network(&store, Window::Sentence, since);
    assert_eq!(
        edges(&graph),
        [e(
            "Sergei Shoigu",
            "Vladimir Putin",
            1,
            "Sergei Shoigu met Vladimir Putin."
        )]
    );
    assert_eq!(graph.node_count(), 2);
    // Types keep nodes; weights keep edges.
    let people = Filters {
        types: kg_graph::projection::parse_types("person").unwrap(),
        min_weight: 2,
        ..Filters::default()
    };
    assert_eq!(
        edges(&network(&store, Window::Sentence, people)),
        [e("Kim Jong Un", "Vladimir Putin", 2, "Kim thanked Putin.")]
    );
    // The relation network has no statement here, so no node.
    let relations = project_with(
        &store,
        &Filters::default(),
        Direction::Directed,
        ReadPath::Auto,
    )
    .unwrap();
    assert_eq!(relations.node_count(), 0);
}
