//! Directories for the tests, in the temporary directory: one per test, removed when the test
//! passes and kept (with the store in it, for a look) when it fails; or one shared by the tests
//! of a module, which lives as long as the test process.

use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A fresh directory for one test, `kg-e2e-<module>-<pid>-<name>`: removed when dropped, unless
/// the test is failing (then it stays).
pub struct Workdir(PathBuf);

/// A fresh [`Workdir`] named `name` within the calling test module.
#[track_caller]
pub fn workdir(name: &str) -> Workdir {
    let module = module_of_caller();
    let dir = std::env::temp_dir().join(format!("kg-e2e-{module}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Workdir(dir)
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

/// A fresh directory `kg-e2e-<module>-<pid>` for the tests of the calling module to share (kept
/// in a static, so never dropped). Those left by earlier runs whose process is gone are removed
/// first, so at most the last run's is left behind.
#[track_caller]
pub fn shared_dir() -> PathBuf {
    let prefix = format!("kg-e2e-{}-", module_of_caller());
    for entry in std::fs::read_dir(std::env::temp_dir()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(&prefix) else {
            continue;
        };
        let is_pid = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
        if is_pid && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let dir = std::env::temp_dir().join(format!("{prefix}{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The test module (its file's name) of the code that called the `#[track_caller]` function.
#[track_caller]
fn module_of_caller() -> String {
    Path::new(std::panic::Location::caller().file())
        .file_stem()
        .map_or_else(|| "e2e".to_owned(), |s| s.to_string_lossy().into_owned())
}
