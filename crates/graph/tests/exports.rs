//! The projection's filters and the three export formats, on a real in-memory oxigraph store
//! filled through the same mapping `kg build` uses.

use kg_graph::projection::{
    parse_date_bound, parse_types, project_filtered, project_reading, project_with, Direction,
    EntityGraph, EntityNode, Filters, ReadPath, RelationEdge,
};
use kg_graph::{csv_export, gexf, graphml, KgStore};
use kg_model::*;
use petgraph::visit::EdgeRef;

fn arg(name: &str, kind: ArgumentKind) -> Argument {
    Argument {
        text: name.into(),
        full_text: name.into(),
        kind,
        span: (0, 1),
        alias: None,
    }
}

fn person(name: &str) -> Argument {
    arg(name, ArgumentKind::Entity(EntityType::Person))
}

fn place(name: &str) -> Argument {
    arg(name, ArgumentKind::Entity(EntityType::Place))
}

fn fact(s: Argument, rel: &str, o: Argument, sentence: usize, text: &str) -> Statement {
    let provenance = Provenance {
        document_id: String::new(),
        sentence_index: sentence,
        sentence_start: 0,
        sentence_end: text.len(),
        sentence_text: text.into(),
    };
    Statement {
        confidence: 0.9,
        ..Statement::new(s, Relation::new(rel, rel), Some(o), provenance)
    }
}

fn on(mut st: Statement, day: &str) -> Statement {
    st.qualifiers.push(Qualifier {
        role: Role::Time,
        preposition: Some("on".into()),
        value: arg(
            "Wednesday",
            ArgumentKind::Literal(Literal::Time(Some(day.into()))),
        ),
    });
    st
}

fn put(store: &KgStore, id: &str, date: Option<&str>, mut statements: Vec<Statement>) {
    for st in &mut statements {
        st.provenance.document_id = id.into();
    }
    let mut doc = Document::new(id, format!("Text of {id}."));
    doc.date = date.and_then(Date::parse_iso);
    let mut batch = store.batch().unwrap();
    batch.put_document(&doc, &statements, &[], "test").unwrap();
    batch.commit().unwrap();
}

const KIM: &str = "https://w3id.org/kg-news/id/entity/kim_jong_un";
const PUTIN: &str = "https://w3id.org/kg-news/id/entity/vladimir_putin";

/// Kim meets Putin three times (on the 13th, the 14th and undated), Putin meets Kim once, Putin
/// visits Vostochny, Shoigu visits Pyongyang, Kim inspects a missile factory; a denied meeting.
fn world() -> KgStore {
    let store = KgStore::in_memory().unwrap();
    let kim = || person("Kim Jong Un");
    let putin = || person("Vladimir Putin");
    put(
        &store,
        "d1",
        Some("2023-09-10"),
        vec![
            on(
                fact(
                    kim(),
                    "meet",
                    putin(),
                    0,
                    "Kim Jong Un met Vladimir Putin at the cosmodrome on Wednesday.",
                ),
                "2023-09-13",
            ),
            fact(
                putin(),
                "visit",
                place("Vostochny Cosmodrome"),
                1,
                "Putin visited Vostochny.",
            ),
        ],
    );
    put(
        &store,
        "d2",
        Some("2023-09-14"),
        vec![
            fact(person("Kim Jong-un"), "meet", putin(), 0, "Kim met Putin."),
            fact(putin(), "meet", kim(), 1, "Putin met Kim again."),
            fact(
                person("Sergei Shoigu"),
                "visit",
                place("Pyongyang"),
                2,
                "Shoigu visited Pyongyang.",
            ),
            fact(
                kim(),
                "inspect",
                arg("missile factory", ArgumentKind::Concept),
                3,
                "Kim inspected a missile factory.",
            ),
        ],
    );
    let mut denied = fact(
        kim(),
        "meet",
        person("Sergei Shoigu"),
        1,
        "Kim did not meet Shoigu.",
    );
    denied.negated = true;
    put(
        &store,
        "d3",
        None,
        vec![
            fact(
                kim(),
                "meet",
                putin(),
                0,
                "Kim Jong Un and Vladimir Putin met, reports said, at length.",
            ),
            denied,
        ],
    );
    store
}

/// The projection, read from the export summaries; reading the statements through SPARQL must
/// give the same graph, whatever the filters.
fn project(store: &KgStore, filters: &Filters) -> EntityGraph {
    let graph = project_filtered(store, filters, Direction::Directed).unwrap();
    let sparql = project_with(store, filters, Direction::Directed, ReadPath::Sparql).unwrap();
    assert_eq!(contents(&graph), contents(&sparql), "{filters:?}");
    graph
}

/// Every node and edge with all its data, in order.
fn contents(graph: &EntityGraph) -> (Vec<EntityNode>, Vec<(usize, usize, RelationEdge)>) {
    (
        graph.node_weights().cloned().collect(),
        graph
            .edge_references()
            .map(|e| (e.source().index(), e.target().index(), e.weight().clone()))
            .collect(),
    )
}

fn labels(graph: &EntityGraph) -> Vec<String> {
    graph.node_weights().map(|n| n.label.clone()).collect()
}

/// (subject label, relation, object label, weight, first date, last date)
fn edges(graph: &EntityGraph) -> Vec<(String, String, String, u64, String, String)> {
    graph
        .edge_references()
        .map(|e| {
            let w = e.weight();
            let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
            (
                graph[e.source()].label.clone(),
                w.label.clone(),
                graph[e.target()].label.clone(),
                w.weight,
                day(w.first_date()),
                day(w.last_date()),
            )
        })
        .collect()
}

fn e(
    s: &str,
    r: &str,
    o: &str,
    w: u64,
    first: &str,
    last: &str,
) -> (String, String, String, u64, String, String) {
    (s.into(), r.into(), o.into(), w, first.into(), last.into())
}

#[test]
fn the_whole_graph_merges_statements_into_weighted_dated_edges() {
    let store = world();
    let g = project(&store, &Filters::default());
    assert_eq!(
        labels(&g),
        [
            "missile factory",
            "Kim Jong Un",
            "Pyongyang",
            "Sergei Shoigu",
            "Vladimir Putin",
            "Vostochny Cosmodrome"
        ]
    );
    assert_eq!(
        edges(&g),
        [
            e(
                "Kim Jong Un",
                "inspect",
                "missile factory",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
            e(
                "Kim Jong Un",
                "meet",
                "Vladimir Putin",
                3,
                "2023-09-13",
                "2023-09-14"
            ),
            e(
                "Sergei Shoigu",
                "visit",
                "Pyongyang",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
            e(
                "Vladimir Putin",
                "meet",
                "Kim Jong Un",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
            e(
                "Vladimir Putin",
                "visit",
                "Vostochny Cosmodrome",
                1,
                "2023-09-10",
                "2023-09-10"
            ),
        ]
    );
    let meet = g
        .edge_weights()
        .find(|w| w.label == "meet" && w.weight == 3)
        .unwrap();
    assert_eq!(
        meet.evidence, "Kim met Putin.",
        "the shortest supporting sentence"
    );
    assert!(meet.reciprocal);
    assert!(!g.edge_weights().any(|w| w.label == "visit" && w.reciprocal));
    let kim = g.node_weights().find(|n| n.iri == KIM).unwrap();
    assert_eq!(kim.aliases, ["Kim Jong-un"]);
    assert_eq!(kim.type_name(), "Person");
    let days: Vec<String> = kim.dates.iter().map(Date::to_string).collect();
    assert_eq!(days, ["2023-09-10", "2023-09-13", "2023-09-14"]);
}

#[test]
fn undirected_projection_merges_both_directions() {
    let store = world();
    let g = project_filtered(&store, &Filters::default(), Direction::Undirected).unwrap();
    let meets: Vec<_> = edges(&g).into_iter().filter(|e| e.1 == "meet").collect();
    assert_eq!(
        meets,
        [e(
            "Kim Jong Un",
            "meet",
            "Vladimir Putin",
            4,
            "2023-09-13",
            "2023-09-14"
        )]
    );
    assert!(g.edge_weights().all(|w| !w.reciprocal));
}

#[test]
fn min_weight_keeps_strong_edges_and_their_nodes() {
    let store = world();
    let g = project(
        &store,
        &Filters {
            min_weight: 2,
            ..Filters::default()
        },
    );
    assert_eq!(labels(&g), ["Kim Jong Un", "Vladimir Putin"]);
    assert_eq!(
        edges(&g),
        [e(
            "Kim Jong Un",
            "meet",
            "Vladimir Putin",
            3,
            "2023-09-13",
            "2023-09-14"
        )]
    );
    let g = project(
        &store,
        &Filters {
            min_weight: 4,
            ..Filters::default()
        },
    );
    assert_eq!(g.node_count() + g.edge_count(), 0);
}

#[test]
fn types_keep_entities_of_those_types_and_the_edges_among_them() {
    let store = world();
    let types = parse_types("person").unwrap();
    let g = project(
        &store,
        &Filters {
            types,
            ..Filters::default()
        },
    );
    assert_eq!(
        labels(&g),
        ["Kim Jong Un", "Sergei Shoigu", "Vladimir Putin"]
    );
    assert!(g.node_weights().all(|n| n.type_name() == "Person"));
    assert_eq!(
        edges(&g),
        [
            e(
                "Kim Jong Un",
                "meet",
                "Vladimir Putin",
                3,
                "2023-09-13",
                "2023-09-14"
            ),
            e(
                "Vladimir Putin",
                "meet",
                "Kim Jong Un",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
        ]
    );
    let types = parse_types("place,concept").unwrap();
    let g = project(
        &store,
        &Filters {
            types,
            ..Filters::default()
        },
    );
    assert_eq!(
        labels(&g),
        ["missile factory", "Pyongyang", "Vostochny Cosmodrome"]
    );
    assert_eq!(g.edge_count(), 0);
}

#[test]
fn date_window_counts_only_the_statements_inside_it() {
    let store = world();
    let since = Some(parse_date_bound("2023-09-14", false).unwrap());
    let g = project(
        &store,
        &Filters {
            since,
            ..Filters::default()
        },
    );
    assert_eq!(
        edges(&g),
        [
            e(
                "Kim Jong Un",
                "inspect",
                "missile factory",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
            e(
                "Kim Jong Un",
                "meet",
                "Vladimir Putin",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
            e(
                "Sergei Shoigu",
                "visit",
                "Pyongyang",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
            e(
                "Vladimir Putin",
                "meet",
                "Kim Jong Un",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
        ]
    );
    assert!(!labels(&g).contains(&"Vostochny Cosmodrome".to_owned()));
    let kim = g.node_weights().find(|n| n.iri == KIM).unwrap();
    assert_eq!(kim.first_seen(), Date::parse_iso("2023-09-14"));

    let until = Some(parse_date_bound("2023-09-13", true).unwrap());
    let g = project(
        &store,
        &Filters {
            until,
            ..Filters::default()
        },
    );
    assert_eq!(
        edges(&g),
        [
            e(
                "Kim Jong Un",
                "meet",
                "Vladimir Putin",
                1,
                "2023-09-13",
                "2023-09-13"
            ),
            e(
                "Vladimir Putin",
                "visit",
                "Vostochny Cosmodrome",
                1,
                "2023-09-10",
                "2023-09-10"
            ),
        ]
    );
    // A month bound covers the whole month.
    let g = project(
        &store,
        &Filters {
            since: Some(parse_date_bound("2023-09", false).unwrap()),
            until: Some(parse_date_bound("2023-09", true).unwrap()),
            ..Filters::default()
        },
    );
    assert_eq!(g.edge_count(), 5);
    assert_eq!(
        g.edge_weights().map(|w| w.weight).sum::<u64>(),
        6,
        "the undated meeting is out"
    );
}

#[test]
fn ego_network_follows_edges_both_ways_up_to_the_depth() {
    let store = world();
    let ego = |name: &str, depth| Filters {
        ego: Some(name.into()),
        depth,
        ..Filters::default()
    };
    let g = project(&store, &ego("Vladimir Putin", 1));
    assert_eq!(
        labels(&g),
        ["Kim Jong Un", "Vladimir Putin", "Vostochny Cosmodrome"]
    );
    assert_eq!(g.edge_count(), 3);
    let g = project(&store, &ego("vladimir putin", 2));
    assert_eq!(
        labels(&g),
        [
            "missile factory",
            "Kim Jong Un",
            "Vladimir Putin",
            "Vostochny Cosmodrome"
        ]
    );
    let g = project(&store, &ego("kgd:entity/sergei_shoigu", 5));
    assert_eq!(labels(&g), ["Pyongyang", "Sergei Shoigu"]);
    let g = project(&store, &ego(PUTIN, 0));
    assert_eq!(labels(&g), ["Vladimir Putin"]);
    // Another name the entity goes by.
    let g = project(&store, &ego("KIM JONG-UN", 1));
    assert!(labels(&g).contains(&"Kim Jong Un".to_owned()));
    // Combined with another filter, the walk stays inside what that filter keeps.
    let g = project(
        &store,
        &Filters {
            min_weight: 2,
            ..ego("Vladimir Putin", 3)
        },
    );
    assert_eq!(labels(&g), ["Kim Jong Un", "Vladimir Putin"]);
}

#[test]
fn ego_names_that_match_nothing_or_several_entities_are_errors() {
    let store = world();
    put(
        &store,
        "d4",
        None,
        vec![fact(
            arg("Apple", ArgumentKind::Entity(EntityType::Organization)),
            "sell",
            arg("apple", ArgumentKind::Concept),
            0,
            "Apple sells apples.",
        )],
    );
    let err = |name: &str| {
        project_filtered(
            &store,
            &Filters {
                ego: Some(name.into()),
                depth: 1,
                ..Filters::default()
            },
            Direction::Directed,
        )
        .unwrap_err()
        .to_string()
    };
    assert!(
        err("Nobody").contains("no entity named \"Nobody\""),
        "{}",
        err("Nobody")
    );
    let ambiguous = err("apple");
    assert!(ambiguous.contains("2 entities"), "{ambiguous}");
    assert!(
        ambiguous.contains("https://w3id.org/kg-news/id/concept/apple"),
        "{ambiguous}"
    );
    let excluded = project_filtered(
        &store,
        &Filters {
            ego: Some("Pyongyang".into()),
            types: parse_types("person").unwrap(),
            ..Filters::default()
        },
        Direction::Directed,
    )
    .unwrap_err()
    .to_string();
    assert!(
        excluded.contains("excluded by the other filters"),
        "{excluded}"
    );
}

#[test]
fn a_sparql_construct_or_select_selects_the_subgraph() {
    let store = world();
    let query = |q: &str| Filters {
        query: Some(q.into()),
        ..Filters::default()
    };
    let g = project(
        &store,
        &query("CONSTRUCT { ?s kg:meet ?o } WHERE { ?s kg:meet ?o }"),
    );
    assert_eq!(labels(&g), ["Kim Jong Un", "Vladimir Putin"]);
    assert_eq!(
        edges(&g),
        [
            e(
                "Kim Jong Un",
                "meet",
                "Vladimir Putin",
                3,
                "2023-09-13",
                "2023-09-14"
            ),
            e(
                "Vladimir Putin",
                "meet",
                "Kim Jong Un",
                1,
                "2023-09-14",
                "2023-09-14"
            ),
        ]
    );
    let g = project(
        &store,
        &query(r#"SELECT ?s ?p ?o WHERE { ?s ?p ?o ; rdfs:label "Sergei Shoigu" }"#),
    );
    assert_eq!(labels(&g), ["Pyongyang", "Sergei Shoigu"]);
    assert_eq!(
        edges(&g),
        [e(
            "Sergei Shoigu",
            "visit",
            "Pyongyang",
            1,
            "2023-09-14",
            "2023-09-14"
        )]
    );
    // Entities alone, without a relation between them: nodes only.
    let g = project(
        &store,
        &query("CONSTRUCT { ?e a schema:Place } WHERE { ?e a schema:Place }"),
    );
    assert_eq!(labels(&g), ["Pyongyang", "Vostochny Cosmodrome"]);
    assert_eq!(g.edge_count(), 0);

    let err = |q: &str| {
        project_filtered(&store, &query(q), Direction::Directed)
            .unwrap_err()
            .to_string()
    };
    assert!(err("SELECT ?x WHERE { ?x ?y ?z }").contains("must bind ?s ?p ?o"));
    assert!(err("ASK { ?s ?p ?o }").contains("not an ASK"));
    assert!(err("CONSTRUCT WHERE {").contains("SPARQL syntax error"));
}

fn all_formats(store: &KgStore, direction: Direction) -> Vec<Vec<u8>> {
    let g = project_filtered(store, &Filters::default(), direction).unwrap();
    let mut out = vec![Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    graphml::write(&g, direction, &mut out[0]).unwrap();
    gexf::write(&g, direction, &mut out[1]).unwrap();
    csv_export::write_nodes(&g, &mut out[2]).unwrap();
    csv_export::write_edges(&g, direction, &mut out[3]).unwrap();
    out
}

#[test]
fn every_format_is_byte_identical_for_the_same_store() {
    for direction in [Direction::Directed, Direction::Undirected] {
        let (a, b) = (world(), world());
        assert_eq!(all_formats(&a, direction), all_formats(&b, direction));
        assert_eq!(all_formats(&a, direction), all_formats(&a, direction));
    }
}

#[test]
fn gexf_has_spells_kinds_and_weights() {
    let store = world();
    let out = &all_formats(&store, Direction::Directed)[1];
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(text.contains(r#"mode="dynamic""#) && text.contains(r#"timeformat="date""#));
    assert!(text.contains(r#"<nodes count="6">"#) && text.contains(r#"<edges count="5">"#));
    // Kim: seen on the 10th (d1), and the 13th and 14th (statements): two runs.
    let kim = &text[text.find(&format!(r#"<node id="{KIM}""#)).unwrap()..];
    let kim = &kim[..kim.find("</node>").unwrap()];
    assert!(
        kim.contains(
            "<spells>\n          <spell start=\"2023-09-10\" end=\"2023-09-10\"/>\n          <spell start=\"2023-09-13\" end=\"2023-09-14\"/>\n        </spells>"
        ),
        "{kim}"
    );
    assert!(
        kim.contains(r#"<viz:color r="31" g="119" b="180"/>"#),
        "{kim}"
    );
    let meet = format!(r#"source="{KIM}" target="{PUTIN}" label="meet" kind="meet" weight="3.0">"#);
    assert!(text.contains(&meet), "{text}");
}

#[test]
fn graphml_declares_typed_keys_and_writes_dates_and_evidence() {
    let store = world();
    let text = String::from_utf8(all_formats(&store, Direction::Directed)[0].clone()).unwrap();
    for key in [
        r#"<key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#,
        r#"<key id="r" for="node" attr.name="r" attr.type="int"/>"#,
        r#"<key id="reciprocal" for="edge" attr.name="reciprocal" attr.type="boolean"/>"#,
        r#"<key id="elabel" for="edge" attr.name="label" attr.type="string"/>"#,
    ] {
        assert!(text.contains(key), "{key}");
    }
    assert!(text.contains(r#"<data key="first_seen">2023-09-10</data>"#));
    assert!(text.contains(r#"<data key="evidence">Kim met Putin.</data>"#));
    assert!(text.contains(r#"<data key="weight">3.0</data>"#));
}

#[test]
fn csv_lists_read_back_with_gephi_columns() {
    let store = world();
    let out = all_formats(&store, Direction::Undirected);
    let mut nodes = csv::Reader::from_reader(out[2].as_slice());
    assert_eq!(
        nodes.headers().unwrap(),
        csv_export::NODE_COLUMNS.as_slice()
    );
    let rows: Vec<csv::StringRecord> = nodes.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let kim = rows.iter().find(|r| &r[0] == KIM).unwrap();
    assert_eq!(
        (&kim[1], &kim[2], &kim[5], &kim[6], &kim[7]),
        (
            "Kim Jong Un",
            "Person",
            "2023-09-10",
            "2023-09-14",
            "Kim Jong-un"
        )
    );
    let mut edges = csv::Reader::from_reader(out[3].as_slice());
    assert_eq!(
        edges.headers().unwrap(),
        csv_export::EDGE_COLUMNS.as_slice()
    );
    let rows: Vec<csv::StringRecord> = edges.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let meet = rows.iter().find(|r| &r[4] == "meet").unwrap();
    assert_eq!((&meet[2], &meet[5]), ("Undirected", "4.0"));
}

/// Replaces the object of every quad with predicate `p` by `value` (or removes the quads).
fn overwrite(store: &KgStore, p: oxigraph::model::NamedNodeRef<'_>, value: Option<&str>) -> usize {
    let quads: Vec<oxigraph::model::Quad> = store
        .oxigraph()
        .quads_for_pattern(None, Some(p), None, None)
        .map(Result::unwrap)
        .collect();
    for q in &quads {
        store.oxigraph().remove(q).unwrap();
        if let Some(v) = value {
            let mut q = q.clone();
            q.object = oxigraph::model::Literal::new_simple_literal(v).into();
            store.oxigraph().insert(&q).unwrap();
        }
    }
    quads.len()
}

#[test]
fn a_store_without_readable_summaries_is_read_through_sparql() {
    use kg_graph::vocab::{KG_EXPORT_EDGES, KG_EXPORT_NODE};
    let filters = [
        Filters::default(),
        Filters {
            since: Some(Date::parse_iso("2023-09-13").unwrap()),
            ..Filters::default()
        },
    ];
    let expected: Vec<_> = filters
        .iter()
        .map(|f| contents(&project(&world(), f)))
        .collect();
    let damaged: [(oxigraph::model::NamedNodeRef<'_>, Option<&str>); 4] = [
        (KG_EXPORT_EDGES, None),
        (KG_EXPORT_NODE, None),
        (KG_EXPORT_EDGES, Some("kg-export-edges 1\ne\tnot a row")),
        (KG_EXPORT_NODE, Some("kg-export-node 99")),
    ];
    for (p, value) in damaged {
        let store = world();
        assert!(overwrite(&store, p, value) > 0);
        for (f, expected) in filters.iter().zip(&expected) {
            let (graph, used) =
                project_reading(&store, f, Direction::Directed, ReadPath::Auto).unwrap();
            assert_eq!(used, ReadPath::Sparql);
            assert_eq!(&contents(&graph), expected, "{p} {value:?} {f:?}");
        }
    }
    // A build completes what is missing: exactly the summaries a new store has.
    let all_quads = |store: &KgStore| {
        let mut quads: Vec<String> = store
            .oxigraph()
            .iter()
            .map(|q| q.unwrap().to_string())
            .collect();
        quads.sort();
        quads
    };
    let store = world();
    assert_eq!(store.complete_summaries().unwrap(), 0);
    overwrite(&store, KG_EXPORT_EDGES, None);
    overwrite(&store, KG_EXPORT_NODE, None);
    assert!(store.complete_summaries().unwrap() > 0);
    assert_eq!(all_quads(&store), all_quads(&world()));
    // And the summaries are what is read when they are there: a summary that says something
    // else is believed (which is why only kg's own writes may touch them).
    let store = world();
    let (_, used) = project_reading(
        &store,
        &Filters::default(),
        Direction::Directed,
        ReadPath::Auto,
    )
    .unwrap();
    assert_eq!(used, ReadPath::Auto);
    overwrite(
        &store,
        KG_EXPORT_EDGES,
        Some(kg_graph::summary::EDGES_HEADER),
    );
    let graph = project_filtered(&store, &Filters::default(), Direction::Directed).unwrap();
    assert_eq!(graph.edge_count(), 0);
    assert_eq!(graph.node_count(), 6);
}

/// A reported fact is not an edge, whoever reports it: a source that names a node, and one that
/// names none ("officials", a pronoun left unresolved), which is kept as its words.
#[test]
fn attributed_facts_are_no_edges_even_when_the_source_names_no_node() {
    let store = KgStore::in_memory().unwrap();
    let kim = || person("Kim Jong Un");
    let putin = || person("Vladimir Putin");
    let said_by = |source: Argument| {
        let mut st = fact(kim(), "meet", putin(), 1, "He said Kim met Putin.");
        st.attribution = Some(source);
        st
    };
    put(
        &store,
        "d1",
        None,
        vec![
            fact(
                kim(),
                "visit",
                place("Vostochny"),
                0,
                "Kim visited Vostochny.",
            ),
            said_by(arg("he", ArgumentKind::Unresolved)),
            said_by(arg("officials", ArgumentKind::Literal(Literal::Text))),
            said_by(person("Sergei Shoigu")),
        ],
    );
    let graph = project(&store, &Filters::default());
    let relations: Vec<String> = edges(&graph).into_iter().map(|e| e.1).collect();
    assert_eq!(relations, ["visit"]);
    let oxigraph::sparql::QueryResults::Solutions(rows) = kg_graph::query::execute(
        &store,
        "SELECT ?t WHERE { ?st kg:sourceText ?t } ORDER BY ?t",
    )
    .unwrap() else {
        panic!("a SELECT gives solutions");
    };
    let sources: Vec<String> = rows
        .map(|row| row.unwrap().get("t").unwrap().to_string())
        .collect();
    assert_eq!(sources, ["\"he\"", "\"officials\""]);
}
