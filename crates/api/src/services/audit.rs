//! The audit trail: the one way a change is recorded, and reading it back.

use db::repo::audit::{self as repo, NewAuditEvent};
pub use db::repo::audit::{created, diff, status_change};
use domain::Permission;
pub use domain::audit::AuditAction;
use domain::audit::{AuditEntity, AuditEvent};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::Actor;
use crate::error::{ApiError, ApiResult};

/// Records that `actor` did `action` to the record `id` of kind `entity`, with the changed
/// fields. Call it in the transaction that makes the change, so both land or neither does.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    entity: AuditEntity,
    id: impl ToString,
    action: impl Into<AuditAction>,
    changes: serde_json::Value,
) -> ApiResult<()> {
    repo::record(
        db,
        NewAuditEvent {
            actor: actor.user,
            action: action.into(),
            entity,
            entity_id: id.to_string(),
            changes,
            request_id: actor.request_id.clone(),
        },
    )
    .await?;
    Ok(())
}

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
