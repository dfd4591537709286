use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::{Application, RequireAgreement};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Require the partnership agreement for a one-time event.
///
/// Staff and admin. A one-time event "may not require a formal agreement" (`waived` says so);
/// this requires it anyway, with the reason in the history. Before formalizing starts; 409
/// `agreement_not_waived` when nothing is waived, `too_late` once formalizing started.
/// Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/applications/{id}/require-agreement", tag = "applications",
    request_body = RequireAgreement,
    params(("id" = ApplicationId, Path, description = "The application's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The application", body = Application,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn require_agreement(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
    if_match: IfMatch,
    body: web::Json<RequireAgreement>,
) -> ApiResult<HttpResponse> {
    let a = services::applications::require_agreement(
        &state.db,
        &auth,
        *id,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
