//! The `agreement_documents` table: Versions of the agreement file (content in the store).

use domain::{AgreementId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement_documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub agreement_id: AgreementId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub uploaded_by: Option<UserId>,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
