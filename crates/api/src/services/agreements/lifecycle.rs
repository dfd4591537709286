//! Drafting agreements and moving them through their lifecycle (`domain::agreement::next_status`),
//! with dated history and audit.

use super::*;

/// Checks the parties named in the terms; 422 naming the field otherwise.
pub(super) async fn check_parties(
    db: &impl ConnectionTrait,
    input: &AgreementInput,
) -> ApiResult<String> {
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let org = organizations::get(db, input.organization_id)
        .await
        .map_err(|e| match e {
            db::DbError::NotFound => ApiError::invalid_field(
                "organization_id",
                "unknown",
                "No such partner organization.",
            ),
            e => e.into(),
        })?;
    if let Some(app) = input.application_id {
        let row = applications::get(db, app).await.map_err(|e| match e {
            db::DbError::NotFound => {
                ApiError::invalid_field("application_id", "unknown", "No such application.")
            }
            e => e.into(),
        })?;
        if row.status != ApplicationStatus::Approved {
            return Err(ApiError::Conflict {
                code: ErrorCode::ApplicationNotApproved,
                detail: "an agreement can only come from an approved application".into(),
            });
        }
        if row.organization_id != Some(input.organization_id) {
            return Err(ApiError::invalid_field(
                "organization_id",
                "mismatch",
                "The organization is not the one of the application.",
            ));
        }
    }
    if let Some(owner) = input.owner_id {
        let ok = users::get(db, owner)
            .await
            .ok()
            .is_some_and(|a| a.user.role.can(Permission::ManageAgreements));
        if !ok {
            return Err(ApiError::invalid_field(
                "owner_id",
                "not_staff",
                "The district owner must be a member of the office staff.",
            ));
        }
    }
    if let Some(contact) = input.partner_contact_id
        && organizations::find_contact(db, input.organization_id, contact)
            .await
            .is_err()
    {
        return Err(ApiError::invalid_field(
            "partner_contact_id",
            "unknown",
            "The signatory must be a contact of the partner organization.",
        ));
    }
    for s in &input.school_ids {
        if schools::get(db, *s).await.is_err() {
            return Err(ApiError::invalid_field(
                "school_ids",
                "unknown",
                "One of the schools does not exist.",
            ));
        }
    }
    Ok(org.legal_name)
}

/// Drafts a new agreement (staff).
pub async fn create(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: AgreementInput,
) -> ApiResult<Agreement> {
    auth.require(Permission::ManageAgreements)?;
    let txn = db::begin_write(db).await?;
    let org_name = check_parties(&txn, &input).await?;
    let row = repo::insert(&txn, &input, &org_name).await?;
    let id = row.id;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "create",
            from: None,
            to: Some(AgreementStatus::Draft),
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
        AuditAction::Create,
        serde_json::json!({ "title": input.title, "organization_id": input.organization_id,
            "application_id": input.application_id }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(agreement.id = %id, "agreement drafted");
    assemble(db, &row).await
}

/// Replaces the terms while in draft or review (staff).
pub async fn update(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: AgreementId,
    version: i32,
    input: AgreementInput,
) -> ApiResult<Agreement> {
    auth.require(Permission::ManageAgreements)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    check_version(&row, version)?;
    if !row.status.is_editable() {
        return Err(ApiError::Conflict {
            code: ErrorCode::AgreementLocked,
            detail: "the terms can only change in draft or in review; return it to draft first"
                .into(),
        });
    }
    let org_name = check_parties(&txn, &input).await?;
    repo::replace_terms(&txn, id, version, &input, &org_name).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Agreement,
        id,
        AuditAction::Update,
        serde_json::json!({ "title": input.title, "effective_from": input.effective_from,
            "expires_on": input.expires_on, "deliverables": input.deliverables.len() }),
    )
    .await?;
    txn.commit().await?;
    get(db, auth, id).await
}

/// Moves the status through `rules::next_status` with history (dated `effective_on`) and
/// audit. The version check makes a concurrent second move fail instead of repeating.
#[allow(clippy::too_many_arguments)]
pub(super) async fn move_status(
    db: &impl ConnectionTrait,
    actor: Option<&AuthUser>,
    row: &repo::Row,
    action: AgreementAction,
    note: Option<String>,
    effective_on: NaiveDate,
    new_expiry: Option<NaiveDate>,
) -> ApiResult<AgreementStatus> {
    let id = row.id;
    let from = row.status;
    let who = if actor.is_some() {
        AgreementActor::Staff
    } else {
        AgreementActor::System
    };
    let to = rules::next_status(from, action, who, note.as_deref()).map_err(step_error)?;
    let end_reason = (action == AgreementAction::Terminate)
        .then(|| note.clone())
        .flatten();
    repo::set_status(db, id, row.version, to, new_expiry, end_reason).await?;
    repo::add_history(
        db,
        id,
        NewHistory {
            actor: actor.map(|a| a.id),
            action: action.as_str(),
            from: Some(from),
            to: Some(to),
            note: note.clone(),
            effective_on,
        },
    )
    .await?;
    audit::record(
        db,
        &Actor::of(actor),
        AuditEntity::Agreement,
        id,
        action,
        serde_json::json!({ "status": { "before": from, "after": to }, "note": note,
            "effective_on": effective_on, "expires_on": new_expiry }),
    )
    .await?;
    let org = row.organization_id;
    if to.in_force() {
        organizations::set_status(db, org, OrganizationStatus::ActivePartner).await?;
    } else if from.in_force() && !repo::organization_has_other_in_force(db, org, id).await? {
        // The partnership ends with its last agreement in force.
        organizations::set_status(db, org, OrganizationStatus::Inactive).await?;
        let logins = users::partner_logins(db, org).await?;
        crate::services::organizations::end_partner_logins(
            db,
            &crate::services::Actor {
                user: actor.map(|a| a.id),
                request_id: actor.and_then(|a| a.request_id.clone()),
                role: actor.map(|a| a.role),
            },
            &logins,
            serde_json::json!({ "organization_inactive": org, "agreement": id }),
        )
        .await?;
        audit::record(
            db,
            &Actor::of(actor),
            AuditEntity::Organization,
            org,
            AuditAction::Deactivate,
            serde_json::json!({ "status": { "after": "inactive" },
                    "because": { "agreement": id, "action": action } }),
        )
        .await?;
    }
    Ok(to)
}

/// A step taken by staff.
pub async fn transition(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: AgreementId,
    version: i32,
    req: AgreementTransition,
) -> ApiResult<Agreement> {
    auth.require(Permission::ManageAgreements)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    check_version(&row, version)?;
    let note = req
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let mut new_expiry = None;
    match req.action {
        AgreementAction::SendForSignature => {
            let a = assemble(&txn, &row).await?;
            let open = rules::missing_for_signature(&a);
            if !open.is_empty() && row.status == AgreementStatus::InReview {
                return Err(ApiError::Conflict {
                    code: ErrorCode::AgreementIncomplete,
                    detail: format!(
                        "set the dates and at least one deliverable first; missing: {}",
                        open.join(", ")
                    ),
                });
            }
        }
        AgreementAction::Renew => {
            let Some(new) = req.new_expires_on else {
                return Err(ApiError::invalid_field(
                    "new_expires_on",
                    "required",
                    "Give the new expiry date of the renewed term.",
                ));
            };
            if row.expires_on.is_some_and(|old| new <= old) || new <= today() {
                return Err(ApiError::invalid_field(
                    "new_expires_on",
                    "not_later",
                    "The new expiry date must come after the current one and after today.",
                ));
            }
            new_expiry = Some(new);
        }
        AgreementAction::ReturnToDraft => {
            // The text may change: earlier signatures no longer apply.
            repo::clear_signatures(&txn, id).await?;
        }
        _ => {}
    }
    move_status(
        &txn,
        Some(auth),
        &row,
        req.action,
        note,
        today(),
        new_expiry,
    )
    .await?;
    txn.commit().await?;
    get(db, auth, id).await
}
