//! The `applications` table: Partnership applications. `form` is the JSON of `domain::application::ApplicationForm`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub resume_token_hash: String,
    /// When the resume link stops working (none: never issued with an expiry).
    pub resume_token_expires_at: Option<DateTimeUtc>,
    pub status: String,
    pub form: String,
    pub organization_name: String,
    pub program_title: String,
    pub search_key: String,
    pub organization_id: Option<Uuid>,
    pub matched_organization_id: Option<Uuid>,
    pub agreement_required: bool,
    pub owner_id: Option<Uuid>,
    pub collaborating_department: String,
    pub collaborating_school_id: Option<Uuid>,
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
