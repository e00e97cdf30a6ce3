#!/usr/bin/env python3
"""Lists the source files and functions of crates/*/src over the redesign's limits (issue 20):
no file over 1,200 non-test lines, no non-test function over 150 lines.

    scripts/check_sizes.py [--limit-file N] [--limit-fn N]

Non-test lines are the lines outside `#[cfg(test)]` items and `tests.rs` files. A function runs from its `fn` line to
the line that closes its body (braces counted outside strings, chars and comments, roughly: good
enough for rustfmt-formatted code). Exits 1 when anything is over a limit.
"""

import argparse
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def braces(line):
    """Net brace depth change of a line, ignoring strings, char literals and // comments."""
    depth, i, n = 0, 0, len(line)
    while i < n:
        c = line[i]
        if c == "/" and line[i:i + 2] == "//":
            break
        if c == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", line[i:]):
            i += len(re.match(r"'(\\.|[^\\'])'", line[i:]).group(0)) - 1
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return depth


def analyse(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    test = [False] * len(lines)
    i = 0
    while i < len(lines):
        if lines[i].strip() == "#[cfg(test)]":
            depth, j, opened = 0, i + 1, False
            while j < len(lines):
                d = braces(lines[j])
                depth += d
                opened = opened or "{" in lines[j]
                if opened and depth <= 0 or not opened and lines[j].rstrip().endswith(";"):
                    break
                j += 1
            for k in range(i, min(j + 1, len(lines))):
                test[k] = True
            i = j + 1
        else:
            i += 1
    code = sum(1 for k, l in enumerate(lines) if not test[k] and l.strip())
    functions = []
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m or test[i]:
            continue
        depth, j, opened = 0, i, False
        while j < len(lines):
            depth += braces(lines[j])
            opened = opened or "{" in lines[j]
            if opened and depth <= 0 or not opened and lines[j].rstrip().endswith(";"):
                break
            j += 1
        functions.append((m.group(6), i + 1, j - i + 1))
    return code, functions


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit-file", type=int, default=1200)
    ap.add_argument("--limit-fn", type=int, default=150)
    args = ap.parse_args()
    over = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "crates", "*", "src", "**", "*.rs"), recursive=True)):
        rel = os.path.relpath(path, ROOT)
        if os.path.basename(path).endswith("_weights.rs"):
            continue  # generated (confidence weights written by `kg eval carb --fit`)
        if os.path.basename(path) == "tests.rs":
            continue  # a module's unit tests in a file of their own (`#[cfg(test)] mod tests;`)
        code, functions = analyse(path)
        if code > args.limit_file:
            print(f"{rel}: {code} non-test lines")
            over += 1
        for name, line, length in functions:
            if length > args.limit_fn:
                print(f"{rel}:{line}: fn {name}: {length} lines")
                over += 1
    print(f"{over} over the limits ({args.limit_file} lines a file, {args.limit_fn} a function)")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
