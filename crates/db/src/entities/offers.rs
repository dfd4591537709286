//! The `offers` table: what a partner offers (time, treasure, talent).

use domain::needs::{AskUnit, HelpKind};
use domain::offers::OfferStatus;
use domain::{OfferId, OrganizationId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: OfferId,
    pub organization_id: OrganizationId,
    pub help_kind: HelpKind,
    pub description: String,
    pub capacity_unit: AskUnit,
    pub capacity: i64,
    pub available_from: Option<Date>,
    pub available_until: Option<Date>,
    pub status: OfferStatus,
    pub status_reason: Option<String>,
    pub created_by: UserId,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
