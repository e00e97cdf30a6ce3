//! `kg bench`: throughput of the NLP core (tokenise + split + tag + parse) on one core and on all
//! cores, model start-up time and peak memory, over a fixed corpus of English prose; then, when
//! the directory has every model, the whole analysis that `kg build` runs before extracting
//! (the core plus lemmas, entities, times and quantities: `Pipeline::annotate`) on one core,
//! the counterpart of spaCy's full pipeline, which also lemmatises and finds entities.
//!
//! The corpus is the raw text of UD English EWT (the `# text =` lines of train, dev and test, one
//! paragraph per line, about 1.26 MB); it is built at run time from `--treebank` and never stored
//! in the repository. `--write-corpus` saves it so that `scripts/bench_spacy.py` reads the same.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kg_model::doc::Document;
use kg_nlp::pipeline::{Pipeline, Step, Steps};
use kg_nlp::tokenize::segment;

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Directory holding en_ewt-ud-{train,dev,test}.conllu; their `# text =` lines are the corpus.
    #[arg(long)]
    pub treebank: PathBuf,
    /// Models directory with tagger.bin, lemma.bin and parser.bin. Without the first two only
    /// tokenisation and sentence splitting are measured.
    #[arg(long, default_value = "data/models")]
    pub models: PathBuf,
    /// Passes over the corpus per measurement (the best pass is reported).
    #[arg(long, default_value_t = 3)]
    pub passes: usize,
    /// Threads for the all-cores run (default: all available cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Also write the corpus (one paragraph per line) to this file, for the spaCy peer.
    #[arg(long)]
    pub write_corpus: Option<PathBuf>,
}

/// The steps of the NLP core the benchmark measures, on the pipeline of the models directory
/// (its tagger, lemmatiser and parser; `None` until they are trained). Sentences are split by the
/// rules, as `kg build` does (the learned boundary model in `sentences.bin` is for `kg model
/// eval` only: on news it split inside names).
struct Core {
    pipeline: Option<Pipeline>,
}

/// The core's steps: tagging and parsing, without lemmas or repairs.
const CORE_STEPS: Steps = Steps::only(&[Step::Tagger, Step::Parser]);

impl Core {
    fn annotate(&self, doc: &mut Document) -> usize {
        match &self.pipeline {
            Some(pipeline) => pipeline.annotate_with(doc, CORE_STEPS),
            None => segment(doc),
        }
        doc.sentences.iter().map(|s| s.tokens.len()).sum()
    }

    /// The steps measured, as verbs ("tokenise + split + tag + parse", the wording earlier
    /// results in BENCHMARKS.md were printed with).
    fn steps(&self) -> String {
        let mut steps = vec!["tokenise", "split"];
        if let Some(pipeline) = &self.pipeline {
            steps.extend(
                CORE_STEPS
                    .iter()
                    .filter(|&s| pipeline.can_run(s))
                    .map(|s| match s {
                        Step::Tagger => "tag",
                        Step::Parser => "parse",
                        _ => s.name(),
                    }),
            );
        }
        steps.join(" + ")
    }
}

pub fn run(args: BenchArgs) -> Result<()> {
    let corpus = read_corpus(&args.treebank)?;
    let bytes: usize = corpus.iter().map(|p| p.len() + 1).sum();
    if let Some(path) = &args.write_corpus {
        std::fs::write(path, corpus.join("\n") + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote the corpus to {}", path.display());
    }

    let (start, start_cpu) = (Instant::now(), thread_cpu_ns());
    let models = load(&args.models)?;
    let startup = start.elapsed();
    let startup_cpu = thread_cpu_ns().zip(start_cpu).map(|(b, a)| b - a);

    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    println!(
        "corpus: UD English EWT raw text, {} paragraphs, {bytes} bytes",
        corpus.len()
    );
    println!("steps: {}", models.steps());
    match startup_cpu {
        Some(ns) => println!(
            "model start-up: {:.1} ms wall, {:.1} ms CPU",
            startup.as_secs_f64() * 1e3,
            ns as f64 / 1e6
        ),
        None => println!("model start-up: {:.1} ms", startup.as_secs_f64() * 1e3),
    }

    for n_threads in [1, threads] {
        let best = best_pass(args.passes, || run_pass(&models, &corpus, n_threads));
        best.print(n_threads, Some(bytes));
        if threads == 1 {
            break;
        }
    }
    match peak_memory_kb() {
        Some(kb) => println!("peak memory (VmHWM): {:.1} MB", kb as f64 / 1024.0),
        None => println!("peak memory: unknown (no /proc/self/status)"),
    }
    full_analysis(&args, &corpus)
}

/// The whole analysis before extraction, on one core, when the models directory has every model
/// (`lemma.bin` and `ner.bin` too). Measured after the core so that the core's peak memory above
/// is its own.
fn full_analysis(args: &BenchArgs, corpus: &[String]) -> Result<()> {
    if !["tagger.bin", "lemma.bin", "parser.bin", "ner.bin"]
        .iter()
        .all(|m| args.models.join(m).is_file())
    {
        return Ok(());
    }
    let start = Instant::now();
    let pipeline = crate::models::pipeline(Some(&args.models))?;
    let startup = start.elapsed();
    let best = best_pass(args.passes, || {
        corpus
            .iter()
            .map(|text| {
                let mut doc = Document::new("", text.as_str());
                pipeline.annotate(&mut doc);
                doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>()
            })
            .sum()
    });
    println!(
        "full analysis (+ lemmas, entities, times, quantities; as kg build), model start-up {:.1} ms",
        startup.as_secs_f64() * 1e3
    );
    best.print(1, None);
    Ok(())
}

/// The fastest of several passes: tokens, wall seconds and CPU seconds (each the least seen).
struct Best {
    tokens: usize,
    wall: f64,
    cpu: Option<f64>,
}

/// Runs `pass` (which returns the tokens it processed) `passes` times, at least once.
fn best_pass(passes: usize, mut pass: impl FnMut() -> usize) -> Best {
    let mut best = Best {
        tokens: 0,
        wall: f64::MAX,
        cpu: None,
    };
    for _ in 0..passes.max(1) {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        best.tokens = pass();
        best.wall = best.wall.min(start.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu, cpu_seconds()) {
            best.cpu = Some(
                best.cpu
                    .map_or(after - before, |c: f64| c.min(after - before)),
            );
        }
    }
    best
}

impl Best {
    /// The throughput lines; MB/s when the corpus size in bytes is given.
    fn print(&self, threads: usize, bytes: Option<usize>) {
        let Best { tokens, wall, cpu } = *self;
        let mb = bytes.map_or(String::new(), |b| {
            format!(", {:.2} MB/s", b as f64 / wall / 1e6)
        });
        println!(
            "{threads} thread(s): {tokens} tokens in {wall:.3} s wall = {:.0} tokens/s{mb}",
            tokens as f64 / wall
        );
        // On a shared machine wall time includes waiting for a core; CPU time does not. It is
        // counted in 10 ms ticks, so a tiny corpus can show none.
        if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
            println!(
                "    CPU time {cpu:.3} s = {:.0} tokens per CPU-second",
                tokens as f64 / cpu
            );
        }
    }
}

/// Processes every paragraph as one document; returns the number of tokens.
fn run_pass(models: &Core, corpus: &[String], threads: usize) -> usize {
    let per_thread = corpus.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = corpus
            .chunks(per_thread.max(1))
            .map(|share| {
                scope.spawn(move || {
                    share
                        .iter()
                        .map(|text| models.annotate(&mut Document::new("", text.as_str())))
                        .sum::<usize>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("benchmark thread panicked"))
            .sum()
    })
}

/// Paragraphs of EWT raw text: `# text =` lines joined by a space, a new paragraph at each
/// `# newpar` or `# newdoc`, files in the order train, dev, test.
fn read_corpus(dir: &Path) -> Result<Vec<String>> {
    let mut paragraphs: Vec<String> = Vec::new();
    for split in ["train", "dev", "test"] {
        let path = dir.join(format!("en_ewt-ud-{split}.conllu"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let mut new_paragraph = true;
        for line in text.lines() {
            if line.starts_with("# newpar") || line.starts_with("# newdoc") {
                new_paragraph = true;
            } else if let Some(sentence) = line.strip_prefix("# text = ") {
                match paragraphs.last_mut() {
                    Some(p) if !new_paragraph => {
                        p.push(' ');
                        p.push_str(sentence);
                    }
                    _ => paragraphs.push(sentence.to_string()),
                }
                new_paragraph = false;
            }
        }
    }
    if paragraphs.is_empty() {
        bail!(
            "no `# text =` lines in the treebank files of {}",
            dir.display()
        );
    }
    Ok(paragraphs)
}

/// Reads and decodes the models of the core that exist in `dir`: this is the start-up cost of the
/// NLP core. Without a tagger and lemmatiser only tokenisation and splitting are measured.
fn load(dir: &Path) -> Result<Core> {
    let mut files = Vec::new();
    for name in ["tagger.bin", "lemma.bin", "parser.bin"] {
        let path = dir.join(name);
        match std::fs::read(&path) {
            Ok(bytes) => files.push((name, bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }
    if !files.iter().any(|(n, _)| *n == "tagger.bin")
        || !files.iter().any(|(n, _)| *n == "lemma.bin")
    {
        return Ok(Core { pipeline: None });
    }
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let pipeline = Pipeline::load(&borrowed)
        .with_context(|| format!("loading models from {}", dir.display()))?;
    Ok(Core {
        pipeline: Some(pipeline),
    })
}

/// Peak resident memory of this process in KiB, from Linux's `/proc/self/status`.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time this thread has run so far in nanoseconds, from Linux's `/proc/thread-self/schedstat`
/// (nanosecond resolution, unlike the 10 ms ticks of `/proc/self/stat`).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// CPU time (user + system) this process has used so far, from Linux's `/proc/self/stat`.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel reports in USER_HZ, 100 on every Linux architecture kg runs on.
    Some(ticks / 100.0)
}
