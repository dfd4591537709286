use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::{Application, TransitionRequest};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Take a step of the process.
///
/// Staff and admin. `start_vetting`, `start_planning` (every criterion confirmed, else 409
/// `criteria_not_met`; an admin may set `override_criteria`, which is recorded),
/// `start_formalizing` (every applicable planning item done, else 409 `planning_incomplete`;
/// creates a sub-task per formal process), `approve` (every sub-task done or not needed, else
/// 409 `subtasks_open`; the organization becomes an active partner, and the answers become its
/// offers, one per kind of contribution, which the office then edits), `decline`, `withdraw`,
/// `return_for_information` (these three need a `note`). A step not allowed from the current
/// status answers 409 `invalid_transition`. Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/applications/{id}/transitions", tag = "applications", request_body = TransitionRequest,
    params(("id" = ApplicationId, Path, description = "The application's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The application after the step", body = Application,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn transition(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
    if_match: IfMatch,
    body: web::Json<TransitionRequest>,
) -> ApiResult<HttpResponse> {
    let url = &state.settings.server.public_url;
    let a = services::applications::transition(
        &state.db,
        url,
        &auth,
        *id,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
