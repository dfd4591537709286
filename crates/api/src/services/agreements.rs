//! Agreements (MOUs): drafting, review, signatures, activation, renewal, expiry, documents,
//! deliverables, the final report, renewal reminders and the active-MOU count per quarter.
//!
//! The rules live in `domain::agreement` (`next_status`, `count_by_quarter`); this module
//! applies them to stored agreements in transactions, with dated history and audit.

use chrono::{NaiveDate, Utc};
use db::repo::agreements::{self as repo, NewDocument, NewHistory};
use db::repo::applications::{self as applications, Visibility};
use db::repo::audit::{self as audit, NewAuditEvent};
use db::repo::{organizations, schools, users};
use domain::agreement::{
    self as rules, ACTIVE_MOU_DEFINITION, ACTIVE_MOUS_GOAL, Agreement, AgreementAction,
    AgreementActor, AgreementGrouping, AgreementInput, AgreementMetrics, AgreementQuery,
    AgreementStatus, AgreementSummary, AgreementTransition, AttentionItem, DeliverableProgress,
    DeliverableStatus, DocumentVersion, FinalReport, FinalReportInput, FinalReportReviewInput,
    Goal, GoalInput, MetricsQuery, Party, Quarter, SignRequest, Signature,
};
use domain::audit::AuditEntity;
use domain::intake::{ApplicationStatus, OrganizationStatus};
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::{AgreementId, DeliverableId, OrganizationId, Permission, Role, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use sha2::{Digest, Sha256};
use validator::Validate;

use super::applications::{step_error, visibility};
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};
use crate::storage::DocumentStore;

/// Reminder thresholds, days before expiry.
pub const REMINDER_DAYS: [i64; 3] = [90, 60, 30];

/// Today, as the office counts days.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

async fn assemble(db: &impl ConnectionTrait, row: &repo::Row) -> ApiResult<Agreement> {
    let id = AgreementId(row.id);
    let names = organizations::names_of(db, &[row.organization_id]).await?;
    let final_report = match &row.final_report {
        Some(json) => Some(serde_json::from_str::<FinalReport>(json).map_err(|e| {
            ApiError::Internal(anyhow::anyhow!("agreement {} final report: {e}", row.id))
        })?),
        None => None,
    };
    Ok(Agreement {
        id,
        title: row.title.clone(),
        kind: repo::kind_of(row)?,
        status: repo::status_of(row)?,
        organization_id: OrganizationId(row.organization_id),
        organization_name: names.get(&row.organization_id).cloned().unwrap_or_default(),
        application_id: row.application_id.map(domain::ApplicationId),
        school_ids: repo::schools_of(db, &[row.id])
            .await?
            .remove(&row.id)
            .unwrap_or_default(),
        department: row.department.clone(),
        owner_id: row.owner_id.map(UserId),
        owner_name: match row.owner_id {
            Some(o) => users::get(db, UserId(o))
                .await
                .ok()
                .map(|a| a.user.display_name),
            None => None,
        },
        partner_contact_id: repo::partner_contact(row),
        partner_contact_name: match repo::partner_contact(row) {
            Some(c) => organizations::find_contact(db, OrganizationId(row.organization_id), c)
                .await
                .ok()
                .map(|c| c.name),
            None => None,
        },
        effective_from: row.effective_from,
        expires_on: row.expires_on,
        renewal_term_months: row.renewal_term_months.and_then(|n| u16::try_from(n).ok()),
        notice_period_days: row.notice_period_days.and_then(|n| u16::try_from(n).ok()),
        end_reason: row.end_reason.clone(),
        deliverables: repo::deliverables(db, id).await?,
        signatures: repo::signatures(db, id).await?,
        documents: repo::documents(db, id).await?,
        history: repo::history(db, id).await?,
        final_report,
        status_changed_at: row.status_changed_at,
        version: row.version,
        created_at: row.created_at,
    })
}

/// The agreement when the caller may see it; 404 otherwise (never "exists but not yours").
async fn load_visible(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    id: AgreementId,
) -> ApiResult<repo::Row> {
    auth.require(Permission::ReadAgreements)?;
    let v = visibility(auth)?;
    if !repo::is_visible(db, id, &v).await? {
        return Err(ApiError::NotFound("agreement"));
    }
    repo::get(db, id).await.or_not_found("agreement")
}

fn is_own_partner(auth: &AuthUser, row: &repo::Row) -> bool {
    auth.role == Role::Partner && auth.organization_id.map(|o| o.0) == Some(row.organization_id)
}

/// Staff, admin, or a contact of the agreement's partner (documents, final report).
fn staff_or_own_partner(auth: &AuthUser, row: &repo::Row) -> ApiResult<()> {
    if auth.role.can(Permission::ManageAgreements) || is_own_partner(auth, row) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

fn check_version(row: &repo::Row, version: i32) -> ApiResult<()> {
    if row.version == version {
        Ok(())
    } else {
        Err(ApiError::VersionMismatch)
    }
}

async fn record(
    db: &impl ConnectionTrait,
    actor: Option<&AuthUser>,
    action: &str,
    id: AgreementId,
    changes: serde_json::Value,
) -> ApiResult<()> {
    audit::record(
        db,
        NewAuditEvent {
            actor: actor.map(|a| a.id),
            action,
            entity: AuditEntity::Agreement,
            entity_id: id.to_string(),
            changes,
            request_id: actor.and_then(|a| a.request_id.clone()),
        },
    )
    .await?;
    Ok(())
}

// ---------- reading ----------

/// A page of agreements the caller may see.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &AgreementQuery,
) -> ApiResult<Page<AgreementSummary>> {
    auth.require(Permission::ReadAgreements)?;
    check_query(q)?;
    let v = visibility(auth)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(db, q, &v, today(), super::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

fn check_query(q: &AgreementQuery) -> ApiResult<()> {
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
    super::page_limit(q.limit)?;
    auth.require(Permission::ReadAgreements)?;
    check_query(q)?;
    let v = visibility(auth)?;
    let mut rows = vec![];
    let mut after = None;
    loop {
        let (items, next) = repo::list(db, q, &v, today(), 500, after).await?;
        rows.extend(items);
        if rows.len() > cap {
            return Err(super::too_many_rows(cap));
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
    super::csv_text(
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

// ---------- drafting ----------

/// Checks the parties named in the terms; 422 naming the field otherwise.
async fn check_parties(db: &impl ConnectionTrait, input: &AgreementInput) -> ApiResult<String> {
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
        if applications::status_of(&row)? != ApplicationStatus::Approved {
            return Err(ApiError::Conflict {
                code: ErrorCode::ApplicationNotApproved,
                detail: "an agreement can only come from an approved application".into(),
            });
        }
        if row.organization_id != Some(input.organization_id.0) {
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
    let id = AgreementId(row.id);
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
    record(
        &txn,
        Some(auth),
        "create",
        id,
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
    if !repo::status_of(&row)?.is_editable() {
        return Err(ApiError::Conflict {
            code: ErrorCode::AgreementLocked,
            detail: "the terms can only change in draft or in review; return it to draft first"
                .into(),
        });
    }
    let org_name = check_parties(&txn, &input).await?;
    repo::replace_terms(&txn, id, version, &input, &org_name).await?;
    record(
        &txn,
        Some(auth),
        "update",
        id,
        serde_json::json!({ "title": input.title, "effective_from": input.effective_from,
            "expires_on": input.expires_on, "deliverables": input.deliverables.len() }),
    )
    .await?;
    txn.commit().await?;
    get(db, auth, id).await
}

// ---------- the lifecycle ----------

/// Moves the status through `rules::next_status` with history (dated `effective_on`) and
/// audit. The version check makes a concurrent second move fail instead of repeating.
#[allow(clippy::too_many_arguments)]
async fn move_status(
    db: &impl ConnectionTrait,
    actor: Option<&AuthUser>,
    row: &repo::Row,
    action: AgreementAction,
    note: Option<String>,
    effective_on: NaiveDate,
    new_expiry: Option<NaiveDate>,
) -> ApiResult<AgreementStatus> {
    let id = AgreementId(row.id);
    let from = repo::status_of(row)?;
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
    record(
        db,
        actor,
        action.as_str(),
        id,
        serde_json::json!({ "status": { "before": from, "after": to }, "note": note,
            "effective_on": effective_on, "expires_on": new_expiry }),
    )
    .await?;
    let org = OrganizationId(row.organization_id);
    if to.in_force() {
        organizations::set_status(db, org, OrganizationStatus::ActivePartner).await?;
    } else if from.in_force() && !repo::organization_has_other_in_force(db, org, id).await? {
        // The partnership ends with its last agreement in force.
        organizations::set_status(db, org, OrganizationStatus::Inactive).await?;
        let logins = users::partner_logins(db, org).await?;
        super::organizations::end_partner_logins(
            db,
            &super::Actor {
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
            NewAuditEvent {
                actor: actor.map(|a| a.id),
                action: "deactivate",
                entity: AuditEntity::Organization,
                entity_id: org.to_string(),
                changes: serde_json::json!({ "status": { "after": "inactive" },
                    "because": { "agreement": id, "action": action } }),
                request_id: actor.and_then(|a| a.request_id.clone()),
            },
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
            if !open.is_empty() && repo::status_of(&row)? == AgreementStatus::InReview {
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

/// Records a signature; the agreement becomes active when both parties have signed and the
/// effective date has come (else the daily job activates it on that date).
pub async fn sign(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: AgreementId,
    version: i32,
    req: SignRequest,
    ip: String,
) -> ApiResult<Agreement> {
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    match req.party {
        Party::District => auth.require(Permission::ManageAgreements)?,
        Party::Partner if is_own_partner(auth, &row) => {
            // The named signatory signs for the partner; without one, any of its logins.
            if let Some(signatory) = row.partner_contact_id {
                let c = organizations::find_contact(
                    &txn,
                    OrganizationId(row.organization_id),
                    domain::ContactId(signatory),
                )
                .await;
                if !matches!(c, Ok(c) if c.user_id == Some(auth.id.0)) {
                    return Err(ApiError::Forbidden);
                }
            }
        }
        Party::Partner => return Err(ApiError::Forbidden),
    }
    req.validate().map_err(|e| ApiError::validation(&e))?;
    check_version(&row, version)?;
    if repo::status_of(&row)? != AgreementStatus::AwaitingSignatures {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotAwaitingSignatures,
            detail: "this agreement is not waiting for signatures".into(),
        });
    }
    let signed = repo::signatures(&txn, id).await?;
    if signed.iter().any(|s| s.party == req.party) {
        return Err(ApiError::Conflict {
            code: ErrorCode::AlreadySigned,
            detail: format!("the {} has already signed", req.party.as_str()),
        });
    }
    let signed_version = repo::documents(&txn, id).await?.pop();
    repo::add_signature(
        &txn,
        id,
        &Signature {
            party: req.party,
            signer_name: req.signer_name.trim().to_string(),
            signer_id: Some(auth.id),
            signed_at: Utc::now(),
            ip,
            document_sha256: signed_version.map(|d| d.sha256),
        },
    )
    .await?;
    repo::touch(&txn, id, version).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: match req.party {
                Party::District => "sign_district",
                Party::Partner => "sign_partner",
            },
            from: None,
            to: None,
            note: None,
            effective_on: today(),
        },
    )
    .await?;
    record(
        &txn,
        Some(auth),
        "sign",
        id,
        serde_json::json!({ "party": req.party }),
    )
    .await?;
    let both = signed.len() + 1 >= Party::ALL.len();
    let row = repo::get(&txn, id).await?;
    if both && row.effective_from.is_some_and(|d| d <= today()) {
        move_status(
            &txn,
            None,
            &row,
            AgreementAction::Activate,
            None,
            today(),
            None,
        )
        .await?;
    }
    txn.commit().await?;
    get(db, auth, id).await
}

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
    record(
        &txn,
        Some(auth),
        "deliverable_progress",
        id,
        serde_json::json!({ "deliverable": deliverable, "status": req.status }),
    )
    .await?;
    txn.commit().await?;
    get(db, auth, id).await
}

// ---------- documents ----------

/// File types accepted, decided from the content's first bytes.
const ACCEPTED: [&str; 2] = [
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

/// What the content is, from its magic bytes (the name and the declared type are ignored).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let t = infer::get(bytes)?.mime_type();
    ACCEPTED.into_iter().find(|a| *a == t)
}

fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let s: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if s.trim().is_empty() {
        "agreement".into()
    } else {
        s.trim().to_string()
    }
}

/// Stores a new version of the agreement file (staff, or the partner's own contacts).
pub async fn upload(
    db: &DatabaseConnection,
    store: &dyn DocumentStore,
    auth: &AuthUser,
    id: AgreementId,
    filename: &str,
    bytes: Vec<u8>,
) -> ApiResult<DocumentVersion> {
    let row = load_visible(db, auth, id).await?;
    staff_or_own_partner(auth, &row)?;
    document_unlocked(&row)?;
    let Some(content_type) = sniff(&bytes) else {
        return Err(ApiError::UnsupportedMediaType(
            "the file is not a PDF or a Word (.docx) document",
        ));
    };
    let sha256 = hex(&Sha256::digest(&bytes));
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    // Content-addressed: the key is the hash, so the same file is stored once.
    store.put(&sha256, bytes).await?;
    let txn = db::begin_write(db).await?;
    // Again inside the write: a send for signature may have happened meanwhile.
    document_unlocked(&repo::get(&txn, id).await.or_not_found("agreement")?)?;
    let name = clean_filename(filename);
    let v = repo::add_document(
        &txn,
        id,
        NewDocument {
            filename: &name,
            content_type,
            size_bytes: size,
            sha256: &sha256,
            storage_key: &sha256,
            uploaded_by: Some(auth.id),
        },
    )
    .await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "upload",
            from: None,
            to: None,
            note: Some(v.filename.clone()),
            effective_on: today(),
        },
    )
    .await?;
    record(
        &txn,
        Some(auth),
        "upload",
        id,
        serde_json::json!({ "version": v.version, "sha256": v.sha256, "size": v.size_bytes }),
    )
    .await?;
    txn.commit().await?;
    Ok(v)
}

/// `409 document_locked` once signatures are requested: both parties sign one version.
fn document_unlocked(row: &repo::Row) -> ApiResult<()> {
    if repo::status_of(row)?.is_editable() {
        Ok(())
    } else {
        Err(ApiError::Conflict {
            code: ErrorCode::DocumentLocked,
            detail: "the file cannot change once signatures are requested; return the agreement \
                     to draft for a new version (and a new round of signatures)"
                .into(),
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One version of the agreement file (staff, or the partner's own contacts).
pub async fn download(
    db: &DatabaseConnection,
    store: &dyn DocumentStore,
    auth: &AuthUser,
    id: AgreementId,
    version: i32,
) -> ApiResult<(DocumentVersion, Vec<u8>)> {
    let row = load_visible(db, auth, id).await?;
    staff_or_own_partner(auth, &row)?;
    let (meta, key) = repo::document(db, id, version)
        .await
        .or_not_found("document")?;
    let bytes = store.get(&key).await?;
    Ok((meta, bytes))
}

// ---------- the final report ----------

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
    let status = repo::status_of(&row)?;
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
        .is_some_and(|r| r.review_status == "accepted")
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
        review_status: "submitted".into(),
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
    record(&txn, Some(auth), "final_report", id, serde_json::json!({})).await?;
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
        .filter(|r| r.review_status == "submitted")
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
        "accepted"
    } else {
        "changes_requested"
    }
    .into();
    report.review_note = input.note.trim().to_string();
    let json = serde_json::to_string(&report)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("final report: {e}")))?;
    repo::set_final_report(&txn, id, version, json).await?;
    let action = if input.accepted {
        "accept_final_report"
    } else {
        "request_final_report_changes"
    };
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action,
            from: None,
            to: None,
            note: Some(report.review_note.clone()).filter(|n| !n.is_empty()),
            effective_on: today(),
        },
    )
    .await?;
    record(&txn, Some(auth), action, id, serde_json::json!({})).await?;
    txn.commit().await?;
    get(db, auth, id).await
}

// ---------- the daily job ----------

/// What one run of the job did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobReport {
    /// Agreements activated (signed, effective date reached).
    pub activated: usize,
    /// Agreements expired.
    pub expired: usize,
    /// Renewal reminders raised (and queued in the outbox).
    pub reminders: usize,
}

/// Activates, expires and reminds as of `today`. Idempotent, and safe to run on several
/// servers at once: each change is its own transaction guarded by the row's version, and a
/// reminder is keyed by (agreement, threshold, expiry date) so it is raised once.
pub async fn run_due(db: &DatabaseConnection, today: NaiveDate) -> ApiResult<JobReport> {
    let mut report = JobReport::default();
    for row in repo::awaiting_from(db, today).await? {
        let id = AgreementId(row.id);
        if repo::signatures(db, id).await?.len() < Party::ALL.len() {
            continue;
        }
        let txn = db::begin_write(db).await?;
        match move_status(
            &txn,
            None,
            &row,
            AgreementAction::Activate,
            None,
            today,
            None,
        )
        .await
        {
            Ok(_) => {
                txn.commit().await?;
                report.activated += 1;
            }
            // Another server got there first.
            Err(ApiError::VersionMismatch) => txn.rollback().await?,
            Err(e) => return Err(e),
        }
    }
    for row in repo::past_expiry(db, today).await? {
        let Some(last_day) = row.expires_on else {
            continue;
        };
        // In effect through its last day: expired from the day after, however late the job.
        let effective = last_day.succ_opt().unwrap_or(last_day);
        let txn = db::begin_write(db).await?;
        let note = Some(format!("Expired after {last_day}"));
        match move_status(
            &txn,
            None,
            &row,
            AgreementAction::Expire,
            note,
            effective,
            None,
        )
        .await
        {
            Ok(_) => {
                let recipient = owner_email(&txn, &row).await;
                applications::queue_message(
                    &txn,
                    "agreement_expired",
                    &recipient,
                    &format!("Expired: \"{}\"", row.title),
                    &format!(
                        "The agreement \"{}\" ended after {last_day}: /agreements/{}",
                        row.title, row.id
                    ),
                )
                .await?;
                txn.commit().await?;
                report.expired += 1;
            }
            Err(ApiError::VersionMismatch) => txn.rollback().await?,
            Err(e) => return Err(e),
        }
    }
    let horizon = today + chrono::Days::new(90);
    for row in repo::in_force_expiring_by(db, horizon, &Visibility::All).await? {
        let Some(expires) = row.expires_on else {
            continue;
        };
        let days_left = (expires - today).num_days();
        // The nearest threshold reached; thresholds passed while nobody ran the job are skipped.
        let Some(threshold) = REMINDER_DAYS
            .iter()
            .copied()
            .filter(|t| days_left <= *t)
            .min()
        else {
            continue;
        };
        let txn = db::begin_write(db).await?;
        let id = AgreementId(row.id);
        let owner = row.owner_id.map(UserId);
        let threshold = i32::try_from(threshold).unwrap_or(30);
        if repo::raise_reminder(&txn, id, threshold, expires, owner).await? {
            queue_reminder(&txn, &row, threshold, expires).await?;
            txn.commit().await?;
            report.reminders += 1;
        } else {
            txn.rollback().await?;
        }
    }
    Ok(report)
}

/// The district owner's email; the office's shared queue when nobody owns the agreement.
async fn owner_email(db: &impl ConnectionTrait, row: &repo::Row) -> String {
    match row.owner_id {
        Some(o) => users::get(db, UserId(o)).await.ok().map(|a| a.user.email),
        None => None,
    }
    .unwrap_or_else(|| "partnerships-office".into())
}

async fn queue_reminder(
    db: &impl ConnectionTrait,
    row: &repo::Row,
    threshold: i32,
    expires: NaiveDate,
) -> ApiResult<()> {
    let recipient = owner_email(db, row).await;
    applications::queue_message(
        db,
        "agreement_renewal",
        &recipient,
        &format!("Renewal due: \"{}\" expires in {threshold} days", row.title),
        &format!(
            "The agreement \"{}\" expires on {expires}. Decide whether to renew it: /agreements/{}",
            row.title, row.id
        ),
    )
    .await?;
    Ok(())
}

/// Runs the job every `interval` until the process ends. Errors are logged and retried at
/// the next tick.
pub async fn run_forever(db: DatabaseConnection, interval: std::time::Duration) {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match run_due(&db, today()).await {
            Ok(r) if r != JobReport::default() => tracing::info!(
                activated = r.activated,
                expired = r.expired,
                reminders = r.reminders,
                "agreement job"
            ),
            Ok(_) => {}
            Err(e) => tracing::error!(error = ?e, "agreement job failed"),
        }
    }
}

// ---------- counting against the goal ----------

/// Active MOUs per quarter against the goal, with the agreements behind each number.
pub async fn metrics(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &MetricsQuery,
) -> ApiResult<AgreementMetrics> {
    auth.require(Permission::ReadMetrics)?;
    let to = q.to.unwrap_or_else(today);
    let from = q
        .from
        .unwrap_or_else(|| to - chrono::Months::new(12) + chrono::Days::new(1));
    if from > to {
        return Err(ApiError::invalid_field(
            "from",
            "after_to",
            "`from` comes after `to`.",
        ));
    }
    let quarters = Quarter::range(from, to, 40);
    let up_to = quarters.last().map(|q| q.last_day()).unwrap_or(to);
    let goal = repo::get_goal(db, ACTIVE_MOUS_GOAL).await.ok();
    let kinds = goal
        .as_ref()
        .map(|g| g.counted_kinds.clone())
        .unwrap_or_default();
    let changes = repo::status_changes(db, up_to, &kinds).await?;
    let counts = rules::count_by_quarter(&changes, &quarters);
    let mut ids: Vec<AgreementId> = counts
        .iter()
        .flat_map(|c| {
            c.active
                .iter()
                .chain(&c.new)
                .chain(&c.renewed)
                .chain(&c.expired)
                .chain(&c.terminated)
                .copied()
        })
        .collect();
    ids.sort();
    ids.dedup();
    Ok(AgreementMetrics {
        definition: ACTIVE_MOU_DEFINITION.into(),
        group_by: q.group_by.unwrap_or(AgreementGrouping::Quarter),
        quarters: counts,
        goal,
        agreements: repo::refs(db, &ids).await?,
    })
}

/// Every goal.
pub async fn goals(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<Vec<Goal>> {
    auth.require(Permission::ReadMetrics)?;
    Ok(repo::goals(db).await?)
}

/// Changes a goal (admin).
pub async fn set_goal(
    db: &DatabaseConnection,
    auth: &AuthUser,
    key: &str,
    version: i32,
    input: GoalInput,
) -> ApiResult<Goal> {
    auth.require(Permission::ManageGoals)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = repo::get_goal(&txn, key).await.or_not_found("goal")?;
    repo::set_goal(&txn, key, version, &input, auth.id, Utc::now()).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: "update",
            entity: AuditEntity::Goal,
            entity_id: key.into(),
            changes: serde_json::json!({
                "baseline": { "before": before.baseline, "after": input.baseline },
                "target": { "before": before.target, "after": input.target },
                "deadline": { "before": before.deadline, "after": input.deadline },
                "counted_kinds": { "before": before.counted_kinds, "after": input.counted_kinds },
            }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(repo::get_goal(db, key).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_recognized_by_content_not_name() {
        assert_eq!(
            sniff(include_bytes!("../../tests/fixtures/mou.pdf")),
            Some("application/pdf")
        );
        assert_eq!(
            sniff(include_bytes!("../../tests/fixtures/mou.docx")),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n0000000000000000"), None);
        assert_eq!(sniff(b"just text, named mou.pdf"), None);
    }

    #[test]
    fn file_names_lose_their_paths_and_control_characters() {
        assert_eq!(clean_filename("../../etc/mou.pdf"), "mou.pdf");
        assert_eq!(clean_filename("C:\\docs\\a\u{0}b.pdf"), "ab.pdf");
        assert_eq!(clean_filename("  "), "agreement");
    }
}
