use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::agreement::{Goal, GoalInput};

use crate::auth::AuthUser;
use crate::concurrency::{IfMatch, etag};
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change a goal.
///
/// Admin only. Recorded in the audit log. Requires `If-Match` (the goal's `version`).
#[utoipa::path(put, path = "/api/v1/goals/{key}", tag = "metrics", request_body = GoalInput,
    params(("key" = String, Path, description = "`active_mous` or `active_volunteers`"),
        ("If-Match" = String, Header, description = "The version you read, quoted")),
    responses((status = 200, description = "The goal", body = Goal,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    key: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<GoalInput>,
) -> ApiResult<HttpResponse> {
    let g = services::agreements::set_goal(&state.db, &auth, &key, if_match.0, body.into_inner())
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(g.version)))
        .json(g))
}
