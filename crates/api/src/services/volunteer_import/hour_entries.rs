//! The hours import: parsing and checking each row, then recording the entries.

use super::*;

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

pub(super) fn hours_row(rec: &Record, today: NaiveDate, errors: &mut Vec<FieldError>) -> HoursRow {
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
                Some(a) if a.user.role == Role::Volunteer => {
                    repo::by_user(db, a.user.id).await.ok().map(|v| v.id)
                }
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
        hours::decide(&txn, stored.id, HourStatus::Approved, None, auth.id).await?;
        approved.push(volunteer_totals::Counted::of(&stored));
    }
    let year = volunteer_totals::counting_year(&txn).await?;
    volunteer_totals::add_all(&txn, &approved, year).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Hours,
        AuditAction::Import,
        AuditAction::Import,
        serde_json::json!({
            "entries": outcome.imported,
            "minutes": outcome.minutes,
            "skipped": outcome.skipped.len(),
        }),
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
