//! Sign-in types.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::{OrganizationId, Role, SchoolId, UserId};

/// Credentials for `POST /api/v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"email": "staff@partnerhub.test", "password": "demo-staff-password"})))]
pub struct LoginRequest {
    /// The account's email address.
    #[validate(length(min = 3, max = 254, message = "Enter your email address."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 254))]
    pub email: String,
    /// The account's password.
    #[validate(length(min = 1, max = 1024, message = "Enter your password."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1024))]
    pub password: String,
}

/// An access token. The refresh token travels only in the `ph_refresh` HttpOnly cookie.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// The signed-in user.
    pub user: Me,
}

/// The signed-in user, as `GET /api/v1/auth/me` answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// The user's id.
    pub id: UserId,
    /// The user's email.
    pub email: String,
    /// The user's display name.
    pub display_name: String,
    /// The user's role.
    pub role: Role,
    /// Schools a school coordinator is scoped to (empty for other roles).
    pub school_ids: Vec<SchoolId>,
    /// The organization a partner contact belongs to.
    #[serde(default)]
    pub organization_id: Option<OrganizationId>,
    /// The password was set by someone else: until it is changed (`POST
    /// /api/v1/auth/password`) every other call answers 403 `password_change_required`.
    #[serde(default)]
    pub password_change_required: bool,
}

/// `POST /api/v1/public/applications/resume-links`: email me fresh links to my applications.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"email": "rosa@readingbuddies.example.org"})))]
pub struct ResumeLinkRequest {
    /// The contact email given in the application.
    #[validate(email(code = "email", message = "Enter a valid email address."))]
    #[cfg_attr(feature = "openapi", schema(format = Email))]
    pub email: String,
}

/// `POST /api/v1/auth/password`: the signed-in user changes their password.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"current_password": "the-one-i-was-given", "new_password": "a-new-long-passphrase"})))]
pub struct ChangePassword {
    /// The password in use now.
    #[validate(length(min = 1, max = 1024, message = "Enter your current password."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1024))]
    pub current_password: String,
    /// The new password, at least 12 characters and not the current one.
    #[validate(length(min = 12, max = 1024, message = "Use at least 12 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 1024))]
    pub new_password: String,
}

/// `POST /api/v1/auth/password-reset`: send a link that sets a new password.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"email": "volunteer@partnerhub.test"})))]
pub struct PasswordResetRequest {
    /// The account's email.
    #[validate(email(code = "email", message = "Enter a valid email address."))]
    #[cfg_attr(feature = "openapi", schema(format = Email))]
    pub email: String,
}

/// `POST /api/v1/auth/password-reset/confirm`: set the password with the link's token.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"token": "q3-7nW…", "password": "a long new password"})))]
pub struct PasswordResetConfirm {
    /// The token from the link (after `#` in `/reset-password#…`).
    #[validate(length(
        min = 1,
        max = 200,
        message = "This link is incomplete; open it again from the email."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub token: String,
    /// The new password (at least 12 characters).
    #[validate(length(min = 12, max = 1024, message = "Use at least 12 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 1024))]
    pub password: String,
}
