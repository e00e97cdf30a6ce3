//! End-to-end exports: the real `kg` binary builds a real store from the bundled sample (given
//! dates, one day apart, so that the time filters and spells have something to work on), then
//! exports it in every format, whole and filtered. The filtered exports are checked against the
//! whole one, so the tests hold whatever the extractor finds.

use crate::support::{fails, ok, sample, shared_dir};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The sample as a CSV dump with one date per document, 2023-09-01 onwards, built into the store
/// `dated` (and again into `dated2`) in a directory shared by the tests of this module.
fn built() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = shared_dir();
        let sample = std::fs::read_to_string(sample()).unwrap();
        let mut w = csv::Writer::from_path(dir.join("dated.csv")).unwrap();
        w.write_record(["id", "date", "text"]).unwrap();
        for (i, line) in sample.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let date = format!("2023-09-{:02}", i + 1);
            w.write_record([&format!("n{i}"), &date, line]).unwrap();
        }
        w.flush().unwrap();
        for store in ["dated", "dated2"] {
            ok(&["build", "dated.csv", "--store", store], &dir);
        }
        dir
    })
}

/// Nodes (IRI → label, type) and edges (source, relation, target → weight, first, last date) of
/// a CSV export.
struct Lists {
    nodes: BTreeMap<String, (String, String)>,
    edges: BTreeMap<Edge, (f64, String, String)>,
}

/// Source, relation, target.
type Edge = (String, String, String);

impl Lists {
    fn node_set(&self) -> BTreeSet<String> {
        self.nodes.keys().cloned().collect()
    }

    fn edge_set(&self) -> BTreeSet<Edge> {
        self.edges.keys().cloned().collect()
    }

    /// The edges whose two ends are both in `nodes`.
    fn edges_among(&self, nodes: &BTreeSet<String>) -> BTreeSet<Edge> {
        self.edges
            .keys()
            .filter(|(s, _, o)| nodes.contains(s) && nodes.contains(o))
            .cloned()
            .collect()
    }
}

fn export_csv(name: &str, filters: &[&str]) -> Lists {
    let dir = built();
    let mut args = vec!["export", "csv", "-o", name, "--store", "dated"];
    args.extend(filters);
    ok(&args, dir);
    read_lists(
        &dir.join(name).join("nodes.csv"),
        &dir.join(name).join("edges.csv"),
    )
}

fn read_lists(nodes: &Path, edges: &Path) -> Lists {
    let mut out = Lists {
        nodes: BTreeMap::new(),
        edges: BTreeMap::new(),
    };
    let mut r = csv::Reader::from_path(nodes).unwrap();
    assert_eq!(&r.headers().unwrap()[0], "Id");
    for row in r.records() {
        let row = row.unwrap();
        out.nodes
            .insert(row[0].into(), (row[1].into(), row[2].into()));
    }
    let mut r = csv::Reader::from_path(edges).unwrap();
    let header: Vec<&str> = r.headers().unwrap().iter().take(6).collect::<Vec<_>>();
    assert_eq!(
        header,
        ["Source", "Target", "Type", "Id", "Label", "Weight"]
    );
    for row in r.records() {
        let row = row.unwrap();
        let weight: f64 = row[5].parse().unwrap();
        out.edges.insert(
            (row[0].into(), row[6].into(), row[1].into()),
            (weight, row[7].into(), row[8].into()),
        );
    }
    out
}

#[test]
fn every_format_is_byte_identical_across_builds_and_runs() {
    let dir = built();
    for (format, file) in [("graphml", "g.graphml"), ("gexf", "g.gexf")] {
        for (store, run) in [("dated", "a"), ("dated", "b"), ("dated2", "c")] {
            let out = format!("{run}-{file}");
            ok(&["export", format, "-o", &out, "--store", store], dir);
        }
        let read = |run: &str| std::fs::read(dir.join(format!("{run}-{file}"))).unwrap();
        assert!(
            read("a") == read("b"),
            "{format}: two exports of one store differ"
        );
        assert!(
            read("a") == read("c"),
            "{format}: exports of two builds differ"
        );
    }
    for (store, out) in [("dated", "csv-a"), ("dated2", "csv-b")] {
        ok(&["export", "csv", "-o", out, "--store", store], dir);
    }
    for file in ["nodes.csv", "edges.csv"] {
        let read = |d: &str| std::fs::read(dir.join(d).join(file)).unwrap();
        assert!(
            read("csv-a") == read("csv-b"),
            "{file} differs across builds"
        );
    }
}

#[test]
fn the_export_summaries_give_what_the_statements_give() {
    // The same exports read from the build's export summaries and from the statements through
    // SPARQL (the hidden --read-sparql), with every kind of filter.
    let dir = built();
    let filters: [&[&str]; 6] = [
        &[],
        &["--undirected"],
        &["--since", "2023-09-05", "--until", "2023-09-12"],
        &["--types", "person,place"],
        &["--min-weight", "2"],
        &["--ego", "vladimir putin", "--depth", "2"],
    ];
    for (i, filter) in filters.iter().enumerate() {
        for format in ["graphml", "gexf"] {
            let (a, b) = (format!("sum{i}.{format}"), format!("sparql{i}.{format}"));
            let mut args = vec!["export", format, "-o", &a, "--store", "dated"];
            args.extend(*filter);
            ok(&args, dir);
            args[3] = &b;
            args.push("--read-sparql");
            ok(&args, dir);
            let read = |f: &str| std::fs::read(dir.join(f)).unwrap();
            assert!(
                read(&a) == read(&b),
                "{format} {filter:?}: the read paths differ"
            );
        }
    }
}

#[test]
fn the_whole_export_has_dates_spells_and_typed_keys() {
    let dir = built();
    let all = export_csv("all", &[]);
    assert!(all.edges.len() > 10, "only {} edges", all.edges.len());
    assert!(all.edges.values().all(|(w, _, _)| *w >= 1.0));
    assert!(all
        .nodes
        .values()
        .any(|(label, ty)| label == "Vladimir Putin" && ty == "Person"));
    let dated = all
        .edges
        .values()
        .filter(|(_, first, _)| !first.is_empty())
        .count();
    assert!(
        dated * 2 > all.edges.len(),
        "most edges should carry a date"
    );

    ok(
        &["export", "gexf", "-o", "spells.gexf", "--store", "dated"],
        dir,
    );
    let gexf = std::fs::read_to_string(dir.join("spells.gexf")).unwrap();
    assert!(gexf.contains(r#"mode="dynamic""#) && gexf.contains(r#"timeformat="date""#));
    assert!(gexf.contains(r#"<spell start="2023-09-"#));
    assert_eq!(gexf.matches("<edge ").count(), all.edges.len());
    assert_eq!(gexf.matches("<node ").count(), all.nodes.len());

    let undirected = ok(
        &[
            "export",
            "graphml",
            "-o",
            "-",
            "--store",
            "dated",
            "--undirected",
        ],
        dir,
    );
    assert!(undirected.contains(r#"edgedefault="undirected""#));
    let directed = ok(
        &[
            "export",
            "graphml",
            "-o",
            "-",
            "--store",
            "dated",
            "--directed",
        ],
        dir,
    );
    assert!(directed.contains(r#"edgedefault="directed""#));
    assert!(undirected.matches("<edge ").count() <= directed.matches("<edge ").count());
}

#[test]
fn min_weight_keeps_only_strong_edges() {
    let all = export_csv("all-w", &[]);
    let strong = export_csv("strong", &["--min-weight", "2"]);
    let expected: BTreeSet<_> = all
        .edges
        .iter()
        .filter(|(_, (w, _, _))| *w >= 2.0)
        .map(|(k, _)| k.clone())
        .collect();
    assert!(!expected.is_empty(), "the sample has repeated facts");
    assert_eq!(strong.edge_set(), expected);
    let linked: BTreeSet<_> = expected
        .iter()
        .flat_map(|(s, _, o)| [s.clone(), o.clone()])
        .collect();
    assert_eq!(strong.node_set(), linked);
}

#[test]
fn types_keep_only_those_entities() {
    let all = export_csv("all-t", &[]);
    let people = export_csv("people", &["--types", "person,Place"]);
    let expected: BTreeSet<_> = all
        .nodes
        .iter()
        .filter(|(_, (_, t))| t == "Person" || t == "Place")
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(people.node_set(), expected);
    assert_eq!(people.edge_set(), all.edges_among(&expected));
}

#[test]
fn since_and_until_keep_the_statements_of_the_window() {
    let all = export_csv("all-d", &[]);
    let window = export_csv(
        "window",
        &["--since", "2023-09-05", "--until", "2023-09-12"],
    );
    assert!(!window.edges.is_empty());
    assert!(window.edges.len() < all.edges.len());
    for (key, (w, first, last)) in &window.edges {
        assert!(
            first.as_str() >= "2023-09-05" && last.as_str() <= "2023-09-12",
            "{key:?}"
        );
        let (whole, _, _) = all.edges[key];
        assert!(*w <= whole, "{key:?}: more support in a window than in all");
    }
    // Every edge of the whole export whose dates all fall inside the window is there, whole.
    for (key, (w, first, last)) in &all.edges {
        if !first.is_empty() && first.as_str() >= "2023-09-05" && last.as_str() <= "2023-09-12" {
            assert_eq!(window.edges.get(key).map(|e| e.0), Some(*w), "{key:?}");
        }
    }
}

#[test]
fn ego_keeps_the_neighbourhood_of_an_entity() {
    let all = export_csv("all-e", &[]);
    let putin = all
        .nodes
        .iter()
        .find(|(_, (l, _))| l == "Vladimir Putin")
        .map(|(k, _)| k.clone())
        .unwrap();
    let mut expected = BTreeSet::from([putin.clone()]);
    for (s, _, o) in all.edges.keys() {
        if *s == putin {
            expected.insert(o.clone());
        }
        if *o == putin {
            expected.insert(s.clone());
        }
    }
    assert!(expected.len() > 1);
    for (name, who) in [("by-label", "vladimir putin"), ("by-iri", putin.as_str())] {
        let ego = export_csv(name, &["--ego", who, "--depth", "1"]);
        assert_eq!(ego.node_set(), expected, "{name}");
        assert_eq!(ego.edge_set(), all.edges_among(&expected), "{name}");
    }
    let wider = export_csv("depth2", &["--ego", "Vladimir Putin", "--depth", "2"]);
    assert!(wider.nodes.len() >= expected.len());
    assert!(expected.iter().all(|n| wider.nodes.contains_key(n)));
}

#[test]
fn a_query_file_selects_the_subgraph() {
    let dir = built();
    let all = export_csv("all-q", &[]);
    std::fs::write(
        dir.join("meetings.rq"),
        "# meetings only\nCONSTRUCT { ?a kg:meet ?b } WHERE { ?a kg:meet ?b }\n",
    )
    .unwrap();
    let meetings = export_csv("meetings", &["--query", "meetings.rq"]);
    let expected: BTreeSet<_> = all
        .edges
        .keys()
        .filter(|(_, p, _)| p.ends_with("#meet"))
        .cloned()
        .collect();
    assert!(!expected.is_empty(), "the sample has meetings");
    assert_eq!(meetings.edge_set(), expected);
    // The same as a SELECT, written to two named files.
    std::fs::write(
        dir.join("select.rq"),
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(?p = kg:meet) }",
    )
    .unwrap();
    ok(
        &[
            "export",
            "csv",
            "--nodes",
            "n.csv",
            "--edges",
            "e.csv",
            "--store",
            "dated",
            "--query",
            "select.rq",
        ],
        dir,
    );
    let select = read_lists(&dir.join("n.csv"), &dir.join("e.csv"));
    assert_eq!(select.edge_set(), expected);
    assert_eq!(select.nodes, meetings.nodes);
}

#[test]
fn bad_filters_are_clear_errors() {
    let dir = built();
    let export = |extra: &[&str]| {
        let mut a = vec!["export", "graphml", "-o", "x.graphml", "--store", "dated"];
        a.extend(extra);
        a.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    let run = |extra: &[&str], message: &str| {
        let args = export(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        fails(&args, dir, message);
    };
    run(&["--since", "13/09/2023"], "bad date");
    run(
        &["--since", "2023-09-10", "--until", "2023-09-01"],
        "is after --until",
    );
    run(&["--types", "people"], "unknown entity type");
    run(&["--ego", "Nobody At All"], "no entity named");
    std::fs::write(dir.join("broken.rq"), "CONSTRUCT WHERE {").unwrap();
    run(&["--query", "broken.rq"], "broken.rq");
    run(&["--query", "missing.rq"], "missing.rq");
    assert!(
        !dir.join("x.graphml").exists(),
        "a failed export left a file"
    );
    fails(&["export", "csv", "--store", "dated"], dir, "-o DIR");
}
