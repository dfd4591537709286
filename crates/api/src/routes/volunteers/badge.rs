use actix_web::{HttpResponse, http::header, web};
use domain::volunteer::Badge;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// My volunteer badge.
///
/// For a volunteer login: name, today's standing, and a QR code (SVG) of the address where
/// anyone at a school can check the badge — it shows only the first name, last initial and
/// whether the volunteer may serve today. Other roles: 403.
#[utoipa::path(get, path = "/api/v1/volunteers/me/badge", tag = "volunteers",
    responses((status = 200, description = "The badge", body = Badge)),
    security(("bearer" = [])))]
pub async fn badge(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    let b = services::volunteers::badge(
        &state.db,
        &auth,
        &state.keys,
        &state.settings.server.public_url,
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(b))
}
