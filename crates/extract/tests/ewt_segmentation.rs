//! Raw-text segmentation of UD English EWT, scored as in the CoNLL 2018 shared task. Needs the
//! treebank: `KG_EWT_DIR=/path/to/ud-english-ewt cargo test -p kg-extract --release --test
//! ewt_segmentation -- --ignored --nocapture`.

use kg_extract::segeval::eval_raw;

fn treebank(split: &str) -> Option<String> {
    let dir = std::env::var("KG_EWT_DIR").ok()?;
    std::fs::read_to_string(format!("{dir}/en_ewt-ud-{split}.conllu")).ok()
}

#[test]
#[ignore = "needs the EWT treebank in KG_EWT_DIR"]
fn ewt_raw_text_segmentation_meets_the_bars() {
    for split in ["train", "dev", "test"] {
        let Some(text) = treebank(split) else {
            panic!("set KG_EWT_DIR to the directory of en_ewt-ud-{split}.conllu");
        };
        let scores = eval_raw(&text, |_| {}).expect("treebank parses");
        println!("EWT {split}\n{scores}");
        if split == "test" {
            assert!(
                scores.tokens.f1() >= 0.98,
                "token F1 {:.4}",
                scores.tokens.f1()
            );
            assert!(
                scores.sentences.f1() >= 0.85,
                "sentence F1 {:.4}",
                scores.sentences.f1()
            );
        }
    }
}
