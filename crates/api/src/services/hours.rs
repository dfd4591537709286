//! Volunteer hours: volunteers log them or check in and out at the school (a current clearance
//! is needed to check in); a forgotten check-out is closed at the cap and flagged; coordinators
//! of the school (staff anywhere) approve or reject in bulk, all or none; a correction is a new
//! entry that supersedes the old one. The rules live in `domain::hours`.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use chrono::{DateTime, Utc};
use db::repo::audience::Audience;
use db::repo::hours::{self as repo, NewEntry, Row};
use db::repo::{opportunities, schools, volunteer_totals, volunteers};
use domain::audit::AuditEntity;
use domain::hours::{
    self as rules, CheckIn, CorrectionInput, HourAction, HourDecision, HourEntry, HourInput,
    HourQuery, HourSource, HourStatus, Verdict,
};
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::{HourEntryId, OpportunityId, Permission, Role, SchoolId, VolunteerId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::HashMap;
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};

/// The caller's volunteer profile (volunteer logins only).
fn me(auth: &AuthUser) -> ApiResult<VolunteerId> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    auth.volunteer_id.ok_or(ApiError::NotFound("volunteer"))
}

/// Whose entries the caller may see and decide.
/// Whose entries the caller sees: their own (a volunteer), their schools' (a coordinator),
/// everyone's (the office).
fn scope(auth: &AuthUser) -> ApiResult<Audience> {
    match auth.role {
        Role::Volunteer => Ok(Audience::Volunteer(me(auth)?)),
        Role::SchoolCoordinator => Ok(auth.audience()),
        _ => {
            auth.require(Permission::ReviewHours)?;
            Ok(auth.audience())
        }
    }
}

async fn assemble(db: &impl ConnectionTrait, rows: Vec<Row>) -> ApiResult<Vec<HourEntry>> {
    let vol_ids: Vec<VolunteerId> = rows.iter().map(|r| r.volunteer_id).collect();
    let names = volunteers::display_names(db, &vol_ids).await?;
    let mut school_ids: Vec<SchoolId> = rows.iter().map(|r| r.school_id).collect();
    school_ids.sort();
    school_ids.dedup();
    let school_names = schools::names_of(db, &school_ids).await?;
    rows.into_iter()
        .map(|r| {
            Ok(HourEntry {
                id: r.id,
                volunteer_id: r.volunteer_id,
                volunteer_name: names.get(&r.volunteer_id).cloned().unwrap_or_default(),
                school_id: r.school_id,
                school_name: school_names.get(&r.school_id).cloned().unwrap_or_default(),
                opportunity_id: r.opportunity_id,
                activity: r.activity,
                work_date: r.work_date,
                minutes: u32::try_from(r.minutes).unwrap_or(0),
                source: r.source,
                status: r.status,
                checked_in_at: r.checked_in_at,
                checked_out_at: r.checked_out_at,
                auto_checked_out: r.auto_checked_out,
                reason: r.reason,
                decided_by: r.decided_by,
                decided_at: r.decided_at,
                supersedes: r.supersedes,
                superseded_by: r.superseded_by,
                note: r.note,
                created_at: r.created_at,
            })
        })
        .collect()
}

async fn one(db: &impl ConnectionTrait, row: Row) -> ApiResult<HourEntry> {
    assemble(db, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("hour entry"))
}

async fn check_place(
    db: &impl ConnectionTrait,
    school: SchoolId,
    opportunity: Option<OpportunityId>,
    field: &str,
) -> ApiResult<()> {
    if schools::get(db, school).await.is_err() {
        return Err(ApiError::invalid_field(
            &format!("{field}school_id"),
            "unknown",
            "No such school.",
        ));
    }
    if let Some(o) = opportunity {
        match opportunities::get(db, o).await {
            Ok(row) if row.school_id == school => {}
            _ => {
                return Err(ApiError::invalid_field(
                    &format!("{field}opportunity_id"),
                    "unknown",
                    "No such opportunity at this school.",
                ));
            }
        }
    }
    Ok(())
}

fn check_input(input: &HourInput, field: &str) -> ApiResult<()> {
    input.check_date(Utc::now().date_naive()).map_err(|e| {
        let msg = e.message.as_deref().unwrap_or("Invalid day.").to_string();
        ApiError::invalid_field(&format!("{field}work_date"), "range", &msg)
    })
}

/// A volunteer logs hours (pending until the school's coordinator decides).
pub async fn log(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: HourInput,
) -> ApiResult<HourEntry> {
    let v = me(auth)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    check_input(&input, "")?;
    super::volunteers::require_not_ended(
        &db::repo::volunteers::get(db, v).await?,
        input.work_date,
    )?;
    check_place(db, input.school_id, input.opportunity_id, "").await?;
    let txn = db::begin_write(db).await?;
    let row = repo::insert(
        &txn,
        NewEntry {
            volunteer: v,
            school: input.school_id,
            opportunity: input.opportunity_id,
            activity: input.activity,
            work_date: input.work_date,
            minutes: input.minutes,
            note: &input.note,
            source: HourSource::Logged,
            status: HourStatus::Pending,
            checked_in_at: None,
            reason: None,
            supersedes: None,
            by: auth.id,
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Hours,
        row.id,
        AuditAction::Log,
        serde_json::json!({ "volunteer": v, "school": input.school_id,
            "work_date": input.work_date, "minutes": input.minutes }),
    )
    .await?;
    txn.commit().await?;
    one(db, row).await
}

/// A volunteer checks in at a school (a current clearance is needed; one visit at a time).
pub async fn check_in(
    db: &DatabaseConnection,
    auth: &AuthUser,
    req: CheckIn,
    grace_days: u32,
) -> ApiResult<HourEntry> {
    let v = me(auth)?;
    check_place(db, req.school_id, req.opportunity_id, "").await?;
    let txn = db::begin_write(db).await?;
    super::opportunities::require_clearance(&txn, v, grace_days).await?;
    if repo::open_visit(&txn, v).await?.is_some() {
        return Err(ApiError::Conflict {
            code: ErrorCode::AlreadyCheckedIn,
            detail: "You are already checked in. Check out first.".into(),
        });
    }
    let now = Utc::now();
    let row = repo::insert(
        &txn,
        NewEntry {
            volunteer: v,
            school: req.school_id,
            opportunity: req.opportunity_id,
            activity: req.activity,
            work_date: now.date_naive(),
            minutes: 0,
            note: "",
            source: HourSource::CheckIn,
            status: HourStatus::Open,
            checked_in_at: Some(now),
            reason: None,
            supersedes: None,
            by: auth.id,
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Hours,
        row.id,
        AuditAction::CheckIn,
        serde_json::json!({ "volunteer": v, "school": req.school_id }),
    )
    .await?;
    txn.commit().await?;
    one(db, row).await
}

/// Closes one open visit at `now` (or at the cap, flagged); `None` when it was already closed.
async fn close_visit(
    db: &impl ConnectionTrait,
    actor: Option<&AuthUser>,
    row: &Row,
    now: DateTime<Utc>,
    cap_hours: u32,
) -> ApiResult<Option<Row>> {
    let Some(checked_in) = row.checked_in_at else {
        return Ok(None);
    };
    let (out, minutes, capped) = rules::visit_length(checked_in, now, cap_hours);
    let action = if capped {
        HourAction::AutoCheckOut
    } else {
        HourAction::CheckOut
    };
    rules::next_hour_status(row.status, action).map_err(ApiError::transition)?;
    if !repo::close(db, row.id, out, minutes, capped).await? {
        return Ok(None);
    }
    audit::record(
        db,
        &Actor::of(actor),
        AuditEntity::Hours,
        row.id,
        action,
        serde_json::json!({ "checked_out_at": out, "minutes": minutes, "flagged": capped }),
    )
    .await?;
    Ok(Some(repo::get(db, row.id).await?))
}

/// A volunteer checks out of their open visit.
pub async fn check_out(
    db: &DatabaseConnection,
    auth: &AuthUser,
    cap_hours: u32,
) -> ApiResult<HourEntry> {
    let v = me(auth)?;
    let txn = db::begin_write(db).await?;
    let Some(open) = repo::open_visit(&txn, v).await? else {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotCheckedIn,
            detail: "You are not checked in anywhere.".into(),
        });
    };
    let row = close_visit(&txn, Some(auth), &open, Utc::now(), cap_hours)
        .await?
        .ok_or(ApiError::VersionMismatch)?;
    txn.commit().await?;
    one(db, row).await
}

/// Closes every visit left open past the cap (flagged for review). Safe to run on several
/// servers at once: each visit closes once.
pub async fn close_forgotten(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    cap_hours: u32,
) -> ApiResult<u32> {
    let before = now - chrono::Duration::hours(i64::from(cap_hours));
    let mut closed = 0;
    for row in repo::forgotten(db, before).await? {
        let txn = db::begin_write(db).await?;
        if close_visit(&txn, None, &row, now, cap_hours)
            .await?
            .is_some()
        {
            closed += 1;
        }
        txn.commit().await?;
    }
    Ok(closed)
}

/// A page of entries the caller may see.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &HourQuery,
) -> ApiResult<Page<HourEntry>> {
    let s = scope(auth)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (rows, next) = repo::list(db, q, &s, super::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items: assemble(db, rows).await?,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// Corrects an entry: a new pending entry supersedes it (both are kept). The volunteer their
/// own, coordinators their schools' (old and new school), staff any.
pub async fn correct(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: HourEntryId,
    input: CorrectionInput,
) -> ApiResult<HourEntry> {
    let s = scope(auth)?;
    let old = repo::get(db, id).await.or_not_found("hour entry")?;
    if !repo::in_scope(&old, &s) {
        return Err(ApiError::NotFound("hour entry"));
    }
    input.validate().map_err(|e| ApiError::validation(&e))?;
    check_input(&input.entry, "entry.")?;
    check_place(
        db,
        input.entry.school_id,
        input.entry.opportunity_id,
        "entry.",
    )
    .await?;
    if let Audience::Schools(ids) = &s
        && !ids.contains(&input.entry.school_id)
    {
        return Err(ApiError::Forbidden);
    }
    if old.status == HourStatus::Open {
        return Err(ApiError::Conflict {
            code: ErrorCode::VisitOpen,
            detail: "This visit is still open; check out before correcting it.".into(),
        });
    }
    let txn = db::begin_write(db).await?;
    let row = repo::insert(
        &txn,
        NewEntry {
            volunteer: old.volunteer_id,
            school: input.entry.school_id,
            opportunity: input.entry.opportunity_id,
            activity: input.entry.activity,
            work_date: input.entry.work_date,
            minutes: input.entry.minutes,
            note: &input.entry.note,
            source: HourSource::Logged,
            status: HourStatus::Pending,
            checked_in_at: None,
            reason: Some(input.reason.trim()),
            supersedes: Some(id),
            by: auth.id,
        },
    )
    .await
    .map_err(|e| match e {
        db::DbError::Duplicate(_) => already_corrected(),
        e => e.into(),
    })?;
    if !repo::link_correction(&txn, id, row.id).await? {
        return Err(already_corrected());
    }
    // A corrected approved entry no longer counts (its correction will when approved).
    if old.status == HourStatus::Approved {
        let year = volunteer_totals::counting_year(&txn).await?;
        volunteer_totals::take_back(&txn, &volunteer_totals::Counted::of(&old), year).await?;
    }
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Hours,
        row.id,
        AuditAction::Correct,
        serde_json::json!({ "supersedes": id, "minutes": input.entry.minutes,
            "work_date": input.entry.work_date, "reason": input.reason.trim() }),
    )
    .await?;
    txn.commit().await?;
    one(db, row).await
}

fn already_corrected() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::AlreadyCorrected,
        detail: "This entry was already corrected; correct the newest entry instead.".into(),
    }
}

/// Approves or rejects entries, all or none: every id must be visible to the caller (else 404
/// naming it, as if it did not exist) and pending (else 409).
pub async fn decide(
    db: &DatabaseConnection,
    auth: &AuthUser,
    req: HourDecision,
) -> ApiResult<Vec<HourEntry>> {
    auth.require(Permission::ReviewHours)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let reason = req.reason.trim();
    if req.decision == Verdict::Reject && reason.is_empty() {
        return Err(ApiError::invalid_field(
            "reason",
            "required",
            "Say why the hours are rejected; the volunteer sees it.",
        ));
    }
    let s = scope(auth)?;
    let mut ids = req.entry_ids.clone();
    ids.sort();
    ids.dedup();
    let txn = db::begin_write(db).await?;
    let rows: HashMap<HourEntryId, Row> = repo::many(&txn, &ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    for id in &ids {
        match rows.get(id) {
            Some(r) if repo::in_scope(r, &s) => {}
            _ => {
                return Err(ApiError::NotFound("hour entry"));
            }
        }
    }
    let mut decided = Vec::with_capacity(ids.len());
    let year = volunteer_totals::counting_year(&txn).await?;
    let mut approved = vec![];
    for id in &ids {
        let r = &rows[id];
        let to = rules::next_hour_status(r.status, req.decision.action())
            .map_err(ApiError::transition)?;
        let why = (req.decision == Verdict::Reject).then_some(reason);
        if !repo::decide(&txn, *id, to, why, auth.id).await? {
            return Err(ApiError::Conflict {
                code: ErrorCode::NotPending,
                detail: format!("hour entry {id} was corrected or decided meanwhile"),
            });
        }
        if to == HourStatus::Approved {
            approved.push(volunteer_totals::Counted::of(r));
        }
        audit::record(
            &txn,
            &Actor::from(auth),
            AuditEntity::Hours,
            id.0,
            req.decision.action(),
            serde_json::json!({ "to": to, "reason": why }),
        )
        .await?;
        decided.push(repo::get(&txn, *id).await?);
    }
    volunteer_totals::add_all(&txn, &approved, year).await?;
    txn.commit().await?;
    assemble(db, decided).await
}

/// The entries the caller may see, as CSV: the list's filters, every match.
pub async fn export_csv(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &HourQuery,
    cap: usize,
) -> ApiResult<String> {
    // The page size is not used (an export holds every row) but is checked like a list's.
    super::page_limit(q.limit)?;
    let items = super::every_page(cap, |cursor| {
        let q = HourQuery {
            limit: Some(domain::page::MAX_LIMIT),
            cursor,
            ..q.clone()
        };
        async move { browse(db, auth, &q).await }
    })
    .await?;
    let header = [
        "id",
        "volunteer",
        "school",
        "activity",
        "work_date",
        "minutes",
        "status",
        "source",
        "auto_checked_out",
        "reason",
        "note",
        "supersedes",
        "superseded_by",
        "created_at",
        "decided_at",
    ];
    let opt = |v: Option<HourEntryId>| v.map(|x| x.to_string()).unwrap_or_default();
    let rows = items.into_iter().map(|h| {
        vec![
            h.id.to_string(),
            h.volunteer_name,
            h.school_name,
            h.activity.as_str().to_string(),
            h.work_date.to_string(),
            h.minutes.to_string(),
            h.status.as_str().to_string(),
            h.source.as_str().to_string(),
            h.auto_checked_out.to_string(),
            h.reason.unwrap_or_default(),
            h.note,
            opt(h.supersedes),
            opt(h.superseded_by),
            h.created_at.to_rfc3339(),
            h.decided_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        ]
    });
    super::csv_text(&header, rows)
}
