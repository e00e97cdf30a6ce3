//! What the end-to-end tests share: the real `kg` binary, paths into the repository, and a fresh
//! directory per test that is removed when the test passes and kept (for a look) when it fails.

// Each test file uses a part of this module.
#![allow(dead_code)]

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `kg args` in `cwd`.
pub fn kg(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run kg")
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

/// A fresh directory for one test, `kg-<test file>-<pid>-<name>` in the temporary directory:
/// removed when dropped, unless the test is failing (then it stays, with the store in it).
pub struct Workdir(PathBuf);

impl Workdir {
    pub fn new(name: &str) -> Workdir {
        let file = module_path!().split("::").next().unwrap_or("e2e");
        let dir = std::env::temp_dir().join(format!("kg-{file}-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Workdir(dir)
    }
}

impl Deref for Workdir {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl AsRef<Path> for Workdir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Workdir {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("kept {} for a look", self.0.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// [`Workdir::new`].
pub fn workdir(name: &str) -> Workdir {
    Workdir::new(name)
}
