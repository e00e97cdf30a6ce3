//! `kg build` and `kg extract`: dumps → documents → statements → store (or standard output).
//!
//! Documents are read in order and extracted in parallel chunks; the whole build is one atomic
//! batch, so a failed or interrupted build leaves the previous graph as it was.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use kg_extract::pipeline::Pipeline;
use kg_extract::{Document, Statement};
use kg_graph::KgStore;
use rayon::prelude::*;

use crate::dump::{self, Item, ReadOptions, Record, Reject};
use crate::StoreArg;

/// Documents extracted in parallel at a time: large enough to keep all cores busy, small enough to
/// bound memory.
const CHUNK: usize = 256;

#[derive(clap::Args)]
pub struct InputArgs {
    /// Dump files (.txt one document per line, .csv/.tsv with a header, .jsonl; any of them .gz)
    /// or directories of them.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// CSV column or JSON field that holds the text. Columns/fields named id, date (YYYY-MM-DD),
    /// title, url and source are picked up when present.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// Documents longer than this many bytes are truncated, with a warning.
    #[arg(long, default_value_t = 1 << 20)]
    max_document_bytes: usize,
    /// Load models from this directory instead of those built into kg.
    #[arg(long)]
    models: Option<PathBuf>,
    /// Where to write the rejected records (file, line, reason; tab-separated), if there are any.
    #[arg(long, default_value = "kg-rejects.tsv")]
    rejects: PathBuf,
}

#[derive(clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    store: StoreArg,
    /// Extract every document again, even those unchanged since the last build.
    #[arg(long)]
    full: bool,
    /// Also remove stored documents that are not in the given dumps.
    #[arg(long)]
    sync: bool,
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// jsonl: one statement per line; nquads: the RDF that `kg build` would store.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
    Nquads,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct Summary {
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub removed: u64,
    pub rejected: u64,
    pub statements: u64,
}

/// Collects rejected records: reported on stderr at once, written to the report file at the end.
struct Rejects {
    path: PathBuf,
    list: Vec<Reject>,
}

impl Rejects {
    fn add(&mut self, reject: Reject) {
        eprintln!("warning: skipped {reject}");
        self.list.push(reject);
    }

    fn write(&self) -> Result<()> {
        if self.list.is_empty() {
            return Ok(());
        }
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(&self.path)
                .with_context(|| format!("creating {}", self.path.display()))?,
        );
        writeln!(out, "file\tline\treason")?;
        for r in &self.list {
            writeln!(
                out,
                "{}\t{}\t{}",
                r.file,
                r.line,
                r.reason.replace(['\t', '\n'], " ")
            )?;
        }
        out.flush()?;
        eprintln!(
            "{} rejected record(s) listed in {}",
            self.list.len(),
            self.path.display()
        );
        Ok(())
    }
}

fn progress(label: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {prefix} {pos} documents ({per_sec}) {elapsed} {msg}",
        )
        .expect("valid template"),
    );
    bar.set_prefix(label.to_owned());
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Reads all inputs and hands documents to `consume` in chunks; rejects are collected.
fn read_chunks(
    input: &InputArgs,
    rejects: &mut Rejects,
    mut consume: impl FnMut(Vec<Record>) -> Result<()>,
) -> Result<()> {
    let files = dump::expand_inputs(&input.inputs).context("listing the inputs")?;
    if files.is_empty() {
        anyhow::bail!("no dump files found in the given inputs (.txt, .csv, .tsv, .jsonl, .gz)");
    }
    let options = ReadOptions {
        text_column: input.text_column.clone(),
        max_document_bytes: input.max_document_bytes,
    };
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut failure = None;
    dump::read_all(&files, &options, |item| {
        if failure.is_some() {
            return;
        }
        match item {
            Item::Reject(r) => rejects.add(r),
            Item::Record(record) => {
                if record.truncated {
                    eprintln!(
                        "warning: {}:{}: document truncated to {} bytes",
                        record.file, record.line, options.max_document_bytes
                    );
                }
                chunk.push(record);
                if chunk.len() == CHUNK {
                    if let Err(e) = consume(std::mem::take(&mut chunk)) {
                        failure = Some(e);
                    }
                }
            }
        }
    })
    .context("reading the dumps")?;
    if let Some(e) = failure {
        return Err(e);
    }
    if !chunk.is_empty() {
        consume(chunk)?;
    }
    Ok(())
}

fn extract_all(pipeline: &Pipeline, documents: Vec<Document>) -> Vec<(Document, Vec<Statement>)> {
    documents
        .into_par_iter()
        .map(|d| pipeline.process(d))
        .collect()
}

/// `kg build`.
pub fn build(args: &BuildArgs) -> Result<Summary> {
    let started = Instant::now();
    let pipeline = crate::models::pipeline(args.input.models.as_deref())?;
    let version = pipeline.version();
    let path = &args.store.store;
    let store = KgStore::open(path).with_context(|| {
        format!(
            "opening the store at {} (is another kg build running?)",
            path.display()
        )
    })?;
    let stored = store.document_fingerprints()?;
    let mut batch = store.batch()?;
    let mut summary = Summary::default();
    let mut rejects = Rejects {
        path: args.input.rejects.clone(),
        list: Vec::new(),
    };
    let mut seen = BTreeSet::new();
    let bar = progress("building");

    read_chunks(&args.input, &mut rejects, |records| {
        let mut todo = Vec::new();
        for record in records {
            let document = record.document;
            seen.insert(document.id.clone());
            let fingerprint = kg_graph::vocab::fingerprint(&document, &version);
            match stored.get(&document.id) {
                Some(old) if *old == fingerprint && !args.full => summary.unchanged += 1,
                Some(_) => {
                    summary.changed += 1;
                    todo.push(document);
                }
                None => {
                    summary.added += 1;
                    todo.push(document);
                }
            }
            bar.inc(1);
        }
        for (document, statements) in extract_all(&pipeline, todo) {
            summary.statements += statements.len() as u64;
            batch.put_document(&document, &statements, &version)?;
        }
        Ok(())
    })?;
    if args.sync {
        for id in stored.keys().filter(|id| !seen.contains(*id)) {
            if batch.remove_document(id)? {
                summary.removed += 1;
            }
        }
    }
    bar.set_message("committing");
    batch.commit().context("committing the build")?;
    bar.finish_and_clear();
    summary.rejected = rejects.list.len() as u64;
    rejects.write()?;
    let seconds = started.elapsed().as_secs_f64();
    let total = summary.added + summary.changed + summary.unchanged;
    eprintln!(
        "built {}: {} documents ({} added, {} changed, {} unchanged{}), {} statements extracted, \
         {} rejected, in {:.1} s ({:.0} documents/s)",
        path.display(),
        total,
        summary.added,
        summary.changed,
        summary.unchanged,
        if args.sync {
            format!(", {} removed", summary.removed)
        } else {
            String::new()
        },
        summary.statements,
        summary.rejected,
        seconds,
        total as f64 / seconds.max(1e-9),
    );
    Ok(summary)
}

/// `kg extract`: returns the number of rejected records.
pub fn extract(args: &ExtractArgs) -> Result<u64> {
    let pipeline = crate::models::pipeline(args.input.models.as_deref())?;
    let version = pipeline.version();
    let mut rejects = Rejects {
        path: args.input.rejects.clone(),
        list: Vec::new(),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    read_chunks(&args.input, &mut rejects, |records| {
        let documents = records.into_iter().map(|r| r.document).collect();
        for (document, statements) in extract_all(&pipeline, documents) {
            match args.format {
                ExtractFormat::Jsonl => {
                    for statement in &statements {
                        serde_json::to_writer(&mut out, statement)?;
                        out.write_all(b"\n")?;
                    }
                }
                ExtractFormat::Nquads => {
                    let mut writer =
                        oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::NQuads)
                            .for_writer(&mut out);
                    for quad in kg_graph::mapping::document_quads(&document, &statements, &version)
                    {
                        writer.serialize_quad(&quad)?;
                    }
                    writer.finish()?;
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    rejects.write()?;
    Ok(rejects.list.len() as u64)
}
