//! The public form: starting a draft, resume links, saving, submitting and withdrawing, all by
//! resume token and without an account.

use super::*;

/// Starts a draft and queues the resume link. A filled-in honeypot gets a convincing answer
/// and nothing is stored.
pub async fn start(
    db: &DatabaseConnection,
    public_url: &str,
    req: StartApplication,
) -> ApiResult<DraftCreated> {
    let token = new_token();
    if !req.fax_number.trim().is_empty() {
        tracing::warn!("application honeypot filled in; dropped");
        return Ok(DraftCreated {
            application: ApplicantView {
                id: ApplicationId::new(),
                status: ApplicationStatus::Draft,
                form: req.form,
                message: None,
                history: vec![],
                version: 1,
            },
            resume_token: token,
        });
    }
    check_references(db, &req.form).await?;
    let txn = db::begin_write(db).await?;
    let row = repo::insert_draft(&txn, hash_token(&token), link_expiry(), &req.form).await?;
    queue_resume_link(&txn, public_url, &req.form, &token, None).await?;
    txn.commit().await?;
    tracing::info!(application.id = %row.id, "application draft started");
    Ok(DraftCreated {
        application: applicant_view(&row, vec![])?,
        resume_token: token,
    })
}

pub(super) async fn by_token(db: &impl ConnectionTrait, token: &str) -> ApiResult<repo::Row> {
    let row = repo::find_by_token_hash(db, &hash_token(token))
        .await
        .or_not_found("application")?;
    match row.resume_token_expires_at {
        Some(until) if until <= chrono::Utc::now() => Err(ApiError::LinkExpired),
        _ => Ok(row),
    }
}

/// Sends a fresh resume link for every application still open to its applicant (a draft, or
/// returned for information) whose contact email is `email`; earlier links stop working. The
/// answer is the same whether or not there is one, so it tells nobody who applied.
pub async fn send_fresh_links(
    db: &DatabaseConnection,
    public_url: &str,
    email: &str,
) -> ApiResult<()> {
    let email = email.trim().to_lowercase();
    let txn = db::begin_write(db).await?;
    let mut sent = 0;
    for row in repo::open_to_applicant(&txn).await? {
        let form = repo::form_of(&row)?;
        if form.contact.email.trim().to_lowercase() != email {
            continue;
        }
        let token = new_token();
        let id = row.id;
        repo::set_resume_token(&txn, id, hash_token(&token), link_expiry()).await?;
        queue_resume_link(&txn, public_url, &form, &token, None).await?;
        audit::record(
            &txn,
            &Actor::system(),
            AuditEntity::Application,
            id,
            AuditAction::SendFreshLink,
            serde_json::json!({}),
        )
        .await?;
        sent += 1;
    }
    txn.commit().await?;
    tracing::info!(links = sent, "fresh resume links requested");
    Ok(())
}

/// The applicant's view, by resume token.
pub async fn view(db: &DatabaseConnection, token: &str) -> ApiResult<ApplicantView> {
    let row = by_token(db, token).await?;
    let history = repo::history(db, row.id, false).await?;
    applicant_view(&row, history)
}

/// Saves the draft (or the answer to a return for information).
pub async fn save(
    db: &DatabaseConnection,
    token: &str,
    version: i32,
    form: ApplicationForm,
) -> ApiResult<ApplicantView> {
    check_references(db, &form).await?;
    let txn = db::begin_write(db).await?;
    let row = by_token(&txn, token).await?;
    let status = row.status;
    if !matches!(
        status,
        ApplicationStatus::Draft | ApplicationStatus::ReturnedForInformation
    ) {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotEditable,
            detail: "the application was sent; the office will contact you".into(),
        });
    }
    let id = row.id;
    repo::save_form(&txn, id, version, &form).await?;
    txn.commit().await?;
    view(db, token).await
}

pub(super) async fn check_submittable(
    db: &impl ConnectionTrait,
    form: &ApplicationForm,
) -> ApiResult<()> {
    let mut errors = match form.validate() {
        Ok(()) => vec![],
        Err(e) => domain::problem::field_errors(&e),
    };
    let o = &form.organization;
    if o.org_type.is_none() {
        errors.push(domain::problem::FieldError::new(
            "organization.org_type",
            "required",
            "Choose the type of organization.",
        ));
    }
    if o.tax_status.is_none() {
        errors.push(domain::problem::FieldError::new(
            "organization.tax_status",
            "required",
            "Choose the tax status.",
        ));
    }
    let as_org = org_input(form);
    if let Err(e) = as_org.validate() {
        for fe in domain::problem::field_errors(&e) {
            if matches!(fe.field.as_str(), "ein" | "website") {
                errors.push(domain::problem::FieldError {
                    field: format!("organization.{}", fe.field),
                    ..fe
                });
            }
        }
    }
    if intake::contradicts_tax_status(o.tax_status, &form.routing) {
        errors.push(domain::problem::FieldError::new(
            "routing.for_profit",
            "contradicts_tax_status",
            "This answer contradicts the declared tax status: correct one or the other.",
        ));
    }
    errors.extend(unknown_schools(db, form).await?);
    if errors.is_empty() {
        Ok(())
    } else {
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        Err(ApiError::Validation {
            detail: "Some answers are missing or invalid.".into(),
            errors,
        })
    }
}

/// The field error when the form names a school that does not exist.
pub(super) async fn unknown_schools(
    db: &impl ConnectionTrait,
    form: &ApplicationForm,
) -> ApiResult<Option<domain::problem::FieldError>> {
    let mut ids = form.program.school_ids.clone();
    ids.sort();
    ids.dedup();
    if ids.is_empty() || schools::existing_ids(db, &ids).await?.len() == ids.len() {
        return Ok(None);
    }
    Ok(Some(domain::problem::FieldError::new(
        "program.school_ids",
        "unknown",
        "One or more schools do not exist.",
    )))
}

/// A draft or a saved answer may be incomplete, but what it refers to must exist.
pub(super) async fn check_references(
    db: &impl ConnectionTrait,
    form: &ApplicationForm,
) -> ApiResult<()> {
    match unknown_schools(db, form).await? {
        None => Ok(()),
        Some(e) => Err(ApiError::Validation {
            detail: e.message.clone(),
            errors: vec![e],
        }),
    }
}

pub(super) fn org_input(form: &ApplicationForm) -> OrganizationInput {
    let o = &form.organization;
    OrganizationInput {
        legal_name: o.legal_name.clone(),
        org_type: o
            .org_type
            .unwrap_or(domain::intake::OrganizationType::Nonprofit),
        tax_status: o.tax_status.unwrap_or(domain::intake::TaxStatus::Nonprofit),
        ein: Some(o.ein.clone()),
        website: o.website.clone(),
        address: String::new(),
        city: o.city.clone(),
        postal_code: String::new(),
        description: form.program.description.chars().take(4000).collect(),
        support_areas: form.program.support_areas.clone(),
    }
    .normalized()
}

/// Sends the application (first time, or after a return for information).
pub async fn submit(
    db: &DatabaseConnection,
    token: &str,
    version: i32,
) -> ApiResult<ApplicantView> {
    let row = by_token(db, token).await?;
    let form = repo::form_of(&row)?;
    check_submittable(db, &form).await?;
    let from = row.status;
    let action = if from == ApplicationStatus::ReturnedForInformation {
        ApplicationAction::Resubmit
    } else {
        ApplicationAction::Submit
    };
    let to =
        intake::next_status(from, action, intake::Actor::Applicant, None).map_err(step_error)?;
    let id = row.id;
    let txn = db::begin_write(db).await?;
    repo::set_status(
        &txn,
        id,
        version,
        to,
        None,
        action == ApplicationAction::Submit,
    )
    .await?;
    if row.organization_id.is_none() {
        // A stranger must not join an existing organization by naming its EIN: a likely match
        // waits for staff; otherwise the application's own new organization is created.
        match likely_match(&txn, &form).await? {
            Some(existing) => repo::set_match(&txn, id, Some(existing)).await?,
            None => {
                let org = organizations::create(&txn, &org_input(&form)).await?;
                let org = join_organization(&txn, org.id, &form).await?;
                repo::set_organization(&txn, id, org).await?;
            }
        }
    }
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: None,
            action: action.as_str(),
            from: Some(from),
            to: Some(to),
            note: None,
            staff_only: false,
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::system(),
        AuditEntity::Application,
        id,
        action,
        serde_json::json!({ "status": { "before": from, "after": to } }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(application.id = %id, "application submitted");
    view(db, token).await
}

/// The applicant withdraws their application (by resume link), with a reason.
pub async fn withdraw_by_applicant(
    db: &DatabaseConnection,
    token: &str,
    version: i32,
    reason: &str,
) -> ApiResult<ApplicantView> {
    let row = by_token(db, token).await?;
    let from = row.status;
    let to = intake::next_status(
        from,
        ApplicationAction::Withdraw,
        intake::Actor::Applicant,
        Some(reason),
    )
    .map_err(step_error)?;
    let id = row.id;
    let note = reason.trim().chars().take(2000).collect::<String>();
    let txn = db::begin_write(db).await?;
    repo::set_status(&txn, id, version, to, None, false).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: None,
            action: "withdraw",
            from: Some(from),
            to: Some(to),
            note: Some(note.clone()),
            staff_only: false,
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::system(),
        AuditEntity::Application,
        id,
        AuditAction::Withdraw,
        serde_json::json!({ "status": { "before": from, "after": to }, "note": note }),
    )
    .await?;
    txn.commit().await?;
    view(db, token).await
}
