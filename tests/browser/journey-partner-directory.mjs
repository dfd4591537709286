// Journey: staff add an organization, are warned about a likely duplicate and confirm it is
// different, add a primary contact and give them a partner login; the partner signs in on a
// phone in Spanish, must first replace the password staff chose with her own, and sees only
// their own organization. Run by `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const { errors, watch } = watchErrors();
async function signIn(page, email, password) {
  await page.getByLabel(/^(Email|Correo electrónico)$/).fill(email);
  await page.getByLabel(/^(Password|Contraseña)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Iniciar sesión)$/ }).click();
}

const staffCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
const page = await staffCtx.newPage();
watch(page);
let partnerPage;
try {
  await page.goto(`${base}/organizations`);
  await signIn(page, "staff@partnerhub.test", "demo-staff-password");
  await page.getByRole("heading", { name: "Partner organizations" }).waitFor();

  async function addOrganization(name) {
    await page.getByRole("link", { name: "Add organization" }).click();
    await page.getByRole("heading", { name: "New organization" }).waitFor();
    await page.getByLabel("Legal name").fill(name);
    await page.getByLabel("Type of organization").selectOption("nonprofit");
    await page.getByLabel("Website (https://…)").fill("https://readingbuddies.example.org");
    await page.getByLabel("Academics").check();
    await page.getByRole("button", { name: "Save" }).click();
  }
  await addOrganization("Reading Buddies, Inc.");
  await page.getByRole("heading", { name: "Reading Buddies, Inc." }).waitFor();

  // The same organization again: a warning with a link, then an explicit override.
  await page.getByRole("link", { name: "Partners", exact: true }).click();
  await addOrganization("Reading Buddies");
  await page.getByText("look the same as the one you are adding").waitFor();
  await page.getByRole("link", { name: "Reading Buddies, Inc." }).waitFor();
  await page.getByRole("button", { name: "It is a different organization: create it" }).click();
  await page.getByRole("heading", { name: "Reading Buddies", exact: true }).waitFor();

  // A primary contact with a partner login.
  await page.getByText("Add contact").first().click();
  await page.getByLabel("Full name").fill("Rosa Méndez");
  await page.getByLabel("Job title").fill("Program director");
  await page.getByLabel("Email").fill("rosa@readingbuddies.example.org");
  await page.getByLabel("Phone").fill("704-555-0142");
  await page.getByLabel("Primary contact").check();
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.getByText("Rosa Méndez").waitFor();
  await page.locator("li.card summary", { hasText: "Edit" }).first().click();
  await page.getByLabel("Temporary password (at least 12 characters)").fill("rosa-temporary-pass");
  await page.getByRole("button", { name: "Give partner login" }).click();
  await page.getByText("Has a partner login").waitFor();

  // The partner, on a phone, in Spanish: only their organization.
  const partnerCtx = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "es-MX" });
  partnerPage = await partnerCtx.newPage();
  watch(partnerPage);
  await partnerPage.goto(`${base}/organizations`);
  await partnerPage.getByRole("heading", { name: "Inicie sesión en PartnerHub" }).waitFor();
  await signIn(partnerPage, "rosa@readingbuddies.example.org", "rosa-temporary-pass");
  // Staff chose the password: she chooses her own before anything else.
  await partnerPage.getByRole("heading", { name: "Cambiar contraseña" }).waitFor();
  await partnerPage.getByText("La contraseña con la que inició sesión la eligió otra persona.", { exact: false }).waitFor();
  await partnerPage.getByLabel("Contraseña actual").fill("rosa-temporary-pass");
  await partnerPage.getByLabel("Nueva contraseña", { exact: true }).fill("rosa-own-passphrase");
  await partnerPage.getByLabel("Nueva contraseña, otra vez").fill("rosa-own-passphrase");
  await partnerPage.getByRole("button", { name: "Cambiar contraseña" }).click();
  await partnerPage.getByRole("heading", { name: "Mi organización" }).waitFor();
  const cards = partnerPage.locator("ul.cards li.card");
  await cards.first().waitFor();
  assert.equal(await cards.count(), 1);
  await partnerPage.getByRole("link", { name: "Reading Buddies", exact: true }).click();
  await partnerPage.getByRole("heading", { name: "Contactos" }).waitFor();
  assert.equal(await partnerPage.getByRole("link", { name: "Editar" }).count(), 0, "a partner cannot edit the organization");
  // …but keeps their own contact details up to date.
  await partnerPage.locator("li.card summary", { hasText: "Editar" }).first().click();
  const card = partnerPage.locator("li.card").first();
  await card.getByLabel("Cargo").fill("Directora ejecutiva");
  await card.getByRole("button", { name: "Guardar" }).click();
  await partnerPage.getByText("Directora ejecutiva").waitFor();
  assert.equal(await partnerPage.getByRole("button", { name: "Eliminar" }).count(), 0, "a partner cannot remove contacts");
  await partnerPage.screenshot({ path: `${artifacts}partner-360-es.png`, fullPage: true });

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: staff build the directory; the partner sees only their organization");
} catch (e) {
  await page.screenshot({ path: `${artifacts}failure-directory-staff.png`, fullPage: true }).catch(() => {});
  if (partnerPage) await partnerPage.screenshot({ path: `${artifacts}failure-directory-partner.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", page.url(), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
