//! The `hour_entries` table: volunteer hours, logged or by check-in; corrections supersede.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "hour_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub volunteer_id: Uuid,
    pub school_id: Uuid,
    pub opportunity_id: Option<Uuid>,
    pub activity: String,
    pub work_date: Date,
    pub minutes: i32,
    pub note: String,
    pub source: String,
    pub checked_in_at: Option<DateTimeUtc>,
    pub checked_out_at: Option<DateTimeUtc>,
    pub auto_checked_out: bool,
    pub status: String,
    pub reason: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    pub supersedes: Option<Uuid>,
    pub superseded_by: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
