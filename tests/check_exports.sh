#!/usr/bin/env bash
# Builds the sample graph with the given kg binary (as a CSV dump with one date per document, so
# that the time attributes have content), exports it in every format, and has real consumers read
# the exports: xmllint for well-formedness; NetworkX, python-igraph and pandas (from PyPI, in a
# throwaway venv) for content.
set -euo pipefail
kg=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=${KG_CHECK_VENV:-/tmp/kg-check-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import networkx, igraph, pandas" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "networkx>=3,<4" "python-igraph>=0.11,<0.12" "pandas>=2,<3"
fi
cd "$work"
"$venv/bin/python" - "$repo/data/kim-putin-2023-09.txt" <<'PY'
import csv, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l.strip()]
with open("dated.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "date", "text"])
    for i, line in enumerate(lines):
        w.writerow([f"n{i}", f"2023-09-{i % 28 + 1:02d}", line])
PY
"$kg" build dated.csv --store store 2>/dev/null
"$kg" export graphml -o graph.graphml --store store 2>/dev/null
"$kg" export graphml -o undirected.graphml --undirected --store store 2>/dev/null
"$kg" export gexf -o graph.gexf --store store 2>/dev/null
"$kg" export csv -o . --store store 2>/dev/null
command -v xmllint >/dev/null || {
  echo "xmllint is needed (Debian/Ubuntu package libxml2-utils; scripts/setup.sh installs it)" >&2
  exit 1
}
xmllint --noout graph.graphml undirected.graphml graph.gexf
count() { "$kg" query "$1" --store store --format tsv | tail -n 1; }
nodes=$(count 'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH kgd:graph\/entities { ?e rdfs:label ?l } }')
# Statements the edges stand for: positive, asserted, unattributed, between two entities.
statements=$(count 'SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:object ?o ; kg:polarity "positive" ; kg:modality "asserted" .
  FILTER NOT EXISTS { ?st kg:attributedTo ?who }
  GRAPH kgd:graph\/entities { ?s rdfs:label ?a . ?o rdfs:label ?b } }')
"$venv/bin/python" "$repo/tests/check_exports.py" . "$nodes" "$statements"
