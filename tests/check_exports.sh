#!/usr/bin/env bash
# Builds the sample graph with the given kg binary, exports it, and has real consumers read the
# exports: xmllint for well-formedness, NetworkX (from PyPI, in a throwaway venv) for content.
set -euo pipefail
kg=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=${KG_CHECK_VENV:-/tmp/kg-check-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import networkx" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "networkx>=3,<4"
fi
cd "$work"
"$kg" build "$repo/data/kim-putin-2023-09.txt" --store store 2>/dev/null
"$kg" export graphml -o graph.graphml --store store 2>/dev/null
if command -v xmllint >/dev/null; then
  xmllint --noout graph.graphml
fi
nodes=$("$kg" query 'SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <https://w3id.org/kg-news/id/graph/entities> { ?e rdfs:label ?l } }' --store store --format tsv | tail -n 1)
"$venv/bin/python" "$repo/tests/check_graphml.py" graph.graphml "$nodes"
