//! The `offer_support_areas` table: the support areas an offer helps with.

use domain::OfferId;
use domain::intake::SupportArea;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_support_areas")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: OfferId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub area: SupportArea,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
