use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::{Application, MatchResolution};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Settle an application's possible match.
///
/// Staff and admin. A submitted application whose organization looks like one already in the
/// directory (same EIN, or a similar name and website) is not linked to it until staff decide:
/// `link` attaches it to that organization and adds the applicant as a contact;
/// `new_organization` gives it a new organization of its own. 409 `no_match_pending` when
/// there is nothing to decide. Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/applications/{id}/organization-match", tag = "applications",
    request_body = MatchResolution,
    params(("id" = ApplicationId, Path, description = "The application's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The application", body = Application,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn resolve_match(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
    if_match: IfMatch,
    body: web::Json<MatchResolution>,
) -> ApiResult<HttpResponse> {
    let a =
        services::applications::resolve_match(&state.db, &auth, *id, if_match.0, body.into_inner())
            .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
