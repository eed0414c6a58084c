#!/usr/bin/env python3
"""Scores `publist parse` on bibliographies rendered by citeproc-js.

score.py PUBLIST OUT_DIR --named STYLE... --unseen STYLE... [--drawn STYLE...]

OUT_DIR holds cv.json (the CV records, CSL-JSON) and rendered.json
({style: {id: entry}}). For every style, the entries are written one per
line (a) as a numbered markdown list under `## Publications` (the field
parser alone, as score.py --oracle does for real lists) and (b) bare, one
entry per line in a .txt file (end to end, with the list reader finding the
list). The files are kept in OUT_DIR/lists/ and read by `publist parse FILE`. Each parsed record is
matched to its entry by its source line and compared with the CV record:
title exact (accents, case and punctuation folded), first author's family
name, year, venue (container title, folded; items with one).
"""
import json, os, re, subprocess, sys, unicodedata

def fold(s):
    s = unicodedata.normalize('NFKD', s or '')
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return ' '.join(re.sub(r'[\W_]+', ' ', s.lower()).split())

def first_family(rec):
    people = rec.get('author') or rec.get('editor') or []
    if not people:
        return None
    p = people[0]
    fam = p.get('family') or p.get('literal') or ''
    part = p.get('non-dropping-particle')
    return fold((part + ' ' + fam) if part else fam)

def year(rec):
    try:
        return int(rec['issued']['date-parts'][0][0])
    except (KeyError, IndexError, TypeError, ValueError):
        return None

def parse(binary, text, path):
    # As a user would: a file, its syntax told by its extension.
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    p = subprocess.run([binary, 'parse', path], capture_output=True, timeout=300)
    try:
        return json.loads(p.stdout.decode() or '[]')
    except json.JSONDecodeError:
        return []

def score_style(binary, entries, cv, numbered, path):
    ids = list(entries)
    if numbered:
        text = '## Publications\n\n' + ''.join(f'{k + 1}. {entries[i]}\n' for k, i in enumerate(ids))
        first_line = 3
    else:
        text = ''.join(f'{entries[i]}\n' for i in ids)
        first_line = 1
    recs = parse(binary, text, path)
    by_line = {}
    for r in recs:
        for s in (r.get('custom') or {}).get('sources') or []:
            by_line.setdefault(s.get('line'), r)
    t = dict(n=len(ids), rec=0, title=0, author=0, author_n=0, year=0, year_n=0, venue=0, venue_n=0)
    misses = []
    for k, i in enumerate(ids):
        gold = cv[i]
        r = by_line.get(first_line + k)
        if gold.get('container-title'):
            t['venue_n'] += 1
        if first_family(gold):
            t['author_n'] += 1
        if year(gold):
            t['year_n'] += 1
        if r is None:
            misses.append((i, 'no record', entries[i]))
            continue
        t['rec'] += 1
        ok_title = fold(r.get('title')) == fold(gold.get('title'))
        t['title'] += ok_title
        if not ok_title:
            misses.append((i, f"title {r.get('title')!r}", entries[i]))
        t['author'] += bool(first_family(gold)) and first_family(r) == first_family(gold)
        t['year'] += bool(year(gold)) and year(r) == year(gold)
        if gold.get('container-title'):
            want = {fold(gold['container-title']), fold(gold.get('container-title-short'))} - {''}
            ok_venue = fold(r.get('container-title')) in want
            t['venue'] += ok_venue
            if not ok_venue and os.environ.get('VENUE'):
                misses.append((i, f"venue {r.get('container-title')!r} want {gold['container-title']!r}", entries[i]))
    return t, misses

def pct(a, b):
    return f'{100.0 * a / b:5.1f}' if b else '  n/a'

def main(argv):
    binary, out = argv[0], argv[1]
    named = argv[argv.index('--named') + 1:argv.index('--unseen')]
    end = argv.index('--drawn') if '--drawn' in argv else len(argv)
    unseen = argv[argv.index('--unseen') + 1:end]
    drawn = argv[end + 1:]
    cv = {r['id']: r for r in json.load(open(os.path.join(out, 'cv.json')))}
    rendered = json.load(open(os.path.join(out, 'rendered.json')))
    verbose = os.environ.get('VERBOSE')
    os.makedirs(os.path.join(out, 'lists'), exist_ok=True)
    for numbered in (True, False):
        print('\n' + ('numbered list under "## Publications" (field parser)' if numbered else 'one entry per line, no heading (end to end)'))
        print(f"{'style':42} {'n':>4} {'recov':>6} {'title':>6} {'auth':>6} {'year':>6} {'venue':>6}")
        for group, styles in (('named', named), ('unseen', unseen), ('drawn', drawn)):
            for s in styles:
                if s not in rendered:
                    continue
                path = os.path.join(out, 'lists', s + ('.md' if numbered else '.txt'))
                t, misses = score_style(binary, rendered[s], cv, numbered, path)
                mark = {'named': '', 'unseen': ' (not trained on)', 'drawn': ' (random draw)'}[group]
                print(f"{s + mark:42} {t['n']:4} {pct(t['rec'], t['n'])} {pct(t['title'], t['n'])} "
                      f"{pct(t['author'], t['author_n'])} {pct(t['year'], t['year_n'])} {pct(t['venue'], t['venue_n'])}")
                if verbose:
                    for m in misses[:int(os.environ.get('MISSES', 8))]:
                        print('    ', m[0], m[1], '|', m[2][:160])

if __name__ == '__main__':
    main(sys.argv[1:])
