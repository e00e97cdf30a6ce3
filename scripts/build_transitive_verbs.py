#!/usr/bin/env python3
"""Builds data/gazetteer/transitive_verbs.txt: the single-word verbs that WordNet 3.0 gives an
object in some sense (frames 8-11, "Somebody ----s something/somebody", "Something ----s
something/somebody") and no intransitive frame in any sense (1 "Something ----s", 2 "Somebody
----s", 3 "It is ----ing", 23 "Somebody's (body part) ----s"): "send", "conduct", "define". The
extractor keeps a statement of such a verb with nothing after it ("(Bush) send (none)") out of
the graph: the parser lost what the verb acts on.

Usage: build_transitive_verbs.py WORDNET_DIR OUT.txt
WORDNET_DIR holds WordNet's data.verb (Debian package wordnet-base 1:3.0-37:
`apt-get download wordnet-base && dpkg -x wordnet-base_*.deb DIR`, then DIR/usr/share/wordnet).
"""
import collections
import sys

INTRANSITIVE = {1, 2, 3, 23}
TRANSITIVE = {8, 9, 10, 11}


def main(wn_dir, out):
    frames = collections.defaultdict(set)
    with open(f"{wn_dir}/data.verb", encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            w_cnt = int(fields[3], 16)
            words = [fields[4 + 2 * k] for k in range(w_cnt)]
            at = 4 + 2 * w_cnt
            p_cnt = int(fields[at])
            at += 1 + 4 * p_cnt
            if at >= len(fields):
                continue
            f_cnt = int(fields[at])
            for k in range(f_cnt):
                _, f_num, w_num = fields[at + 1 + 3 * k : at + 4 + 3 * k]
                chosen = words if int(w_num, 16) == 0 else [words[int(w_num, 16) - 1]]
                for w in chosen:
                    frames[w.lower()].add(int(f_num))
    verbs = sorted(
        w
        for w, fs in frames.items()
        if "_" not in w and "-" not in w and fs & TRANSITIVE and not fs & INTRANSITIVE
    )
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            "# Verbs with an object and no intransitive use: WordNet 3.0 (c) 2006 Princeton"
            " University, frames 8-11 and none of 1, 2, 3, 23; scripts/build_transitive_verbs.py\n"
        )
        for v in verbs:
            f.write(v + "\n")
    print(len(verbs), "verbs")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
