#!/usr/bin/env bash
# The API contract, property-based: Schemathesis (pinned, from PyPI, in a virtual environment
# under the cache) runs every check left on in tests/contract/schemathesis.toml against a freshly
# started server on a seeded demo database, signed in as the demo admin, and fails on any
# failure, stateful phase included.
set -euo pipefail
cd "$(dirname "$0")/.."
ST_VERSION="4.32.5"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/partnerhub"
VENV="$CACHE/schemathesis-$ST_VERSION"
if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$ST_VERSION"; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$ST_VERSION"
fi
# The committed document is OpenAPI 3.1 as the meta-schema defines it (before anything runs).
"$VENV/bin/python" tests/contract/validate_spec.py api-spec/openapi.json
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build -p partnerhub-cli --locked
BIN="$TARGET_DIR/debug/partnerhub"

. scripts/serve-demo.sh
export PARTNERHUB_CONTRACT_EMAIL="admin@partnerhub.test"
export PARTNERHUB_CONTRACT_PASSWORD="demo-admin-password"
status=0
"$VENV/bin/st" --config-file tests/contract/schemathesis.toml run api-spec/openapi.json \
  --url "$BASE_URL" "$@" || status=$?
if [ $status != 0 ]; then
  echo "--- server errors"; grep -E " ERROR |panicked" "$WORK/server.log" | tail -30 || true
fi
exit $status
