#!/usr/bin/env python3
"""Compares publist with citeproc-js style by style (benches/styles/run.sh).

compare.py OUT_DIR CACHE_DIR STYLE_LIST...: reads OUT_DIR/publist.json and
OUT_DIR/publist-citations.json ({style: {id: text}}) and CACHE_DIR/STYLE.json
(render.js), prints per style the identical bibliography entries and
citations (each item cited alone), the overall shares and the number of
styles at 99% or more, and writes every difference to OUT_DIR/differences.txt
and a summary line per style to OUT_DIR/summary.tsv. Texts are compared
after folding white space; bibliography entries also without a leading
label ([1], 1.). For a style without a bibliography the citations are its
output (Zotero's citation list)."""
import json
import os
import re
import sys

out, cache, lists = sys.argv[1], sys.argv[2], sys.argv[3:]
styles = []
for l in lists:
    styles += [s.strip() for s in open(l) if s.strip() and not s.startswith("#")]
ours_bib = json.load(open(f"{out}/publist.json"))
ours_cite = json.load(open(f"{out}/publist-citations.json"))


def fold(s):
    return re.sub(r"\s+", " ", s).strip()


def norm_bib(s):
    return re.sub(r"^(\[\d+\]|\(\d+\)|\d+\.?)\s*", "", fold(s))


tot = {"bib": [0, 0], "cite": [0, 0]}
good = {"bib": 0, "cite": 0}
counted = {"bib": 0, "cite": 0}
rows = []
with open(f"{out}/differences.txt", "w") as diff:
    print(f"{'style':58} {'bibliography':>16} {'citations':>16}")
    for style in styles:
        path = os.path.join(cache, f"{style}.json")
        if not os.path.exists(path):
            print(f"{style:58} (no citeproc-js output)")
            continue
        ref = json.load(open(path))
        cells = {}
        for what, ref_map, ours, norm in (
            ("bib", ref.get("bib"), ours_bib.get(style, {}), norm_bib),
            ("cite", ref.get("cite"), ours_cite.get(style, {}), fold),
        ):
            if not ref_map:
                cells[what] = None
                continue
            same = 0
            for k, v in ref_map.items():
                a = ours.get(k)
                if a is not None and norm(a) == norm(v):
                    same += 1
                else:
                    diff.write(f"{style} [{what}] {k}\n  citeproc-js: {norm(v)}\n  publist:     {norm(a) if a is not None else '(missing)'}\n")
            n = len(ref_map)
            cells[what] = (same, n)
            tot[what][0] += same
            tot[what][1] += n
            counted[what] += 1
            if same >= 0.99 * n:
                good[what] += 1
        fmt = lambda c: "—" if c is None else f"{c[0]}/{c[1]} {100 * c[0] / max(c[1], 1):5.1f}%"
        note = f"  citeproc-js error: {ref['error']}" if ref.get("error") else ""
        print(f"{style:58} {fmt(cells['bib']):>16} {fmt(cells['cite']):>16}{note}")
        rows.append((style, cells))
for what, label in (("bib", "bibliography"), ("cite", "citations")):
    s, n = tot[what]
    print(f"{label:14} {s}/{n} identical ({100 * s / max(n, 1):.2f}%); styles at >= 99%: {good[what]} of {counted[what]}")
with open(f"{out}/summary.tsv", "w") as f:
    for style, cells in rows:
        f.write("\t".join([style] + ["" if cells[w] is None else f"{cells[w][0]}/{cells[w][1]}" for w in ("bib", "cite")]) + "\n")
