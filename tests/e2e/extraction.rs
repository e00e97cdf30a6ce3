//! End-to-end: the clause extractor's facts on the bundled sample, through the real `kg build`
//! into a real store, read back with SPARQL. These are the sample bar of the extractor issue; the
//! rules behind them are general (see crates/extract/src/clauses.rs), none names the sample.

use crate::support::{ok, sample, shared_dir};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A directory with one store `s` built from the sample, shared by the checks of this module
/// (removed by [`sample_dump_facts`] when they are done).
fn store_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = shared_dir();
        ok(&["build", &sample(), "--store", "s"], &dir);
        dir
    })
}

/// Rows of a SELECT query as tab-separated lines (header dropped).
fn select(query: &str) -> Vec<String> {
    crate::support::store::select(store_dir(), "s", query)
}

/// Kim Jong Un and Vladimir Putin met (either direction, `meet` or `convene`), with `extra`
/// appended to the statement pattern; returns the rows. Later sentences call them "Kim" and
/// "Putin": until the entity step links short names to full ones, either label counts.
fn kim_putin_meetings(extra: &str, var: &str) -> Vec<String> {
    select(&format!(
        "SELECT ?who ?met ?{var} WHERE {{
           ?st a rdf:Statement ; rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?y ;
               kg:polarity \"positive\" .
           FILTER(?p IN (kg:meet, kg:convene))
           ?x rdfs:label ?who . ?y rdfs:label ?met .
           {extra}
           FILTER((CONTAINS(?who, \"Kim\") && CONTAINS(?met, \"Putin\")) ||
                  (CONTAINS(?who, \"Putin\") && CONTAINS(?met, \"Kim\")))
         }}"
    ))
}

/// The labels of the objects of `kg:<relation>` statements whose subject is labelled `subject`.
fn objects(subject: &str, relation: &str) -> Vec<String> {
    select(&format!(
        "SELECT ?o WHERE {{
           ?st rdf:subject ?x ; rdf:predicate kg:{relation} ; rdf:object ?y .
           ?x rdfs:label {subject:?} . ?y rdfs:label ?o .
         }}"
    ))
}

fn kim_met_putin_at_vostochny_cosmodrome_on_wednesday() {
    let places = kim_putin_meetings("?st kg:location/rdfs:label ?place .", "place");
    assert!(
        places.iter().any(|r| r.contains("Vostochny Cosmodrome")),
        "no Kim–Putin meeting located at Vostochny Cosmodrome: {places:?}"
    );
    let times = kim_putin_meetings("?st kg:timeText ?time .", "time");
    assert!(
        times.iter().any(|r| r.contains("Wednesday")),
        "no Kim–Putin meeting with time Wednesday: {times:?}"
    );
}

fn kim_arrived_by_train() {
    let rows = select(
        "SELECT ?rel ?means WHERE {
           ?st rdf:subject ?x ; rdf:predicate ?p ; kg:means ?m .
           ?x rdfs:label ?kim . ?p rdfs:label ?rel . ?m rdfs:label ?means .
           FILTER(STRSTARTS(?kim, \"Kim\") && STRSTARTS(?rel, \"arrive\"))
         }",
    );
    assert!(
        rows.iter().any(|r| r.contains("train")),
        "no Kim arrive … by train: {rows:?}"
    );
}

fn north_korea_fired_ballistic_missiles() {
    let rows = objects("North Korea", "fire");
    assert!(
        rows.iter().any(|r| r.contains("ballistic missile")),
        "North Korea fired: {rows:?}"
    );
}

fn liu_guozhong_leads_the_chinese_delegation() {
    let rows = objects("Liu Guozhong", "lead");
    assert!(
        rows.iter().any(|r| r.contains("Chinese delegation")),
        "Liu Guozhong leads: {rows:?}"
    );
}

fn lim_soo_suk_is_a_spokesperson() {
    // A role statement: "spokesperson of <organisation>", or "be" a spokesperson concept.
    let rows = select(
        "SELECT ?rel ?o WHERE {
           ?st rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?y .
           ?x rdfs:label \"Lim Soo-suk\" . ?p rdfs:label ?rel . ?y rdfs:label ?o .
         }",
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("\"spokesperson of\"") || r.contains("spokesperson\"")),
        "Lim Soo-suk: {rows:?}"
    );
}

/// The sample's facts, each checked on one store; the store is removed whatever the outcome.
#[test]
fn sample_dump_facts() {
    let checks: [(&str, fn()); 5] = [
        (
            "kim_met_putin_at_vostochny_cosmodrome_on_wednesday",
            kim_met_putin_at_vostochny_cosmodrome_on_wednesday,
        ),
        ("kim_arrived_by_train", kim_arrived_by_train),
        (
            "north_korea_fired_ballistic_missiles",
            north_korea_fired_ballistic_missiles,
        ),
        (
            "liu_guozhong_leads_the_chinese_delegation",
            liu_guozhong_leads_the_chinese_delegation,
        ),
        (
            "lim_soo_suk_is_a_spokesperson",
            lim_soo_suk_is_a_spokesperson,
        ),
    ];
    let failed: Vec<&str> = checks
        .iter()
        .filter(|(_, check)| std::panic::catch_unwind(check).is_err())
        .map(|(name, _)| *name)
        .collect();
    let _ = std::fs::remove_dir_all(store_dir());
    assert!(failed.is_empty(), "failed: {failed:?}");
}

/// Statements the sentence did not fill are no facts (issue 22): not in `kg extract`'s output
/// and not stored, not even as statement nodes; the filled ones of the same sentences are.
#[test]
fn unfilled_statements_are_not_stored() {
    let dir = crate::support::workdir("unfilled");
    let dump = dir.join("d.jsonl");
    crate::support::write_jsonl(
        &dump,
        &[
            (
                "a",
                "The report was published on Monday. He praised the report. \
                 Maria Lopez praised the report on Tuesday.",
            ),
            ("b", "The ministry said so. The talks ended on Friday."),
        ],
    );
    let extracted = ok(&["extract", "d.jsonl"], &dir);
    let subjects: Vec<String> = extracted
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!("{} {}", v["subject"]["full_text"], v["relation"]["lemma"])
        })
        .collect();
    assert!(
        subjects
            .iter()
            .any(|s| s.contains("Maria Lopez") && s.contains("praise")),
        "{subjects:?}"
    );
    assert!(subjects.iter().any(|s| s.contains("talks")), "{subjects:?}");
    assert!(
        !subjects.iter().any(|s| s.contains("\"He\"")),
        "{subjects:?}"
    );
    assert!(!subjects.iter().any(|s| s.contains(" say")), "{subjects:?}");
    ok(&["build", "d.jsonl", "--store", "s"], &dir);
    let texts = crate::support::store::select(
        &dir,
        "s",
        "SELECT ?t WHERE { ?st a rdf:Statement ; kg:subjectText ?t } ORDER BY ?t",
    );
    assert!(texts.iter().any(|t| t.contains("Maria Lopez")), "{texts:?}");
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("\"He\"") || t.contains("ministry")),
        "{texts:?}"
    );
    let unresolved =
        crate::support::store::select(&dir, "s", "SELECT ?st WHERE { ?st kg:unresolved true }");
    assert!(unresolved.is_empty(), "{unresolved:?}");
}

/// Arguments keep the words that say which thing they are (issue 22): a number with its noun
/// and a bare kind after "of" are in the node's label, so two documents' counts of people are
/// two nodes, not one "people"; a former office is another role than the office.
#[test]
fn arguments_keep_their_numbers_and_kinds() {
    let dir = crate::support::workdir("identifying");
    let dump = dir.join("d.jsonl");
    crate::support::write_jsonl(
        &dump,
        &[
            (
                "a",
                "Police arrested 17 people in Lagos on Monday. \
                 The government declared a state of emergency.",
            ),
            (
                "b",
                "Police arrested 12 people in Accra on Friday. \
                 Ana Lind, the former chief executive of Nordbank, was arrested.",
            ),
        ],
    );
    let extracted = ok(&["extract", "d.jsonl"], &dir);
    let lemmas: Vec<String> = extracted
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["relation"]["lemma"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert!(
        lemmas.iter().any(|l| l == "former chief executive of"),
        "{lemmas:?}"
    );
    ok(&["build", "d.jsonl", "--store", "s"], &dir);
    let arrested = crate::support::store::select(
        &dir,
        "s",
        "SELECT DISTINCT ?y ?o WHERE { ?st rdf:predicate kg:arrest ; rdf:object ?y .
           ?y rdfs:label ?o } ORDER BY ?o",
    );
    assert_eq!(arrested.len(), 2, "{arrested:?}");
    assert!(arrested[0].contains("12 people"), "{arrested:?}");
    assert!(arrested[1].contains("17 people"), "{arrested:?}");
    let declared = crate::support::store::select(
        &dir,
        "s",
        "SELECT ?o WHERE { ?st rdf:predicate kg:declare ; rdf:object/rdfs:label ?o }",
    );
    assert!(
        declared.iter().any(|o| o.contains("state of emergency")),
        "{declared:?}"
    );
}

/// Clauses the parser hangs in the wrong place are still facts (issue 22): a relative clause
/// after a name ("Marco Rossi, who retired in May"), an infinitive after the object of a verb
/// of wanting or expecting (the object does it, wanted or expected, on the expecter's word), a
/// gerund after "for" (the one arrested did it).
#[test]
fn relative_clauses_and_controlled_infinitives_are_facts() {
    let dir = crate::support::workdir("clauses");
    let dump = dir.join("d.jsonl");
    crate::support::write_jsonl(
        &dump,
        &[
            (
                "a",
                "The club wants the striker to replace Marco Rossi, who retired in May. \
                 Forecasters expect the storm to reach the coast on Friday.",
            ),
            (
                "b",
                "Judge Ana Lind, who resigned last year, denies wrongdoing, her lawyer told \
                 reporters. Police arrested the fishermen for using illegal nets.",
            ),
        ],
    );
    let extracted = ok(&["extract", "d.jsonl"], &dir);
    let facts: Vec<String> = extracted
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!(
                "{} | {} | {} | {} | {}",
                v["subject"]["text"].as_str().unwrap_or_default(),
                v["relation"]["lemma"].as_str().unwrap_or_default(),
                v["object"]["text"].as_str().unwrap_or_default(),
                v["modality"].as_str().unwrap_or_default(),
                v["attribution"]["text"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    for expected in [
        "Marco Rossi | retire |  | Asserted | ",
        "striker | replace | Marco Rossi | Planned | ",
        "storm | reach | coast | Expected | Forecasters",
        "Ana Lind | resign |  | Asserted | lawyer",
        "fishermen | use | illegal nets | Asserted | ",
    ] {
        assert!(
            facts.iter().any(|f| f == expected),
            "no {expected}: {facts:?}"
        );
    }
    // The wanting and the expecting are no facts of their own.
    assert!(
        !facts
            .iter()
            .any(|f| f.contains("| want |") || f.contains("| expect |")),
        "{facts:?}"
    );
}

/// What the words around a name say about it without a verb are edges of the graph (issue 22):
/// where an organisation is based, what a description before a name says it is, the place a
/// place lies in; and a description in apposition with a name is the name as a verb's argument.
#[test]
fn nominal_facts_are_edges_between_the_names() {
    let dir = crate::support::workdir("nominal");
    let dump = dir.join("d.jsonl");
    crate::support::write_jsonl(
        &dump,
        &[(
            "a",
            "Analysts at the Accra-based brokerage Volta Capital had expected the bank to \
             leave rates unchanged. Gunmen killed at least 12 people in an attack on a police \
             post near the town of Lucunga in northern Mozambique on Tuesday. Revontuli \
             Health, a private healthcare group that runs 14 clinics, said on Saturday that \
             its systems had been hit.",
        )],
    );
    ok(&["build", "d.jsonl", "--store", "s"], &dir);
    let edge = |relation: &str| {
        crate::support::store::select(
            &dir,
            "s",
            &format!(
                "SELECT ?s ?o WHERE {{ ?st rdf:predicate kg:{relation} ;
                   rdf:subject/rdfs:label ?s ; rdf:object/rdfs:label ?o }} ORDER BY ?s"
            ),
        )
    };
    let based = edge("be_based_in");
    assert!(
        based
            .iter()
            .any(|r| r.contains("Volta Capital") && r.contains("Accra")),
        "{based:?}"
    );
    let inside = edge("be_in");
    assert!(
        inside
            .iter()
            .any(|r| r.contains("Lucunga") && r.contains("Mozambique")),
        "{inside:?}"
    );
    let runs = edge("run");
    assert!(
        runs.iter().any(|r| r.starts_with("\"Revontuli Health\"")),
        "{runs:?}"
    );
}
