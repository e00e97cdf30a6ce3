//! End-to-end: wire datelines through the real `kg build`. A story's dateline is its place, day
//! and agency, never a subject or object of a fact; the place is an entity node, so "stories
//! datelined Nairobi" is a query.

use crate::support::store::select;
use crate::support::{ok, repo, workdir};

/// Wire stories in the forms agencies write, and one without a dateline.
const DUMP: &str = "id,date,text
n1,2024-05-03,\"NAIROBI, May 3 (Wire) - Kenya's central bank cut its main interest rate on Tuesday, the bank said. Analysts had expected the cut.\"
n2,2024-05-04,\"RIO DE JANEIRO, May 4 (Reuters) – Brazilian police arrested a former governor on Friday.\"
n3,,\"Nairobi (AFP) - Kenyan lawmakers approved a new budget on Thursday.\"
n4,,\"ST. PETERSBURG, Russia, Sept. 9, 2024 (AP) — Officials closed the main bridge on Sunday.\"
n5,2024-05-06,\"Police in Lagos arrested three men on Monday.\"
";

#[test]
fn datelines_are_the_documents_place_and_agency_never_a_subject() {
    let dir = workdir("wire");
    std::fs::write(dir.join("wire.csv"), DUMP).unwrap();
    ok(&["build", "wire.csv", "--store", "s"], &dir);
    let rows = |q: &str| select(&dir, "s", q);

    // No statement has the dateline's words for an argument or as part of one.
    let leaked = rows(
        "SELECT ?text WHERE {
           ?st a rdf:Statement .
           { ?st kg:subjectText ?text } UNION { ?st kg:objectText ?text }
           FILTER(REGEX(?text, \"NAIROBI|JANEIRO|PETERSBURG|Wire|Reuters|AFP|AP\\\\b|May [34]\"))
         }",
    );
    assert!(
        leaked.is_empty(),
        "dateline words in statements: {leaked:?}"
    );
    // The story's first sentence starts after the dateline.
    let first = rows(
        "SELECT ?text WHERE {
           ?d dcterms:identifier \"n1\" . ?s dcterms:isPartOf ?d ; kg:index 0 ; kg:text ?text
         }",
    );
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(first[0].starts_with("\"Kenya's central bank"), "{first:?}");

    // Stories datelined Nairobi, in capitals or not, are one place node's.
    let nairobi = rows(
        "SELECT ?id WHERE {
           ?d schema:locationCreated ?place ; dcterms:identifier ?id .
           ?place rdfs:label \"Nairobi\"
         } ORDER BY ?id",
    );
    assert_eq!(nairobi, ["\"n1\"", "\"n3\""]);
    // Every datelined story has its place and agency; the story without one has neither.
    let datelines = rows(
        "SELECT ?id ?place ?agency WHERE {
           ?d a kg:Document ; dcterms:identifier ?id .
           OPTIONAL { ?d schema:locationCreated/rdfs:label ?place }
           OPTIONAL { ?d dcterms:publisher ?agency }
         } ORDER BY ?id",
    );
    assert_eq!(
        datelines,
        [
            "\"n1\"\t\"Nairobi\"\t\"Wire\"",
            "\"n2\"\t\"Rio de Janeiro\"\t\"Reuters\"",
            "\"n3\"\t\"Nairobi\"\t\"AFP\"",
            "\"n4\"\t\"St. Petersburg\"\t\"AP\"",
            "\"n5\"\t\t",
        ]
    );
    // The place is an entity like the others: typed, counted, linked to GeoNames.
    let record = rows(
        "SELECT ?class ?documents ?same WHERE {
           GRAPH kgd:graph\\/entities {
             ?e rdfs:label \"Nairobi\" ; a ?class ; kg:documentCount ?documents ; owl:sameAs ?same
           }
         }",
    );
    assert_eq!(
        record,
        ["<http://schema.org/Place>\t2\t<https://sws.geonames.org/184745/>"]
    );
    // The bundled query lists them by place.
    let query = repo().join("queries/datelines.rq").display().to_string();
    let listed = ok(&["query", &query, "--store", "s", "--format", "tsv"], &dir);
    let places: Vec<&str> = listed
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(
        places,
        [
            "\"Nairobi\"",
            "\"Nairobi\"",
            "\"Rio de Janeiro\"",
            "\"St. Petersburg\""
        ],
        "{listed}"
    );
    // A dateline with its year dates a story the dump does not date; the dump's date wins.
    let dates = rows(
        "SELECT ?id ?date WHERE { ?d dcterms:identifier ?id ; dcterms:date ?date } ORDER BY ?id",
    );
    let date_of = |id: &str| dates.iter().find(|r| r.starts_with(&format!("\"{id}\"")));
    assert!(
        date_of("n1").is_some_and(|r| r.contains("2024-05-03")),
        "{dates:?}"
    );
    assert!(
        date_of("n4").is_some_and(|r| r.contains("2024-09-09")),
        "{dates:?}"
    );
    assert_eq!(date_of("n3"), None, "{dates:?}");
}
