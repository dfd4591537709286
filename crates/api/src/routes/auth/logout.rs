use actix_web::{HttpRequest, HttpResponse, web};

use crate::auth::tokens::REFRESH_COOKIE;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Sign out.
///
/// Revokes the session of the `ph_refresh` cookie and clears it. Always answers 204.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "Signed out")),
    security(("refresh_cookie" = [])))]
pub async fn logout(req: HttpRequest, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let token = req.cookie(REFRESH_COOKIE).map(|c| c.value().to_string());
    services::auth::logout(&state, token.as_deref()).await?;
    Ok(HttpResponse::NoContent()
        .cookie(super::clear_cookie(&state))
        .finish())
}
