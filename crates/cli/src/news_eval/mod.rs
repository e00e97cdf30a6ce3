//! `kg eval news`: extracts a dump with the pipeline of `kg extract` and `kg build` and scores
//! the statements against gold facts and entities in the format of `benchmarks/news-dev/`
//! (README there): recall, precision and F1 of facts, of each qualifier, and entity-cluster
//! accuracy, for all documents and apart for the long wire stories that open with a dateline.
//! This module reads and writes; `score` and `matching` decide, `report` sums and formats.

mod gold;
mod matching;
mod report;
mod score;

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use kg_model::{Argument, ArgumentKind, Document};

use crate::dump::{self, Item, ReadOptions};
use report::Group;
use score::{DocScore, Scorer};

#[derive(clap::Args)]
pub struct NewsArgs {
    /// The documents (a dump kg reads: CSV with id and text columns, JSONL, …), e.g.
    /// benchmarks/news-dev/news-dev.csv.
    #[arg(long)]
    pub dump: PathBuf,
    /// The gold facts and entities, one JSON object per document (gold.jsonl).
    #[arg(long)]
    pub gold: PathBuf,
    /// Load models from this directory instead of those built into kg.
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// CSV column or JSON field that holds the text.
    #[arg(long, default_value = "text")]
    pub text_column: String,
    /// table for people, json for machines.
    #[arg(long, short, value_enum, default_value_t = NewsFormat::Table)]
    pub format: NewsFormat,
    /// Write one JSON line per gold fact (found / missed) and per statement (matched / spurious
    /// / unscored) here, with the sentence and why it missed.
    #[arg(long)]
    pub details: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum NewsFormat {
    Table,
    Json,
}

pub fn run(args: &NewsArgs) -> Result<()> {
    let text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("reading {}", args.gold.display()))?;
    let golds = gold::parse(&text)
        .map_err(|e| anyhow::anyhow!("{}:{}: {}", args.gold.display(), e.line, e.message))?;
    let documents = read_documents(args)?;
    let mut by_id: HashMap<&str, &Document> =
        documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut texts = Vec::with_capacity(golds.len());
    for g in &golds {
        let Some(document) = by_id.remove(g.id.as_str()) else {
            bail!(
                "{}:{}: document {:?} is not in {}",
                args.gold.display(),
                g.line,
                g.id,
                args.dump.display()
            );
        };
        let sentences = gold::sentence_spans(&document.text).len();
        if let Some((i, f)) = g
            .facts
            .iter()
            .enumerate()
            .find(|(_, f)| f.sentence > sentences)
        {
            bail!(
                "{}:{}: fact {} names sentence {}, but document {:?} has {sentences}",
                args.gold.display(),
                g.line,
                i + 1,
                f.sentence,
                g.id
            );
        }
        texts.push(document.text.clone());
    }
    if !by_id.is_empty() {
        eprintln!(
            "warning: {} document(s) of {} have no gold and are not scored",
            by_id.len(),
            args.dump.display()
        );
    }
    drop(by_id);

    let extractor = kg_extract::Extractor::new(crate::models::pipeline(args.models.as_deref())?);
    let lemmas = crate::models::lemmatizer(args.models.as_deref())?;
    let gold_documents: Vec<Document> = golds
        .iter()
        .map(|g| {
            documents
                .iter()
                .find(|d| d.id == g.id)
                .cloned()
                .expect("checked above")
        })
        .collect();
    let extracted = crate::ingest::extract_all(&extractor, gold_documents);
    let scorer = Scorer {
        lemmas: &lemmas,
        node_of: &node_of,
    };
    let scores: Vec<DocScore> = golds
        .iter()
        .zip(&extracted)
        .zip(&texts)
        .map(|((g, e), text)| {
            // The dateline's place is a node of the document's graph, as `kg build` writes it.
            let mapped: Vec<Argument> = e
                .document
                .dateline
                .iter()
                .flat_map(|d| &d.place)
                .map(|p| kg_graph::mapping::dateline_argument(&e.document, p))
                .collect();
            scorer.score(g, text, &e.statements, &e.mentions, &mapped)
        })
        .collect();

    if let Some(path) = &args.details {
        crate::write_output(path, |out| {
            for detail in scores.iter().flat_map(|s| &s.details) {
                serde_json::to_writer(&mut *out, detail)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })?;
    }
    let groups = groups(&scores, &texts);
    let fields = report::field_use(
        &golds,
        extracted.iter().flat_map(|e| &e.statements),
        &groups[0].counts,
    );
    let report = match args.format {
        NewsFormat::Table => report::table(&groups, &fields),
        NewsFormat::Json => serde_json::to_string_pretty(&report::json(&groups, &fields))? + "\n",
    };
    std::io::Write::write_all(&mut std::io::stdout().lock(), report.as_bytes())?;
    Ok(())
}

/// The documents of the dump, in order; rejected records are reported and skipped.
fn read_documents(args: &NewsArgs) -> Result<Vec<Document>> {
    let files = dump::expand_inputs(std::slice::from_ref(&args.dump))
        .with_context(|| format!("listing {}", args.dump.display()))?;
    if files.is_empty() {
        bail!("{}: no dump files found", args.dump.display());
    }
    let options = ReadOptions {
        text_column: args.text_column.clone(),
        ..ReadOptions::default()
    };
    let mut documents = Vec::new();
    dump::read_all(&files, &options, |item| match item {
        Item::Record(r) => documents.push(r.document),
        Item::Reject(r) => eprintln!("warning: skipped {r}"),
    })
    .with_context(|| format!("reading {}", args.dump.display()))?;
    Ok(documents)
}

/// The graph node an argument becomes in its document's graph, as `kg build` mints it
/// (without cross-document resolution): entities by their name, concepts by their text.
fn node_of(argument: &Argument) -> Option<String> {
    let iri = match argument.kind {
        ArgumentKind::Entity(kind) => kg_graph::vocab::entity_iri(
            &kg_graph::resolve::Resolver::default().canonical(&argument.text, kind),
        ),
        ArgumentKind::Concept => kg_graph::vocab::concept_iri(&argument.text),
        ArgumentKind::Literal(_) | ArgumentKind::Unresolved => None,
    };
    iri.map(|i| i.into_string())
}

/// All documents, the short ones and the long wire stories (those that open with a dateline).
fn groups(scores: &[DocScore], texts: &[String]) -> Vec<Group> {
    let mut groups: Vec<Group> = ["all", "short", "long (dateline)"]
        .into_iter()
        .map(|name| Group {
            name,
            documents: 0,
            counts: Default::default(),
        })
        .collect();
    for (score, text) in scores.iter().zip(texts) {
        let part = if gold::has_dateline(text) { 2 } else { 1 };
        for g in [0, part] {
            groups[g].documents += 1;
            report::add(&mut groups[g].counts, &score.counts);
        }
    }
    groups
}
