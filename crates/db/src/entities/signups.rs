//! The `signups` table: one row per volunteer and opportunity; `queued_at` orders the waitlist.

use domain::opportunity::SignupStatus;
use domain::{OpportunityId, SignupId, VolunteerId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "signups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SignupId,
    pub opportunity_id: OpportunityId,
    pub volunteer_id: VolunteerId,
    pub status: SignupStatus,
    pub cancel_reason: Option<String>,
    pub queued_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
