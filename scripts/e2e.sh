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
cargo build -p partnerhub-api --locked
(cd tests/browser && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund; })

WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export PARTNERHUB__DATABASE__URL="sqlite://$WORK/e2e.db?mode=rwc"
export PARTNERHUB__SERVER__PORT="$PORT"
export PARTNERHUB__SERVER__SPA_DIR="$PWD/frontend/dist"
export PARTNERHUB__LOG__FILTER="warn"
# Every journey comes from 127.0.0.1 within a minute or two, and the demo staff sign in in
# several of them: lift the public and sign-in limits (the limits themselves are covered by
# the HTTP tests).
export PARTNERHUB__SERVER__PUBLIC_PER_IP_PER_MINUTE=10000
export PARTNERHUB__AUTH__LOGIN_PER_IP_PER_MINUTE=10000
export PARTNERHUB__AUTH__LOGIN_PER_ACCOUNT_PER_MINUTE=10000
BIN="$TARGET_DIR/debug/partnerhub"
# Journeys read queued email (invitations, reset links) with `partnerhub outbox`.
export PARTNERHUB_BIN="$BIN"
"$BIN" seed-demo > /dev/null
"$BIN" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/readyz" > /dev/null 2>&1 && break
  sleep 0.2
done
status=0
for j in tests/browser/journey-*.mjs; do
  echo "== $j"
  BASE_URL="http://127.0.0.1:$PORT" node "$j" || status=1
done
if [ $status != 0 ]; then echo "--- server log"; tail -50 "$WORK/server.log"; fi
exit $status
