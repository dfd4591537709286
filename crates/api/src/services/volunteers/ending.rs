//! Ending a volunteer's service (a profile ended, or the person stops) and reinstating it.

use super::*;

pub(super) fn ended_conflict() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::VolunteerEnded,
        detail: "This volunteer profile has ended. Office staff can reinstate it.".into(),
    }
}

/// Refuses what only a current volunteer may do (sign up, check in, log hours after the day
/// they left).
pub fn require_not_ended(row: &repo::Row, day: chrono::NaiveDate) -> ApiResult<()> {
    match row.ended_on {
        Some(end) if day >= end => Err(ended_conflict()),
        _ => Ok(()),
    }
}

/// Ends a profile: the volunteer left the program on `on`. From that day they are not counted
/// as registered, active or a parent leader (the roles they held end that day), they cannot
/// sign up or check in, and their hours stay in the history. Staff end any profile; the
/// volunteer ends their own (today). Audited with who and why.
pub(super) async fn end(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: Option<i32>,
    on: chrono::NaiveDate,
    reason: String,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    let today = Utc::now().date_naive();
    let txn = db::begin_write(db).await?;
    let row = repo::get(&txn, id).await.or_not_found("volunteer")?;
    rules::end_profile(
        repo::ended(&row).as_ref(),
        on,
        row.created_at.date_naive(),
        today,
    )
    .map_err(|e| match e {
        rules::ProfileRefusal::AlreadyEnded => ApiError::Conflict {
            code: ErrorCode::VolunteerAlreadyEnded,
            detail: "This volunteer profile has ended already.".into(),
        },
        rules::ProfileRefusal::Day((field, msg)) => ApiError::invalid_field(field, "invalid", msg),
    })?;
    if db::repo::hours::open_visit(&txn, id).await?.is_some() {
        return Err(ApiError::Conflict {
            code: ErrorCode::CheckedIn,
            detail: "The volunteer is checked in right now; check them out first.".into(),
        });
    }
    let end = domain::volunteer::ProfileEnd {
        ended_on: on,
        reason,
        ended_by: Some(auth.id),
    };
    repo::end_roles(&txn, id, on).await?;
    let version = version.unwrap_or(row.version);
    repo::set_end(&txn, id, version, Some(&end)).await?;
    repo::set_parent_leader(&txn, id, version + 1, None).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Volunteer,
        id,
        if auth.role == Role::Volunteer {
            AuditAction::StopVolunteering
        } else {
            AuditAction::EndProfile
        },
        serde_json::json!({ "ended_on": on, "reason": end.reason }),
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}

/// Office staff end a volunteer's profile (see [`end`]).
pub async fn end_profile(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: domain::volunteer::EndProfile,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let on = input.on.unwrap_or_else(|| Utc::now().date_naive());
    end(
        db,
        auth,
        id,
        Some(version),
        on,
        input.reason.trim().into(),
        grace_days,
    )
    .await
}

/// A volunteer stops volunteering, today (see [`end`]).
pub async fn stop_volunteering(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: domain::volunteer::StopVolunteering,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let row = repo::by_user(db, auth.id).await.or_not_found("volunteer")?;
    let reason = match input.reason.trim() {
        "" => "Stopped volunteering".to_string(),
        r => r.to_string(),
    };
    let id = row.id;
    end(
        db,
        auth,
        id,
        None,
        Utc::now().date_naive(),
        reason,
        grace_days,
    )
    .await
}

/// Office staff take back a profile's end (a mistake, or the volunteer returns): counted again
/// from today's records; the end stays in the audit trail. Their parent-leader roles stay ended.
pub async fn reinstate(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: domain::volunteer::Reinstate,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let row = repo::get(&txn, id).await.or_not_found("volunteer")?;
    let Some(was) = repo::ended(&row) else {
        return Err(ApiError::Conflict {
            code: ErrorCode::VolunteerNotEnded,
            detail: "This volunteer profile has not ended.".into(),
        });
    };
    repo::set_end(&txn, id, version, None).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Volunteer,
        id,
        AuditAction::ReinstateProfile,
        serde_json::json!({ "was_ended_on": was.ended_on,
                "was_reason": was.reason, "reason": input.reason.trim() }),
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}
