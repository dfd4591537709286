//! The office's view of the pipeline: the list, the board's counts, one application, the
//! partner's view, the CSV export.

use super::*;

pub(crate) fn visibility(auth: &AuthUser) -> ApiResult<Audience> {
    match auth.role {
        Role::Volunteer => Err(ApiError::Forbidden),
        _ => Ok(auth.audience()),
    }
}

/// What the spec declares of the pipeline's filters beyond their types.
pub(super) fn check_query(q: &ApplicationQuery) -> ApiResult<()> {
    if q.min_days_in_status.is_some_and(|d| d > 3650) {
        return Err(ApiError::invalid_field(
            "min_days_in_status",
            "range",
            "Use 0 to 3650 days.",
        ));
    }
    Ok(())
}

/// A page of the pipeline, scoped to what the caller may see.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &ApplicationQuery,
) -> ApiResult<Page<ApplicationSummary>> {
    let v = visibility(auth)?;
    check_query(q)?;
    let after = crate::services::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(db, q, &v, crate::services::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// The pipeline board's counts.
pub async fn pipeline(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<Vec<Stage>> {
    let v = visibility(auth)?;
    Ok(repo::counts(db, &v)
        .await?
        .into_iter()
        .map(|(status, count, oldest_since)| Stage {
            status,
            count,
            oldest_since,
        })
        .collect())
}

pub(super) async fn load_visible(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    id: ApplicationId,
) -> ApiResult<repo::Row> {
    let row = repo::get(db, id).await.or_not_found("application")?;
    let visible = match visibility(auth)? {
        Audience::All => true,
        Audience::Schools(mine) => repo::form_of(&row)?
            .program
            .school_ids
            .iter()
            .any(|s| mine.contains(s)),
        Audience::Organization(o) => row.organization_id == Some(o),
        Audience::Volunteer(_) => false,
    };
    // Drafts belong to the applicant until sent.
    if !visible || row.status == ApplicationStatus::Draft {
        return Err(ApiError::NotFound("application"));
    }
    Ok(row)
}

/// The full application for the office (staff and the schools it serves).
pub async fn detail(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
) -> ApiResult<Application> {
    if auth.role == Role::Partner {
        return Err(ApiError::Forbidden);
    }
    let row = load_visible(db, auth, id).await?;
    assemble(db, &row).await
}

/// What the partner sees of their application: status, form, message, history without
/// staff-only notes.
pub async fn partner_view(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
) -> ApiResult<ApplicantView> {
    let row = load_visible(db, auth, id).await?;
    let history = repo::history(db, id, false).await?;
    applicant_view(&row, history)
}

/// A fresh resume link for the partner's own open application (to answer a return for
/// information or to withdraw from the form). Earlier links stop working.
pub async fn reissue_link(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
) -> ApiResult<domain::application::ResumeLink> {
    if auth.role != Role::Partner {
        return Err(ApiError::Forbidden);
    }
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if !row.status.is_open() {
        return Err(ApiError::Conflict {
            code: ErrorCode::ApplicationClosed,
            detail: "this application is closed; nothing can be answered or withdrawn".into(),
        });
    }
    let token = new_token();
    repo::set_resume_token(&txn, id, hash_token(&token), link_expiry()).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Application,
        id,
        AuditAction::ReissueLink,
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(domain::application::ResumeLink {
        resume_token: token,
    })
}

/// Every active school, for the public form's school picker.
pub async fn school_choices(
    db: &DatabaseConnection,
) -> ApiResult<Vec<domain::school::SchoolChoice>> {
    Ok(schools::all_active(db)
        .await?
        .into_iter()
        .map(|s| domain::school::SchoolChoice {
            id: s.id,
            code: s.code,
            name: s.name,
        })
        .collect())
}

/// The filtered pipeline as CSV (staff). Cells a spreadsheet would run as formulas are made inert.
pub async fn export_csv(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &ApplicationQuery,
    cap: usize,
) -> ApiResult<String> {
    // The page size is not used (an export holds every row) but is checked like a list's.
    crate::services::page_limit(q.limit)?;
    office(auth)?;
    check_query(q)?;
    let mut rows = vec![];
    let mut after = None;
    loop {
        let (page, next) = repo::list(db, q, &Audience::All, 100, after).await?;
        rows.extend(page);
        if rows.len() > cap {
            return Err(crate::services::too_many_rows(cap));
        }
        match next {
            Some(c) => after = Some(c),
            None => break,
        }
    }
    let codes: std::collections::HashMap<_, _> = schools::all_active(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.code))
        .collect();
    let header = [
        "id",
        "status",
        "organization",
        "program",
        "support_areas",
        "schools",
        "owner_id",
        "submitted_at",
        "days_in_status",
    ];
    let now = chrono::Utc::now();
    let records = rows.into_iter().map(|a| {
        let areas = a
            .support_areas
            .iter()
            .map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(";");
        let school_codes = a
            .school_ids
            .iter()
            .filter_map(|s| codes.get(s).cloned())
            .collect::<Vec<_>>()
            .join(";");
        vec![
            a.id.to_string(),
            a.status.as_str().to_string(),
            a.organization_name.clone(),
            a.program_title.clone(),
            areas,
            school_codes,
            a.owner_id.map(|o| o.to_string()).unwrap_or_default(),
            a.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            (now - a.status_changed_at).num_days().max(0).to_string(),
        ]
    });
    crate::services::csv_text(&header, records)
}
