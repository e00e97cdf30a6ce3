//! `Extractor::version` tells models apart by their contents: a model retrained to the same size
//! gives another version, so stored documents are extracted again with it.

use kg_extract::{Extractor, Pipeline};
use std::path::Path;

fn shipped(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/models")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn version(tagger: &[u8], lemma: &[u8]) -> String {
    Extractor::new(Pipeline::load(&[("tagger.bin", tagger), ("lemma.bin", lemma)]).expect("models"))
        .version()
}

#[test]
fn a_model_of_the_same_size_with_other_bytes_changes_the_version() {
    let (tagger, lemma) = (shipped("tagger.bin"), shipped("lemma.bin"));
    // The lemmatiser ends inside its last exception's lemma: another letter there is still a
    // valid model, of the same size.
    let mut retrained = lemma.clone();
    let last = retrained.last_mut().unwrap();
    assert!(
        last.is_ascii_lowercase(),
        "lemma.bin no longer ends in a letter"
    );
    *last = if *last == b'x' { b'y' } else { b'x' };

    let before = version(&tagger, &lemma);
    assert_eq!(
        before,
        version(&tagger, &lemma),
        "same models, same version"
    );
    let after = version(&tagger, &retrained);
    assert_eq!(retrained.len(), lemma.len());
    assert_ne!(before, after);
    // Each model is named with 16 hex digits of its hash, the unchanged tagger's kept.
    let models = |v: &str| -> Vec<String> {
        let list = v.rsplit_once('[').unwrap().1.trim_end_matches(']');
        list.split(' ').map(str::to_owned).collect()
    };
    let (old, new) = (models(&before), models(&after));
    assert_eq!(old.len(), 2, "{before}");
    for m in &old {
        let (name, hash) = m.split_once(':').unwrap();
        assert!(name.ends_with(".bin"), "{m}");
        assert!(
            hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{m}"
        );
    }
    assert_ne!(old[0], new[0], "lemma.bin");
    assert_eq!(old[1], new[1], "tagger.bin");
}
