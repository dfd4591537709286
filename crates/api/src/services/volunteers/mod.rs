//! Volunteers: self-registration (a volunteer login, a profile and a pending clearance), the
//! profile with its clearance ledger and today's standing, scoped lists, and clearance
//! decisions recorded by staff. The rules live in `domain::volunteer`.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use chrono::Utc;
use db::repo::audience::Audience;
use db::repo::volunteers as repo;
use db::repo::{organizations, schools, users};
use domain::audit::AuditEntity;
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::volunteer::{
    self as rules, Badge, BadgeCheck, BadgeRevocation, ClearanceInput, ClearanceStatus,
    ClearanceType, DuplicateGroup, MergeRequest, ParentLeaderInput, Standing, Volunteer,
    VolunteerQuery, VolunteerRegistration, VolunteerSummary,
};
use domain::{Permission, Role, UserId, VolunteerId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::tokens::TokenKeys;
use crate::auth::{AuthUser, password};
use crate::error::{ApiError, ApiResult, OrNotFound};

mod badges;
mod clearances;
mod duplicates;
mod ending;
mod reading;
mod registration;
pub use badges::*;
pub use clearances::*;
pub use duplicates::*;
pub use ending::*;
pub use reading::*;
pub use registration::*;

async fn assemble(
    db: &impl ConnectionTrait,
    row: &repo::Row,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    let id = row.id;
    let account = users::get(db, row.user_id).await?;
    let clearances = repo::clearances(db, id).await?;
    Ok(Volunteer {
        id,
        user_id: account.user.id,
        name: account.user.display_name,
        email: account.user.email,
        phone: row.phone.clone(),
        preferred_language: row.preferred_language.clone(),
        kind: row.kind,
        organization_id: repo::organization(row),
        school_ids: repo::schools(db, id).await?,
        interests: repo::interests(db, id).await?,
        availability: row.availability.clone(),
        parent_leader: row.parent_leader,
        parent_leader_role: row.parent_leader_role.clone(),
        parent_leader_roles: repo::roles(db, id).await?,
        ended: repo::ended(row),
        standing: rules::serving_standing(&clearances, Utc::now().date_naive(), grace_days),
        clearances,
        version: row.version,
        created_at: row.created_at,
    })
}
