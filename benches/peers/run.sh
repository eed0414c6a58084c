#!/usr/bin/env bash
# Times publist, pandoc's citeproc and citeproc-js formatting the same
# synthetic CSL-JSON items (1k and 10k) with the same apa and ieee .csl files,
# side by side in one run; prints times, ratios and how many entries of
# publist's output are identical to citeproc-js's.
# Needs: pandoc (Debian), node + npm, ../shared/csl.
set -euo pipefail
cd "$(dirname "$0")/../.."
CSL=${CSL:-../shared/csl}
OUT=target/peers
SIZES=${SIZES:-"1000 10000"}
mkdir -p "$OUT"
if [ ! -d "$CSL/styles" ]; then echo "SKIPPED: $CSL/styles is absent"; exit 0; fi
for tool in pandoc node npm; do
  command -v $tool >/dev/null || { echo "SKIPPED: $tool is not installed"; exit 0; }
done
if [ ! -d benches/citeproc/node_modules/citeproc ]; then
  npm install --silent --no-save --prefix benches/citeproc citeproc@2.4.63 >/dev/null
fi
cargo build --quiet --release --example publist --example synthetic_csl
now() { date +%s.%N; }
printf '%-6s %-5s %10s %10s %12s %9s %9s %s\n' items style publist pandoc citeproc-js "pandoc/p" "cjs/p" "identical to citeproc-js"
for n in $SIZES; do
  target/release/examples/synthetic_csl "$n" > "$OUT/items-$n.json"
  printf -- '---\nnocite: "@*"\n---\n' > "$OUT/doc.md"
  for style in apa ieee; do
    t0=$(now); target/release/examples/publist format --no-merge --style "$CSL/styles/$style.csl" "$OUT/items-$n.json" > "$OUT/publist-$n-$style.txt"; t1=$(now)
    pandoc --citeproc --csl "$CSL/styles/$style.csl" --bibliography "$OUT/items-$n.json" -t plain --wrap=none "$OUT/doc.md" > "$OUT/pandoc-$n-$style.txt"; t2=$(now)
    node benches/citeproc/render.js "$OUT/items-$n.json" "$CSL/styles" "$CSL/locales" "$style" > "$OUT/citeproc-$n-$style.json"; t3=$(now)
    agree=$(python3 - "$OUT/publist-$n-$style.txt" "$OUT/citeproc-$n-$style.json" "$style" <<'PY'
import json, re, sys
norm = lambda s: re.sub(r"^(\[\d+\]|\d+\.)\s*", "", re.sub(r"\s+", " ", s).strip())
ours = {norm(l) for l in open(sys.argv[1]) if l.strip()}
ref = [norm(v) for v in json.load(open(sys.argv[2]))[sys.argv[3]].values()]
print(f"{sum(1 for r in ref if r in ours)}/{len(ref)}")
PY
)
    awk -v n="$n" -v s="$style" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v g="$agree" \
      'BEGIN { p=b-a; q=c-b; r=d-c; printf "%-6s %-5s %9.2fs %9.2fs %11.2fs %8.1fx %8.1fx %s\n", n, s, p, q, r, q/p, r/p, g }'
  done
done
