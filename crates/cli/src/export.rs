//! `kg export graphml|gexf|csv`: the projection of the store — the relation graph, or the
//! co-mention network (`--network comention --window sentence|document`) — filtered, written for
//! Gephi, NetworkX, igraph, pandas and R. The filters and the projection live in `kg-graph`; this
//! is the argument parsing and the file handling.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use kg_graph::projection::{self, Direction, EntityGraph, Filters, Network, Window};

use crate::{open_existing, write_output, StoreArg};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// GraphML for Gephi, NetworkX, igraph, yEd: node label, type, mentions, first/last seen,
    /// aliases, colour (r, g, b) by type and size by mentions; edge label (the relation), weight
    /// (supporting statements), first/last date and a short evidence sentence.
    Graphml {
        #[command(flatten)]
        common: ExportArgs,
        /// Output file ("-" for standard output).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Dynamic GEXF 1.3 for Gephi's timeline: the GraphML content, with spells (the days each
    /// node and edge was seen) and each relation as an edge kind.
    Gexf {
        #[command(flatten)]
        common: ExportArgs,
        /// Output file ("-" for standard output).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// nodes.csv and edges.csv in Gephi's spreadsheet-import columns (Id, Label, …; Source,
    /// Target, Type, Id, Label, Weight, …), for Gephi, pandas, R.
    #[command(
        after_help = "Give -o DIR (writes DIR/nodes.csv and DIR/edges.csv), or --nodes \
        and --edges."
    )]
    Csv {
        #[command(flatten)]
        common: ExportArgs,
        /// Directory to write nodes.csv and edges.csv in (created if missing).
        #[arg(long, short, conflicts_with_all = ["nodes", "edges"])]
        output: Option<PathBuf>,
        /// Path of the node list.
        #[arg(long, requires = "edges")]
        nodes: Option<PathBuf>,
        /// Path of the edge list.
        #[arg(long, requires = "nodes")]
        edges: Option<PathBuf>,
    },
}

/// The network `--network` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum NetworkArg {
    /// Entities linked by the relations their statements assert.
    Relations,
    /// Entities linked by being named in the same sentence or document (undirected, weighted by
    /// the number of sentences or documents).
    Comention,
}

/// The window `--window` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum WindowArg {
    Sentence,
    Document,
}

/// Options every export takes: the store, the network, the direction and the filters.
#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Which network: the relations between entities, or who is named with whom (every person,
    /// organisation and place recognised, whether or not a statement names it).
    #[arg(long, value_enum, default_value = "relations")]
    network: NetworkArg,
    /// For --network comention: entities named in one sentence, or in one document, are linked.
    #[arg(long, value_enum, default_value = "sentence")]
    window: WindowArg,
    /// Also show concepts (common-noun arguments such as "ballistic missiles") as nodes; by
    /// default only named entities (persons, organisations, places, other named things) are.
    #[arg(long, conflicts_with = "types")]
    concepts: bool,
    /// Directed edges, subject → object (the default; a co-mention network is undirected).
    #[arg(long, overrides_with = "undirected")]
    directed: bool,
    /// Undirected edges: both directions of a relation merged into one edge.
    #[arg(long, overrides_with = "directed")]
    undirected: bool,
    /// Keep only the subgraph a SPARQL file selects: a CONSTRUCT, or a SELECT binding ?s ?p ?o.
    /// Its triples between entities select those relations; every entity it names is kept.
    #[arg(long, value_name = "FILE.rq")]
    query: Option<PathBuf>,
    /// Keep only edges with at least N supporting statements (and the nodes they link).
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_weight: u64,
    /// Keep only entities of these types: person, organization, place, concept, other
    /// (comma-separated; default: all but concept).
    #[arg(long, value_name = "TYPES")]
    types: Option<String>,
    /// Keep only statements dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY); undated ones go.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Keep only statements dated on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY); undated ones go.
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Keep only the neighbourhood of ENTITY (its label, another name, or its IRI)…
    #[arg(long, value_name = "ENTITY")]
    ego: Option<String>,
    /// …up to N hops away, in either direction.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "ego")]
    depth: usize,
    /// Read the statements through SPARQL even when the store has export summaries (for tests
    /// and the export benchmark, which compare the two).
    #[arg(long, hide = true)]
    read_sparql: bool,
}

impl ExportArgs {
    fn direction(&self) -> Direction {
        if self.undirected && !self.directed || self.network == NetworkArg::Comention {
            Direction::Undirected
        } else {
            Direction::Directed
        }
    }

    fn filters(&self) -> Result<Filters> {
        let query = match &self.query {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .with_context(|| format!("reading the --query file {}", path.display()))?,
            ),
            None => None,
        };
        let bound = |text: &Option<String>, end: bool, flag: &str| -> Result<_> {
            text.as_deref()
                .map(|t| projection::parse_date_bound(t, end))
                .transpose()
                .with_context(|| format!("--{flag}"))
        };
        let network = match (self.network, self.window) {
            (NetworkArg::Relations, _) => Network::Relations,
            (NetworkArg::Comention, WindowArg::Sentence) => Network::CoMention(Window::Sentence),
            (NetworkArg::Comention, WindowArg::Document) => Network::CoMention(Window::Document),
        };
        let filters = Filters {
            network,
            query,
            min_weight: self.min_weight,
            types: match (&self.types, self.concepts) {
                (Some(list), _) => projection::parse_types(list).context("--types")?,
                (None, true) => Vec::new(),
                (None, false) => projection::named_types(),
            },
            since: bound(&self.since, false, "since")?,
            until: bound(&self.until, true, "until")?,
            ego: self.ego.clone(),
            depth: self.depth,
        };
        if let (Some(since), Some(until)) = (filters.since, filters.until) {
            if since > until {
                bail!("--since {since} is after --until {until}");
            }
        }
        Ok(filters)
    }

    /// Opens the store and projects it.
    fn project(&self) -> Result<EntityGraph> {
        let filters = self.filters()?;
        let store = open_existing(&self.store.store)?;
        let path = if self.read_sparql {
            projection::ReadPath::Sparql
        } else {
            projection::ReadPath::Auto
        };
        let (graph, used) = projection::project_reading(&store, &filters, self.direction(), path)
            .map_err(|e| match (&self.query, &e) {
            (Some(path), kg_graph::GraphError::Syntax(_) | kg_graph::GraphError::Invalid(_)) => {
                anyhow::anyhow!("{}: {e}", path.display())
            }
            _ => e.into(),
        })?;
        if used != path {
            eprintln!(
                "note: this store has no export summaries (it was written by an older kg), so \
                 the statements were read through SPARQL, which is slower on large stores; the \
                 next `kg build` adds them"
            );
        }
        Ok(graph)
    }
}

pub fn run(command: ExportCommand) -> Result<()> {
    match command {
        ExportCommand::Graphml { common, output } => {
            let started = Instant::now();
            let graph = common.project()?;
            let projected = started.elapsed();
            let direction = common.direction();
            write_output(&output, |w| kg_graph::graphml::write(&graph, direction, w))?;
            report(&graph, &output, projected, started.elapsed() - projected);
        }
        ExportCommand::Gexf { common, output } => {
            let started = Instant::now();
            let graph = common.project()?;
            let projected = started.elapsed();
            let direction = common.direction();
            write_output(&output, |w| kg_graph::gexf::write(&graph, direction, w))?;
            report(&graph, &output, projected, started.elapsed() - projected);
        }
        ExportCommand::Csv {
            common,
            output,
            nodes,
            edges,
        } => {
            let (nodes, edges) = match (output, nodes, edges) {
                (Some(dir), _, _) => {
                    std::fs::create_dir_all(&dir)
                        .with_context(|| format!("creating {}", dir.display()))?;
                    (dir.join("nodes.csv"), dir.join("edges.csv"))
                }
                (None, Some(n), Some(e)) => (n, e),
                _ => bail!("give -o DIR, or --nodes FILE and --edges FILE"),
            };
            if nodes == edges {
                bail!("--nodes and --edges name the same file");
            }
            let started = Instant::now();
            let graph = common.project()?;
            let projected = started.elapsed();
            let direction = common.direction();
            write_output(&nodes, |w| {
                kg_graph::csv_export::write_nodes(&graph, w).map_err(std::io::Error::from)
            })?;
            write_output(&edges, |w| {
                kg_graph::csv_export::write_edges(&graph, direction, w)
                    .map_err(std::io::Error::from)
            })?;
            eprintln!(
                "wrote {} nodes to {} and {} edges to {} (store read and projected in {:.1?}, \
                 written in {:.1?})",
                graph.node_count(),
                nodes.display(),
                graph.edge_count(),
                edges.display(),
                projected,
                started.elapsed() - projected
            );
        }
    }
    Ok(())
}

/// What was written, and where the time went (the export benchmark reads this).
fn report(graph: &EntityGraph, output: &Path, projected: Duration, written: Duration) {
    eprintln!(
        "wrote {} nodes and {} edges to {} (store read and projected in {projected:.1?}, \
         written in {written:.1?})",
        graph.node_count(),
        graph.edge_count(),
        output.display()
    );
}
