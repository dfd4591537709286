//! The `hour_entries` table: volunteer hours, logged or by check-in; corrections supersede.

use domain::hours::{HourSource, HourStatus};
use domain::volunteer::Interest;
use domain::{HourEntryId, OpportunityId, SchoolId, UserId, VolunteerId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "hour_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: HourEntryId,
    pub volunteer_id: VolunteerId,
    pub school_id: SchoolId,
    pub opportunity_id: Option<OpportunityId>,
    pub activity: Interest,
    pub work_date: Date,
    pub minutes: i32,
    pub note: String,
    pub source: HourSource,
    pub checked_in_at: Option<DateTimeUtc>,
    pub checked_out_at: Option<DateTimeUtc>,
    pub auto_checked_out: bool,
    pub status: HourStatus,
    pub reason: Option<String>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<DateTimeUtc>,
    pub supersedes: Option<HourEntryId>,
    pub superseded_by: Option<HourEntryId>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
