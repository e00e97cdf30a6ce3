//! The extractor's cost beside the NLP core's, per token, on a corpus with one document per line.
//!
//! ```sh
//! cargo build --release -p kg-extract --example bench_extraction
//! target/release/examples/bench_extraction data/models CORPUS.txt
//! ```
//!
//! Times, on one thread, `Pipeline::annotate` (tokenise, split, tag, lemmatise, parse, NER,
//! times, quantities: the NLP core) and `Extractor::extract` (clause extraction and coreference)
//! over the same documents, and the clause extractor alone.
use std::time::{Duration, Instant};

use kg_extract::Document;
use kg_extract::{Extractor, Pipeline};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .expect("usage: bench_extraction MODELS_DIR CORPUS");
    let corpus = args
        .next()
        .expect("usage: bench_extraction MODELS_DIR CORPUS");
    let names = ["tagger.bin", "lemma.bin", "parser.bin", "ner.bin"];
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .map(|n| (n.to_string(), std::fs::read(format!("{dir}/{n}")).expect(n)))
        .collect();
    let models: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let extractor = Extractor::new(Pipeline::load(&models).expect("models"));
    let text = std::fs::read_to_string(&corpus).expect("corpus");
    let (mut core, mut extract, mut clauses) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut tokens, mut statements) = (0usize, 0usize);
    for (n, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let mut doc = Document::new(format!("d{n}"), line);
        let t = Instant::now();
        extractor.pipeline.annotate(&mut doc);
        core += t.elapsed();
        tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
        let t = Instant::now();
        statements += extractor.extract(&doc).len();
        extract += t.elapsed();
        let t = Instant::now();
        std::hint::black_box(kg_extract::clauses::analyse(&doc));
        clauses += t.elapsed();
    }
    let per = |d: Duration| d.as_secs_f64() * 1e6 / tokens as f64;
    println!("tokens {tokens}, statements {statements}");
    println!("NLP core (annotate)        {:8.2} µs/token", per(core));
    println!(
        "extract (clauses + coref)  {:8.2} µs/token  (+{:.1} % of the core)",
        per(extract),
        100.0 * per(extract) / per(core)
    );
    println!(
        "clause extractor alone     {:8.2} µs/token  (+{:.1} % of the core)",
        per(clauses),
        100.0 * per(clauses) / per(core)
    );
}
