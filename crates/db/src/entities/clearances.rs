//! The `clearances` table: The clearance ledger (decisions and dates, never report contents).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "clearances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub volunteer_id: Uuid,
    pub kind: String,
    pub status: String,
    pub cleared_on: Option<Date>,
    pub expires_on: Option<Date>,
    pub reference: String,
    pub recorded_by: Option<Uuid>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
