use actix_web::{HttpResponse, web};
use domain::volunteer::Volunteer;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// My volunteer profile.
///
/// For a volunteer login: the profile, the clearance ledger and today's standing (whether they
/// may sign up, and if not, why). Other roles: 403.
#[utoipa::path(get, path = "/api/v1/volunteers/me", tag = "volunteers",
    responses((status = 200, description = "The profile", body = Volunteer,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn me(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    let v = services::volunteers::me(
        &state.db,
        &auth,
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
