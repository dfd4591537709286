//! The `agreement_signatures` table: Who signed for each party, when, from where.

use domain::agreement::Party;
use domain::{AgreementId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_signatures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agreement_id: AgreementId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub party: Party,
    pub signer_name: String,
    pub signer_id: Option<UserId>,
    pub signed_at: DateTimeUtc,
    pub ip: String,
    pub document_sha256: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
