#!/usr/bin/env python3
"""Generate a large synthetic news-like dump from the sentences of a UD treebank, for benchmarks.

The treebank (CC BY-SA) is read at benchmark time and the dump is written outside the repository:
never commit either. Each document is a window of consecutive sentences (so it reads like a real
text) starting at a seeded random position; documents get stable ids, dates and titles, so the same
arguments always give the same bytes.

    scripts/make_dump.py --docs 10000 --mb 21 -o /tmp/dump.jsonl
    scripts/make_dump.py --docs 10000 --mb 21 --change 0.01 -o /tmp/dump-1pc.jsonl

`--change F` rewrites the text of a fraction F of the documents (same ids), as a newer dump in
which some articles were updated; everything else is byte-identical to the run without it.
Output format follows the file name: .jsonl, .csv or .txt (one document per line, no metadata);
add .gz to compress.
"""

import argparse
import csv
import glob
import gzip
import io
import json
import os
import random
import sys

DEFAULT_TREEBANK = "/work/shared/data/ud-english-ewt"


def sentences(treebank):
    """All `# text = ...` sentences of the .conllu files under `treebank`, in file order."""
    files = sorted(glob.glob(os.path.join(treebank, "*.conllu"))) if os.path.isdir(treebank) else [treebank]
    if not files:
        sys.exit(f"no .conllu files in {treebank}")
    out = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    text = line[len("# text = "):].strip()
                    if text:
                        out.append(text)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=10000, help="number of documents (default 10000)")
    p.add_argument("--mb", type=float, default=21.0, help="approximate total text size in MB (default 21)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p.add_argument("--change", type=float, default=0.0, help="fraction of documents whose text is changed")
    p.add_argument("--treebank", default=DEFAULT_TREEBANK, help="UD treebank directory or .conllu file")
    p.add_argument("-o", "--output", required=True, help="output file (.jsonl, .csv, .txt, optionally .gz)")
    args = p.parse_args()

    pool = sentences(args.treebank)
    mean_len = sum(len(s) + 1 for s in pool) / len(pool)
    per_doc = max(1, round(args.mb * 1_000_000 / args.docs / mean_len))
    rng = random.Random(args.seed)
    # Changes draw from their own generator so that unchanged documents are identical whatever --change is.
    change_rng = random.Random(args.seed * 7919 + 1)

    name = args.output[:-3] if args.output.endswith(".gz") else args.output
    fmt = name.rsplit(".", 1)[-1].lower()
    if fmt not in ("jsonl", "csv", "txt"):
        sys.exit("output must end in .jsonl, .csv or .txt (optionally .gz)")
    raw = gzip.open(args.output, "wb") if args.output.endswith(".gz") else open(args.output, "wb")
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writerow(["id", "date", "title", "text"])

    total = 0
    for i in range(args.docs):
        n = max(1, int(rng.gauss(per_doc, per_doc / 4)))
        start = rng.randrange(len(pool))
        window = [pool[(start + k) % len(pool)] for k in range(n)]
        changed = args.change > 0 and change_rng.random() < args.change
        if changed:
            # An updated article: one sentence replaced, one appended.
            window[change_rng.randrange(len(window))] = pool[change_rng.randrange(len(pool))]
            window.append(pool[change_rng.randrange(len(pool))])
        text = " ".join(window)
        doc_id = f"ewt-{i:06d}"
        date = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        title = " ".join(window[0].split()[:8])
        total += len(text.encode("utf-8"))
        if fmt == "jsonl":
            out.write(json.dumps({"id": doc_id, "date": date, "title": title, "text": text}, ensure_ascii=False))
            out.write("\n")
        elif fmt == "csv":
            writer.writerow([doc_id, date, title, text])
        else:
            out.write(text.replace("\n", " ") + "\n")
    out.close()
    print(f"wrote {args.docs} documents, {total / 1e6:.1f} MB of text, to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
