//! The `need_matches` table: an offer proposed for a need, and the partner's answer.

use domain::matches::MatchStatus;
use domain::{MatchId, NeedId, OfferId, OrganizationId, SchoolId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "need_matches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: MatchId,
    pub need_id: NeedId,
    pub offer_id: OfferId,
    /// The need's school (kept for coordinators' scope).
    pub school_id: SchoolId,
    /// The offer's partner (kept for partners' scope).
    pub organization_id: OrganizationId,
    /// In the need's unit.
    pub quantity: i64,
    pub score: i32,
    pub note: String,
    pub status: MatchStatus,
    pub status_reason: Option<String>,
    pub proposed_by: UserId,
    pub answered_by: Option<UserId>,
    pub answered_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
