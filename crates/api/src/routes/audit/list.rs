use actix_web::{HttpResponse, web};
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
    let events = services::audit::history(
        &state.db,
        &(&auth).into(),
        q.entity,
        q.id.as_deref(),
        q.limit,
    )
    .await?;
    Ok(HttpResponse::Ok().json(events))
}
