//! The NER half of `kg model train|eval --uner DIR`: reads UNER English-EWT (IOB2) and the UD
//! treebank, trains or scores the entity recogniser (`ner.bin`). File reading and printing only;
//! features, training and scoring live in `kg_nlp::ner`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kg_nlp::conllu;
use kg_nlp::ner::{
    group_documents, parse_iob2, DocumentHistory, Evaluation, LabelledSentence, Lexicon,
    NerOptions, Recognizer,
};
use kg_nlp::tagger::{Tagger, TaggerOptions};
use kg_nlp::training;

/// File name of the entity recogniser inside a models directory.
pub const NER_FILE: &str = "ner.bin";

/// The word clusters the recogniser is trained with (see data/gazetteer/README.md); read from
/// the source tree, since training is done from a checkout. The trained model carries them.
const CLUSTERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/clusters.tsv"
);

/// The word-vector classes the recogniser is trained with, read and carried the same way.
const VECTOR_CLASSES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/vector_classes.tsv"
);

/// Folds for jackknifing the POS tags of the NER training sentences.
const FOLDS: usize = 4;

/// Trains the recogniser on UNER train with POS tags predicted the way they will be at run time
/// (each fold of the treebank tagged by a tagger trained on the others) and writes `ner.bin`.
pub fn train(uner_dir: &Path, treebank_dir: &Path, models_dir: &Path) -> Result<()> {
    let start = Instant::now();
    let mut train = read_uner(uner_dir, "train")?;
    let path = find_file(treebank_dir, "-ud-train.conllu")?;
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let treebank = conllu::parse(&text).with_context(|| format!("parsing {}", path.display()))?;
    let ids: Vec<String> = treebank
        .iter()
        .map(|s| s.id.clone().unwrap_or_default())
        .collect();
    let sentences: Vec<_> = treebank.into_iter().map(|s| s.sentence).collect();
    eprintln!(
        "[{:>6.1}s] jackknifing tags over {} treebank sentences ({FOLDS} folds)",
        start.elapsed().as_secs_f64(),
        sentences.len()
    );
    let tagged = training::jackknife_tags(&sentences, FOLDS, &TaggerOptions::default());
    let by_id: HashMap<&str, &kg_model::Sentence> =
        ids.iter().map(String::as_str).zip(&tagged).collect();
    // UNER lists the treebank's words; the few sentences EWT re-tokenised since are tagged by a
    // tagger trained on everything instead.
    let mut fallback: Option<Tagger> = None;
    let mut retagged = 0;
    for s in &mut train {
        match by_id
            .get(s.id.as_str())
            .filter(|t| t.tokens.len() == s.sentence.tokens.len())
        {
            Some(t) => {
                for (dst, src) in s.sentence.tokens.iter_mut().zip(&t.tokens) {
                    dst.xpos = src.xpos;
                    dst.upos = src.upos;
                }
            }
            None => {
                let tagger = fallback
                    .get_or_insert_with(|| Tagger::train(&sentences, &TaggerOptions::default()));
                tagger.tag(&mut s.sentence);
                retagged += 1;
            }
        }
    }
    eprintln!("[{:>6.1}s] training the recogniser on {} sentences ({retagged} not aligned with the treebank)", start.elapsed().as_secs_f64(), train.len());
    let text = std::fs::read_to_string(CLUSTERS).with_context(|| format!("reading {CLUSTERS}"))?;
    let clusters = Lexicon::parse_tsv(&text).with_context(|| format!("parsing {CLUSTERS}"))?;
    let text = std::fs::read_to_string(VECTOR_CLASSES)
        .with_context(|| format!("reading {VECTOR_CLASSES}"))?;
    let vectors = Lexicon::parse_tsv(&text).with_context(|| format!("parsing {VECTOR_CLASSES}"))?;
    let docs: Vec<Vec<kg_model::Sentence>> = group_documents(&train)
        .into_iter()
        .map(|d| d.iter().map(|s| s.sentence.clone()).collect())
        .collect();
    let docs: Vec<&[kg_model::Sentence]> = docs.iter().map(Vec::as_slice).collect();
    let options = NerOptions {
        clusters,
        vectors,
        ..NerOptions::default()
    };
    let recognizer = Recognizer::train_documents(&docs, &options);
    std::fs::create_dir_all(models_dir)
        .with_context(|| format!("creating {}", models_dir.display()))?;
    let out = models_dir.join(NER_FILE);
    let bytes = recognizer.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} features) in {:.1}s",
        out.display(),
        bytes.len(),
        recognizer.n_features(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Scores `ner.bin` on UNER dev and test (tokens as given, POS from `tagger.bin`): entity-level
/// P/R/F1 per type and overall, exact span and type, for the model alone and with the post-rules
/// of `Recognizer::recognize`; then load time and cost per token against tagging and parsing.
pub fn eval(uner_dir: &Path, models_dir: &Path) -> Result<()> {
    let read = |name: &str| -> Result<Vec<u8>> {
        let path = models_dir.join(name);
        std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
    };
    let bytes = read(NER_FILE)?;
    let start = Instant::now();
    let recognizer = Recognizer::from_bytes(&bytes)
        .with_context(|| format!("loading {}", models_dir.join(NER_FILE).display()))?;
    println!(
        "ner model loaded in {:.1} ms ({} bytes)",
        start.elapsed().as_secs_f64() * 1e3,
        bytes.len()
    );
    let syntax = super::load(models_dir)?;
    println!("split  type   gold  pred     P      R      F1   (model | with post-rules F1)");
    let (mut ner_ns, mut syntax_ns, mut tokens) = (0u128, 0u128, 0usize);
    for split in ["dev", "test"] {
        let data = read_uner(uner_dir, split)?;
        let (mut raw, mut post) = (Evaluation::default(), Evaluation::default());
        // Documents in order, each with its own prediction history (as the pipeline runs).
        for doc in group_documents(&data) {
            let mut raw_history = DocumentHistory::default();
            let mut history = DocumentHistory::default();
            for s in doc {
                let mut sentence = s.sentence.clone();
                sentence.mentions.clear();
                let t0 = Instant::now();
                syntax.annotate(&mut sentence);
                let t1 = Instant::now();
                let predicted = recognizer.predict_in(&sentence.tokens, &mut raw_history);
                recognizer.recognize_in(&mut sentence, &mut history);
                let t2 = Instant::now();
                syntax_ns += (t1 - t0).as_nanos();
                // predict + recognize ran the model twice.
                ner_ns += (t2 - t1).as_nanos() / 2;
                tokens += sentence.tokens.len();
                raw.add(&s.sentence.mentions, &predicted);
                post.add(&s.sentence.mentions, &sentence.mentions);
            }
        }
        let types = Evaluation::types();
        let rows = types
            .iter()
            .map(|t| t.as_str())
            .zip(raw.by_type.iter().zip(&post.by_type));
        let overall = (raw.overall(), post.overall());
        for (name, (c, p)) in rows.chain([("ALL", (&overall.0, &overall.1))]) {
            println!(
                "{split:<5} {name:<5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}   | {:.3}",
                c.gold,
                c.predicted,
                c.precision(),
                c.recall(),
                c.f1(),
                p.f1()
            );
        }
    }
    let per = |ns: u128| ns as f64 / tokens.max(1) as f64;
    println!(
        "ns/token: tag+lemma+parse {:.0}, ner {:.0} ({:.0}% on top)",
        per(syntax_ns),
        per(ner_ns),
        100.0 * per(ner_ns) / per(syntax_ns).max(1.0)
    );
    Ok(())
}

fn read_uner(dir: &Path, split: &str) -> Result<Vec<LabelledSentence>> {
    let path = find_file(dir, &format!("-{split}.iob2"))?;
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    parse_iob2(&text).with_context(|| format!("parsing {}", path.display()))
}

/// The first file (by name) in `dir` whose name ends with `suffix`.
fn find_file(dir: &Path, suffix: &str) -> Result<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(suffix))
        {
            found.push(path);
        }
    }
    found.sort();
    match found.into_iter().next() {
        Some(p) => Ok(p),
        None => bail!("no *{suffix} file in {}", dir.display()),
    }
}
