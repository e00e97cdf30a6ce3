//! Raw-text segmentation of UD English EWT, scored as in the CoNLL 2018 shared task. Needs the
//! treebank: `KG_EWT_DIR=/path/to/ud-english-ewt cargo test -p kg-extract --release --test
//! ewt_segmentation -- --ignored --nocapture`.

use kg_nlp::segeval::eval_raw;
use kg_nlp::sentences::BoundaryModel;

/// The committed boundary model, as the `kg` binary embeds it.
fn boundary_model() -> BoundaryModel {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/models/sentences.bin"
    );
    let bytes = std::fs::read(path).expect("data/models/sentences.bin");
    BoundaryModel::from_bytes(&bytes).expect("model loads")
}

fn treebank(split: &str) -> Option<String> {
    let dir = std::env::var("KG_EWT_DIR").ok()?;
    std::fs::read_to_string(format!("{dir}/en_ewt-ud-{split}.conllu")).ok()
}

#[test]
#[ignore = "needs the EWT treebank in KG_EWT_DIR"]
fn ewt_raw_text_segmentation_meets_the_bars() {
    let model = boundary_model();
    for split in ["dev", "test"] {
        let Some(text) = treebank(split) else {
            panic!("set KG_EWT_DIR to the directory of en_ewt-ud-{split}.conllu");
        };
        let scores = eval_raw(&text, Some(&model), |_| {}).expect("treebank parses");
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

/// Prints sentence-boundary errors on dev with context, for working on the splitter.
#[test]
#[ignore = "diagnostic; needs the EWT treebank in KG_EWT_DIR"]
fn ewt_dev_sentence_boundary_errors() {
    use kg_nlp::{conllu, doc::Document, tokenize::segment_with};
    let model = boundary_model();
    let text = treebank("dev").expect("set KG_EWT_DIR");
    let docs = conllu::to_documents(&conllu::parse(&text).expect("parses"));
    let (mut missed, mut spurious) = (Vec::new(), Vec::new());
    for gold in &docs {
        let mut doc = Document::new(gold.id.clone(), gold.text.clone());
        segment_with(&mut doc, Some(&model));
        let g: std::collections::BTreeSet<usize> = gold.sentences.iter().map(|s| s.end).collect();
        let s: std::collections::BTreeSet<usize> = doc.sentences.iter().map(|s| s.end).collect();
        let context = |at: usize| {
            let a = doc.text.floor_char_boundary(at.saturating_sub(40));
            let b = doc.text.ceil_char_boundary((at + 30).min(doc.text.len()));
            format!("{}‖{}", &doc.text[a..at], &doc.text[at..b]).replace('\n', "¶")
        };
        missed.extend(g.difference(&s).map(|&at| context(at)));
        spurious.extend(s.difference(&g).map(|&at| context(at)));
    }
    println!("missed {} spurious {}", missed.len(), spurious.len());
    for m in missed.iter().take(80) {
        println!("MISS {m}");
    }
    for m in spurious.iter().take(60) {
        println!("FALSE {m}");
    }
}

/// Prints tokenisation errors on dev (gold surface tokens the tokeniser did not produce).
#[test]
#[ignore = "diagnostic; needs the EWT treebank in KG_EWT_DIR"]
fn ewt_dev_token_errors() {
    use kg_nlp::{conllu, tokenize::tokenize};
    let text = treebank("dev").expect("set KG_EWT_DIR");
    let docs = conllu::to_documents(&conllu::parse(&text).expect("parses"));
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for gold in &docs {
        let spans: std::collections::BTreeSet<(usize, usize)> = tokenize(&gold.text)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        for s in &gold.sentences {
            for t in &s.tokens {
                let multiword = s
                    .tokens
                    .iter()
                    .filter(|u| (u.start, u.end) == (t.start, t.end))
                    .count()
                    > 1;
                if !multiword && !spans.contains(&(t.start, t.end)) {
                    let a = gold.text.floor_char_boundary(t.start.saturating_sub(12));
                    let b = gold
                        .text
                        .ceil_char_boundary((t.end + 12).min(gold.text.len()));
                    let key = format!("{} ‖ {}", &gold.text[t.start..t.end], &gold.text[a..b]);
                    *counts.entry(key.replace('\n', "¶")).or_default() += 1;
                }
            }
        }
    }
    for (k, n) in &counts {
        println!("{n} {k}");
    }
}
