//! A store read back through `kg query`, in the shapes the tests compare: quads as sorted lines,
//! the rows of a SELECT, the document ids, the build history.

use std::path::Path;

use super::ok;

/// The start of the named graphs of the build history (one per build; their times differ from
/// run to run, so "the same graph" leaves them out).
pub const BUILD_GRAPHS: &str = "<https://w3id.org/kg-news/id/build/";

/// The quads of `store` whose graph name passes `keep`, as sorted tab-separated lines
/// `graph subject predicate object`.
pub fn quads(dir: &Path, store: &str, keep: &dyn Fn(&str) -> bool) -> Vec<String> {
    let out = ok(
        &[
            "query",
            "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
            "--store",
            store,
            "--format",
            "tsv",
        ],
        dir,
    );
    let mut lines: Vec<String> = out
        .lines()
        .skip(1)
        .filter(|l| keep(l.split('\t').next().unwrap_or("")))
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

/// Every quad of `store`, the build history included.
pub fn all_quads(dir: &Path, store: &str) -> Vec<String> {
    quads(dir, store, &|_| true)
}

/// Every quad but the build history: what "the same graph" means.
pub fn graph(dir: &Path, store: &str) -> Vec<String> {
    quads(dir, store, &|g| !g.starts_with(BUILD_GRAPHS))
}

/// The rows of a SELECT as tab-separated lines, header dropped.
pub fn select(dir: &Path, store: &str, sparql: &str) -> Vec<String> {
    ok(&["query", sparql, "--store", store, "--format", "tsv"], dir)
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

/// The identifiers of the stored documents, sorted.
pub fn document_ids(dir: &Path, store: &str) -> Vec<String> {
    let out = ok(
        &[
            "query",
            "SELECT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id } ORDER BY ?id",
            "--store",
            store,
            "--format",
            "csv",
        ],
        dir,
    );
    out.lines().skip(1).map(|l| l.trim().to_owned()).collect()
}

/// The build history, oldest first, as `kg history --format json` gives it.
pub fn history(dir: &Path, store: &str) -> Vec<serde_json::Value> {
    let out = ok(&["history", "--store", store, "--format", "json"], dir);
    serde_json::from_str(&out).unwrap()
}
