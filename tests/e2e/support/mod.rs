//! What the end-to-end tests share: running the real `kg` binary, paths into the repository,
//! dumps written for a test, a directory per test ([`workdir`]) and a store read back through
//! `kg query` ([`store`]). Checks that belong to one area stay in that area's module.

pub mod store;
mod workdir;

pub use workdir::{shared_dir, workdir, Workdir};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `kg args` in `cwd`, to be run or spawned by the caller.
pub fn kg_command(args: &[&str], cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
    command.args(args).current_dir(cwd);
    command
}

/// Runs `kg args` in `cwd`.
pub fn kg(args: &[&str], cwd: &Path) -> Output {
    kg_command(args, cwd).output().expect("run kg")
}

/// Runs `kg args` in `cwd`, which must succeed: its standard output.
pub fn ok(args: &[&str], cwd: &Path) -> String {
    let out = kg(args, cwd);
    assert!(
        out.status.success(),
        "kg {args:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `kg args` must fail, saying `message`.
pub fn fails(args: &[&str], cwd: &Path, message: &str) {
    let out = kg(args, cwd);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "kg {args:?} succeeded");
    assert!(stderr.contains(message), "kg {args:?} said:\n{stderr}");
}

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The bundled sample dump, as an absolute path.
pub fn sample() -> String {
    repo()
        .join("data/kim-putin-2023-09.txt")
        .display()
        .to_string()
}

/// Writes a JSONL dump of `(id, text)` documents to `path`.
pub fn write_jsonl<S: AsRef<str>>(path: &Path, docs: &[(S, S)]) {
    let mut text = String::new();
    for (id, body) in docs {
        text.push_str(&serde_json::json!({ "id": id.as_ref(), "text": body.as_ref() }).to_string());
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}
