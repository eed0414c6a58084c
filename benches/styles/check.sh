#!/usr/bin/env bash
# One style and a few CSL-JSON items in citeproc-js and in publist, side by
# side (for checking a rule on a minimal style):
#   bash benches/styles/check.sh STYLE.csl ITEMS.json [html]
# prints citeproc-js's output, then a diff of publist's against it (text
# entries with white space folded, as benches/styles/compare.py compares them).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --example render_styles
node benches/styles/cjs.js "$@" > target/check-cjs.txt
target/debug/examples/render_styles --print "$@" > target/check-publist.txt
cat target/check-cjs.txt
diff target/check-cjs.txt target/check-publist.txt > target/check-diff.txt && echo "== publist: identical" || { echo "== publist differs:"; cat target/check-diff.txt; }
