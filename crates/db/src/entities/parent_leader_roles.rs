//! The `parent_leader_roles` table: the dated roles that make a volunteer a parent leader (PTA
//! officer, school leadership team, …), from the day they took it to the day they stepped down.

use domain::{UserId, VolunteerId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "parent_leader_roles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub volunteer_id: VolunteerId,
    pub role: String,
    pub started_on: Date,
    /// The day they stepped down (none: they hold it).
    pub ended_on: Option<Date>,
    pub recorded_by: Option<UserId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
