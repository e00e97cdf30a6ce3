#!/usr/bin/env python3
"""Builds data/gazetteer/agent_nouns.txt: common nouns whose first (most frequent) sense in
WordNet 3.0 is a person or a group ("worker", "court", "jury", "police"), not an event or an act
("war", "flood", "summit"). The extractor uses it to tell who acts somewhere ("a court in Paris
sentenced …": Paris is where the sentencing was) from what happens somewhere ("the war in
Ukraine raised prices": Ukraine is the war's place). Reproducibly, from WordNet 3.0:

    apt-get download wordnet-base=1:3.0-37 && dpkg-deb -x wordnet-base_*.deb /tmp/orgsrc/wn
    python3 scripts/build_agent_nouns.py /tmp/orgsrc data/gazetteer

Only lowercase single words (WordNet spells names capitalised). Output: a comment line, then one
noun per line, sorted, with its kind after a tab: `person` ("worker", "spokesman") or `group`
("army", "company"); deterministic.
"""

import sys

PERSON, GROUP = 18, 14  # lexicographer files noun.person and noun.group


def main(root: str, out_dir: str) -> None:
    wn = f"{root}/wn/usr/share/wordnet"
    lexfile = {}
    with open(f"{wn}/data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            cols = line.split()
            lexfile[cols[0]] = int(cols[1])
    nouns = {}
    with open(f"{wn}/index.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            cols = line.split()
            lemma, senses = cols[0], int(cols[2])
            first = cols[-senses]  # synsets are listed most frequent first
            if lemma.isalpha() and lemma.islower() and lexfile[first] in (PERSON, GROUP):
                nouns[lemma] = "person" if lexfile[first] == PERSON else "group"
    with open(f"{out_dir}/agent_nouns.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("# nouns whose first sense is a person or group: WordNet 3.0 (c) 2006 Princeton University; see README.md\n")
        for noun in sorted(nouns):
            f.write(f"{noun}\t{nouns[noun]}\n")
    print(f"{len(nouns)} agent nouns")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
