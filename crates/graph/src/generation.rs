//! A store directory of immutable generations, switched atomically: how a build either completes
//! or leaves the previous graph exactly as it was, even under SIGKILL or a full disk.
//!
//! ```text
//! kg-store/
//!   HEAD              name of the published generation ("g000007"), replaced by rename
//!   write.lock        flock'ed by the one running build
//!   g000007/          the published oxigraph (RocksDB) store: never written again
//!   g000007.readers   flock'ed shared by every process reading g000007
//!   g000008/          the build in progress: a checkpoint of g000007 (hard links), then written
//! ```
//!
//! A build checkpoints the published generation (RocksDB hard-links its immutable SST files, so
//! this is cheap), writes the new one in as many batched transactions as it likes (nobody else can
//! see it), flushes and closes it, and publishes it by renaming a new `HEAD` over the old one,
//! the only step that changes what readers see. A crash before the rename leaves an unpublished
//! directory that the next build deletes; a crash after it leaves a complete generation. Readers
//! open the `HEAD` generation read-only, which is safe because nothing writes a published
//! generation, and hold a shared lock on it so that a later build removes it only once they are
//! done.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use oxigraph::store::Store;

use crate::{GraphError, KgStore};

const HEAD: &str = "HEAD";
const WRITE_LOCK: &str = "write.lock";
const READERS: &str = "readers";

/// What a store directory holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Layout {
    /// Nothing yet (missing or empty directory).
    Empty,
    /// Generations with a published `HEAD`.
    Generations { head: String },
    /// A plain oxigraph store written in place (tests, older kg versions).
    Plain,
}

/// Looks at `dir` without changing it.
pub fn layout(dir: &Path) -> Result<Layout, GraphError> {
    match fs::read_to_string(dir.join(HEAD)) {
        Ok(head) => {
            let head = head.trim().to_owned();
            if !is_generation_name(&head) {
                return Err(GraphError::Invalid(format!(
                    "{}: HEAD names {head:?}, not a generation",
                    dir.display()
                )));
            }
            return Ok(Layout::Generations { head });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_none() {
                Ok(Layout::Empty)
            } else if dir.join("CURRENT").is_file() {
                Ok(Layout::Plain)
            } else {
                // A build that never published leaves generations but no HEAD.
                let only_ours = fs::read_dir(dir)?.all(|e| {
                    e.ok().is_some_and(|e| {
                        let name = e.file_name();
                        let name = name.to_string_lossy();
                        name == WRITE_LOCK || is_generation_name(generation_of(&name))
                    })
                });
                if only_ours {
                    Ok(Layout::Empty)
                } else {
                    Err(GraphError::Invalid(format!(
                        "{} is neither a kg store nor empty",
                        dir.display()
                    )))
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Layout::Empty),
        Err(e) => Err(e.into()),
    }
}

fn is_generation_name(name: &str) -> bool {
    name.len() == 7 && name.starts_with('g') && name[1..].bytes().all(|b| b.is_ascii_digit())
}

/// "g000007" for "g000007", "g000007.readers", "g000007.tmp".
fn generation_of(file_name: &str) -> &str {
    file_name.split('.').next().unwrap_or(file_name)
}

fn generation_name(n: u32) -> String {
    format!("g{n:06}")
}

/// A shared lock on a published generation, held while a reader has it open.
#[derive(Debug)]
pub struct ReaderLock {
    _file: File,
}

/// Opens the published generation of `dir` read-only, holding its reader lock. Retries when a
/// build publishes (and removes the generation just read from `HEAD`) in between.
pub fn open_published(dir: &Path) -> Result<KgStore, GraphError> {
    for _ in 0..100 {
        let Layout::Generations { head } = layout(dir)? else {
            return Err(GraphError::Invalid(format!(
                "{} holds no published generation",
                dir.display()
            )));
        };
        let lock_path = dir.join(format!("{head}.{READERS}"));
        let file = match File::open(&lock_path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e.into()),
        };
        flock(&file, libc::LOCK_SH)?;
        // Still published? A build may have switched HEAD and removed `head` meanwhile; once we
        // hold the shared lock it can no longer remove it.
        if layout(dir)? != (Layout::Generations { head: head.clone() }) {
            continue;
        }
        let store = Store::open_read_only(dir.join(&head))?;
        return Ok(KgStore::with_reader_lock(store, ReaderLock { _file: file }));
    }
    Err(GraphError::Invalid(format!(
        "{}: HEAD kept changing while opening the store",
        dir.display()
    )))
}

/// Called at named points of a build; tests use it to kill the process there.
pub type Hook = Box<dyn Fn(&str)>;

/// A generation being built. Dropping it without [`Build::publish`] deletes it, leaving the
/// published graph as it was.
pub struct Build {
    dir: PathBuf,
    name: String,
    store: Option<KgStore>,
    previous: Option<KgStore>,
    published: bool,
    _write_lock: File,
    hook: Hook,
}

impl Build {
    /// Starts a new generation in `dir` (created if missing): a checkpoint of the published one,
    /// or an empty store when `from_scratch`. Fails if another build holds the store.
    pub fn begin(dir: &Path, from_scratch: bool, hook: Hook) -> Result<Build, GraphError> {
        fs::create_dir_all(dir)?;
        let layout = layout(dir)?;
        if layout == Layout::Plain {
            return Err(GraphError::Invalid(format!(
                "{} is a store written in place by an older kg; move it away and build again",
                dir.display()
            )));
        }
        let write_lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(WRITE_LOCK))?;
        if flock(&write_lock, libc::LOCK_EX | libc::LOCK_NB).is_err() {
            return Err(GraphError::Invalid(format!(
                "another kg build is writing {}; wait for it to finish",
                dir.display()
            )));
        }
        // Re-read under the lock: a build may have published since.
        let layout = self::layout(dir)?;
        let head = match &layout {
            Layout::Generations { head } => Some(head.clone()),
            _ => None,
        };
        remove_unpublished(dir, head.as_deref());
        hook("begin");
        let number = head
            .as_deref()
            .map_or(1, |h| h[1..].parse::<u32>().unwrap_or(0) + 1);
        let name = generation_name(number);
        let target = dir.join(&name);
        let previous = match head {
            Some(_) => Some(open_published(dir)?),
            None => None,
        };
        let store = match &previous {
            Some(old) if !from_scratch => old.oxigraph().backup(&target).and_then(|()| {
                hook("checkpointed");
                Store::open(&target)
            }),
            _ => Store::open(&target),
        };
        let store = match store {
            Ok(store) => KgStore::from_oxigraph(store),
            Err(e) => {
                // Out of space, most likely: leave nothing behind.
                let _ = fs::remove_dir_all(&target);
                return Err(e.into());
            }
        };
        Ok(Build {
            dir: dir.to_owned(),
            name,
            store: Some(store),
            previous,
            published: false,
            _write_lock: write_lock,
            hook,
        })
    }

    /// The store being built: write to it freely, nobody else sees it until [`Build::publish`].
    pub fn store(&self) -> &KgStore {
        self.store.as_ref().expect("store open until publish")
    }

    /// The published store this build started from, if any (read-only).
    pub fn previous(&self) -> Option<&KgStore> {
        self.previous.as_ref()
    }

    /// The new generation's name ("g000008").
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs the test hook at a named point.
    pub fn hook(&self, point: &str) {
        (self.hook)(point)
    }

    /// Makes the new generation the published one, atomically, and removes the old one unless a
    /// reader still has it open.
    pub fn publish(mut self) -> Result<(), GraphError> {
        let store = self.store.take().expect("store open until publish");
        store.oxigraph().flush()?;
        drop(store);
        let generation = self.dir.join(&self.name);
        sync_tree(&generation)?;
        (self.hook)("flushed");
        File::create(self.dir.join(format!("{}.{READERS}", self.name)))?.sync_all()?;
        let tmp = self.dir.join("HEAD.tmp");
        {
            let mut f = File::create(&tmp)?;
            writeln!(f, "{}", self.name)?;
            f.sync_all()?;
        }
        (self.hook)("head-written");
        fs::rename(&tmp, self.dir.join(HEAD))?;
        self.published = true;
        File::open(&self.dir)?.sync_all()?;
        (self.hook)("published");
        // The old generation is no longer ours to read.
        self.previous = None;
        remove_unpublished(&self.dir, Some(&self.name));
        (self.hook)("cleaned");
        Ok(())
    }
}

impl Drop for Build {
    fn drop(&mut self) {
        if !self.published {
            // Not published: this generation never existed for anyone else.
            drop(self.store.take());
            let _ = fs::remove_dir_all(self.dir.join(&self.name));
            let _ = fs::remove_file(self.dir.join(format!("{}.{READERS}", self.name)));
            let _ = fs::remove_file(self.dir.join("HEAD.tmp"));
        }
    }
}

/// Removes every generation but `keep` that no reader holds: leftovers of crashed builds and
/// generations replaced by a publish. Best effort: what cannot be removed now is removed by a
/// later build.
fn remove_unpublished(dir: &Path, keep: Option<&str>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != HEAD && n != WRITE_LOCK)
        .collect();
    names.sort();
    for name in names {
        let generation = generation_of(&name);
        if !is_generation_name(generation) && name != "HEAD.tmp" {
            continue;
        }
        if Some(generation) == keep {
            continue;
        }
        let path = dir.join(&name);
        if name.ends_with(&format!(".{READERS}")) {
            // Remove the generation while holding its lock exclusively: no reader then has it.
            let Ok(lock) = File::open(&path) else {
                continue;
            };
            if flock(&lock, libc::LOCK_EX | libc::LOCK_NB).is_err() {
                continue;
            }
            let _ = fs::remove_dir_all(dir.join(generation));
            let _ = fs::remove_file(&path);
        } else if !dir.join(format!("{generation}.{READERS}")).exists() {
            // Never published (a crashed build, RocksDB's checkpoint staging `.tmp`, HEAD.tmp).
            if path.is_dir() {
                let _ = fs::remove_dir_all(&path);
            } else {
                let _ = fs::remove_file(&path);
            }
        }
    }
}

fn flock(file: &File, operation: libc::c_int) -> io::Result<()> {
    loop {
        // SAFETY: flock on a file descriptor we own; no memory is passed.
        let rc = unsafe { libc::flock(file.as_raw_fd(), operation) };
        if rc == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        if err.kind() != io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
}

/// fsyncs every file of a directory and the directory itself.
fn sync_tree(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            File::open(entry.path())?.sync_all()?;
        }
    }
    File::open(dir)?.sync_all()
}
