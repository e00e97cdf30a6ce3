#!/usr/bin/env python3
"""Builds data/gazetteer/verbs.txt (the English verbs the lemmatiser checks its guesses against)
and data/gazetteer/verb_forms.tsv (WordNet's irregular verb forms, "fled" -> "flee") from a PyPI
package, reproducibly.

    pip download --no-deps -d /tmp/lk spacy-lookups-data==1.0.5
    python3 scripts/build_verbs.py /tmp/lk/spacy_lookups_data-1.0.5-py2.py3-none-any.whl data/gazetteer

Source: table en_lemma_index (key "verb") of spacy-lookups-data 1.0.5, which is the verb index of
WordNet 3.0 (WordNet licence, (c) 2006 Princeton University; the package ships the licence as
en_license.txt, and data/gazetteer/README.md repeats it). Multi-word entries ("give_up") and
words with characters other than lowercase letters and hyphens are left out. Output: a comment
line, then one verb per line, sorted; deterministic.
"""

import gzip
import json
import re
import sys
import zipfile

MEMBER = "spacy_lookups_data/data/en_lemma_index.json.gz"
EXC_MEMBER = "spacy_lookups_data/data/en_lemma_exc.json.gz"


def main(wheel: str, out_dir: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        index = json.loads(gzip.decompress(z.read(MEMBER)))
        exceptions = json.loads(gzip.decompress(z.read(EXC_MEMBER)))["verb"]
    verbs = sorted({v for v in index["verb"] if re.fullmatch(r"[a-z][a-z-]*[a-z]", v)})
    with open(f"{out_dir}/verbs.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("# English verb lemmas: WordNet 3.0 (c) 2006 Princeton University, via spacy-lookups-data 1.0.5; see README.md\n")
        for v in verbs:
            f.write(f"{v}\n")
    print(f"{len(verbs)} verbs")
    # WordNet's irregular verb forms (its verb.exc, table en_lemma_exc): "fled" -> "flee". One
    # lemma per form, the first WordNet gives; single words only.
    pairs = sorted(
        (form, lemmas[0])
        for form, lemmas in exceptions.items()
        if re.fullmatch(r"[a-z][a-z-]*[a-z]", form) and re.fullmatch(r"[a-z][a-z-]*[a-z]", lemmas[0])
    )
    with open(f"{out_dir}/verb_forms.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# irregular verb form<TAB>lemma: WordNet 3.0 (c) 2006 Princeton University, via spacy-lookups-data 1.0.5; see README.md\n")
        for form, lemma in pairs:
            f.write(f"{form}\t{lemma}\n")
    print(f"{len(pairs)} irregular verb forms")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
