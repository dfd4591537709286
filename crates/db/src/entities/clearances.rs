//! The `clearances` table: The clearance ledger (decisions and dates, never report contents).

use domain::volunteer::{ClearanceStatus, ClearanceType};
use domain::{ClearanceId, UserId, VolunteerId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "clearances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ClearanceId,
    pub volunteer_id: VolunteerId,
    pub kind: ClearanceType,
    pub status: ClearanceStatus,
    pub cleared_on: Option<Date>,
    pub expires_on: Option<Date>,
    pub reference: String,
    pub recorded_by: Option<UserId>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
