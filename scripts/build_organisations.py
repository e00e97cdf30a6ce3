#!/usr/bin/env python3
"""Builds data/gazetteer/organisations.tsv (names of organisations the recogniser uses as
features) from three openly licensed packages, reproducibly.

    mkdir -p /tmp/orgsrc && cd /tmp/orgsrc
    apt-get download wordnet-base=1:3.0-37 && dpkg-deb -x wordnet-base_*.deb wn
    npm pack simple-icons@16.37.0 && tar xzf simple-icons-16.37.0.tgz
    pip download --no-deps pytickersymbols==1.17.10 -d . && unzip -q -o pytickersymbols-*.whl -d tick
    cd - && python3 scripts/build_organisations.py /tmp/orgsrc data/gazetteer

Sources (licences and attribution in data/gazetteer/README.md):
- wordnet: the capitalised nouns of WordNet 3.0's lexicographer file noun.group (governments,
  agencies, companies, parties, armed groups: "Federal Reserve", "Fatah", "Red Cross"), from
  Debian's wordnet-base 3.0-37 (WordNet licence).
- tickers: the names of the companies in the stock indices of pytickersymbols 1.17.10 (MIT),
  each also without its legal form ("Toyota Motor Corporation" -> "Toyota Motor").
- brands: the brand titles and their "also known as" aliases of simple-icons 16.37.0 (CC0).

A name is kept when it has two characters or more, starts with an uppercase letter or a digit
and has at most eight words.
Output: a comment line, then `name<TAB>sources` (comma-separated, sorted), one name per line,
sorted; deterministic.
"""

import json
import re
import sys

LEGAL_FORM = re.compile(
    r"(,?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Limited|plc|PLC|AG|SE"
    r"|S\.A\.?|SA|N\.V\.|NV|S\.p\.A\.|SpA|A/S|ASA|AB|Oyj|L\.P\.|LP|LLC|GmbH|KGaA|& Co\.))+$"
)


def wordnet(root: str) -> set[str]:
    names = set()
    with open(f"{root}/wn/usr/share/wordnet/data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            cols = line.split()
            if int(cols[1]) != 14:  # noun.group
                continue
            for k in range(int(cols[3], 16)):
                word = re.sub(r"\(.*\)$", "", cols[4 + 2 * k]).replace("_", " ")
                names.add(word)
    return names


def tickers(root: str) -> set[str]:
    sys.path.insert(0, f"{root}/tick")
    from pytickersymbols.indices_data import INDICES  # noqa: E402

    names = set()
    for index in INDICES.values():
        for company in index["companies"]:
            name = re.sub(r"\s*\(.*?\)", "", company["name"]).strip()
            names.add(name)
            names.add(LEGAL_FORM.sub("", name).strip())
    return names


def brands(root: str) -> set[str]:
    with open(f"{root}/package/data/simple-icons.json", encoding="utf-8") as f:
        icons = json.load(f)
    names = set()
    for icon in icons:
        names.add(icon["title"])
        names.update(icon.get("aliases", {}).get("aka", []))
    return names


def main(root: str, out_dir: str) -> None:
    sources: dict[str, set[str]] = {}
    for source, names in [
        ("wordnet", wordnet(root)),
        ("tickers", tickers(root)),
        ("brands", brands(root)),
    ]:
        for name in names:
            name = " ".join(name.split())
            if len(name) < 2 or not (name[0].isupper() or name[0].isdigit()):
                continue
            if len(name.split()) > 8 or "\t" in name:
                continue
            sources.setdefault(name, set()).add(source)
    with open(f"{out_dir}/organisations.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# name<TAB>sources: WordNet 3.0 noun.group, pytickersymbols 1.17.10, simple-icons 16.37.0; see README.md\n"
        )
        for name in sorted(sources):
            f.write(f"{name}\t{','.join(sorted(sources[name]))}\n")
    print(f"{len(sources)} names")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
