#!/usr/bin/env bash
# The CV front ends on 10 MB of hostile input (LaTeX, HTML, markdown, text),
# release build, timings printed: the figures of BENCHMARKS.md
# ("Publication-list structure", hostile input).
set -euo pipefail
cd "$(dirname "$0")/.."
PUBLIST_LIMIT_MB=${PUBLIST_LIMIT_MB:-10} cargo test --release --test cv_structure_limits -- --nocapture --test-threads 1 2>&1 \
  | grep -E 'MB,|test result'
