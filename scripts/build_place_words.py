#!/usr/bin/env python3
"""Builds data/gazetteer/place_words.txt: the place names of places.tsv that are also common
English words ("reading", "split", "turkey", "china"), so that the recogniser does not read them
as places when a text writes them in lowercase. Reproducibly, from WordNet 3.0:

    apt-get download wordnet-base=1:3.0-37 && dpkg-deb -x wordnet-base_*.deb /tmp/orgsrc/wn
    python3 scripts/build_place_words.py /tmp/orgsrc data/gazetteer

A word is common when some synset of WordNet 3.0 (nouns, verbs, adjectives, adverbs) spells it
in lowercase (WordNet spells names capitalised: "Reading" the town, "reading" the act). Output:
a comment line, then one lowercase place name per line, sorted; deterministic.
"""

import re
import sys


def common_words(root: str) -> set[str]:
    words = set()
    for pos in ["noun", "verb", "adj", "adv"]:
        with open(f"{root}/wn/usr/share/wordnet/data.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # the licence header
                cols = line.split()
                for k in range(int(cols[3], 16)):
                    word = re.sub(r"\(.*\)$", "", cols[4 + 2 * k])
                    if word.islower():
                        words.add(word.replace("_", " "))
    return words


def main(root: str, out_dir: str) -> None:
    common = common_words(root)
    names = set()
    with open(f"{out_dir}/places.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            name = line.split("\t", 1)[0].lower()
            if name in common:
                names.add(name)
    with open(f"{out_dir}/place_words.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("# place names that are also common English words: WordNet 3.0 (c) 2006 Princeton University; see README.md\n")
        for name in sorted(names):
            f.write(f"{name}\n")
    print(f"{len(names)} place names are common words")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
