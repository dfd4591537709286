//! The `offer_reach` table: where an offer reaches — `school` (a school's id), `region` (a
//! region's name) or `level` (a school level). An offer without rows reaches the district.

use domain::OfferId;
use sea_orm::entity::prelude::*;

/// What an `offer_reach` row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum Reach {
    /// A school, by id.
    #[sea_orm(string_value = "school")]
    School,
    /// A region, by name.
    #[sea_orm(string_value = "region")]
    Region,
    /// A school level.
    #[sea_orm(string_value = "level")]
    Level,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_reach")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: OfferId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: Reach,
    #[sea_orm(primary_key, auto_increment = false)]
    pub value: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
