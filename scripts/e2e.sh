#!/usr/bin/env bash
# Browser journeys: builds the SPA and the server, serves a seeded demo database on a free port,
# and runs every tests/browser/journey-*.mjs in Debian's headless Chromium.
# Without Chromium this says SKIPPED and succeeds, unless PARTNERHUB_REQUIRE_BROWSER=1.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
if [ -z "$CHROMIUM" ]; then
  if [ "${PARTNERHUB_REQUIRE_BROWSER:-0}" = 1 ]; then
    echo "FAIL: chromium is not installed and PARTNERHUB_REQUIRE_BROWSER=1" >&2; exit 1
  fi
  echo "SKIPPED browser tests: chromium not found (apt-get install chromium)"; exit 0
fi
export CHROMIUM
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
./scripts/build-spa.sh > /dev/null
cargo build -p partnerhub-cli --locked
(cd tests/browser && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund; })

BIN="$TARGET_DIR/debug/partnerhub"
# Journeys read queued email (invitations, reset links) with `partnerhub outbox`.
export PARTNERHUB_BIN="$BIN"
export PARTNERHUB__SERVER__SPA_DIR="$PWD/frontend/dist"
. scripts/serve-demo.sh
status=0
for j in tests/browser/journey-*.mjs; do
  echo "== $j"
  BASE_URL="$BASE_URL" node "$j" || status=1
done
if [ $status != 0 ]; then echo "--- server log"; tail -50 "$WORK/server.log"; fi
exit $status
