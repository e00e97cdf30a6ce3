#!/usr/bin/env bash
# The export benchmark (BENCHMARKS.md, "Exports"): builds a synthetic store with EDGES edges at run
# time (the export_bench_store example; nothing committed), times `kg export graphml|gexf|csv` on it
# with peak memory (GNU time), then NetworkX `write_graphml` of the same graph, read from kg's CSV
# lists (NetworkX and lxml from PyPI, in a throwaway venv).
#   scripts/bench_exports.sh [EDGES] [WORKDIR]      (defaults: 1000000, /tmp/kg-export-bench)
# The store is kept in WORKDIR between runs (several GB for a million edges; delete it after).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
edges=${1:-1000000}
work=${2:-/tmp/kg-export-bench}
cd "$repo"
cargo build --release -p kg-cli
cargo build --release -p kg-graph --example export_bench_store
target=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
kg=$target/release/kg
mkdir -p "$work"
store=$work/store-$edges
if [ ! -d "$store" ]; then
  /usr/bin/time -f "store built: %e s, peak RSS %M KB" \
    "$target/release/examples/export_bench_store" "$store" "$edges"
fi
du -sh "$store"
timed() { # label, command...
  local label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KB" "$@" 2>&1 >/dev/null
}
for run in 1 2 3; do
  timed "kg export graphml (run $run)" "$kg" export graphml -o "$work/kg.graphml" --store "$store"
  timed "kg export gexf (run $run)" "$kg" export gexf -o "$work/kg.gexf" --store "$store"
  timed "kg export csv (run $run)" "$kg" export csv -o "$work/csv" --store "$store"
done
# The same export read through SPARQL instead of the build's export summaries: what a store
# written by an older kg costs (and what the summaries save).
timed "kg export csv --read-sparql" "$kg" export csv -o "$work/csv-sparql" --store "$store" --read-sparql
cmp "$work/csv/edges.csv" "$work/csv-sparql/edges.csv" && cmp "$work/csv/nodes.csv" "$work/csv-sparql/nodes.csv" &&
  echo "summaries and SPARQL give identical CSV"
ls -l "$work/kg.graphml" "$work/kg.gexf" "$work/csv"
venv=${KG_EXPORT_BENCH_VENV:-/tmp/kg-export-bench-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import networkx, lxml" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "networkx>=3,<4" "lxml>=5,<7"
fi
for run in 1 2 3; do
  "$venv/bin/python" "$repo/scripts/bench_networkx_graphml.py" "$work/csv" "$work/networkx.graphml"
done
