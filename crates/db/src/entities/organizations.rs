//! The `organizations` table.

use domain::OrganizationId;
use domain::intake::{OrganizationStatus, OrganizationType, TaxStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: OrganizationId,
    pub legal_name: String,
    /// `domain::organization::name_key` of the legal name (duplicate detection, search).
    pub name_key: String,
    pub org_type: OrganizationType,
    pub tax_status: TaxStatus,
    pub ein: Option<String>,
    pub website: String,
    /// `domain::organization::website_host` of the website (duplicate detection).
    pub website_host: Option<String>,
    pub address: String,
    pub city: String,
    pub postal_code: String,
    pub description: String,
    pub status: OrganizationStatus,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
