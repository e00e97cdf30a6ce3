#!/usr/bin/env python3
"""Draws a seeded random sample of `kg extract` statements to be judged against their sentences.

    scripts/sample_statements.py --kg KG_BINARY --dump DUMP [--n 150] [--seed 22]
                                 [--out SAMPLE.tsv] [--jsonl ALL.jsonl] [-- EXTRACT_OPTIONS...]

Runs `KG_BINARY extract DUMP` (options after `--` are passed on, e.g. `--text-column body`),
keeps every statement `kg build` would store as a fact, and draws N of them uniformly at random
without replacement with Python's `random.Random(SEED).sample` over the statements in output
order. The same binary, dump and seed always give the same sample. The sample is written in
output order as a TSV (one statement a row, tabs and newlines in fields replaced by spaces) with
empty `label`, `error_class` and `reason` columns for the judge.

Which statements are facts: `kg build` stores every extracted statement whose relation lemma gives
a relation IRI (a non-empty slug) as a reified `rdf:Statement` with its subject/object text,
qualifiers, source, polarity and modality, so all of those are in the population. The column
`edge` says whether the statement is also written as a plain triple (and drawn as an edge by the
exports): positive, asserted, unattributed, with a resolved subject and object.

Columns: row, doc, sent (sentence index in the document), sentence (the statement's provenance
`sentence_text`), statement (the rendered line below), subject, relation, object, qualifiers,
source, polarity, modality, edge, label, error_class, reason, json (the raw statement).

The rendering is what a user of the graph sees: arguments as their full phrases (the store's
`kg:subjectText`/`kg:objectText`), with the node label in brackets when it differs and `?` marking
an argument left unresolved (no node); the relation as its lemma (the predicate IRI's label);
qualifiers as `role[preposition]=value`; then `source=`, `NEG` and the modality when not asserted:

    (the Flemish Region [Flemish Region]) assign (all of its powers [all] ?) | Other[in]=Flanders
        | Other[to]=the Flemish Community [Flemish Community]
"""

import argparse
import json
import random
import re
import subprocess
import sys


def has_relation_iri(lemma):
    """Whether the relation lemma gives a relation IRI: `kg_graph::vocab::slug` keeps only
    alphanumeric characters, so it is empty exactly when the lemma has none."""
    return any(c.isalnum() for c in lemma)


def argument(arg):
    """An argument as the graph shows it: full phrase, node label in brackets, `?` unresolved."""
    if arg is None:
        return "none"
    full, text, kind = arg["full_text"], arg["text"], arg["kind"]
    shown = full if full == text else f"{full} [{text}]"
    if kind == "Unresolved":
        shown += " ?"
    return shown


def kind_of(arg):
    if arg is None:
        return ""
    kind = arg["kind"]
    if isinstance(kind, dict):
        (k, v), = kind.items()
        return f"{k}:{v}" if not isinstance(v, dict) else k
    return kind


def qualifiers(statement):
    out = []
    for q in statement["qualifiers"]:
        prep = f"[{q['preposition']}]" if q.get("preposition") else ""
        value = q["value"]
        shown = argument(value)
        if isinstance(value["kind"], dict) and "Literal" in value["kind"]:
            lit = value["kind"]["Literal"]
            if isinstance(lit, dict) and lit.get("Time"):
                shown += f" ={lit['Time']}"
        out.append(f"{q['role']}{prep}={shown}")
    return out


def is_edge(statement):
    s, o = statement["subject"], statement["object"]
    resolved = (o is not None and kind_of(s) not in ("Unresolved", "")
                and not kind_of(s).startswith("Literal") and kind_of(o) != "Unresolved")
    return (resolved and not statement["negated"] and statement["modality"] == "Asserted"
            and statement["attribution"] is None)


def render(statement):
    parts = [f"({argument(statement['subject'])}) {statement['relation']['lemma']} "
             f"({argument(statement['object'])})"]
    parts += qualifiers(statement)
    if statement["attribution"] is not None:
        parts.append("source=" + argument(statement["attribution"]))
    if statement["negated"]:
        parts.append("NEG")
    if statement["modality"] != "Asserted":
        parts.append(statement["modality"])
    return " | ".join(parts)


def clean(text):
    return re.sub(r"[\t\r\n]+", " ", str(text))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kg", required=True, help="the kg binary to run")
    ap.add_argument("--dump", required=True, help="the dump to extract")
    ap.add_argument("--n", type=int, default=150, help="statements to draw (default 150)")
    ap.add_argument("--seed", type=int, default=22, help="random seed (default 22)")
    ap.add_argument("--out", default="-", help="sample TSV (default stdout)")
    ap.add_argument("--jsonl", help="also save every extracted statement here")
    ap.add_argument("extract_options", nargs="*", help="passed on to `kg extract` after --")
    args = ap.parse_args()

    run = subprocess.run([args.kg, "extract", *args.extract_options, args.dump],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 3):
        sys.exit(f"kg extract failed ({run.returncode}): {run.stderr}")
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    statements = [json.loads(line) for line in lines]
    facts = [i for i, s in enumerate(statements) if has_relation_iri(s["relation"]["lemma"])]
    if len(facts) < args.n:
        sys.exit(f"only {len(facts)} statements, fewer than --n {args.n}")
    drawn = sorted(random.Random(args.seed).sample(facts, args.n))
    print(f"{len(statements)} statements, {len(facts)} facts, drew {args.n} with seed {args.seed}",
          file=sys.stderr)

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="")
    # Plain tab-separated lines, no quoting (fields are cleaned of tabs and newlines): the
    # sentences' quote marks stay as written.
    def write(fields):
        out.write("\t".join(clean(x) for x in fields) + "\n")

    write(["row", "doc", "sent", "sentence", "statement", "subject", "relation", "object",
                "qualifiers", "source", "polarity", "modality", "edge", "label", "error_class",
                "reason", "json"])
    for row, i in enumerate(drawn, 1):
        s = statements[i]
        p = s["provenance"]
        write([
            row, p["document_id"], p["sentence_index"], p["sentence_text"], render(s),
            f"{argument(s['subject'])} <{kind_of(s['subject'])}>",
            f"{s['relation']['lemma']} <{s['relation']['text']}>",
            f"{argument(s['object'])} <{kind_of(s['object'])}>" if s["object"] else "none",
            " ; ".join(qualifiers(s)),
            argument(s["attribution"]) if s["attribution"] else "",
            "negative" if s["negated"] else "positive", s["modality"],
            "yes" if is_edge(s) else "no", "", "", "",
            json.dumps(s, ensure_ascii=False, separators=(",", ":"))])
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
