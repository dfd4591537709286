use actix_web::{HttpResponse, web};
use domain::hours::{HourEntry, HourQuery};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List hours.
///
/// Volunteers see their own; coordinators their schools'; staff everyone's (partners: 403).
/// `status=pending` lists the review queue oldest first; otherwise newest first. Corrected
/// entries are left out unless `include_superseded=true`; `flagged=true` lists visits closed
/// automatically at the cap.
#[utoipa::path(get, path = "/api/v1/hours", tag = "hours", params(HourQuery),
    responses((status = 200, description = "A page of hour entries", body = Page<HourEntry>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<HourQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::hours::browse(&state.db, &auth, &q).await?))
}
