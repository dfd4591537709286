//! The `clearance_reminders` table: renewal reminders raised, one per volunteer and expiry date
//! (the key makes a second raise impossible).

use domain::VolunteerId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "clearance_reminders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub volunteer_id: VolunteerId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub expires_on: Date,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
