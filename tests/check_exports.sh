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
# The relation graph with concepts (its nodes: every entity a statement names), and the
# co-mention network (every entity of the mention layer) in a directory of its own.
"$kg" export graphml -o graph.graphml --concepts --store store 2>/dev/null
"$kg" export graphml -o undirected.graphml --concepts --undirected --store store 2>/dev/null
"$kg" export gexf -o graph.gexf --concepts --store store 2>/dev/null
"$kg" export csv -o . --concepts --store store 2>/dev/null
"$kg" export graphml -o named.graphml --store store 2>/dev/null
mkdir comention
for format in graphml gexf; do
  "$kg" export $format -o comention/graph.$format --network comention --store store 2>/dev/null
done
cp comention/graph.graphml comention/undirected.graphml
"$kg" export csv -o comention --network comention --store store 2>/dev/null
command -v xmllint >/dev/null || {
  echo "xmllint is needed (Debian/Ubuntu package libxml2-utils; scripts/setup.sh installs it)" >&2
  exit 1
}
xmllint --noout graph.graphml undirected.graphml graph.gexf named.graphml comention/graph.graphml \
  comention/graph.gexf
count() { "$kg" query "$1" --store store --format tsv | tail -n 1; }
nodes=$(count 'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH kgd:graph\/entities {
  ?e rdfs:label ?l ; kg:mentionCount ?m FILTER(?m > 0) } }')
# Statements the edges stand for: positive, asserted, unattributed, between two entities.
statements=$(count 'SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:object ?o ; kg:polarity "positive" ; kg:modality "asserted" .
  FILTER NOT EXISTS { ?st kg:attributedTo ?who }
  GRAPH kgd:graph\/entities { ?s rdfs:label ?a . ?o rdfs:label ?b } }')
"$venv/bin/python" "$repo/tests/check_exports.py" . "$nodes" "$statements"
# The default relation export: the same relations among named entities, no concept.
"$venv/bin/python" - named.graphml graph.graphml <<'PY'
import sys
import networkx as nx
named, full = nx.read_graphml(sys.argv[1]), nx.read_graphml(sys.argv[2])
assert named.number_of_nodes() > 0
assert all(d["type"] != "Concept" for _, d in named.nodes(data=True))
kept = {n for n, d in full.nodes(data=True) if d["type"] != "Concept"}
assert set(named.nodes) == kept, set(named.nodes) ^ kept
assert named.number_of_edges() == full.subgraph(kept).number_of_edges()
print(f"named-entity export ok: {named.number_of_nodes()} nodes, {named.number_of_edges()} edges")
PY
mentioned=$(count 'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s schema:mentions ?e .
  GRAPH kgd:graph\/entities { ?e rdfs:label ?l } }')
# Pairs of entities named in one sentence: the co-mention edges' weights add up to them.
pairs=$(count 'SELECT (COUNT(*) AS ?n) WHERE { ?s schema:mentions ?a , ?b FILTER(STR(?a) < STR(?b)) }')
"$venv/bin/python" "$repo/tests/check_exports.py" comention "$mentioned" "$pairs" comention
