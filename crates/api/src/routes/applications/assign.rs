use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::{Application, Assignment};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Assign an application.
///
/// Staff and admin: the staff owner and the collaborating department. Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/applications/{id}/assignment", tag = "applications", request_body = Assignment,
    params(("id" = ApplicationId, Path, description = "The application's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The application", body = Application,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn assign(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
    if_match: IfMatch,
    body: web::Json<Assignment>,
) -> ApiResult<HttpResponse> {
    let a = services::applications::assign(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
