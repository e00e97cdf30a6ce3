//! Builds a synthetic store whose entity graph has a chosen number of edges, for the export
//! benchmark (BENCHMARKS.md, "Exports"). Nothing of it is committed: the graph is generated here,
//! at benchmark time, from a seed.
//!
//! The statements go through the same mapping as `kg build` ([`kg_graph::mapping`]) and the same
//! entity reconciliation ([`KgStore::refresh_entities`]); only the loading uses oxigraph's bulk
//! loader instead of transactions, because a million statements in transactions would take the
//! benchmark's setup, not the export, most of an hour.
//!
//! Shape: `edges / 10` entities (people, organisations, places, others) with two-word names, each the
//! subject of 10 relations (30 verbs) to objects drawn at random; every (subject, relation, object)
//! is distinct, so the projection has exactly `edges` edges. One edge in eight is stated twice, in
//! different documents (weight 2); one statement in four has a day as time qualifier; one mention in
//! ten spells the name with a hyphen (an alias). Twenty statements per document, dated over 2023.
//!
//!     cargo run -p kg-graph --release --example export_bench_store -- STORE [EDGES] [SEED]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use kg_graph::{mapping, vocab, KgStore};
use kg_model::{
    Argument, ArgumentKind, Date, Document, EntityType, Literal, Modality, Provenance, Qualifier,
    Relation, Role, Statement,
};

const VERBS: &[(&str, &str)] = &[
    ("meet", "met"),
    ("visit", "visited"),
    ("criticize", "criticized"),
    ("support", "supported"),
    ("sign", "signed"),
    ("accuse", "accused"),
    ("praise", "praised"),
    ("call", "called"),
    ("host", "hosted"),
    ("join", "joined"),
    ("leave", "left"),
    ("fund", "funded"),
    ("sue", "sued"),
    ("hire", "hired"),
    ("thank", "thanked"),
    ("warn", "warned"),
    ("invite", "invited"),
    ("advise", "advised"),
    ("endorse", "endorsed"),
    ("oppose", "opposed"),
    ("acquire", "acquired"),
    ("attack", "attacked"),
    ("defend", "defended"),
    ("interview", "interviewed"),
    ("sanction", "sanctioned"),
    ("replace", "replaced"),
    ("represent", "represented"),
    ("recognize", "recognized"),
    ("lead", "led"),
    ("contact", "contacted"),
];

const CONSONANTS: &[u8] = b"bdfgklmnprstvzhj";
const VOWELS: &[u8] = b"aeiou";

/// SplitMix64: a fixed, dependency-free generator, so the same seed gives the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A distinct pronounceable two-word name for entity `i`: fixed-width consonant-vowel syllables, so
/// two indices never give the same letters.
fn name(i: u64) -> String {
    let syllables = (CONSONANTS.len() * VOWELS.len()) as u64;
    let word = |mut n: u64| {
        let mut w = String::new();
        for _ in 0..2 {
            let s = (n % syllables) as usize;
            n /= syllables;
            w.push(CONSONANTS[s / VOWELS.len()] as char);
            w.push(VOWELS[s % VOWELS.len()] as char);
        }
        let mut c = w.chars();
        let first = c.next().unwrap().to_ascii_uppercase();
        format!("{first}{}", c.as_str())
    };
    let per_word = syllables * syllables;
    format!("{} {}", word(i % per_word), word(i / per_word))
}

fn kind(i: u64) -> EntityType {
    match i % 20 {
        0..=9 => EntityType::Person,
        10..=14 => EntityType::Organization,
        15..=18 => EntityType::Place,
        _ => EntityType::Other,
    }
}

fn argument(text: String, kind: EntityType) -> Argument {
    Argument {
        full_text: text.clone(),
        span: (0, text.len()),
        text,
        kind: ArgumentKind::Entity(kind),
        alias: None,
    }
}

/// One statement to write: the edge it supports.
#[derive(Clone, Copy)]
struct Fact {
    subject: u64,
    object: u64,
    verb: usize,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: export_bench_store STORE [EDGES] [SEED]");
        std::process::exit(2);
    };
    let edges: u64 = args.next().map_or(1_000_000, |a| a.parse().expect("EDGES"));
    let seed: u64 = args.next().map_or(7, |a| a.parse().expect("SEED"));
    const OUT_DEGREE: u64 = 10;
    const PER_DOCUMENT: usize = 20;
    let entities = (edges / OUT_DEGREE).max(2 * OUT_DEGREE);
    let band = entities / OUT_DEGREE;

    // Edge k: subject k % entities; its j-th object lies in the j-th band of offsets, so a subject's
    // objects are distinct and never itself.
    let mut rng = Rng(seed);
    let mut facts: Vec<Fact> = Vec::with_capacity((edges + edges / 8) as usize);
    let mut repeated = Vec::new();
    for k in 0..edges {
        let subject = k % entities;
        let j = k / entities;
        let offset = 1 + j * band + rng.below(band - 1);
        let fact = Fact {
            subject,
            object: (subject + offset) % entities,
            verb: rng.below(VERBS.len() as u64) as usize,
        };
        if rng.below(8) == 0 {
            repeated.push(fact);
        }
        facts.push(fact);
    }
    let statements = facts.len() + repeated.len();
    facts.append(&mut repeated);

    let started = Instant::now();
    let store = KgStore::open(&path).expect("opening the store");
    let documents = facts.len().div_ceil(PER_DOCUMENT);
    let first_day = Date::parse_iso("2023-01-01").unwrap();
    let quads = facts
        .chunks(PER_DOCUMENT)
        .enumerate()
        .flat_map(|(d, chunk)| {
            let mut rng = Rng(seed ^ (d as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
            let day = first_day.add_days((d * 365 / documents) as i32);
            let mut doc = Document::new(format!("bench-{d}"), String::new());
            doc.date = Some(day);
            let statements: Vec<Statement> = chunk
                .iter()
                .enumerate()
                .map(|(i, f)| statement(&doc, day, i, f, &mut rng))
                .collect();
            mapping::document_quads(&doc, &statements, &[], "export-bench")
        });
    let mut loader = store
        .oxigraph()
        .bulk_loader()
        .with_num_threads(1)
        .with_max_memory_size_in_megabytes(1000);
    loader.load_quads(quads).expect("loading");
    loader.commit().expect("committing");
    eprintln!(
        "{statements} statements in {documents} documents loaded in {:.0?}",
        started.elapsed()
    );
    let all: BTreeSet<_> = (0..entities)
        .filter_map(|i| vocab::entity_iri(&name(i)))
        .collect();
    store.refresh_entities(&all).expect("entity records");
    // As `kg build` ends a first build: compacted and flushed, so that opening the store has no
    // write-ahead log to replay.
    store.compact().expect("compacting");
    store.oxigraph().flush().expect("flushing");
    eprintln!(
        "{entities} entities, {edges} edges; store {} ready in {:.0?}",
        path.display(),
        started.elapsed()
    );
}

fn statement(doc: &Document, date: Date, index: usize, fact: &Fact, rng: &mut Rng) -> Statement {
    let spelled = |i: u64, rng: &mut Rng| {
        let n = name(i);
        if rng.below(10) == 0 {
            n.replace(' ', "-")
        } else {
            n
        }
    };
    let subject = argument(spelled(fact.subject, rng), kind(fact.subject));
    let object = argument(spelled(fact.object, rng), kind(fact.object));
    let (lemma, past) = VERBS[fact.verb];
    let mut qualifiers = Vec::new();
    let mut text = format!("{} {past} {}", subject.text, object.text);
    if rng.below(4) == 0 {
        let day = date.add_days(-(rng.below(4) as i32));
        text.push_str(&format!(" on {day}"));
        qualifiers.push(Qualifier {
            role: Role::Time,
            preposition: Some("on".into()),
            value: Argument {
                text: day.to_string(),
                full_text: day.to_string(),
                kind: ArgumentKind::Literal(Literal::Time(Some(day.to_string()))),
                span: (0, 10),
                alias: None,
            },
        });
    }
    text.push_str(&format!(
        ", according to report {} of the day.",
        rng.below(1000)
    ));
    Statement {
        subject,
        relation: Relation {
            text: past.into(),
            lemma: lemma.into(),
        },
        object: Some(object),
        qualifiers,
        negated: false,
        modality: Modality::Asserted,
        attribution: None,
        confidence: 0.9,
        provenance: Provenance {
            document_id: doc.id.clone(),
            sentence_index: index,
            sentence_start: 0,
            sentence_end: text.len(),
            sentence_text: text.into(),
        },
    }
}
