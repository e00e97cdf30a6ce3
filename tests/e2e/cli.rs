//! The `kg` command as a user meets it: the sample dump built and queried, byte-identical
//! exports, every dump format giving the same graph, bad records, rebuilds, a missing store, and
//! `kg bench`.

use crate::support::store::{document_ids, graph};
use crate::support::{kg, ok, repo, sample, workdir};

use std::io::Write;

#[test]
fn sample_dump_builds_and_answers_who_met_whom() {
    let dir = workdir("sample");
    ok(&["build", &sample(), "--store", "s"], &dir);
    let meetings = ok(
        &[
            "query",
            &repo().join("queries/meetings.rq").display().to_string(),
            "--store",
            "s",
            "--format",
            "csv",
        ],
        &dir,
    );
    let kim_putin_at_vostochny = meetings.lines().any(|l| {
        l.contains("Kim Jong Un") && l.contains("Vladimir Putin") && l.contains("Vostochny")
    });
    assert!(
        kim_putin_at_vostochny,
        "no Kim–Putin meeting at Vostochny in:\n{meetings}"
    );

    let count = ok(
        &[
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s a rdf:Statement }",
            "--store",
            "s",
            "--format",
            "csv",
        ],
        &dir,
    );
    let n: usize = count.lines().nth(1).unwrap().trim().parse().unwrap();
    assert!(n > 20, "only {n} statements from the sample");

    // Every shipped query runs.
    for entry in std::fs::read_dir(repo().join("queries")).unwrap() {
        let path = entry.unwrap().path();
        ok(
            &["query", &path.display().to_string(), "--store", "s"],
            &dir,
        );
    }
}

#[test]
fn graphml_is_byte_identical_across_builds() {
    let dir = workdir("graphml");
    ok(&["build", &sample(), "--store", "a"], &dir);
    ok(&["build", &sample(), "--store", "b"], &dir);
    ok(
        &["export", "graphml", "-o", "a.graphml", "--store", "a"],
        &dir,
    );
    ok(
        &["export", "graphml", "-o", "b.graphml", "--store", "b"],
        &dir,
    );
    let (a, b) = (
        std::fs::read(dir.join("a.graphml")).unwrap(),
        std::fs::read(dir.join("b.graphml")).unwrap(),
    );
    assert!(a == b, "two builds of one dump exported differently");
    let text = String::from_utf8(a).unwrap();
    assert!(text.contains(r#"<key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#));
    assert!(text.contains("<edge "), "no edges exported");
}

#[test]
fn csv_jsonl_gz_and_text_dumps_build_the_same_graph() {
    let dir = workdir("formats");
    let texts = [
        r#"Ana Silva, the mayor of Porto, met Tom Berg in Oslo on Monday."#,
        r#"The union said "we will strike, again" after talks with Brightline Systems failed."#,
        "Workers held talks with managers.\nThe talks ended without a deal.",
    ];
    // Plain text can hold the first two; CSV and JSONL hold all three.
    std::fs::write(
        dir.join("plain.txt"),
        format!("{}\n{}\n", texts[0], texts[1]),
    )
    .unwrap();
    let mut csv = String::from("text\n");
    for t in &texts[..2] {
        csv.push_str(&format!("\"{}\"\n", t.replace('"', "\"\"")));
    }
    std::fs::write(dir.join("two.csv"), &csv).unwrap();
    csv.push_str(&format!("\"{}\"\n", texts[2]));
    std::fs::write(dir.join("three.csv"), &csv).unwrap();
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(dir.join("three.jsonl.gz")).unwrap(),
        flate2::Compression::default(),
    );
    for t in &texts {
        writeln!(gz, "{}", serde_json::json!({ "text": t })).unwrap();
    }
    gz.finish().unwrap();

    ok(&["build", "plain.txt", "--store", "p"], &dir);
    ok(&["build", "two.csv", "--store", "c2"], &dir);
    ok(&["build", "three.csv", "--store", "c3"], &dir);
    ok(&["build", "three.jsonl.gz", "--store", "j3"], &dir);
    let plain = graph(&dir, "p");
    assert!(
        plain.iter().any(|q| q.contains("Ana Silva")),
        "nothing extracted: {plain:?}"
    );
    assert_eq!(plain, graph(&dir, "c2"));
    assert_eq!(graph(&dir, "c3"), graph(&dir, "j3"));
}

#[test]
fn bad_records_are_reported_and_the_rest_is_built() {
    let dir = workdir("bad");
    let mut text = b"Ana Silva met Tom Berg in Oslo.\n".to_vec();
    text.extend_from_slice(b"Broken \xff\xfe line.\n");
    text.extend_from_slice(b"Tom Berg visited Lisbon.\n");
    std::fs::write(dir.join("dump.txt"), text).unwrap();
    std::fs::write(
        dir.join("dump.csv"),
        "id,text\nx1,\"Unclosed quote here\nx2,Maria Costa opened a factory in Braga.\n",
    )
    .unwrap();
    let out = kg(
        &[
            "build",
            "dump.txt",
            "dump.csv",
            "--store",
            "s",
            "--rejects",
            "rejects.tsv",
        ],
        &dir,
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dump.txt:2: invalid UTF-8"), "{stderr}");
    assert!(
        stderr.contains("dump.csv:2: unbalanced double quote"),
        "{stderr}"
    );
    let report = std::fs::read_to_string(dir.join("rejects.tsv")).unwrap();
    assert_eq!(report.lines().count(), 3, "{report}");
    let ids = document_ids(&dir, "s");
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.iter().any(|id| id == "x2"), "{ids:?}");
}

#[test]
fn rebuilding_the_same_dump_changes_nothing() {
    let dir = workdir("rebuild");
    ok(&["build", &sample(), "--store", "s"], &dir);
    let before = graph(&dir, "s");
    let out = kg(&["build", &sample(), "--store", "s"], &dir);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 added, 0 changed"), "{stderr}");
    assert_eq!(before, graph(&dir, "s"));
}

#[test]
fn querying_without_a_store_says_what_to_do() {
    let dir = workdir("nostore");
    let out = kg(
        &["query", "SELECT * WHERE { ?s ?p ?o }", "--store", "missing"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kg build"));
}

#[test]
fn bench_measures_the_core_and_the_full_analysis_on_the_same_tokens() {
    // A treebank-shaped corpus written for the purpose: `kg bench` reads only `# text =` lines.
    let dir = workdir("bench");
    let texts = [
        "The committee approved the budget on Tuesday. Members said it was late.",
        "Dr. Ana Lopez flew to Lima in May, where she met U.S. officials.",
        "Prices rose 3.5 per cent last month, the agency said",
    ];
    for (split, text) in ["train", "dev", "test"].iter().zip(texts) {
        std::fs::write(
            dir.join(format!("en_ewt-ud-{split}.conllu")),
            format!("# newdoc id = {split}\n# text = {text}\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n"),
        )
        .unwrap();
    }
    let models = repo().join("data/models");
    let out = ok(
        &[
            "bench",
            "--treebank",
            dir.to_str().unwrap(),
            "--models",
            models.to_str().unwrap(),
            "--passes",
            "1",
            "--threads",
            "1",
        ],
        &dir,
    );
    assert!(
        out.contains("steps: tokenise + split + tag + parse"),
        "{out}"
    );
    // Both measurements count the tokens of the same three paragraphs.
    let counts: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("1 thread(s): "))
        .map(|l| l["1 thread(s): ".len()..].split(' ').next().unwrap())
        .collect();
    assert_eq!(counts.len(), 2, "{out}");
    assert_eq!(counts[0], counts[1], "{out}");
    assert!(counts[0].parse::<usize>().unwrap() >= 30, "{out}");
    assert!(!out.contains("inf"), "{out}");
    assert!(out.contains("full analysis (+ lemmas, entities"), "{out}");
}

/// `kg extract -f conllu` shows the analysis the extractor reads: one block per sentence with the
/// document's id, ten columns a word, a tree with one root, and the recogniser's mentions in MISC.
#[test]
fn extract_writes_the_annotated_sentences_as_conllu() {
    let dir = workdir("conllu");
    std::fs::write(
        dir.join("dump.txt"),
        "Vladimir Putin met Kim Jong Un in Vostochny. They talked for hours.\n",
    )
    .unwrap();
    let out = ok(&["extract", "-f", "conllu", "dump.txt"], &dir);
    let sentences = kg_nlp::conllu::parse(&out).expect("kg's CoNLL-U reads back");
    assert_eq!(sentences.len(), 2, "{out}");
    assert!(out.starts_with("# newdoc id = "), "{out}");
    for s in &sentences {
        let roots = s
            .sentence
            .tokens
            .iter()
            .filter(|t| t.head.is_none())
            .count();
        assert_eq!(roots, 1, "{out}");
        assert!(
            s.sentence.tokens.iter().all(|t| !t.lemma.is_empty()),
            "{out}"
        );
    }
    let first: Vec<&str> = out.lines().filter(|l| l.starts_with("1\t")).collect();
    assert!(
        first[0].starts_with("1\tVladimir\tVladimir\tPROPN"),
        "{out}"
    );
    assert!(first[0].ends_with("NE=B-PER"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("2\tPutin\t") && l.ends_with("NE=I-PER")),
        "{out}"
    );
}

/// A verb that takes a to-infinitive, which the treebank has only as a plural noun ("plans"),
/// is read as the verb after its subject, and an unspaced hyphen joins a name to its number:
/// the planned cut is a statement with its source, and "Garuda-1" one phrase.
#[test]
fn a_plan_after_its_subject_is_a_planned_statement() {
    let dir = workdir("plans");
    std::fs::write(
        dir.join("dump.txt"),
        "Ghana's finance ministry said the government plans to cut spending on fuel subsidies. \
         It will launch its first orbital rocket, the Garuda-1, next year.\n",
    )
    .unwrap();
    let out = ok(&["extract", "-f", "jsonl", "dump.txt"], &dir);
    let planned = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
        .find(|s| s["relation"]["lemma"] == "cut")
        .unwrap_or_else(|| panic!("no statement of cutting: {out}"));
    // The subject's phrase; its node is the country's (coreference reads "the government" in
    // an article about Ghana as Ghana's).
    assert_eq!(planned["subject"]["full_text"], "the government", "{out}");
    assert_eq!(planned["object"]["text"], "spending", "{out}");
    assert_eq!(planned["modality"], "Planned", "{out}");
    assert_eq!(planned["attribution"]["text"], "ministry", "{out}");
    let conllu = ok(&["extract", "-f", "conllu", "dump.txt"], &dir);
    let tags: Vec<(String, String)> = kg_nlp::conllu::parse(&conllu)
        .expect("kg's CoNLL-U reads back")
        .iter()
        .flat_map(|s| s.sentence.tokens.iter())
        .map(|t| (t.form.clone(), t.xpos.to_string()))
        .collect();
    let has = |form: &str, xpos: &str| tags.iter().any(|(f, x)| f == form && x == xpos);
    assert!(has("plans", "VBZ") && has("-", "HYPH"), "{conllu}");
}
