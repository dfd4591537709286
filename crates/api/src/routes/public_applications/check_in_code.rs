use actix_web::{HttpRequest, HttpResponse, web};
use domain::SchoolId;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// A school's volunteer check-in code.
///
/// No account needed (it encodes a public address): an SVG QR code of
/// `{public_url}/volunteer/check-in/{id}`, which opens the check-in page on the volunteer's
/// phone. Schools print it and post it at the front office.
#[utoipa::path(get, path = "/api/v1/public/schools/{id}/check-in-code.svg", tag = "public",
    params(("id" = SchoolId, Path, description = "The school's id")),
    responses((status = 200, description = "The QR code", body = String, content_type = "image/svg+xml")))]
pub async fn check_in_code(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<SchoolId>,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    db::repo::schools::get(&state.db, *id)
        .await
        .map_err(|_| ApiError::NotFound("school"))?;
    let url = format!(
        "{}/volunteer/check-in/{}",
        state.settings.server.public_url.trim_end_matches('/'),
        *id
    );
    let svg = crate::qr::svg(&url)?;
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .body(svg))
}
