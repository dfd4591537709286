//! The `applications` table: Partnership applications. `form` is the JSON of `domain::application::ApplicationForm`.

use domain::intake::ApplicationStatus;
use domain::{ApplicationId, OrganizationId, SchoolId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ApplicationId,
    pub resume_token_hash: String,
    /// When the resume link stops working (none: never issued with an expiry).
    pub resume_token_expires_at: Option<DateTimeUtc>,
    pub status: ApplicationStatus,
    pub form: String,
    pub organization_name: String,
    pub program_title: String,
    pub search_key: String,
    pub organization_id: Option<OrganizationId>,
    pub matched_organization_id: Option<OrganizationId>,
    pub agreement_required: bool,
    pub owner_id: Option<UserId>,
    pub collaborating_department: String,
    pub collaborating_school_id: Option<SchoolId>,
    pub return_message: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub status_changed_at: DateTimeUtc,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
