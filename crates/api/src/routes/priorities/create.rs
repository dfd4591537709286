use actix_web::{HttpResponse, web};
use domain::needs::{Priority, PriorityInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Add a priority.
///
/// Admin only. A code another priority has: 409 `duplicate`. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/priorities", tag = "needs", request_body = PriorityInput,
    responses((status = 201, description = "Added", body = Priority,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<PriorityInput>,
) -> ApiResult<HttpResponse> {
    let p = services::needs::add_priority(&state.db, &auth, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Created(), &p))
}
