#!/usr/bin/env bash
# Builds the sample dump with the given kg binary, exports it as GraphML and renders it headless
# to docs/sample-graph.png (NetworkX spring layout, matplotlib; from PyPI, in a throwaway venv).
#   scripts/render_sample_graph.sh target/release/kg [OUT.png]
set -euo pipefail
kg=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${2:-$repo/docs/sample-graph.png}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=${KG_RENDER_VENV:-/tmp/kg-render-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import networkx, matplotlib, scipy" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "networkx>=3,<4" "matplotlib>=3.8,<4" "scipy>=1.11,<2"
fi
"$kg" build "$repo/data/kim-putin-2023-09.txt" --store "$work/store"
"$kg" export graphml -o "$work/sample.graphml" --store "$work/store"
"$venv/bin/python" "$repo/scripts/render_graph.py" "$work/sample.graphml" "$out" \
  "kg export graphml of data/kim-putin-2023-09.txt (entities with relations)"
