#!/usr/bin/env bash
# Side by side with citeproc-js: renders the merged example CVs, and SYNTH
# synthetic items (default 10000; 0 to skip), in ten styles with publist and
# with citeproc-js (npm `citeproc`), and reports the share of identical
# entries per style. Needs node/npm and ../shared/csl.
set -euo pipefail
cd "$(dirname "$0")/../.."
CSL=${CSL:-../shared/csl}
OUT=target/citeproc
STYLES="apa ieee chicago-author-date nature modern-language-association harvard-cite-them-right elsevier-harvard springer-basic-author-date american-chemical-society nlm-citation-sequence"
if [ ! -d "$CSL/styles" ]; then echo "SKIPPED: $CSL/styles is absent"; exit 0; fi
if [ ! -d benches/citeproc/node_modules/citeproc ]; then
  npm install --silent --no-save --prefix benches/citeproc citeproc@2.4.63 >/dev/null
fi
cargo run --quiet --release --example render_styles -- "$OUT" "$CSL/styles" $STYLES -- \
  examples/data/cv/cv-2022.md examples/data/cv/cv-2025-06.md examples/data/cv/cv-2025-09.txt 2>/dev/null
node benches/citeproc/render.js "$OUT/items.json" "$CSL/styles" "$CSL/locales" $STYLES > "$OUT/citeproc.json"
echo "== merged example CVs (96 records)"
python3 benches/citeproc/compare.py "$OUT"
echo "differences: $OUT/differences.txt"
SYNTH=${SYNTH:-10000}
if [ "$SYNTH" -gt 0 ]; then
  S=$OUT/synthetic
  mkdir -p "$S"
  cargo run --quiet --release --example synthetic_csl -- "$SYNTH" > "$S/input.json"
  cargo run --quiet --release --example render_styles -- "$S" "$CSL/styles" $STYLES -- "$S/input.json" 2>/dev/null
  node --max-old-space-size=8192 benches/citeproc/render.js "$S/items.json" "$CSL/styles" "$CSL/locales" $STYLES > "$S/citeproc.json"
  echo "== $SYNTH synthetic items"
  python3 benches/citeproc/compare.py "$S"
  echo "differences: $S/differences.txt"
fi
