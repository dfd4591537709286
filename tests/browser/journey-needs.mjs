// Journey: a school coordinator on a 360 px phone, in Spanish, records their school's three
// primary needs (meeting a field error and a taken rank on the way); the school shows covered;
// staff then see it covered on the district's count and no longer among the schools lacking
// needs; a partner offers tutors from its login and sees the needs the offer could meet; staff
// see the offer among those that could meet a need, with the reasons, and propose it; the
// partner accepts it from its login and the need shows met; staff publish the offer in the
// family directory and a family on a phone, in Spanish, finds it there. Run by `just e2e` against a seeded
// server.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const { errors, watch } = watchErrors();
const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "en-US" });
const page = await phone.newPage();
watch(page);

async function signIn(p, email, password, heading) {
  await p.goto(`${base}/needs`);
  await p.getByLabel(/Correo electrónico|Email/).fill(email);
  await p.getByLabel(/^(Contraseña|Password)$/).fill(password);
  await p.keyboard.press("Enter");
  await p.getByRole("heading", { name: heading, level: 1 }).waitFor();
}

async function recordNeed(p, rank, description, quantity) {
  await p.getByRole("link", { name: "Registrar una necesidad" }).click();
  await p.getByRole("heading", { name: "Registrar una necesidad" }).waitFor();
  await p.getByLabel("Lo que necesita la escuela").fill(description);
  await p.getByLabel("Prioridad (1 a 3: principal)").fill(String(rank));
  await p.getByLabel("Cuántos").fill(String(quantity));
  await p.getByRole("button", { name: "Guardar" }).click();
  await p.getByRole("heading", { name: "Necesidades de las escuelas" }).waitFor();
  await p.getByRole("link", { name: description }).waitFor();
}

try {
  // The coordinator reads Spanish; the choice is remembered.
  await page.goto(`${base}/login`);
  await page.getByRole("button", { name: "Cambiar a español" }).click();
  await signIn(page, "coordinator@partnerhub.test", "demo-coordinator-password", "Necesidades de las escuelas");
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  // Their one school is chosen for them.
  await page.getByText("Todavía no hay necesidades registradas").waitFor();
  assert.match(await page.locator("#needs-school option:checked").innerText(), /Ashley Park/);

  // A need without a description is refused next to the field, in Spanish.
  await page.getByRole("link", { name: "Registrar una necesidad" }).click();
  await page.getByLabel("Prioridad (1 a 3: principal)").fill("1");
  await page.getByLabel("Cuántos").fill("12");
  await page.getByRole("button", { name: "Guardar" }).click();
  await page.getByText("Describa la necesidad.").waitFor();
  await page.getByLabel("Lo que necesita la escuela").fill("Lectores voluntarios para segundo grado");
  await page.getByRole("button", { name: "Guardar" }).click();
  await page.getByRole("link", { name: "Lectores voluntarios para segundo grado" }).waitFor();

  // A rank already taken is explained; then the second and third primary needs.
  await page.getByRole("link", { name: "Registrar una necesidad" }).click();
  await page.getByLabel("Lo que necesita la escuela").fill("Tutores de matemáticas");
  await page.getByLabel("Prioridad (1 a 3: principal)").fill("1");
  await page.getByLabel("Cuántos").fill("6");
  await page.getByRole("button", { name: "Guardar" }).click();
  await page.getByRole("alert").filter({ hasText: "ya tiene esa prioridad" }).waitFor();
  await page.getByLabel("Prioridad (1 a 3: principal)").fill("2");
  await page.getByRole("button", { name: "Guardar" }).click();
  await page.getByRole("link", { name: "Tutores de matemáticas" }).waitFor();
  await recordNeed(page, 3, "Mentores para las familias", 4);

  // Their school is covered.
  await page.locator("#coverage-summary", { hasText: "1 / 1" }).waitFor();
  await page.getByText("Todas las escuelas tienen tres necesidades principales.").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
  await page.screenshot({ path: `${artifacts}needs-360-es.png`, fullPage: true });

  // Staff, on a desktop in English: the school counts as covered and is not among the lacking.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const staff = await desk.newPage();
  watch(staff);
  await signIn(staff, "staff@partnerhub.test", "demo-staff-password", "School needs");
  const summary = await staff.locator("#coverage-summary").innerText();
  assert.match(summary, /^1 \/ \d+ schools covered/, summary);
  await staff.locator("#coverage-lacking").waitFor();
  assert.equal(await staff.locator("#coverage-lacking").getByText(/^Ashley Park Elementary$/).count(), 0);
  assert.ok(await staff.locator("#coverage-lacking").getByText(/^Ashley Park Middle$/).count() > 0);

  // Staff open the needs assessment: coordinators of schools still lacking needs are reminded;
  // the coordinator sees it open.
  await staff.getByText("The office has not opened the needs assessment yet.").waitFor();
  await staff.getByRole("button", { name: /Open the needs assessment/ }).click();
  await staff.getByText(/reminders queued to coordinators/).waitFor();
  await staff.locator("#assessment-status", { hasText: "The needs assessment is open for" }).waitFor();
  await page.reload();
  await page.locator("#assessment-status", { hasText: "La evaluación de necesidades está abierta para" }).waitFor();

  // The partner, from its login, offers math tutors; the offer lists the needs it could meet,
  // each with the reasons for its score.
  const partnerDesk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const partner = await partnerDesk.newPage();
  watch(partner);
  await signIn(partner, "partner@partnerhub.test", "demo-partner-password", "School needs");
  await partner.getByRole("link", { name: "Offers" }).click();
  await partner.getByRole("heading", { name: "Partners' offers", level: 1 }).waitFor();
  await partner.getByRole("link", { name: "Record an offer" }).click();
  await partner.getByLabel("What the partner offers").fill("Math tutors from our volunteers");
  await partner.getByRole("button", { name: "Save" }).click();
  await partner.getByText("Choose at least one support area.").waitFor();
  await partner.getByLabel("Academics").check();
  await partner.getByLabel("Capacity", { exact: true }).fill("10");
  await partner.getByRole("button", { name: "Save" }).click();
  await partner.getByRole("heading", { name: "Needs this offer could meet" }).waitFor();
  const forOffer = partner.locator("#offer-matches-list li", { hasText: "Tutores de matemáticas" });
  await forOffer.getByText("helps with the need's support area").waitFor();

  // Staff open a need: the partner's offer is among those that could meet it, with reasons;
  // they propose it, and the need's proposals list it.
  await staff.getByRole("link", { name: "Tutores de matemáticas" }).click();
  await staff.getByRole("heading", { name: "Edit the need" }).waitFor();
  const forNeed = staff.locator("#need-matches-list li", { hasText: "Math tutors from our volunteers" });
  await forNeed.getByText("the same kind of help").waitFor();
  await forNeed.getByText("one of the school's primary needs").waitFor();
  await forNeed.getByRole("button", { name: "Propose this offer" }).click();
  await forNeed.getByText("Proposed: the partner is told.").waitFor();
  const proposal = staff.locator("#need-proposals-list li", { hasText: "Math tutors from our volunteers" });
  await proposal.getByText("Proposed", { exact: true }).waitFor();
  const needUrl = staff.url();

  // The partner finds the proposal among its own and accepts it, with a word for the school.
  await partner.getByRole("link", { name: "Proposals" }).click();
  await partner.getByRole("heading", { name: "Proposed matches", level: 1 }).waitFor();
  await partner.locator("#matches-list").getByRole("link", { name: "Tutores de matemáticas" }).click();
  await partner.getByRole("heading", { name: "Status: Proposed" }).waitFor();
  assert.equal(await partner.getByRole("button", { name: "Propose again" }).count(), 0);
  await partner.getByLabel("Reason (optional)").fill("Six tutors can start in January");
  await partner.getByRole("button", { name: "Accept" }).click();
  await partner.getByRole("heading", { name: "Status: Accepted" }).waitFor();
  await partner.locator("#match-facts").getByText(/Six tutors can start in January/).waitFor();

  // Staff see the need met by the accepted match, and who answered it.
  await staff.goto(needUrl);
  await staff.getByRole("heading", { name: "Status: Met" }).waitFor();
  await staff.getByRole("button", { name: "Reopen" }).waitFor();
  await staff.locator("#need-proposals-list li", { hasText: "Answered by" }).getByText("Accepted", { exact: true }).waitFor();

  // Staff publish the partner's offer in the family directory, in English and Spanish.
  await staff.getByRole("link", { name: "Offers" }).click();
  await staff.getByRole("heading", { name: "Partners' offers", level: 1 }).waitFor();
  await staff.locator("#offers-list").getByRole("link", { name: "Math tutors from our volunteers" }).click();
  const listing = staff.locator("section[aria-labelledby='listing-title']");
  await listing.getByRole("heading", { name: "Family resource directory" }).waitFor();
  await listing.getByLabel("Show it to families").check();
  await listing.getByLabel("Kind of help").selectOption("tutoring");
  await listing.getByLabel("Title (English)").fill("Free math tutoring");
  await listing.getByLabel("Title (Spanish)").fill("Tutoría de matemáticas gratuita");
  await listing.getByLabel("What families get (English)").fill("Volunteer tutors after school.");
  await listing.getByLabel("What families get (Spanish)").fill("Tutores voluntarios después de clases.");
  await listing.getByRole("button", { name: "Save" }).click();
  await listing.getByText("Choose at least one language.").waitFor();
  await listing.getByLabel("Spanish", { exact: true }).check();
  await listing.getByLabel("How families reach it").fill("Llame al 704-555-0100");
  await listing.getByRole("button", { name: "Save" }).click();
  await listing.getByText("Listing saved.").waitFor();

  // A family, on a phone in Spanish and without an account, finds it in the directory.
  const familyPhone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "es-US" });
  const family = await familyPhone.newPage();
  watch(family);
  await family.goto(`${base}/resources`);
  await family.getByRole("heading", { name: "Recursos comunitarios para familias", level: 1 }).waitFor();
  await family.getByLabel("¿Qué está buscando?").fill("matemáticas");
  await family.getByRole("button", { name: "Buscar" }).click();
  const resource = family.locator("#resources-list li", { hasText: "Tutoría de matemáticas gratuita" });
  await resource.getByText("Llame al 704-555-0100").waitFor();
  await resource.getByText("Tutores voluntarios después de clases.").waitFor();
  const familyOverflow = await family.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(familyOverflow <= 0, `the directory is ${familyOverflow}px wider than a 360px screen`);
  await family.screenshot({ path: `${artifacts}resources-360-es.png`, fullPage: true });

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: a coordinator records three needs in Spanish on a phone; staff see the school covered; a partner offers tutors and sees the needs it could meet; staff see the offer ranked for a need, with reasons, and propose it; the partner accepts and the need is met; staff publish it and a family finds it in the public directory");
} catch (e) {
  await page.screenshot({ path: `${artifacts}failure-needs.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", page.url(), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
