use actix_web::{HttpResponse, web};
use domain::Permission;
use domain::audit::{AuditEntity, AuditEvent};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Filters of the audit trail.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// The kind of record.
    pub entity: AuditEntity,
    /// One record's id.
    pub id: Option<String>,
    /// At most this many events (1–500, default 100; anything else is a 422).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u64>,
}

/// Audit trail of a record.
///
/// Admin and staff; the user-account trail (`entity=user`) admins only. Newest first: who did what, when, which fields changed, in which request.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, description = "Events, newest first", body = Vec<AuditEvent>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<AuditQuery>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::ReadAudit)?;
    if q.entity == AuditEntity::User {
        // Who changed which account, deactivations, ended partner access: for admins.
        auth.require(Permission::ManageUsers)?;
    }
    let limit = match q.limit {
        None => 100,
        Some(n @ 1..=500) => n,
        Some(_) => {
            return Err(crate::error::ApiError::invalid_field(
                "limit",
                "range",
                "Use a number of events from 1 to 500.",
            ));
        }
    };
    let events = services::audit::history(&state.db, q.entity, q.id.as_deref(), limit).await?;
    Ok(HttpResponse::Ok().json(events))
}
