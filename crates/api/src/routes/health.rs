//! Liveness and readiness probes.

use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// A probe's answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: &'static str,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "health", responses((status = 200, description = "Alive", body = Health)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// Readiness: the database answers.
#[utoipa::path(get, path = "/readyz", tag = "health", responses(
    (status = 200, description = "Ready", body = Health),
))]
pub async fn readyz(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    db::ping(&state.db).await.map_err(|e| {
        tracing::warn!(error = %e, "database not reachable");
        ApiError::Unavailable
    })?;
    Ok(HttpResponse::Ok().json(Health { status: "ok" }))
}
