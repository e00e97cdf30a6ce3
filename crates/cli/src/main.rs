//! `kg`: build a knowledge graph from news dumps, query it with SPARQL, export it.
//!
//! Thin by design: this binary reads files, parses arguments, shows progress and reports errors
//! with file and line; everything about language lives in `kg-extract` and everything about RDF in
//! `kg-graph`.

mod bench;
mod carb;
mod dump;
mod entities_cmd;
mod export;
mod history;
mod ingest;
mod model;
mod models;
mod news_eval;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use kg_graph::query::OutputFormat;
use kg_graph::KgStore;

/// Exit status when the build completed but some input records were rejected.
const EXIT_REJECTS: u8 = 3;

#[derive(Parser)]
#[command(
    name = "kg",
    version,
    about = "Knowledge graphs from news dumps: extract facts, store them as RDF, query, export.",
    long_about = "Knowledge graphs from news dumps.\n\n\
        kg reads dumps of news articles (text with one document per line, CSV, JSONL, gzipped or \
        not, or directories of them), extracts who did what to whom, where and when, and stores the \
        facts as RDF in an embedded oxigraph store, with a link from every fact back to its sentence \
        and document. Query the store with SPARQL 1.1, or export it for Gephi.\n\n\
        Typical session:\n  kg build data/kim-putin-2023-09.txt\n  kg query queries/meetings.rq\n  \
        kg export graphml -o graph.graphml",
    after_help = "Exit status: 0 success; 1 error; 2 bad usage; 3 built, but some input records \
        were rejected (see the rejects report)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
pub struct StoreArg {
    /// Store directory (an oxigraph RocksDB store).
    #[arg(long, default_value = "kg-store", env = "KG_STORE")]
    pub store: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from dumps and add them to the store (incremental: unchanged documents are
    /// skipped, changed ones replaced).
    Build(ingest::BuildArgs),
    /// Extract facts from dumps and print them, without a store.
    Extract(ingest::ExtractArgs),
    /// Run a SPARQL 1.1 query (text or a .rq file). The prefixes kg, kgd, rdf, rdfs, xsd, schema,
    /// skos, prov, dcterms and owl are predeclared; the default graph is the union of all graphs.
    Query {
        /// The query, or the path of a file holding it.
        query: String,
        #[command(flatten)]
        store: StoreArg,
        /// Output format: table, csv, tsv, json, xml for SELECT/ASK; turtle, ntriples, nquads for
        /// CONSTRUCT/DESCRIBE (table means turtle there).
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Export the graph of entities and relations (GraphML, GEXF, CSV), whole or filtered.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// List the builds recorded in the store: when, from which inputs (with their sha256), what
    /// changed, and which extractor and models made the graph.
    History(history::HistoryArgs),
    /// List entities with mention counts and aliases (--similar: likely duplicates to review).
    Entities(entities_cmd::EntitiesArgs),
    /// Count documents, sentences, statements and entities in the store.
    Stats {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Train or evaluate the NLP models on UD treebanks.
    #[command(subcommand)]
    Model(model::ModelCommand),
    /// Evaluate the extractor on a benchmark (CaRB, news facts).
    #[command(subcommand)]
    Eval(carb::EvalCommand),
    /// Measure tokenise/tag/parse throughput, start-up time and peak memory on a corpus.
    Bench(bench::BenchArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Ntriples,
    Nquads,
}

impl From<Format> for OutputFormat {
    fn from(f: Format) -> OutputFormat {
        match f {
            Format::Table => OutputFormat::Table,
            Format::Csv => OutputFormat::Csv,
            Format::Tsv => OutputFormat::Tsv,
            Format::Json => OutputFormat::Json,
            Format::Xml => OutputFormat::Xml,
            Format::Turtle => OutputFormat::Turtle,
            Format::Ntriples => OutputFormat::NTriples,
            Format::Nquads => OutputFormat::NQuads,
        }
    }
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Caps glibc's malloc arenas at one per core. By default glibc gives threads up to 8 arenas per
/// core, and memory freed in one arena serves no other: a build's extraction threads, RocksDB's
/// background threads and the bulk loader's threads each grow their own heap, and the process's
/// memory kept growing with the size of the dump (a 10,000-document build peaked at 483 MB against
/// 387 MB for 2,500 documents; with two arenas 373 MB against 337 MB, and 9 % faster). Called
/// first thing in `main`, before any thread exists.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // A user's own MALLOC_ARENA_MAX wins.
        if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
            return;
        }
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores.max(2)).unwrap_or(libc::c_int::MAX);
        // SAFETY: mallopt only sets a parameter of the allocator, and no other thread exists yet.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => {
            let summary = ingest::build(&args)?;
            Ok(if summary.rejected > 0 {
                ExitCode::from(EXIT_REJECTS)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Extract(args) => {
            let rejected = ingest::extract(&args)?;
            Ok(if rejected > 0 {
                ExitCode::from(EXIT_REJECTS)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Query {
            query,
            store,
            format,
        } => {
            let text = if query.ends_with(".rq") || std::path::Path::new(&query).is_file() {
                std::fs::read_to_string(&query).with_context(|| format!("reading {query}"))?
            } else {
                query
            };
            let store = open_existing(&store.store)?;
            let results = kg_graph::query::execute(&store, &text)?;
            let stdout = std::io::stdout().lock();
            kg_graph::query::write_results(
                results,
                format.into(),
                std::io::BufWriter::new(stdout),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(command) => {
            export::run(command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::History(args) => {
            history::run(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Model(command) => {
            model::run(command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Entities(args) => entities_cmd::run(args).map(|()| ExitCode::SUCCESS),
        Command::Eval(command) => {
            carb::run(command)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(args) => {
            bench::run(args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { store } => {
            let store = open_existing(&store.store)?;
            let stats = store.stats()?;
            println!("documents   {}", stats.documents);
            println!("sentences   {}", stats.sentences);
            println!("statements  {}", stats.statements);
            for (class, n) in &stats.entities_by_type {
                println!("{:<11} {n}", kg_graph::query::compact_iri(class));
            }
            println!("quads       {}", stats.quads);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Opens a store that must already exist, read-only, so queries run while a build writes.
pub fn open_existing(path: &std::path::Path) -> Result<KgStore> {
    if !path.is_dir() {
        anyhow::bail!(
            "no store at {}: run `kg build <dump>` first, or pass --store DIR",
            path.display()
        );
    }
    KgStore::open_read_only(path)
        .with_context(|| format!("opening the store at {}", path.display()))
}

/// Writes to a file (atomically: a temporary file renamed into place) or to stdout for "-".
fn write_output(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    if path.as_os_str() == "-" {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write(&mut out)?;
        std::io::Write::flush(&mut out)?;
        return Ok(());
    }
    let tmp = path.with_extension("kg-partial");
    {
        let file =
            std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut out = std::io::BufWriter::new(file);
        write(&mut out).with_context(|| format!("writing {}", tmp.display()))?;
        std::io::Write::flush(&mut out)?;
    }
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
