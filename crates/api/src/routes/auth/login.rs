use actix_web::{HttpRequest, HttpResponse, web};
use domain::auth::{LoginRequest, TokenResponse};
use validator::Validate;

use crate::error::{ApiError, ApiResult};
use crate::services;
use crate::state::AppState;

/// Sign in.
///
/// Answers an access token (valid at most 15 minutes) and sets the `ph_refresh` HttpOnly
/// cookie. Wrong email and wrong password get the same answer. Rate limited per IP and per
/// account (429 with `Retry-After`).
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, description = "Signed in; `Set-Cookie: ph_refresh=…`", body = TokenResponse)))]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate().map_err(|e| ApiError::validation(&e))?;
    let ip = crate::routes::client_ip(&req, &state.settings.server);
    let session = services::auth::login(&state, &ip, body).await?;
    Ok(HttpResponse::Ok()
        .cookie(super::refresh_cookie(&state, session.refresh_token))
        .insert_header(("Cache-Control", "no-store"))
        .json(session.body))
}
