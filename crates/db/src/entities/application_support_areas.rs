//! The `application_support_areas` table: Support areas an application serves (filters).

use domain::ApplicationId;
use domain::intake::SupportArea;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application_support_areas")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: ApplicationId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub area: SupportArea,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
