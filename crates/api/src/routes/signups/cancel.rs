use actix_web::{HttpResponse, web};
use domain::SignupId;
use domain::opportunity::{CancelRequest, Signup};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Cancel a sign-up.
///
/// The volunteer their own (another's: 404); coordinators of the school and staff any. The
/// freed slot goes to the first on the waitlist. Already cancelled: 409 `invalid_transition`.
#[utoipa::path(post, path = "/api/v1/signups/{id}/cancel", tag = "opportunities", request_body = CancelRequest,
    params(("id" = SignupId, Path, description = "The sign-up's id")),
    responses((status = 200, description = "The cancelled sign-up", body = Signup)),
    security(("bearer" = [])))]
pub async fn cancel(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<SignupId>,
    body: web::Json<CancelRequest>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(
        services::opportunities::cancel_signup(&state.db, &auth, *id, body.into_inner()).await?,
    ))
}
