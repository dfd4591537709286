//! The `agreement_history` table: Every step of an agreement, with the day it took effect.

use domain::agreement::AgreementStatus;
use domain::{AgreementId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_history")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agreement_id: AgreementId,
    pub at: DateTimeUtc,
    pub effective_on: Date,
    pub actor_id: Option<UserId>,
    pub action: String,
    pub from_status: Option<AgreementStatus>,
    pub to_status: Option<AgreementStatus>,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
