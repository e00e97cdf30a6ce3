//! `kg eval carb`: runs the extractor on CaRB's already-tokenised sentences and writes the
//! scorer's input (`sentence TAB confidence TAB arg1 TAB relation TAB arg2 …`), then scores it with
//! CaRB's scorer when one is given. `--fit-confidence` also fits the confidence model on the gold
//! tuples (tune on dev only) and writes its weights as Rust source.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use kg_extract::clauses::{self, Extraction, Surface};
use kg_model::Document;
use rayon::prelude::*;

#[derive(clap::Subcommand)]
pub enum EvalCommand {
    /// Score the extractor on the CaRB OpenIE benchmark (Bhardwaj et al. 2019).
    ///
    /// Example:
    ///   kg eval carb --sentences carb/dev/dev.txt --gold carb/dev/gold/dev.tsv \
    ///     --scorer carb/carb_score.py
    Carb(CarbArgs),
    /// Score facts, qualifiers and entity clusters against news gold (benchmarks/news-dev).
    ///
    /// Example:
    ///   kg eval news --dump news-dev/news-dev.csv --gold news-dev/gold.jsonl \
    ///     --details news-details.jsonl
    News(crate::news_eval::NewsArgs),
}

#[derive(clap::Args)]
pub struct CarbArgs {
    /// The benchmark's sentences, one per line, already tokenised (PTB style).
    #[arg(long)]
    pub sentences: PathBuf,
    /// The gold tuples (sentence, relation, arg1, arg2, …; tab-separated).
    #[arg(long)]
    pub gold: PathBuf,
    /// Where to write the extractions in the scorer's format.
    #[arg(long, default_value = "carb-extractions.tsv")]
    pub out: PathBuf,
    /// Load models from this directory instead of those built into kg.
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// CaRB's scorer (`carb_score.py`); when given, it is run with python3 on the output, in
    /// both the default and the one-to-one (`--recall-match one`) variants.
    #[arg(long)]
    pub scorer: Option<PathBuf>,
    /// Fit the confidence model on these gold tuples and write its weights (Rust source) here,
    /// e.g. crates/extract/src/confidence_weights.rs; rebuild kg to use them.
    #[arg(long)]
    pub fit_confidence: Option<PathBuf>,
}

pub fn run(command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Carb(args) => carb(&args),
        EvalCommand::News(args) => crate::news_eval::run(&args),
    }
}

fn carb(args: &CarbArgs) -> Result<()> {
    let text = std::fs::read_to_string(&args.sentences)
        .with_context(|| format!("reading {}", args.sentences.display()))?;
    let sentences: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    if sentences.is_empty() {
        bail!("{}: no sentences", args.sentences.display());
    }
    let pipeline = crate::models::pipeline(args.models.as_deref())?;
    let results: Vec<Vec<Extraction>> = sentences
        .par_iter()
        .enumerate()
        .map(|(n, s)| {
            let mut doc = Document::new(format!("carb-{n}"), s.trim());
            pipeline.annotate_pretokenized(&mut doc);
            clauses::analyse(&doc)
        })
        .collect();

    let mut out = std::io::BufWriter::new(
        std::fs::File::create(&args.out)
            .with_context(|| format!("creating {}", args.out.display()))?,
    );
    let mut written = 0usize;
    for (sentence, extractions) in sentences.iter().zip(&results) {
        for e in extractions {
            if let Some(s) = usable(e) {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    sentence.trim(),
                    e.statement.confidence,
                    s.arg1,
                    s.relation,
                    s.args.join("\t")
                )?;
                written += 1;
            }
        }
    }
    out.flush()?;
    eprintln!(
        "wrote {written} extractions for {} sentences to {}",
        sentences.len(),
        args.out.display()
    );

    if let Some(path) = &args.fit_confidence {
        let gold = read_gold(&args.gold)?;
        let mut samples = Vec::new();
        for (sentence, extractions) in sentences.iter().zip(&results) {
            let Some(golds) = gold.get(&key(sentence)) else {
                continue;
            };
            for e in extractions {
                if let Some(s) = usable(e) {
                    let label = golds
                        .iter()
                        .map(|g| pair_precision(g, s))
                        .fold(0.0f32, f32::max);
                    samples.push((e.features, label));
                }
            }
        }
        let weights = kg_extract::confidence::fit(&samples, 4000, 1e-3);
        let note = format!(
            "Fitted on {} extractions of {} ({} sentences).",
            samples.len(),
            args.gold.file_name().unwrap_or_default().to_string_lossy(),
            sentences.len()
        );
        std::fs::write(
            path,
            kg_extract::confidence::weights_source(&weights, &note),
        )
        .with_context(|| format!("writing {}", path.display()))?;
        eprintln!(
            "wrote confidence weights to {} (rebuild kg to use them)",
            path.display()
        );
    }

    let commands = [
        vec![
            args.gold.display().to_string(),
            args.out.display().to_string(),
        ],
        vec![
            args.gold.display().to_string(),
            args.out.display().to_string(),
            "--recall-match".into(),
            "one".into(),
        ],
    ];
    match &args.scorer {
        Some(scorer) => {
            for (name, c) in ["CaRB", "CaRB(1-1)"].iter().zip(&commands) {
                println!("{name}:");
                let status = Command::new("python3")
                    .arg(scorer)
                    .args(c)
                    .status()
                    .with_context(|| format!("running python3 {}", scorer.display()))?;
                if !status.success() {
                    bail!("the scorer {} failed ({status})", scorer.display());
                }
            }
        }
        None => {
            eprintln!("score with:");
            for c in &commands {
                eprintln!("  python3 carb_score.py {}", c.join(" "));
            }
        }
    }
    Ok(())
}

/// The surface tuple of an extraction, when it has a relation and a first argument.
fn usable(e: &Extraction) -> Option<&Surface> {
    let s = e.surface.as_ref()?;
    (!s.relation.trim().is_empty() && !s.arg1.trim().is_empty()).then_some(s)
}

/// A gold tuple as the scorer binarises it: relation tokens and up to two argument slots.
struct Gold {
    rel: Vec<String>,
    slots: Vec<Vec<String>>,
}

/// The scorer's sentence key: no spaces, PTB brackets restored, ASCII punctuation dropped.
fn key(sentence: &str) -> String {
    let mut s: String = sentence.split_whitespace().collect();
    for (a, b) in [
        ("-LRB-", "("),
        ("-RRB-", ")"),
        ("-LSB-", "["),
        ("-RSB-", "]"),
        ("-LCB-", "{"),
        ("-RCB-", "}"),
    ] {
        s = s.replace(a, b);
    }
    s.chars().filter(|c| !c.is_ascii_punctuation()).collect()
}

fn read_gold(path: &Path) -> Result<HashMap<String, Vec<Gold>>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out: HashMap<String, Vec<Gold>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.trim().split('\t').collect();
        if f.len() < 2 {
            bail!(
                "{}:{}: a gold line needs a sentence and a relation",
                path.display(),
                n + 1
            );
        }
        let args: Vec<&str> = f[2..]
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.contains("C: "))
            .collect();
        out.entry(key(f[0])).or_default().push(Gold {
            rel: tokens(f[1]),
            slots: slots(&args),
        });
    }
    Ok(out)
}

fn tokens(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

fn slots(args: &[&str]) -> Vec<Vec<String>> {
    match args {
        [] => Vec::new(),
        [a] => vec![tokens(a)],
        [a, rest @ ..] => vec![tokens(a), rest.iter().flat_map(|r| tokens(r)).collect()],
    }
}

fn shared(a: &[String], b: &[String]) -> usize {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut n = 0;
    for w in b {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                n += 1;
            }
        }
    }
    n
}

/// CaRB's pair precision of a system tuple against a gold tuple (the scorer's `_pair`, without
/// the reporting-verb swap).
fn pair_precision(g: &Gold, s: &Surface) -> f32 {
    const BE: [&str; 8] = ["be", "is", "am", "are", "was", "were", "been", "being"];
    let rel = tokens(&s.relation);
    let mut args = vec![s.arg1.as_str()];
    args.extend(s.args.iter().map(String::as_str));
    let sys = slots(&args);
    let mut hit = shared(&g.rel, &rel);
    let be = |v: &[String]| v.iter().filter(|w| *w == "be").count();
    if g.rel.iter().any(|w| BE.contains(&w.as_str())) && be(&rel) > be(&g.rel) {
        hit += 1;
    }
    if hit == 0 {
        return 0.0;
    }
    let (mut p_hit, mut p_len) = (hit, rel.len());
    for (i, g_slot) in g.slots.iter().enumerate() {
        let Some(s_slot) = sys.get(i) else {
            return 0.0;
        };
        p_len += s_slot.len();
        p_hit += shared(g_slot, s_slot);
    }
    if p_len == 0 {
        0.0
    } else {
        p_hit as f32 / p_len as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_spacing_brackets_and_punctuation() {
        assert_eq!(
            key("Bush 's plan -LRB- 1990 -RRB- ."),
            key("Bush's plan (1990)")
        );
    }

    #[test]
    fn pair_precision_counts_shared_tokens_per_slot() {
        let g = Gold {
            rel: tokens("met"),
            slots: slots(&["Kim", "Putin", "at Vostochny"]),
        };
        let s = Surface {
            arg1: "Kim".into(),
            relation: "met".into(),
            args: vec!["Putin".into(), "on Monday".into()],
        };
        // rel 1/1, arg1 1/1, slot 2: "Putin on Monday" shares 1 of 3.
        assert!((pair_precision(&g, &s) - 3.0 / 5.0).abs() < 1e-6);
        let wrong = Surface {
            relation: "left".into(),
            ..s
        };
        assert_eq!(pair_precision(&g, &wrong), 0.0);
    }
}
