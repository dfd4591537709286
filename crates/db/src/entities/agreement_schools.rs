//! The `agreement_schools` table: An agreement's collaborating schools.

use domain::{AgreementId, SchoolId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_schools")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agreement_id: AgreementId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub school_id: SchoolId,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
