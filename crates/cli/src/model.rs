//! `kg model train|eval`: trains the tagger, lemmatiser and parser on a UD treebank directory and
//! scores them. File reading and printing only; training and scoring live in
//! `kg_nlp::training`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kg_model::doc::Sentence;
use kg_nlp::conllu;
use kg_nlp::pipeline::{Pipeline, Step, Steps};
use kg_nlp::training::{self, TrainOptions};

// The entity recogniser's half of `--uner` (its own file, so main.rs needs no change).
#[path = "ner_cmd.rs"]
mod ner_cmd;

/// File names of the syntactic models inside a models directory.
pub const TAGGER_FILE: &str = "tagger.bin";
pub const LEMMA_FILE: &str = "lemma.bin";
pub const PARSER_FILE: &str = "parser.bin";

#[derive(clap::Subcommand)]
pub enum ModelCommand {
    /// Train the tagger, lemmatiser and parser on a UD treebank (its *-ud-train.conllu) and
    /// write them to the models directory. Deterministic for a given seed.
    Train {
        /// Directory holding <name>-ud-train.conllu (e.g. UD_English-EWT).
        #[arg(long)]
        treebank: PathBuf,
        /// Where to write tagger.bin, lemma.bin and parser.bin.
        #[arg(long, default_value = "data/models")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Folds for jackknifing tags over the parser's training data.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// UNER English-EWT directory, to train the entity recogniser (ner.bin) too.
        #[arg(long)]
        uner: Option<PathBuf>,
    },
    /// Score the models on the treebank's dev and test files with gold tokenisation: UPOS,
    /// XPOS, FEATS and lemma accuracy, UAS and LAS; also load time and speed. Each split is
    /// scored twice: the syntax models alone, and the whole pipeline (with the repairs).
    Eval {
        #[arg(long)]
        treebank: PathBuf,
        #[arg(long, default_value = "data/models")]
        models: PathBuf,
        /// UNER English-EWT directory, to score the entity recogniser (ner.bin) too.
        #[arg(long)]
        uner: Option<PathBuf>,
    },
}

pub fn run(cmd: ModelCommand) -> Result<()> {
    match cmd {
        ModelCommand::Train {
            treebank,
            out,
            seed,
            folds,
            uner,
        } => {
            let sentences = read_split(&treebank, "train")?;
            let options = TrainOptions {
                folds,
                ..TrainOptions::default()
            }
            .with_seed(seed);
            let start = Instant::now();
            let models = training::train(&sentences, &options, &mut |step| {
                eprintln!("[{:>6.1}s] {step}", start.elapsed().as_secs_f64())
            });
            std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
            for (name, bytes) in [
                (TAGGER_FILE, models.tagger.to_bytes()),
                (LEMMA_FILE, models.lemmatizer.to_bytes()),
                (PARSER_FILE, models.parser.to_bytes()),
            ] {
                let path = out.join(name);
                std::fs::write(&path, &bytes)
                    .with_context(|| format!("writing {}", path.display()))?;
                eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
            }
            eprintln!("trained in {:.1}s", start.elapsed().as_secs_f64());
            // Entity recogniser (ner_cmd.rs), only when UNER is given.
            if let Some(uner) = uner {
                ner_cmd::train(&uner, &treebank, &out)?;
            }
            Ok(())
        }
        ModelCommand::Eval {
            treebank,
            models,
            uner,
        } => {
            let start = Instant::now();
            let loaded = load(&models)?;
            println!(
                "models loaded in {:.0} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
            let pipeline = &loaded.pipeline;
            let runs = analyses(pipeline);
            for (label, steps) in &runs {
                let names: Vec<&str> = steps.iter().map(Step::name).collect();
                println!("{label}: {}", names.join(" + "));
            }
            println!(
                "split analysis  words   UPOS   XPOS  FEATS  LEMMA    UAS    LAS  LAS(univ)  µs/word"
            );
            for split in ["dev", "test"] {
                let gold = read_split(&treebank, split)?;
                for (label, steps) in &runs {
                    let start = Instant::now();
                    let s = training::evaluate(pipeline, *steps, &gold);
                    let micros = start.elapsed().as_secs_f64() * 1e6 / s.words.max(1) as f64;
                    println!(
                        "{split:<5} {label:<8} {:>6} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>10.2} {:>8.2}",
                        s.words, s.upos, s.xpos, s.feats, s.lemma, s.uas, s.las, s.las_universal, micros
                    );
                }
            }
            raw_text_eval(&treebank, &models, pipeline, &runs)?;
            // Entity recogniser (ner_cmd.rs), only when UNER is given.
            if let Some(uner) = uner {
                ner_cmd::eval(&uner, &models)?;
            }
            Ok(())
        }
    }
}

/// What `kg model eval` scores, both from the one pipeline: the syntax models alone (the
/// accuracy data/models/README.md quotes) and every step the loaded models allow (what builds
/// the graph: the repairs, and the recogniser, whose name repairs move words of the tree).
fn analyses(pipeline: &Pipeline) -> [(&'static str, Steps); 2] {
    let runnable = Step::ORDER
        .into_iter()
        .filter(|&s| !pipeline.can_run(s))
        .fold(Steps::ALL, Steps::without);
    [("models", training::SYNTAX_MODELS), ("pipeline", runnable)]
}

/// The pipeline of a models directory, which must hold the tagger, lemmatiser and parser (the
/// recogniser, `ner.bin`, is used when present).
pub struct LoadedModels {
    pub pipeline: Pipeline,
}

impl LoadedModels {
    /// Runs the syntax models alone on one treebank sentence whose tokens have forms: what the
    /// recogniser's evaluation (ner_cmd.rs) reads its tags from.
    pub fn annotate(&self, sentence: &mut Sentence) {
        training::annotate(&self.pipeline, training::SYNTAX_MODELS, sentence);
    }
}

/// Loads the pipeline from a models directory; the parser is required.
pub fn load(dir: &Path) -> Result<LoadedModels> {
    let pipeline = crate::models::pipeline(Some(dir))?;
    if !pipeline.can_run(Step::Parser) {
        bail!(
            "no {PARSER_FILE} in {}: train the models with `kg model train`",
            dir.display()
        );
    }
    Ok(LoadedModels { pipeline })
}

/// Reads and parses the treebank file of one split (`*-ud-<split>.conllu`) in `dir`.
pub fn read_split(dir: &Path, split: &str) -> Result<Vec<Sentence>> {
    let suffix = format!("-ud-{split}.conllu");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(&suffix))
        {
            found.push(path);
        }
    }
    found.sort();
    let Some(path) = found.first() else {
        bail!(
            "no *{suffix} file in {} (expected a UD treebank directory)",
            dir.display()
        );
    };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let sentences = conllu::parse(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok(sentences.into_iter().map(|s| s.sentence).collect())
}

/// Scores the analyses from raw text as the CoNLL 2018 shared task did: the tokeniser and
/// sentence splitter (with `sentences.bin` when present) segment each document's text, the steps
/// annotate, and `kg_nlp::segeval` aligns the result to gold by character spans.
fn raw_text_eval(
    treebank: &Path,
    models: &Path,
    pipeline: &Pipeline,
    runs: &[(&str, Steps)],
) -> Result<()> {
    use kg_nlp::sentences::BoundaryModel;
    let boundaries = match std::fs::read(models.join("sentences.bin")) {
        Ok(bytes) => Some(
            BoundaryModel::from_bytes(&bytes)
                .with_context(|| format!("loading {}", models.join("sentences.bin").display()))?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(e).context(format!(
                "reading {}",
                models.join("sentences.bin").display()
            ))
        }
    };
    for split in ["dev", "test"] {
        let suffix = format!("-ud-{split}.conllu");
        let mut found: Vec<PathBuf> = std::fs::read_dir(treebank)
            .with_context(|| format!("reading {}", treebank.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with(&suffix))
            })
            .collect();
        found.sort();
        let Some(path) = found.first() else {
            bail!("no *{suffix} file in {}", treebank.display());
        };
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        for (label, steps) in runs {
            let scores = kg_nlp::segeval::eval_raw(&text, boundaries.as_ref(), |s| {
                training::annotate(pipeline, *steps, s)
            })
            .with_context(|| format!("parsing {}", path.display()))?;
            println!(
                "\nraw text, {split}, {label} (CoNLL 2018 style, own segmentation):\n{scores}"
            );
        }
    }
    Ok(())
}
