//! The audit trail: who changed what, when, and how.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::UserId;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    /// The event's id.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: uuid::Uuid,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who did it (absent for the system, e.g. a command-line import).
    pub actor_id: Option<UserId>,
    /// What was done: `create`, `update`, `archive`, `import`, `deactivate`, `login`…
    pub action: String,
    /// The kind of record: `school`, `user`.
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// Changed fields: `{ "field": { "before": …, "after": … } }`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub changes: serde_json::Value,
    /// The request that made the change.
    pub request_id: Option<String>,
}
