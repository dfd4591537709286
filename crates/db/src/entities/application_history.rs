//! The `application_history` table: Every step and note of an application.

use domain::intake::ApplicationStatus;
use domain::{ApplicationId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application_history")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub application_id: ApplicationId,
    pub at: DateTimeUtc,
    pub actor_id: Option<UserId>,
    pub action: String,
    pub from_status: Option<ApplicationStatus>,
    pub to_status: Option<ApplicationStatus>,
    pub note: Option<String>,
    pub staff_only: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
