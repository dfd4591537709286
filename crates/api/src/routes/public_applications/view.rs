use actix_web::{HttpRequest, HttpResponse, web};
use domain::application::ApplicantView;

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Open an application by its resume token.
///
/// Status, answers, the office's message when returned for information, and the history (no
/// staff-only notes). Unknown tokens answer 404.
#[utoipa::path(get, path = "/api/v1/public/applications/{token}", tag = "public",
    params(("token" = String, Path, description = "The resume token")),
    responses((status = 200, description = "The application", body = ApplicantView,
        headers(("ETag" = String, description = "The version")))))]
pub async fn view(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let v = services::applications::view(&state.db, &token).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
