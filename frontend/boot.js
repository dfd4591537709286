// Loads the SPA (kept out of index.html so the Content-Security-Policy allows no inline script).
import init from "/partnerhub.js";
init({ module_or_path: "/partnerhub_bg.wasm" });
