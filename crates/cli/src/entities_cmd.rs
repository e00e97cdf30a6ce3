//! Entity resolution glue: the alias registry file (`data/aliases.csv`, `--aliases`) that
//! `kg build` applies, and `kg entities`, which lists entities and likely duplicates to review.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use kg_graph::resolve::{Registry, RegistryEntry};
use kg_model::EntityType;
use oxigraph::model::NamedNode;

use crate::StoreArg;

/// The registry used when `--aliases` is not given, if it exists.
const DEFAULT_ALIASES: &str = "data/aliases.csv";

#[derive(clap::Args)]
pub struct ResolutionArgs {
    /// Alias registry: CSV with columns canonical, type, aliases, external_id, never_merge
    /// (aliases and never_merge separated by `|`). Default: data/aliases.csv when it exists.
    #[arg(long, value_name = "PATH")]
    pub aliases: Option<PathBuf>,
    /// Turn entity resolution off (no coreference, no alias resolution; role statements are still
    /// made, naming people as written): for benchmarks.
    #[arg(long, hide = true)]
    pub no_entity_resolution: bool,
}

impl ResolutionArgs {
    pub fn enabled(&self) -> bool {
        !self.no_entity_resolution
    }

    /// The registry to apply: the given file, else the default one if present, else empty.
    pub fn registry(&self) -> Result<Registry> {
        let path = match &self.aliases {
            Some(p) => p.clone(),
            None if Path::new(DEFAULT_ALIASES).is_file() => PathBuf::from(DEFAULT_ALIASES),
            None => return Ok(Registry::default()),
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading the alias registry {}", path.display()))?;
        let (entries, problems) = parse_registry(&text);
        for (line, reason) in &problems {
            eprintln!("warning: skipped {}:{line}: {reason}", path.display());
        }
        let (registry, duplicates) = Registry::new(entries);
        for name in duplicates {
            eprintln!(
                "warning: {}: \"{name}\" is listed for two entities; the first one keeps it",
                path.display()
            );
        }
        Ok(registry)
    }
}

/// Parses the registry; bad rows are returned as (line, reason) and skipped.
pub fn parse_registry(text: &str) -> (Vec<RegistryEntry>, Vec<(u64, String)>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push((1, format!("unreadable header: {e}")));
            return (entries, problems);
        }
    };
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(canonical) = column("canonical") else {
        problems.push((1, "no `canonical` column in the header".into()));
        return (entries, problems);
    };
    let (kind, aliases, external, never) = (
        column("type"),
        column("aliases"),
        column("external_id"),
        column("never_merge"),
    );
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                problems.push((line, e.to_string()));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let list = |i: Option<usize>| -> Vec<String> {
            field(i)
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let name = field(Some(canonical));
        if name.is_empty() {
            problems.push((line, "empty canonical name".into()));
            continue;
        }
        let kind = match field(kind).to_ascii_lowercase().as_str() {
            "" => None,
            "per" | "person" => Some(EntityType::Person),
            "org" | "organization" | "organisation" => Some(EntityType::Organization),
            "loc" | "place" | "location" | "gpe" => Some(EntityType::Place),
            "misc" | "other" => Some(EntityType::Other),
            _ => {
                problems.push((
                    line,
                    format!("unknown type `{}` (PER, ORG, LOC or MISC)", field(kind)),
                ));
                continue;
            }
        };
        let external_id = match field(external) {
            "" => None,
            iri => match NamedNode::new(iri) {
                Ok(n) => Some(n),
                Err(e) => {
                    problems.push((line, format!("external_id `{iri}` is not an IRI: {e}")));
                    continue;
                }
            },
        };
        entries.push(RegistryEntry {
            canonical: name.to_owned(),
            kind,
            aliases: list(aliases),
            external_id,
            never_merge: list(never),
        });
    }
    (entries, problems)
}

#[derive(clap::Args)]
pub struct EntitiesArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
    /// List pairs of entities that may be the same (short forms left apart, acronyms, spelling
    /// variants) for review; fix them in the alias registry.
    #[arg(long)]
    similar: bool,
    /// Include common-noun concepts.
    #[arg(long)]
    concepts: bool,
    /// Show at most this many rows (0: all).
    #[arg(long, default_value_t = 0)]
    limit: usize,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
}

/// `kg entities`.
pub fn run(args: EntitiesArgs) -> Result<()> {
    let store = crate::open_existing(&args.store.store)?;
    let rows = kg_graph::entities::list(store.oxigraph(), args.concepts)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    let short = |iri: &str| kg_graph::query::compact_iri(iri);
    if args.similar {
        let pairs = kg_graph::entities::similar(&rows);
        let table: Vec<Vec<String>> = pairs
            .iter()
            .take(limit)
            .map(|&(i, j, why)| {
                let (a, b) = (&rows[i], &rows[j]);
                vec![
                    a.label.clone(),
                    short(&a.class),
                    a.mentions.to_string(),
                    b.label.clone(),
                    short(&b.class),
                    b.mentions.to_string(),
                    why.to_owned(),
                ]
            })
            .collect();
        let header = [
            "label_a",
            "type_a",
            "mentions_a",
            "label_b",
            "type_b",
            "mentions_b",
            "why",
        ];
        return write_rows(&mut out, args.format, &header, &table);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .take(limit)
        .map(|r| {
            vec![
                r.label.clone(),
                short(&r.class),
                r.mentions.to_string(),
                r.documents.to_string(),
                r.aliases.join(" | "),
                short(&r.iri),
                r.same_as.join(" "),
            ]
        })
        .collect();
    let header = [
        "label",
        "type",
        "mentions",
        "documents",
        "aliases",
        "iri",
        "same_as",
    ];
    write_rows(&mut out, args.format, &header, &table)
}

fn write_rows(
    out: &mut impl Write,
    format: ListFormat,
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<()> {
    match format {
        ListFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(header)?;
            for r in rows {
                w.write_record(r)?;
            }
            w.flush()?;
        }
        ListFormat::Table => {
            let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
            for r in rows {
                for (w, c) in widths.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count()).min(48);
                }
            }
            let line = |cells: Vec<String>| -> String {
                cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| {
                        let c: String = c.chars().take(*w).collect();
                        format!("{c:<w$}")
                    })
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_owned()
            };
            writeln!(
                out,
                "{}",
                line(header.iter().map(|h| h.to_string()).collect())
            )?;
            for r in rows {
                writeln!(out, "{}", line(r.clone()))?;
            }
            writeln!(out, "({} rows)", rows.len())?;
            out.flush()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_rows_and_bad_rows() {
        let text = "# comment\ncanonical,type,aliases,external_id,never_merge\n\
            Kim Jong Un,PER,Kim Jong-un|Marshal Kim,http://www.wikidata.org/entity/Q56226,Kim Tok Hun\n\
            Bad Type,ROBOT,,,\n\
            ,PER,x,,\n\
            \"United Nations, The\",ORG,UN|U.N.,,\n\
            Bad Id,ORG,,not an iri,\n";
        let (entries, problems) = parse_registry(text);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].canonical, "Kim Jong Un");
        assert_eq!(entries[0].aliases, ["Kim Jong-un", "Marshal Kim"]);
        assert_eq!(entries[0].never_merge, ["Kim Tok Hun"]);
        assert!(entries[0].external_id.is_some());
        assert_eq!(entries[1].canonical, "United Nations, The");
        let lines: Vec<u64> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [4, 5, 7], "{problems:?}");
        assert!(problems[0].1.contains("ROBOT"));
    }
}
