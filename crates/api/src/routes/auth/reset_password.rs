use actix_web::{HttpRequest, HttpResponse, web};
use domain::auth::PasswordResetConfirm;

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Set a new password with a one-time link.
///
/// The token is what follows `#` in a reset or invitation link. It works once and until it
/// expires (422 `expired` on the `token` field otherwise); every session of the account ends.
/// Then sign in with the new password. Throttled per address.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/confirm", tag = "auth", request_body = PasswordResetConfirm,
    responses((status = 204, description = "The password is set")))]
pub async fn reset_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<PasswordResetConfirm>,
) -> ApiResult<HttpResponse> {
    crate::routes::public_applications::throttle(&req, &state)?;
    services::passwords::reset(&state.db, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
