//! End-to-end: `kg eval news` on a small dump whose gold the test writes from `kg extract`'s own
//! statements, so the figures are known: all found and all matching, then one fact the
//! extractor cannot find (recall falls by exactly one fact, precision stays), and gold files
//! that are wrong (the error names file and line).

use std::path::Path;

use serde_json::{json, Value};

use crate::support::{fails, ok, workdir};

/// A short story, and a long wire story that opens with a dateline.
const DUMP: &str = "id,date,title,text
d1,2024-03-06,Deal,\"Anna Berg met Carl Olsen in Oslo on Monday. Berg later signed a supply contract with Nordic Foods, the company said.\"
d2,2024-03-07,Trawlers,\"BERGEN, March 7 (Wire) - Norwegian fishermen seized three foreign trawlers near the island of Fedje on Wednesday, and the coast guard arrested their captains after a chase that lasted more than four hours, police said.\"
";

/// The gold a perfect extractor would have: one fact per statement of `kg extract`, with its
/// place, time, source, negation and modality, and one entity per name it used (its aliases as
/// written).
fn gold_from(statements: &str) -> Vec<(String, Vec<Value>, Vec<Value>)> {
    let mut docs: Vec<(String, Vec<Value>, Vec<Value>)> = Vec::new();
    for line in statements.lines() {
        let s: Value = serde_json::from_str(line).unwrap();
        let id = s["provenance"]["document_id"].as_str().unwrap().to_owned();
        if docs.last().is_none_or(|d| d.0 != id) {
            docs.push((id, Vec::new(), Vec::new()));
        }
        let (_, facts, entities) = docs.last_mut().unwrap();
        let qualifier = |role: &str| {
            s["qualifiers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|q| q["role"] == role)
                .map(|q| q["value"].clone())
        };
        let when = qualifier("Time").map(|t| {
            let value = t["kind"]["Literal"]["Time"].as_str().unwrap_or("");
            let plain = value.len() == 10 && value.as_bytes()[4] == b'-';
            if plain {
                value.to_owned()
            } else {
                t["text"].as_str().unwrap().to_owned()
            }
        });
        let fact = json!({
            "sentence": s["provenance"]["sentence_index"].as_u64().unwrap() + 1,
            "s": s["subject"]["text"],
            "r": s["relation"]["lemma"],
            "o": s["object"]["text"],
            "where": qualifier("Location").map(|p| p["text"].clone()),
            "when": when,
            "source": s["attribution"]["text"],
            "negated": s["negated"],
            "modality": s["modality"].as_str().unwrap().to_lowercase(),
        });
        if !facts.contains(&fact) {
            facts.push(fact);
        }
        let arguments = [&s["subject"], &s["object"], &s["attribution"]];
        for a in arguments
            .into_iter()
            .filter(|a| a["kind"]["Entity"].is_string())
        {
            let name = a["text"].clone();
            let at = match entities.iter().position(|e| e["name"] == name) {
                Some(at) => at,
                None => {
                    entities.push(json!({"name": name, "type": "ORG", "aliases": []}));
                    entities.len() - 1
                }
            };
            if let Some(alias) = a["alias"].as_str() {
                let aliases = entities[at]["aliases"].as_array_mut().unwrap();
                if !aliases.iter().any(|x| x == alias) {
                    aliases.push(alias.into());
                }
            }
        }
    }
    docs
}

fn write_gold(path: &Path, docs: &[(String, Vec<Value>, Vec<Value>)]) {
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, facts, entities)| {
            json!({"id": id, "entities": entities, "facts": facts, "distinct": []}).to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn eval(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "eval",
        "news",
        "--dump",
        "dump.csv",
        "--gold",
        "gold.jsonl",
        "-f",
        "json",
    ];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&args, dir)).unwrap()
}

fn figure(report: &Value, group: &str, path: &[&str]) -> f64 {
    let mut v = &report["groups"][group];
    for key in path {
        v = &v[*key];
    }
    v.as_f64()
        .unwrap_or_else(|| panic!("no {group} {path:?} in {report}"))
}

#[test]
fn eval_news_scores_a_perfect_gold_and_a_missing_fact() {
    let dir = workdir("scores");
    std::fs::write(dir.join("dump.csv"), DUMP).unwrap();
    let statements = ok(&["extract", "dump.csv"], &dir);
    let mut gold = gold_from(&statements);
    let objects =
        |d: &(String, Vec<Value>, Vec<Value>)| d.1.iter().filter(|f| !f["o"].is_null()).count();
    assert_eq!(
        gold.len(),
        2,
        "both documents give statements:\n{statements}"
    );
    assert!(gold.iter().all(|d| objects(d) > 0), "{statements}");
    write_gold(&dir.join("gold.jsonl"), &gold);

    let report = eval(&dir, &["--details", "details.jsonl"]);
    for group in ["all", "short", "long (dateline)"] {
        for key in ["recall", "precision", "f1"] {
            assert_eq!(
                figure(&report, group, &["facts", key]),
                1.0,
                "{group} {key}"
            );
        }
    }
    assert_eq!(figure(&report, "short", &["documents"]), 1.0);
    assert_eq!(figure(&report, "long (dateline)", &["documents"]), 1.0);
    let entities = &report["groups"]["all"]["entities"];
    assert!(entities["entities"].as_u64().unwrap() > 0);
    assert_eq!(entities["correct"], entities["entities"], "{entities}");
    let details = std::fs::read_to_string(dir.join("details.jsonl")).unwrap();
    assert!(!details.contains("\"missed\"") && !details.contains("\"spurious\""));

    // One fact nobody can find, in the short story: recall loses exactly one fact there.
    let facts = gold[0].1.len();
    gold[0].1.push(json!({
        "sentence": 1, "s": "Carl Olsen", "r": "fly to", "o": "Mars", "where": null,
        "when": null, "source": null, "negated": false, "modality": "asserted"
    }));
    write_gold(&dir.join("gold.jsonl"), &gold);
    let report = eval(&dir, &["--details", "details.jsonl"]);
    let recall = figure(&report, "short", &["facts", "recall"]);
    assert!(
        (recall - facts as f64 / (facts + 1) as f64).abs() < 1e-9,
        "{recall}"
    );
    assert_eq!(
        figure(&report, "short", &["facts", "recall_of"]),
        (facts + 1) as f64
    );
    assert_eq!(figure(&report, "short", &["facts", "precision"]), 1.0);
    assert_eq!(
        figure(&report, "long (dateline)", &["facts", "recall"]),
        1.0
    );
    let details = std::fs::read_to_string(dir.join("details.jsonl")).unwrap();
    let missed: Vec<Value> = details
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|d| d["status"] == "missed")
        .collect();
    assert_eq!(missed.len(), 1, "{details}");
    assert_eq!(missed[0]["gold"]["o"], "Mars");
    assert_eq!(
        missed[0]["text"],
        "Anna Berg met Carl Olsen in Oslo on Monday."
    );

    // The table says the same for people.
    let table = ok(
        &["eval", "news", "--dump", "dump.csv", "--gold", "gold.jsonl"],
        &dir,
    );
    assert!(table.contains("facts precision") && table.contains("never filled"));
}

#[test]
fn eval_news_names_the_gold_line_that_is_wrong() {
    let dir = workdir("bad-gold");
    std::fs::write(dir.join("dump.csv"), DUMP).unwrap();
    let doc = |id: &str, facts: &str| {
        format!(r#"{{"id": "{id}", "entities": [], "facts": [{facts}], "distinct": []}}"#)
    };
    let fact = r#"{"sentence": 1, "s": "A", "r": "meet", "o": null, "where": null, "when": null, "source": null, "negated": false, "modality": "asserted"}"#;
    let cases = [
        (
            format!(
                "{}\n{}\n",
                doc("d1", fact),
                doc("d2", &fact.replace("\"o\": null, ", ""))
            ),
            "gold.jsonl:2: fact 1: missing key \"o\"",
        ),
        (
            format!("{}\n{{oops\n", doc("d1", fact)),
            "gold.jsonl:2: not valid JSON",
        ),
        (
            format!("{}\n{}\n", doc("d1", fact), doc("d9", fact)),
            "gold.jsonl:2: document \"d9\" is not in dump.csv",
        ),
        (
            doc("d1", &fact.replace("\"sentence\": 1", "\"sentence\": 7")),
            "gold.jsonl:1: fact 1 names sentence 7",
        ),
    ];
    for (gold, message) in cases {
        std::fs::write(dir.join("gold.jsonl"), gold).unwrap();
        fails(
            &["eval", "news", "--dump", "dump.csv", "--gold", "gold.jsonl"],
            &dir,
            message,
        );
    }
}
