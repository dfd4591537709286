use actix_web::{HttpRequest, HttpResponse, web};
use domain::application::ApplicantView;

use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Send the application.
///
/// Checks every answer (422 lists each missing or invalid one, e.g. `program.support_areas`),
/// then sends it to the office: matched to an existing organization or recorded as a new
/// applicant. After a return for information, sends the answers again. Field messages are in
/// Spanish when `Accept-Language` puts Spanish first (`es`), else English.
#[utoipa::path(post, path = "/api/v1/public/applications/{token}/submit", tag = "public",
    params(("token" = String, Path, description = "The resume token"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Sent", body = ApplicantView,
        headers(("ETag" = String, description = "The new version")))))]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let v = services::applications::submit(&state.db, &token, if_match.0)
        .await
        .map_err(|e| e.in_language(super::language(&req)))?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
