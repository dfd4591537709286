use actix_web::{HttpResponse, web};
use domain::VolunteerId;
use domain::volunteer::{ParentLeaderInput, Volunteer};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Flag or unflag a parent leader.
///
/// A coordinator of one of the volunteer's schools (another school's volunteer: 404), staff or
/// admin. Flagging needs the role that makes them one (PTA officer, school leadership team, …).
/// Audited. Requires `If-Match` with the profile's ETag.
#[utoipa::path(put, path = "/api/v1/volunteers/{id}/parent-leader", tag = "volunteers", request_body = ParentLeaderInput,
    params(("id" = VolunteerId, Path, description = "The volunteer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The profile", body = Volunteer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn parent_leader(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<VolunteerId>,
    if_match: IfMatch,
    body: web::Json<ParentLeaderInput>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::flag_parent_leader(
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
