//! Word classes learnt from large unlabelled text (Brown clusters, word-vector classes): a code
//! per word, looked up as written, then in lowercase, and carried inside the trained model.

use crate::perceptron::{hash_str, ByteReader, ByteWriter, ModelError};

/// Word classes from large unlabelled text, used as features and carried inside the trained
/// model: a positive code per word. Two are used: Brown-style hierarchical clusters
/// ([`NerOptions::clusters`](super::NerOptions::clusters): each word's path in a binary merge tree stored with the root's
/// branch in the lowest bit, so `path & ((1 << k) - 1)` is its cluster at depth `k`) and
/// word-vector classes ([`NerOptions::vectors`](super::NerOptions::vectors): packed row and k-means classes). Keys are hashed
/// exact forms; a form not found is looked up in lowercase.
#[derive(Clone, Default)]
pub struct Lexicon {
    map: crate::perceptron::KeyMap<u32>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} clustered words)", self.map.len())
    }
}

/// Why a cluster file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: expected `word<TAB>path` with a positive integer path, found {found:?}")]
pub struct LexiconError {
    pub line: usize,
    pub found: String,
}

impl Lexicon {
    /// Reads `word<TAB>path` lines (path > 0); `#` starts a comment line.
    pub fn parse_tsv(text: &str) -> Result<Lexicon, LexiconError> {
        let mut map = crate::perceptron::KeyMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || LexiconError {
                line: n + 1,
                found: line.to_string(),
            };
            let (word, path) = line.split_once('\t').ok_or_else(bad)?;
            let path: u32 = path.trim().parse().map_err(|_| bad())?;
            if path == 0 || word.is_empty() {
                return Err(bad());
            }
            map.insert(hash_str(word), path);
        }
        Ok(Lexicon { map })
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The path of `form`, else of `lower` (its lowercase form); 0 when neither is known.
    pub fn path(&self, form_hash: u64, lower_hash: u64) -> u32 {
        self.map
            .get(&form_hash)
            .or_else(|| self.map.get(&lower_hash))
            .copied()
            .unwrap_or(0)
    }

    pub(super) fn write(&self, w: &mut ByteWriter) {
        let mut entries: Vec<(u64, u32)> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        w.u32(entries.len() as u32);
        for (k, v) in entries {
            w.u64(k);
            w.u32(v);
        }
    }

    pub(super) fn read(r: &mut ByteReader<'_>) -> Result<Lexicon, ModelError> {
        let n = r.u32()? as usize;
        let mut map = crate::perceptron::KeyMap::default();
        map.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            map.insert(k, r.u32()?);
        }
        Ok(Lexicon { map })
    }
}
