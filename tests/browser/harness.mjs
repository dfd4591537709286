// What every journey shares: where the server is, where screenshots go, Debian's Chromium with
// the flags that work headless here, and a collector of script errors from the pages watched.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

export const base = process.env.BASE_URL ?? "http://127.0.0.1:18080";
export const artifacts = new URL("./artifacts/", import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

/** Headless Chromium (CHROMIUM, else /usr/bin/chromium). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/**
 * `errors` collects uncaught exceptions and console errors of the pages passed to `watch`
 * (failed requests the journey provokes on purpose are logged by the browser as "Failed to load
 * resource" and are left out).
 */
export function watchErrors() {
  const errors = [];
  function watch(page) {
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
    });
  }
  return { errors, watch };
}
