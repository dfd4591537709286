//! The `school_needs` table: a school's needs for a school year (the needs assessment).

use domain::intake::SupportArea;
use domain::needs::{AskUnit, HelpKind, NeedStatus};
use domain::{NeedId, PriorityId, SchoolId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "school_needs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: NeedId,
    pub school_id: SchoolId,
    /// The year the school year starts in.
    pub school_year: i32,
    pub support_area: SupportArea,
    pub priority_id: PriorityId,
    pub help_kind: HelpKind,
    pub description: String,
    pub ask_unit: AskUnit,
    pub ask_quantity: i64,
    pub timeframe: String,
    pub rank: i32,
    pub status: NeedStatus,
    pub status_reason: Option<String>,
    pub visible_to_partners: bool,
    pub internal_notes: String,
    pub recorded_by: UserId,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
