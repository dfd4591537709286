//! The `agreement_deliverables` table: What each party delivers, and how it stands.

use domain::agreement::{DeliverableStatus, Responsible};
use domain::{AgreementId, DeliverableId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_deliverables")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: DeliverableId,
    pub agreement_id: AgreementId,
    pub position: i32,
    pub description: String,
    pub responsible: Responsible,
    pub metric: String,
    pub target: String,
    pub due_on: Option<Date>,
    pub cadence: String,
    pub status: DeliverableStatus,
    pub evidence: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
