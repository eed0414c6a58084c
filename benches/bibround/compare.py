#!/usr/bin/env python3
"""Compares a .bib or CSL-JSON library with publist's output of it.

    compare.py bib ORIGINAL.bib OUTPUT.bib      (entries, keys, (entry, field) pairs kept)
    compare.py csl ORIGINAL.json OUTPUT.json    (items keeping id, type and every variable)

Independent of publist: .bib files are read with bibtexparser 1.x and
decoded with pylatexenc. A field is kept when the output entry with the
same key has it (or its BibTeX/BibLaTeX rename) with the same value after
LaTeX -> Unicode, removing braces and collapsing white space; DOIs and
eprint types compare case-insensitively; year+month may become date.
Prints one JSON line of figures, and the first lost fields on stderr.
"""
import json
import re
import sys

RENAMES = {
    "journal": "journaltitle", "address": "location", "school": "institution",
    "annote": "annotation", "archiveprefix": "eprinttype", "primaryclass": "eprintclass",
    "hyphenation": "langid", "key": "sortkey", "pdf": "file",
}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
VERBATIM = {"url", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc", "biburl", "urlraw"}


def canon(name):
    return RENAMES.get(name, name)


def load_bib(path):
    import bibtexparser
    from bibtexparser.bparser import BibTexParser
    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False, interpolate_strings=True)
    parser.homogenize_fields = False
    with open(path, encoding="utf-8", errors="replace") as f:
        db = bibtexparser.load(f, parser=parser)
    return db.entries


def text(value, verbatim=False):
    from pylatexenc.latex2text import LatexNodes2Text
    if not verbatim:
        try:
            value = LatexNodes2Text(math_mode="text").latex_to_text(value)
        except Exception:  # pylatexenc gives up on some inputs: compare the source
            pass
    value = value.replace("{", "").replace("}", "")
    if verbatim:
        value = re.sub(r"\\([_%#&~$])", r"\1", value)
    return re.sub(r"\s+", " ", value).strip()


def month_number(v):
    v = v.strip().lower()
    if v.isdigit():
        return int(v)
    for k, m in enumerate(MONTHS):
        if m in v:
            return k + 1
    return None


def kept_field(name, value, out, out_type):
    c = canon(name)
    verbatim = c in VERBATIM
    want = text(value, verbatim)
    fold = (lambda s: s.lower()) if c in ("doi", "eprinttype") else (lambda s: s)
    for n, v in out.items():
        if canon(n) == c and fold(text(v, verbatim)) == fold(want):
            return True
    if c == "year":
        year = re.search(r"\d{4}", want)
        date = out.get("date", "")
        return bool(year) and (text(out.get("year", "")) .endswith(year.group(0)) or date.startswith(year.group(0)))
    if c == "month":
        m = month_number(want)
        date = text(out.get("date", ""))
        parts = date.split("/")[0].split("-")
        return m is not None and ((len(parts) > 1 and parts[1].isdigit() and int(parts[1]) == m)
                                  or month_number(text(out.get("month", ""))) == m)
    if c == "date" and "year" in out:
        start = want.split("/")[0].split("-")
        ok = text(out["year"]) == start[0]
        if len(start) > 1:
            ok = ok and month_number(text(out.get("month", ""))) == int(start[1])
        return ok and "/" not in want and len(start) < 3
    if c == "type":
        t = want.lower()
        return (t in ("phdthesis",) and out_type == "phdthesis") or \
               (t in ("mathesis", "mastersthesis") and out_type == "mastersthesis") or \
               (t == "techreport" and out_type == "techreport")
    return False


def compare_bib(orig_path, out_path):
    orig = load_bib(orig_path)
    out = {e["ID"]: e for e in load_bib(out_path)}
    pairs = kept = keys = 0
    lost = []
    for e in orig:
        o = out.get(e["ID"])
        if o is None:
            lost.append(f"{e['ID']}: entry (key) missing")
            continue
        keys += 1
        for name, value in e.items():
            if name in ("ID", "ENTRYTYPE"):
                continue
            pairs += 1
            if kept_field(name, value, o, o["ENTRYTYPE"].lower()):
                kept += 1
            else:
                have = {n: v for n, v in o.items() if canon(n) == canon(name)}
                lost.append(f"{e['ID']}: {name} = {value[:80]!r} -> {str(have)[:120]}")
    res = {"entries": len(orig), "output_entries": len(out), "keys_kept": keys,
           "pairs": pairs, "pairs_kept": kept,
           "pairs_kept_pct": round(100 * kept / pairs, 3) if pairs else 100.0}
    return res, lost


def compare_csl(orig_path, out_path):
    orig = json.load(open(orig_path, encoding="utf-8"))
    out = {i.get("id"): i for i in json.load(open(out_path, encoding="utf-8"))}
    whole = 0
    lost = []
    for item in orig:
        o = out.get(item.get("id"))
        if o is None:
            lost.append(f"{item.get('id')}: id missing")
            continue
        bad = [k for k, v in item.items() if k != "custom" and o.get(k) != v]
        if bad:
            lost.append(f"{item.get('id')}: " + ", ".join(f"{k}: {json.dumps(item[k])[:60]} -> {json.dumps(o.get(k))[:60]}" for k in bad))
        else:
            whole += 1
    res = {"items": len(orig), "output_items": len(out), "items_whole": whole,
           "items_whole_pct": round(100 * whole / len(orig), 3) if orig else 100.0}
    return res, lost


def main():
    mode, a, b = sys.argv[1:4]
    res, lost = compare_bib(a, b) if mode == "bib" else compare_csl(a, b)
    print(json.dumps(res))
    for line in lost[:25]:
        print("  lost:", line, file=sys.stderr)
    if len(lost) > 25:
        print(f"  ... {len(lost) - 25} more", file=sys.stderr)


if __name__ == "__main__":
    main()
