use actix_web::{HttpRequest, HttpResponse, web};
use domain::auth::PasswordResetRequest;

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Ask for a password reset link.
///
/// No account needed. When an active account has this email, a message with a one-time link
/// (`/reset-password#…`, valid two hours) is queued for it. The answer is 202 either way, so it
/// does not tell who has an account. Throttled per address.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth", request_body = PasswordResetRequest,
    responses((status = 202, description = "If the account exists, a link is on its way")))]
pub async fn request_password_reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<PasswordResetRequest>,
) -> ApiResult<HttpResponse> {
    crate::routes::public_applications::throttle(&req, &state)?;
    services::passwords::request_reset(
        &state.db,
        &state.settings.server.public_url,
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Accepted().finish())
}
