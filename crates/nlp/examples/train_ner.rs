//! Dev harness for the NER (the `kg` CLI has the same steps in `ner_cmd.rs`): jackknife-tags UNER
//! train with taggers trained on the other folds of EWT train, trains the recogniser, evaluates
//! on UNER dev and test, and writes the model.
//!
//! cargo run --release --example train_ner -- OUT.bin
//! env: FOLDS (default 4), TAG_ITER (tagger iterations, default 10), ITER (NER iterations),
//! SEED (NER training seed; with ENSEMBLE=k, members SEED … SEED+k-1), PRUNE, WORD_DROPOUT, CACHE (directory for the jackknifed tags, default /tmp/ner-cache),
//! FINAL (also score UNER test: leave it unset while making choices on dev), DUMP=FILE (dev
//! predictions as `sent_id form xpos gold pred` lines for error analysis; DUMP_RULES=1 for the
//! mentions after the post-rules), ERRORS, MODELS.

use kg_nlp::conllu;
use kg_nlp::doc::Sentence;
use kg_nlp::ner::{
    group_documents, parse_iob2, DocumentHistory, Evaluation, LabelledSentence, Lexicon,
    NerOptions, Recognizer,
};
use kg_nlp::tagger::{Tagger, TaggerOptions};
use std::collections::HashMap;
use std::time::Instant;

fn env<T: std::str::FromStr>(k: &str, d: T) -> T {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/ner.bin".into());
    let uner = "/work/shared/data/uner-english-ewt";
    let ewt = "/work/shared/data/ud-english-ewt";
    let read_uner = |n: &str| {
        parse_iob2(&std::fs::read_to_string(format!("{uner}/en_ewt-ud-{n}.iob2")).unwrap()).unwrap()
    };
    let mut train = read_uner("train");
    let mut dev = read_uner("dev");
    let mut test = read_uner("test");
    let folds: usize = env("FOLDS", 4);
    let tag_iter: usize = env("TAG_ITER", 10);
    let cache_dir = std::env::var("CACHE").unwrap_or_else(|_| "/tmp/ner-cache".into());
    std::fs::create_dir_all(&cache_dir).unwrap();
    let cache = format!("{cache_dir}/tags-mod-f{folds}-i{tag_iter}.txt");

    let tb: Vec<_> =
        conllu::parse(&std::fs::read_to_string(format!("{ewt}/en_ewt-ud-train.conllu")).unwrap())
            .unwrap();
    let tagger_opts = TaggerOptions {
        iterations: tag_iter,
        ..TaggerOptions::default()
    };
    if let Ok(text) = std::fs::read_to_string(&cache) {
        let tags: Vec<&str> = text.lines().collect();
        apply_tags(&mut train, tags[0]);
        apply_tags(&mut dev, tags[1]);
        apply_tags(&mut test, tags[2]);
        eprintln!("tags from {cache}");
    } else {
        jackknife_uner_tags(
            &tb,
            [&mut train, &mut dev, &mut test],
            folds,
            &tagger_opts,
            (&cache_dir, &cache),
        );
    }

    let opts = NerOptions {
        iterations: env("ITER", NerOptions::default().iterations),
        clusters: if std::env::var("NO_LEXICON").is_ok() {
            Lexicon::default()
        } else {
            let dir = std::env::var("LEXICON").unwrap_or_else(|_| "data/gazetteer".into());
            Lexicon::parse_tsv(&std::fs::read_to_string(format!("{dir}/clusters.tsv")).unwrap())
                .unwrap()
        },
        vectors: if std::env::var("NO_VECTORS").is_ok() {
            Lexicon::default()
        } else {
            let dir = std::env::var("LEXICON").unwrap_or_else(|_| "data/gazetteer".into());
            Lexicon::parse_tsv(
                &std::fs::read_to_string(format!("{dir}/vector_classes.tsv")).unwrap(),
            )
            .unwrap()
        },
        seed: env("SEED", NerOptions::default().seed),
        word_dropout: env("WORD_DROPOUT", NerOptions::default().word_dropout),
        ensemble: env("ENSEMBLE", NerOptions::default().ensemble),
        prune_below: env("PRUNE", NerOptions::default().prune_below),
    };
    let t0 = Instant::now();
    // NER=path: measure and score an existing model (e.g. the shipped data/models/ner.bin)
    // instead of training one.
    let rec = match std::env::var("NER") {
        Ok(path) => Recognizer::from_bytes(&std::fs::read(path).unwrap()).unwrap(),
        Err(_) => {
            let docs: Vec<Vec<Sentence>> = group_documents(&train)
                .into_iter()
                .map(|d| d.iter().map(|s| s.sentence.clone()).collect())
                .collect();
            let doc_refs: Vec<&[Sentence]> = docs.iter().map(Vec::as_slice).collect();
            Recognizer::train_documents(&doc_refs, &opts)
        }
    };
    eprintln!(
        "trained in {:?}, {} features",
        t0.elapsed(),
        rec.n_features()
    );
    let bytes = rec.to_bytes();
    std::fs::write(&out, &bytes).unwrap();
    let t0 = Instant::now();
    let rec = Recognizer::from_bytes(&bytes).unwrap();
    eprintln!("model {} bytes, loads in {:?}", bytes.len(), t0.elapsed());
    if let Ok(dir) = std::env::var("MODELS") {
        retag_with_the_pipeline(&dir, &rec, &mut dev, &mut test);
    }
    // Test only when asked (FINAL=1): choices are made on dev.
    report("dev", &rec, &dev);
    if std::env::var("FINAL").is_ok() {
        report("test", &rec, &test);
    }
    if let Ok(path) = std::env::var("DUMP") {
        dump(&path, &rec, &dev);
    }
    if std::env::var("ERRORS").is_ok() {
        report("train", &rec, &train);
        for s in dev.iter().take(400) {
            let pred = rec.predict(&s.sentence.tokens);
            if pred != s.sentence.mentions {
                let show = |ms: &[kg_nlp::Mention]| {
                    ms.iter()
                        .map(|m| {
                            let w: Vec<&str> = s.sentence.tokens[m.start..m.end]
                                .iter()
                                .map(|t| t.form.as_str())
                                .collect();
                            format!("{}:{}", m.kind.as_str(), w.join(" "))
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let text: Vec<String> = s
                    .sentence
                    .tokens
                    .iter()
                    .map(|t| format!("{}/{}", t.form, t.xpos))
                    .collect();
                println!(
                    "\n{}\n  gold: {}\n  pred: {}",
                    text.join(" "),
                    show(&s.sentence.mentions),
                    show(&pred)
                );
            }
        }
    }
}

/// Tags UNER train with taggers trained on the other folds of EWT train (as `kg model train
/// --uner` does, kg_nlp::training::jackknife_tags), dev and test with one trained on all of
/// it, and writes the tags to the cache.
fn jackknife_uner_tags(
    tb: &[conllu::TreebankSentence],
    [train, dev, test]: [&mut [LabelledSentence]; 3],
    folds: usize,
    tagger_opts: &TaggerOptions,
    (cache_dir, cache): (&str, &str),
) {
    let t0 = Instant::now();
    let sentences: Vec<Sentence> = tb.iter().map(|s| s.sentence.clone()).collect();
    let tagged = kg_nlp::training::jackknife_tags(&sentences, folds, tagger_opts);
    let by_id: HashMap<&str, &Sentence> = tb
        .iter()
        .map(|s| s.id.as_deref().unwrap_or(""))
        .zip(&tagged)
        .collect();
    let mut missing = Vec::new();
    for (k, s) in train.iter_mut().enumerate() {
        match by_id
            .get(s.id.as_str())
            .filter(|t| t.tokens.len() == s.sentence.tokens.len())
        {
            Some(t) => {
                for (d, g) in s.sentence.tokens.iter_mut().zip(&t.tokens) {
                    d.xpos = g.xpos;
                }
            }
            None => missing.push(k),
        }
    }
    eprintln!(
        "jackknifed ({:?}), {} unaligned",
        t0.elapsed(),
        missing.len()
    );
    let all: Vec<Sentence> = tb.iter().map(|s| s.sentence.clone()).collect();
    let tagger = Tagger::train(&all, tagger_opts);
    for &k in &missing {
        tagger.tag(&mut train[k].sentence);
    }
    for s in dev.iter_mut().chain(test.iter_mut()) {
        tagger.tag(&mut s.sentence);
    }
    std::fs::write(format!("{cache_dir}/tagger-full.bin"), tagger.to_bytes()).unwrap();
    let line = |v: &[LabelledSentence]| {
        v.iter()
            .map(|s| {
                s.sentence
                    .tokens
                    .iter()
                    .map(|t| t.xpos.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    std::fs::write(
        cache,
        format!("{}\n{}\n{}\n", line(train), line(dev), line(test)),
    )
    .unwrap();
    eprintln!("tagging done ({:?})", t0.elapsed());
}

/// With MODELS=data/models: dev/test re-tagged by the shipped syntax models (as `kg model eval
/// --uner` does), and the cost of tag+lemma+parse vs NER per token.
fn retag_with_the_pipeline(
    dir: &str,
    rec: &Recognizer,
    dev: &mut [LabelledSentence],
    test: &mut [LabelledSentence],
) {
    let read = |n: &str| std::fs::read(format!("{dir}/{n}")).unwrap();
    let (tagger, lemma, parser) = (read("tagger.bin"), read("lemma.bin"), read("parser.bin"));
    let syntax = kg_nlp::pipeline::Pipeline::load(&[
        ("tagger.bin", &tagger),
        ("lemma.bin", &lemma),
        ("parser.bin", &parser),
    ])
    .unwrap();
    let syntax_models = kg_nlp::training::SYNTAX_MODELS;
    // Two separate passes, so neither evicts the other's weights from the caches.
    let mut copies: Vec<Sentence> = dev
        .iter()
        .chain(test.iter())
        .map(|s| {
            let mut c = s.sentence.clone();
            c.mentions.clear();
            c
        })
        .collect();
    let n: usize = copies.iter().map(|c| c.tokens.len()).sum();
    // REPEAT=k: each pass k times, the fastest counts (a shared machine's noise only adds).
    let repeat: usize = env("REPEAT", 1);
    let mut syn_ns = u128::MAX;
    let mut ner_ns = u128::MAX;
    // Each repetition's NER/syntax ratio, from two passes run back to back: the machine's
    // slow spells last longer than a pair, so the median ratio is steadier than either time.
    let mut ratios = Vec::new();
    for _ in 0..repeat {
        let t0 = Instant::now();
        for c in &mut copies {
            kg_nlp::training::annotate(&syntax, syntax_models, c);
        }
        let syn = t0.elapsed().as_nanos();
        let t0 = Instant::now();
        for c in &mut copies {
            c.mentions.clear();
            rec.recognize(c);
        }
        let ner = t0.elapsed().as_nanos();
        ratios.push(ner as f64 / syn as f64);
        syn_ns = syn_ns.min(syn);
        ner_ns = ner_ns.min(ner);
    }
    ratios.sort_by(f64::total_cmp);
    eprintln!(
        "NER on top, median of {repeat} back-to-back pairs: {:.1}% (range {:.1}-{:.1}%)",
        100.0 * ratios[ratios.len() / 2],
        100.0 * ratios[0],
        100.0 * ratios[ratios.len() - 1]
    );
    // The whole analysis (tags, lemmas, tree), as `kg model eval --uner` gives the
    // post-rules.
    for (s, c) in dev.iter_mut().chain(test.iter_mut()).zip(&copies) {
        s.sentence.tokens.clone_from(&c.tokens);
    }
    let per = |x: u128| x as f64 / n as f64;
    eprintln!(
        "ns/token: tag+lemma+parse {:.0}, ner {:.0} ({:.1}% on top)",
        per(syn_ns),
        per(ner_ns),
        100.0 * per(ner_ns) / per(syn_ns)
    );
}

fn apply_tags(v: &mut [LabelledSentence], line: &str) {
    for (s, tags) in v.iter_mut().zip(line.split(" | ")) {
        for (t, x) in s.sentence.tokens.iter_mut().zip(tags.split(' ')) {
            t.xpos = x.parse().expect("cached XPOS");
        }
    }
}

fn report(name: &str, rec: &Recognizer, data: &[LabelledSentence]) {
    let mut raw = Evaluation::default();
    let mut post = Evaluation::default();
    let t0 = Instant::now();
    let mut n = 0;
    for doc in group_documents(data) {
        let mut h_raw = DocumentHistory::default();
        let mut h_post = DocumentHistory::default();
        for s in doc {
            let mut copy = s.sentence.clone();
            copy.mentions.clear();
            n += copy.tokens.len();
            let pred = rec.predict_in(&copy.tokens, &mut h_raw);
            raw.add(&s.sentence.mentions, &pred);
            rec.recognize_in(&mut copy, &mut h_post);
            post.add(&s.sentence.mentions, &copy.mentions);
        }
    }
    let el = t0.elapsed();
    for (label, e) in [("model", &raw), ("with post-rules", &post)] {
        let mut line = format!("{name} {label}:");
        for (t, c) in Evaluation::types().iter().zip(&e.by_type) {
            line += &format!(
                " {} P {:.3} R {:.3} F1 {:.3} |",
                t.as_str(),
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        let o = e.overall();
        line += &format!(
            " ALL P {:.3} R {:.3} F1 {:.3}",
            o.precision(),
            o.recall(),
            o.f1()
        );
        println!("{line}");
    }
    eprintln!(
        "{name}: {n} tokens, predict+recognize {:.0} ns/token",
        el.as_nanos() as f64 / n as f64 / 2.0
    );
}

/// Writes `sent_id form xpos gold pred` lines (BIO tags) for error analysis.
fn dump(path: &str, rec: &Recognizer, data: &[LabelledSentence]) {
    let bio = |n: usize, ms: &[kg_nlp::Mention]| {
        let mut v = vec!["O".to_string(); n];
        for m in ms {
            for (k, slot) in v.iter_mut().enumerate().take(m.end).skip(m.start) {
                let p = if k == m.start { "B" } else { "I" };
                *slot = format!("{p}-{}", m.kind.as_str());
            }
        }
        v
    };
    let mut out = String::new();
    for doc in group_documents(data) {
        let mut h = DocumentHistory::default();
        for s in doc {
            // DUMP_RULES=1: the mentions after the post-rules (MISC demonyms left out, as UNER
            // has none), else the model's own.
            let pred = if std::env::var_os("DUMP_RULES").is_some() {
                let mut copy = s.sentence.clone();
                copy.mentions.clear();
                rec.recognize_in(&mut copy, &mut h);
                copy.mentions
                    .into_iter()
                    .filter(|m| m.kind != kg_nlp::EntityType::Other)
                    .collect()
            } else {
                rec.predict_in(&s.sentence.tokens, &mut h)
            };
            let n = s.sentence.tokens.len();
            let (g, p) = (bio(n, &s.sentence.mentions), bio(n, &pred));
            for (k, t) in s.sentence.tokens.iter().enumerate() {
                out += &format!("{}\t{}\t{}\t{}\t{}\n", s.id, t.form, t.xpos, g[k], p[k]);
            }
            out += "\n";
        }
    }
    std::fs::write(path, out).unwrap();
}
