//! Matching a submitted application to the directory's organization it seems to come from. Staff
//! confirm a match before any link or contact is added.

use super::*;

/// The directory's organization a submitted application seems to come from: one with the same
/// EIN, else one with a similar name and the same website (when several do, the most similar
/// name; staff see it and decide).
pub(super) async fn likely_match(
    db: &impl ConnectionTrait,
    form: &ApplicationForm,
) -> ApiResult<Option<domain::OrganizationId>> {
    let input = org_input(form);
    let key = domain::organization::name_key(&input.legal_name);
    let best = organizations::same_ein_or_website(db, &input)
        .await?
        .into_iter()
        .map(|(o, same_ein)| {
            let likeness =
                strsim::jaro_winkler(&key, &domain::organization::name_key(&o.legal_name));
            (o.id, same_ein, likeness)
        })
        .filter(|(_, same_ein, likeness)| *same_ein || *likeness >= 0.9)
        .max_by(|a, b| {
            (a.1, a.2)
                .partial_cmp(&(b.1, b.2))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    Ok(best.map(|(id, _, _)| id))
}

/// Makes the application's organization an applicant (when it was a prospect or inactive) and
/// the applicant one of its contacts (the first is primary).
pub(super) async fn join_organization(
    db: &impl ConnectionTrait,
    org: domain::OrganizationId,
    form: &ApplicationForm,
) -> ApiResult<domain::OrganizationId> {
    let org = organizations::get(db, org).await?;
    if org.status == OrganizationStatus::Prospect || org.status == OrganizationStatus::Inactive {
        organizations::set_status(db, org.id, OrganizationStatus::Applicant).await?;
    }
    let c = &form.contact;
    if !org
        .contacts
        .iter()
        .any(|x| x.email.eq_ignore_ascii_case(c.email.trim()))
    {
        organizations::add_contact(
            db,
            org.id,
            &ContactInput {
                name: c.name.trim().into(),
                title: c.title.trim().into(),
                email: c.email.trim().to_lowercase(),
                phone: c.phone.trim().into(),
                is_primary: org.contacts.is_empty(),
            },
        )
        .await?;
    }
    Ok(org.id)
}

/// Staff require the partnership agreement for a one-time event, which would not need one;
/// who and why go into the history. Before formalizing only (sub-tasks are made from the
/// routing when formalizing starts).
pub async fn require_agreement(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: RequireAgreement,
) -> ApiResult<Application> {
    office(auth)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if row.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let app = assemble(&txn, &row).await?;
    if app.waived.is_empty() {
        return Err(ApiError::Conflict {
            code: ErrorCode::AgreementNotWaived,
            detail: "no formal agreement is waived for this application".into(),
        });
    }
    if !app.status.routing_open() {
        return Err(ApiError::Conflict {
            code: ErrorCode::TooLate,
            detail: "the formal processes are set once formalizing starts".into(),
        });
    }
    let note = req.note.trim().to_string();
    repo::set_agreement_required(&txn, id).await?;
    repo::touch(&txn, id, version).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "require_agreement",
            from: None,
            to: None,
            note: Some(note.clone()),
            staff_only: false,
        },
    )
    .await?;
    audit::record(
&txn,
&Actor::from(auth),
AuditEntity::Application,
id,
AuditAction::RequireAgreement,
serde_json::json!({ "agreement_required": { "before": false, "after": true }, "note": note }),
)
    .await?;
    txn.commit().await?;
    let row = load_visible(db, auth, id).await?;
    assemble(db, &row).await
}

/// Staff settle a possible match: link the application to the organization it seems to come
/// from (the applicant becomes a contact), or give it a new organization of its own.
pub async fn resolve_match(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: MatchResolution,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if row.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let (Some(candidate), None) = (row.matched_organization_id, row.organization_id) else {
        return Err(ApiError::Conflict {
            code: ErrorCode::NoMatchPending,
            detail: "this application has no possible match waiting for a decision".into(),
        });
    };
    let form = repo::form_of(&row)?;
    let org = match req.decision {
        MatchDecision::Link => candidate,
        MatchDecision::NewOrganization => organizations::create(&txn, &org_input(&form)).await?.id,
    };
    let org = join_organization(&txn, org, &form).await?;
    repo::set_organization(&txn, id, org).await?;
    repo::set_match(&txn, id, None).await?;
    repo::touch(&txn, id, version).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: match req.decision {
                MatchDecision::Link => "link_organization",
                MatchDecision::NewOrganization => "new_organization",
            },
            from: None,
            to: None,
            note: None,
            staff_only: true,
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Application,
        id,
        AuditAction::ResolveMatch,
        serde_json::json!({ "decision": req.decision, "candidate": candidate,
                "organization_id": { "before": null, "after": org } }),
    )
    .await?;
    txn.commit().await?;
    let row = load_visible(db, auth, id).await?;
    assemble(db, &row).await
}
