//! Reading agreements: the list, one agreement, the CSV export and the attention queue.

use super::*;

/// A page of agreements the caller may see.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &AgreementQuery,
) -> ApiResult<Page<AgreementSummary>> {
    auth.require(Permission::ReadAgreements)?;
    check_query(q)?;
    let v = visibility(auth)?;
    let after = crate::services::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(
        db,
        q,
        &v,
        today(),
        crate::services::page_limit(q.limit)?,
        after,
    )
    .await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

pub(super) fn check_query(q: &AgreementQuery) -> ApiResult<()> {
    if q.expiring_within_days.is_some_and(|d| d > 3650) {
        return Err(ApiError::invalid_field(
            "expiring_within_days",
            "range",
            "Use 0 to 3650 days.",
        ));
    }
    Ok(())
}

/// Every agreement matching the filters, as CSV (what the caller may see).
pub async fn export(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &AgreementQuery,
    cap: usize,
) -> ApiResult<String> {
    // The page size is not used (an export holds every row) but is checked like a list's.
    crate::services::page_limit(q.limit)?;
    auth.require(Permission::ReadAgreements)?;
    check_query(q)?;
    let v = visibility(auth)?;
    let mut rows = vec![];
    let mut after = None;
    loop {
        let (items, next) = repo::list(db, q, &v, today(), 500, after).await?;
        rows.extend(items);
        if rows.len() > cap {
            return Err(crate::services::too_many_rows(cap));
        }
        match next {
            Some(c) => after = Some(c),
            None => break,
        }
    }
    let school_codes = schools::codes_of(
        db,
        &rows
            .iter()
            .flat_map(|r| r.school_ids.iter().map(|s| s.0))
            .collect::<Vec<_>>(),
    )
    .await?;
    crate::services::csv_text(
        &[
            "id",
            "title",
            "kind",
            "status",
            "partner",
            "schools",
            "effective_from",
            "expires_on",
        ],
        rows.into_iter().map(|a| {
            vec![
                a.id.to_string(),
                a.title,
                a.kind.as_str().into(),
                a.status.as_str().into(),
                a.organization_name,
                a.school_ids
                    .iter()
                    .filter_map(|s| school_codes.get(&s.0).cloned())
                    .collect::<Vec<_>>()
                    .join(" "),
                a.effective_from.map(|d| d.to_string()).unwrap_or_default(),
                a.expires_on.map(|d| d.to_string()).unwrap_or_default(),
            ]
        }),
    )
}

/// One agreement with everything about it.
pub async fn get(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: AgreementId,
) -> ApiResult<Agreement> {
    let row = load_visible(db, auth, id).await?;
    let mut a = assemble(db, &row).await?;
    if !auth.role.can(Permission::ManageAgreements) {
        // Signers' addresses are evidence for the office, not for the other party.
        for s in &mut a.signatures {
            s.ip.clear();
        }
    }
    Ok(a)
}

/// Agreements in force that end within 90 days, with the reminder raised for each.
pub async fn attention(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<Vec<AttentionItem>> {
    auth.require(Permission::ReadAgreements)?;
    let v = visibility(auth)?;
    let today = today();
    let rows = repo::in_force_expiring_by(db, today + chrono::Days::new(90), &v).await?;
    let reminders = repo::reminders_for(db, &rows).await?;
    let summaries = repo::summaries(db, &rows).await?;
    Ok(rows
        .iter()
        .zip(summaries)
        .map(|(row, agreement)| AttentionItem {
            days_left: row
                .expires_on
                .map(|e| (e - today).num_days())
                .unwrap_or_default(),
            reminder_days: reminders.get(&row.id).copied(),
            agreement,
        })
        .collect())
}
