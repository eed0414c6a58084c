#!/usr/bin/env bash
# Breadth check (issue 17): renders the merged example CVs and SYNTH synthetic
# items (default 300) with a sample of official styles in publist and in
# citeproc-js 2.4.63, and reports per style the identical bibliography
# entries and citations (each item cited alone, Zotero's citation list).
#
#   SAMPLE=a    sample-a.txt + much-used.txt (the sample to work with; default)
#   SAMPLE=b    sample-b.txt + much-used.txt (the acceptance sample: final check only)
#   SAMPLE=ten  the ten styles of benches/citeproc/run.sh
#   SAMPLE=citation-only  every independent style without <bibliography>
#   INPUT=cv|synth|both (default both)
#
# The samples are drawn by sample.py (fixed seeds). citeproc-js output is cached
# per input and style in target/styles/cache (delete it after changing
# citeproc-js or the styles). Needs node/npm and ../shared/csl.
set -euo pipefail
cd "$(dirname "$0")/../.."
CSL=${CSL:-../shared/csl}
SAMPLE=${SAMPLE:-a}
SYNTH=${SYNTH:-300}
INPUT=${INPUT:-both}
OUT=target/styles
HERE=benches/styles
if [ ! -d "$CSL/styles" ]; then echo "SKIPPED: $CSL/styles is absent"; exit 0; fi
if [ ! -d benches/citeproc/node_modules/citeproc ]; then
  npm install --silent --no-save --prefix benches/citeproc citeproc@2.4.63 >/dev/null
fi
mkdir -p "$OUT"
case "$SAMPLE" in
  a|b) LISTS="$HERE/sample-$SAMPLE.txt $HERE/much-used.txt" ;;
  ten) LISTS="$HERE/ten.txt" ;;
  citation-only)
    grep -L '<bibliography' "$CSL"/styles/*.csl | xargs -n1 basename | sed 's/\.csl$//' | sort > "$OUT/citation-only.txt"
    LISTS="$OUT/citation-only.txt" ;;
  *) echo "SAMPLE is a, b, ten or citation-only"; exit 2 ;;
esac
STYLES=$(cat $LISTS | grep -v '^#' | grep .)
cargo build --quiet --release --example render_styles --example synthetic_csl
run() { # name, then the input files
  local name=$1; shift
  local dir=$OUT/$SAMPLE-$name
  mkdir -p "$dir"
  target/release/examples/render_styles "$dir" "$CSL/styles" --citations --locales "$CSL/locales" $(printf '@%s ' $LISTS) -- "$@" 2>"$dir/stderr.txt"
  local cache=$OUT/cache/$(md5sum < "$dir/items.json" | cut -c1-12)
  node --max-old-space-size=4096 $HERE/render.js "$dir/items.json" "$CSL/styles" "$CSL/locales" "$cache" $STYLES
  echo "== $name ($(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$dir/items.json") items), sample $SAMPLE"
  python3 $HERE/compare.py "$dir" "$cache" $LISTS | tee "$dir/report.txt"
  echo "differences: $dir/differences.txt"
}
if [ "$INPUT" != synth ]; then
  run cv examples/data/cv/cv-2022.md examples/data/cv/cv-2025-06.md examples/data/cv/cv-2025-09.txt
fi
if [ "$INPUT" != cv ] && [ "$SYNTH" -gt 0 ]; then
  target/release/examples/synthetic_csl "$SYNTH" > "$OUT/synthetic-$SYNTH.json"
  run "synth$SYNTH" "$OUT/synthetic-$SYNTH.json"
fi
