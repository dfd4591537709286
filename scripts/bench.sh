#!/usr/bin/env bash
# The dashboards at district scale: a release build seeds 20,000 volunteers and
# 1,000,000 approved hour entries into a scratch database (SQLite, or BENCH_DATABASE_URL, which
# must point at an empty database), then times the dashboard against a raw GROUP BY over the
# hour log on the same data, and the needs coverage against a raw GROUP BY over 900 needs,
# and prints the ratios; then the medians of ranking 2,000 offers for one need and the needs
# for one offer.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release -p partnerhub-cli --locked
BIN="$TARGET_DIR/release/partnerhub"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export PARTNERHUB__DATABASE__URL="${BENCH_DATABASE_URL:-sqlite://$WORK/district.db?mode=rwc}"
export PARTNERHUB__LOG__FILTER="warn"
"$BIN" seed-demo --scale district | sed -n "1,2p"
"$BIN" bench-dashboard --runs "${BENCH_RUNS:-15}"
