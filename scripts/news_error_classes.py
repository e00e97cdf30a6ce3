#!/usr/bin/env python3
"""Counts error classes in the details file of `kg eval news --details FILE`.

    scripts/news_error_classes.py DETAILS.jsonl

The classes refine the scorer's reason codes with rough tests on the strings (a pronoun as
subject, a dateline city in capitals, a saying verb): a guide for where to look, not a measure.
"""

import collections
import json
import re
import sys

PRONOUNS = {"it", "he", "she", "they", "who", "which", "that", "we", "them", "him", "her",
            "what", "its", "their"}
SAYING = {"say", "tell", "urge", "ask", "accuse", "call", "claim", "report", "announce", "add"}


def capitals(text):
    """A dateline city or the agency ("PEMBA", "Wire") as an argument."""
    return bool(text) and (re.fullmatch(r"[A-Z][A-Z .'-]+", text) is not None or text == "Wire")


def missed(d):
    g, s, reason = d["gold"], d.get("statement"), d["reason"][0]
    if reason in ("where-missing", "when-missing"):
        return "triple found, " + " and ".join(d["reason"])
    nominal = g["r"].split()[0] == "be"
    if nominal and reason in ("clause-not-extracted", "no-statement-in-sentence", "subject+object"):
        return "nominal fact (role, based in, apposition, be in) not extracted"
    if reason == "subject":
        if s and s["s"].lower() in PRONOUNS:
            return "subject: unresolved pronoun or relative word"
        if s and capitals(s["s"]):
            return "subject: the dateline city or agency"
        return "subject: another doer, or the subject phrase clipped"
    if reason == "object":
        if s and s["o"] and g["o"] and s["o"].lower() in g["o"].lower():
            return "object: clipped (the statement's object inside the gold one)"
        return "object: another object (a second object, a clause, a wrong attachment)"
    if reason == "object-missing":
        return "object: none extracted"
    if reason == "subject+object":
        return "relation in the sentence, both arguments wrong"
    if reason == "relation":
        return "arguments in the sentence, relation differs"
    if reason in ("clause-not-extracted", "no-statement-in-sentence"):
        return "verb clause not extracted (participial, reduced relative, nominal event, ...)"
    return reason


def spurious(d):
    s, reason = d["statement"], d["reason"]
    if capitals(s["s"]) or capitals(s["o"]):
        return "the dateline city or agency as an argument"
    if s["r"].split()[0] in SAYING:
        return "saying or request as a statement of its own (gold: source / requested)"
    if "unresolved-argument" in reason:
        return "unresolved pronoun or relative word as an argument"
    if s["r"] == "be":
        return "'be' statement (a role or apposition not in the gold's 'be ROLE of' shape, or wrong)"
    return {
        "subject": "subject: another doer, or a wrong subject phrase",
        "object": "object: a wrong or clipped object",
        "subject+object": "relation right, both arguments wrong",
        "relation": "arguments right, relation differs",
    }.get(reason[0], "no gold fact close to it in the sentence")


def main():
    details = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    for title, status, classify in (("missed gold facts", "missed", missed),
                                    ("spurious statements", "spurious", spurious)):
        counts = collections.Counter(classify(d) for d in details if d["status"] == status)
        print(f"{title}: {sum(counts.values())}")
        for name, n in counts.most_common():
            print(f"  {n:4d}  {name}")
    found = collections.Counter(r for d in details if d["status"] == "found" for r in d["reason"])
    print(f"qualifier errors on found facts: {sum(found.values())}")
    for name, n in found.most_common():
        print(f"  {n:4d}  {name}")


if __name__ == "__main__":
    main()
