use actix_web::{HttpResponse, web};
use domain::VolunteerId;
use domain::volunteer::{EndProfile, Volunteer};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// End a volunteer's profile.
///
/// Office staff and admins, when a volunteer left the program: on `on` (default today; not in
/// the future, not before they registered), with a reason. From that day the volunteer is not
/// counted as registered, active or a parent leader (roles they held end that day) and cannot
/// sign up or check in; their hours stay in the history. 409 `volunteer_already_ended`, or
/// `checked_in` while they are checked in. Audited. Requires `If-Match` with the profile's ETag.
#[utoipa::path(post, path = "/api/v1/volunteers/{id}/end", tag = "volunteers", request_body = EndProfile,
    params(("id" = VolunteerId, Path, description = "The volunteer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The profile", body = Volunteer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn end_profile(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<VolunteerId>,
    if_match: IfMatch,
    body: web::Json<EndProfile>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::end_profile(
        &state.db,
        &auth,
        *id,
        if_match.0,
        body.into_inner(),
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
