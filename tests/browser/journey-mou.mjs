// Journey: staff create an agreement from an approved application, upload the agreement
// file and sign for the district; the partner signs on a phone in Spanish; the agreement is
// active and the MOU dashboard counts one more partner this quarter. Run by `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const pdf = new URL("../../crates/api/tests/fixtures/mou.pdf", import.meta.url).pathname;
const browser = await launch();
const { errors, watch } = watchErrors();
const pages = [];
const ORG = "Reading Buddies of Charlotte";
const iso = (d) => d.toISOString().slice(0, 10);
const day = 24 * 3600 * 1000;

async function activePartnersThisQuarter(page, go = true) {
  if (go) await page.goto(`${base}/agreements/dashboard`);
  await page.getByRole("heading", { name: "MOU dashboard" }).waitFor();
  const last = page.locator("#mou-table tbody tr").last();
  await last.waitFor();
  return Number((await last.locator("td").first().innerText()).trim());
}

try {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const staff = await desk.newPage();
  pages.push(staff);
  watch(staff);
  await staff.goto(`${base}/agreements/dashboard`);
  await staff.getByLabel("Email").fill("staff@partnerhub.test");
  await staff.getByLabel("Password").fill("demo-staff-password");
  await staff.getByRole("button", { name: "Sign in" }).click();
  const before = await activePartnersThisQuarter(staff, false);
  assert.ok(before > 0, "the demo history counts partners");
  // The chart has a text alternative and the goal.
  await staff.getByText("Baseline 102 → Target 154").waitFor();
  assert.ok(await staff.locator("svg[role=img][aria-label*='per quarter']").count() === 1);

  // 1. From the approved application to a draft agreement, prefilled.
  await staff.goto(`${base}/applications`);
  await staff.getByRole("link", { name: ORG }).click();
  await staff.getByRole("heading", { name: ORG }).waitFor();
  await staff.getByRole("link", { name: "Create agreement" }).click();
  await staff.getByRole("heading", { name: "New agreement" }).waitFor();
  assert.equal(await staff.getByLabel("Title").inputValue(), "Reading buddies");
  await staff.locator("#f-organization_id option:checked", { hasText: ORG }).waitFor({ state: "attached" });
  await staff.getByLabel("Effective from").fill(iso(new Date(Date.now() - day)));
  await staff.getByLabel("Expires on").fill(iso(new Date(Date.now() + 365 * day)));
  await staff.getByLabel("Renewal term (months)").fill("12");
  await staff.getByRole("button", { name: "Add a deliverable" }).click();
  await staff.getByLabel("Deliverable 1").fill("Volunteers read with K-2 students every week");
  await staff.getByLabel("Metric").fill("students served weekly");
  await staff.getByLabel("Target").fill("40");
  await staff.getByRole("button", { name: "Save" }).click();
  await staff.getByRole("heading", { name: "Reading buddies" }).waitFor();
  await staff.locator(".page-head .badge", { hasText: "Draft" }).waitFor();

  // 2. Review, upload the file, send for signature (the file locks), sign for the district.
  await staff.getByRole("button", { name: "Send for review" }).click();
  await staff.locator(".page-head .badge", { hasText: "In review" }).waitFor();
  await staff.getByLabel("Agreement file (PDF or Word)").setInputFiles(pdf);
  await staff.getByRole("button", { name: "Upload", exact: true }).click();
  await staff.getByText("Uploaded version 1").waitFor();
  await staff.getByText("Version 1 · mou.pdf").waitFor();
  await staff.getByRole("button", { name: "Send for signature" }).click();
  await staff.locator(".page-head .badge", { hasText: "Awaiting signatures" }).waitFor();
  await staff.getByText("The file cannot change while signatures are requested", { exact: false }).waitFor();
  assert.equal(await staff.getByLabel("Agreement file (PDF or Word)").count(), 0);
  // Signing needs the typed name and the consent.
  await staff.getByRole("button", { name: "Sign", exact: true }).click();
  await staff.getByText("Confirm that you agree to sign electronically.").waitFor();
  await staff.getByLabel("Type your full name").fill("Sam Staff");
  await staff.getByLabel("I agree to sign this agreement electronically.").check();
  await staff.getByRole("button", { name: "Sign", exact: true }).click();
  await staff.getByText("Signed. Thank you.").waitFor();
  await staff.getByText(/^Sam Staff · /).waitFor();
  const url = staff.url();

  // 3. The partner signs on a phone, in Spanish.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "es-MX" });
  const partner = await phone.newPage();
  pages.push(partner);
  watch(partner);
  await partner.goto(`${base}/agreements`);
  await partner.getByLabel("Correo electrónico").fill("partner@partnerhub.test");
  await partner.getByLabel("Contraseña").fill("demo-partner-password");
  await partner.getByRole("button", { name: "Iniciar sesión" }).click();
  await partner.getByRole("heading", { name: "Acuerdos (MOU)" }).waitFor();
  await partner.getByRole("link", { name: "Reading buddies" }).click();
  await partner.locator(".page-head .badge", { hasText: "Esperando firmas" }).waitFor();
  await partner.getByLabel("Escriba su nombre completo").fill("Pat Partner");
  await partner.getByLabel("Acepto firmar este acuerdo electrónicamente.").check();
  await partner.getByRole("button", { name: "Firmar", exact: true }).click();
  await partner.locator(".page-head .badge", { hasText: "Activo" }).waitFor();
  const overflow = await partner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the agreement is ${overflow}px wider than a phone`);
  await partner.screenshot({ path: `${artifacts}mou-partner-signed-360-es.png`, fullPage: true });

  // 4. Active for staff too, and one more partner counted this quarter.
  await staff.goto(url);
  await staff.locator(".page-head .badge", { hasText: "Active" }).waitFor();
  const after = await activePartnersThisQuarter(staff);
  assert.equal(after, before + 1, "the dashboard counts one more partner");
  // Drill down: the agreement is behind the number.
  await staff.locator("#mou-table tbody tr").last().locator("td").first().getByRole("button").click();
  await staff.getByRole("region", { name: "Agreements behind the number" }).getByRole("link", { name: "Reading buddies" }).waitFor();
  await staff.screenshot({ path: `${artifacts}mou-dashboard.png`, fullPage: true });

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: agreement from an application → document → both sign → active → dashboard +1");
} catch (e) {
  for (const [i, p] of pages.entries()) await p.screenshot({ path: `${artifacts}failure-mou-${i}.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", pages.map((p) => p.url()), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
