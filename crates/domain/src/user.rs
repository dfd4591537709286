//! User accounts, as the admin users page sees them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::{OrganizationId, Role, SchoolId, UserId};

wire_enum!(
    /// Whether an account can sign in.
    UserStatus {
        /// Can sign in.
        Active => "active",
        /// Cannot sign in; all sessions were revoked.
        Deactivated => "deactivated",
    }
);

/// A change of a user's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserTransition {
    /// Stop the account from signing in.
    Deactivate,
    /// Let a deactivated account sign in again.
    Reactivate,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTransition {
    /// The status the record is in.
    pub from: &'static str,
    /// The transition that was asked for.
    pub action: &'static str,
}

impl UserStatus {
    /// The one place that decides which status changes are allowed.
    pub fn transition(self, t: UserTransition) -> Result<UserStatus, InvalidTransition> {
        match (self, t) {
            (UserStatus::Active, UserTransition::Deactivate) => Ok(UserStatus::Deactivated),
            (UserStatus::Deactivated, UserTransition::Reactivate) => Ok(UserStatus::Active),
            (from, t) => Err(InvalidTransition {
                from: from.as_str(),
                action: match t {
                    UserTransition::Deactivate => "deactivate",
                    UserTransition::Reactivate => "reactivate",
                },
            }),
        }
    }
}

/// A member of the office (staff or admin), as owner pickers show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    /// The user's id (what `owner_id` fields take).
    pub id: UserId,
    /// Name shown in the app.
    pub display_name: String,
}

/// Filters of `GET /api/v1/users` (by email; keyset pages).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct UserQuery {
    /// Text in the email or the name.
    pub q: Option<String>,
    /// Only this role.
    pub role: Option<Role>,
    /// Only this status.
    pub status: Option<UserStatus>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A user account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    /// The user's id.
    pub id: UserId,
    /// Email address (the sign-in name).
    pub email: String,
    /// Name shown in the app.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Schools a coordinator is scoped to.
    pub school_ids: Vec<SchoolId>,
    /// The organization of a partner contact.
    #[serde(default)]
    pub organization_id: Option<OrganizationId>,
    /// Whether the account can sign in.
    pub status: UserStatus,
    /// The password was set by staff or an admin and must be changed by its owner.
    #[serde(default)]
    pub password_change_required: bool,
    /// Optimistic-concurrency version; also sent as the `ETag`.
    pub version: i32,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
}

/// `POST /api/v1/users`: create an account with a temporary password to hand over (its owner
/// must change it at the first sign-in).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateUser {
    /// Email address.
    #[validate(email(message = "Enter a valid email address."))]
    #[cfg_attr(feature = "openapi", schema(format = Email))]
    pub email: String,
    /// Name shown in the app.
    #[validate(length(
        min = 1,
        max = 120,
        message = "Enter a name of at most 120 characters."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Schools (required for school coordinators).
    #[serde(default)]
    pub school_ids: Vec<SchoolId>,
    /// Initial password, at least 12 characters.
    #[validate(length(min = 12, max = 1024, message = "Use at least 12 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 1024))]
    pub password: String,
}

/// `PUT /api/v1/users/{id}`: change name, role and school scope (send `If-Match`).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateUser {
    /// Name shown in the app.
    #[validate(length(
        min = 1,
        max = 120,
        message = "Enter a name of at most 120 characters."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Schools (required for school coordinators).
    #[serde(default)]
    pub school_ids: Vec<SchoolId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deactivating_twice_is_refused() {
        let s = UserStatus::Active.transition(UserTransition::Deactivate);
        assert_eq!(s, Ok(UserStatus::Deactivated));
        assert!(
            UserStatus::Deactivated
                .transition(UserTransition::Deactivate)
                .is_err()
        );
        assert_eq!(
            UserStatus::Deactivated.transition(UserTransition::Reactivate),
            Ok(UserStatus::Active)
        );
    }
}
