//! The mention layer through the real binary: a place named only inside a noun phrase is an
//! entity `kg query` finds the documents of (`queries/mentions.rq`), and `kg export --network
//! comention` links the entities named together; the relation exports show named entities
//! unless `--concepts` is given.

use crate::support::{ok, repo, workdir, write_jsonl};

use std::collections::BTreeSet;
use std::path::Path;

const DOCS: &[(&str, &str)] = &[
    (
        "epidemic",
        "A measles epidemic in Peru has killed 40 children since January, the health ministry \
         said on Monday.",
    ),
    (
        "lender",
        "Shares in Peru's largest lender fell 4 percent on Tuesday after the bank cut its \
         profit forecast.",
    ),
    (
        "summit",
        "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday. Kim thanked \
         Putin for the invitation.",
    ),
    (
        "rates",
        "Chile's central bank raised its main interest rate on Thursday to curb inflation.",
    ),
];

fn build(dir: &Path) {
    write_jsonl(&dir.join("news.jsonl"), DOCS);
    ok(&["build", "news.jsonl", "--store", "store"], dir);
}

/// The `document` column of `kg query queries/mentions.rq` for the entity called `name`.
fn documents_mentioning(dir: &Path, name: &str) -> BTreeSet<String> {
    let query = std::fs::read_to_string(repo().join("queries/mentions.rq")).unwrap();
    assert!(query.contains(r#"VALUES ?name { "Peru" }"#));
    let query = query.replace(r#""Peru""#, &format!("{name:?}"));
    std::fs::write(dir.join("mentions.rq"), query).unwrap();
    ok(
        &[
            "query",
            "mentions.rq",
            "--store",
            "store",
            "--format",
            "csv",
        ],
        dir,
    )
    .lines()
    .skip(1)
    .map(|row| row.split(',').next().unwrap_or("").to_owned())
    .collect()
}

#[test]
fn the_documents_naming_a_place_only_inside_a_noun_phrase_are_listed() {
    let dir = workdir("noun-phrase");
    build(&dir);
    // The shipped query as is: Peru is named in a noun phrase of two documents, in no clause
    // of its own.
    let shipped = ok(
        &[
            "query",
            "queries/mentions.rq",
            "--store",
            &dir.join("store").display().to_string(),
        ],
        &repo(),
    );
    assert!(
        shipped.contains("epidemic") && shipped.contains("lender"),
        "{shipped}"
    );
    assert_eq!(
        documents_mentioning(&dir, "Peru"),
        BTreeSet::from(["epidemic".into(), "lender".into()])
    );
    assert_eq!(
        documents_mentioning(&dir, "Chile"),
        BTreeSet::from(["rates".into()])
    );
    // "Putin" in the second sentence is Vladimir Putin's node, as in statements.
    assert_eq!(
        documents_mentioning(&dir, "Putin"),
        BTreeSet::from(["summit".into()])
    );
    let sentences = ok(
        &[
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s schema:mentions ?e . ?e rdfs:label \"Vladimir Putin\" }",
            "--store",
            "store",
            "--format",
            "csv",
        ],
        &dir,
    );
    assert_eq!(sentences.lines().nth(1), Some("2"), "{sentences}");
}

/// Node labels and types, and edges as (label, label, weight) with the two labels sorted, of a
/// CSV export in `dir/name`.
type Lists = (
    BTreeSet<(String, String)>,
    BTreeSet<(String, String, String)>,
);

fn export_csv(dir: &Path, name: &str, options: &[&str]) -> Lists {
    let mut args = vec!["export", "csv", "-o", name, "--store", "store"];
    args.extend(options);
    ok(&args, dir);
    let mut labels = std::collections::BTreeMap::new();
    let mut nodes = BTreeSet::new();
    let mut r = csv::Reader::from_path(dir.join(name).join("nodes.csv")).unwrap();
    let header = r.headers().unwrap().clone();
    let column = |h: &csv::StringRecord, name: &str| h.iter().position(|c| c == name).unwrap();
    let (id, label, kind) = (
        column(&header, "Id"),
        column(&header, "Label"),
        column(&header, "Type"),
    );
    for row in r.records() {
        let row = row.unwrap();
        labels.insert(row[id].to_owned(), row[label].to_owned());
        nodes.insert((row[label].to_owned(), row[kind].to_owned()));
    }
    let mut edges = BTreeSet::new();
    let mut r = csv::Reader::from_path(dir.join(name).join("edges.csv")).unwrap();
    let header = r.headers().unwrap().clone();
    let (source, target, weight) = (
        column(&header, "Source"),
        column(&header, "Target"),
        column(&header, "Weight"),
    );
    for row in r.records() {
        let row = row.unwrap();
        let mut pair = [labels[&row[source]].clone(), labels[&row[target]].clone()];
        pair.sort();
        let [a, b] = pair;
        edges.insert((a, b, row[weight].to_owned()));
    }
    (nodes, edges)
}

#[test]
fn the_co_mention_network_links_names_of_one_sentence_or_document() {
    let dir = workdir("comention");
    build(&dir);
    let (nodes, edges) = export_csv(&dir, "sentence", &["--network", "comention"]);
    assert!(
        nodes.contains(&("Peru".into(), "Place".into())),
        "{nodes:?}"
    );
    assert!(nodes.iter().all(|(_, kind)| kind != "Concept"), "{nodes:?}");
    // Kim and Putin are named together in two sentences of one document.
    let pair = |w: &str| {
        (
            "Kim Jong Un".to_owned(),
            "Vladimir Putin".to_owned(),
            w.to_owned(),
        )
    };
    assert!(edges.contains(&pair("2.0")), "{edges:?}");
    let (_, by_document) = export_csv(
        &dir,
        "document",
        &["--network", "comention", "--window", "document"],
    );
    assert!(by_document.contains(&pair("1.0")), "{by_document:?}");
    // Every exporter takes the network; GraphML says it is undirected.
    ok(
        &[
            "export",
            "graphml",
            "-o",
            "c.graphml",
            "--store",
            "store",
            "--network",
            "comention",
        ],
        &dir,
    );
    let graphml = std::fs::read_to_string(dir.join("c.graphml")).unwrap();
    assert!(graphml.contains(r#"edgedefault="undirected""#));
    assert!(graphml.contains("Peru"));
}

#[test]
fn relation_exports_show_named_entities_and_concepts_on_request() {
    let dir = workdir("concepts");
    build(&dir);
    let (named, _) = export_csv(&dir, "named", &[]);
    let (all, _) = export_csv(&dir, "all", &["--concepts"]);
    assert!(named.iter().all(|(_, kind)| kind != "Concept"), "{named:?}");
    assert!(all.iter().any(|(_, kind)| kind == "Concept"), "{all:?}");
    assert!(named.is_subset(&all));
    assert!(!named.is_empty());
}
