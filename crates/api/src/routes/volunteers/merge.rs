use actix_web::{HttpResponse, web};
use domain::VolunteerId;
use domain::volunteer::{MergeRequest, Volunteer};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Merge a duplicate into this volunteer.
///
/// Staff and admin. In one transaction the duplicate's hours, sign-ups, clearances, schools and
/// interests move to this profile (a second sign-up for the same opportunity keeps the better
/// one; a freed slot goes to the waitlist), the dashboard's summaries are counted again, a
/// parent-leader flag carries over, and the duplicate profile is removed and its login
/// deactivated. Audited on both. Requires `If-Match` with this profile's ETag. Both checked in
/// right now: 409 `both_checked_in`.
#[utoipa::path(post, path = "/api/v1/volunteers/{id}/merge", tag = "volunteers", request_body = MergeRequest,
    params(("id" = VolunteerId, Path, description = "The profile to keep"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The kept profile", body = Volunteer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn merge(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<VolunteerId>,
    if_match: IfMatch,
    body: web::Json<MergeRequest>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::merge(
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
