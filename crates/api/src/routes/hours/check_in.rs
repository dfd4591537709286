use actix_web::{HttpResponse, web};
use domain::hours::{CheckIn, HourEntry};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Check in at a school.
///
/// Volunteers only, after scanning the school's code (it opens `/volunteer/check-in/{school}`).
/// Needs a current clearance: 409 `clearance_pending`, `clearance_denied`, `clearance_expired`
/// or `clearance_missing`, saying what to do. Already checked in: 409 `already_checked_in`.
#[utoipa::path(post, path = "/api/v1/hours/check-in", tag = "hours", request_body = CheckIn,
    responses((status = 201, description = "Checked in (an open visit)", body = HourEntry)),
    security(("bearer" = [])))]
pub async fn check_in(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<CheckIn>,
) -> ApiResult<HttpResponse> {
    let e = services::hours::check_in(
        &state.db,
        &auth,
        body.into_inner(),
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(HttpResponse::Created().json(e))
}
