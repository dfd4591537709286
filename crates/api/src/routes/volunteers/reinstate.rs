use actix_web::{HttpResponse, web};
use domain::VolunteerId;
use domain::volunteer::{Reinstate, Volunteer};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Reinstate an ended volunteer profile.
///
/// Office staff and admins take back an end (a mistake, or the volunteer returns), with a
/// reason; the end stays in the audit trail and the parent-leader roles it ended stay ended.
/// 409 `volunteer_not_ended`. Requires `If-Match` with the profile's ETag.
#[utoipa::path(post, path = "/api/v1/volunteers/{id}/reinstate", tag = "volunteers", request_body = Reinstate,
    params(("id" = VolunteerId, Path, description = "The volunteer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The profile", body = Volunteer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn reinstate(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<VolunteerId>,
    if_match: IfMatch,
    body: web::Json<Reinstate>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::reinstate(
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
