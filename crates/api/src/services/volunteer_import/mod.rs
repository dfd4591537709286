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

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use chrono::{NaiveDate, Utc};
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

mod hour_entries;
mod roster;
pub use hour_entries::*;
pub use roster::*;

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

fn line_of(field: &str) -> u64 {
    field
        .strip_prefix("line ")
        .and_then(|r| r.split(':').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
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
