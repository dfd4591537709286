// Journey: the rest of volunteering on the demo data, in English. The demo volunteer signs up
// for an opportunity on a phone and cancels; logs an afternoon the coordinator then rejects with
// a reason the volunteer sees. The coordinator changes an opportunity, cancels another with a
// reason, finds the school's printable check-in code and exports the hour list as CSV. Run by
// `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";
import { readFileSync } from "node:fs";

const browser = await launch();
const { errors, watch } = watchErrors();
const pages = [];
async function signIn(page, path, email, password) {
  await page.goto(`${base}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
try {
  // The volunteer signs up on a phone, then cancels.
  const phone = await browser.newContext({ viewport: { width: 390, height: 820 }, locale: "en-US" });
  const vol = await phone.newPage();
  pages.push(vol);
  watch(vol);
  await signIn(vol, "/opportunities", "volunteer@partnerhub.test", "demo-volunteer-password");
  await vol.getByRole("heading", { name: "Opportunities" }).waitFor();
  await vol.getByRole("link", { name: "Math tutoring after school" }).click();
  await vol.getByRole("heading", { name: "Math tutoring after school" }).waitFor();
  await vol.getByRole("button", { name: "Sign up", exact: true }).click();
  await vol.getByText("You are signed up.").first().waitFor();
  await vol.getByRole("button", { name: "Cancel my sign-up" }).click();
  await vol.getByText("Your sign-up is cancelled.").waitFor();
  await vol.getByRole("button", { name: "Sign up", exact: true }).waitFor();

  // And logs an afternoon by hand.
  await vol.goto(`${base}/volunteer/me`);
  await vol.getByRole("heading", { name: "My hours" }).waitFor();
  await vol.getByLabel("How long (hours, e.g. 1.5)").fill("2");
  await vol.getByLabel("Note for the coordinator (optional)").fill("Extra afternoon (E2E)");
  await vol.getByRole("button", { name: "Log hours" }).click();
  await vol.getByText("Waiting for approval").waitFor();

  // The coordinator rejects it: a reason is required, and the volunteer sees it.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", acceptDownloads: true });
  const coord = await desk.newPage();
  pages.push(coord);
  watch(coord);
  await signIn(coord, "/hours", "coordinator@partnerhub.test", "demo-coordinator-password");
  await coord.getByRole("heading", { name: "Hours to approve" }).waitFor();
  const entry = coord.locator("li.card", { hasText: "Extra afternoon (E2E)" });
  await entry.getByRole("checkbox").check();
  await coord.getByRole("button", { name: "Reject selected" }).click();
  await coord.getByText("Say why the hours are rejected; the volunteer sees it.").first().waitFor();
  await coord.getByLabel("Reason (needed to reject; the volunteer sees it)").fill("Not on the sign-in sheet");
  await coord.getByRole("button", { name: "Reject selected" }).click();
  await coord.getByText("1 entries decided.").waitFor();
  await vol.reload();
  await vol.getByText("Not on the sign-in sheet").first().waitFor();
  await vol.getByText("Rejected").first().waitFor();

  // The coordinator exports the hour list.
  const [download] = await Promise.all([
    coord.waitForEvent("download"),
    coord.getByRole("button", { name: "Export hours (CSV)" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "hours.csv");
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(csv.startsWith("id,volunteer,school,activity,work_date,minutes,status"), csv.slice(0, 80));
  assert.ok(csv.includes("Not on the sign-in sheet"), "the rejected entry is in the export");

  // The coordinator changes an opportunity…
  await coord.goto(`${base}/opportunities`);
  await coord.getByRole("link", { name: "Front office help" }).click();
  await coord.getByRole("heading", { name: "Front office help" }).waitFor();
  await coord.getByRole("link", { name: "Change the opportunity" }).click();
  await coord.getByRole("heading", { name: "Change the opportunity" }).waitFor();
  await coord.getByLabel("Title").fill("Front office help (mornings)");
  await coord.getByRole("button", { name: "Save" }).click();
  await coord.getByRole("heading", { name: "Front office help (mornings)" }).waitFor();
  // …and cancels another, with a reason volunteers see.
  await coord.goto(`${base}/opportunities`);
  await coord.getByRole("link", { name: "Family night volunteers" }).click();
  await coord.getByRole("heading", { name: "Family night volunteers" }).waitFor();
  await coord.getByLabel("Why? Volunteers will see this.").fill("The family night moved to the spring");
  await coord.getByRole("button", { name: "Cancel this opportunity" }).click();
  await coord.getByText("Cancelled:").waitFor();
  await vol.goto(`${base}/opportunities`);
  await vol.getByRole("heading", { name: "Opportunities" }).waitFor();
  await vol.getByRole("link", { name: "Front office help (mornings)" }).waitFor();
  assert.equal(await vol.getByRole("link", { name: "Family night volunteers" }).count(), 0, "a cancelled opportunity leaves the list");

  // The school's printable check-in code.
  await coord.goto(`${base}/schools`);
  // By code: another journey renames this school.
  await coord.locator(".card", { hasText: "E001 ·" }).getByRole("link").first().click();
  await coord.getByRole("heading", { name: "Volunteer check-in code" }).waitFor();
  const qr = coord.locator(".panel.qr img");
  await qr.waitFor();
  await coord.waitForFunction(() => document.querySelector(".panel.qr img")?.naturalWidth > 0);
  await coord.getByRole("button", { name: "Print" }).waitFor();

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: sign up and cancel → hours rejected with a reason → export CSV → change and cancel opportunities → the school's check-in code");
} catch (e) {
  for (const [i, p] of pages.entries()) await p.screenshot({ path: `${artifacts}failure-volunteer-office-${i}.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", pages.map((p) => p.url()), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
