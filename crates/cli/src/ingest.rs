//! `kg build` and `kg extract`: dumps → documents → statements → store (or standard output).
//!
//! Documents are read in order and extracted in parallel chunks (all cores, bounded memory). A
//! build writes a new store generation ([`kg_graph::generation`]) in one transaction per chunk
//! and publishes it at the end with one atomic rename, so a failed, killed or out-of-space build
//! leaves the previous graph exactly as it was, and readers see the old graph or the new one.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use kg_extract::Extractor;
use kg_graph::generation::{Build, Hook};
use kg_graph::history::{self, BuildRecord};
use kg_graph::resolve::Resolver;
use kg_graph::{Batch, Changes, KgStore, Reconcile};
use kg_model::{Document, EntityMention, Statement};
use rayon::prelude::*;

use crate::dump::{self, InputFile, Item, ReadOptions, Record, Reject};
use crate::StoreArg;

/// Documents extracted in parallel at a time: large enough to keep all cores busy, small enough to
/// bound memory (also bounded in bytes, for dumps of long documents).
const CHUNK: usize = 256;
const CHUNK_BYTES: usize = 8 << 20;

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
    /// Documents per chunk (extracted in parallel, written in one transaction). Tests lower it to
    /// get many chunks from small dumps.
    #[arg(long, default_value_t = CHUNK, hide = true)]
    chunk: usize,
}

#[derive(clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    store: StoreArg,
    /// Rebuild from scratch: every document extracted again into an empty graph (the build
    /// history is kept). The result is exactly what a first build of these dumps gives; stored
    /// documents that are not in them are gone, as with --sync.
    #[arg(long)]
    full: bool,
    /// Also remove stored documents that are not in the given dumps (the dumps are the whole
    /// corpus, not an update to it).
    #[arg(long)]
    sync: bool,
    #[command(flatten)]
    resolution: crate::entities_cmd::ResolutionArgs,
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// jsonl: one statement per line; nquads: the RDF that `kg build` would store; conllu: the
    /// annotated sentences as the extractor reads them (tags, lemmas, trees; entity mentions as
    /// `NE=B-PER`… in MISC), for looking into why a sentence gave what it gave.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
    Nquads,
    Conllu,
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

/// The test hook of `KG_CRASH_AT=point[#n]`: the process kills itself with SIGKILL the n-th time
/// (default first) the build reaches `point` (begin, checkpointed, chunk, entities, recorded,
/// flushed, head-written, published, cleaned). Undocumented for users; the crash tests use it.
fn crash_hook() -> Hook {
    let Ok(spec) = std::env::var("KG_CRASH_AT") else {
        return Box::new(|_| {});
    };
    let (point, nth) = match spec.split_once('#') {
        Some((p, n)) => (p.to_owned(), n.parse::<u32>().unwrap_or(1)),
        None => (spec, 1),
    };
    let seen = std::cell::Cell::new(0u32);
    Box::new(move |at: &str| {
        if at == point {
            seen.set(seen.get() + 1);
            if seen.get() == nth {
                // SAFETY: signals this very process; nothing after this runs.
                unsafe {
                    libc::kill(libc::getpid(), libc::SIGKILL);
                }
            }
        }
    })
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
            // A report left by an earlier run would describe input that is no longer rejected.
            let stale = std::fs::read_to_string(&self.path)
                .is_ok_and(|t| t.starts_with("file\tline\treason\n"));
            if stale {
                std::fs::remove_file(&self.path)
                    .with_context(|| format!("removing {}", self.path.display()))?;
            }
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

/// Reads all inputs and hands documents to `consume` in chunks; rejects are collected. Returns
/// the input files with their digests.
fn read_chunks(
    input: &InputArgs,
    rejects: &mut Rejects,
    mut consume: impl FnMut(Vec<Record>) -> Result<()>,
) -> Result<Vec<InputFile>> {
    let files = dump::expand_inputs(&input.inputs).context("listing the inputs")?;
    if files.is_empty() {
        anyhow::bail!("no dump files found in the given inputs (.txt, .csv, .tsv, .jsonl, .gz)");
    }
    let options = ReadOptions {
        text_column: input.text_column.clone(),
        max_document_bytes: input.max_document_bytes,
    };
    let per_chunk = input.chunk.max(1);
    let mut chunk = Vec::with_capacity(per_chunk);
    let mut chunk_bytes = 0;
    let mut failure = None;
    let inputs = dump::read_all(&files, &options, |item| {
        if failure.is_some() {
            return;
        }
        match item {
            Item::Reject(r) => rejects.add(r),
            Item::Record(record) => {
                if record.truncated {
                    eprintln!(
                        "warning: {}:{}: document longer than {} bytes, truncated",
                        record.file, record.line, options.max_document_bytes
                    );
                }
                chunk_bytes += record.document.text.len();
                chunk.push(record);
                if chunk.len() == per_chunk || chunk_bytes >= CHUNK_BYTES {
                    chunk_bytes = 0;
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
    Ok(inputs)
}

/// A document as extracted: its statements and its mention layer.
pub(crate) struct Extracted {
    pub document: Document,
    pub statements: Vec<Statement>,
    pub mentions: Vec<EntityMention>,
}

/// Extracts documents in parallel: the one extraction of `kg build`, `kg extract` and
/// `kg eval news`.
pub(crate) fn extract_all(extractor: &Extractor, documents: Vec<Document>) -> Vec<Extracted> {
    documents
        .into_par_iter()
        .map(|d| {
            let (mut document, statements, mentions) = extractor.process_with_mentions(d);
            // The store needs the sentences' spans and mentions, not their tokens: on text dense
            // in tokens ("word, word, …") they are most of the memory a chunk holds while its
            // quads are made.
            for sentence in &mut document.sentences {
                sentence.tokens = Vec::new();
            }
            Extracted {
                document,
                statements,
                mentions,
            }
        })
        .collect()
}

/// `kg build`.
pub fn build(args: &BuildArgs) -> Result<Summary> {
    let clock = Instant::now();
    let started = history::now();
    let mut extractor = Extractor::new(crate::models::pipeline(args.input.models.as_deref())?);
    extractor.coref.enabled = args.resolution.enabled();
    let version = extractor.version();
    let models = crate::models::versions(args.input.models.as_deref())?;
    let path = &args.store.store;
    let build = Build::begin(path, args.full, crash_hook())
        .with_context(|| format!("starting a build of {}", path.display()))?;
    let store = build.store();
    let Update {
        before,
        number,
        fresh,
        resolved_as,
    } = update(&build, args.full)?;
    let registry = args.resolution.registry()?;
    let resolution = match args.resolution.enabled() {
        true => registry.fingerprint(),
        false => "off".to_owned(),
    };
    // The batches land names on the registry's entities and on the full names of this build.
    // The names already in the store are not read here (that is a scan of every document):
    // the reconciliation at the end lands what this misses.
    let mut resolver = args
        .resolution
        .enabled()
        .then(|| Resolver::new(registry.clone()));
    let mut summary = Summary::default();
    let mut rejects = Rejects {
        path: args.input.rejects.clone(),
        list: Vec::new(),
    };
    let mut seen = HashSet::new();
    let mut touched = Changes::default();
    // Time spent writing the store (not reading or extracting), for the benchmarks.
    let mut store_time = Duration::ZERO;
    let bar = progress("building");

    let inputs = read_chunks(&args.input, &mut rejects, |records| {
        let read = records.len() as u64;
        let todo = to_extract(
            records,
            before,
            &version,
            args.full,
            &mut summary,
            &mut seen,
        )?;
        bar.inc(read);
        let extracted = extract_all(&extractor, todo);
        let writing = Instant::now();
        let batch = if fresh {
            store.bulk_batch()?
        } else {
            store.batch()?
        };
        touched.extend(write_chunk(
            batch,
            &mut resolver,
            extracted,
            &version,
            &mut summary,
        )?);
        store_time += writing.elapsed();
        build.hook("chunk");
        Ok(())
    })?;
    let writing = Instant::now();
    if args.sync || args.full {
        let absent = absent_documents(before, &seen)?;
        summary.removed = absent.len() as u64;
        if !args.full {
            touched.extend(remove_documents(store, &absent)?);
        }
    }
    drop(seen);
    bar.set_message("updating entities");
    let reconcile = reconcile_scope(args, &summary, fresh, resolved_as.as_deref(), &resolution);
    store.resolve_entities(&touched, &registry, reconcile)?;
    // A store written by an older kg: its documents this build did not re-write get their
    // export summaries too (once; a count says there is nothing to do afterwards).
    store.complete_summaries()?;
    build.hook("entities");
    summary.rejected = rejects.list.len() as u64;
    let record = BuildRecord {
        number,
        started,
        ended: history::now(),
        mode: mode(args).into(),
        inputs: inputs
            .into_iter()
            .map(|i| history::Input {
                path: i.path,
                sha256: i.sha256,
                bytes: i.bytes,
            })
            .collect(),
        added: summary.added,
        changed: summary.changed,
        removed: summary.removed,
        skipped: if args.full { 0 } else { summary.unchanged },
        rejected: summary.rejected,
        statements: summary.statements,
        extractor: version.clone(),
        models,
        software: format!("kg {}", env!("CARGO_PKG_VERSION")),
        resolution,
    };
    history::record(store, &record)?;
    if fresh {
        // The bulk loader left overlapping files; compact them now rather than in the
        // background of the next builds (see KgStore::compact).
        bar.set_message("compacting");
        store.compact()?;
    }
    store_time += writing.elapsed();
    build.hook("recorded");
    bar.set_message("publishing");
    let writing = Instant::now();
    build
        .publish()
        .with_context(|| format!("publishing the build of {}", path.display()))?;
    store_time += writing.elapsed();
    bar.finish_and_clear();
    rejects.write()?;
    report(args, number, &summary, clock.elapsed(), store_time);
    Ok(summary)
}

/// What a build updates.
struct Update<'a> {
    /// The graph whose fingerprints say which documents changed: the generation being written
    /// (a copy of the published one), or with --full the published one, as a full rebuild starts
    /// empty.
    before: Option<&'a KgStore>,
    /// The build's number in the history.
    number: u64,
    /// The generation started empty (first build, --full).
    fresh: bool,
    /// How the graph being updated was resolved: if the registry (or resolution itself) changed
    /// since, every document's entities are re-resolved even when no document changed.
    resolved_as: Option<String>,
}

/// What `build` updates; a full rebuild carries the build history over to its empty generation.
fn update(build: &Build, full: bool) -> Result<Update<'_>> {
    let store = build.store();
    let previous = build.previous();
    let number = match previous {
        Some(previous) => history::next_number(previous)?,
        None => 1,
    };
    if let (true, Some(previous)) = (full, previous) {
        history::copy(previous, store)?;
    }
    let fresh = full || previous.is_none();
    let resolved_as = match previous {
        Some(previous) if !fresh => history::list(previous)?
            .last()
            .map(|r| r.resolution.clone()),
        _ => None,
    };
    Ok(Update {
        before: if full { previous } else { Some(store) },
        number,
        fresh,
        resolved_as,
    })
}

/// The documents of a chunk that must be extracted: those new to the store or changed since it
/// was built (all of them with --full). Counts each in `summary` and notes its id in `seen`.
fn to_extract(
    records: Vec<Record>,
    before: Option<&KgStore>,
    version: &str,
    full: bool,
    summary: &mut Summary,
    seen: &mut HashSet<String>,
) -> Result<Vec<Document>> {
    let mut todo = Vec::new();
    for record in records {
        let document = record.document;
        seen.insert(document.id.clone());
        let fingerprint = kg_graph::vocab::fingerprint(&document, version);
        let stored = match before {
            Some(store) => store.document_fingerprint(&document.id)?,
            None => None,
        };
        match stored {
            Some(old) if old == fingerprint => {
                summary.unchanged += 1;
                if full {
                    todo.push(document);
                }
            }
            Some(_) => {
                summary.changed += 1;
                todo.push(document);
            }
            None => {
                summary.added += 1;
                todo.push(document);
            }
        }
    }
    Ok(todo)
}

/// Writes a chunk's documents and statements in `batch` (one transaction), the resolver lent to
/// it meanwhile; returns what changed, for the entity step.
fn write_chunk(
    mut batch: Batch,
    resolver: &mut Option<Resolver>,
    extracted: Vec<Extracted>,
    version: &str,
    summary: &mut Summary,
) -> Result<Changes> {
    batch.set_resolver(resolver.take());
    for e in extracted {
        summary.statements += e.statements.len() as u64;
        batch.put_document(&e.document, &e.statements, &e.mentions, version)?;
    }
    *resolver = batch.set_resolver(None);
    Ok(batch.commit_documents()?)
}

/// The ids of the documents in `before` that this build's dumps do not hold.
fn absent_documents(before: Option<&KgStore>, seen: &HashSet<String>) -> Result<Vec<String>> {
    Ok(match before {
        Some(store) => store
            .document_ids()?
            .into_iter()
            .filter(|id| !seen.contains(id))
            .collect(),
        None => Vec::new(),
    })
}

/// Removes the documents `ids` from `store`, a chunk per transaction.
fn remove_documents(store: &KgStore, ids: &[String]) -> Result<Changes> {
    let mut touched = Changes::default();
    for chunk in ids.chunks(CHUNK) {
        let mut batch = store.batch()?;
        for id in chunk {
            batch.remove_document(id)?;
        }
        touched.extend(batch.commit_documents()?);
    }
    Ok(touched)
}

/// Which entities to reconcile. Reconciling reads every name of the store; an unchanged graph
/// resolved with the same registry is already reconciled.
fn reconcile_scope(
    args: &BuildArgs,
    summary: &Summary,
    fresh: bool,
    resolved_as: Option<&str>,
    resolution: &str,
) -> Reconcile {
    let wrote = summary.added + summary.changed + summary.removed > 0;
    if !args.resolution.enabled() {
        Reconcile::Off
    } else if fresh || resolved_as != Some(resolution) {
        Reconcile::All
    } else if wrote {
        Reconcile::Changed
    } else {
        Reconcile::Off
    }
}

/// The build's mode as the history records it.
fn mode(args: &BuildArgs) -> &'static str {
    if args.full {
        "full"
    } else if args.sync {
        "sync"
    } else {
        "incremental"
    }
}

/// The closing line of `kg build` on standard error.
fn report(args: &BuildArgs, number: u64, summary: &Summary, took: Duration, store_time: Duration) {
    let seconds = took.as_secs_f64();
    let total = summary.added + summary.changed + summary.unchanged;
    eprintln!(
        "built {} (build {number}{}): {} documents ({} added, {} changed, {} unchanged{}{}), \
         {} statements extracted, {} rejected, in {:.1} s ({:.0} documents/s; store writes {:.1} s)",
        args.store.store.display(),
        if args.full { ", full" } else { "" },
        total,
        summary.added,
        summary.changed,
        summary.unchanged,
        if args.full { ", all extracted" } else { "" },
        if args.sync || args.full {
            format!(", {} removed", summary.removed)
        } else {
            String::new()
        },
        summary.statements,
        summary.rejected,
        seconds,
        total as f64 / seconds.max(1e-9),
        store_time.as_secs_f64(),
    );
}

/// `kg extract`: returns the number of rejected records.
pub fn extract(args: &ExtractArgs) -> Result<u64> {
    let extractor = Extractor::new(crate::models::pipeline(args.input.models.as_deref())?);
    let version = extractor.version();
    let mut rejects = Rejects {
        path: args.input.rejects.clone(),
        list: Vec::new(),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    read_chunks(&args.input, &mut rejects, |records| {
        let documents: Vec<Document> = records.into_iter().map(|r| r.document).collect();
        if matches!(args.format, ExtractFormat::Conllu) {
            let annotated: Vec<Document> = documents
                .into_par_iter()
                .map(|mut d| {
                    extractor.pipeline.annotate(&mut d);
                    d
                })
                .collect();
            for document in &annotated {
                out.write_all(kg_nlp::conllu::write_document(document).as_bytes())?;
            }
            return Ok(());
        }
        for Extracted {
            document,
            statements,
            mentions,
        } in extract_all(&extractor, documents)
        {
            match args.format {
                ExtractFormat::Jsonl => {
                    for statement in &statements {
                        serde_json::to_writer(&mut out, statement)?;
                        out.write_all(b"\n")?;
                    }
                }
                ExtractFormat::Conllu => unreachable!("written above"),
                ExtractFormat::Nquads => {
                    let mut writer =
                        oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::NQuads)
                            .for_writer(&mut out);
                    let mut failed = None;
                    kg_graph::mapping::write_document_quads(
                        &document,
                        &statements,
                        &mentions,
                        &version,
                        &Default::default(),
                        &mut |quad| {
                            if failed.is_none() {
                                failed = writer.serialize_quad(&quad).err();
                            }
                        },
                    );
                    if let Some(e) = failed {
                        return Err(e.into());
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
