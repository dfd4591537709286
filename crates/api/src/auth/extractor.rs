//! `AuthUser`: the signed-in caller, loaded fresh from the database on every request so a
//! deactivation or role change takes effect at once.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use db::repo::audience::Audience;
use domain::user::UserStatus;
use domain::{OrganizationId, Permission, Role, SchoolId, UserId, VolunteerId};
use std::future::Future;
use std::pin::Pin;
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

/// The caller, authenticated by a bearer access token.
#[derive(Debug, Clone)]
pub struct AuthUser {
    /// The user's id.
    pub id: UserId,
    /// The user's current role.
    pub role: Role,
    /// The volunteer profile of a volunteer's login.
    pub volunteer_id: Option<VolunteerId>,
    /// The request id, for the audit log.
    pub request_id: Option<String>,
    /// The account as read for this request (one query, in the extractor): `/auth/me` answers
    /// from it without reading again.
    pub account: domain::user::User,
}

impl AuthUser {
    /// Schools a coordinator is scoped to.
    pub fn school_ids(&self) -> &[SchoolId] {
        &self.account.school_ids
    }

    /// The organization of a partner contact.
    pub fn organization_id(&self) -> Option<OrganizationId> {
        self.account.organization_id
    }

    /// The rows this caller may see, by role: everything for staff and admins, their schools'
    /// for a coordinator, their organization's for a partner (nothing without one), their own
    /// for a volunteer (nothing without a profile). The services apply it, after checking the
    /// permission.
    pub fn audience(&self) -> Audience {
        match self.role {
            Role::Admin | Role::Staff => Audience::All,
            Role::SchoolCoordinator => Audience::Schools(self.school_ids().to_vec()),
            Role::Partner => Audience::Organization(
                self.organization_id()
                    .unwrap_or(OrganizationId(Uuid::nil())),
            ),
            Role::Volunteer => {
                Audience::Volunteer(self.volunteer_id.unwrap_or(VolunteerId(Uuid::nil())))
            }
        }
    }

    /// `403` unless the caller's role holds the permission.
    pub fn require(&self, p: Permission) -> Result<(), ApiError> {
        if self.role.can(p) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// The request id assigned by the tracing middleware, if any.
pub fn request_id(req: &HttpRequest) -> Option<String> {
    req.extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(|r| r.to_string())
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|t| t.trim().to_string());
        let request_id = request_id(req);
        // Until a password set by someone else is changed, only these answer.
        let while_changing = matches!(
            req.path(),
            "/api/v1/auth/me" | "/api/v1/auth/password" | "/api/v1/auth/logout"
        );
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState missing")))?;
            let token = bearer.ok_or(ApiError::Unauthorized(
                "sign in first: send Authorization: Bearer <access token>",
            ))?;
            let id = state.keys.verify(&token)?;
            let account = match db::repo::users::get(&state.db, id).await {
                Ok(a) => a,
                Err(db::DbError::NotFound) => {
                    return Err(ApiError::Unauthorized("the account no longer exists"));
                }
                Err(e) => return Err(e.into()),
            };
            if account.user.status != UserStatus::Active {
                return Err(ApiError::Unauthorized("the account is deactivated"));
            }
            if account.user.password_change_required && !while_changing {
                return Err(ApiError::PasswordChangeRequired);
            }
            tracing::Span::current().record("user.id", tracing::field::display(id));
            Ok(AuthUser {
                id,
                role: account.user.role,
                volunteer_id: account.volunteer_id,
                request_id,
                account: account.user,
            })
        })
    }
}
