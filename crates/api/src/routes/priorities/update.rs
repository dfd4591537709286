use actix_web::{HttpResponse, web};
use domain::PriorityId;
use domain::needs::{Priority, PriorityInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change or retire a priority.
///
/// Admin only. `active: false` retires it: the needs that name it keep it, new needs cannot
/// choose it. A code another priority has: 409 `duplicate`. Requires `If-Match`. Recorded in
/// the audit log.
#[utoipa::path(put, path = "/api/v1/priorities/{id}", tag = "needs", request_body = PriorityInput,
    params(("id" = PriorityId, Path, description = "The priority's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The priority", body = Priority,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<PriorityId>,
    if_match: IfMatch,
    body: web::Json<PriorityInput>,
) -> ApiResult<HttpResponse> {
    let p = services::needs::revise_priority(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &p))
}
