//! Every kind of bad input in one build: each bad record is reported with file, line and reason,
//! listed in the rejects report, the good records are built, and the exit status says so (3).

use crate::support::store::{document_ids, history};
use crate::support::{fails, kg, ok, repo, workdir};

use std::io::Write;

#[test]
fn every_kind_of_bad_record_is_reported_and_the_rest_is_built() {
    let dir = workdir("all");
    let dumps = dir.join("dumps");
    std::fs::create_dir_all(&dumps).unwrap();
    let long_line = "Ana Silva met Tom Berg in Oslo. ".repeat(200); // 6400 bytes
    let huge_json = serde_json::json!({ "id": "j-huge", "text": long_line }).to_string();

    // Plain text: invalid UTF-8, a NUL byte, an over-long document (kept, truncated).
    let mut txt = b"Ana Silva met Tom Berg in Oslo.\n".to_vec();
    txt.extend_from_slice(b"Broken \xff\xfe bytes here.\n");
    txt.extend_from_slice(b"A NUL\0 inside.\n");
    txt.extend_from_slice(long_line.as_bytes());
    txt.extend_from_slice(b"\nMaria Costa opened a factory in Braga.\n");
    std::fs::write(dumps.join("a.txt"), txt).unwrap();

    // CSV: an unbalanced quote, a wrong field count, a duplicate id; good rows around them.
    std::fs::write(
        dumps.join("b.csv"),
        "id,text\n\
         c1,\"Tom Berg visited Lisbon, then Porto.\"\n\
         c2,\"This quote never closes\n\
         c3,Jonas Lind met Sara Holm in Bergen.\n\
         c4,too,many,fields\n\
         c3,Same id again.\n",
    )
    .unwrap();
    // CSV without the text column.
    std::fs::write(dumps.join("c.csv"), "id,body\nx1,hello\n").unwrap();

    // JSONL: not an object, non-string text, no text, invalid JSON, an over-long line.
    std::fs::write(
        dumps.join("d.jsonl"),
        format!(
            "{}\n[1, 2]\n{}\n{}\nnot json at all\n{huge_json}\n{}\n",
            r#"{"id": "j1", "text": "Pedro Alves met Ana Silva in Porto."}"#,
            r#"{"id": "j2", "text": 42}"#,
            r#"{"id": "j3", "title": "no text"}"#,
            r#"{"id": "j4", "text": "Sara Holm visited Oslo."}"#,
        ),
    )
    .unwrap();

    // Empty, binary, and a .gz that is not gzip.
    std::fs::write(dumps.join("e.txt"), b"").unwrap();
    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0..2000u32).map(|i| (i % 7) as u8));
    std::fs::write(dumps.join("f.txt"), binary).unwrap();
    std::fs::write(dumps.join("g.jsonl.gz"), b"this is not gzip data at all").unwrap();
    // A good gzipped dump next to them.
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(dumps.join("h.jsonl.gz")).unwrap(),
        flate2::Compression::default(),
    );
    writeln!(
        gz,
        r#"{{"id": "h1", "text": "Tom Berg met Jonas Lind in Bergen."}}"#
    )
    .unwrap();
    gz.finish().unwrap();

    let out = kg(
        &[
            "build",
            "dumps",
            "--store",
            "s",
            "--rejects",
            "rejects.tsv",
            "--max-document-bytes",
            "4096",
        ],
        &dir,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");

    let expected = [
        ("dumps/a.txt", 2, "invalid UTF-8"),
        ("dumps/a.txt", 3, "NUL byte"),
        ("dumps/b.csv", 3, "unbalanced double quote"),
        ("dumps/b.csv", 5, "expected 2 fields"),
        ("dumps/b.csv", 6, "duplicate document id"),
        ("dumps/c.csv", 1, "no \"text\" column"),
        ("dumps/d.jsonl", 2, "not an object"),
        ("dumps/d.jsonl", 3, "\"text\" is a number, not a string"),
        ("dumps/d.jsonl", 4, "no \"text\" field"),
        ("dumps/d.jsonl", 5, "invalid JSON"),
        ("dumps/d.jsonl", 6, "line longer than 4096 bytes"),
        ("dumps/e.txt", 0, "empty file"),
        ("dumps/f.txt", 0, "binary file"),
        ("dumps/g.jsonl.gz", 1, "unreadable gzip data"),
    ];
    for (file, line, reason) in expected {
        let location = if line == 0 {
            format!("{file}: ")
        } else {
            format!("{file}:{line}: ")
        };
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(&location) && l.contains(reason)),
            "no message `{location}{reason}` in:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("dumps/a.txt:4: document longer than 4096 bytes, truncated"),
        "{stderr}"
    );

    let report = std::fs::read_to_string(dir.join("rejects.tsv")).unwrap();
    let mut lines = report.lines();
    assert_eq!(lines.next(), Some("file\tline\treason"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), expected.len(), "{report}");
    for (file, line, reason) in expected {
        assert!(
            rows.iter()
                .any(|r| r[0] == file && r[1] == line.to_string() && r[2].contains(reason)),
            "{file}:{line} {reason} missing from the report:\n{report}"
        );
    }

    // The good records are in the graph, the truncated one included.
    let ids = document_ids(&dir, "s");
    for id in ["c1", "c3", "j1", "j4", "h1"] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    // a.txt: lines 1, 4 (truncated) and 5; ids are content hashes.
    assert_eq!(ids.len(), 5 + 3, "{ids:?}");

    // The build is recorded with its rejects; a clean re-run removes the stale report.
    assert_eq!(history(&dir, "s")[0]["rejected"], expected.len() as u64);
    std::fs::write(dir.join("clean.txt"), "Tom Berg met Ana Silva.\n").unwrap();
    let out = kg(
        &[
            "build",
            "clean.txt",
            "--store",
            "s",
            "--rejects",
            "rejects.tsv",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(!dir.join("rejects.tsv").exists());
}

/// The adversarial corpus of `scripts/make_adversarial.py` (at a fiftieth of its size, but with the
/// 5 MB record without a sentence end at full size): each item builds, without a panic, and the
/// two ordinary documents after the adversarial record are in the graph. How fast each builds is
/// measured by `scripts/bench_adversarial.sh`, not here.
#[test]
fn adversarial_records_build_and_the_documents_after_them_are_in_the_graph() {
    let dir = workdir("adversarial");
    let script = repo().join("scripts/make_adversarial.py");
    let corpus = dir.join("corpus");
    for extra in [
        &["--scale", "0.02"][..],
        &["--only", "no-punctuation-5mb"][..],
    ] {
        let status = std::process::Command::new("python3")
            .arg(&script)
            .arg("-o")
            .arg(&corpus)
            .args(extra)
            .status()
            .expect("python3 runs the corpus generator");
        assert!(status.success());
    }
    let mut items: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            !p.file_stem()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("prose")
        })
        .collect();
    items.sort();
    assert_eq!(items.len(), 11, "{items:?}");
    for item in &items {
        let name = item.file_stem().unwrap().to_str().unwrap();
        let store = format!("store-{name}");
        let out = kg(&["build", item.to_str().unwrap(), "--store", &store], &dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {}\n{stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        let count = ok(
            &[
                "query",
                "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }",
                "--store",
                &store,
                "--format",
                "csv",
            ],
            &dir,
        );
        assert_eq!(
            count.lines().nth(1),
            Some("3"),
            "{name}: documents in the graph"
        );
    }
}

/// An input that cannot be read is named in the error, whatever the command.
#[test]
fn a_missing_dump_is_named() {
    let dir = workdir("missing");
    for command in ["build", "extract"] {
        fails(&[command, "no-such-dump.csv"], &dir, "no-such-dump.csv");
    }
    std::fs::create_dir(dir.join("dumps")).unwrap();
    std::fs::write(
        dir.join("dumps/a.txt"),
        "Ana Silva met Tom Berg in Porto.\n",
    )
    .unwrap();
    fails(&["build", "dumps", "gone.jsonl"], &dir, "gone.jsonl");
}
