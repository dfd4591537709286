//! Reading the audit trail.

use db::repo::audit as repo;
use domain::audit::{AuditEntity, AuditEvent};
use sea_orm::DatabaseConnection;

use crate::error::ApiResult;

/// The newest events of an entity kind, optionally for one record.
pub async fn history(
    db: &DatabaseConnection,
    entity: AuditEntity,
    id: Option<&str>,
    limit: u64,
) -> ApiResult<Vec<AuditEvent>> {
    Ok(repo::list(db, entity, id, limit).await?)
}
