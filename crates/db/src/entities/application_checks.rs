//! The `application_checks` table: Vetting and planning checklist answers.

use domain::application::CheckAnswer;
use domain::{ApplicationId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "application_checks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: ApplicationId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub item: String,
    pub answer: CheckAnswer,
    pub note: String,
    pub updated_by: Option<UserId>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
