use actix_web::{HttpRequest, HttpResponse, web};
use domain::application::{ApplicantView, WithdrawRequest};

use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Withdraw the application.
///
/// By the applicant, from any open step, with a reason (422 without one; 409 when it is
/// already closed). Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/public/applications/{token}/withdraw", tag = "public", request_body = WithdrawRequest,
    params(("token" = String, Path, description = "The resume token"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Withdrawn", body = ApplicantView,
        headers(("ETag" = String, description = "The new version")))))]
pub async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    token: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<WithdrawRequest>,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let v =
        services::applications::withdraw_by_applicant(&state.db, &token, if_match.0, &body.reason)
            .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
