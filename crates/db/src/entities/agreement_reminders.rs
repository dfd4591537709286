//! The `agreement_reminders` table: Renewal reminders raised, one per agreement, threshold
//! and expiry date (the key makes a second raise impossible).

use domain::{AgreementId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_reminders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agreement_id: AgreementId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub threshold_days: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub expires_on: Date,
    pub owner_id: Option<UserId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
