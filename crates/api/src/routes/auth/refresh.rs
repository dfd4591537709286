use actix_web::{HttpRequest, HttpResponse, web};
use domain::auth::TokenResponse;

use crate::auth::tokens::REFRESH_COOKIE;
use crate::error::{ApiError, ApiResult};
use crate::services;
use crate::state::AppState;

/// Refresh the session.
///
/// Send the `ph_refresh` cookie; answers a new access token and rotates the cookie. A refresh
/// token works once: presenting a used one ends every session of that sign-in.
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth",
    responses((status = 200, description = "New tokens; `Set-Cookie: ph_refresh=…`", body = TokenResponse)),
    security(("refresh_cookie" = [])))]
pub async fn refresh(req: HttpRequest, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let token = req
        .cookie(REFRESH_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty())
        .ok_or(ApiError::Unauthorized("no session: sign in first"))?;
    match services::auth::refresh(&state, &token).await {
        Ok(session) => Ok(HttpResponse::Ok()
            .cookie(super::refresh_cookie(&state, session.refresh_token))
            .insert_header(("Cache-Control", "no-store"))
            .json(session.body)),
        Err(e) => {
            let mut res = actix_web::ResponseError::error_response(&e);
            let _ = res.add_cookie(&super::clear_cookie(&state));
            Ok(res)
        }
    }
}
