use actix_web::{HttpRequest, HttpResponse, http::header, web};
use domain::volunteer::BadgeCheck;

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Check a volunteer badge.
///
/// No account needed: the token comes from a badge's QR code. Answers the first name, last
/// initial and whether the volunteer may serve today, read live (an old badge shows today's
/// truth); never why not. An unknown token: 404. Throttled per address.
#[utoipa::path(get, path = "/api/v1/public/badges/{token}", tag = "public",
    params(("token" = String, Path, description = "The token in the badge's QR code")),
    responses((status = 200, description = "The check", body = BadgeCheck)))]
pub async fn check_badge(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<HttpResponse> {
    crate::routes::public_applications::throttle(&req, &state)?;
    let check = services::volunteers::check_badge(
        &state.db,
        &state.keys,
        &token,
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(check))
}
