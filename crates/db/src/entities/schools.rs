//! The `schools` table.

use domain::SchoolId;
use domain::school::{Designation, SchoolLevel, SchoolStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "schools")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: SchoolId,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    /// Lower-cased `name code`, for portable case-insensitive search.
    pub search_key: String,
    pub level: SchoolLevel,
    pub region: String,
    pub title_i: bool,
    pub designation: Designation,
    pub address: String,
    pub city: String,
    pub postal_code: String,
    pub status: SchoolStatus,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
