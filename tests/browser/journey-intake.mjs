// Journey: an organization applies on a phone in Spanish (no account) → staff vet, plan, see
// the routing with its reasons, complete the sub-task and approve → the partner signs in and
// sees the approved status. Run by `just e2e`.
import assert from "node:assert/strict";
import { artifacts, base, launch, watchErrors } from "./harness.mjs";

const browser = await launch();
const { errors, watch } = watchErrors();
const pages = [];
const ORG = "Tutores Esperanza";
try {
  // 1. The public form, in Spanish, 360 px wide.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "es-MX" });
  const applicant = await phone.newPage();
  pages.push(applicant);
  watch(applicant);
  await applicant.goto(`${base}/apply`);
  await applicant.getByRole("heading", { name: "Colabore con nuestras escuelas" }).waitFor();
  await applicant.getByLabel("Nombre legal").fill(ORG);
  await applicant.getByLabel("Tipo de organización").selectOption("nonprofit");
  await applicant.getByLabel("Situación fiscal").selectOption("nonprofit");
  await applicant.getByLabel("Nombre completo").fill("Lucía Herrera");
  await applicant.getByLabel("Correo electrónico").fill("lucia@esperanza.example.org");
  await applicant.getByRole("button", { name: "Guardar y continuar" }).click();
  await applicant.getByText("Su enlace para volver").waitFor();
  // The resume link keeps its token in the fragment, which never reaches the server.
  assert.match(applicant.url(), /\/apply#[A-Za-z0-9_-]+$/);

  await applicant.getByLabel("Nombre del programa o servicio").fill("Tutoría de lectura");
  await applicant.getByLabel("¿Qué harán y cómo?").fill("Voluntarios leen con estudiantes de K-2 cada semana.");
  await applicant.getByLabel("Académico").check();
  await applicant.getByLabel("Tiempo (voluntarios)").check();
  await applicant.getByLabel("Compromiso continuo").check();
  await applicant.getByRole("button", { name: "Guardar y continuar" }).click();

  await applicant.getByLabel("Buscar una escuela").fill("Ashley Park Elem");
  await applicant.getByLabel("Ashley Park Elementary (E001)").check();
  await applicant.getByLabel("Grados (p. ej. K-2)").fill("K-2");
  await applicant.getByRole("button", { name: "Guardar y continuar" }).click();

  for (const q of ["¿El programa es gratuito para los participantes?", "¿Usará instalaciones del distrito escolar?",
    "¿Habrá contacto con estudiantes, personal o familias?", "¿Participarán estudiantes?"]) {
    await applicant.getByRole("group", { name: q }).getByLabel("Sí").check();
  }
  await applicant.getByRole("button", { name: "Guardar y continuar" }).click();
  await applicant.getByRole("button", { name: "Enviar solicitud" }).click();
  await applicant.getByText("¡Gracias! Su solicitud fue enviada.").waitFor();
  const overflow = await applicant.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the form is ${overflow}px wider than a phone`);
  await applicant.screenshot({ path: `${artifacts}apply-360-es.png`, fullPage: true });

  // 2. Staff take it through the process.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const staff = await desk.newPage();
  pages.push(staff);
  watch(staff);
  await staff.goto(`${base}/applications`);
  await staff.getByLabel("Email").fill("staff@partnerhub.test");
  await staff.getByLabel("Password").fill("demo-staff-password");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await staff.getByRole("heading", { name: "Partnership applications" }).waitFor();
  await staff.getByRole("link", { name: ORG }).click();
  await staff.getByRole("heading", { name: ORG }).waitFor();
  await staff.getByRole("button", { name: "Assign to me" }).click();
  await staff.getByText("Owner: Sam Staff").waitFor();
  await staff.getByRole("button", { name: "Start vetting" }).click();
  await staff.getByText("Vetting", { exact: true }).first().waitFor();
  for (const c of ["Relationship built through a district department or school", "A formal documented agreement between the parties",
    "Programs linked to district priorities and outcomes", "Deliverables jointly defined with the partner and the department or school",
    "An established organization whose programs align with the support areas"]) {
    await staff.getByRole("button", { name: `Confirm: ${c}`, exact: true }).click();
    await staff.locator("li", { hasText: c }).locator(".badge", { hasText: "Done" }).waitFor();
  }
  await staff.getByRole("button", { name: "Move to planning" }).click();
  for (const item of ["A permission form for each participating student",
    "Volunteer and staff clearances under the district's volunteer process", "Agreement to submit a final report with metrics"]) {
    await staff.getByRole("button", { name: `Done: ${item}`, exact: true }).click();
    await staff.locator("li", { hasText: item }).locator(".badge", { hasText: "Done" }).waitFor();
  }
  await staff.getByRole("button", { name: "Move to formalizing" }).click();
  // The routing, with its reasons.
  await staff.getByText("Why: nonprofit partner; uses district facilities; contact with students, staff or families; free for attendees").waitFor();
  await staff.getByLabel("Status of Community Partnerships & Family Engagement agreement").selectOption("done");
  await staff.getByRole("button", { name: "Approve" }).waitFor();
  await staff.getByLabel("Status of Community Partnerships & Family Engagement agreement").evaluate((el) => el.value === "done");
  await staff.getByRole("button", { name: "Approve" }).click();
  await staff.locator(".page-head .badge", { hasText: "Approved" }).waitFor();

  // A partner login for the contact.
  await staff.getByRole("link", { name: "Partners", exact: true }).last().click();
  await staff.getByRole("heading", { name: ORG }).waitFor();
  await staff.locator("li.card summary", { hasText: "Edit" }).first().click();
  await staff.getByLabel("Temporary password (at least 12 characters)").fill("lucia-temporary-pass");
  await staff.getByRole("button", { name: "Give partner login" }).click();
  await staff.getByText("Has a partner login").waitFor();

  // 3. The partner sees the approved application.
  await applicant.goto(`${base}/login?next=%2Fapplications`);
  await applicant.getByLabel("Correo electrónico").fill("lucia@esperanza.example.org");
  await applicant.getByLabel("Contraseña").fill("lucia-temporary-pass");
  await applicant.getByRole("button", { name: "Iniciar sesión" }).click();
  // Staff chose the password: she chooses her own, then goes on where she was going.
  await applicant.getByRole("heading", { name: "Cambiar contraseña" }).waitFor();
  await applicant.getByLabel("Contraseña actual").fill("lucia-temporary-pass");
  await applicant.getByLabel("Nueva contraseña", { exact: true }).fill("lucia-own-passphrase");
  await applicant.getByLabel("Nueva contraseña, otra vez").fill("lucia-own-passphrase");
  await applicant.getByRole("button", { name: "Cambiar contraseña" }).click();
  await applicant.getByRole("heading", { name: "Solicitudes de alianza" }).waitFor();
  await applicant.getByRole("link", { name: ORG }).click();
  await applicant.locator(".status-line", { hasText: "Aprobada" }).waitFor();
  await applicant.screenshot({ path: `${artifacts}partner-approved-360-es.png`, fullPage: true });

  assert.deepEqual(errors, [], "no script errors");
  console.log("journey passed: apply in Spanish on a phone → staff approve → the partner sees it");
} catch (e) {
  for (const [i, p] of pages.entries()) await p.screenshot({ path: `${artifacts}failure-intake-${i}.png`, fullPage: true }).catch(() => {});
  console.error("journey failed at", pages.map((p) => p.url()), "; script errors:", errors);
  throw e;
} finally {
  await browser.close();
}
