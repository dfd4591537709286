use actix_web::{HttpResponse, web};
use domain::volunteer::{StopVolunteering, Volunteer};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Stop volunteering.
///
/// A volunteer ends their own profile, today, with a reason if they want to give one: from
/// today they are not counted and cannot sign up or check in; their hours stay in the history
/// and they can still sign in to read them. Office staff can reinstate the profile. 409
/// `volunteer_already_ended`, or `checked_in` while they are checked in.
#[utoipa::path(post, path = "/api/v1/volunteers/me/stop", tag = "volunteers", request_body = StopVolunteering,
    responses((status = 200, description = "The profile", body = Volunteer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn stop(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<StopVolunteering>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::stop_volunteering(
        &state.db,
        &auth,
        body.into_inner(),
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
