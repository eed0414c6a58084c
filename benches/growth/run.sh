#!/usr/bin/env bash
# Growth benchmark (issue 19): `publist merge` and `publist format --style apa`
# (default options, and --no-merge) on synthetic CSL-JSON of a field's combined
# bibliography (examples/synthetic_field.rs: first authors by Lotka's law,
# shared family names, venues by Bradford's law), through the release binary.
# Prints wall time, peak RSS (GNU time), input size and the ratios that issue
# 19 asks about: time growth per 10x items, peak memory / input size.
#
#   bash benches/growth/run.sh                       # 10k 100k 1M
#   SIZES="10000 30000 100000" bash benches/growth/run.sh
#   MODES="merge" DUP=0.1 bash benches/growth/run.sh  # a tenth of the works listed twice
#   PEERS=1 SIZES="1000 10000" bash benches/growth/run.sh   # pandoc's citeproc beside format
#   FLAVOUR=zotero bash benches/growth/run.sh        # Better CSL JSON with Zotero's fields
#   FLAVOUR=minified ...                             # the whole array on one line
#
# One measurement at a time; each command runs once (the machine is shared:
# repeat a row when a number matters).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"10000 100000 1000000"}
MODES=${MODES:-"merge format format-no-merge"}
DUP=${DUP:-0}
FLAVOUR=${FLAVOUR:-pretty}
OUT=${OUT:-target/growth}
CSL=${CSL:-../shared/csl}
mkdir -p "$OUT"
cargo build --quiet --release --example publist --example synthetic_field
B=target/release/examples/publist
printf '%-8s %-16s %9s %10s %10s %9s %8s\n' items command time peak_MB input_MB mem/input records
declare -A last
for n in $SIZES; do
  in="$OUT/field-$n-dup$DUP-$FLAVOUR.json"
  case $FLAVOUR in
    pretty) flag=() ;;
    zotero) flag=(--zotero) ;;
    minified) flag=(--minified) ;;
    *) echo "unknown FLAVOUR $FLAVOUR"; exit 2 ;;
  esac
  [ -s "$in" ] || target/release/examples/synthetic_field "$n" --duplicates "$DUP" "${flag[@]}" > "$in"
  size=$(stat -c %s "$in")
  for mode in $MODES; do
    case $mode in
      merge) cmd=("$B" merge "$in") ;;
      format) cmd=("$B" format --style apa "$in") ;;
      format-no-merge) cmd=("$B" format --no-merge --style apa "$in") ;;
      *) echo "unknown mode $mode"; exit 2 ;;
    esac
    /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "${cmd[@]}" > "$OUT/out-$mode-$n.txt"
    read -r secs kb < "$OUT/time.txt"
    if [ "$mode" = merge ]; then
      records=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/out-$mode-$n.txt")
    else
      records=$(grep -c '' "$OUT/out-$mode-$n.txt")
    fi
    growth=""
    if [ -n "${last[$mode]:-}" ]; then
      growth=$(awk -v a="${last[$mode]}" -v b="$secs" 'BEGIN { if (a > 0) printf "  (x%.1f)", b / a }')
    fi
    last[$mode]=$secs
    awk -v n="$n" -v m="$mode" -v s="$secs" -v k="$kb" -v z="$size" -v r="$records" -v g="$growth" \
      'BEGIN { printf "%-8s %-16s %8.2fs %10.0f %10.1f %8.2fx %8s%s\n", n, m, s, k/1024, z/1048576, k*1024/z, r, g }'
  done
  if [ "${PEERS:-0}" = 1 ] && [ -d "$CSL/styles" ] && command -v pandoc >/dev/null; then
    printf -- '---\nnocite: "@*"\n---\n' > "$OUT/doc.md"
    /usr/bin/time -f '%e %M' -o "$OUT/time.txt" pandoc --citeproc --csl "$CSL/styles/apa.csl" \
      --bibliography "$in" -t plain --wrap=none "$OUT/doc.md" > "$OUT/pandoc-$n.txt"
    read -r secs kb < "$OUT/time.txt"
    /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$B" format --style "$CSL/styles/apa.csl" "$in" > "$OUT/publist-apa-csl-$n.txt"
    read -r psecs pkb < "$OUT/time.txt"
    awk -v n="$n" -v s="$secs" -v p="$psecs" \
      'BEGIN { printf "%-8s %-16s %8.2fs   (publist format --style apa.csl %.2fs: %.1fx pandoc)\n", n, "pandoc", s, p, s / p }'
  fi
done
