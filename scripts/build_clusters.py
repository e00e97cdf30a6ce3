#!/usr/bin/env python3
"""Builds data/gazetteer/clusters.tsv (word clusters for the NER) from a PyPI package, reproducibly.

    pip download --no-deps -d /tmp/lk spacy-lookups-data==1.0.5
    python3 scripts/build_clusters.py /tmp/lk/spacy_lookups_data-1.0.5-py2.py3-none-any.whl data/gazetteer

Source: spacy-lookups-data 1.0.5 (MIT licence, (c) ExplosionAI GmbH), table en_lexeme_cluster:
Brown clusters of English words computed by spaCy's authors on a large web corpus (Reddit
comments), one integer per word holding its path in the cluster tree with the root's branch in the
lowest bit. Words with no cluster (0) and words containing whitespace are left out. Output: one
`word<TAB>path` line per word, sorted by word; deterministic.
"""

import gzip
import json
import sys
import zipfile

MEMBER = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"


def main(wheel: str, out_dir: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        table = json.loads(gzip.decompress(z.read(MEMBER)))
    rows = sorted(
        (w, v)
        for w, v in table.items()
        if v and w and w.strip() == w and not any(c.isspace() for c in w)
    )
    with open(f"{out_dir}/clusters.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# word\tBrown cluster path (root branch in the lowest bit); from spacy-lookups-data 1.0.5 (MIT), see README.md\n")
        for w, v in rows:
            f.write(f"{w}\t{v}\n")
    print(f"{len(rows)} words")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
