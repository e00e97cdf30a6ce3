//! The recogniser's file format: magic and version, the packed weights, the word classes and
//! the words of the word–label table (rebuilt from the weights on loading).

use super::decode::{label_rows, WordTransitions};
use super::labels::N_CLASSES;
use super::lexicon::Lexicon;
use super::Recognizer;
use crate::perceptron::{ByteReader, ByteWriter, ModelError, PackedWeights, Score};

const MAGIC: &[u8; 4] = b"KGNE";
/// 5: packed (quantised) weights, as the tagger and parser have, then the word clusters, the
/// word-vector classes and the words of [`WordTransitions`]. Version 4 lacked the last, and
/// versions 2 and 3 had other features, so their weights cannot be read.
const VERSION: u32 = 5;

impl Recognizer {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.bytes(MAGIC);
        w.u32(VERSION);
        w.blob(&self.weights.to_bytes());
        self.clusters.write(&mut w);
        self.vectors.write(&mut w);
        w.u32(self.words.keys.len() as u32);
        for &k in &self.words.keys {
            w.u64(k);
        }
        w.into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, ModelError> {
        let mut r = ByteReader::new(bytes);
        r.magic(MAGIC, "NER")?;
        let version = r.u32()?;
        let weights = match version {
            VERSION => PackedWeights::from_bytes(r.blob()?)?,
            found => {
                return Err(ModelError::UnsupportedVersion {
                    kind: "NER",
                    found,
                    supported: VERSION,
                })
            }
        };
        if weights.n_classes() != N_CLASSES {
            return Err(ModelError::Corrupt(format!(
                "NER model has {} classes, expected {N_CLASSES}",
                weights.n_classes()
            )));
        }
        let clusters = Lexicon::read(&mut r)?;
        let vectors = Lexicon::read(&mut r)?;
        let n = r.u32()? as usize;
        let keys = (0..n).map(|_| r.u64()).collect::<Result<Vec<u64>, _>>()?;
        let label_rows = label_rows(&weights);
        Ok(Recognizer {
            words: WordTransitions::build(&weights, keys),
            weights,
            clusters,
            vectors,
            label_rows,
        })
    }
}
