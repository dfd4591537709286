use actix_web::{HttpResponse, web};
use domain::NeedId;
use domain::needs::{Need, NeedTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Move a need along its statuses.
///
/// `partly_meet`, `meet`, `withdraw` (it leaves the coverage count) or `reopen`, with an
/// optional reason. A step the status does not allow: 409 `invalid_transition`; reopening a
/// withdrawn need whose rank another holds: 409 `rank_taken`. Staff and admin; coordinators for
/// their schools. Requires `If-Match`. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/needs/{id}/transition", tag = "needs", request_body = NeedTransition,
    params(("id" = NeedId, Path, description = "The need's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The need", body = Need,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn transition(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<NeedId>,
    if_match: IfMatch,
    body: web::Json<NeedTransition>,
) -> ApiResult<HttpResponse> {
    let n =
        services::needs::transition(&state.db, &auth, *id, if_match.0, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &n))
}
