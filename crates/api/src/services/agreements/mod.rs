//! Agreements (MOUs): drafting, review, signatures, activation, renewal, expiry, documents,
//! deliverables, the final report, renewal reminders and the active-MOU count per quarter.
//!
//! The rules live in `domain::agreement` (`next_status`, `count_by_quarter`); this module
//! applies them to stored agreements in transactions, with dated history and audit.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use chrono::{NaiveDate, Utc};
use db::repo::agreements::{self as repo, NewDocument, NewHistory};
use db::repo::applications;
use db::repo::audience::Audience;
use db::repo::{organizations, schools, users};
use domain::agreement::{
    self as rules, ACTIVE_MOU_DEFINITION, ACTIVE_MOUS_GOAL, Agreement, AgreementAction,
    AgreementActor, AgreementGrouping, AgreementInput, AgreementMetrics, AgreementQuery,
    AgreementStatus, AgreementSummary, AgreementTransition, AttentionItem, DeliverableProgress,
    DeliverableStatus, DocumentVersion, FinalReport, FinalReportInput, FinalReportReviewInput,
    Goal, GoalInput, MetricsQuery, Party, Quarter, ReportReview, SignRequest, Signature,
};
use domain::audit::AuditEntity;
use domain::intake::{ApplicationStatus, OrganizationStatus};
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::{AgreementId, DeliverableId, Permission, Role};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use sha2::{Digest, Sha256};
use validator::Validate;

use super::applications::{step_error, visibility};
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};
use crate::storage::DocumentStore;

mod documents;
mod due;
mod final_report;
mod lifecycle;
mod metrics;
mod reading;
mod signatures;
pub use documents::*;
pub use due::*;
pub use final_report::*;
pub use lifecycle::*;
pub use metrics::*;
pub use reading::*;
pub use signatures::*;

/// Reminder thresholds, days before expiry.
pub const REMINDER_DAYS: [i64; 3] = [90, 60, 30];

/// Today, as the office counts days.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

async fn assemble(db: &impl ConnectionTrait, row: &repo::Row) -> ApiResult<Agreement> {
    let id = row.id;
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
        kind: row.kind,
        status: row.status,
        organization_id: row.organization_id,
        organization_name: names.get(&row.organization_id).cloned().unwrap_or_default(),
        application_id: row.application_id,
        school_ids: repo::schools_of(db, &[row.id])
            .await?
            .remove(&row.id)
            .unwrap_or_default(),
        department: row.department.clone(),
        owner_id: row.owner_id,
        owner_name: match row.owner_id {
            Some(o) => users::get(db, o).await.ok().map(|a| a.user.display_name),
            None => None,
        },
        partner_contact_id: repo::partner_contact(row),
        partner_contact_name: match repo::partner_contact(row) {
            Some(c) => organizations::find_contact(db, row.organization_id, c)
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
    auth.role == Role::Partner && auth.organization_id() == Some(row.organization_id)
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
