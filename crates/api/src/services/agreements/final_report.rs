//! Deliverables' progress and the final report (submitted by the partner, reviewed by staff).

use super::*;

/// Records progress on a deliverable (staff).
pub async fn set_progress(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: AgreementId,
    deliverable: DeliverableId,
    version: i32,
    req: DeliverableProgress,
) -> ApiResult<Agreement> {
    auth.require(Permission::ManageAgreements)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    check_version(&row, version)?;
    repo::set_deliverable_progress(&txn, id, deliverable, req.status, &req.evidence)
        .await
        .or_not_found("deliverable")?;
    repo::touch(&txn, id, version).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Agreement,
        id,
        AuditAction::DeliverableProgress,
        serde_json::json!({ "deliverable": deliverable, "status": req.status }),
    )
    .await?;
    txn.commit().await?;
    get(db, auth, id).await
}

/// The partner (or staff on their behalf) submits the final report with results per
/// deliverable; it can be sent again until accepted.
pub async fn submit_final_report(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: AgreementId,
    version: i32,
    input: FinalReportInput,
) -> ApiResult<Agreement> {
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    staff_or_own_partner(auth, &row)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    check_version(&row, version)?;
    let status = row.status;
    if !(status.in_force() || status.is_final()) {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotStarted,
            detail: "a final report can be sent once the agreement has been in force".into(),
        });
    }
    let current = assemble(&txn, &row).await?;
    if current
        .final_report
        .as_ref()
        .is_some_and(|r| r.review_status == ReportReview::Accepted)
    {
        return Err(ApiError::Conflict {
            code: ErrorCode::FinalReportAccepted,
            detail: "the final report has been accepted already".into(),
        });
    }
    for r in &input.results {
        if !current
            .deliverables
            .iter()
            .any(|d| d.id == r.deliverable_id)
        {
            return Err(ApiError::invalid_field(
                "results",
                "unknown_deliverable",
                "A result names a deliverable that is not in this agreement.",
            ));
        }
    }
    if current.deliverables.len() != input.results.len() {
        return Err(ApiError::invalid_field(
            "results",
            "incomplete",
            "Report a result for every deliverable.",
        ));
    }
    let report = FinalReport {
        summary: input.summary.trim().to_string(),
        results: input.results,
        submitted_by: Some(auth.id),
        submitted_at: Utc::now(),
        review_status: ReportReview::Submitted,
        review_note: String::new(),
    };
    let json = serde_json::to_string(&report)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("final report: {e}")))?;
    repo::set_final_report(&txn, id, version, json).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "final_report",
            from: None,
            to: None,
            note: None,
            effective_on: today(),
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Agreement,
        id,
        AuditAction::FinalReport,
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    get(db, auth, id).await
}

/// Staff accept the final report (deliverables become met / not met as reported) or ask for
/// changes with a note.
pub async fn review_final_report(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: AgreementId,
    version: i32,
    input: FinalReportReviewInput,
) -> ApiResult<Agreement> {
    auth.require(Permission::ManageAgreements)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    if !input.accepted && input.note.trim().is_empty() {
        return Err(ApiError::invalid_field(
            "note",
            "required",
            "Say what the partner should change.",
        ));
    }
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    check_version(&row, version)?;
    let current = assemble(&txn, &row).await?;
    let Some(mut report) = current
        .final_report
        .filter(|r| r.review_status == ReportReview::Submitted)
    else {
        return Err(ApiError::Conflict {
            code: ErrorCode::NoFinalReport,
            detail: "there is no submitted final report to review".into(),
        });
    };
    if input.accepted {
        for r in &report.results {
            let status = if r.met {
                DeliverableStatus::Met
            } else {
                DeliverableStatus::NotMet
            };
            let evidence = current
                .deliverables
                .iter()
                .find(|d| d.id == r.deliverable_id)
                .map(|d| {
                    if d.evidence.is_empty() {
                        r.achieved.clone()
                    } else {
                        format!("{}\n{}", d.evidence, r.achieved)
                    }
                })
                .unwrap_or_default();
            repo::set_deliverable_progress(&txn, id, r.deliverable_id, status, &evidence).await?;
        }
    }
    report.review_status = if input.accepted {
        ReportReview::Accepted
    } else {
        ReportReview::ChangesRequested
    };
    report.review_note = input.note.trim().to_string();
    let json = serde_json::to_string(&report)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("final report: {e}")))?;
    repo::set_final_report(&txn, id, version, json).await?;
    let action = if input.accepted {
        AuditAction::AcceptFinalReport
    } else {
        AuditAction::RequestFinalReportChanges
    };
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: action.as_str(),
            from: None,
            to: None,
            note: Some(report.review_note.clone()).filter(|n| !n.is_empty()),
            effective_on: today(),
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Agreement,
        id,
        action,
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    get(db, auth, id).await
}
