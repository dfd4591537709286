use actix_web::{HttpRequest, HttpResponse, web};
use domain::application::{ApplicantView, ApplicationForm};

use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Save the draft.
///
/// While a draft or returned for information. Requires `If-Match` (another tab may have saved).
/// Field messages are in Spanish when `Accept-Language` puts Spanish first.
#[utoipa::path(put, path = "/api/v1/public/applications/{token}", tag = "public", request_body = ApplicationForm,
    params(("token" = String, Path, description = "The resume token"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Saved", body = ApplicantView,
        headers(("ETag" = String, description = "The new version")))))]
pub async fn save(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<ApplicationForm>,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let v = services::applications::save(&state.db, &token, if_match.0, body.into_inner())
        .await
        .map_err(|e| e.in_language(super::language(&req)))?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
