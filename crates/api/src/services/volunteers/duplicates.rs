//! Likely duplicate profiles and merging them.

use super::*;

/// Profiles that are likely one person: the same name and phone number (the same email cannot
/// register twice). Staff.
pub async fn duplicates(
    db: &DatabaseConnection,
    auth: &AuthUser,
) -> ApiResult<Vec<DuplicateGroup>> {
    auth.require(Permission::ManageVolunteers)?;
    let mut groups: std::collections::BTreeMap<(String, String), Vec<VolunteerId>> =
        Default::default();
    for (id, name, phone) in repo::name_phone_keys(db).await? {
        let phone = rules::phone_key(&phone);
        if name.is_empty() || phone.is_empty() {
            continue;
        }
        groups.entry((name, phone)).or_default().push(id);
    }
    let groups: Vec<Vec<VolunteerId>> = groups.into_values().filter(|ids| ids.len() > 1).collect();
    // One read for every group's profiles.
    let mut lines: std::collections::HashMap<VolunteerId, VolunteerSummary> =
        repo::summaries(db, &groups.concat())
            .await?
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
    let mut out: Vec<DuplicateGroup> = groups
        .into_iter()
        .map(|mut ids| {
            ids.sort();
            DuplicateGroup {
                why: "same_name_and_phone".into(),
                volunteers: ids.iter().filter_map(|id| lines.remove(id)).collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let first = |g: &DuplicateGroup| g.volunteers.first().map(|v| v.created_at);
        first(a).cmp(&first(b))
    });
    Ok(out)
}

/// Folds a duplicate profile into `keep` (staff), in one transaction: hours, sign-ups,
/// clearances, schools and interests move; the summaries are counted again for the school
/// years touched; a parent-leader flag carries over; the duplicate profile is removed and its
/// login deactivated (its sessions end). A second sign-up for the same opportunity keeps the
/// better one (a freed slot goes to the waitlist). Audited on both profiles.
pub async fn merge(
    db: &DatabaseConnection,
    auth: &AuthUser,
    keep: VolunteerId,
    version: i32,
    req: MergeRequest,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let dup = req.duplicate_id;
    if dup == keep {
        return Err(ApiError::invalid_field(
            "duplicate_id",
            "same",
            "Choose another profile: a profile cannot be merged into itself.",
        ));
    }
    let txn = db::begin_write(db).await?;
    let k = repo::get(&txn, keep).await.or_not_found("volunteer")?;
    let d = repo::get(&txn, dup).await.or_not_found("volunteer")?;
    if db::repo::hours::open_visit(&txn, keep).await?.is_some()
        && db::repo::hours::open_visit(&txn, dup).await?.is_some()
    {
        return Err(ApiError::Conflict {
            code: ErrorCode::BothCheckedIn,
            detail: "Both profiles are checked in right now; check one out first.".into(),
        });
    }
    repo::touch(&txn, keep, version).await?;
    let school_year = db::repo::volunteer_totals::counting_year(&txn).await?;
    let moved = db::repo::volunteer_merge::move_all(&txn, keep, dup, school_year).await?;
    for start in &moved.years {
        db::repo::volunteer_totals::recount_year(&txn, keep, *start, school_year).await?;
    }
    db::repo::volunteer_totals::move_kind(&txn, &moved.approved, d.kind.as_str(), k.kind.as_str())
        .await?;
    if d.parent_leader && !k.parent_leader {
        // The duplicate's roles moved with their dates; the kept profile holds its open one.
        let role = repo::open_role(&txn, keep).await?.map(|r| r.role);
        repo::set_parent_leader(&txn, keep, version + 1, role.as_deref()).await?;
    }
    keep_cleared_until(&txn, keep).await?;
    let login = users::get(&txn, d.user_id).await?;
    if login.user.status == domain::user::UserStatus::Active {
        users::set_status(
            &txn,
            d.user_id,
            login.user.version,
            domain::user::UserStatus::Deactivated,
        )
        .await?;
    }
    db::repo::tokens::revoke_user(&txn, d.user_id).await?;
    repo::remove(&txn, dup).await?;
    for opp in &moved.freed {
        let o = db::repo::opportunities::lock(&txn, *opp).await?;
        if o.status == domain::opportunity::OpportunityStatus::Open {
            crate::services::opportunities::fill_free_slots(
                &txn,
                auth,
                *opp,
                u32::try_from(o.slots).unwrap_or(0),
            )
            .await?;
        }
    }
    let reason = req.reason.trim();
    for (entity_id, action, changes) in [
        (
            keep,
            AuditAction::Merge,
            serde_json::json!({ "merged": dup, "reason": reason, "hours": moved.hours,
                "signups": moved.signups, "clearances": moved.clearances,
                "dropped_signups": moved.dropped }),
        ),
        (
            dup,
            AuditAction::MergedInto,
            serde_json::json!({ "into": keep, "login": d.user_id, "reason": reason }),
        ),
    ] {
        audit::record(
            &txn,
            &Actor::from(auth),
            AuditEntity::Volunteer,
            entity_id,
            action,
            changes,
        )
        .await?;
    }
    txn.commit().await?;
    tracing::info!(volunteer.id = %keep, merged = %dup, hours = moved.hours, "volunteer profiles merged");
    let row = repo::get(db, keep).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}
