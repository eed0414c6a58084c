#!/usr/bin/env python3
"""Draws the style samples of the breadth check (benches/styles/run.sh).

sample.py STYLES_DIR writes sample-a.txt (the sample to work with) and
sample-b.txt (the acceptance sample, disjoint from a, looked at only for a
final check): 100 official independent styles each, drawn with fixed seeds
from every independent style in STYLES_DIR except the much-used ones
(much-used.txt) and the ten of benches/citeproc/run.sh, which are checked
on their own. Sorted names, Python's random.Random(seed).sample: the same
folder gives the same lists."""
import os
import sys

import random

SEED_A, SEED_B, SIZE = 17, 2026, 100
here = os.path.dirname(os.path.abspath(__file__))
styles_dir = sys.argv[1]
ten = ("apa ieee chicago-author-date nature modern-language-association harvard-cite-them-right "
       "elsevier-harvard springer-basic-author-date american-chemical-society nlm-citation-sequence").split()
much_used = [l.strip() for l in open(os.path.join(here, "much-used.txt")) if l.strip() and not l.startswith("#")]
names = sorted(f[:-4] for f in os.listdir(styles_dir) if f.endswith(".csl"))
pool = [n for n in names if n not in ten and n not in much_used]
a = sorted(random.Random(SEED_A).sample(pool, SIZE))
rest = [n for n in pool if n not in a]
b = sorted(random.Random(SEED_B).sample(rest, SIZE))
for name, sample, seed in (("sample-a.txt", a, SEED_A), ("sample-b.txt", b, SEED_B)):
    with open(os.path.join(here, name), "w") as f:
        f.write(f"# {SIZE} of {len(pool)} independent styles, random.Random({seed}).sample (benches/styles/sample.py)\n")
        f.writelines(n + "\n" for n in sample)
print(f"pool {len(pool)}; a and b share {len(set(a) & set(b))}")
