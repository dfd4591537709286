//! Partner intake: the public application (draft, resume link, submit) and the office's
//! process (vetting → planning → formalizing → approved) with checklists, sub-tasks, history.
//!
//! The rules themselves (`next_status`, `route`, `planning_item_applies`) live in
//! `domain::intake`; this module applies them to stored applications, in transactions, with
//! history and audit.

use db::repo::applications::{self as repo, NewHistory, Visibility};
use db::repo::audit::{self as audit, NewAuditEvent};
use db::repo::{organizations, schools, users};
use domain::application::{
    ApplicantView, Application, ApplicationForm, ApplicationQuery, ApplicationSummary, Assignment,
    CheckAnswer, ChecklistAnswer, CriterionCheck, DraftCreated, MatchDecision, MatchResolution,
    NewNote, OrganizationMatch, PlanningCheck, RequireAgreement, Stage, StartApplication, Subtask,
    SubtaskStatus, SubtaskUpdate, TransitionRequest,
};
use domain::audit::AuditEntity;
use domain::intake::{
    self, ApplicationAction, ApplicationStatus, EligibilityCriterion, FormalProcess,
    OrganizationStatus, PlanningItem, StepError,
};
use domain::organization::{ContactInput, OrganizationInput};
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::{ApplicationId, Permission, Role};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::AuthUser;
use crate::auth::tokens::{hash_refresh_token as hash_token, new_refresh_token as new_token};
use crate::error::{ApiError, ApiResult, OrNotFound};

fn applicant_view(
    row: &repo::Row,
    history: Vec<domain::application::HistoryEntry>,
) -> ApiResult<ApplicantView> {
    Ok(ApplicantView {
        id: ApplicationId(row.id),
        status: repo::status_of(row)?,
        form: repo::form_of(row)?,
        message: row.return_message.clone(),
        history,
        version: row.version,
    })
}

/// How long a resume link works: a fresh one is sent when staff return the application, on a
/// partner's request, or to the applicant's email on request (`POST
/// /api/v1/public/applications/resume-links`).
pub const RESUME_LINK_DAYS: i64 = 30;

fn link_expiry() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now() + chrono::Duration::days(RESUME_LINK_DAYS)
}

fn resume_link(base: &str, token: &str) -> String {
    // The token in the fragment: browsers never send it, so it stays out of access logs.
    format!("{}/apply#{token}", base.trim_end_matches('/'))
}

async fn queue_resume_link(
    db: &impl ConnectionTrait,
    base: &str,
    form: &ApplicationForm,
    token: &str,
    returned: Option<&str>,
) -> ApiResult<()> {
    let email = form.contact.email.trim();
    if email.is_empty() {
        return Ok(());
    }
    let link = resume_link(base, token);
    let (subject, body) = match (form.language.as_str(), returned) {
        ("es", None) => (
            "Su solicitud de alianza con PartnerHub",
            format!("Puede continuar su solicitud aquí: {link}"),
        ),
        ("es", Some(m)) => (
            "Necesitamos más información sobre su solicitud",
            format!("{m}\n\nResponda aquí: {link}"),
        ),
        (_, None) => (
            "Your PartnerHub partnership application",
            format!("You can continue your application here: {link}"),
        ),
        (_, Some(m)) => (
            "We need more information about your application",
            format!("{m}\n\nAnswer here: {link}"),
        ),
    };
    repo::queue_message(db, "application_link", email, subject, &body).await?;
    Ok(())
}

// ---------- the public form ----------

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

async fn by_token(db: &impl ConnectionTrait, token: &str) -> ApiResult<repo::Row> {
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
        let id = ApplicationId(row.id);
        repo::set_resume_token(&txn, id, hash_token(&token), link_expiry()).await?;
        queue_resume_link(&txn, public_url, &form, &token, None).await?;
        audit::record(
            &txn,
            NewAuditEvent {
                actor: None,
                action: "send_fresh_link",
                entity: AuditEntity::Application,
                entity_id: id.to_string(),
                changes: serde_json::json!({}),
                request_id: None,
            },
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
    let history = repo::history(db, ApplicationId(row.id), false).await?;
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
    let status = repo::status_of(&row)?;
    if !matches!(
        status,
        ApplicationStatus::Draft | ApplicationStatus::ReturnedForInformation
    ) {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotEditable,
            detail: "the application was sent; the office will contact you".into(),
        });
    }
    let id = ApplicationId(row.id);
    repo::save_form(&txn, id, version, &form).await?;
    txn.commit().await?;
    view(db, token).await
}

async fn check_submittable(db: &impl ConnectionTrait, form: &ApplicationForm) -> ApiResult<()> {
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
async fn unknown_schools(
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
async fn check_references(db: &impl ConnectionTrait, form: &ApplicationForm) -> ApiResult<()> {
    match unknown_schools(db, form).await? {
        None => Ok(()),
        Some(e) => Err(ApiError::Validation {
            detail: e.message.clone(),
            errors: vec![e],
        }),
    }
}

fn org_input(form: &ApplicationForm) -> OrganizationInput {
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
    let from = repo::status_of(&row)?;
    let action = if from == ApplicationStatus::ReturnedForInformation {
        ApplicationAction::Resubmit
    } else {
        ApplicationAction::Submit
    };
    let to =
        intake::next_status(from, action, intake::Actor::Applicant, None).map_err(step_error)?;
    let id = ApplicationId(row.id);
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
        NewAuditEvent {
            actor: None,
            action: action.as_str(),
            entity: AuditEntity::Application,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "status": { "before": from, "after": to } }),
            request_id: None,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(application.id = %id, "application submitted");
    view(db, token).await
}

/// The directory's organization a submitted application seems to come from: one with the same
/// EIN, else one with a similar name and the same website (when several do, the most similar
/// name; staff see it and decide).
async fn likely_match(
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
async fn join_organization(
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
        NewAuditEvent {
            actor: Some(auth.id),
            action: "require_agreement",
            entity: AuditEntity::Application,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "agreement_required": { "before": false, "after": true }, "note": note }),
            request_id: auth.request_id.clone(),
        },
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
        MatchDecision::Link => domain::OrganizationId(candidate),
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
        NewAuditEvent {
            actor: Some(auth.id),
            action: "resolve_match",
            entity: AuditEntity::Application,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "decision": req.decision, "candidate": candidate,
                "organization_id": { "before": null, "after": org } }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    let row = load_visible(db, auth, id).await?;
    assemble(db, &row).await
}

pub(crate) fn step_error(e: StepError) -> ApiError {
    match e {
        StepError::Transition(t) => ApiError::transition(t),
        StepError::NotAllowed => ApiError::Forbidden,
        StepError::NoteRequired => ApiError::invalid_field(
            "note",
            "required",
            "Give a reason or message for this step.",
        ),
    }
}

// ---------- the office's process ----------

pub(crate) fn visibility(auth: &AuthUser) -> ApiResult<Visibility> {
    match auth.role {
        Role::Admin | Role::Staff => Ok(Visibility::All),
        Role::SchoolCoordinator => Ok(Visibility::Schools(auth.school_ids.clone())),
        Role::Partner => Ok(Visibility::Organization(
            auth.organization_id
                .unwrap_or(domain::OrganizationId(uuid::Uuid::nil())),
        )),
        Role::Volunteer => Err(ApiError::Forbidden),
    }
}

/// What the spec declares of the pipeline's filters beyond their types.
fn check_query(q: &ApplicationQuery) -> ApiResult<()> {
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
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(db, q, &v, super::page_limit(q.limit)?, after).await?;
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

async fn load_visible(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    id: ApplicationId,
) -> ApiResult<repo::Row> {
    let row = repo::get(db, id).await.or_not_found("application")?;
    let visible = match visibility(auth)? {
        Visibility::All => true,
        Visibility::Schools(mine) => repo::form_of(&row)?
            .program
            .school_ids
            .iter()
            .any(|s| mine.contains(s)),
        Visibility::Organization(o) => row.organization_id == Some(o.0),
    };
    // Drafts belong to the applicant until sent.
    if !visible || repo::status_of(&row)? == ApplicationStatus::Draft {
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
    if !repo::status_of(&row)?.is_open() {
        return Err(ApiError::Conflict {
            code: ErrorCode::ApplicationClosed,
            detail: "this application is closed; nothing can be answered or withdrawn".into(),
        });
    }
    let token = new_token();
    repo::set_resume_token(&txn, id, hash_token(&token), link_expiry()).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: "reissue_link",
            entity: AuditEntity::Application,
            entity_id: id.to_string(),
            changes: serde_json::json!({}),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(domain::application::ResumeLink {
        resume_token: token,
    })
}

/// The routing answers as the rules see them: the one-time flag comes from the program's
/// commitment, not from a separate question.
fn effective_answers(form: &ApplicationForm) -> intake::RoutingAnswers {
    intake::RoutingAnswers {
        one_time_event: form.program.commitment == Some(domain::intake::CommitmentLevel::OneTime),
        ..form.routing
    }
}

async fn assemble(db: &impl ConnectionTrait, row: &repo::Row) -> ApiResult<Application> {
    let id = ApplicationId(row.id);
    let mut form = repo::form_of(row)?;
    form.routing = effective_answers(&form);
    let checks = repo::checks(db, id).await?;
    let vetting = EligibilityCriterion::ALL
        .iter()
        .map(|c| {
            let (answer, note) = checks
                .get(c.as_str())
                .cloned()
                .unwrap_or((CheckAnswer::Pending, String::new()));
            CriterionCheck {
                criterion: *c,
                answer,
                note,
            }
        })
        .collect();
    let planning = PlanningItem::ALL
        .iter()
        .map(|item| {
            let (applies, rule) = intake::planning_item_applies(*item, &form.routing);
            let (answer, note) = checks
                .get(item.as_str())
                .cloned()
                .unwrap_or((CheckAnswer::Pending, String::new()));
            PlanningCheck {
                item: *item,
                applies,
                rule,
                answer: if applies {
                    answer
                } else {
                    CheckAnswer::NotApplicable
                },
                note,
            }
        })
        .collect();
    Ok(Application {
        id,
        status: repo::status_of(row)?,
        organization_id: row.organization_id.map(domain::OrganizationId),
        possible_match: match (row.matched_organization_id, row.organization_id) {
            (Some(m), None) => Some(OrganizationMatch {
                organization_id: domain::OrganizationId(m),
                legal_name: organizations::names_of(db, &[m])
                    .await?
                    .remove(&m)
                    .unwrap_or_default(),
            }),
            _ => None,
        },
        routing: intake::route_with(
            &form.routing,
            row.agreement_required,
            form.organization.tax_status,
        ),
        waived: intake::waived(&form.routing, row.agreement_required),
        agreement_required: row.agreement_required,
        form,
        owner_id: row.owner_id.map(domain::UserId),
        collaborating_department: row.collaborating_department.clone(),
        collaborating_school_id: row.collaborating_school_id.map(domain::SchoolId),
        vetting,
        planning,
        subtasks: repo::subtasks(db, id).await?,
        history: repo::history(db, id, true).await?,
        submitted_at: row.submitted_at,
        status_changed_at: row.status_changed_at,
        version: row.version,
        created_at: row.created_at,
    })
}

fn office(auth: &AuthUser) -> ApiResult<()> {
    auth.require(Permission::ManageApplications)
}

/// Takes a step of the process (staff), checking the gates of each step.
pub async fn transition(
    db: &DatabaseConnection,
    public_url: &str,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: TransitionRequest,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if row.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let app = assemble(&txn, &row).await?;
    let from = app.status;
    let to = intake::next_status(from, req.action, intake::Actor::Staff, req.note.as_deref())
        .map_err(step_error)?;
    let mut note = req
        .note
        .clone()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    match req.action {
        ApplicationAction::StartPlanning => {
            let unmet: Vec<_> = app
                .vetting
                .iter()
                .filter(|c| c.answer != CheckAnswer::Yes)
                .map(|c| c.criterion.as_str())
                .collect();
            if !unmet.is_empty() {
                if !req.override_criteria {
                    return Err(ApiError::Conflict {
                        code: ErrorCode::CriteriaNotMet,
                        detail: format!(
                            "every eligibility criterion must be confirmed first; open: {}",
                            unmet.join(", ")
                        ),
                    });
                }
                if auth.role != Role::Admin {
                    return Err(ApiError::Forbidden);
                }
                let why = note.clone().unwrap_or_default();
                note = Some(
                    format!(
                        "Admin override of unconfirmed criteria ({}). {why}",
                        unmet.join(", ")
                    )
                    .trim()
                    .to_string(),
                );
            }
        }
        ApplicationAction::StartFormalizing => {
            let open: Vec<_> = app
                .planning
                .iter()
                .filter(|p| p.applies && p.answer != CheckAnswer::Yes)
                .map(|p| p.item.as_str())
                .collect();
            if !open.is_empty() {
                return Err(ApiError::Conflict {
                    code: ErrorCode::PlanningIncomplete,
                    detail: format!(
                        "every applicable planning item must be done first; open: {}",
                        open.join(", ")
                    ),
                });
            }
            for r in &app.routing {
                if !app.subtasks.iter().any(|s| s.process == r.process) {
                    repo::put_subtask(
                        &txn,
                        id,
                        &Subtask {
                            process: r.process,
                            status: SubtaskStatus::Open,
                            owner_id: app.owner_id,
                            note: String::new(),
                        },
                    )
                    .await?;
                }
            }
        }
        ApplicationAction::Approve => {
            let open: Vec<_> = app
                .routing
                .iter()
                .filter(|r| {
                    !app.subtasks
                        .iter()
                        .any(|s| s.process == r.process && s.status.is_settled())
                })
                .map(|r| r.process.as_str())
                .collect();
            if !open.is_empty() {
                return Err(ApiError::Conflict {
                    code: ErrorCode::SubtasksOpen,
                    detail: format!(
                        "every formal process must be done (or not needed) first; open: {}",
                        open.join(", ")
                    ),
                });
            }
            let Some(org) = app.organization_id else {
                return Err(ApiError::Conflict {
                    code: ErrorCode::OrganizationMatchPending,
                    detail: "confirm the possible match with an existing organization, or create \
                             a new one, before approving"
                        .into(),
                });
            };
            organizations::set_status(&txn, org, OrganizationStatus::ActivePartner).await?;
        }
        _ => {}
    }
    let message = (req.action == ApplicationAction::ReturnForInformation)
        .then(|| note.clone().unwrap_or_default());
    repo::set_status(&txn, id, version, to, message.clone(), false).await?;
    if let Some(m) = &message {
        // A fresh link: the old one is not stored in a readable form.
        let token = new_token();
        repo::set_resume_token(&txn, id, hash_token(&token), link_expiry()).await?;
        queue_resume_link(&txn, public_url, &app.form, &token, Some(m)).await?;
    }
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: req.action.as_str(),
            from: Some(from),
            to: Some(to),
            note: note.clone(),
            staff_only: false,
        },
    )
    .await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: req.action.as_str(),
            entity: AuditEntity::Application,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "status": { "before": from, "after": to }, "note": note }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

/// Answers a vetting criterion (while submitted or vetting) or a planning item (while planning).
pub async fn answer_check(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    item: &str,
    req: ChecklistAnswer,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    let status = repo::status_of(&row)?;
    let form = repo::form_of(&row)?;
    if let Some(c) = EligibilityCriterion::parse(item) {
        if !matches!(
            status,
            ApplicationStatus::Submitted | ApplicationStatus::Vetting
        ) {
            return Err(ApiError::Conflict {
                code: ErrorCode::WrongStep,
                detail: "eligibility criteria are answered while vetting".into(),
            });
        }
        if req.answer == CheckAnswer::NotApplicable {
            return Err(ApiError::invalid_field(
                "answer",
                "invalid",
                "Every eligibility criterion applies.",
            ));
        }
        let _ = c;
    } else if let Some(p) = PlanningItem::parse(item) {
        if status != ApplicationStatus::Planning {
            return Err(ApiError::Conflict {
                code: ErrorCode::WrongStep,
                detail: "planning items are answered while planning".into(),
            });
        }
        let (applies, _) = intake::planning_item_applies(p, &effective_answers(&form));
        if !applies && req.answer != CheckAnswer::NotApplicable {
            return Err(ApiError::invalid_field(
                "answer",
                "not_applicable",
                "This item does not apply to this program.",
            ));
        }
    } else {
        return Err(ApiError::NotFound("checklist item"));
    }
    repo::touch(&txn, id, version).await?;
    repo::set_check(&txn, id, item, req.answer, &req.note, auth.id).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "checklist",
            from: None,
            to: None,
            note: Some(format!("{item}: {}", req.answer.as_str())),
            staff_only: true,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

/// Updates a formal-process sub-task (while formalizing).
pub async fn update_subtask(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    process: FormalProcess,
    req: SubtaskUpdate,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if repo::status_of(&row)? != ApplicationStatus::Formalizing {
        return Err(ApiError::Conflict {
            code: ErrorCode::WrongStep,
            detail: "sub-tasks are worked on while formalizing".into(),
        });
    }
    if !repo::subtasks(&txn, id)
        .await?
        .iter()
        .any(|s| s.process == process)
    {
        return Err(ApiError::NotFound("sub-task"));
    }
    if let Some(owner) = req.owner_id {
        check_staff(&txn, owner).await?;
    }
    repo::touch(&txn, id, version).await?;
    repo::put_subtask(
        &txn,
        id,
        &Subtask {
            process,
            status: req.status,
            owner_id: req.owner_id,
            note: req.note.clone(),
        },
    )
    .await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "subtask",
            from: None,
            to: None,
            note: Some(format!("{}: {}", process.as_str(), req.status.as_str())),
            staff_only: true,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

async fn check_staff(db: &impl ConnectionTrait, user: domain::UserId) -> ApiResult<()> {
    match users::get(db, user).await {
        Ok(a) if matches!(a.user.role, Role::Admin | Role::Staff) => Ok(()),
        _ => Err(ApiError::invalid_field(
            "owner_id",
            "unknown",
            "The owner must be a member of the office staff.",
        )),
    }
}

/// Assigns the staff owner and the collaborating department.
pub async fn assign(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: Assignment,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if let Some(owner) = req.owner_id {
        check_staff(&txn, owner).await?;
    }
    if let Some(school) = req.collaborating_school_id
        && schools::get(&txn, school).await.is_err()
    {
        return Err(ApiError::invalid_field(
            "collaborating_school_id",
            "unknown",
            "No such school.",
        ));
    }
    repo::set_assignment(
        &txn,
        id,
        version,
        req.owner_id,
        req.collaborating_department.trim(),
        req.collaborating_school_id,
    )
    .await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: "assign",
            entity: AuditEntity::Application,
            entity_id: id.to_string(),
            changes: serde_json::json!({
                "owner_id": { "before": row.owner_id, "after": req.owner_id },
                "collaborating_department": { "before": row.collaborating_department,
                    "after": req.collaborating_department.trim() },
                "collaborating_school_id": { "before": row.collaborating_school_id,
                    "after": req.collaborating_school_id },
            }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "assign",
            from: None,
            to: None,
            note: None,
            staff_only: true,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

/// Adds a note (staff-only unless said otherwise).
pub async fn add_note(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: NewNote,
) -> ApiResult<Application> {
    office(auth)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    load_visible(&txn, auth, id).await?;
    repo::touch(&txn, id, version).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "note",
            from: None,
            to: None,
            note: Some(req.text.trim().into()),
            staff_only: req.staff_only,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
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
    super::page_limit(q.limit)?;
    office(auth)?;
    check_query(q)?;
    let mut rows = vec![];
    let mut after = None;
    loop {
        let (page, next) = repo::list(db, q, &Visibility::All, 100, after).await?;
        rows.extend(page);
        if rows.len() > cap {
            return Err(super::too_many_rows(cap));
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
    super::csv_text(&header, records)
}

/// The applicant withdraws their application (by resume link), with a reason.
pub async fn withdraw_by_applicant(
    db: &DatabaseConnection,
    token: &str,
    version: i32,
    reason: &str,
) -> ApiResult<ApplicantView> {
    let row = by_token(db, token).await?;
    let from = repo::status_of(&row)?;
    let to = intake::next_status(
        from,
        ApplicationAction::Withdraw,
        intake::Actor::Applicant,
        Some(reason),
    )
    .map_err(step_error)?;
    let id = ApplicationId(row.id);
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
        NewAuditEvent {
            actor: None,
            action: "withdraw",
            entity: AuditEntity::Application,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "status": { "before": from, "after": to }, "note": note }),
            request_id: None,
        },
    )
    .await?;
    txn.commit().await?;
    view(db, token).await
}
