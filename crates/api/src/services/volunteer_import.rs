//! Importing what the office kept in spreadsheets: the volunteer roster, then past hours.
//!
//! Both work the same way: the file is read whole (`csv_table`: headers by aliases, English or
//! Spanish), every row is checked — also against what PartnerHub already holds — and any bad
//! row stops the import with every problem listed by line (422); nothing is stored. Rows that
//! are already in PartnerHub (the same email, or the same name and phone, for people; the same
//! volunteer, school, day, activity and duration, for hours) are left out and listed, so a
//! file can be imported again safely. `dry_run` answers what would happen without storing.
//!
//! Imported volunteers have no password: each gets an invitation with a one-time link to set
//! one (`services::passwords`). Imported hours are approved by whoever imports them and
//! counted on the dashboards in the same transaction.

use chrono::{NaiveDate, Utc};
use db::repo::audit::{self as audit, NewAuditEvent};
use db::repo::volunteers as repo;
use db::repo::{hours, organizations, schools, users, volunteer_totals};
use domain::audit::AuditEntity;
use domain::hours::{HourInput, HourSource, HourStatus};
use domain::import::{ImportOptions, ImportOutcome, SkippedRow};
use domain::problem::FieldError;
use domain::volunteer::{
    ClearanceInput, ClearanceStatus, ClearanceType, Interest, VolunteerKind, VolunteerRegistration,
    phone_key,
};
use domain::{OrganizationId, Permission, Role, SchoolId, VolunteerId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::{HashMap, HashSet};
use validator::Validate;

use super::csv_table::{self, Column, Record};
use super::passwords::{self, Purpose};
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};

/// The most rows one file may hold (split bigger rosters; each file is one transaction).
pub const MAX_ROWS: usize = 10_000;

/// The stored password of an account nobody has chosen a password for: no password matches
/// it (it is not a hash), so the account signs in only after its invitation link is used.
const NO_PASSWORD: &str = "!";

/// How far back imported hours may go.
const OLDEST_YEARS: i32 = 10;

#[rustfmt::skip]
const ROSTER: &[Column] = &[
    Column::optional("name", &[
        "name", "full_name", "full name", "volunteer", "volunteer_name", "volunteer name",
        "nombre", "nombre completo",
    ]),
    Column::optional("first_name", &[
        "first_name", "first name", "first", "given name", "nombre de pila",
    ]),
    Column::optional("last_name", &[
        "last_name", "last name", "last", "surname", "family name", "apellido", "apellidos",
    ]),
    Column::required("email", &[
        "email", "e-mail", "email_address", "email address", "correo", "correo electrónico",
        "correo electronico",
    ]),
    Column::required("phone", &[
        "phone", "phone_number", "phone number", "mobile", "cell", "cell phone", "teléfono",
        "telefono", "celular",
    ]),
    Column::optional("language", &[
        "language", "preferred_language", "preferred language", "idioma",
    ]),
    Column::required("kind", &[
        "kind", "type", "volunteer_type", "volunteer type", "tipo", "tipo de voluntario",
    ]),
    Column::optional("organization", &[
        "organization", "organization_name", "organization name", "partner", "organización",
        "organizacion",
    ]),
    Column::required("schools", &[
        "schools", "school", "school_codes", "school codes", "school_code", "school code",
        "escuelas", "escuela",
    ]),
    Column::optional("interests", &["interests", "interest", "intereses"]),
    Column::optional("availability", &["availability", "disponibilidad"]),
    Column::optional("registered_on", &[
        "registered_on", "registered on", "registration_date", "registration date", "joined",
        "fecha de registro",
    ]),
    Column::optional("cleared_on", &[
        "cleared_on", "cleared on", "clearance_date", "clearance date", "background_check_date",
        "fecha de autorización", "fecha de autorizacion",
    ]),
    Column::optional("expires_on", &[
        "expires_on", "expires on", "clearance_expires", "clearance expires", "expiration",
        "vence",
    ]),
    Column::optional("clearance_reference", &[
        "clearance_reference", "clearance reference", "reference", "background_check_id",
        "screening_id", "referencia",
    ]),
    Column::optional("parent_leader_role", &[
        "parent_leader_role", "parent leader role", "parent_leader", "parent leader", "pta_role",
        "líder de padres", "lider de padres",
    ]),
];

#[rustfmt::skip]
const HOURS: &[Column] = &[
    Column::required("email", &[
        "email", "volunteer_email", "volunteer email", "e-mail", "correo", "correo electrónico",
        "correo electronico",
    ]),
    Column::required("school", &["school", "school_code", "school code", "escuela"]),
    Column::required("date", &["date", "work_date", "work date", "day", "fecha"]),
    Column::required("activity", &["activity", "activity_type", "activity type", "actividad"]),
    Column::optional("hours", &["hours", "horas", "duration"]),
    Column::optional("minutes", &["minutes", "minutos"]),
    Column::optional("note", &["note", "notes", "comment", "nota", "notas"]),
];

fn key(v: &str) -> String {
    v.trim()
        .to_lowercase()
        .replace(['-', ' ', '/'], "_")
        .replace("__", "_")
}

/// A kind of volunteer as spreadsheets write it (English or Spanish).
pub fn parse_kind(v: &str) -> Option<VolunteerKind> {
    let k = key(v);
    VolunteerKind::parse(&k).or(match k.as_str() {
        "parent" | "guardian" | "parent_guardian" | "padre" | "madre" | "padre_madre"
        | "padre_o_madre" | "tutor_legal" => Some(VolunteerKind::ParentGuardian),
        "community" | "community_member" | "comunidad" | "miembro_de_la_comunidad" => {
            Some(VolunteerKind::CommunityMember)
        }
        "partner"
        | "partner_affiliated"
        | "socio"
        | "organización_asociada"
        | "organizacion_asociada" => Some(VolunteerKind::PartnerAffiliated),
        "college" | "college_student" | "student" | "estudiante" | "estudiante_universitario" => {
            Some(VolunteerKind::CollegeStudent)
        }
        "employee" | "staff" | "district_employee" | "empleado" | "empleada" => {
            Some(VolunteerKind::Employee)
        }
        _ => None,
    })
}

/// An interest or activity as spreadsheets write it (the code or the English words).
pub fn parse_interest(v: &str) -> Option<Interest> {
    let k = key(v);
    Interest::parse(&k).or(match k.as_str() {
        "tutoring" => Some(Interest::Tutor),
        "mentoring" => Some(Interest::Mentor),
        "read_with_a_student" | "reading" | "read" => Some(Interest::ReadWithStudent),
        "organize_a_volunteer_program" | "organize_volunteer_program" => {
            Some(Interest::OrganizeProgram)
        }
        "career_day_or_college_tour" | "college_tour" => Some(Interest::CareerDay),
        "clerical_help" | "office_help" => Some(Interest::Clerical),
        "marketing" | "pr" | "marketing_pr_help" | "marketing_or_pr_help" => {
            Some(Interest::MarketingPr)
        }
        "chaperone_field_trips" | "field_trips" | "field_trip" => Some(Interest::Chaperone),
        "sponsor" | "sponsor_a_program" => Some(Interest::SponsorProgram),
        _ => None,
    })
}

fn parse_language(v: &str) -> Option<&'static str> {
    match key(v).as_str() {
        "" | "en" | "english" | "inglés" | "ingles" => Some("en"),
        "es" | "spanish" | "español" | "espanol" => Some("es"),
        _ => None,
    }
}

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split([';', ',', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A roster row, read and checked on its own (what needs the database comes later).
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    /// Its line.
    pub line: u64,
    /// The registration it makes (no password; schools and organization resolved later).
    pub registration: VolunteerRegistration,
    /// School codes, upper case.
    pub school_codes: Vec<String>,
    /// The partner organization's name, if given.
    pub organization: String,
    /// When they registered, if the old roster says.
    pub registered_on: Option<NaiveDate>,
    /// A current clearance the roster records.
    pub clearance: Option<ClearanceInput>,
    /// Their parent-leader role, if flagged.
    pub parent_leader_role: Option<String>,
}

fn day(rec: &Record, column: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let v = rec.get(column);
    if v.is_empty() {
        return None;
    }
    let d = csv_table::parse_day(v);
    if d.is_none() {
        errors.push(rec.problem(
            column,
            "invalid",
            "Write the day as 2026-03-14 or 3/14/2026.",
        ));
    }
    d
}

fn roster_row(rec: &Record, errors: &mut Vec<FieldError>) -> RosterRow {
    let mut name = rec.get("name").to_string();
    if name.is_empty() {
        name = format!("{} {}", rec.get("first_name"), rec.get("last_name"))
            .trim()
            .to_string();
    }
    if name.is_empty() {
        errors.push(rec.problem(
            "name",
            "required",
            "Give the volunteer's name (a name column, or first_name and last_name).",
        ));
    }
    let kind = parse_kind(rec.get("kind"));
    if kind.is_none() {
        errors.push(rec.problem(
            "kind",
            "invalid",
            "Use parent, community, partner, college student or employee.",
        ));
    }
    let language = parse_language(rec.get("language"));
    if language.is_none() {
        errors.push(rec.problem("language", "invalid", "Use en or es."));
    }
    let mut interests = vec![];
    for i in list(rec.get("interests")) {
        match parse_interest(i) {
            Some(i) => interests.push(i),
            None => errors.push(rec.problem(
                "interests",
                "invalid",
                format!("'{i}' is not an interest PartnerHub knows (for example tutor, mentor, chaperone)."),
            )),
        }
    }
    let school_codes: Vec<String> = list(rec.get("schools")).map(str::to_uppercase).collect();
    if school_codes.is_empty() {
        errors.push(rec.problem(
            "schools",
            "required",
            "Give at least one school code (separate several with ;).",
        ));
    }
    let registered_on = day(rec, "registered_on", errors);
    let cleared_on = day(rec, "cleared_on", errors);
    let expires_on = day(rec, "expires_on", errors);
    let clearance = match (cleared_on, expires_on) {
        (None, None) => None,
        (Some(from), Some(to)) => {
            let c = ClearanceInput {
                kind: ClearanceType::AnnualBackgroundCheck,
                status: ClearanceStatus::Cleared,
                cleared_on: Some(from),
                expires_on: Some(to),
                reference: match rec.get("clearance_reference") {
                    "" => "import".to_string(),
                    r => r.to_string(),
                },
            };
            if let Err(e) = c.validate() {
                for fe in domain::problem::field_errors(&e) {
                    let field = if fe.field == "__all__" {
                        "expires_on".into()
                    } else {
                        fe.field.clone()
                    };
                    errors.push(FieldError {
                        field: rec.at(&field),
                        ..fe
                    });
                }
            }
            Some(c)
        }
        _ => {
            errors.push(rec.problem(
                "expires_on",
                "required",
                "A clearance needs both the day it was cleared and the day it expires.",
            ));
            None
        }
    };
    let registration = VolunteerRegistration {
        name,
        email: rec.get("email").to_lowercase(),
        phone: rec.get("phone").to_string(),
        password: String::new(),
        preferred_language: language.unwrap_or("en").into(),
        kind: kind.unwrap_or(VolunteerKind::CommunityMember),
        organization_id: None,
        school_ids: vec![],
        interests,
        availability: rec.get("availability").to_string(),
        fax_number: String::new(),
    };
    // Schools and the organization are checked against the database later; the password is
    // never imported.
    if let Err(e) = registration.validate() {
        for fe in domain::problem::field_errors(&e) {
            let reported = fe.field == "name" && registration.name.is_empty();
            if reported
                || ["password", "school_ids", "organization_id", "__all__"]
                    .contains(&fe.field.as_str())
            {
                continue;
            }
            errors.push(FieldError {
                field: rec.at(&fe.field),
                ..fe
            });
        }
    }
    let organization = rec.get("organization").to_string();
    if registration.kind == VolunteerKind::PartnerAffiliated && organization.is_empty() {
        errors.push(rec.problem(
            "organization",
            "required",
            "Partner-affiliated volunteers need their partner organization's name.",
        ));
    }
    let role = rec.get("parent_leader_role");
    RosterRow {
        line: rec.line,
        registration,
        school_codes,
        organization,
        registered_on,
        clearance,
        parent_leader_role: (!role.is_empty()).then(|| role.chars().take(120).collect()),
    }
}

/// Reads a roster file: the rows that read well, and the problems of the others (problems
/// the database shows come later). A file that cannot be read at all is an error.
pub fn parse_roster(bytes: &[u8]) -> Result<(Vec<RosterRow>, Vec<FieldError>), Vec<FieldError>> {
    let records = csv_table::read(bytes, ROSTER, MAX_ROWS)?;
    Ok(keep_good(&records, roster_row))
}

/// Each record read into a row; rows with problems left out, their problems kept.
fn keep_good<T>(
    records: &[Record],
    mut read: impl FnMut(&Record, &mut Vec<FieldError>) -> T,
) -> (Vec<T>, Vec<FieldError>) {
    let mut errors = vec![];
    let mut rows = vec![];
    for r in records {
        let before = errors.len();
        let row = read(r, &mut errors);
        if errors.len() == before {
            rows.push(row);
        }
    }
    (rows, errors)
}

/// An hours row, read and checked on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursRow {
    /// Its line.
    pub line: u64,
    /// The volunteer's email.
    pub email: String,
    /// The school's code, upper case.
    pub school_code: String,
    /// What was done, when, how long, and the note (the school is resolved later).
    pub entry: HourInput,
}

fn hours_row(rec: &Record, today: NaiveDate, errors: &mut Vec<FieldError>) -> HoursRow {
    let email = rec.get("email").to_lowercase();
    if email.is_empty() {
        errors.push(rec.problem("email", "required", "Give the volunteer's email."));
    }
    let school_code = rec.get("school").to_uppercase();
    if school_code.is_empty() {
        errors.push(rec.problem("school", "required", "Give the school's code."));
    }
    let work_date = match csv_table::parse_day(rec.get("date")) {
        Some(d) if d > today => {
            errors.push(rec.problem("date", "invalid", "The day cannot be in the future."));
            d
        }
        Some(d) if d < today - chrono::Months::new(12 * OLDEST_YEARS.unsigned_abs()) => {
            errors.push(rec.problem(
                "date",
                "invalid",
                format!("Hours older than {OLDEST_YEARS} years are not imported."),
            ));
            d
        }
        Some(d) => d,
        None => {
            errors.push(rec.problem(
                "date",
                "invalid",
                "Write the day as 2026-03-14 or 3/14/2026.",
            ));
            today
        }
    };
    let activity = parse_interest(rec.get("activity"));
    if activity.is_none() {
        errors.push(rec.problem(
            "activity",
            "invalid",
            "Use an activity PartnerHub knows (for example tutor, mentor, chaperone).",
        ));
    }
    let minutes = match (rec.get("minutes"), rec.get("hours")) {
        ("", "") => None,
        ("", h) => h
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|h| h.is_finite() && *h > 0.0 && *h <= 24.0)
            .map(|h| (h * 60.0).round() as u32),
        (m, _) => m.parse::<u32>().ok(),
    };
    if minutes.is_none() {
        errors.push(rec.problem(
            if rec.get("minutes").is_empty() {
                "hours"
            } else {
                "minutes"
            },
            "invalid",
            "Give how long: hours (like 1.5) or minutes (like 90), at most 24 hours.",
        ));
    }
    let entry = HourInput {
        school_id: SchoolId(uuid::Uuid::nil()),
        activity: activity.unwrap_or(Interest::Tutor),
        work_date,
        minutes: minutes.unwrap_or(1),
        note: rec.get("note").to_string(),
        opportunity_id: None,
    };
    if minutes.is_some()
        && let Err(e) = entry.validate()
    {
        for fe in domain::problem::field_errors(&e) {
            let field = if fe.field == "minutes" && rec.get("minutes").is_empty() {
                "hours".to_string()
            } else {
                fe.field.clone()
            };
            errors.push(FieldError {
                field: rec.at(&field),
                ..fe
            });
        }
    }
    HoursRow {
        line: rec.line,
        email,
        school_code,
        entry,
    }
}

/// Reads an hours file: the rows that read well, and the problems of the others.
pub fn parse_hours(
    bytes: &[u8],
    today: NaiveDate,
) -> Result<(Vec<HoursRow>, Vec<FieldError>), Vec<FieldError>> {
    let records = csv_table::read(bytes, HOURS, MAX_ROWS)?;
    Ok(keep_good(&records, |r, errors| hours_row(r, today, errors)))
}

fn refuse(errors: Vec<FieldError>) -> ApiError {
    ApiError::Validation {
        detail: format!("{} problem(s) found; nothing was imported.", errors.len()),
        errors,
    }
}

/// Imports are the office's (staff and admins), like recording clearances: the routes ask
/// before the upload is read.
pub fn may_import(auth: &AuthUser) -> ApiResult<()> {
    auth.require(Permission::ManageVolunteers)
}

/// School ids by code, for the codes a file names (unknown codes are missing).
async fn schools_by_code<'a>(
    db: &impl ConnectionTrait,
    codes: impl Iterator<Item = &'a String>,
) -> ApiResult<HashMap<String, SchoolId>> {
    let mut out = HashMap::new();
    for code in codes {
        if out.contains_key(code) {
            continue;
        }
        if let Some(s) = schools::find_by_code(db, code).await? {
            out.insert(code.clone(), s.id);
        }
    }
    Ok(out)
}

/// Imports a volunteer roster (office staff and admins), or answers what it would do.
pub async fn import_roster(
    db: &DatabaseConnection,
    auth: &AuthUser,
    public_url: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> ApiResult<ImportOutcome> {
    may_import(auth)?;
    let (mut rows, mut errors) = parse_roster(bytes).map_err(refuse)?;
    let dry_run = opts.dry_run.unwrap_or(false);
    let invite = opts.invite.unwrap_or(true);

    let codes = schools_by_code(db, rows.iter().flat_map(|r| r.school_codes.iter())).await?;
    let mut orgs: HashMap<String, Option<OrganizationId>> = HashMap::new();
    let existing_people: HashSet<(String, String)> = repo::name_phone_keys(db)
        .await?
        .into_iter()
        .map(|(_, name, phone)| (name, phone_key(&phone)))
        .collect();
    let mut seen_email: HashMap<String, u64> = HashMap::new();
    let mut seen_person: HashMap<(String, String), u64> = HashMap::new();
    let mut skipped = vec![];
    let mut new_rows = vec![];
    for row in rows.iter_mut() {
        let at = |f: &str| format!("line {}: {f}", row.line);
        for code in &row.school_codes {
            match codes.get(code) {
                Some(id) => row.registration.school_ids.push(*id),
                None => errors.push(FieldError::new(
                    at("schools"),
                    "unknown",
                    format!("No school has the code {code}."),
                )),
            }
        }
        if !row.organization.is_empty() {
            if !orgs.contains_key(&row.organization) {
                let found = organizations::find_by_name(db, &row.organization).await?;
                orgs.insert(row.organization.clone(), found);
            }
            match orgs.get(&row.organization).copied().flatten() {
                Some(o) => row.registration.organization_id = Some(o),
                None => errors.push(FieldError::new(
                    at("organization"),
                    "unknown",
                    "No partner organization has this name.",
                )),
            }
        }
        let email = row.registration.email.clone();
        let person = (
            repo::name_key(&row.registration.name),
            phone_key(&row.registration.phone),
        );
        if let Some(first) = seen_email.insert(email.clone(), row.line) {
            errors.push(FieldError::new(
                at("email"),
                "duplicate",
                format!("This email is also on line {first}: one person, one row."),
            ));
            continue;
        }
        if let Some(first) = seen_person.insert(person.clone(), row.line) {
            errors.push(FieldError::new(
                at("name"),
                "duplicate",
                format!("The same name and phone are also on line {first}: one person, one row."),
            ));
            continue;
        }
        if let Some(account) = users::find_by_email(db, &email).await? {
            if account.user.role != Role::Volunteer {
                errors.push(FieldError::new(
                    at("email"),
                    "taken",
                    "This email belongs to a staff or partner account; use another email for the volunteer.",
                ));
            } else {
                skipped.push(SkippedRow {
                    line: row.line,
                    reason: "Already registered (the same email).".into(),
                });
            }
            continue;
        }
        if existing_people.contains(&person) {
            skipped.push(SkippedRow {
                line: row.line,
                reason: "Already registered (the same name and phone).".into(),
            });
            continue;
        }
        new_rows.push(row.line);
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| line_of(&e.field));
        return Err(refuse(errors));
    }
    let mut outcome = ImportOutcome {
        dry_run,
        imported: u32::try_from(new_rows.len()).unwrap_or(u32::MAX),
        skipped,
        invited: 0,
        minutes: 0,
    };
    if dry_run {
        return Ok(outcome);
    }

    let txn = db::begin_write(db).await?;
    for row in rows.iter().filter(|r| new_rows.contains(&r.line)) {
        let r = &row.registration;
        let user = users::create(
            &txn,
            users::NewUser {
                email: &r.email,
                display_name: r.name.trim(),
                role: Role::Volunteer,
                school_ids: &[],
                password_hash: NO_PASSWORD.into(),
                change_required: false,
            },
        )
        .await?;
        let profile = repo::insert(&txn, user.id, r).await?;
        let id = VolunteerId(profile.id);
        if let Some(on) = row.registered_on {
            repo::set_registered_on(&txn, id, on).await?;
        }
        let clearance = row.clearance.clone().unwrap_or(ClearanceInput {
            kind: ClearanceType::AnnualBackgroundCheck,
            status: ClearanceStatus::Pending,
            cleared_on: None,
            expires_on: None,
            reference: "import".into(),
        });
        repo::add_clearance(&txn, id, &clearance, Some(auth.id)).await?;
        super::volunteers::keep_cleared_until(&txn, id).await?;
        if let Some(role) = &row.parent_leader_role {
            // They hold the role from the day they registered (the roster gives no other day).
            let since = row.registered_on.unwrap_or(profile.created_at.date_naive());
            repo::start_role(&txn, id, role, since, Some(auth.id)).await?;
            // Nothing above changed the profile's version.
            repo::set_parent_leader(&txn, id, profile.version, Some(role.as_str())).await?;
        }
        audit::record(
            &txn,
            NewAuditEvent {
                actor: Some(auth.id),
                action: "import",
                entity: AuditEntity::Volunteer,
                entity_id: id.to_string(),
                changes: serde_json::json!({
                    "kind": r.kind,
                    "schools": r.school_ids,
                    "clearance": clearance.status,
                    "parent_leader": row.parent_leader_role.is_some(),
                }),
                request_id: auth.request_id.clone(),
            },
        )
        .await?;
        if invite {
            passwords::queue_link(
                &txn,
                public_url,
                user.id,
                &r.email,
                r.preferred_language == "es",
                Purpose::Invitation,
            )
            .await?;
            outcome.invited += 1;
        }
    }
    txn.commit().await?;
    tracing::info!(
        import.created = outcome.imported,
        import.skipped = outcome.skipped.len(),
        import.invited = outcome.invited,
        "volunteer roster imported"
    );
    Ok(outcome)
}

fn line_of(field: &str) -> u64 {
    field
        .strip_prefix("line ")
        .and_then(|r| r.split(':').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Imports past hours as approved (office staff and admins), or answers what it would do.
pub async fn import_hours(
    db: &DatabaseConnection,
    auth: &AuthUser,
    bytes: &[u8],
    opts: &ImportOptions,
) -> ApiResult<ImportOutcome> {
    may_import(auth)?;
    let today = Utc::now().date_naive();
    let (mut rows, mut errors) = parse_hours(bytes, today).map_err(refuse)?;
    let dry_run = opts.dry_run.unwrap_or(false);

    let codes = schools_by_code(db, rows.iter().map(|r| &r.school_code)).await?;
    let mut people: HashMap<String, Option<VolunteerId>> = HashMap::new();
    let mut seen: HashMap<(VolunteerId, SchoolId, NaiveDate, Interest, u32), u64> = HashMap::new();
    let mut skipped = vec![];
    let mut new_rows: Vec<(u64, VolunteerId)> = vec![];
    for row in rows.iter_mut() {
        let at = |f: &str| format!("line {}: {f}", row.line);
        let school = codes.get(&row.school_code).copied();
        if school.is_none() {
            errors.push(FieldError::new(
                at("school"),
                "unknown",
                format!("No school has the code {}.", row.school_code),
            ));
        }
        if !people.contains_key(&row.email) {
            let found = match users::find_by_email(db, &row.email).await? {
                Some(a) if a.user.role == Role::Volunteer => repo::by_user(db, a.user.id)
                    .await
                    .ok()
                    .map(|v| VolunteerId(v.id)),
                _ => None,
            };
            people.insert(row.email.clone(), found);
        }
        let volunteer = people.get(&row.email).copied().flatten();
        if volunteer.is_none() {
            errors.push(FieldError::new(
                at("email"),
                "unknown",
                "No volunteer has this email; import the roster first.",
            ));
        }
        let (Some(volunteer), Some(school)) = (volunteer, school) else {
            continue;
        };
        row.entry.school_id = school;
        let e = &row.entry;
        let k = (volunteer, school, e.work_date, e.activity, e.minutes);
        if let Some(first) = seen.insert(k, row.line) {
            errors.push(FieldError::new(
                at("date"),
                "duplicate",
                format!(
                    "The same volunteer, school, day, activity and duration are on line {first}; \
                     combine the two rows or correct one."
                ),
            ));
            continue;
        }
        if hours::same_entry_exists(db, volunteer, school, e.activity, e.work_date, e.minutes)
            .await?
        {
            skipped.push(SkippedRow {
                line: row.line,
                reason:
                    "Already recorded (the same volunteer, school, day, activity and duration)."
                        .into(),
            });
            continue;
        }
        new_rows.push((row.line, volunteer));
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| line_of(&e.field));
        return Err(refuse(errors));
    }
    let by_line: HashMap<u64, VolunteerId> = new_rows.iter().copied().collect();
    let mut outcome = ImportOutcome {
        dry_run,
        imported: u32::try_from(new_rows.len()).unwrap_or(u32::MAX),
        skipped,
        invited: 0,
        minutes: rows
            .iter()
            .filter(|r| by_line.contains_key(&r.line))
            .map(|r| i64::from(r.entry.minutes))
            .sum(),
    };
    if dry_run || new_rows.is_empty() {
        return Ok(outcome);
    }

    let txn = db::begin_write(db).await?;
    let mut approved = Vec::with_capacity(new_rows.len());
    for row in rows.iter() {
        let Some(volunteer) = by_line.get(&row.line) else {
            continue;
        };
        let e = &row.entry;
        let stored = hours::insert(
            &txn,
            hours::NewEntry {
                volunteer: *volunteer,
                school: e.school_id,
                opportunity: None,
                activity: e.activity,
                work_date: e.work_date,
                minutes: e.minutes,
                note: &e.note,
                source: HourSource::Imported,
                status: HourStatus::Pending,
                checked_in_at: None,
                reason: None,
                supersedes: None,
                by: auth.id,
            },
        )
        .await?;
        hours::decide(
            &txn,
            domain::HourEntryId(stored.id),
            HourStatus::Approved,
            None,
            auth.id,
        )
        .await?;
        approved.push(volunteer_totals::Counted::of(&stored)?);
    }
    let year = volunteer_totals::counting_year(&txn).await?;
    volunteer_totals::add_all(&txn, &approved, year).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: "import",
            entity: AuditEntity::Hours,
            entity_id: "import".into(),
            changes: serde_json::json!({
                "entries": outcome.imported,
                "minutes": outcome.minutes,
                "skipped": outcome.skipped.len(),
            }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    outcome.dry_run = false;
    tracing::info!(
        import.created = outcome.imported,
        import.skipped = outcome.skipped.len(),
        "past hours imported"
    );
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_spanish_roster_with_split_names_is_understood() {
        let csv = "Nombre de pila,Apellido,Correo,Teléfono,Idioma,Tipo,Escuelas,Intereses,Fecha de autorización,Vence,Referencia\n\
                   Ana,López,ANA@example.org,704-555-0101,español,madre,e001; m002,tutor;Read with a student,2026-08-01,2027-07-31,SCR-1\n";
        let (rows, errs) = parse_roster(csv.as_bytes()).unwrap();
        assert!(errs.is_empty(), "{errs:?}");
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.registration.name, "Ana López");
        assert_eq!(r.registration.email, "ana@example.org");
        assert_eq!(r.registration.preferred_language, "es");
        assert_eq!(r.registration.kind, VolunteerKind::ParentGuardian);
        assert_eq!(r.school_codes, vec!["E001", "M002"]);
        assert_eq!(
            r.registration.interests,
            vec![Interest::Tutor, Interest::ReadWithStudent]
        );
        let c = r.clearance.as_ref().unwrap();
        assert_eq!(
            (c.cleared_on, c.expires_on),
            (Some(d(2026, 8, 1)), Some(d(2027, 7, 31)))
        );
        assert_eq!(c.reference, "SCR-1");
    }

    #[test]
    fn every_bad_roster_row_is_reported_with_its_line() {
        let csv = "name,email,phone,kind,schools,expires_on\n\
                   Ana López,ana@example.org,704-555-0101,parent,E001,\n\
                   ,not-an-email,12,alien,,\n\
                   Bo Chen,bo@example.org,704-555-0102,partner,E001,2027-01-01\n";
        let (rows, errs) = parse_roster(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1, "the good row is kept");
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "line 3: name",
                "line 3: kind",
                "line 3: schools",
                "line 3: email",
                "line 3: phone",
                "line 4: expires_on",
                "line 4: organization",
            ]
        );
    }

    #[test]
    fn hours_rows_take_hours_or_minutes_and_refuse_the_future() {
        let today = d(2026, 11, 23);
        let csv = "Volunteer Email,School Code,Date,Activity,Hours,Minutes,Note\n\
                   Ana@Example.org,e001,3/14/2026,Reading,1.5,,Second grade\n\
                   bo@example.org,E001,2026-11-01,mentor,,45,\n";
        let (rows, errs) = parse_hours(csv.as_bytes(), today).unwrap();
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(rows[0].email, "ana@example.org");
        assert_eq!(rows[0].school_code, "E001");
        assert_eq!(rows[0].entry.work_date, d(2026, 3, 14));
        assert_eq!(rows[0].entry.activity, Interest::ReadWithStudent);
        assert_eq!(rows[0].entry.minutes, 90);
        assert_eq!(rows[1].entry.minutes, 45);

        let bad = "email,school,date,activity,hours\n\
                   a@example.org,E001,2026-12-01,tutor,2\n\
                   a@example.org,E001,2026-11-01,juggling,30\n\
                   ,E001,yesterday,tutor,\n";
        let (rows, errs) = parse_hours(bad.as_bytes(), today).unwrap();
        assert!(rows.is_empty());
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "line 2: date",
                "line 3: activity",
                "line 3: hours",
                "line 4: email",
                "line 4: date",
                "line 4: hours",
            ]
        );
    }

    #[test]
    fn kinds_and_interests_are_read_loosely() {
        assert_eq!(
            parse_kind("Parent/Guardian"),
            Some(VolunteerKind::ParentGuardian)
        );
        assert_eq!(
            parse_kind("college_student"),
            Some(VolunteerKind::CollegeStudent)
        );
        assert_eq!(parse_kind("Empleado"), Some(VolunteerKind::Employee));
        assert_eq!(parse_kind("x"), None);
        assert_eq!(
            parse_interest("Chaperone field trips"),
            Some(Interest::Chaperone)
        );
        assert_eq!(parse_interest("marketing_pr"), Some(Interest::MarketingPr));
    }
}
