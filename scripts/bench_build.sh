#!/usr/bin/env bash
# Build benchmarks for BENCHMARKS.md ("Builds"): throughput, incremental re-builds, peak memory at
# two dump sizes, and store load time against oxigraph's own bulk loader.
#
#   nice scripts/bench_build.sh KG [WORKDIR]
#
# KG is the kg binary to measure (a release build). The dumps are generated here from the EWT
# treebank (scripts/make_dump.py, TREEBANK=...) and never committed. DOCS and MB set the large dump
# (default 10000 documents, 21 MB of text); the small one is a quarter of it. The peer is the
# `oxigraph` command of oxigraph-cli, the same 0.5.13 as kg's oxigraph crate, installed from its
# PyPI wheel (package `oxigraph`, the CLI binary) into a throwaway venv (OXIGRAPH_VENV, default
# /tmp/kg-oxigraph-venv) instead of compiling RocksDB a third time with `cargo install`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kg=$(realpath "${1:?usage: bench_build.sh KG [WORKDIR]}")
work=${2:-/tmp/kg-bench-build}
docs=${DOCS:-10000}
mb=${MB:-21}
treebank=${TREEBANK:-/work/shared/data/ud-english-ewt}
venv=${OXIGRAPH_VENV:-/tmp/kg-oxigraph-venv}
if [ ! -x "$venv/bin/oxigraph" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'oxigraph==0.5.13'
fi
ox="$venv/bin/oxigraph"
mkdir -p "$work"
cd "$work"
rm -rf store-* ox-* copy-* ./*.nq
# The stores take gigabytes (a 10,000-document store is several GB with its write-ahead logs):
# removed at the end unless KEEP=1.
[ "${KEEP:-}" = 1 ] || trap 'rm -rf store-* ox-* copy-* ./*.nq' EXIT

gen() { python3 "$repo/scripts/make_dump.py" --treebank "$treebank" "$@"; }
gen --docs "$docs" --mb "$mb" -o big.jsonl
gen --docs "$docs" --mb "$mb" --change 0.01 -o big-1pc.jsonl
gen --docs $((docs / 4)) --mb "$(python3 -c "print($mb / 4)")" -o small.jsonl

# run LABEL CMD...: wall and CPU seconds and peak RSS from GNU time, then kg's own summary line.
run() {
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o time.txt "$@" 2>log.txt >/dev/null || true
  # GNU time puts "Command exited with non-zero status N" first when the command fails.
  read -r wall user sys rss < <(tail -n 1 time.txt)
  printf '%-30s wall %8.1f s  cpu %8.1f s  peak %6d MB\n' "$label" "$wall" \
    "$(python3 -c "print($user + $sys)")" $((rss / 1024))
  grep -E '^(built|error)' log.txt | sed 's/^/    /' || true
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kg: $kg; peer: $("$ox" --version)"
ls -l big.jsonl big-1pc.jsonl small.jsonl | awk '{print "dump:", $5, "bytes", $9}'
run "full build, small dump" "$kg" build small.jsonl --store store-small --rejects rejects.tsv
run "full build, large dump" "$kg" build big.jsonl --store store-big --rejects rejects.tsv
du -sh "store-big/$(cat store-big/HEAD)" | awk '{print "store size:", $1}'

# The same quads through oxigraph's bulk loader: the N-Quads of the generation the full build
# published (dumped from a copy, so the benchmark store is never opened by anyone but kg).
cp -r "store-big/$(cat store-big/HEAD)" copy-big
"$ox" dump --location copy-big --file big.nq
echo "n-quads: $(wc -l <big.nq) quads, $(stat -c %s big.nq) bytes"
run "oxigraph load (oxigraph-cli)" "$ox" load --location ox-store --file big.nq
du -sh ox-store | awk '{print "oxigraph store size:", $1}'

run "re-build, unchanged" "$kg" build big.jsonl --store store-big --rejects rejects.tsv
run "re-build, 1 % changed" "$kg" build big-1pc.jsonl --store store-big --rejects rejects.tsv
