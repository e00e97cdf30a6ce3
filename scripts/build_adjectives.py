#!/usr/bin/env python3
"""Builds data/gazetteer/adjectives.txt: lowercase words that WordNet 3.0 knows only as
adjectives, never as nouns, verbs or adverbs ("guilty", "liable", "unchanged"). The tag repairs
read a common-noun tag on one of them as the tagger's mistake ("found him guilty", with "guilty"
tagged NN). Reproducibly, from WordNet 3.0:

    apt-get download wordnet-base=1:3.0-37 && dpkg-deb -x wordnet-base_*.deb /tmp/orgsrc/wn
    python3 scripts/build_adjectives.py /tmp/orgsrc data/gazetteer

Only single words of letters. Output: a comment line, then one word per line, sorted;
deterministic.
"""

import sys


def lemmas(wn: str, pos: str) -> set[str]:
    out = set()
    with open(f"{wn}/index.{pos}", encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):  # the licence header
                out.add(line.split()[0])
    return out


def main(root: str, out_dir: str) -> None:
    wn = f"{root}/wn/usr/share/wordnet"
    others = lemmas(wn, "noun") | lemmas(wn, "verb") | lemmas(wn, "adv")
    words = sorted(w for w in lemmas(wn, "adj") - others if w.isalpha() and w.islower())
    with open(f"{out_dir}/adjectives.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("# words WordNet 3.0 knows only as adjectives: WordNet 3.0 (c) 2006 Princeton University; see README.md\n")
        for w in words:
            f.write(f"{w}\n")
    print(f"{len(words)} adjectives")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
