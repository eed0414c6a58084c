#!/usr/bin/env bash
# Round trips of real .bib and CSL-JSON libraries through publist, measured
# with an independent reader (compare.py: bibtexparser 1.x + pylatexenc),
# biber --validate-datamodel and bibtex with plain.bst.
#
#   benches/bibround/run.sh [DIR]     (DIR defaults to ../shared/bib)
# Needs: a built example binary (cargo build --example publist), python3 with
# bibtexparser<2 and pylatexenc, biber, bibtex.
set -u
cd "$(dirname "$0")/../.."
DIR=${1:-../shared/bib}
P=${PUBLIST:-target/debug/examples/publist}
OUT=$(mktemp -d)
[ -d "$DIR" ] || { echo "skipped: $DIR not found"; exit 0; }

biber_warnings() { # file -> count of biber datamodel warnings
  (cd "$(dirname "$1")" && biber --tool --validate-datamodel --output-file /dev/null "$(basename "$1")" 2>&1 | grep -c "WARN")
}
bibtex_warnings() { # file -> count of bibtex plain.bst warnings
  local d; d=$(mktemp -d); cp "$1" "$d/lib.bib"
  printf '\\citation{*}\n\\bibstyle{plain}\n\\bibdata{lib}\n' > "$d/x.aux"
  (cd "$d" && bibtex x >/dev/null 2>&1; grep -c "^Warning--" x.blg); rm -rf "$d"
}

for f in "$DIR"/*.bib; do
  b=$(basename "$f" .bib)
  $P parse "$f" --to biblatex -o "$OUT/$b.biblatex.bib" 2>"$OUT/$b.err"
  $P parse "$f" --to bibtex -o "$OUT/$b.bibtex.bib" 2>/dev/null
  errors=$(grep -c ": error: " "$OUT/$b.err")
  echo "== $b (errors: $errors)"
  echo -n "  biblatex: "; python3 benches/bibround/compare.py bib "$f" "$OUT/$b.biblatex.bib" 2>"$OUT/$b.lost.biblatex"
  echo -n "  bibtex:   "; python3 benches/bibround/compare.py bib "$f" "$OUT/$b.bibtex.bib" 2>"$OUT/$b.lost.bibtex"
  echo "  biber warnings: original $(biber_warnings "$f"), publist $(biber_warnings "$OUT/$b.biblatex.bib")"
  echo "  bibtex plain warnings: original $(bibtex_warnings "$f"), publist $(bibtex_warnings "$OUT/$b.bibtex.bib")"
  # The two flavours of one library, merged, against each merged with a copy
  # of itself (a copy: the same path twice is one input to the merge).
  count() { python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
  cp "$OUT/$b.biblatex.bib" "$OUT/$b.copy.bib"; cp "$OUT/$b.bibtex.bib" "$OUT/$b.copy2.bib"
  both=$($P merge "$OUT/$b.biblatex.bib" "$OUT/$b.bibtex.bib" 2>/dev/null | count)
  self=$($P merge "$OUT/$b.biblatex.bib" "$OUT/$b.copy.bib" 2>/dev/null | count)
  self2=$($P merge "$OUT/$b.bibtex.bib" "$OUT/$b.copy2.bib" 2>/dev/null | count)
  one=$($P merge "$f" 2>/dev/null | count)
  echo "  merge: both flavours $both records; biblatex flavour with a copy $self; bibtex flavour with a copy $self2; the file alone $one"
done
for f in "$DIR"/*.json; do
  b=$(basename "$f" .json)
  $P parse "$f" -o "$OUT/$b.out.json" 2>/dev/null
  echo "== $b"
  echo -n "  csl-json: "; python3 benches/bibround/compare.py csl "$f" "$OUT/$b.out.json" 2>"$OUT/$b.lost.csl"
done
echo "lost fields and outputs in $OUT"
