//! Prints the entity mentions the full pipeline finds in text, one document per input line
//! (a dev aid for looking at the recogniser on new text).
//!
//! cargo run --release -p kg-extract --example ner_text -- data/models < FILE
//!
//! With `TREE=1`, each sentence's analysis is printed first (index, form, UPOS, XPOS, lemma,
//! head, relation), to see what the extractor was given.

use kg_nlp::pipeline::Pipeline;
use kg_nlp::Document;
use std::io::BufRead;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data/models".into());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("models directory") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bin") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.push((name, std::fs::read(&path).unwrap()));
        }
    }
    let borrowed: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let pipeline = Pipeline::load(&borrowed).expect("models");
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let mut doc = Document::new(n.to_string(), line.unwrap());
        pipeline.annotate(&mut doc);
        for s in &doc.sentences {
            if std::env::var_os("TREE").is_some() {
                for (i, t) in s.tokens.iter().enumerate() {
                    let head = t.head.map_or(0, |h| h + 1);
                    println!(
                        "  {}\t{}\t{}\t{}\t{}\t{head}\t{}",
                        i + 1,
                        t.form,
                        t.upos.as_str(),
                        t.xpos,
                        t.lemma,
                        t.deprel
                    );
                }
            }
            for m in &s.mentions {
                let words: Vec<&str> = s.tokens[m.start..m.end]
                    .iter()
                    .map(|t| t.form.as_str())
                    .collect();
                println!(
                    "{n}\t{}\t{}\t{}",
                    m.kind.as_str(),
                    words.join(" "),
                    m.external_id.as_deref().unwrap_or("")
                );
            }
        }
    }
}
