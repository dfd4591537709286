//! The `volunteer_interests` table: What a volunteer would like to do.

use domain::VolunteerId;
use domain::volunteer::Interest;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_interests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub volunteer_id: VolunteerId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub interest: Interest,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
