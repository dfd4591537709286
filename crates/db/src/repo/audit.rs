//! The audit log: append and read.

use chrono::Utc;
use domain::UserId;
use domain::audit::{AuditAction, AuditEntity, AuditEvent};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::DbResult;
use crate::entities::audit_events as ae;

/// A change to record.
#[derive(Debug, Clone)]
pub struct NewAuditEvent {
    /// Who did it; `None` for the system.
    pub actor: Option<UserId>,
    /// What was done.
    pub action: AuditAction,
    /// The kind of record.
    pub entity: AuditEntity,
    /// The record's id.
    pub entity_id: String,
    /// Changed fields, before and after.
    pub changes: serde_json::Value,
    /// The request that made the change.
    pub request_id: Option<String>,
}

/// Appends an event. Call it in the same transaction as the change.
pub async fn record(db: &impl ConnectionTrait, e: NewAuditEvent) -> DbResult<()> {
    ae::ActiveModel {
        id: Set(Uuid::now_v7()),
        at: Set(Utc::now()),
        actor_id: Set(e.actor),
        action: Set(e.action),
        entity: Set(e.entity),
        entity_id: Set(e.entity_id),
        changes: Set(e.changes.to_string()),
        request_id: Set(e.request_id),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    entity: AuditEntity,
    entity_id: Option<&str>,
    limit: u64,
) -> sea_orm::Select<ae::Entity> {
    let mut q = ae::Entity::find().filter(ae::Column::Entity.eq(entity));
    if let Some(id) = entity_id {
        q = q.filter(ae::Column::EntityId.eq(id));
    }
    q.order_by_desc(ae::Column::At)
        .order_by_desc(ae::Column::Id)
        .limit(limit)
}

/// Events for one entity kind (and optionally one record), newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    entity: AuditEntity,
    entity_id: Option<&str>,
    limit: u64,
) -> DbResult<Vec<AuditEvent>> {
    let rows = list_query(entity, entity_id, limit).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|m| AuditEvent {
            id: m.id,
            at: m.at,
            actor_id: m.actor_id,
            action: m.action,
            entity: m.entity,
            entity_id: m.entity_id,
            changes: serde_json::from_str(&m.changes).unwrap_or(serde_json::Value::Null),
            request_id: m.request_id,
        })
        .collect())
}

/// `{field: {before, after}}` for every top-level field that differs between two JSON objects.
pub fn diff(before: &serde_json::Value, after: &serde_json::Value) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else {
        return serde_json::json!({ "before": before, "after": after });
    };
    for (k, av) in a {
        if matches!(k.as_str(), "version" | "updated_at" | "created_at") {
            continue;
        }
        let bv = b.get(k).unwrap_or(&serde_json::Value::Null);
        if bv != av {
            out.insert(k.clone(), serde_json::json!({ "before": bv, "after": av }));
        }
    }
    serde_json::Value::Object(out)
}

/// `{status: {before, after}, reason}`: the changes of a status step taken with a reason.
pub fn status_change<S: serde::Serialize>(before: S, after: S, reason: &str) -> serde_json::Value {
    serde_json::json!({ "status": { "before": before, "after": after }, "reason": reason.trim() })
}

/// `{field: {before: null, after}}` for a created record.
pub fn created(after: &serde_json::Value) -> serde_json::Value {
    diff(&serde_json::json!({}), after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_lists_only_changed_fields() {
        let d = diff(&json!({"a": 1, "b": "x"}), &json!({"a": 1, "b": "y"}));
        assert_eq!(d, json!({"b": {"before": "x", "after": "y"}}));
    }
}
