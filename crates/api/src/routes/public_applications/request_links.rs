use actix_web::{HttpRequest, HttpResponse, web};
use domain::auth::ResumeLinkRequest;
use validator::Validate;

use crate::error::{ApiError, ApiResult};
use crate::services;
use crate::state::AppState;

/// Email me fresh resume links.
///
/// No account needed. A resume link works for 30 days; when one expired (410 `link_expired`),
/// the applicant gives the contact email of the application and every application still open
/// to them (a draft, or returned for information) gets a fresh link by email; earlier links stop
/// working. The answer is the same whether or not the email applied. Rate limited per IP (429
/// with `Retry-After`).
#[utoipa::path(post, path = "/api/v1/public/applications/resume-links", tag = "public", request_body = ResumeLinkRequest,
    responses((status = 202, description = "If the email has open applications, fresh links are on their way")))]
pub async fn request_links(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<ResumeLinkRequest>,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let body = body.into_inner();
    body.validate()
        .map_err(|e| ApiError::validation(&e).in_language(super::language(&req)))?;
    services::applications::send_fresh_links(
        &state.db,
        &state.settings.server.public_url,
        &body.email,
    )
    .await?;
    Ok(HttpResponse::Accepted().finish())
}
