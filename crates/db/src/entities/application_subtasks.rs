//! The `application_subtasks` table: Formal-process sub-tasks of an application.

use domain::application::SubtaskStatus;
use domain::intake::FormalProcess;
use domain::{ApplicationId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application_subtasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: ApplicationId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub process: FormalProcess,
    pub status: SubtaskStatus,
    pub owner_id: Option<UserId>,
    pub note: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
