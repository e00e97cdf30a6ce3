//! `kg history`: the builds recorded in the store (each a `prov:Activity`), oldest first.

use std::io::Write;

use anyhow::Result;
use kg_graph::history::{self, BuildRecord};

use crate::StoreArg;

#[derive(clap::Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    store: StoreArg,
    /// table: one line per build; csv: one row per build (inputs joined with ";"); json: every
    /// detail, with the inputs' sha256 and the model versions.
    #[arg(long, short, value_enum, default_value_t = HistoryFormat::Table)]
    format: HistoryFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum HistoryFormat {
    Table,
    Csv,
    Json,
}

pub fn run(args: &HistoryArgs) -> Result<()> {
    let store = crate::open_existing(&args.store.store)?;
    let records = history::list(&store)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        HistoryFormat::Json => {
            let list: Vec<serde_json::Value> = records.iter().map(json).collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        HistoryFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(COLUMNS)?;
            for r in &records {
                w.write_record(row(r))?;
            }
            w.flush()?;
        }
        HistoryFormat::Table => {
            let rows: Vec<Vec<String>> = records.iter().map(row).collect();
            // Inputs' digests, the extractor and the registry fingerprint are too wide.
            let shown = COLUMNS.len() - 3;
            let mut widths: Vec<usize> = COLUMNS[..shown].iter().map(|c| c.len()).collect();
            for r in &rows {
                for (w, cell) in widths.iter_mut().zip(r) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let line = |cells: Vec<&str>| {
                cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| format!("{c:<w$}"))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_owned()
            };
            writeln!(out, "{}", line(COLUMNS[..shown].to_vec()))?;
            for r in &rows {
                writeln!(
                    out,
                    "{}",
                    line(r[..shown].iter().map(String::as_str).collect())
                )?;
            }
            if records.is_empty() {
                writeln!(out, "(no builds recorded)")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

const COLUMNS: [&str; 14] = [
    "build",
    "started",
    "ended",
    "mode",
    "added",
    "changed",
    "removed",
    "skipped",
    "rejected",
    "statements",
    "inputs",
    "input_sha256",
    "extractor",
    "entity_resolution",
];

fn row(r: &BuildRecord) -> Vec<String> {
    let join = |f: &dyn Fn(&history::Input) -> String| {
        r.inputs.iter().map(f).collect::<Vec<_>>().join(";")
    };
    vec![
        r.number.to_string(),
        r.started.clone(),
        r.ended.clone(),
        r.mode.clone(),
        r.added.to_string(),
        r.changed.to_string(),
        r.removed.to_string(),
        r.skipped.to_string(),
        r.rejected.to_string(),
        r.statements.to_string(),
        join(&|i| i.path.clone()),
        join(&|i| i.sha256.clone()),
        r.extractor.clone(),
        r.resolution.clone(),
    ]
}

fn json(r: &BuildRecord) -> serde_json::Value {
    serde_json::json!({
        "build": r.number,
        "started": r.started,
        "ended": r.ended,
        "mode": r.mode,
        "added": r.added,
        "changed": r.changed,
        "removed": r.removed,
        "skipped": r.skipped,
        "rejected": r.rejected,
        "statements": r.statements,
        "inputs": r.inputs.iter().map(|i| serde_json::json!({
            "path": i.path, "sha256": i.sha256, "bytes": i.bytes,
        })).collect::<Vec<_>>(),
        "extractor": r.extractor,
        "models": r.models,
        "software": r.software,
        "entity_resolution": r.resolution,
    })
}
