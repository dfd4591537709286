//! Reading the audit trail.

use db::repo::audit as repo;
use domain::audit::AuditEvent;
use sea_orm::DatabaseConnection;

use crate::error::{ApiError, ApiResult};

/// Entity kinds that have an audit trail.
pub const ENTITIES: &[&str] = &[
    "school",
    "user",
    "organization",
    "application",
    "agreement",
    "goal",
    "volunteer",
    "opportunity",
    "signup",
    "hours",
    "setting",
];

/// The newest events of an entity kind, optionally for one record.
pub async fn history(
    db: &DatabaseConnection,
    entity: &str,
    id: Option<&str>,
    limit: u64,
) -> ApiResult<Vec<AuditEvent>> {
    if !ENTITIES.contains(&entity) {
        return Err(ApiError::invalid_field(
            "entity",
            "unknown",
            &format!("entity must be one of: {}", ENTITIES.join(", ")),
        ));
    }
    Ok(repo::list(db, entity, id, limit).await?)
}
