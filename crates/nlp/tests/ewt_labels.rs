//! Every label of UD English-EWT is one kg's typed labels know, and reading then writing the
//! treebank reproduces it byte for byte (so FEATS keep their spelling and order). Runs only where
//! the treebank is present.

use kg_nlp::conllu;
use std::path::Path;

#[test]
fn ewt_reads_with_known_labels_and_writes_back_unchanged() {
    let dir = Path::new("/work/shared/data/ud-english-ewt");
    for split in ["train", "dev", "test"] {
        let path = dir.join(format!("en_ewt-ud-{split}.conllu"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} not present", path.display());
            return;
        };
        let sentences = conllu::parse(&text).unwrap_or_else(|e| panic!("{split}: {e}"));
        assert!(
            conllu::write(&sentences) == text,
            "{split} written differently"
        );
    }
}
