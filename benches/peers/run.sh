#!/usr/bin/env bash
# Times publist, pandoc's citeproc and citeproc-js formatting the same
# synthetic CSL-JSON items (1k and 10k) with the same apa and ieee .csl files,
# side by side in one run; prints wall and CPU (user + system) times, ratios,
# the load average, and how many entries of publist's output are identical
# to citeproc-js's. publist runs twice: with default options (`format
# --style S FILE`: it merges first, as a user's command does; the ratios are
# of this run) and with --no-merge (every item, as the other tools print
# them: the identical column compares this output). The synthetic items
# list some works twice (a preprint and its paper), so the default run
# prints fewer entries.
# Needs: pandoc (Debian), node + npm, ../shared/csl.
#
#   bash benches/peers/run.sh
#   SIZES=10000 STYLES=apa bash benches/peers/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
CSL=${CSL:-../shared/csl}
OUT=target/peers
SIZES=${SIZES:-"1000 10000"}
STYLES=${STYLES:-"apa ieee"}
mkdir -p "$OUT"
if [ ! -d "$CSL/styles" ]; then echo "SKIPPED: $CSL/styles is absent"; exit 0; fi
for tool in pandoc node npm; do
  command -v $tool >/dev/null || { echo "SKIPPED: $tool is not installed"; exit 0; }
done
if [ ! -d benches/citeproc/node_modules/citeproc ]; then
  npm install --silent --no-save --prefix benches/citeproc citeproc@2.4.63 >/dev/null
fi
cargo build --quiet --release --example publist --example synthetic_csl
# Runs a command, its output to $1; sets `wall` and `cpu` (seconds).
timed() {
  local out=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$OUT/time.txt" "$@" > "$out"
  read -r wall user sys < "$OUT/time.txt"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}
echo "# $(date -u '+%F %H:%M') $(uptime | sed 's/.*load/load/')"
printf '%-6s %-5s %15s %15s %15s %15s %15s %15s  %s\n' items style "publist w/cpu" "no-merge w/cpu" "pandoc w/cpu" "citeproc-js w/cpu" "pandoc/p w,cpu" "cjs/p w,cpu" "identical (no-merge) to citeproc-js"
for n in $SIZES; do
  target/release/examples/synthetic_csl "$n" > "$OUT/items-$n.json"
  printf -- '---\nnocite: "@*"\n---\n' > "$OUT/doc.md"
  for style in $STYLES; do
    timed "$OUT/publist-merged-$n-$style.txt" target/release/examples/publist format --style "$CSL/styles/$style.csl" "$OUT/items-$n.json"
    pw=$wall pc=$cpu
    timed "$OUT/publist-$n-$style.txt" target/release/examples/publist format --no-merge --style "$CSL/styles/$style.csl" "$OUT/items-$n.json"
    nw=$wall nc=$cpu
    timed "$OUT/pandoc-$n-$style.txt" pandoc --citeproc --csl "$CSL/styles/$style.csl" --bibliography "$OUT/items-$n.json" -t plain --wrap=none "$OUT/doc.md"
    dw=$wall dc=$cpu
    timed "$OUT/citeproc-$n-$style.json" node benches/citeproc/render.js "$OUT/items-$n.json" "$CSL/styles" "$CSL/locales" "$style"
    jw=$wall jc=$cpu
    agree=$(python3 - "$OUT/publist-$n-$style.txt" "$OUT/citeproc-$n-$style.json" "$style" <<'PY'
import json, re, sys
norm = lambda s: re.sub(r"^(\[\d+\]|\d+\.)\s*", "", re.sub(r"\s+", " ", s).strip())
ours = {norm(l) for l in open(sys.argv[1]) if l.strip()}
ref = [norm(v) for v in json.load(open(sys.argv[2]))[sys.argv[3]].values()]
print(f"{sum(1 for r in ref if r in ours)}/{len(ref)}")
PY
)
    awk -v n="$n" -v s="$style" -v pw="$pw" -v pc="$pc" -v nw="$nw" -v nc="$nc" -v dw="$dw" -v dc="$dc" -v jw="$jw" -v jc="$jc" -v g="$agree" \
      'BEGIN { printf "%-6s %-5s %6.2fs/%6.2fs %6.2fs/%6.2fs %6.2fs/%6.2fs %6.2fs/%6.2fs %6.1fx,%6.1fx %6.1fx,%6.1fx  %s\n", n, s, pw, pc, nw, nc, dw, dc, jw, jc, dw/(pw>0?pw:0.01), dc/(pc>0?pc:0.01), jw/(pw>0?pw:0.01), jc/(pc>0?pc:0.01), g }'
  done
done
echo "# $(date -u '+%F %H:%M') $(uptime | sed 's/.*load/load/')"
