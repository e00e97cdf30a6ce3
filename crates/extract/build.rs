//! Fingerprints the extractor's own code and compiled-in data (`src/`, `data/gazetteer/`) into
//! `KG_EXTRACT_SOURCE`, which `Pipeline::version` reports: a kg whose rules changed re-extracts
//! documents that an older kg already stored, instead of keeping their stale statements.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dirs = [root.join("src"), root.join("../../data/gazetteer")];
    let mut all = Vec::new();
    for dir in &dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        files(dir, &mut all);
    }
    all.sort();
    // FNV-1a, 64 bits: stable across Rust versions (std's hashers are not promised to be).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in &all {
        let name = path.strip_prefix(&root).unwrap_or(path);
        eat(name.to_string_lossy().as_bytes());
        eat(&[0]);
        eat(&std::fs::read(path).unwrap_or_default());
        eat(&[0]);
    }
    println!("cargo:rustc-env=KG_EXTRACT_SOURCE={h:016x}");
}
