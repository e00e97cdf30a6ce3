#!/usr/bin/env bash
# Shows that a change (a refactoring, a move of code between crates) leaves kg's output as it was:
# records what a kg binary produces on fixed inputs, or records again and diffs against a record.
#
#   scripts/check_behaviour.sh record  KG DIR    # write the outputs of binary KG into DIR
#   scripts/check_behaviour.sh compare KG DIR    # record into a temporary directory, diff with DIR
#
# The inputs: CaRB dev (`kg eval carb`), the two bundled samples (`kg extract`, JSONL and
# N-Quads), the UD EWT raw text (`kg bench --write-corpus`, 4,066 paragraphs, `kg extract`), and
# the GraphML export of the sample's graph. `compare` exits 1 and prints the first lines of each
# diff when anything differs. The extractor version and document fingerprints in the N-Quads are
# blanked (see `unversioned`). Needs ../shared (set SHARED to use another copy).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
usage() { echo "usage: $0 record|compare KG DIR" >&2; exit 2; }
(($# == 3)) || usage
mode="$1"
kg="$(realpath "$2")"
dir="$3"

# The extractor's version names a fingerprint of its source, which any edit changes, and each
# document's fingerprint includes it: both literals are blanked, everything else must match.
unversioned() {
  sed -E 's@(<https://w3id.org/kg-news/ns#(extractor|fingerprint)> )"[^"]*"@\1"(version)"@'
}

record() {
  local out="$1" work
  mkdir -p "$out"
  out="$(realpath "$out")"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  "$kg" eval carb --sentences "$shared/benchmarks/carb/dev/dev.txt" \
    --gold "$shared/benchmarks/carb/dev/gold/dev.tsv" --out "$out/carb-dev.tsv" 2>/dev/null
  "$kg" extract "$root/data/kim-putin-2023-09.txt" >"$out/kim-putin.jsonl"
  "$kg" extract "$root/data/kim-putin-2023-09.txt" --format nquads | unversioned >"$out/kim-putin.nq"
  "$kg" extract "$shared/data/news/world-2024-05.csv" >"$out/world.jsonl"
  "$kg" extract "$shared/data/news/world-2024-05.csv" --format nquads | unversioned >"$out/world.nq"
  "$kg" bench --treebank "$shared/data/ud-english-ewt" --models "$root/data/models" --write-corpus "$work/ewt.txt" \
    --passes 1 >/dev/null 2>&1
  # Exit 3: EWT repeats some paragraphs, which are skipped as the same document (and listed in
  # the rejects report, written in the temporary directory).
  (cd "$work" && "$kg" extract "$work/ewt.txt" >"$out/ewt.jsonl" 2>/dev/null) || [ $? -eq 3 ]
  (cd "$work" && "$kg" build "$root/data/kim-putin-2023-09.txt" --store store --aliases "$root/data/aliases.csv" >/dev/null 2>&1 &&
    "$kg" export graphml -o "$out/kim-putin.graphml" --store store >/dev/null 2>&1)
}

case "$mode" in
record) record "$dir" ;;
compare)
  new="$(mktemp -d)"
  trap 'rm -rf "$new"' EXIT
  record "$new"
  status=0
  for f in "$dir"/*.tsv "$dir"/*.jsonl "$dir"/*.nq "$dir"/*.graphml; do
    name="$(basename "$f")"
    if ! cmp -s "$f" "$new/$name"; then
      echo "DIFFERS: $name" >&2
      diff "$f" "$new/$name" | head -20 >&2 || true
      status=1
    fi
  done
  ((status == 0)) && echo "same behaviour: all $(ls "$new" | wc -l) outputs identical"
  exit $status
  ;;
*) usage ;;
esac
