//! Dev tool mirroring `kg model train|eval` without building the kg binary (and its RocksDB):
//!
//!   cargo run --release -p kg-extract --example syntax_models -- train TREEBANK_DIR OUT_DIR [SEED]
//!   cargo run --release -p kg-extract --example syntax_models -- eval TREEBANK_DIR MODELS_DIR
//!   cargo run --release -p kg-extract --example syntax_models -- reencode IN.bin OUT.bin [PRUNE]
//!   ITER=10 cargo run --release -p kg-extract --example syntax_models -- tagger TREEBANK_DIR [OUT]
//!   CACHE=FILE cargo run --release -p kg-extract --example syntax_models -- parser TREEBANK_DIR OUT.bin [SEED]
//!
//! `TAGGER_FS=n` and `PARSER_FS=n` choose the feature sets of `tagger` and `parser`, and
//! `ENSEMBLE=k` the parser's number of members (defaults: those of the shipped models).
//!
//! `parser` trains only the parser, on the train split with jackknifed tags of the default
//! tagger options (as `train` does), kept in `CACHE` when given so that a second parser
//! training skips the five tagger trainings.
//!
//! `eval` runs the pipeline's steps on dev and test with gold tokenisation, times loading and
//! each step, counts what each repair step changes, and scores the syntax models alone and the
//! whole pipeline.

use kg_nlp::conllu;
use kg_nlp::doc::{Sentence, Token};
use kg_nlp::parser::Parser;
use kg_nlp::pipeline::{DocumentContext, Pipeline, Step};
use kg_nlp::tagger::Tagger;
use kg_nlp::training::{self, strip_annotation, TrainOptions};
use std::path::Path;
use std::time::Instant;

/// Nanoseconds of CPU time this thread has run (Linux schedstat, nanosecond resolution), so
/// timings mean something on a shared, overloaded machine; falls back to wall time elsewhere.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
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

/// Loads the pipeline from the models directory: tagger, lemmatiser and parser, and the
/// recogniser when `ner.bin` is there.
fn load_pipeline(dir: &Path) -> Pipeline {
    let mut files = Vec::new();
    for name in ["tagger.bin", "lemma.bin", "parser.bin", "ner.bin"] {
        match std::fs::read(dir.join(name)) {
            Ok(bytes) => files.push((name, bytes)),
            Err(_) if name == "ner.bin" => {}
            Err(e) => panic!("{name}: {e}"),
        }
    }
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    Pipeline::load(&borrowed).expect("models")
}

/// `eval`: runs the pipeline's steps one after another over each split (gold tokens), timing
/// each and counting what each repair step changes; then scores the syntax models alone and the
/// whole pipeline.
fn eval(treebank: &Path, models: &Path) {
    let start = Clock::start();
    let pipeline = load_pipeline(models);
    println!(
        "load {:.0} ms (CPU time; all timings below are CPU time)",
        start.seconds() * 1e3
    );
    // SPLITS=train,dev,test to look at the repairs on more text (train is what the models learnt
    // from: its scores say nothing about accuracy).
    let splits = std::env::var("SPLITS").unwrap_or_else(|_| "dev,test".into());
    for split in splits.split(',') {
        let gold = read_split(treebank, split);
        let mut sents: Vec<Sentence> = gold.iter().map(strip_annotation).collect();
        // Each sentence a document of its own, as `training::annotate` reads it.
        let mut contexts: Vec<DocumentContext> = sents.iter().map(|_| Default::default()).collect();
        let words: usize = sents.iter().map(|s| s.tokens.len()).sum();
        let mut timings = Vec::new();
        for step in Step::ORDER.into_iter().filter(|&s| pipeline.can_run(s)) {
            let before = step.is_repair().then(|| sents.clone());
            let t = Clock::start();
            for (s, c) in sents.iter_mut().zip(&mut contexts) {
                pipeline.run(step, s, c);
            }
            timings.push(format!(
                "{} {:.2}",
                step.name(),
                t.seconds() * 1e6 / words as f64
            ));
            if let Some(before) = before {
                report_repairs(split, step, &before, &sents, &gold);
            }
        }
        let show = |label: &str, s: &training::Scores| {
            println!(
                "{split} {label}: words {} UPOS {:.2} XPOS {:.2} FEATS {:.2} lemma {:.2} UAS {:.2} \
                 LAS {:.2} LAS(universal labels) {:.2}",
                s.words, s.upos, s.xpos, s.feats, s.lemma, s.uas, s.las, s.las_universal
            )
        };
        show(
            "models alone",
            &training::evaluate(&pipeline, training::SYNTAX_MODELS, &gold),
        );
        show("whole pipeline", &training::score(&sents, &gold));
        println!("{split}: µs/word {}", timings.join(", "));
    }
}

/// What a repair step changed: tags (tag repairs) or attachments (the others), and how many of
/// the changed words are as in gold before and after. SHOW=1 prints the sentences.
fn report_repairs(
    split: &str,
    step: Step,
    before: &[Sentence],
    after: &[Sentence],
    gold: &[Sentence],
) {
    let show = std::env::var_os("SHOW").is_some();
    let words = |g: &Sentence| {
        let w: Vec<&str> = g.tokens.iter().map(|t| t.form.as_str()).collect();
        w.join(" ")
    };
    let (mut changed, mut right_before, mut right_after) = (0, 0, 0);
    for ((s, r), g) in before.iter().zip(after).zip(gold) {
        let mut shown = false;
        for ((a, b), gt) in s.tokens.iter().zip(&r.tokens).zip(&g.tokens) {
            // What the step may change: the tag, or the attachment.
            let read = |t: &Token| {
                if step == Step::TagRepairs {
                    (Some(t.xpos), None)
                } else {
                    (None, Some((t.deprel, t.head)))
                }
            };
            let (was, is, truth) = (read(a), read(b), read(gt));
            if was == is {
                continue;
            }
            changed += 1;
            right_before += (was == truth) as usize;
            right_after += (is == truth) as usize;
            if show && step == Step::TagRepairs {
                println!(
                    "  {} -> {} (gold {}): {}",
                    a.form,
                    b.xpos,
                    gt.xpos,
                    words(g)
                );
            } else if show && !shown {
                shown = true;
                println!("  {}: {}", step.name(), words(g));
            }
        }
    }
    let what = if step == Step::TagRepairs {
        "tags"
    } else {
        "attachments"
    };
    println!(
        "{split}: {} changed {changed} {what}: {right_before} as in gold before, {right_after} after",
        step.name()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") if args.len() >= 3 => train(&args),
        Some("eval") if args.len() >= 3 => eval(Path::new(&args[1]), Path::new(&args[2])),
        Some("speed") if args.len() >= 3 => speed(&args),
        Some("reencode") if args.len() >= 3 => reencode(&args),
        Some("parser") if args.len() >= 3 => train_parser(&args),
        Some("tagger") if args.len() >= 2 => train_tagger(&args),
        _ => eprintln!(
            "usage: syntax_models train TREEBANK OUT [SEED] | eval TREEBANK MODELS | \
             reencode IN OUT [PRUNE] | tagger TREEBANK [OUT] | parser TREEBANK OUT [SEED]"
        ),
    }
}

fn train(args: &[String]) {
    let seed = args.get(3).map_or(1, |s| s.parse().expect("numeric seed"));
    let sentences = read_split(Path::new(&args[1]), "train");
    let start = Instant::now();
    let options = train_options(seed);
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

fn speed(args: &[String]) {
    // speed TREEBANK MODELS [ROUNDS]: best-of-ROUNDS CPU time per word of tagging and of
    // parsing dev + test (gold tokens), each step over the whole set so that neither
    // evicts the other's weights from the caches.
    let dir = Path::new(&args[2]);
    let read = |n: &str| std::fs::read(dir.join(n)).expect("model file");
    let rounds = args.get(3).map_or(5, |s| s.parse().expect("ROUNDS"));
    let clock = Clock::start();
    let tagger = Tagger::from_bytes(&read("tagger.bin")).expect("tagger");
    let tag_load = clock.seconds();
    let clock = Clock::start();
    let parser = Parser::from_bytes(&read("parser.bin")).expect("parser");
    let parse_load = clock.seconds();
    let mut sents: Vec<Sentence> = ["dev", "test"]
        .iter()
        .flat_map(|split| read_split(Path::new(&args[1]), split))
        .map(|s| strip_annotation(&s))
        .collect();
    let words: usize = sents.iter().map(|s| s.tokens.len()).sum();
    let (mut tag, mut parse) = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        let t = Clock::start();
        sents.iter_mut().for_each(|s| tagger.tag(s));
        tag = tag.min(t.seconds());
        let t = Clock::start();
        sents.iter_mut().for_each(|s| parser.parse(s));
        parse = parse.min(t.seconds());
    }
    println!(
        "{words} words, best of {rounds}: tag {:.2} µs/word, parse {:.2} µs/word (CPU); \
         load tagger {:.0} ms, parser {:.0} ms",
        tag * 1e6 / words as f64,
        parse * 1e6 / words as f64,
        tag_load * 1e3,
        parse_load * 1e3
    );
}

fn reencode(args: &[String]) {
    // reencode IN OUT [PRUNE]: rewrites a parser in the current weight format (which
    // loads without hashing), optionally dropping weights below PRUNE.
    let mut parser =
        Parser::from_bytes(&std::fs::read(&args[1]).expect("parser file")).expect("parser");
    if let Some(p) = args.get(3) {
        parser.prune(p.parse().expect("numeric PRUNE"));
    }
    let bytes = parser.to_bytes();
    std::fs::write(&args[2], &bytes).expect("write parser");
    let clock = Clock::start();
    let again = Parser::from_bytes(&bytes).expect("re-read");
    println!(
        "wrote {} bytes; reloads in {:.0} ms CPU",
        bytes.len(),
        clock.seconds() * 1e3
    );
    assert_eq!(again.to_bytes(), bytes);
}

/// `TrainOptions` with the feature sets of `TAGGER_FS` and `PARSER_FS` when set.
fn train_options(seed: u64) -> TrainOptions {
    let mut options = TrainOptions::default().with_seed(seed);
    let env = |name: &str| std::env::var(name).ok().map(|v| v.parse().expect(name));
    if let Some(fs) = env("TAGGER_FS") {
        options.tagger.feature_set = fs;
    }
    if let Some(fs) = env("PARSER_FS") {
        options.parser.feature_set = fs;
    }
    if let Some(k) = env("ENSEMBLE") {
        options.parser.ensemble = k as usize;
    }
    options
}

fn train_parser(args: &[String]) {
    let seed = args.get(3).map_or(1, |s| s.parse().expect("numeric seed"));
    let mut sentences = read_split(Path::new(&args[1]), "train");
    let options = train_options(seed);
    let clock = Clock::start();
    let cache = std::env::var("CACHE").ok();
    match cache
        .as_deref()
        .and_then(|c| std::fs::read_to_string(c).ok())
    {
        Some(text) => {
            // One line per token: UPOS and XPOS; a blank line ends a sentence.
            let mut lines = text.lines();
            for s in &mut sentences {
                for t in &mut s.tokens {
                    let (upos, xpos) = lines
                        .next()
                        .and_then(|l| l.split_once('\t'))
                        .expect("cached tags match the treebank");
                    t.upos = kg_nlp::doc::Upos::parse(upos).expect("UPOS");
                    t.xpos = xpos.parse().expect("XPOS");
                }
                assert_eq!(lines.next(), Some(""), "cached tags match the treebank");
            }
            eprintln!("jackknifed tags from the cache");
        }
        None => {
            sentences = training::jackknife_tags(&sentences, options.folds, &options.tagger);
            eprintln!("jackknifed tags in {:.1} s CPU", clock.seconds());
            if let Some(c) = &cache {
                let mut text = String::new();
                for s in &sentences {
                    for t in &s.tokens {
                        text.push_str(&format!("{}\t{}\n", t.upos.as_str(), t.xpos));
                    }
                    text.push('\n');
                }
                std::fs::write(c, text).expect("write cache");
            }
        }
    }
    let clock = Clock::start();
    let parser = Parser::train(&sentences, &options.parser);
    eprintln!("parser trained in {:.1} s CPU", clock.seconds());
    std::fs::write(&args[2], parser.to_bytes()).expect("write parser");
}

fn train_tagger(args: &[String]) {
    // Tagger only: train on train, print UPOS/XPOS on dev and test (for feature work).
    let iterations = std::env::var("ITER").map_or(10, |s| s.parse().expect("ITER"));
    let options = kg_nlp::tagger::TaggerOptions {
        iterations,
        ..train_options(1).tagger
    };
    let dir = Path::new(&args[1]);
    let train = read_split(dir, "train");
    let clock = Clock::start();
    let tagger = Tagger::train(&train, &options);
    println!("tagger trained in {:.1} s CPU", clock.seconds());
    for split in ["dev", "test"] {
        let gold = read_split(dir, split);
        let (mut n, mut upos, mut xpos) = (0, 0, 0);
        let mut confusions: std::collections::BTreeMap<(String, String), usize> =
            Default::default();
        for g in &gold {
            let mut s = strip_annotation(g);
            tagger.tag(&mut s);
            for (p, t) in s.tokens.iter().zip(&g.tokens) {
                n += 1;
                if p.upos != t.upos {
                    *confusions
                        .entry((t.upos.as_str().into(), p.upos.as_str().into()))
                        .or_default() += 1;
                }
                upos += (p.upos == t.upos) as usize;
                xpos += (p.xpos == t.xpos) as usize;
            }
        }
        let pct = |k: usize| 100.0 * k as f64 / n as f64;
        println!("{split}: UPOS {:.2} XPOS {:.2}", pct(upos), pct(xpos));
        let mut top: Vec<_> = confusions.into_iter().collect();
        top.sort_by_key(|(_, k)| std::cmp::Reverse(*k));
        let top: Vec<String> = top
            .iter()
            .take(14)
            .map(|((g, p), k)| format!("{g}>{p} {k}"))
            .collect();
        println!("  gold>predicted: {}", top.join(", "));
    }
    if let Some(out) = args.get(2) {
        std::fs::write(out, tagger.to_bytes()).expect("write tagger");
    }
}
