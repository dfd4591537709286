//! Partner intake: the public application (draft, resume link, submit) and the office's
//! process (vetting → planning → formalizing → approved) with checklists, sub-tasks, history.
//!
//! The rules themselves (`next_status`, `route`, `planning_item_applies`) live in
//! `domain::intake`; this module applies them to stored applications, in transactions, with
//! history and audit.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use db::repo::applications::{self as repo, NewHistory};
use db::repo::audience::Audience;
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

mod applicant;
mod matching;
mod reading;
mod review;
pub use applicant::*;
pub use matching::*;
pub use reading::*;
pub use review::*;

fn applicant_view(
    row: &repo::Row,
    history: Vec<domain::application::HistoryEntry>,
) -> ApiResult<ApplicantView> {
    Ok(ApplicantView {
        id: row.id,
        status: row.status,
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

/// The routing answers as the rules see them: the one-time flag comes from the program's
/// commitment, not from a separate question.
fn effective_answers(form: &ApplicationForm) -> intake::RoutingAnswers {
    intake::RoutingAnswers {
        one_time_event: form.program.commitment == Some(domain::intake::CommitmentLevel::OneTime),
        ..form.routing
    }
}

async fn assemble(db: &impl ConnectionTrait, row: &repo::Row) -> ApiResult<Application> {
    let id = row.id;
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
        status: row.status,
        organization_id: row.organization_id,
        possible_match: match (row.matched_organization_id, row.organization_id) {
            (Some(m), None) => Some(OrganizationMatch {
                organization_id: m,
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
        owner_id: row.owner_id,
        collaborating_department: row.collaborating_department.clone(),
        collaborating_school_id: row.collaborating_school_id,
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
