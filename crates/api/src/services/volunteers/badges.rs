//! QR badges: issuing, revoking, checking at the door.

use super::*;

/// Revokes every badge the volunteer was issued (a lost or stolen badge): they stop checking
/// out at once; the volunteer's page shows a new one. Office staff; audited with the reason.
pub async fn revoke_badges(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: BadgeRevocation,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = repo::get(&txn, id).await.or_not_found("volunteer")?;
    repo::revoke_badges(&txn, id, version).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Volunteer,
        id,
        AuditAction::RevokeBadges,
        serde_json::json!({
            "badge_version": { "before": before.badge_version, "after": before.badge_version + 1 },
            "reason": input.reason.trim(),
        }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(volunteer.id = %id, "volunteer badges revoked");
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}

/// The signed-in volunteer's badge: name, today's standing and a QR code of the address where
/// anyone at a school can check it.
pub async fn badge(
    db: &DatabaseConnection,
    auth: &AuthUser,
    keys: &TokenKeys,
    public_url: &str,
    grace_days: u32,
) -> ApiResult<Badge> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    let row = repo::by_user(db, auth.id).await.or_not_found("volunteer")?;
    let v = assemble(db, &row, grace_days).await?;
    let token = keys.badge(v.id, row.badge_version)?;
    let verify_url = format!("{}/badge/{token}", public_url.trim_end_matches('/'));
    Ok(Badge {
        volunteer_id: v.id,
        token,
        name: v.name,
        standing: v.standing,
        qr_svg: crate::qr::svg(&verify_url)?,
        verify_url,
    })
}

/// What a scanned badge shows: the name as on a badge and whether they may serve today (never
/// why not: a denial is nobody's business at the front desk). A token that is not one of ours,
/// or names no volunteer, is a 404.
pub async fn check_badge(
    db: &DatabaseConnection,
    keys: &TokenKeys,
    token: &str,
    grace_days: u32,
) -> ApiResult<BadgeCheck> {
    let (id, version) = keys
        .badge_subject(token)
        .ok_or(ApiError::NotFound("badge"))?;
    let row = repo::get(db, id).await.or_not_found("badge")?;
    // A revoked badge (lost, stolen) is no badge at all.
    if version != row.badge_version {
        return Err(ApiError::NotFound("badge"));
    }
    let account = users::get(db, row.user_id).await?;
    let today = Utc::now().date_naive();
    let standing = rules::serving_standing(&repo::clearances(db, id).await?, today, grace_days);
    let active = account.user.status == domain::user::UserStatus::Active;
    let valid_through = match standing {
        Standing::Current { until, .. } => Some(until),
        Standing::InGrace { grace_until, .. } => Some(grace_until),
        _ => None,
    }
    .filter(|_| active);
    Ok(BadgeCheck {
        name: rules::badge_name(&account.user.display_name),
        may_serve: active && standing.may_serve(),
        valid_through,
        checked_on: today,
    })
}
