//! The volunteer roster import: parsing and checking each row, then creating or updating profiles.

use super::*;

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

pub(super) fn day(rec: &Record, column: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
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

pub(super) fn roster_row(rec: &Record, errors: &mut Vec<FieldError>) -> RosterRow {
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
        let id = profile.id;
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
        crate::services::volunteers::keep_cleared_until(&txn, id).await?;
        if let Some(role) = &row.parent_leader_role {
            // They hold the role from the day they registered (the roster gives no other day).
            let since = row.registered_on.unwrap_or(profile.created_at.date_naive());
            repo::start_role(&txn, id, role, since, Some(auth.id)).await?;
            // Nothing above changed the profile's version.
            repo::set_parent_leader(&txn, id, profile.version, Some(role.as_str())).await?;
        }
        audit::record(
            &txn,
            &Actor::from(auth),
            AuditEntity::Volunteer,
            id,
            AuditAction::Import,
            serde_json::json!({
                "kind": r.kind,
                "schools": r.school_ids,
                "clearance": clearance.status,
                "parent_leader": row.parent_leader_role.is_some(),
            }),
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
