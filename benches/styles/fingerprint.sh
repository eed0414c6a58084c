#!/usr/bin/env bash
# Output fingerprint for refactors that must not change output (issue 17):
# md5 of `publist format` on N synthetic items (default 10000) in apa, ieee,
# modern-language-association and chicago-author-date (text and HTML), and of
# every item cited alone in the same styles; plus the merged CVs in the ten
# styles. Compare the printed lines before and after a change.
set -euo pipefail
cd "$(dirname "$0")/../.."
CSL=${CSL:-../shared/csl}
N=${N:-10000}
OUT=target/fingerprint
mkdir -p "$OUT"
cargo build --quiet --release --example publist --example synthetic_csl --example render_styles
target/release/examples/synthetic_csl "$N" > "$OUT/items.json"
for style in apa ieee modern-language-association chicago-author-date; do
  for to in text html; do
    printf '%s %-28s %s\n' "$(target/release/examples/publist format --no-merge --style "$CSL/styles/$style.csl" --to $to "$OUT/items.json" | md5sum | cut -c1-12)" "$style" "format --to $to"
  done
done
target/release/examples/render_styles "$OUT/cite" "$CSL/styles" --citations apa ieee modern-language-association chicago-author-date -- "$OUT/items.json" 2>/dev/null
printf '%s %-28s %s\n' "$(md5sum < "$OUT/cite/publist-citations.json" | cut -c1-12)" "four styles" "citations, each item alone"
target/release/examples/render_styles "$OUT/cv" "$CSL/styles" --citations @benches/styles/ten.txt -- examples/data/cv/cv-2022.md examples/data/cv/cv-2025-06.md examples/data/cv/cv-2025-09.txt 2>/dev/null
printf '%s %-28s %s\n' "$(cat "$OUT/cv/publist.json" "$OUT/cv/publist-citations.json" | md5sum | cut -c1-12)" "ten styles" "merged CVs, bibliography + citations"
