# Sourced by scripts/e2e.sh and scripts/contract.sh: serves a freshly seeded demo database
# (SQLite in a temporary directory) on a free port with the rate limits lifted, and stops it and
# removes the directory on exit. Needs BIN (the server binary); sets WORK, PORT, SERVER and
# BASE_URL. Every request of a test run comes from 127.0.0.1 within minutes, and the demo staff
# sign in many times: the limits themselves are covered by the HTTP tests.
WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE_URL="http://127.0.0.1:$PORT"
export PARTNERHUB__DATABASE__URL="sqlite://$WORK/demo.db?mode=rwc"
export PARTNERHUB__SERVER__PORT="$PORT"
export PARTNERHUB__STORAGE__DOCUMENTS_DIR="$WORK/documents"
export PARTNERHUB__LOG__FILTER="${PARTNERHUB__LOG__FILTER:-warn}"
export PARTNERHUB__SERVER__PUBLIC_PER_IP_PER_MINUTE=1000000
export PARTNERHUB__AUTH__LOGIN_PER_IP_PER_MINUTE=1000000
export PARTNERHUB__AUTH__LOGIN_PER_ACCOUNT_PER_MINUTE=1000000
"$BIN" seed-demo > /dev/null
"$BIN" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$BASE_URL/readyz" > /dev/null 2>&1 && break
  sleep 0.2
done
