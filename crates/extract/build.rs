//! Fingerprints the code and compiled-in data that decide the extractor's statements (`src/`
//! without its unit tests, the NLP core's `../nlp/src/`, the data model's `../model/src/`,
//! `data/gazetteer/`) into `KG_EXTRACT_SOURCE`, which `Extractor::version` reports: a kg whose rules changed re-extracts
//! documents that an older kg already stored, instead of keeping their stale statements.

use std::path::PathBuf;

#[path = "build/fingerprint.rs"]
mod fingerprint;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut all = Vec::new();
    for dir in &fingerprint::source_dirs(&root) {
        println!("cargo:rerun-if-changed={}", dir.display());
        fingerprint::files(dir, &mut all);
    }
    all.sort();
    let h = fingerprint::fingerprint(&root, &all);
    println!("cargo:rustc-env=KG_EXTRACT_SOURCE={h:016x}");
}
