//! The shipped tagger, lemmatiser and parser (data/models) load, agree with themselves after a
//! save/load cycle, always produce single-rooted trees, and keep their measured EWT dev accuracy
//! (that last check runs only where the treebank is present).

use kg_extract::conllu;
use kg_extract::doc::{Sentence, Token, Upos};
use kg_extract::lemma::Lemmatizer;
use kg_extract::parser::Parser;
use kg_extract::tagger::Tagger;
use kg_extract::training::{evaluate, SyntaxModels};
use std::path::Path;

fn models() -> SyntaxModels {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/models");
    let read = |n: &str| std::fs::read(dir.join(n)).unwrap_or_else(|e| panic!("{n}: {e}"));
    SyntaxModels {
        tagger: Tagger::from_bytes(&read("tagger.bin")).expect("tagger"),
        lemmatizer: Lemmatizer::from_bytes(&read("lemma.bin")).expect("lemmatizer"),
        parser: Parser::from_bytes(&read("parser.bin")).expect("parser"),
    }
}

fn sentence(text: &str) -> Sentence {
    Sentence {
        tokens: text
            .split(' ')
            .map(|w| Token {
                form: w.to_string(),
                ..Token::default()
            })
            .collect(),
        ..Sentence::default()
    }
}

#[test]
fn annotates_a_plain_sentence() {
    let m = models();
    let mut s = sentence("The president met the prime minister in Moscow on Wednesday .");
    m.annotate(&mut s);
    let t = &s.tokens;
    let upos: Vec<Upos> = t.iter().map(|t| t.upos).collect();
    use Upos::*;
    assert_eq!(
        upos,
        [Det, Noun, Verb, Det, Adj, Noun, Adp, Propn, Adp, Propn, Punct]
    );
    assert_eq!(t[2].lemma, "meet");
    assert_eq!((t[2].head, t[2].deprel.as_str()), (None, "root"));
    assert_eq!((t[1].head, t[1].deprel.as_str()), (Some(2), "nsubj"));
    assert_eq!((t[5].head, t[5].deprel.as_str()), (Some(2), "obj"));
    assert_eq!(t[7].head, Some(2));
}

#[test]
fn every_parse_is_one_rooted_tree_and_models_round_trip() {
    let m = models();
    let again = SyntaxModels {
        tagger: Tagger::from_bytes(&m.tagger.to_bytes()).unwrap(),
        lemmatizer: Lemmatizer::from_bytes(&m.lemmatizer.to_bytes()).unwrap(),
        parser: Parser::from_bytes(&m.parser.to_bytes()).unwrap(),
    };
    for text in [
        "Hi",
        ". . . ,",
        "lol u there ??",
        "Kim Jong Un arrived by armoured train , officials said , and left two days later .",
        "the the the the the the the",
    ] {
        let mut a = sentence(text);
        let mut b = sentence(text);
        m.annotate(&mut a);
        again.annotate(&mut b);
        let n = a.tokens.len();
        assert_eq!(
            a.tokens.iter().filter(|t| t.head.is_none()).count(),
            1,
            "{text}"
        );
        for (i, t) in a.tokens.iter().enumerate() {
            // Walking up from any word reaches the root within n steps.
            let mut at = i;
            for _ in 0..n {
                match a.tokens[at].head {
                    Some(h) => at = h,
                    None => break,
                }
            }
            assert!(a.tokens[at].head.is_none(), "cycle in {text}");
            assert_eq!(t.head.is_none(), t.deprel == "root", "{text}");
        }
        for (x, y) in a.tokens.iter().zip(&b.tokens) {
            assert_eq!(
                (x.upos, &x.xpos, &x.lemma, x.head, &x.deprel),
                (y.upos, &y.xpos, &y.lemma, y.head, &y.deprel)
            );
        }
    }
}

#[test]
fn keeps_its_ewt_dev_accuracy() {
    let path = Path::new("/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {} not present", path.display());
        return;
    };
    let gold: Vec<Sentence> = conllu::parse(&text)
        .unwrap()
        .into_iter()
        .map(|s| s.sentence)
        .collect();
    let s = evaluate(&models(), &gold);
    // Measured 94.85 / 80.99 (data/models/README.md); a small margin for deliberate retrains.
    assert!(s.upos >= 94.5, "{s:?}");
    assert!(s.las >= 80.5, "{s:?}");
}

#[test]
fn an_unknown_name_read_as_an_adverb_before_its_verb_is_a_name() {
    let m = models();
    // The tagger reads the unknown "OpenAI" as an adverb, and "named" as a participle.
    let mut s = sentence("OpenAI named Sam Altman its chief executive .");
    m.tagger.tag(&mut s);
    assert_eq!(s.tokens[0].xpos, "RB", "the case this repair is for");
    kg_extract::pipeline::unknown_names_read_as_adverbs(&mut s, &m.tagger);
    assert_eq!(
        (s.tokens[0].upos, s.tokens[0].xpos.as_str()),
        (Upos::Propn, "NNP")
    );
    // A known adverb stays one.
    let mut s = sentence("Yesterday named a new chief .");
    m.tagger.tag(&mut s);
    let before = s.tokens[0].xpos.clone();
    kg_extract::pipeline::unknown_names_read_as_adverbs(&mut s, &m.tagger);
    assert_eq!(s.tokens[0].xpos, before);
}
