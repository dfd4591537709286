//! Signatures: each party signs the current document version; the last signature activates the
//! agreement once its effective date has come.

use super::*;

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
                let c = organizations::find_contact(&txn, row.organization_id, signatory).await;
                if !matches!(c, Ok(c) if c.user_id == Some(auth.id)) {
                    return Err(ApiError::Forbidden);
                }
            }
        }
        Party::Partner => return Err(ApiError::Forbidden),
    }
    req.validate().map_err(|e| ApiError::validation(&e))?;
    check_version(&row, version)?;
    if row.status != AgreementStatus::AwaitingSignatures {
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
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Agreement,
        id,
        AuditAction::Sign,
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
