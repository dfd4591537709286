use actix_web::{HttpResponse, web};
use domain::NeedId;
use domain::needs::{Need, NeedInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change a need.
///
/// Staff and admin; coordinators for their schools (another school's: 404). The school and the
/// school year stay (422 when they differ); a rank another need holds: 409 `rank_taken`.
/// Requires `If-Match`. Recorded in the audit log.
#[utoipa::path(put, path = "/api/v1/needs/{id}", tag = "needs", request_body = NeedInput,
    params(("id" = NeedId, Path, description = "The need's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The need", body = Need,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<NeedId>,
    if_match: IfMatch,
    body: web::Json<NeedInput>,
) -> ApiResult<HttpResponse> {
    let n = services::needs::revise(&state.db, &auth, *id, if_match.0, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &n))
}
