// Journey: staff, on a desktop, record a partner's in-kind donation (meeting a field error on
// the way), see it in the totals by partner and by support area, download the ledger as CSV,
// then void it with a reason and see the totals drop while the ledger keeps it; the partner,
// on a 360 px phone in Spanish, sees its own donation. Run by `just e2e` against a seeded
// server.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const { errors, watch } = watchErrors();
const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", acceptDownloads: true });
const page = await desk.newPage();
watch(page);

async function signIn(p, email, password) {
  await p.goto(`${base}/donations`);
  await p.getByLabel(/Correo electrónico|Email/).fill(email);
  await p.getByLabel(/^(Contraseña|Password)$/).fill(password);
  await p.keyboard.press("Enter");
}

try {
  await signIn(page, "staff@partnerhub.test", "demo-staff-password");
  await page.getByRole("heading", { name: "Donations", level: 1 }).waitFor();
  await page.getByText("No donations match these filters.").waitFor();

  // A donation without a value is refused next to the field.
  await page.getByRole("link", { name: "Record a donation" }).click();
  await page.getByRole("heading", { name: "Record a donation", level: 1 }).waitFor();
  await page.getByLabel("Partner").selectOption({ label: "Reading Buddies of Charlotte" });
  await page.getByLabel("School").selectOption({ label: "Ashley Park Elementary" });
  await page.getByLabel("Support area").selectOption("school_life");
  await page.getByLabel("Cash or in kind").selectOption("in_kind");
  await page.getByLabel("What was given").fill("120 backpacks with school supplies");
  await page.getByRole("button", { name: "Record the donation" }).click();
  await page.locator("#f-value_usd-error").filter({ hasText: /./ }).waitFor();
  await page.getByLabel(/^Value in dollars/).fill("2400");
  await page.getByLabel("Event (if given at one)").fill("Back-to-school drive");
  await page.getByRole("button", { name: "Record the donation" }).click();
  await page.getByRole("heading", { name: "Donation", level: 1 }).waitFor();
  await page.locator("#donation-facts").getByText("$2,400").waitFor();
  await page.locator("#donation-facts").getByText("Back-to-school drive").waitFor();
  const donationUrl = page.url();

  // The totals by partner and by support area count it.
  await page.getByRole("link", { name: "Back to donations" }).click();
  await page.getByRole("heading", { name: "Donations", level: 1 }).waitFor();
  const totals = page.locator("#donation-totals");
  await totals.getByRole("row", { name: /Reading Buddies of Charlotte/ }).getByText("$2,400").first().waitFor();
  await page.getByLabel("Totals by").selectOption("support_area");
  await totals.getByRole("rowheader", { name: "School life" }).waitFor();
  await page.locator("#donations-list").getByText("120 backpacks with school supplies").waitFor();

  // The ledger as CSV.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "donations.csv");
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(csv.startsWith("id,received_on,school_year,partner,school,kind,value_usd"), csv.slice(0, 80));
  assert.match(csv, /120 backpacks with school supplies/);

  // Voided with a reason: out of the totals, still in the ledger, marked.
  await page.goto(donationUrl);
  await page.getByRole("heading", { name: "Status: Recorded" }).waitFor();
  await page.getByRole("button", { name: "Void (recorded in error)" }).click();
  await page.getByText("Say why, in at most 500 characters.").waitFor();
  await page.getByLabel("Reason", { exact: true }).fill("Entered twice");
  await page.getByRole("button", { name: "Void (recorded in error)" }).click();
  await page.getByRole("heading", { name: "Status: Voided" }).waitFor();
  await page.getByRole("link", { name: "Back to donations" }).click();
  await page.locator("#donation-totals").getByText(/^\$0 · 0 donations$/).waitFor();
  await page.locator("#donations-list li", { hasText: "120 backpacks" }).getByText("Voided").waitFor();
  await page.screenshot({ path: `${artifacts}donations-1280.png`, fullPage: true });

  // Restored; the partner, on a phone in Spanish, sees its own donation.
  await page.goto(donationUrl);
  await page.getByLabel("Reason", { exact: true }).fill("It was not a duplicate");
  await page.getByRole("button", { name: "Restore" }).click();
  await page.getByRole("heading", { name: "Status: Recorded" }).waitFor();
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "en-US" });
  const partner = await phone.newPage();
  watch(partner);
  await partner.goto(`${base}/login`);
  await partner.getByRole("button", { name: "Cambiar a español" }).click();
  await signIn(partner, "partner@partnerhub.test", "demo-partner-password");
  await partner.getByRole("heading", { name: "Donaciones", level: 1 }).waitFor();
  await partner.locator("#donations-list").getByText("120 backpacks with school supplies").waitFor();
  await partner.locator("#donation-totals").getByText(/\$2,400/).first().waitFor();
  const overflow = await partner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
  await partner.screenshot({ path: `${artifacts}donations-360-es.png`, fullPage: true });

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: staff record an in-kind donation, see it totalled by partner and area, export the ledger, void and restore it; the partner sees its own on a phone in Spanish");
} catch (e) {
  await page.screenshot({ path: `${artifacts}failure-donations.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", page.url(), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
