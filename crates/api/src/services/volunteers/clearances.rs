//! Clearances, the parent-leader flag and renewal reminders.

use super::*;

/// Keeps the profile's last day of clearance (what the dashboard's "registered" counts) in step
/// with the ledger; call in the transaction that changed the ledger.
pub async fn keep_cleared_until(db: &impl ConnectionTrait, id: VolunteerId) -> ApiResult<()> {
    let today = Utc::now().date_naive();
    let until = match rules::serving_standing(&repo::clearances(db, id).await?, today, 0) {
        // Without an end date: far in the future, and storable in every database.
        Standing::Current { until, .. } => {
            Some(until.min(chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(until)))
        }
        Standing::InGrace { expired_on, .. } | Standing::Expired { expired_on } => Some(expired_on),
        Standing::Pending | Standing::Denied | Standing::Missing => None,
    };
    repo::set_cleared_until(db, id, until).await?;
    Ok(())
}

/// Records a clearance decision (staff).
pub async fn record_clearance(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: ClearanceInput,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    repo::get(&txn, id).await.or_not_found("volunteer")?;
    repo::touch(&txn, id, version).await?;
    repo::add_clearance(&txn, id, &input, Some(auth.id)).await?;
    keep_cleared_until(&txn, id).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Volunteer,
        id,
        AuditAction::RecordClearance,
        serde_json::json!({ "kind": input.kind, "status": input.status,
                "cleared_on": input.cleared_on, "expires_on": input.expires_on }),
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}

/// Flags or unflags a parent leader: a coordinator of one of the volunteer's schools (another
/// school's volunteer: 404) or staff. Flagging starts a dated role (a new role name ends the one
/// held and starts it on the same day); unflagging ends it, on `on` (default today). Audited
/// with the role and the day.
pub async fn flag_parent_leader(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: ParentLeaderInput,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::FlagParentLeaders)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let today = Utc::now().date_naive();
    let on = input.on.unwrap_or(today);
    let txn = db::begin_write(db).await?;
    let row = repo::get(&txn, id).await.or_not_found("volunteer")?;
    if !repo::in_scope(&txn, id, &scope(auth)?).await? {
        return Err(ApiError::NotFound("volunteer"));
    }
    if row.ended_on.is_some() && input.parent_leader {
        return Err(ended_conflict());
    }
    let open = repo::open_role(&txn, id).await?;
    let change = rules::role_change(open.as_ref(), &input, on, today)
        .map_err(|(field, msg)| ApiError::invalid_field(field, "invalid", msg))?;
    match &change {
        rules::RoleChange::Start(role) => {
            repo::start_role(&txn, id, role, on, Some(auth.id)).await?;
        }
        rules::RoleChange::Replace(role) => {
            repo::end_roles(&txn, id, on).await?;
            repo::start_role(&txn, id, role, on, Some(auth.id)).await?;
        }
        rules::RoleChange::End => repo::end_roles(&txn, id, on).await?,
        rules::RoleChange::Unchanged => {}
    }
    let role = repo::open_role(&txn, id).await?.map(|r| r.role);
    repo::set_parent_leader(&txn, id, version, role.as_deref()).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Volunteer,
        id,
        if input.parent_leader {
            AuditAction::FlagParentLeader
        } else {
            AuditAction::UnflagParentLeader
        },
        serde_json::json!({ "parent_leader": input.parent_leader, "role": role,
                "on": on, "changed": change != rules::RoleChange::Unchanged }),
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}

/// Queues a renewal reminder, in the volunteer's language, for every clearance ending within
/// the renewal window (`RENEWAL_WINDOW_DAYS`) of `today` — once per volunteer and expiry date,
/// however often it runs. Answers how many were queued.
pub async fn remind_renewals(db: &DatabaseConnection, today: chrono::NaiveDate) -> ApiResult<u32> {
    let last = today + chrono::Days::new(rules::RENEWAL_WINDOW_DAYS.unsigned_abs());
    let mut queued = 0;
    for row in repo::clearances_ending(db, today, last).await? {
        let Some(until) = row.cleared_until else {
            continue;
        };
        let txn = db::begin_write(db).await?;
        if !repo::raise_renewal_reminder(&txn, row.id, until).await? {
            txn.rollback().await?;
            continue;
        }
        let account = users::get(&txn, row.user_id).await?;
        let (subject, body) = if row.preferred_language == "es" {
            (
                format!("Renueve su autorización de voluntario antes del {until}"),
                format!(
                    "Su autorización de voluntario vence el {until}. Renueve su registro para \
                     seguir inscribiéndose en oportunidades: /volunteer/me"
                ),
            )
        } else {
            (
                format!("Renew your volunteer clearance before {until}"),
                format!(
                    "Your volunteer clearance expires on {until}. Renew your registration to keep \
                     signing up for opportunities: /volunteer/me"
                ),
            )
        };
        db::repo::applications::queue_message(
            &txn,
            "clearance_renewal",
            &account.user.email,
            &subject,
            &body,
        )
        .await?;
        txn.commit().await?;
        queued += 1;
    }
    Ok(queued)
}
