//! End-to-end entity resolution: the real `kg` binary, real files, a real on-disk store, checked
//! through SPARQL.

use crate::support::store::select;
use crate::support::{kg, ok, sample, workdir};

use std::path::Path;

/// Entity nodes (subjects or objects of statements) whose label or alias is `name`.
fn nodes_named(dir: &Path, store: &str, name: &str) -> Vec<String> {
    let q = format!(
        "SELECT DISTINCT ?e WHERE {{ GRAPH <https://w3id.org/kg-news/id/graph/entities> {{ ?e rdfs:label|skos:altLabel \"{name}\" }} }}"
    );
    select(dir, store, &q)
}

#[test]
fn sample_has_one_node_per_entity_and_no_pronoun_nodes() {
    let dir = workdir("sample");
    ok(&["build", &sample(), "--store", "s"], &dir);
    for name in [
        "Kim Jong Un",
        "Vladimir Putin",
        "Korean Central News Agency",
        "Vostochny Cosmodrome",
    ] {
        let nodes = nodes_named(&dir, "s", name);
        assert_eq!(nodes.len(), 1, "{name}: {nodes:?}");
    }
    // The short forms land on the full names' nodes.
    assert_eq!(
        nodes_named(&dir, "s", "Putin"),
        nodes_named(&dir, "s", "Vladimir Putin")
    );
    assert_eq!(
        nodes_named(&dir, "s", "KCNA"),
        nodes_named(&dir, "s", "Korean Central News Agency")
    );
    // A lone "Kim" is Kim Jong Un: the sample names him in far more documents than its other
    // Kims (the resolver's dominance rule).
    assert_eq!(
        nodes_named(&dir, "s", "Kim"),
        nodes_named(&dir, "s", "Kim Jong Un")
    );
    // Each Kim has a node (the sample names Kim Kun Ok only inside the submarine's name "Hero Kim
    // Kun Ok", so names are matched at their end), and no two share one.
    let kims: Vec<Vec<String>> = ["Kim Jong Un", "Kim Tok Hun", "Kim Kun Ok"]
        .iter()
        .map(|n| {
            let q = format!(
                "SELECT DISTINCT ?e WHERE {{ GRAPH <https://w3id.org/kg-news/id/graph/entities> \
                 {{ ?e rdfs:label|skos:altLabel ?l }} FILTER(STRENDS(?l, \"{n}\")) }}"
            );
            let nodes = select(&dir, "s", &q);
            assert!(!nodes.is_empty(), "no node for {n}");
            nodes
        })
        .collect();
    for (i, a) in kims.iter().enumerate() {
        for b in &kims[i + 1..] {
            assert!(a.iter().all(|x| !b.contains(x)), "{kims:?}");
        }
    }
    let pronouns = select(
        &dir,
        "s",
        "SELECT ?e ?l WHERE { GRAPH ?g { ?e kg:observedLabel|rdfs:label|skos:altLabel ?l } \
         FILTER(LCASE(STR(?l)) IN (\"he\", \"she\", \"it\", \"they\", \"his\", \"her\", \"their\", \
         \"him\", \"them\", \"its\", \"we\", \"i\", \"you\")) }",
    );
    assert!(pronouns.is_empty(), "pronoun nodes: {pronouns:?}");
    // Places' external ids (GeoNames) hang on their canonical nodes, never on a name left behind.
    let same_as = select(
        &dir,
        "s",
        "SELECT ?e WHERE { GRAPH <https://w3id.org/kg-news/id/graph/entities> { ?e owl:sameAs ?x } }",
    );
    assert!(!same_as.is_empty(), "the sample names gazetteer places");
    let stray = select(
        &dir,
        "s",
        "SELECT ?e WHERE { GRAPH ?g { ?e kg:observedSameAs ?x } FILTER NOT EXISTS { GRAPH          <https://w3id.org/kg-news/id/graph/entities> { ?e rdfs:label ?l } } }",
    );
    assert!(stray.is_empty(), "sameAs off the entity nodes: {stray:?}");
    // The role of a title before a name is a fact, not part of the name.
    let roles = select(
        &dir,
        "s",
        "SELECT ?p WHERE { ?k rdfs:label \"Kim Jong Un\" . ?k ?p ?c . ?c rdfs:label \"North Korea\" }",
    );
    assert!(
        roles.iter().any(|r| r.contains("leader_of")),
        "roles: {roles:?}"
    );
}

/// Subjects of the statements of the second dump's first sentence.
const KAZAN: &str =
    "SELECT DISTINCT ?s WHERE { ?st rdf:subject ?s; prov:wasDerivedFrom/kg:text ?t \
    FILTER(CONTAINS(?t, \"Kazan\")) }";

/// Statements whose relation reads "<something> of", as `"subject"\t"relation"\t"object"` lines:
/// the role statements that titles give.
const ROLES_OF: &str = "SELECT ?s ?r ?o WHERE { ?st rdf:subject ?x ; rdf:predicate ?p ; \
    rdf:object ?y . ?x rdfs:label ?s . ?p rdfs:label ?r . ?y rdfs:label ?o . \
    FILTER(STRENDS(?r, \" of\")) } ORDER BY ?s ?r ?o";

#[test]
fn titles_give_role_statements_without_entity_resolution_too() {
    // Role statements are a step of their own, not a by-product of coreference: a build with
    // --no-entity-resolution once dropped every one of them.
    let dir = workdir("roles");
    std::fs::write(
        dir.join("roles.txt"),
        "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok on \
         Wednesday. The foreign minister of Chile, Tomas Vidal, arrived in Lima on Friday.\n",
    )
    .unwrap();
    ok(&["build", "roles.txt", "--store", "resolved"], &dir);
    let flag = "--no-entity-resolution";
    ok(&["build", "roles.txt", "--store", "as-written", flag], &dir);
    let resolved = select(&dir, "resolved", ROLES_OF);
    for role in [
        "\"Vladimir Putin\"\t\"president of\"\t\"Russia\"",
        "\"Kim Jong Un\"\t\"leader of\"\t\"North Korea\"",
        "\"Tomas Vidal\"\t\"foreign minister of\"\t\"Chile\"",
    ] {
        assert!(resolved.iter().any(|r| r == role), "{role}: {resolved:?}");
    }
    // Every name is written in full, so resolution changes none of them.
    assert_eq!(select(&dir, "as-written", ROLES_OF), resolved);
}

#[test]
fn a_later_dump_with_only_a_surname_lands_on_the_earlier_full_name() {
    let dir = workdir("two-dumps");
    std::fs::write(
        dir.join("first.txt"),
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("second.txt"),
        "Putin visited a factory in Kazan on Friday. Putin praised the workers.\n",
    )
    .unwrap();
    ok(&["build", "first.txt", "--store", "s"], &dir);
    let before = nodes_named(&dir, "s", "Vladimir Putin");
    assert_eq!(before.len(), 1);
    ok(&["build", "second.txt", "--store", "s"], &dir);
    assert_eq!(nodes_named(&dir, "s", "Vladimir Putin"), before);
    assert_eq!(
        nodes_named(&dir, "s", "Putin"),
        before,
        "alias on the same node"
    );
    // The second dump's facts are on the first dump's node (whatever relation the extractor
    // names them by).
    assert_eq!(select(&dir, "s", KAZAN), before);
    let putins = select(
        &dir,
        "s",
        "SELECT ?e WHERE { GRAPH <https://w3id.org/kg-news/id/graph/entities> { ?e rdfs:label ?l } FILTER(CONTAINS(?l, \"Putin\")) }",
    );
    assert_eq!(putins.len(), 1, "{putins:?}");

    // The other order gives the same graph: the earlier lone "Putin" moves to the full name.
    let other = workdir("two-dumps-reversed");
    for f in ["first.txt", "second.txt"] {
        std::fs::copy(dir.join(f), other.join(f)).unwrap();
    }
    ok(&["build", "second.txt", "--store", "s"], &other);
    ok(&["build", "first.txt", "--store", "s"], &other);
    assert_eq!(nodes_named(&other, "s", "Putin"), before);
    assert_eq!(select(&other, "s", KAZAN), before);
}

#[test]
fn the_alias_registry_renames_merges_and_forbids() {
    let dir = workdir("registry");
    std::fs::write(
        dir.join("news.txt"),
        "Senator Mary Walsh met Governor Tom Walsh in Albany on Monday.\n\
         Walsh praised the budget on Tuesday.\n\
         Acme Corporation opened a plant in Ohio. ACME hired 500 workers.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("aliases.csv"),
        "# canonical name, type, aliases (|), external id, never-merge (|)\n\
         canonical,type,aliases,external_id,never_merge\n\
         Acme Corporation,ORG,ACME|Acme Corp,http://www.wikidata.org/entity/Q1,\n\
         Bad Row,ROBOT,,,\n",
    )
    .unwrap();
    let out = kg(
        &[
            "build",
            "news.txt",
            "--store",
            "s",
            "--aliases",
            "aliases.csv",
        ],
        &dir,
    );
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("aliases.csv:4"),
        "bad row reported: {stderr}"
    );
    let acme = nodes_named(&dir, "s", "Acme Corporation");
    assert_eq!(acme.len(), 1);
    assert_eq!(nodes_named(&dir, "s", "ACME"), acme);
    let same = select(
        &dir,
        "s",
        "SELECT ?x WHERE { ?e rdfs:label \"Acme Corporation\"; owl:sameAs ?x }",
    );
    assert_eq!(same, ["<http://www.wikidata.org/entity/Q1>"]);
    // Two Walshes: the lone "Walsh" is ambiguous and stays apart from both.
    let mary = nodes_named(&dir, "s", "Mary Walsh");
    let tom = nodes_named(&dir, "s", "Tom Walsh");
    assert_eq!(mary.len(), 1);
    assert_eq!(tom.len(), 1);
    assert_ne!(mary, tom);
    let walsh = nodes_named(&dir, "s", "Walsh");
    assert!(walsh.iter().all(|w| !mary.contains(w) && !tom.contains(w)));

    // `kg entities` lists them with counts and aliases; --similar proposes the short form.
    let list = ok(&["entities", "--store", "s", "--format", "csv"], &dir);
    assert!(list.starts_with("label,type,mentions,documents,aliases,iri,same_as"));
    assert!(list
        .lines()
        .any(|l| l.starts_with("Acme Corporation,") && l.contains("ACME")));
    let similar = ok(
        &["entities", "--store", "s", "--similar", "--format", "csv"],
        &dir,
    );
    assert!(
        similar
            .lines()
            .any(|l| l.contains("Walsh,") && l.contains("short form")),
        "{similar}"
    );
}

#[test]
fn a_registry_edit_applies_to_an_unchanged_dump() {
    let dir = workdir("registry-edit");
    std::fs::write(
        dir.join("news.txt"),
        "Acme Corporation opened a plant in Ohio on Monday.\n\
         ACME hired 500 workers in Dayton.\n",
    )
    .unwrap();
    ok(&["build", "news.txt", "--store", "s"], &dir);
    let acme = nodes_named(&dir, "s", "Acme Corporation");
    assert_eq!(acme.len(), 1);
    let short = nodes_named(&dir, "s", "ACME");
    assert_eq!(short.len(), 1);
    assert_ne!(short, acme, "nothing says ACME is Acme Corporation yet");

    // The same dump, now with a registry: no document changed, but the entities must follow.
    std::fs::write(
        dir.join("aliases.csv"),
        "canonical,type,aliases,external_id,never_merge\n\
         Acme Corporation,ORG,ACME,,\n",
    )
    .unwrap();
    let build = [
        "build",
        "news.txt",
        "--store",
        "s",
        "--aliases",
        "aliases.csv",
    ];
    let out = kg(&build, &dir);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2 unchanged"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(nodes_named(&dir, "s", "ACME"), acme);
    // Again with the same registry: nothing to do, and nothing undone.
    ok(&build, &dir);
    assert_eq!(nodes_named(&dir, "s", "ACME"), acme);

    // Without the registry the merge is undone.
    ok(&["build", "news.txt", "--store", "s"], &dir);
    assert_eq!(nodes_named(&dir, "s", "ACME"), short);
}
