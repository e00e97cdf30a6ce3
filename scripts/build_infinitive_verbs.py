#!/usr/bin/env python3
"""Builds data/gazetteer/infinitive_verbs.txt: the single-word verbs that WordNet 3.0 gives the
frame "Somebody ----s to INFINITIVE" (frame 28) in any sense ("plan", "want", "vow").

Usage: build_infinitive_verbs.py WORDNET_DIR OUT.txt
WORDNET_DIR holds WordNet's data.verb (Debian package wordnet-base 1:3.0-37:
`apt-get download wordnet-base && dpkg -x wordnet-base_*.deb DIR`, then DIR/usr/share/wordnet).
"""
import sys

FRAME = 28


def main(wn_dir, out):
    verbs = set()
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
                if int(f_num) != FRAME:
                    continue
                chosen = words if int(w_num, 16) == 0 else [words[int(w_num, 16) - 1]]
                verbs.update(w.lower() for w in chosen if "_" not in w and "-" not in w)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Verbs taking a to-infinitive: WordNet 3.0 (c) 2006 Princeton University, frame 28;"
                " scripts/build_infinitive_verbs.py\n")
        for v in sorted(verbs):
            f.write(v + "\n")
    print(len(verbs), "verbs")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
