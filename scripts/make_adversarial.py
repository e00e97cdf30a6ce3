#!/usr/bin/env python3
"""Write the adversarial corpus: the inputs a scraped dump throws at kg that ordinary prose never does.

    scripts/make_adversarial.py -o DIR [--scale S] [--seed N]

Each item is one file in DIR (one document per line, or JSONL where the record has line breaks):
one adversarial record, then two ordinary news documents (the first lines of the bundled sample), so a build shows both that the record does not stall it and that the
documents after it are in the graph. `prose.jsonl` is ordinary news prose of the same order of size
(the bundled sample and the shared news samples, each document repeated under new ids), the
baseline the benchmark compares with. --scale shrinks every item (0.02 makes the small version
the end-to-end tests build in CI); the same arguments always give the same bytes.

The items follow the kinds of scraped text that stall extractors: nothing here is tuned to what kg
does with it.
"""

import argparse
import csv
import json
import os
import random
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED", os.path.join(REPO, "..", "shared"))

WORDS = (
    "home news world business sport weather live video opinion culture travel science health "
    "markets economy politics search menu login subscribe newsletter contact privacy terms cookies "
    "share tweet email print comments related latest most read more stories about us careers help "
    "the of and to in for on with at by from as is was that this it be are an or have"
).split()
FIRST = (
    "Amina Kofi Ivan Olga Wei Mei Rahul Priya Carlos Lucia Hans Greta Yusuf Leila Tomas Anya Kenji "
    "Hana Diego Sofia Omar Fatima Pavel Irina Juan Elena Ahmed Zainab Lars Ingrid Chen Lin Ravi Asha "
    "Marco Giulia Pierre Camille Nikos Eleni Tunde Ngozi Sipho Thandi Jamal Noor Arjun Kavya Mateo Valentina"
).split()
LAST = (
    "Okafor Mensah Petrov Ivanova Zhang Li Sharma Gupta Garcia Lopez Muller Schmidt Demir Haddad "
    "Novak Kowalski Tanaka Sato Fernandez Rossi Dubois Martin Papadopoulos Adeyemi Nkosi Khan Patel "
    "Silva Santos Costa Nielsen Berg Hansen Kim Park Nguyen Tran Mwangi Otieno Abebe Tesfaye Mahmoud "
    "Aziz Rahman Cohen Levi Smirnov Popescu Horvat Nagy"
).split()
SENTENCE = "The central bank raised its benchmark interest rate by a quarter of a percentage point on Tuesday."


def ordinary_documents():
    """The bundled sample's documents: real news, written by nobody on the team."""
    with open(os.path.join(REPO, "data", "kim-putin-2023-09.txt"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def prose_documents():
    docs = ordinary_documents()
    for name in ("world-2024-05.csv",):
        path = os.path.join(SHARED, "data", "news", name)
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as f:
                docs += [row["text"] for row in csv.DictReader(f) if row.get("text")]
    path = os.path.join(SHARED, "benchmarks", "news-dev", "news-dev.csv")
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as f:
            docs += [row["text"] for row in csv.DictReader(f) if row.get("text")]
    return docs


def sized(rng, size, make):
    """Joins pieces from `make(rng)` until `size` bytes."""
    out, n = [], 0
    while n < size:
        piece = make(rng)
        out.append(piece)
        n += len(piece.encode("utf-8"))
    return "".join(out)


def no_punctuation(rng, size):
    return sized(rng, size, lambda r: r.choice(WORDS) + " ").strip()


def commas(rng, size):
    return sized(rng, size, lambda r: r.choice(WORDS) + ", ").strip()


def one_token(rng, size):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return "Data: " + "".join(rng.choice(alphabet) for _ in range(size))


def nesting(rng, size):
    depth = max(1, size // 8)
    opening = "".join(rng.choice(['(', '[', '{', '"', "'", '\u201c', '<<']) + rng.choice(WORDS) + " " for _ in range(depth // 2))
    closing = "".join(rng.choice([')', ']', '}', '"', "'", '\u201d', '>>']) + " " for _ in range(depth // 2))
    return "He said " + opening + closing + "."


def capitals(rng, size):
    return sized(rng, size, lambda r: r.choice(FIRST + LAST) + " ").strip()


def numbers(rng, size):
    def row(r):
        cells = [f"{r.uniform(-1e6, 1e6):,.2f}", str(r.randint(0, 99999)), f"{r.random():.3f}%",
                 f"{r.randint(1, 28)}/{r.randint(1, 12)}/20{r.randint(10, 29)}", f"${r.randint(1, 999)}m"]
        return "| " + " | ".join(cells) + " |\n"
    return sized(rng, size, row)


def markup(rng, size):
    pieces = [
        '<div class="article-body"><p>', "</p></div>\n", '<a href="https://example.com/news?id=12&amp;ref=home">',
        "</a>", "&nbsp;&nbsp;", "<br/>", "<script>var x = {a: 1, b: [2, 3]};</script>\n", "## Related stories\n",
        "* [Markets rally](/markets/rally)\n", "**Breaking:** ", "> quoted text\n", "```\ncode block\n```\n",
        "<!-- comment -->", "<img src='a.png' alt='photo'/>", "![photo](img/1.jpg)", "---\n",
        "| Header | Value |\n|---|---|\n",
    ]
    return sized(rng, size, lambda r: r.choice(pieces) + r.choice(WORDS) + " ")


def scripts(rng, size):
    pieces = [
        "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
        "\u4f60\u597d\u4e16\u754c", "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440", "\u0928\u092e\u0938\u094d\u0924\u0947",
        "\U0001F600", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1FA\U0001F1F8", "\u200b", "\u200e", "\u200f",
        "\u202e", "\u202c", "\ufeff", "\u0301", "\x01", "\x07", "\x1b[31m", "\t", "\x0b", "\x0c", "\u00a0", "\u2028",
        "Putin", "met", "Kim", "caf\u00e9", "\u00c5ngstr\u00f6m", "\uFFFD", "\U0001D400", "e\u0301",
    ]
    return sized(rng, size, lambda r: r.choice(pieces) + r.choice([" ", "", ". ", ", "]))


def repeated(rng, size, times):
    return " ".join([SENTENCE] * max(1, min(times, size // len(SENTENCE))))


def people(rng, count):
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    rng.shuffle(names)
    extra = 0
    while len(names) < count:  # middle initials make more distinct names
        extra += 1
        names += [f"{f} {chr(65 + extra % 26)}. {l}" for f in FIRST for l in LAST]
    names = names[:count]
    verbs = ["met", "called", "thanked", "criticised", "praised", "interviewed"]
    titles = ["President", "Minister", "Senator", "General", "Judge", "Mayor", "Ambassador"]
    out = []
    for i in range(0, len(names) - 1, 2):
        # Half the names with a title: each titled name is also a role statement.
        title = rng.choice(titles) + " " if i % 4 == 0 else ""
        out.append(f"{title}{names[i]} {rng.choice(verbs)} {names[i + 1]} in Paris on Monday.")
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--only", help="write only this item (its file name without extension)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    s = args.scale
    mib = int((1 << 20) * s)
    # Each item has its own generator seeded from --seed, so --only gives the same bytes.
    items = {
        "no-punctuation-5mb": lambda rng: no_punctuation(rng, int(5_000_000 * s)),
        "no-punctuation": lambda rng: no_punctuation(rng, mib),
        "commas": lambda rng: commas(rng, int(100_000 * 9 * s)),  # about 100k commas at scale 1
        "one-token": lambda rng: one_token(rng, int(1_000_000 * s)),
        "nesting": lambda rng: nesting(rng, mib),
        "capitals": lambda rng: capitals(rng, mib),
        "numbers": lambda rng: numbers(rng, int(800_000 * s)),
        "markup": lambda rng: markup(rng, int(800_000 * s)),
        "scripts": lambda rng: scripts(rng, mib),
        "repeated": lambda rng: repeated(rng, int(50_000 * (len(SENTENCE) + 1) * s), int(50_000 * s)),
        "people": lambda rng: people(rng, max(10, int(10_000 * s))),
    }
    follow = ordinary_documents()[:2]
    for name, make in items.items():
        if args.only and name != args.only:
            continue
        text = make(random.Random(f"{args.seed}-{name}"))
        if "\n" in text or "\r" in text:
            # Records with line breaks go in JSONL, which caps a record at the reader's limit
            # (1 MiB) instead of truncating it: these items stay under it.
            with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as f:
                records = [{"id": f"{name}-0", "text": text}]
                records += [{"id": f"{name}-{i + 1}", "text": t} for i, t in enumerate(follow)]
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            with open(os.path.join(args.out, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join([text] + follow) + "\n")
    if args.only and args.only != "prose":
        return
    prose = prose_documents()
    target = max(mib, 1)
    with open(os.path.join(args.out, "prose.jsonl"), "w", encoding="utf-8") as f:
        n, i = 0, 0
        while n < target:
            text = prose[i % len(prose)]
            f.write(json.dumps({"id": f"prose-{i}", "text": text}, ensure_ascii=False) + "\n")
            n += len(text.encode("utf-8"))
            i += 1
    print(f"wrote {len(items) + 1} files to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
