//! The `plan_priorities` table: the strategic plan's goals and pillar priorities that school
//! needs align with (data an admin edits).

use domain::PriorityId;
use domain::needs::PriorityKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_priorities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: PriorityId,
    pub code: String,
    pub name: String,
    pub name_es: String,
    pub kind: PriorityKind,
    pub active: bool,
    pub position: i32,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
