#!/usr/bin/env python3
"""Readers during a build (BENCHMARKS.md, "Readers during a build"): sixteen processes, eight
`kg query` and eight `kg export graphml`, each in a loop while `kg build` extracts, writes and
publishes a new generation of the store; then the same readers with no build running.

    scripts/bench_readers.py KG [--docs N] [--work DIR]

The dump is generated from the EWT treebank by scripts/make_dump.py (never committed): the store
starts with the first half of the documents and the build adds the second half. Prints, for each
phase, the answers per second and the latency (median, 95th percentile, max) of each kind of
reader, and checks that every answer is the old graph's or the new one's (counts of documents and
statements), as tests/e2e/incremental.rs does with fewer documents.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COUNT = ("SELECT (COUNT(DISTINCT ?st) AS ?statements) (COUNT(DISTINCT ?d) AS ?documents) "
         "WHERE { { ?d a kg:Document } UNION { ?st a rdf:Statement } }")


def run(kg, args, cwd):
    started = time.monotonic()
    out = subprocess.run([kg] + args, cwd=cwd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"kg {args} failed: {out.stderr}")
    return time.monotonic() - started, out.stdout


def readers(kg, cwd, until, answers):
    """Starts 16 reader threads that loop until `until()` is true (at least once each)."""
    def loop(kind):
        args = (["query", COUNT, "--store", "s", "--format", "csv"] if kind == "query"
                else ["export", "graphml", "-o", "-", "--store", "s"])
        while True:
            over = until()
            seconds, out = run(kg, args, cwd)
            answers.append((kind, seconds, out))
            if over:
                return
    threads = [threading.Thread(target=loop, args=("query" if i % 2 == 0 else "export",)) for i in range(16)]
    for t in threads:
        t.start()
    return threads


def report(label, answers, wall):
    for kind in ("query", "export"):
        times = sorted(s for k, s, _ in answers if k == kind)
        if not times:
            continue
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"{label:14} {kind:6} {len(times):5} answers {len(times) / wall:7.1f}/s  "
              f"median {statistics.median(times) * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  "
              f"max {times[-1] * 1000:7.0f} ms")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kg")
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--work", default="/tmp/kg-bench-readers")
    args = ap.parse_args()
    kg = os.path.realpath(args.kg)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    cwd = args.work
    subprocess.run([sys.executable, os.path.join(REPO, "scripts", "make_dump.py"), "--docs", str(args.docs),
                    "--mb", str(args.docs * 2 / 1000), "-o", "all.jsonl"], cwd=cwd, check=True,
                   capture_output=True)
    lines = open(os.path.join(cwd, "all.jsonl")).read().splitlines()
    with open(os.path.join(cwd, "old.jsonl"), "w") as f:
        f.write("\n".join(lines[: len(lines) // 2]) + "\n")
    run(kg, ["build", "old.jsonl", "--store", "s"], cwd)
    old = (run(kg, ["query", COUNT, "--store", "s", "--format", "csv"], cwd)[1],
           run(kg, ["export", "graphml", "-o", "-", "--store", "s"], cwd)[1])

    answers = []
    build = subprocess.Popen([kg, "build", "all.jsonl", "--store", "s"], cwd=cwd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    threads = readers(kg, cwd, lambda: build.poll() is not None, answers)
    build.wait()
    build_seconds = time.monotonic() - started
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    if build.returncode != 0:
        sys.exit("the build failed")
    new = (run(kg, ["query", COUNT, "--store", "s", "--format", "csv"], cwd)[1],
           run(kg, ["export", "graphml", "-o", "-", "--store", "s"], cwd)[1])
    bad = [a for a in answers if a[2] not in ((old[0], new[0]) if a[0] == "query" else (old[1], new[1]))]
    saw_old = sum(1 for a in answers if a[2] in old)
    print(f"build of {len(lines) - len(lines) // 2} more documents: {build_seconds:.1f} s with 16 readers")
    report("during build", answers, wall)
    print(f"  answers of the old graph: {saw_old}, of the new: {len(answers) - saw_old}, of neither: {len(bad)}")

    idle = []
    stop = time.monotonic() + 20
    threads = readers(kg, cwd, lambda: time.monotonic() > stop, idle)
    for t in threads:
        t.join()
    report("no build", idle, 20 + max(s for _, s, _ in idle))
    shutil.rmtree(args.work, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
