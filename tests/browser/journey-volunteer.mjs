// Journey: a parent registers as a volunteer on a phone in Spanish and sees the clearance
// pending; staff record the clearance and merge a volunteer who registered twice; the volunteer
// sees they may now sign up; the school's coordinator posts an opportunity; the volunteer signs
// up on the phone and the coordinator sees them on the roster; the volunteer checks in and out
// by the school's code and logs hours; the coordinator approves them and flags her a parent
// leader, and the dashboard counts one more active volunteer and parent leader. The
// volunteer's badge opens the public badge check; staff revoke it as lost and a new one works.
// Run by `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const { errors, watch } = watchErrors();
const pages = [];
const iso = (d) => d.toISOString().slice(0, 10);
const NAME = "Lucía Ramos";
try {
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "es-MX" });
  const vol = await phone.newPage();
  pages.push(vol);
  watch(vol);
  await vol.goto(`${base}/volunteer`);
  await vol.getByRole("heading", { name: "Sea voluntario en nuestras escuelas" }).waitFor();
  // Nothing filled in: the server's messages, in Spanish.
  await vol.getByRole("button", { name: "Registrarme" }).click();
  await vol.getByText("Escriba un correo electrónico válido.").waitFor();
  await vol.getByLabel("Nombre completo").fill(NAME);
  await vol.getByLabel("Correo electrónico").fill("lucia.ramos@example.org");
  await vol.getByLabel("Teléfono celular").fill("704-555-0199");
  await vol.getByLabel("Elija una contraseña (al menos 12 caracteres)").fill("una-clave-bastante-larga");
  await vol.getByLabel("Soy…").selectOption("parent_guardian");
  // By code: another journey renames this school.
  const e001 = vol.locator("#f-school-pick option", { hasText: "(E001)" });
  await e001.waitFor({ state: "attached" });
  const schoolId = await e001.getAttribute("value");
  await vol.getByLabel("Escuelas a las que servirá").selectOption(schoolId);
  await vol.getByRole("button", { name: "Agregar escuela" }).click();
  await vol.getByLabel("Leer con un estudiante").check();
  await vol.getByRole("button", { name: "Registrarme" }).click();
  await vol.getByRole("heading", { name: "Mi voluntariado" }).waitFor();
  // (The clearance panel and the badge both say so.)
  await vol.getByText("Su autorización está en revisión.").first().waitFor();
  const overflow = await vol.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
  await vol.screenshot({ path: `${artifacts}volunteer-pending-360-es.png`, fullPage: true });

  // Staff record the clearance.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const staff = await desk.newPage();
  pages.push(staff);
  watch(staff);
  await staff.goto(`${base}/volunteers`);
  await staff.getByLabel("Email").fill("staff@partnerhub.test");
  await staff.getByLabel("Password").fill("demo-staff-password");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await staff.getByRole("heading", { name: "Volunteers" }).waitFor();
  await staff.getByRole("link", { name: NAME }).click();
  await staff.getByRole("heading", { name: NAME }).waitFor();
  await staff.getByLabel("Cleared on").fill(iso(new Date()));
  await staff.getByLabel("Expires on").fill(iso(new Date(Date.now() + 365 * 24 * 3600 * 1000)));
  await staff.getByLabel("Reference in the screening system").fill("SCREEN-1001");
  await staff.getByRole("button", { name: "Save", exact: true }).click();
  await staff.getByText("Cleared: you can sign up for opportunities. Valid through").first().waitFor();
  // Staff fold a volunteer who registered twice (demo data) into one profile.
  await staff.goto(`${base}/volunteers`);
  await staff.getByRole("link", { name: "Possible duplicates" }).click();
  await staff.getByRole("heading", { name: "Possible duplicates" }).waitFor();
  const twice = staff.locator("form", { hasText: "Marisol Vega" });
  await twice.getByRole("button", { name: "Merge into the kept profile" }).click();
  await twice.getByText("Say why these are the same person (at most 500 characters).").first().waitFor();
  await twice.getByLabel("Why they are the same person").fill("Registered with a home and a work email");
  await twice.getByRole("button", { name: "Merge into the kept profile" }).click();
  await staff.getByText("Merged: the hours, sign-ups and clearances now belong to the kept profile.").waitFor();
  await staff.getByText("No likely duplicates.").waitFor();

  // The volunteer sees it.
  await vol.reload();
  await vol.getByText("Autorizado: puede inscribirse en oportunidades.").first().waitFor();
  // The badge: a QR code, and what scanning it shows — the first name and that they may serve.
  await vol.getByRole("heading", { name: "Credencial de voluntario" }).waitFor();
  await vol.locator(".badge-qr svg").waitFor();
  await vol.getByRole("link", { name: "Ver lo que muestra el escaneo" }).click();
  await vol.getByRole("heading", { name: "Verificación de credencial de voluntario" }).waitFor();
  await vol.getByText("Lucía R.").waitFor();
  await vol.getByText("Puede participar hoy.").waitFor();
  await vol.screenshot({ path: `${artifacts}volunteer-badge-check-360-es.png`, fullPage: true });
  const oldBadge = vol.url();

  // The badge is reported lost: staff revoke it; the old one no longer checks out, the
  // volunteer's page shows a new one that does.
  await staff.goto(`${base}/volunteers`);
  await staff.getByRole("link", { name: NAME }).click();
  await staff.getByRole("heading", { name: "Lost or stolen badge" }).waitFor();
  await staff.getByLabel("Why (kept in the audit trail)").fill("Lost on a field trip (E2E)");
  await staff.getByRole("button", { name: "Revoke badges" }).click();
  await staff.getByText("Revoked. The old badges no longer check out.").waitFor();
  await vol.goto(oldBadge);
  await vol.getByText("Esta no es una credencial de voluntario válida de PartnerHub.").waitFor();
  await vol.goto(`${base}/volunteer/me`);
  await vol.getByRole("heading", { name: "Credencial de voluntario" }).waitFor();
  await vol.getByRole("link", { name: "Ver lo que muestra el escaneo" }).click();
  await vol.getByText("Puede participar hoy.").waitFor();
  assert.notEqual(vol.url(), oldBadge, "a new badge");
  await vol.goBack();
  await vol.getByRole("heading", { name: "Credencial de voluntario" }).waitFor();

  // The school's coordinator posts an opportunity (local times, tomorrow morning).
  const coordinator = await desk.newPage();
  pages.push(coordinator);
  watch(coordinator);
  await staff.getByRole("button", { name: "Sign out" }).click();
  await coordinator.goto(`${base}/opportunities/new`);
  await coordinator.getByLabel("Email").fill("coordinator@partnerhub.test");
  await coordinator.getByLabel("Password").fill("demo-coordinator-password");
  await coordinator.getByRole("button", { name: "Sign in" }).click();
  await coordinator.getByRole("heading", { name: "Post an opportunity" }).waitFor();
  const TITLE = "Reading buddies (E2E)";
  const day = iso(new Date(Date.now() + 24 * 3600 * 1000));
  await coordinator.getByLabel("Title").fill(TITLE);
  await coordinator.getByLabel("Activity").selectOption("read_with_student");
  // Saving without times: the form says what is missing.
  await coordinator.getByRole("button", { name: "Save" }).click();
  await coordinator.getByText("Choose a date.").first().waitFor();
  await coordinator.getByLabel("Starts").fill(`${day}T09:00`);
  await coordinator.getByLabel("Ends").fill(`${day}T10:00`);
  await coordinator.getByLabel("Volunteers needed").fill("1");
  await coordinator.getByRole("button", { name: "Save" }).click();
  await coordinator.getByRole("heading", { name: TITLE }).waitFor();
  await coordinator.getByText("No sign-ups yet.").waitFor();

  // The volunteer finds it on the phone and signs up.
  await vol.getByRole("link", { name: "Buscar oportunidades" }).click();
  await vol.getByRole("heading", { name: "Oportunidades" }).waitFor();
  await vol.getByRole("link", { name: TITLE }).click();
  await vol.getByRole("heading", { name: TITLE }).waitFor();
  await vol.getByText("1 / 1 lugares disponibles").waitFor();
  await vol.getByRole("button", { name: "Inscribirme" }).click();
  await vol.getByText("Está inscrito.").first().waitFor();
  const overflow2 = await vol.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow2 <= 0, `the opportunity page is ${overflow2}px wider than a phone`);
  await vol.screenshot({ path: `${artifacts}volunteer-signed-up-360-es.png`, fullPage: true });
  await vol.getByRole("link", { name: "Mi voluntariado" }).click();
  await vol.getByRole("link", { name: TITLE }).waitFor();

  // The coordinator sees them on the roster.
  await coordinator.reload();
  await coordinator.getByText(NAME).waitFor();

  // At the school: the QR code opens the check-in page; check in, then out.
  await vol.goto(`${base}/volunteer/check-in/${schoolId}`);
  await vol.getByRole("heading", { name: "Registro de voluntarios" }).waitFor();
  await vol.getByLabel("Actividad").selectOption("read_with_student");
  await vol.getByRole("button", { name: "Registrar entrada" }).click();
  await vol.getByText("Está registrado desde las").waitFor();
  await vol.getByRole("button", { name: "Registrar salida" }).click();
  await vol.getByText("¡Gracias! Salida registrada").waitFor();
  // And logs an earlier afternoon by hand.
  await vol.getByRole("link", { name: "Mi voluntariado" }).click();
  await vol.getByRole("heading", { name: "Mis horas" }).waitFor();
  await vol.getByLabel("Cuánto tiempo (horas, p. ej. 1.5)").fill("1.5");
  await vol.getByLabel("Nota para el coordinador (opcional)").fill("Feria del libro");
  await vol.getByRole("button", { name: "Registrar horas" }).click();
  await vol.getByText("1:30 h").waitFor();
  await vol.screenshot({ path: `${artifacts}volunteer-hours-360-es.png`, fullPage: true });

  // The coordinator's dashboard before the approval.
  await coordinator.goto(`${base}/volunteers/dashboard`);
  await coordinator.getByRole("heading", { name: "Volunteer dashboard" }).waitFor();
  const activeNow = async () => Number(await coordinator.locator(".stats div", { hasText: "Active volunteers" }).locator("dd").innerText());
  const before = await activeNow();
  const leadersNow = async () => Number(await coordinator.locator(".stats div", { hasText: "Parent leaders" }).locator("dd").innerText());
  const leadersBefore = await leadersNow();

  // The coordinator approves both from the queue, oldest first.
  await coordinator.goto(`${base}/hours`);
  await coordinator.getByRole("heading", { name: "Hours to approve" }).waitFor();
  const mine = coordinator.locator("li.card", { hasText: NAME });
  // The queue loads after the heading: wait for the second entry before counting.
  await mine.nth(1).waitFor();
  assert.equal(await mine.count(), 2, "two entries of the volunteer wait for approval");
  for (const box of await mine.getByRole("checkbox").all()) await box.check();
  await coordinator.getByRole("button", { name: "Approve selected" }).click();
  await coordinator.getByText("2 entries decided.").waitFor();
  await vol.reload();
  await vol.getByText("Aprobada").first().waitFor();
  // The coordinator records that she is the PTA's secretary: a parent leader.
  await coordinator.goto(`${base}/volunteers`);
  await coordinator.getByRole("link", { name: NAME }).click();
  await coordinator.getByRole("heading", { name: NAME }).waitFor();
  await coordinator.getByLabel("Parent leader").check();
  // Without a role the form says what is missing.
  await coordinator.getByRole("button", { name: "Save parent leader" }).click();
  await coordinator.getByText("Say what makes them a parent leader, for example PTA officer.").first().waitFor();
  await coordinator.getByLabel("Role (PTA officer, school leadership team, …)").fill("PTA secretary");
  await coordinator.getByRole("button", { name: "Save parent leader" }).click();
  await coordinator.getByText("Saved.").waitFor();
  await coordinator.getByText("Yes · PTA secretary").waitFor();
  // The dashboard counts one more active volunteer and one more parent leader.
  await coordinator.goto(`${base}/volunteers/dashboard`);
  await coordinator.getByRole("heading", { name: "Volunteer dashboard" }).waitFor();
  await coordinator.locator(".stats").waitFor();
  assert.equal(await activeNow(), before + 1, "one more active volunteer");
  assert.equal(await leadersNow(), leadersBefore + 1, "one more parent leader");
  await coordinator.setViewportSize({ width: 360, height: 780 });
  const overflow3 = await coordinator.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow3 <= 0, `the dashboard is ${overflow3}px wider than a phone`);
  await coordinator.screenshot({ path: `${artifacts}volunteer-dashboard-360.png`, fullPage: true });
  // The definitions read in Spanish too, with the school year's window.
  await coordinator.getByRole("button", { name: "Español" }).click();
  await coordinator.getByText("Activo: una persona con un perfil de voluntario no cerrado ese día y al menos una hora aprobada en el año escolar (del 1 de julio al 30 de junio).").waitFor();

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: a volunteer registers on a phone in Spanish → staff clear and merge a duplicate → coordinator posts → volunteer signs up → checks in and out by the school's code → logs hours → badge check → a lost badge revoked → coordinator approves and flags a parent leader → dashboard +1");
} catch (e) {
  for (const [i, p] of pages.entries()) await p.screenshot({ path: `${artifacts}failure-volunteer-${i}.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", pages.map((p) => p.url()), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
