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
#   FLAVOUR=bib ...                                  # the same works as BibLaTeX (`publist bib`)
#
#   REPS=1 bash benches/growth/run.sh                # each command once (default 3)
#   SPLIT=1 bash benches/growth/run.sh               # and one more run of each command,
#       sampled (rss_peak.py): the peaks of its own memory (anonymous) and of the
#       binary's and libraries' pages, each against the input
#
# Each row also gives the peak above what the same command takes for an empty
# list (`[]`: the binary's code pages, the style, the thread pool), against the
# input: the memory that grows with the input, apart from the fixed cost.
#
# One measurement at a time. Each command runs REPS times: the row gives the
# fastest run's time and CPU and the largest peak (the VM's speed varies by
# minutes, up to 1.5x: one run of a row could fall in a slow minute and the
# next in a fast one, which made a single run's growth ratio swing by 50%).
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"10000 100000 1000000"}
MODES=${MODES:-"merge format format-no-merge"}
DUP=${DUP:-0}
FLAVOUR=${FLAVOUR:-pretty}
REPS=${REPS:-3}
OUT=${OUT:-target/growth}
CSL=${CSL:-../shared/csl}
mkdir -p "$OUT"
cargo build --quiet --release --example publist --example synthetic_field
B=target/release/examples/publist
printf '%-8s %-16s %9s %9s %10s %10s %9s %8s\n' items command time cpu peak_MB input_MB mem/input records
echo "# $(date -u '+%F %H:%M') $(uptime | sed 's/.*load/load/')"
declare -A last lastcpu fixed
# command_of MODE INPUT: sets cmd to the mode's command line on INPUT.
command_of() {
  case $1 in
    merge) cmd=("$B" merge "$2") ;;
    format) cmd=("$B" format --style apa "$2") ;;
    format-no-merge) cmd=("$B" format --no-merge --style apa "$2") ;;
    *) echo "unknown mode $1"; exit 2 ;;
  esac
}
# The fixed cost: each mode's largest peak for an empty list, in KiB.
empty="$OUT/empty.json"
echo '[]' > "$empty"
if [ "$FLAVOUR" = bib ]; then
  empty="$OUT/empty.bib"
  : > "$empty"
fi
for mode in $MODES; do
  command_of "$mode" "$empty"
  fixed[$mode]=0
  for _ in $(seq "$REPS"); do
    /usr/bin/time -f '%M' -o "$OUT/time.txt" "${cmd[@]}" > /dev/null
    kb1=$(cat "$OUT/time.txt")
    [ "$kb1" -gt "${fixed[$mode]}" ] && fixed[$mode]=$kb1
  done
  awk -v m="$mode" -v k="${fixed[$mode]}" 'BEGIN { printf "# %s of an empty list: peak %.1f MiB\n", m, k/1024 }'
done
for n in $SIZES; do
  in="$OUT/field-$n-dup$DUP-$FLAVOUR.json"
  case $FLAVOUR in
    pretty | bib) flag=() ;;
    zotero) flag=(--zotero) ;;
    minified) flag=(--minified) ;;
    *) echo "unknown FLAVOUR $FLAVOUR"; exit 2 ;;
  esac
  if [ "$FLAVOUR" = bib ]; then
    json="$OUT/field-$n-dup$DUP-pretty.json"
    [ -s "$json" ] || target/release/examples/synthetic_field "$n" --duplicates "$DUP" > "$json"
    in="$OUT/field-$n-dup$DUP.bib"
    [ -s "$in" ] || "$B" bib "$json" > "$in"
  fi
  [ -s "$in" ] || target/release/examples/synthetic_field "$n" --duplicates "$DUP" "${flag[@]}" > "$in"
  size=$(stat -L -c %s "$in")
  for mode in $MODES; do
    command_of "$mode" "$in"
    secs="" kb=0
    for _ in $(seq "$REPS"); do
      /usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "${cmd[@]}" > "$OUT/out-$mode-$n.txt"
      read -r s1 kb1 user sys < "$OUT/time.txt"
      if [ -z "$secs" ] || awk -v a="$s1" -v b="$secs" 'BEGIN { exit !(a < b) }'; then
        secs=$s1
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      fi
      [ "$kb1" -gt "$kb" ] && kb=$kb1
    done
    if [ "$mode" = merge ]; then
      records=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/out-$mode-$n.txt")
    else
      records=$(grep -c '' "$OUT/out-$mode-$n.txt")
    fi
    growth=""
    if [ -n "${last[$mode]:-}" ]; then
      growth=$(awk -v a="${last[$mode]}" -v b="$secs" -v c="${lastcpu[$mode]}" -v d="$cpu" \
        'BEGIN { if (a > 0 && c > 0) printf "  (time x%.1f, cpu x%.1f)", b / a, d / c }')
    fi
    last[$mode]=$secs
    lastcpu[$mode]=$cpu
    split=""
    if [ "${SPLIT:-0}" = 1 ]; then
      read -r _ anon _ file _ < <(python3 benches/growth/rss_peak.py "${cmd[@]}")
      split=$(awk -v a="$anon" -v f="$file" -v z="$size" \
        'BEGIN { printf "  (own memory %.0f MiB %.2fx, code and libraries %.1f MiB)", a/1024, a*1024/z, f/1024 }')
    fi
    above=$(awk -v k="$kb" -v f="${fixed[$mode]}" -v z="$size" \
      'BEGIN { printf "  (above an empty list: %.2fx)", (k-f)*1024/z }')
    awk -v n="$n" -v m="$mode" -v s="$secs" -v c="$cpu" -v k="$kb" -v z="$size" -v r="$records" -v g="$growth$above$split" \
      'BEGIN { printf "%-8s %-16s %8.2fs %8.2fs %10.0f %10.1f %8.2fx %8s%s\n", n, m, s, c, k/1024, z/1048576, k*1024/z, r, g }'
  done
  if [ "${PEERS:-0}" = 1 ] && [ -f "$CSL/styles/apa.csl" ] && command -v pandoc >/dev/null; then
    printf -- '---\nnocite: "@*"\n---\n' > "$OUT/doc.md"
    /usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" pandoc --citeproc --csl "$CSL/styles/apa.csl" \
      --bibliography "$in" -t plain --wrap=none "$OUT/doc.md" > "$OUT/pandoc-$n.txt"
    read -r secs kb user sys < "$OUT/time.txt"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    # The Done-when command: `format --style apa`, default options (merge on).
    /usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "$B" format --style apa "$in" > "$OUT/publist-apa-$n.txt"
    read -r psecs pkb puser psys < "$OUT/time.txt"
    pcpu=$(awk -v u="$puser" -v s="$psys" 'BEGIN { printf "%.2f", u + s }')
    awk -v n="$n" -v s="$secs" -v c="$cpu" -v p="$psecs" -v q="$pcpu" \
      'BEGIN { printf "%-8s %-16s %8.2fs %8.2fs   publist format --style apa %.2fs (cpu %.2fs): pandoc / publist = %.1fx (cpu %.1fx)\n", n, "pandoc", s, c, p, q, s / p, c / q }'
  fi
done
# The VM's speed during the run: sha256sum of the last input (in the page cache), a CPU-bound
# job whose time does not depend on publist (the 1M file: 1.6-1.8 s when the VM runs at its
# usual speed, up to 3.5 s in its slow minutes; BENCHMARKS.md, Scale).
/usr/bin/time -f '%e' -o "$OUT/time.txt" sha256sum "$in" > /dev/null
echo "# VM speed index: sha256sum of $(basename "$in") took $(cat "$OUT/time.txt") s"
