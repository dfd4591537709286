//! Reading the audit trail.

use db::repo::audit as repo;
use domain::Permission;
use domain::audit::{AuditEntity, AuditEvent};
use sea_orm::DatabaseConnection;

use super::Actor;
use crate::error::{ApiError, ApiResult};

/// The newest events of an entity kind, optionally for one record (1–500, default 100). The
/// office reads it; the user-account trail (who changed which account, deactivations, ended
/// partner access) is for admins.
pub async fn history(
    db: &DatabaseConnection,
    actor: &Actor,
    entity: AuditEntity,
    id: Option<&str>,
    limit: Option<u64>,
) -> ApiResult<Vec<AuditEvent>> {
    actor.require(Permission::ReadAudit)?;
    if entity == AuditEntity::User {
        actor.require(Permission::ManageUsers)?;
    }
    let limit = match limit {
        None => 100,
        Some(n @ 1..=500) => n,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "limit",
                "range",
                "Use a number of events from 1 to 500.",
            ));
        }
    };
    Ok(repo::list(db, entity, id, limit).await?)
}
