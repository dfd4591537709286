//! The `donations` table: the ledger of what partners gave.

use domain::donations::{DonationKind, DonationStatus};
use domain::intake::SupportArea;
use domain::{ApplicationId, DonationId, MatchId, NeedId, OrganizationId, SchoolId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "donations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: DonationId,
    pub organization_id: OrganizationId,
    /// None: district-wide.
    pub school_id: Option<SchoolId>,
    pub received_on: Date,
    /// The year the school year of `received_on` starts in.
    pub school_year: i32,
    pub kind: DonationKind,
    /// Whole US dollars.
    pub value_usd: i32,
    pub description: String,
    pub support_area: Option<SupportArea>,
    pub need_id: Option<NeedId>,
    pub match_id: Option<MatchId>,
    pub application_id: Option<ApplicationId>,
    pub event: String,
    pub status: DonationStatus,
    pub status_reason: Option<String>,
    pub recorded_by: UserId,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
