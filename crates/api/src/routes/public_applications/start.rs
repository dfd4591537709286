use actix_web::{HttpRequest, HttpResponse, web};
use domain::application::{DraftCreated, StartApplication};

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Start an application.
///
/// No account needed. Saves what was filled in as a draft and answers the resume token (the
/// link `/apply#{token}` is also queued for the contact's email). Leave `fax_number` empty.
/// Rate limited per IP (429 with `Retry-After`).
#[utoipa::path(post, path = "/api/v1/public/applications", tag = "public", request_body = StartApplication,
    responses((status = 201, description = "Draft saved", body = DraftCreated)))]
pub async fn start(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<StartApplication>,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let created = services::applications::start(
        &state.db,
        &state.settings.server.public_url,
        body.into_inner(),
    )
    .await
    .map_err(|e| e.in_language(super::language(&req)))?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(created))
}
