// Journey: a volunteer who leaves. A parent registers on a phone and, from their own page,
// stops volunteering (they must confirm); the page says since when. Staff see "Left the
// program" in the list and on the profile, reinstate it with a reason, record a dated
// parent-leader role, and then end the profile on a day with a reason: the role ends that day
// too. Run by `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const { errors, watch } = watchErrors();
const pages = [];
const today = new Date().toISOString().slice(0, 10);
const NAME = "Rafael Ortiz";
try {
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "en-US" });
  const vol = await phone.newPage();
  pages.push(vol);
  watch(vol);
  await vol.goto(`${base}/volunteer`);
  await vol.getByLabel("Full name").fill(NAME);
  await vol.getByLabel("Email").fill("rafael.ortiz@example.org");
  await vol.getByLabel("Mobile phone").fill("704-555-0142");
  await vol.getByLabel("Choose a password (at least 12 characters)").fill("a-long-enough-passphrase");
  await vol.getByLabel("I am a…").selectOption("parent_guardian");
  const e001 = vol.locator("#f-school-pick option", { hasText: "(E001)" });
  await e001.waitFor({ state: "attached" });
  await vol.getByLabel("Schools to serve").selectOption(await e001.getAttribute("value"));
  await vol.getByRole("button", { name: "Add school" }).click();
  await vol.getByLabel("Read with a student").check();
  await vol.getByRole("button", { name: "Register" }).click();
  await vol.getByRole("heading", { name: "My volunteering" }).waitFor();

  // Stopping needs the confirmation.
  await vol.getByRole("heading", { name: "Stop volunteering" }).waitFor();
  const stop = vol.getByRole("button", { name: "Stop volunteering" });
  assert.ok(await stop.isDisabled(), "the button waits for the confirmation");
  await vol.getByLabel("Why (optional)").fill("Starting a new job");
  await vol.getByLabel("Yes, I want to stop volunteering").check();
  await stop.click();
  await vol.getByText(`You stopped volunteering on ${today}`).waitFor();
  assert.equal(await vol.getByRole("heading", { name: "Stop volunteering" }).count(), 0, "the form is gone");
  const overflow = await vol.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
  await vol.screenshot({ path: `${artifacts}volunteer-stopped-360.png`, fullPage: true });

  // Staff see it and reinstate the profile.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const staff = await desk.newPage();
  pages.push(staff);
  watch(staff);
  await staff.goto(`${base}/volunteers`);
  await staff.getByLabel("Email").fill("staff@partnerhub.test");
  await staff.getByLabel("Password").fill("demo-staff-password");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await staff.getByRole("heading", { name: "Volunteers" }).waitFor();
  const card = staff.locator("li.card", { hasText: NAME });
  await card.getByText(`Left the program ${today}`).waitFor();
  await card.getByRole("link", { name: NAME }).click();
  await staff.getByRole("heading", { name: NAME }).waitFor();
  await staff.getByText(`${today} · Starting a new job`).waitFor();
  const reinstate = staff.locator("form", { hasText: "Reinstate the profile" });
  await reinstate.getByRole("button", { name: "Reinstate the profile" }).click();
  await reinstate.getByText("Say why the profile is reinstated (3 to 500 characters).").first().waitFor();
  await reinstate.getByLabel("Why (kept in the audit trail)").fill("Came back for the spring");
  await reinstate.getByRole("button", { name: "Reinstate the profile" }).click();
  await staff.getByRole("heading", { name: "The volunteer left" }).waitFor();
  assert.equal(await staff.getByText("Starting a new job").count(), 0, "the end is taken back");

  // A dated parent-leader role.
  await staff.getByLabel("Parent leader").check();
  await staff.getByLabel("Role (PTA officer, school leadership team, …)").fill("PTA secretary");
  await staff.getByLabel("On (the day they took the role or stepped down; empty: today)").fill(today);
  await staff.getByRole("button", { name: "Save parent leader" }).click();
  await staff.getByText("Saved.").waitFor();
  await staff.getByRole("heading", { name: "Parent-leader roles" }).waitFor();
  await staff.getByText(`PTA secretary · since ${today}`).waitFor();

  // Staff end the profile on a day, with a reason; the role ends with it.
  const end = staff.locator("form", { hasText: "End the profile" });
  await end.getByLabel("The day they left (empty: today)").fill(today);
  await end.getByLabel("Why (kept with the profile)").fill("Moved out of the district");
  await end.getByRole("button", { name: "End the profile" }).click();
  await staff.getByText(`${today} · Moved out of the district`).waitFor();
  await staff.getByText(`PTA secretary · since ${today} · until ${today}`).waitFor();
  await staff.getByRole("heading", { name: "Reinstate" }).waitFor();
  await staff.screenshot({ path: `${artifacts}volunteer-ended-1280.png`, fullPage: true });

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: a volunteer stops volunteering on a phone → staff see it, reinstate, record a dated role → staff end the profile and the role ends with it");
} catch (e) {
  for (const [i, p] of pages.entries()) await p.screenshot({ path: `${artifacts}failure-volunteer-leaves-${i}.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", pages.map((p) => p.url()), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
