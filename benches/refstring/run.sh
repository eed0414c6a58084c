#!/usr/bin/env bash
# Lists rendered by a reference manager, read back by `publist parse`.
#
# Renders the merged CSL-JSON of the bundled CVs with citeproc-js in each style
# of the acceptance list (and a few styles the model was not trained on), one
# entry per line, feeds every list to `publist parse`, and compares the
# records with the CV records (benches/refstring/score.py).
#
#   bash benches/refstring/run.sh [PUBLIST_BINARY] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/target/release/examples/publist}"
out="${2:-$root/target/refstring-bench}"
shared="$root/../shared/csl"
if [ ! -d "$shared/styles" ]; then
  echo "skipped: $shared/styles is absent (the official CSL styles)"; exit 0
fi
if [ ! -d "$root/benches/citeproc/node_modules/citeproc" ]; then
  npm install citeproc@2.4.63 --prefix "$root/benches/citeproc" >/dev/null
fi
mkdir -p "$out"
"$bin" merge "$root"/examples/data/cv/* > "$out/cv.json"
named="apa chicago-author-date chicago-notes-bibliography modern-language-association ieee
elsevier-vancouver nlm-citation-sequence harvard-cite-them-right association-for-computing-machinery
american-medical-association nature springer-basic-author-date unified-style-sheet-for-linguistics"
# Styles kept out of training (HELD_OUT in examples/train_refstring.rs).
unseen="american-chemical-society american-sociological-association institute-of-physics-numeric
taylor-and-francis-chicago-author-date bmj din-1505-2"
# Six official styles drawn at random (python3 random.Random(15).sample of the
# sorted style names, minus the two lists above; each had a ~9% chance of being
# among the trainer's sampled styles).
drawn="european-retail-research advanced-pharmaceutical-bulletin renewable-agriculture-and-food-systems
anesthesia-and-analgesia cse-citation-sequence-brackets-8th-edition geophysical-journal-international"
(cd "$root/benches/citeproc" && node render.js "$out/cv.json" "$shared/styles" "$shared/locales" $named $unseen $drawn) > "$out/rendered.json"
python3 "$here/score.py" "$bin" "$out" --named $named --unseen $unseen --drawn $drawn
