//! The `directory_counts` table: the family directory's views and searches per month.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "directory_counts")]
pub struct Model {
    /// `YYYY-MM`, UTC.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: String,
    /// `view` or `search`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: String,
    pub n: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
