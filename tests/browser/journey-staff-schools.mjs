// Journey: a staff member opens a deep link, signs in, searches schools, opens one, edits it
// (seeing a validation error first), reloads (still signed in), switches to Spanish, and the
// page is captured at 360 px. Run by `just e2e` against a seeded server.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
const page = await context.newPage();
// Failed requests the journey provokes on purpose (401 before sign-in, 422) are left out.
const { errors, watch } = watchErrors();
watch(page);

try {
  // A deep link while signed out goes to sign-in and comes back.
  await page.goto(`${base}/schools?from=link`);
  await page.getByRole("heading", { name: "Sign in to PartnerHub" }).waitFor();
  assert.match(page.url(), /\/login\?next=/);
  await page.getByLabel("Email").fill("staff@partnerhub.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "not correct" }).waitFor();
  await page.getByLabel("Password").fill("demo-staff-password");
  await page.keyboard.press("Enter"); // keyboard submits the form
  await page.getByRole("heading", { name: "Schools" }).waitFor();
  assert.match(page.url(), /\/schools\?from=link$/);

  // Search, then open a school.
  await page.getByLabel("Search by name or code").fill("ashley park");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Ashley Park Middle" }).waitFor();
  assert.equal(await page.getByRole("link", { name: /Ashley Park/ }).count(), 2);
  await page.getByRole("link", { name: "Ashley Park Elementary" }).click();
  await page.getByRole("heading", { name: "Ashley Park Elementary" }).waitFor();

  // Edit: an invalid value shows the API's field error next to the field.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByRole("heading", { name: "Edit school" }).waitFor();
  await page.getByLabel("ZIP code").fill("123");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Enter a ZIP code like 28202 or 28202-1234.").waitFor();
  await page.getByLabel("ZIP code").fill("28208");
  await page.getByLabel("Name", { exact: true }).fill("Ashley Park PreK-5 Elementary");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("heading", { name: "Ashley Park PreK-5 Elementary" }).waitFor();
  await page.getByText("update").first().waitFor(); // the history shows the change

  // A reload keeps the user signed in (refresh cookie; the access token lived in memory).
  await page.reload();
  await page.getByRole("heading", { name: "Ashley Park PreK-5 Elementary" }).waitFor();

  // Spanish, remembered across a reload.
  await page.getByRole("button", { name: "Cambiar a español" }).click();
  await page.getByRole("link", { name: "Editar" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  await page.getByRole("link", { name: "Escuelas" }).first().click();
  await page.getByRole("heading", { name: "Escuelas" }).waitFor();
  await page.getByLabel("Buscar por nombre o código").waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Escuelas" }).waitFor();

  // A phone: 360 px wide, nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByRole("link", { name: /Ashley Park/ }).first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
  await page.screenshot({ path: `${artifacts}schools-360-es.png`, fullPage: true });

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: staff edits a school in English and Spanish; screenshot in tests/browser/artifacts/");
} catch (e) {
  await page.screenshot({ path: `${artifacts}failure.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", page.url(), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
