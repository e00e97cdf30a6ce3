//! Where the NLP models come from: embedded in the binary at build time, or a directory.

use std::path::Path;

use anyhow::{Context, Result};
use kg_nlp::pipeline::Pipeline;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/models.rs"));
}

/// Loads the pipeline from `dir` when given, else from the models embedded in this binary.
pub fn pipeline(dir: Option<&Path>) -> Result<Pipeline> {
    match dir {
        None => Ok(Pipeline::load(embedded::EMBEDDED)?),
        Some(dir) => {
            let mut files = Vec::new();
            for entry in
                std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?
            {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == "bin") {
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("reading {}", path.display()))?;
                    files.push((name, bytes));
                }
            }
            files.sort();
            let borrowed: Vec<(&str, &[u8])> = files
                .iter()
                .map(|(n, b)| (n.as_str(), b.as_slice()))
                .collect();
            Pipeline::load(&borrowed)
                .with_context(|| format!("loading models from {}", dir.display()))
        }
    }
}

/// One line per model file ("parser.bin sha256:… 29353387 bytes"), recorded in the build history
/// so that a graph says which models made it.
pub fn versions(dir: Option<&Path>) -> Result<Vec<String>> {
    let describe = |name: &str, bytes: &[u8]| {
        format!(
            "{name} sha256:{} {} bytes",
            kg_graph::vocab::sha256_hex(bytes),
            bytes.len()
        )
    };
    match dir {
        None => Ok(embedded::EMBEDDED
            .iter()
            .map(|(name, bytes)| describe(name, bytes))
            .collect()),
        Some(dir) => {
            let mut out = Vec::new();
            for entry in
                std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?
            {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == "bin") {
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("reading {}", path.display()))?;
                    out.push(describe(&name, &bytes));
                }
            }
            out.sort();
            Ok(out)
        }
    }
}

/// The lemmatiser alone (`lemma.bin` from `dir`, else the embedded one), for scorers that compare
/// words by lemma.
pub fn lemmatizer(dir: Option<&Path>) -> Result<kg_nlp::lemma::Lemmatizer> {
    let bytes = match dir {
        None => embedded::EMBEDDED
            .iter()
            .find(|(name, _)| *name == "lemma.bin")
            .map(|(_, bytes)| bytes.to_vec())
            .context("this kg has no embedded lemma.bin: pass --models DIR")?,
        Some(dir) => {
            let path = dir.join("lemma.bin");
            std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?
        }
    };
    kg_nlp::lemma::Lemmatizer::from_bytes(&bytes).context("loading lemma.bin")
}
