#!/usr/bin/env bash
# The property tests of every parser that reads network or file input (src/hostile.rs,
# src/matrix/hostile.rs), with many more hostile inputs than the test suite gives them:
# 200 000 each by default, or the number given. Prints how long the run took; any panic fails
# it with the smallest input proptest found for it.
#
#   benches/hostile.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-200000}
export ESTAFETTE_PROPTEST_CASES=$cases
echo "==> $cases cases per property (release build)"
start=$(date +%s)
cargo test --release --locked --lib hostile -- --test-threads 2
echo "==> done in $(($(date +%s) - start)) s"
