//! Fingerprints the code and compiled-in data that decide the extractor's statements (`src/`
//! without its unit tests, the data model's crate `../model/src/`, `data/gazetteer/`) into
//! `KG_EXTRACT_SOURCE`, which `Pipeline::version` reports: a kg whose rules changed re-extracts
//! documents that an older kg already stored, instead of keeping their stale statements.

use std::path::PathBuf;

#[path = "build/fingerprint.rs"]
mod fingerprint;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dirs = [
        root.join("src"),
        root.join("../model/src"),
        root.join("../../data/gazetteer"),
    ];
    let mut all = Vec::new();
    for dir in &dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        fingerprint::files(dir, &mut all);
    }
    all.sort();
    let h = fingerprint::fingerprint(&root, &all);
    println!("cargo:rustc-env=KG_EXTRACT_SOURCE={h:016x}");
}
