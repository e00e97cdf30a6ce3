//! Embeds every model under `data/models/` into the binary, so that `kg` is one self-contained
//! file; `--models DIR` still loads others at run time.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // The manifest directory of this build, read when the script runs: `env!` would bake in the
    // checkout that compiled the script, and cargo reuses a compiled build script for another
    // checkout that shares the target directory (that once gave a kg without models).
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../data/models");
    println!("cargo:rerun-if-changed={}", dir.display());
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading the models directory {}: {e}", dir.display()));
    let mut names: Vec<String> = entries
        .map(|e| e.expect("models directory entry"))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".bin"))
        .collect();
    names.sort();
    if names.is_empty() {
        println!(
            "cargo:warning=no models in {}: this kg needs --models DIR (train them with `kg model train`)",
            dir.display()
        );
    }
    let mut code = String::from("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for name in &names {
        let path = dir.join(name).canonicalize().expect("model path");
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("models.rs");
    std::fs::write(out, code).unwrap();
}
