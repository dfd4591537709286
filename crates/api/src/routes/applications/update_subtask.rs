use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::{Application, SubtaskUpdate};
use domain::intake::FormalProcess;

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Update a formal-process sub-task.
///
/// Staff and admin, while formalizing: status (`open`, `in_progress`, `done`, `not_needed`),
/// owner (a staff member) and notes. Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/applications/{id}/subtasks/{process}", tag = "applications", request_body = SubtaskUpdate,
    params(("id" = ApplicationId, Path, description = "The application's id"),
        ("process" = FormalProcess, Path, description = "The formal process"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The application", body = Application,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update_subtask(
    state: web::Data<AppState>,
    auth: AuthUser,
    path: web::Path<(ApplicationId, FormalProcess)>,
    if_match: IfMatch,
    body: web::Json<SubtaskUpdate>,
) -> ApiResult<HttpResponse> {
    let (id, process) = path.into_inner();
    let a = services::applications::update_subtask(
        &state.db,
        &auth,
        id,
        if_match.0,
        process,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
