#!/usr/bin/env bash
# Screenshots of the publication page of the bundled CVs, as a reader sees it:
# headless Chromium (Debian's `chromium`) at a desktop and a phone width.
#   bash benches/page/screenshot.sh [STYLE]     (default: apa)
# Writes benches/page/publications.html, page.png (1000 px wide, for the README)
# and page-narrow.png (390 px, not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
style="${1:-apa}"
out=benches/page
cargo run --quiet --example publist -- page --style "$style" --highlight "Lapuschkin S" \
  examples/data/cv/cv-2022.md examples/data/cv/cv-2025-06.md examples/data/cv/cv-2025-09.txt \
  -o "$out/publications.html" 2>/dev/null
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
shot() { # width height file
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$1,$2" --screenshot="$3" "file://$PWD/$out/publications.html" 2>/dev/null
}
shot 1000 1250 "$out/page.png"
shot 390 1400 "$out/page-narrow.png"
echo "wrote $out/page.png and $out/page-narrow.png"
