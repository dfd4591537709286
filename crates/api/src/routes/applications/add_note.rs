use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::{Application, NewNote};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Add a note.
///
/// Staff and admin. Staff-only by default (`staff_only: false` shows it to the partner).
/// Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/applications/{id}/notes", tag = "applications", request_body = NewNote,
    params(("id" = ApplicationId, Path, description = "The application's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The application", body = Application,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn add_note(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
    if_match: IfMatch,
    body: web::Json<NewNote>,
) -> ApiResult<HttpResponse> {
    let a = services::applications::add_note(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
