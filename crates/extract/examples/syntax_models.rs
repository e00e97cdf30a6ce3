//! Dev tool mirroring `kg model train|eval` without building the kg binary (and its RocksDB):
//!
//!   cargo run --release -p kg-extract --example syntax_models -- train TREEBANK_DIR OUT_DIR [SEED]
//!   cargo run --release -p kg-extract --example syntax_models -- eval TREEBANK_DIR MODELS_DIR
//!
//! `eval` scores dev and test with gold tokenisation and times loading and each step.

use kg_extract::conllu;
use kg_extract::doc::Sentence;
use kg_extract::lemma::Lemmatizer;
use kg_extract::parser::Parser;
use kg_extract::tagger::Tagger;
use kg_extract::training::{self, strip_annotation, SyntaxModels, TrainOptions};
use std::path::Path;
use std::time::Instant;

/// Nanoseconds of user + system CPU time of this thread (Linux, 10 ms ticks), so timings mean
/// something on a shared, overloaded machine; falls back to wall time elsewhere.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10_000_000)
}

struct Clock(Instant, Option<u64>);

impl Clock {
    fn start() -> Clock {
        Clock(Instant::now(), cpu_ns())
    }
    fn seconds(&self) -> f64 {
        match (self.1, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => self.0.elapsed().as_secs_f64(),
        }
    }
}

fn read_split(dir: &Path, split: &str) -> Vec<Sentence> {
    let suffix = format!("-ud-{split}.conllu");
    let path = std::fs::read_dir(dir)
        .expect("treebank directory")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().ends_with(&suffix))
        .unwrap_or_else(|| panic!("no *{suffix} in {}", dir.display()));
    let text = std::fs::read_to_string(&path).expect("treebank file");
    conllu::parse(&text)
        .expect("valid CoNLL-U")
        .into_iter()
        .map(|s| s.sentence)
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") if args.len() >= 3 => {
            let seed = args.get(3).map_or(1, |s| s.parse().expect("numeric seed"));
            let sentences = read_split(Path::new(&args[1]), "train");
            let start = Instant::now();
            let options = TrainOptions::default().with_seed(seed);
            let models = training::train(&sentences, &options, &mut |step| {
                eprintln!("[{:>6.1}s] {step}", start.elapsed().as_secs_f64())
            });
            let out = Path::new(&args[2]);
            std::fs::create_dir_all(out).expect("output directory");
            for (name, bytes) in [
                ("tagger.bin", models.tagger.to_bytes()),
                ("lemma.bin", models.lemmatizer.to_bytes()),
                ("parser.bin", models.parser.to_bytes()),
            ] {
                std::fs::write(out.join(name), &bytes).expect("write model");
                eprintln!("wrote {name} ({} bytes)", bytes.len());
            }
            eprintln!("trained in {:.1}s", start.elapsed().as_secs_f64());
        }
        Some("eval") if args.len() >= 3 => {
            let dir = Path::new(&args[2]);
            let read = |n: &str| std::fs::read(dir.join(n)).expect("model file");
            let (t, l, p) = (read("tagger.bin"), read("lemma.bin"), read("parser.bin"));
            let start = Clock::start();
            let models = SyntaxModels {
                tagger: Tagger::from_bytes(&t).expect("tagger"),
                lemmatizer: Lemmatizer::from_bytes(&l).expect("lemmatizer"),
                parser: Parser::from_bytes(&p).expect("parser"),
            };
            println!(
                "load {:.0} ms (CPU time; all timings below are CPU time)",
                start.seconds() * 1e3
            );
            for split in ["dev", "test"] {
                let gold = read_split(Path::new(&args[1]), split);
                let mut sents: Vec<Sentence> = gold.iter().map(strip_annotation).collect();
                let words: usize = sents.iter().map(|s| s.tokens.len()).sum();
                let per = |t: Instant| t.elapsed().as_secs_f64() * 1e6 / words as f64;
                let t = Instant::now();
                sents.iter_mut().for_each(|s| models.tagger.tag(s));
                let tag = per(t);
                let t = Instant::now();
                sents
                    .iter_mut()
                    .for_each(|s| models.lemmatizer.lemmatize(s));
                let lemma = per(t);
                let t = Instant::now();
                sents.iter_mut().for_each(|s| models.parser.parse(s));
                let parse = per(t);
                let s = training::evaluate(&models, &gold);
                println!(
                    "{split}: words {} UPOS {:.2} XPOS {:.2} FEATS {:.2} lemma {:.2} UAS {:.2} \
                     LAS {:.2} LAS(universal labels) {:.2} | µs/word tag {tag:.2} lemma {lemma:.2} \
                     parse {parse:.2}",
                    s.words, s.upos, s.xpos, s.feats, s.lemma, s.uas, s.las, s.las_universal
                );
            }
        }
        _ => eprintln!("usage: syntax_models train TREEBANK OUT [SEED] | eval TREEBANK MODELS"),
    }
}
