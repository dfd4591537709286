use actix_web::{HttpRequest, HttpResponse, web};
use domain::auth::{ChangePassword, TokenResponse};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change my password.
///
/// Any signed-in user, with the current password (rate limited like a sign-in: 429 with
/// `Retry-After`); the new one has at least 12 characters and differs from it (422 on
/// `current_password` or `new_password`). A password that staff or an admin set must be changed
/// this way first: until then every other call answers 403 `password_change_required`. Every
/// session of the account ends; the answer starts a new one (a new access token and
/// `Set-Cookie: ph_refresh=…`). Audited without the passwords.
#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = ChangePassword,
    responses((status = 200, description = "Changed; a new session", body = TokenResponse)),
    security(("bearer" = [])))]
pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<ChangePassword>,
) -> ApiResult<HttpResponse> {
    let ip = crate::routes::client_ip(&req, &state.settings.server);
    let session = services::auth::change_password(&state, &auth, &ip, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .cookie(super::refresh_cookie(&state, session.refresh_token))
        .insert_header(("Cache-Control", "no-store"))
        .json(session.body))
}
