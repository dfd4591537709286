#!/usr/bin/env bash
# Builds the SPA into frontend/dist without Trunk: cargo (wasm32, size profile) → wasm-bindgen
# → wasm-opt -Oz. Tools must be installed (`just tools`); nothing is downloaded here.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
OUT=frontend/dist
WASM_OPT="${WASM_OPT:-frontend/node_modules/.bin/wasm-opt}"

cargo build -p partnerhub-frontend --target wasm32-unknown-unknown --profile wasm-release --locked
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
wasm-bindgen --target web --no-typescript --out-dir "$OUT.tmp" --out-name partnerhub \
  "$TARGET_DIR/wasm32-unknown-unknown/wasm-release/partnerhub-frontend.wasm"
"$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$OUT.tmp/partnerhub_bg.wasm" -o "$OUT.tmp/partnerhub_bg.wasm"
cp frontend/style.css frontend/boot.js "$OUT.tmp/"
# index.html: Trunk's links replaced by the stylesheet and the boot module.
sed -e '/data-trunk rel="rust"/d' \
    -e 's|<link data-trunk rel="css" href="style.css" />|<link rel="stylesheet" href="/style.css">\n  <script type="module" src="/boot.js"></script>|' \
    frontend/index.html > "$OUT.tmp/index.html"
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
echo "SPA built in $OUT:"
ls -l "$OUT"
