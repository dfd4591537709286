//! The `opportunities` table: volunteer opportunities posted for a school.

use domain::opportunity::OpportunityStatus;
use domain::volunteer::Interest;
use domain::{OpportunityId, SchoolId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "opportunities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: OpportunityId,
    pub title: String,
    pub activity: Interest,
    pub school_id: SchoolId,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub repeats_weekly_until: Option<Date>,
    /// The end of the last occurrence (what "upcoming" filters on).
    pub last_at: DateTimeUtc,
    pub slots: i32,
    pub clearance_required: bool,
    pub minimum_age: Option<i32>,
    pub description: String,
    pub status: OpportunityStatus,
    pub cancel_reason: Option<String>,
    pub created_by: UserId,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
