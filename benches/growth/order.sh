#!/usr/bin/env bash
# Writes examples/publist.order: the functions the example binary runs, for
# lld's --symbol-ordering-file (build.rs), so that they sit together at the
# start of .text and the kernel maps few of the binary's code pages (issue
# 19: peak memory of `merge` and `format` at 10k items, BENCHMARKS.md Scale).
#
#   bash benches/growth/order.sh         # needs valgrind; a minute after the build
#   bash benches/growth/order.sh check   # how many of the listed names the
#                                        # release binary still has
#
# callgrind runs the release binary on the bundled CVs and on a synthetic
# field's list (examples/synthetic_field.rs) through the commands users run
# most: merge, format (CSL, CV layouts), bib, parse. The names it saw run,
# those of the binary's own text symbols, go in the order of first listing:
# merge's first, then what format adds, and so on. Names the binary no
# longer has are skipped at link time, so a stale list costs memory, never
# correctness; but it goes stale fast: LLVM names functions it moves between
# codegen units `NAME.llvm.HASH`, the hash of the unit, so a change in one
# module renamed 6% of the list (and cost 2 MiB at 10k items). Regenerate
# it with any change to the code, last, and see `check`. (The hash does not
# depend on the checkout's path: Cargo.toml builds the crate's own code
# without line tables in release, which held it.)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = check ]; then
  cargo build --quiet --release --example publist
  nm --defined-only target/release/examples/publist | awk '{ print $3 }' | sort -u > target/order-check
  found=$(grep -cxFf target/order-check examples/publist.order || true)
  echo "examples/publist.order: $found of $(wc -l < examples/publist.order) names in the release binary"
  exit 0
fi
command -v valgrind >/dev/null || { echo "order.sh: valgrind is needed" >&2; exit 2; }
cargo build --quiet --release --example publist --example synthetic_field
B=target/release/examples/publist
W=target/order
mkdir -p "$W"
rm -f "$W"/callgrind.*
# 10k items: the parallel paths (taken above a few thousand items) run too.
target/release/examples/synthetic_field 10000 > "$W/field.json"
CV=(examples/data/cv/cv-2022.md examples/data/cv/cv-2025-06.md examples/data/cv/cv-2025-09.txt)
runs=(
  "merge $W/field.json"
  "format --style apa $W/field.json"
  "merge ${CV[*]}"
  "format ${CV[*]}"
  "bib $W/field.json"
  "parse ${CV[*]}"
)
k=0
for run in "${runs[@]}"; do
  k=$((k + 1))
  # shellcheck disable=SC2086 # the run's words are its arguments
  valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no \
    --callgrind-out-file="$W/callgrind.$k" "$B" $run > /dev/null 2> "$W/valgrind.$k.log" \
    || { echo "order.sh: valgrind failed on: $run (see $W/valgrind.$k.log)" >&2; exit 1; }
done
nm --defined-only "$B" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$W/text-symbols"
for k in $(seq 1 ${#runs[@]}); do
  sed -n 's/^c\?fn=//p' "$W/callgrind.$k"
done | awk '!seen[$0]++' | awk 'NR == FNR { text[$0] = 1; next } ($0 in text)' "$W/text-symbols" - \
  > examples/publist.order
echo "examples/publist.order: $(wc -l < examples/publist.order) functions"
