//! The `goals` table: The district's goals (baseline, target, deadline), editable by admin.

use domain::UserId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "goals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    pub baseline: i64,
    pub target: i64,
    pub deadline: Date,
    pub counted_kinds: String,
    pub version: i32,
    pub updated_by: Option<UserId>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
