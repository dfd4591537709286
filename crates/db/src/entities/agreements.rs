//! The `agreements` table: MOUs and their terms.

use domain::agreement::{AgreementKind, AgreementStatus};
use domain::{AgreementId, ApplicationId, ContactId, OrganizationId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: AgreementId,
    pub title: String,
    pub kind: AgreementKind,
    pub status: AgreementStatus,
    pub organization_id: OrganizationId,
    pub application_id: Option<ApplicationId>,
    pub department: String,
    pub owner_id: Option<UserId>,
    pub partner_contact_id: Option<ContactId>,
    pub effective_from: Option<Date>,
    pub expires_on: Option<Date>,
    pub renewal_term_months: Option<i32>,
    pub notice_period_days: Option<i32>,
    pub end_reason: Option<String>,
    pub final_report: Option<String>,
    pub search_key: String,
    pub status_changed_at: DateTimeUtc,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
