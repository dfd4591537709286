//! The `application_schools` table: Schools an application serves (filters and coordinator scoping).

use domain::{ApplicationId, SchoolId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application_schools")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: ApplicationId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub school_id: SchoolId,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
