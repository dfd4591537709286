// Journey: the office brings in its spreadsheets, on the demo data, in English. Staff check a
// roster with a bad row (nothing is imported, the line is named), check the fixed file and
// import two volunteers with invitations, then import their past hours. An imported volunteer
// opens the invitation on a phone, chooses a password and sees the imported hours; the other
// forgets the password and resets it from the sign-in page; a used link is refused. Queued
// email is read with `partnerhub outbox` (PARTNERHUB_BIN, set by scripts/e2e.sh). Run by
// `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";
import { execFileSync } from "node:child_process";

const bin = process.env.PARTNERHUB_BIN;
assert.ok(bin, "PARTNERHUB_BIN: the partnerhub binary, to read the outbox");
const browser = await launch();
const { errors, watch } = watchErrors();
// The newest one-time link queued for an address.
function linkFor(email) {
  const out = execFileSync(bin, ["outbox", "--to", email], { encoding: "utf8" });
  const m = out.match(/\/reset-password#([A-Za-z0-9_-]+)/);
  assert.ok(m, `no link queued for ${email}:\n${out}`);
  return m[1];
}
function csv(name, text) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(text) };
}
const stamp = Date.now();
const rosa = `rosa.import.${stamp}@example.org`;
const tom = `tom.import.${stamp}@example.org`;
const day = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const pages = [];
try {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const staff = await desk.newPage();
  pages.push(staff);
  watch(staff);
  await staff.goto(`${base}/volunteers`);
  await staff.getByLabel("Email").fill("staff@partnerhub.test");
  await staff.getByLabel("Password").fill("demo-staff-password");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await staff.getByRole("link", { name: "Import volunteers and hours" }).click();
  await staff.getByRole("heading", { name: "Import volunteers and hours" }).waitFor();
  const roster = staff.getByRole("region", { name: "Volunteer roster" });
  const hours = staff.getByRole("region", { name: "Past hours" });

  // A bad row: nothing is imported, and the line says why.
  const header = "First Name,Last Name,Email,Phone,Language,Type,Schools,Interests,Cleared On,Expires On\n";
  const bad = header
    + `Rosa,Import,${rosa},704-555-0161,es,parent,E001,tutor,,\n`
    + `Tom,Import,${tom},704-555-0162,en,community,X999,mentor,,\n`;
  await roster.getByLabel("CSV file of volunteers").setInputFiles(csv("roster.csv", bad));
  await roster.getByRole("button", { name: "Check the file" }).click();
  await roster.getByText("Nothing was imported. Fix these rows and try again:").waitFor();
  await roster.getByText("line 3: schools: No school has the code X999.").waitFor();

  // The fixed file: checked first, then imported with invitations.
  const good = header
    + `Rosa,Import,${rosa},704-555-0161,es,parent,E001,tutor,,\n`
    + `Tom,Import,${tom},704-555-0162,en,community,E001,mentor,${day},2030-06-30\n`;
  await roster.getByLabel("CSV file of volunteers").setInputFiles(csv("roster.csv", good));
  await roster.getByRole("button", { name: "Check the file" }).click();
  await roster.getByText("Ready to import: 2").waitFor();
  await roster.getByRole("button", { name: "Import now (2)" }).click();
  await roster.getByText("Imported: 2").waitFor();
  await roster.getByText("Invitations sent: 2").waitFor();

  // Their past hours, approved on import.
  const past = "Volunteer Email,School Code,Date,Activity,Hours,Note\n"
    + `${rosa},E001,${day},tutor,1.5,From the old spreadsheet (E2E)\n`
    + `${tom},E001,${day},mentor,2,From the old spreadsheet (E2E)\n`;
  await hours.getByLabel("CSV file of hours").setInputFiles(csv("hours.csv", past));
  await hours.getByRole("button", { name: "Check the file" }).click();
  await hours.getByText("Ready to import: 2").waitFor();
  await hours.getByText("Hours: 3.5").waitFor();
  await hours.getByRole("button", { name: "Import now (2)" }).click();
  await hours.getByText("Imported: 2").waitFor();
  // The same file again adds nothing.
  await hours.getByLabel("CSV file of hours").setInputFiles(csv("hours.csv", past));
  await hours.getByRole("button", { name: "Check the file" }).click();
  await hours.getByText("Nothing new to import", { exact: false }).waitFor();

  // Rosa opens her invitation on a phone and chooses a password.
  const phone = await browser.newContext({ viewport: { width: 360, height: 760 }, locale: "en-US", isMobile: true });
  const vol = await phone.newPage();
  pages.push(vol);
  watch(vol);
  const invitation = linkFor(rosa);
  await vol.goto(`${base}/reset-password#${invitation}`);
  await vol.getByRole("heading", { name: "Choose your password" }).waitFor();
  await vol.getByLabel("New password", { exact: true }).fill("rosa-chose-this-one");
  await vol.getByLabel("New password, again").fill("rosa-chose-this-0ne");
  await vol.getByRole("button", { name: "Save the password" }).click();
  await vol.getByText("The two passwords are not the same.").waitFor();
  await vol.getByLabel("New password, again").fill("rosa-chose-this-one");
  await vol.getByRole("button", { name: "Save the password" }).click();
  await vol.getByText("Your password is saved. Sign in with it now.").waitFor();
  await vol.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await vol.getByLabel("Email").fill(rosa);
  await vol.getByLabel("Password").fill("rosa-chose-this-one");
  await vol.getByRole("button", { name: "Sign in" }).click();
  await vol.waitForURL((u) => !u.pathname.startsWith("/login"));
  await vol.goto(`${base}/volunteer/me`);
  await vol.getByRole("heading", { name: "My hours" }).waitFor();
  await vol.locator("li", { hasText: day }).getByText("Approved").first().waitFor();

  // The invitation worked once.
  const again = await phone.newPage();
  pages.push(again);
  watch(again);
  await again.goto(`${base}/reset-password#${invitation}`);
  await again.getByLabel("New password", { exact: true }).fill("someone-else-tries");
  await again.getByLabel("New password, again").fill("someone-else-tries");
  await again.getByRole("button", { name: "Save the password" }).click();
  await again.getByText("This link has expired or was already used. Ask for a new one.").waitFor();

  // Tom forgot his: a reset link from the sign-in page.
  const other = await browser.newContext({ viewport: { width: 390, height: 820 }, locale: "en-US" });
  const t = await other.newPage();
  pages.push(t);
  watch(t);
  await t.goto(`${base}/login`);
  await t.getByRole("link", { name: "Forgot your password?" }).click();
  await t.getByRole("heading", { name: "Forgot your password" }).waitFor();
  await t.getByLabel("Email").fill(tom);
  await t.getByRole("button", { name: "Send me a link" }).click();
  await t.getByText("If an account has this email, a link is on its way.", { exact: false }).waitFor();
  await t.goto(`${base}/reset-password#${linkFor(tom)}`);
  await t.getByLabel("New password", { exact: true }).fill("tom-new-password-1");
  await t.getByLabel("New password, again").fill("tom-new-password-1");
  await t.getByRole("button", { name: "Save the password" }).click();
  await t.getByText("Your password is saved. Sign in with it now.").waitFor();
  await t.goto(`${base}/login`);
  await t.getByLabel("Email").fill(tom);
  await t.getByLabel("Password").fill("tom-new-password-1");
  await t.getByRole("button", { name: "Sign in" }).click();
  await t.waitForURL((u) => !u.pathname.startsWith("/login"));

  assert.deepEqual(errors, [], "no errors in the browser console");
  console.log("journey passed: staff check a roster → import volunteers with invitations → import past hours → an invited volunteer sets a password on a phone → a forgotten password is reset");
} catch (e) {
  for (const [i, p] of pages.entries()) {
    await p.screenshot({ path: `${artifacts}staff-import-${i}.png`, fullPage: true }).catch(() => {});
  }
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
}
