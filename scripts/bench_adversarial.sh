#!/usr/bin/env bash
# Adversarial input against ordinary news prose (BENCHMARKS.md, "Adversarial input"): builds each
# item of the corpus that scripts/make_adversarial.py writes, each into a fresh store, and prints
# its bytes, time, throughput and peak memory beside the prose run's.
#
#   nice scripts/bench_adversarial.sh KG [WORKDIR]
#
# KG is the kg binary to measure (a release build). "text bytes" are the bytes of text kg builds:
# a record over the 1 MiB document limit counts 1 MiB (kg truncates it, with a warning), so the
# throughput of the 5 MB record is that of the part it builds. The bar (issue 21): every item at
# least a fifth of prose's bytes/s, peak memory within 1.5× of prose's, no panic. TIMEOUT (seconds,
# default 1800) stops an item that stalls; its status says so (exit 124). Each item is built RUNS
# times (default 3) and the median time and median peak are printed: peak RSS varies by tens of
# megabytes from run to run with how the bulk loader's thread and the extraction threads overlap.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kg=$(realpath "${1:?usage: bench_adversarial.sh KG [WORKDIR]}")
work=${2:-/tmp/kg-bench-adversarial}
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"/store-*' EXIT
python3 "$repo/scripts/make_adversarial.py" -o "$work/corpus"
cd "$work"

text_bytes() {
  python3 - "$1" <<'EOF'
import json, sys
path, limit, total = sys.argv[1], 1 << 20, 0
with open(path, encoding="utf-8", newline="\n") as f:
    for line in f:
        text = json.loads(line)["text"] if path.endswith(".jsonl") else line.rstrip("\n")
        total += min(len(text.encode("utf-8")), limit)
print(total)
EOF
}

printf '%-20s %10s %10s %8s %10s %8s %7s %7s %s\n' item "file B" "text B" "s" "B/s" "peak MB" "×speed" "×mem" status
prose_rate=""
prose_mem=""
for path in corpus/prose.jsonl $(ls corpus/* | grep -v prose); do
  name=$(basename "${path%.*}")
  status=ok
  : >times.txt
  for _ in $(seq "${RUNS:-3}"); do
    rm -rf "store-$name"
    /usr/bin/time -f "%e %M" -o time.txt timeout "${TIMEOUT:-1800}" "$kg" build "$path" \
      --store "store-$name" >"$name.out" 2>"$name.err" || status="exit $?"
    grep -q panicked "$name.err" && status="PANIC"
    tail -1 time.txt >>times.txt
  done
  read -r seconds kb < <(python3 -c "
import statistics, sys
rows = [l.split() for l in open('times.txt') if l.strip()]
print(statistics.median(float(r[0]) for r in rows), statistics.median(int(r[1]) for r in rows))")
  bytes=$(text_bytes "$path")
  rate=$(python3 -c "print(round($bytes / max($seconds, 0.01)))")
  mem=$(python3 -c "print(round($kb / 1024, 1))")
  if [ -z "$prose_rate" ]; then
    prose_rate=$rate
    prose_mem=$mem
  fi
  speed=$(python3 -c "print(f'{$rate / $prose_rate:.2f}')")
  memx=$(python3 -c "print(f'{$mem / $prose_mem:.2f}')")
  printf '%-20s %10s %10s %8s %10s %8s %7s %7s %s\n' "$name" "$(stat -c %s "$path")" "$bytes" \
    "$seconds" "$rate" "$mem" "$speed" "$memx" "$status"
  rm -rf "store-$name"
done
