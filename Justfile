# PartnerHub tasks. `just run` to try it, `just test` before you push.
set shell := ["bash", "-euo", "pipefail", "-c"]
export CARGO_TARGET_DIR := env_var_or_default("CARGO_TARGET_DIR", justfile_directory() / "target")
export TRUNK_SKIP_VERSION_CHECK := "true"
bin := CARGO_TARGET_DIR / "debug" / "partnerhub"

# List the recipes.
default:
    @just --list

# Install what the build needs, each only when missing (pinned versions, registries only).
tools:
    @rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
    @wasm-bindgen --version 2>/dev/null | grep -q "0.2.130" || cargo install wasm-bindgen-cli --version 0.2.130
    @[ -x frontend/node_modules/.bin/wasm-opt ] || (cd frontend && npm ci --no-audit --no-fund)

# Build the SPA (release, size-optimized) into frontend/dist.
spa: tools
    ./scripts/build-spa.sh

# Build everything, migrate, load demo data into an empty database, serve on http://127.0.0.1:8080.
run: spa
    cargo build -p partnerhub-cli --locked
    {{bin}} seed-demo
    @echo "PartnerHub on http://127.0.0.1:8080  (API docs: http://127.0.0.1:8080/docs/)"
    {{bin}} serve

# All tests: unit + HTTP on SQLite, again on PostgreSQL when TEST_DATABASE_URL is set, the API contract, then the browser journeys.
test: tools
    cargo test --workspace --locked
    @if [ -n "${TEST_DATABASE_URL:-}" ]; then \
        echo "== HTTP tests on PostgreSQL"; cargo test --workspace --test api --test query_log --locked; \
    else echo "SKIPPED PostgreSQL tests: set TEST_DATABASE_URL (or run \`just test-pg\`)"; fi
    ./scripts/contract.sh
    ./scripts/e2e.sh

# The HTTP tests on PostgreSQL (default: the local server with trust auth).
test-pg:
    TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" cargo test --workspace --test api --test query_log --locked

# The API contract: the spec validates as OpenAPI 3.1, then Schemathesis (pinned, in a venv) runs every check against a seeded server.
contract *args:
    ./scripts/contract.sh {{args}}

# Browser journeys in headless Chromium against a seeded server.
e2e: tools
    ./scripts/e2e.sh

# Speed at district scale (release build, scratch database): the volunteer dashboard against a raw GROUP BY, as a ratio.
bench:
    ./scripts/bench.sh

# Regenerate api-spec/openapi.json from the code (a test fails when it is stale).
spec:
    cargo run -q -p partnerhub-cli --locked -- spec > api-spec/openapi.json

# Apply database migrations (production runs this before starting new servers).
migrate:
    cargo run -q -p partnerhub-cli --locked -- migrate

# Formatting check and clippy with warnings denied (server crates and the wasm SPA).
lint: tools
    cargo fmt --all --check
    cargo clippy --workspace --all-targets --locked -- -D warnings
    cargo clippy -p partnerhub-frontend --target wasm32-unknown-unknown --locked -- -D warnings

# Format the code.
fmt:
    cargo fmt --all

# Trunk's dev server for the SPA on :8081 with live reload, proxying the API of `just run`.
web: tools
    @trunk --version 2>/dev/null | grep -q "0.21.14" || cargo install trunk --version 0.21.14 --locked
    cd frontend && PATH="$PWD/node_modules/.bin:$PATH" trunk serve

# Release build of the server and the SPA.
release: spa
    cargo build --release -p partnerhub-cli --locked
