//! The `audit_events` table: append-only.

use domain::UserId;
use domain::audit::{AuditAction, AuditEntity};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub at: DateTimeUtc,
    pub actor_id: Option<UserId>,
    pub action: AuditAction,
    pub entity: AuditEntity,
    pub entity_id: String,
    /// JSON text: `{ "field": { "before": …, "after": … } }`.
    pub changes: String,
    pub request_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
