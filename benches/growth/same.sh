#!/usr/bin/env bash
# Byte-identity check for the readers and writers (issue 19): runs two
# publist binaries on the same inputs and compares every output with `cmp`.
# Inputs: the bundled CVs (each, and all three together), every file of
# ../shared/bib and ../shared/bib/repro (alone, and .bib files twice), the
# field synthetic at 10k and 100k (with and without --duplicates 0.2; pretty,
# --zotero and --minified); commands `merge`, `bib`, `parse` (and `merge --to
# biblatex`, `format --style apa` on the 10k field files).
#
#   BASE=target/base/publist bash benches/growth/same.sh          # vs target/release
#   SIZES="10000" BASE=... NEW=... bash benches/growth/same.sh
#
# Prints one line per difference and a summary; exit 1 when anything differs.
set -uo pipefail
cd "$(dirname "$0")/../.."
BASE=${BASE:?set BASE to the binary to compare with (e.g. the binary of main)}
NEW=${NEW:-target/release/examples/publist}
SIZES=${SIZES:-"10000 100000"}
OUT=${OUT:-target/growth}
SHARED=${SHARED:-../shared/bib}
CSL=${CSL:-../shared/csl}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=0
diffs=0
one() { # label, args...
  local label=$1
  shift
  runs=$((runs + 1))
  "$BASE" "$@" > "$tmp/a" 2> "$tmp/a.err"
  local ra=$?
  "$NEW" "$@" > "$tmp/b" 2> "$tmp/b.err"
  local rb=$?
  if [ $ra != $rb ] || ! cmp -s "$tmp/a" "$tmp/b" || ! cmp -s "$tmp/a.err" "$tmp/b.err"; then
    diffs=$((diffs + 1))
    echo "DIFFERS: $label ($*): exit $ra vs $rb"
  fi
}
cvs=(examples/data/cv/*)
for f in "${cvs[@]}"; do
  for c in merge bib parse; do one "cv $c" "$c" "$f"; done
done
for c in merge bib parse; do one "cvs $c" "$c" "${cvs[@]}"; done
if [ -d "$SHARED" ]; then
  for f in "$SHARED"/*.bib "$SHARED"/*.json "$SHARED"/repro/*; do
    [ -f "$f" ] || continue
    for c in merge bib parse; do one "shared $c" "$c" "$f"; done
    one "shared merge biblatex" merge --to biblatex "$f"
    case $f in *.bib) one "shared twice" merge "$f" "$f" ;; esac
  done
else
  echo "skipped $SHARED: not present"
fi
mkdir -p "$OUT"
for n in $SIZES; do
  for dup in 0 0.2; do
    for flavour in pretty zotero minified; do
      in="$OUT/field-$n-dup$dup-$flavour.json"
      case $flavour in pretty) flag=() ;; zotero) flag=(--zotero) ;; minified) flag=(--minified) ;; esac
      [ -s "$in" ] || target/release/examples/synthetic_field "$n" --duplicates "$dup" "${flag[@]}" > "$in"
      one "field merge" merge "$in"
      one "field parse" parse "$in"
      if [ "$n" -le 10000 ]; then
        one "field bib" bib "$in"
        [ -f "$CSL/styles/apa.csl" ] && one "field format" format --style apa "$in"
      fi
    done
  done
done
echo "same.sh: $runs runs, $diffs differ ($BASE vs $NEW)"
[ $diffs = 0 ]
