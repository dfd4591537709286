//! The `volunteer_schools` table: Schools a volunteer wants to serve.

use domain::{SchoolId, VolunteerId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_schools")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub volunteer_id: VolunteerId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub school_id: SchoolId,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
