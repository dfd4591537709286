use actix_web::{HttpResponse, web};
use domain::VolunteerId;
use domain::volunteer::{BadgeRevocation, Volunteer};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Revoke a volunteer's badges.
///
/// Office staff and admins, for a lost or stolen badge: every badge issued so far stops
/// checking out at once (`GET /api/v1/public/badges/{token}` answers 404); the volunteer's
/// page shows a new one. A reason is required and audited. Requires `If-Match` with the
/// profile's ETag.
#[utoipa::path(post, path = "/api/v1/volunteers/{id}/badge/revoke", tag = "volunteers", request_body = BadgeRevocation,
    params(("id" = VolunteerId, Path, description = "The volunteer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The profile", body = Volunteer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn revoke_badges(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<VolunteerId>,
    if_match: IfMatch,
    body: web::Json<BadgeRevocation>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::revoke_badges(
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
