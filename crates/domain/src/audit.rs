//! The audit trail: who changed what, when, and how.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::UserId;

wire_enum!(
    /// The kinds of record that have an audit trail.
    AuditEntity {
        /// A school of the directory.
        School => "school",
        /// A user account (its trail is for admins only).
        User => "user",
        /// A partner organization and its contacts.
        Organization => "organization",
        /// A partnership application.
        Application => "application",
        /// An agreement (MOU).
        Agreement => "agreement",
        /// A district goal.
        Goal => "goal",
        /// A volunteer profile.
        Volunteer => "volunteer",
        /// A volunteer opportunity.
        Opportunity => "opportunity",
        /// A sign-up for an opportunity.
        Signup => "signup",
        /// Volunteer hours.
        Hours => "hours",
        /// A setting of the office.
        Setting => "setting",
    }
);

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
    /// The kind of record.
    pub entity: AuditEntity,
    /// The record's id.
    pub entity_id: String,
    /// Changed fields: `{ "field": { "before": …, "after": … } }`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub changes: serde_json::Value,
    /// The request that made the change.
    pub request_id: Option<String>,
}
