//! End-to-end: incremental builds, --sync, --full, the build history, readers during a build, and
//! text that looks like RDF or SPARQL. The real `kg` binary on real files and on-disk stores.

use crate::support::store::{document_ids, graph, history, quads, BUILD_GRAPHS};
use crate::support::{kg, kg_command, ok, workdir, write_jsonl};

use std::path::Path;

const RELATIONS: &str = "<https://w3id.org/kg-news/id/graph/relations>";

/// Documents and entities: what must match a fresh build after any sequence of builds.
/// (Relation declarations are never removed, so an incremental store may declare more.)
fn documents_and_entities(dir: &Path, store: &str) -> Vec<String> {
    quads(dir, store, &|g| {
        !g.starts_with(BUILD_GRAPHS) && g != RELATIONS
    })
}

const D1: &str = "Ana Silva, the mayor of Porto, met Tom Berg in Oslo on Monday.";
const D2: &str = "Brightline Systems opened a factory in Braga. Maria Costa runs the factory.";
const D3: &str = "The union held talks with Brightline Systems in Lisbon.";
const D3_NEW: &str = "The union ended talks with Brightline Systems in Lisbon without a deal.";
const D4: &str = "Tom Berg visited Lisbon and met Maria Costa.";
const D5: &str = "Ana Silva criticised Brightline Systems in a speech in Porto.";

#[test]
fn incremental_sync_full_and_history() {
    let dir = workdir("incremental");
    write_jsonl(
        &dir.join("v1.jsonl"),
        &[("d1", D1), ("d2", D2), ("d3", D3), ("d4", D4)],
    );
    // v2: d1, d2 unchanged; d3 changed; d4 gone; d5 new.
    write_jsonl(
        &dir.join("v2.jsonl"),
        &[("d1", D1), ("d2", D2), ("d3", D3_NEW), ("d5", D5)],
    );

    ok(&["build", "v1.jsonl", "--store", "s"], &dir);
    assert_eq!(document_ids(&dir, "s"), ["d1", "d2", "d3", "d4"]);

    // Unchanged: nothing extracted, the graph as it was.
    let before = graph(&dir, "s");
    let out = kg(&["build", "v1.jsonl", "--store", "s"], &dir);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("0 added, 0 changed, 4 unchanged"),
        "{stderr}"
    );
    assert_eq!(before, graph(&dir, "s"));

    // Incremental: add and change, keep what the dump does not mention.
    ok(&["build", "v2.jsonl", "--store", "s"], &dir);
    assert_eq!(document_ids(&dir, "s"), ["d1", "d2", "d3", "d4", "d5"]);
    let text = ok(
        &[
            "query",
            "SELECT ?t WHERE { ?s kg:text ?t } ORDER BY ?t",
            "--store",
            "s",
            "--format",
            "csv",
        ],
        &dir,
    );
    assert!(text.contains("without a deal"), "{text}");
    assert!(!text.contains("held talks"), "stale sentence kept:\n{text}");

    // The same documents built fresh, with d4 added: the incremental store holds the same.
    write_jsonl(
        &dir.join("all5.jsonl"),
        &[
            ("d1", D1),
            ("d2", D2),
            ("d3", D3_NEW),
            ("d4", D4),
            ("d5", D5),
        ],
    );
    ok(&["build", "all5.jsonl", "--store", "fresh5"], &dir);
    assert_eq!(
        documents_and_entities(&dir, "s"),
        documents_and_entities(&dir, "fresh5")
    );

    // --sync: d4 goes, and with it its share of every entity record (Tom Berg's counts).
    ok(&["build", "v2.jsonl", "--store", "s", "--sync"], &dir);
    assert_eq!(document_ids(&dir, "s"), ["d1", "d2", "d3", "d5"]);
    ok(&["build", "v2.jsonl", "--store", "fresh"], &dir);
    assert_eq!(
        documents_and_entities(&dir, "s"),
        documents_and_entities(&dir, "fresh")
    );
    // Exports are derived from entities and statements: byte-identical to the fresh build's.
    ok(
        &["export", "graphml", "-o", "s.graphml", "--store", "s"],
        &dir,
    );
    ok(
        &[
            "export",
            "graphml",
            "-o",
            "fresh.graphml",
            "--store",
            "fresh",
        ],
        &dir,
    );
    assert!(
        std::fs::read(dir.join("s.graphml")).unwrap()
            == std::fs::read(dir.join("fresh.graphml")).unwrap(),
        "incremental store exports differently from a fresh build"
    );

    // --full: exactly a fresh build (relation declarations included), the history kept.
    ok(&["build", "v2.jsonl", "--store", "s", "--full"], &dir);
    assert_eq!(graph(&dir, "s"), graph(&dir, "fresh"));

    let builds = history(&dir, "s");
    let modes: Vec<&str> = builds.iter().map(|b| b["mode"].as_str().unwrap()).collect();
    assert_eq!(
        modes,
        ["incremental", "incremental", "incremental", "sync", "full"]
    );
    let counts = |b: &serde_json::Value| {
        ["added", "changed", "removed", "skipped", "rejected"].map(|k| b[k].as_u64().unwrap())
    };
    assert_eq!(counts(&builds[0]), [4, 0, 0, 0, 0]);
    assert_eq!(counts(&builds[1]), [0, 0, 0, 4, 0]);
    assert_eq!(counts(&builds[2]), [1, 1, 0, 2, 0]);
    assert_eq!(counts(&builds[3]), [0, 0, 1, 4, 0]);
    assert_eq!(counts(&builds[4]), [0, 0, 0, 0, 0]);
    let numbers: Vec<u64> = builds
        .iter()
        .map(|b| b["build"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(std::fs::read(dir.join("v2.jsonl")).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let input = &builds[4]["inputs"][0];
    assert_eq!(input["path"], "v2.jsonl");
    assert_eq!(input["sha256"], digest.as_str());
    assert!(builds[4]["extractor"]
        .as_str()
        .unwrap()
        .starts_with("kg-extract"));
    assert!(!builds[4]["models"].as_array().unwrap().is_empty());
    // Which alias registry the build applied (none in this directory).
    assert_eq!(builds[4]["entity_resolution"], "registry: none");
    // Compared as instants: the store gives xsd:dateTime back in canonical form, without the
    // fraction's trailing zeros, and as strings "…:05.52Z" sorts before the earlier "…:05.5Z".
    let instant = |t: &serde_json::Value| {
        let t = t.as_str().unwrap().trim_end_matches('Z');
        let (seconds, fraction) = t.split_once('.').unwrap_or((t, ""));
        format!("{seconds}.{fraction:0<9}")
    };
    for b in &builds {
        assert!(instant(&b["started"]) <= instant(&b["ended"]), "{b}");
    }
    // The activity is plain PROV: queryable with the predeclared prefixes.
    let prov = ok(
        &[
            "query",
            "SELECT (COUNT(?a) AS ?n) WHERE { ?a a prov:Activity ; prov:startedAtTime ?t ; \
             prov:used [ kg:sha256 ?h ] }",
            "--store",
            "s",
            "--format",
            "csv",
        ],
        &dir,
    );
    assert_eq!(prov.lines().nth(1).map(str::trim), Some("5"), "{prov}");
    let table = ok(&["history", "--store", "s"], &dir);
    assert_eq!(table.lines().count(), 6, "{table}");
    let csv = ok(&["history", "--store", "s", "--format", "csv"], &dir);
    assert!(csv.lines().nth(5).unwrap().starts_with("5,"), "{csv}");
}

#[test]
fn text_that_looks_like_rdf_or_sparql_stays_text() {
    let dir = workdir("injection");
    let nasty = [
        "<http://evil.example/s> <http://evil.example/p> <http://evil.example/o> .",
        "Ana Silva met Tom Berg. \" . <http://evil.example/s> <http://evil.example/p> \"x\" .",
        "DROP ALL ; INSERT DATA { GRAPH <http://evil.example/g> { <http://evil.example/s> \
         <http://evil.example/p> <http://evil.example/o> } }",
        "@prefix ev: <http://evil.example/> . ev:s ev:p ev:o . Tom Berg met Ana Silva.",
        "Maria Costa met <https://w3id.org/kg-news/id/graph/entities> in Oslo.",
        "}} ; DELETE WHERE { ?s ?p ?o } # Maria Costa visited Braga.",
        "Ana Silva met \"> ; a <http://evil.example/C> ; <http://evil.example/p> \"Tom Berg\" \
         in Porto.",
        "Tom Berg said DROP GRAPH <http://evil.example/g> at the meeting in Oslo.",
    ];
    // Every field a dump can carry, each one trying to escape its literal.
    let mut jsonl = String::new();
    for (i, text) in nasty.iter().enumerate() {
        let record = serde_json::json!({
            "id": format!("n{i}> <http://evil.example/id> \"{i}"),
            "title": nasty[(i + 1) % nasty.len()],
            "url": format!("http://evil.example/u{i}> <http://evil.example/p> <x"),
            "source": nasty[(i + 2) % nasty.len()],
            "date": "2024-05-06",
            "text": text,
        });
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    std::fs::write(dir.join("nasty.jsonl"), jsonl).unwrap();
    // A plain-text dump too: ids derived from the text.
    std::fs::write(dir.join("nasty.txt"), nasty.join("\n")).unwrap();
    ok(&["build", "nasty.jsonl", "nasty.txt", "--store", "s"], &dir);

    let all = quads(&dir, "s", &|_| true);
    // The fields are stored verbatim as literals...
    let titles = ok(
        &[
            "query",
            "SELECT ?t WHERE { ?d dcterms:title ?t ; dcterms:source ?src ; schema:url ?u ; \
             dcterms:identifier ?id }",
            "--store",
            "s",
            "--format",
            "json",
        ],
        &dir,
    );
    let titles: serde_json::Value = serde_json::from_str(&titles).unwrap();
    let mut got: Vec<&str> = titles["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["t"]["value"].as_str().unwrap())
        .collect();
    got.sort();
    let mut want = nasty.to_vec();
    want.sort();
    assert_eq!(got, want);
    // ...and never become a graph, a subject, a predicate or an IRI object.
    for q in &all {
        for cell in q.split('\t') {
            if cell.starts_with('<') {
                assert!(!cell.contains("evil.example"), "text became structure: {q}");
            }
        }
    }
    // Every graph is one kg made: documents, entities, relations, the build.
    for q in &all {
        let g = q.split('\t').next().unwrap();
        assert!(
            g.starts_with("<https://w3id.org/kg-news/id/doc/")
                || g == "<https://w3id.org/kg-news/id/graph/entities>"
                || g == RELATIONS
                || g.starts_with(BUILD_GRAPHS),
            "unexpected graph {g}"
        );
    }
    // All sixteen documents are there, nothing was deleted.
    assert_eq!(document_ids(&dir, "s").len(), 16);
}

#[test]
fn readers_see_the_old_or_the_new_graph_during_a_build() {
    let dir = workdir("readers");
    let docs: Vec<(String, String)> = (0..40)
        .map(|i| {
            (
                format!("r{i}"),
                format!("Reporter {i} met Ana Silva in Porto. Tom Berg visited Oslo on day {i}."),
            )
        })
        .collect();
    write_jsonl(&dir.join("old.jsonl"), &docs[..10]);
    write_jsonl(&dir.join("new.jsonl"), &docs);
    ok(&["build", "old.jsonl", "--store", "s"], &dir);
    let old = graph(&dir, "s");

    let mut child = kg_command(
        &["build", "new.jsonl", "--store", "s", "--chunk", "3"],
        &dir,
    )
    .stderr(std::process::Stdio::null())
    .spawn()
    .unwrap();
    let mut seen = Vec::new();
    loop {
        let done = child.try_wait().unwrap().is_some();
        seen.push(graph(&dir, "s"));
        if done {
            break;
        }
    }
    assert!(child.wait().unwrap().success());
    let new = graph(&dir, "s");
    assert_ne!(old, new);
    for (i, g) in seen.iter().enumerate() {
        assert!(
            *g == old || *g == new,
            "read {i} saw a graph that is neither the old nor the new one"
        );
    }
}

/// Sixteen reader processes, half querying and half exporting, run in a loop while a build
/// writes and publishes a new generation: every answer is the old graph's or the new one's.
#[test]
fn sixteen_concurrent_readers_during_a_build_see_complete_generations() {
    let dir = workdir("sixteen-readers");
    let docs: Vec<(String, String)> = (0..60)
        .map(|i| {
            (
                format!("c{i}"),
                format!(
                    "Minister {i} met Ana Silva in Porto on Monday. Tom Berg visited Oslo. \
                     The Bank of Norway raised rates by {i} percent."
                ),
            )
        })
        .collect();
    write_jsonl(&dir.join("old.jsonl"), &docs[..12]);
    write_jsonl(&dir.join("new.jsonl"), &docs);
    ok(&["build", "old.jsonl", "--store", "s"], &dir);
    let count = ["query", COUNT_STATEMENTS, "--store", "s", "--format", "csv"];
    let export = ["export", "graphml", "-o", "-", "--store", "s"];
    let old = (ok(&count, &dir), ok(&export, &dir));

    let mut build = kg_command(
        &["build", "new.jsonl", "--store", "s", "--chunk", "4"],
        &dir,
    )
    .stderr(std::process::Stdio::null())
    .spawn()
    .unwrap();
    let building = std::sync::atomic::AtomicBool::new(true);
    let answers: Vec<Vec<(bool, String)>> = std::thread::scope(|scope| {
        let readers: Vec<_> = (0..16)
            .map(|r| {
                let (dir, building) = (&dir, &building);
                scope.spawn(move || {
                    let exporting = r % 2 == 1;
                    let args: &[&str] = if exporting { &export } else { &count };
                    let mut seen = Vec::new();
                    // Bounded: the build takes seconds; a reader stops after its first answer
                    // once the build is over, or after 400 answers.
                    while seen.len() < 400 {
                        let over = !building.load(std::sync::atomic::Ordering::SeqCst);
                        seen.push((exporting, ok(args, dir)));
                        if over {
                            break;
                        }
                    }
                    seen
                })
            })
            .collect();
        assert!(build.wait().unwrap().success(), "the build failed");
        building.store(false, std::sync::atomic::Ordering::SeqCst);
        readers.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let new = (ok(&count, &dir), ok(&export, &dir));
    assert_ne!(old.0, new.0);
    assert_ne!(old.1, new.1);
    let mut saw_old_or_new = [0, 0];
    for (r, seen) in answers.iter().enumerate() {
        for (exporting, answer) in seen {
            let (was, is) = if *exporting {
                (&old.1, &new.1)
            } else {
                (&old.0, &new.0)
            };
            assert!(
                answer == was || answer == is,
                "reader {r} saw a graph that is neither the old nor the new one:\n{answer}"
            );
            saw_old_or_new[usize::from(answer == is)] += 1;
        }
    }
    // Every reader's last answer came after the build published.
    for seen in &answers {
        let (exporting, last) = seen.last().unwrap();
        assert_eq!(last, if *exporting { &new.1 } else { &new.0 });
    }
    assert!(saw_old_or_new[0] > 0, "no reader ran during the build");
}

const COUNT_STATEMENTS: &str =
    "SELECT (COUNT(DISTINCT ?st) AS ?statements) (COUNT(DISTINCT ?d) AS ?documents) \
     WHERE { { ?d a kg:Document } UNION { ?st a rdf:Statement } }";

#[test]
fn a_retrained_model_of_the_same_size_re_extracts_stored_documents() {
    let dir = workdir("retrained");
    write_jsonl(&dir.join("docs.jsonl"), &[("d1", D1), ("d2", D2)]);
    // Two model directories that differ in one byte of the lemmatiser: same sizes, other models.
    let shipped = crate::support::repo().join("data/models");
    for set in ["m1", "m2"] {
        std::fs::create_dir(dir.join(set)).unwrap();
        for model in ["tagger.bin", "lemma.bin", "parser.bin", "ner.bin"] {
            std::fs::copy(shipped.join(model), dir.join(set).join(model)).unwrap();
        }
    }
    let lemma = dir.join("m2/lemma.bin");
    let mut bytes = std::fs::read(&lemma).unwrap();
    // The file ends inside its last exception's lemma: another letter keeps it a valid model.
    let last = bytes.last_mut().unwrap();
    assert!(
        last.is_ascii_lowercase(),
        "lemma.bin no longer ends in a letter"
    );
    *last = if *last == b'x' { b'y' } else { b'x' };
    std::fs::write(&lemma, bytes).unwrap();

    let build = |models: &str| {
        let out = kg(
            &["build", "docs.jsonl", "--store", "s", "--models", models],
            &dir,
        );
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{stderr}");
        stderr
    };
    let first = build("m1");
    assert!(first.contains("2 added, 0 changed, 0 unchanged"), "{first}");
    let same = build("m1");
    assert!(same.contains("0 added, 0 changed, 2 unchanged"), "{same}");
    let retrained = build("m2");
    assert!(
        retrained.contains("0 added, 2 changed, 0 unchanged"),
        "the same-size model kept the old statements:\n{retrained}"
    );
}
