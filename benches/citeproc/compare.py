#!/usr/bin/env python3
"""Compares publist's and citeproc-js's bibliographies entry by entry.

compare.py OUT_DIR: reads OUT_DIR/publist.json and OUT_DIR/citeproc.json
({style: {id: entry}}), prints the share of identical entries per style and
writes every difference to OUT_DIR/differences.txt. Entries are compared
after folding white space and removing a leading label ([1], 1.)."""
import json
import re
import sys

out = sys.argv[1]
ours = json.load(open(f"{out}/publist.json"))
ref = json.load(open(f"{out}/citeproc.json"))


def norm(s):
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^(\[\d+\]|\d+\.)\s*", "", s)


total_same = total = 0
with open(f"{out}/differences.txt", "w") as diff:
    print(f"{'style':36} identical")
    for style in ref:
        a, b = ours.get(style, {}), ref[style]
        same = sum(1 for k in b if norm(a.get(k, "")) == norm(b[k]))
        total_same += same
        total += len(b)
        print(f"{style:36} {same:4}/{len(b)}  {100 * same / max(len(b), 1):5.1f}%")
        for k in b:
            if norm(a.get(k, "")) != norm(b[k]):
                diff.write(f"{style} {k}\n  citeproc-js: {norm(b[k])}\n  publist:     {norm(a.get(k, '(missing)'))}\n")
    print(f"{'all':36} {total_same:4}/{total}  {100 * total_same / max(total, 1):5.1f}%")
