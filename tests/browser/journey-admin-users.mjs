// Journey: an admin creates a school coordinator scoped to a school, sees them in the list,
// deactivates them, and the coordinator can no longer sign in; then sets the value of a volunteer
// hour and the first month of the school year on the volunteer dashboard. Run by `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const { errors, watch } = watchErrors();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
const page = await context.newPage();
watch(page);
try {
  await page.goto(`${base}/users`);
  await page.getByLabel("Email").fill("admin@partnerhub.test");
  await page.getByLabel("Password").fill("demo-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Users", exact: true }).waitFor();

  const form = page.locator("form", { has: page.getByRole("button", { name: "Add user" }) });
  await form.getByLabel("Email").fill("new.coordinator@partnerhub.test");
  await form.getByLabel("Display name").fill("Nia Coordinator");
  await form.getByLabel("Role").selectOption("school_coordinator");
  await form.getByLabel("School codes (comma-separated, for coordinators)").fill("E001, Q999");
  await form.getByLabel("Temporary password (at least 12 characters)").fill("nia-temporary-pass");
  await form.getByRole("button", { name: "Add user" }).click();
  await form.getByText("Unknown school code: Q999").waitFor();
  await form.getByLabel("School codes (comma-separated, for coordinators)").fill("E001");
  await form.getByRole("button", { name: "Add user" }).click();
  await page.getByText("User created.").waitFor();

  // The list is searched and filtered on the server (paged at district scale).
  await page.getByLabel("Search by email or name").fill("nia coord");
  await page.getByRole("button", { name: "Search" }).click();
  await page.locator("li.card").first().waitFor();
  assert.equal(await page.locator("li.card").count(), 1, "one user matches");
  await page.getByLabel("Search by email or name").fill("");
  await page.locator("#user-role-filter").selectOption("school_coordinator");
  await page.locator("li.card", { hasText: "coordinator@partnerhub.test" }).first().waitFor();
  assert.equal(await page.locator("li.card", { hasText: "admin@partnerhub.test" }).count(), 0);

  const card = page.locator("li.card", { hasText: "new.coordinator@partnerhub.test" });
  await card.locator(".meta", { hasText: "School coordinator" }).waitFor();
  await card.locator("summary").click();
  await card.getByRole("button", { name: "Deactivate" }).click();
  await page.locator("li.card", { hasText: "new.coordinator@partnerhub.test" }).locator(".meta", { hasText: "Deactivated" }).waitFor();

  // The deactivated coordinator cannot sign in.
  const other = await (await browser.newContext()).newPage();
  await other.goto(`${base}/login`);
  await other.getByLabel("Email").fill("new.coordinator@partnerhub.test");
  await other.getByLabel("Password").fill("nia-temporary-pass");
  await other.getByRole("button", { name: "Sign in" }).click();
  await other.getByRole("alert").filter({ hasText: "not correct" }).waitFor();

  // The admin sets the value of a volunteer hour on the volunteer dashboard.
  await page.goto(`${base}/volunteers/dashboard`);
  await page.getByRole("heading", { name: "Value of a volunteer hour" }).waitFor();
  await page.getByText("$34.79 · the default").waitFor();
  const value = page.getByLabel("Value of an hour in dollars (e.g. 34.79)");
  await value.fill("thirty");
  await page.getByRole("button", { name: "Save hour value" }).click();
  await page.getByText("Enter an amount in dollars, e.g. 34.79.").first().waitFor();
  await value.fill("36.00");
  await page.getByRole("button", { name: "Save hour value" }).click();
  await page.getByText("Saved.").waitFor();
  await page.getByText("$36.00 · set by an administrator on").waitFor();

  // And when the school year starts — the window of "active" — then back to July.
  await page.getByRole("heading", { name: /^School year/ }).waitFor();
  await page.getByText("Starts on July 1", { exact: false }).waitFor();
  const first = page.getByLabel("First month of the school year");
  await first.selectOption({ label: "August" });
  await page.getByRole("button", { name: "Save school year" }).click();
  await page.getByText("Saved. The dashboard is counted with the new school year.").waitFor();
  await page.getByText("Starts on August 1", { exact: false }).waitFor();
  await page.getByText("(August 1 to July 31).", { exact: false }).waitFor();
  await first.selectOption({ label: "July" });
  await page.getByRole("button", { name: "Save school year" }).click();
  await page.getByText("(July 1 to June 30).", { exact: false }).waitFor();
  await page.getByText("Starts on July 1", { exact: false }).waitFor();

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: an admin creates and deactivates a school coordinator, and sets the value of a volunteer hour and the school year");
} catch (e) {
  await page.screenshot({ path: `${artifacts}failure-admin-users.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", page.url(), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
