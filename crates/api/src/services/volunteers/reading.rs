//! Reading volunteers: one's own profile, a profile as the caller may see it, the list, the
//! CSV export.

use super::*;

pub(super) fn scope(auth: &AuthUser) -> ApiResult<Audience> {
    auth.require(Permission::ReadVolunteers)?;
    Ok(auth.audience())
}

/// The signed-in volunteer's own profile.
pub async fn me(db: &DatabaseConnection, auth: &AuthUser, grace_days: u32) -> ApiResult<Volunteer> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    let row = repo::by_user(db, auth.id).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}

/// One profile: the volunteer themself, staff, or a coordinator of one of their schools.
/// Anyone else gets 404 (a volunteer asking for another) or 403 (roles without access).
pub async fn get(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    if auth.role == Role::Volunteer {
        if row.user_id != auth.id {
            return Err(ApiError::NotFound("volunteer"));
        }
    } else if !repo::in_scope(db, id, &scope(auth)?).await? {
        return Err(ApiError::NotFound("volunteer"));
    }
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}

/// The profile as the caller may read it: the clearance ledger (decisions, denials, external
/// screening references) is for the office and the volunteer; a coordinator sees the standing.
pub(super) fn as_seen_by(mut v: Volunteer, auth: &AuthUser) -> Volunteer {
    if !auth.role.can(Permission::ManageVolunteers) && v.user_id != auth.id {
        v.clearances.clear();
    }
    v
}

/// A page of volunteers the caller may see.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &VolunteerQuery,
) -> ApiResult<Page<VolunteerSummary>> {
    let s = scope(auth)?;
    let after = crate::services::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(db, q, &s, crate::services::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// The volunteers the caller may see, as CSV: the list's filters, every match. No contact
/// details (the profile has them, for those who may see it).
pub async fn export_csv(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &VolunteerQuery,
    cap: usize,
) -> ApiResult<String> {
    // The page size is not used (an export holds every row) but is checked like a list's.
    crate::services::page_limit(q.limit)?;
    let items = crate::services::every_page(cap, |cursor| {
        let q = VolunteerQuery {
            limit: Some(domain::page::MAX_LIMIT),
            cursor,
            ..q.clone()
        };
        async move { browse(db, auth, &q).await }
    })
    .await?;
    let codes: std::collections::HashMap<_, _> = schools::all_active(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.code))
        .collect();
    let header = [
        "id",
        "name",
        "kind",
        "schools",
        "parent_leader",
        "registered_at",
    ];
    let rows = items.into_iter().map(|v| {
        vec![
            v.id.to_string(),
            v.name,
            v.kind.as_str().to_string(),
            v.school_ids
                .iter()
                .filter_map(|s| codes.get(s).cloned())
                .collect::<Vec<_>>()
                .join(";"),
            v.parent_leader.to_string(),
            v.created_at.to_rfc3339(),
        ]
    });
    crate::services::csv_text(&header, rows)
}
