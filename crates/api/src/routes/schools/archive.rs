use actix_web::{HttpResponse, web};
use domain::SchoolId;
use domain::school::{School, SchoolTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Archive a school.
///
/// Admin and staff. The school leaves the active directory; its history stays. Requires
/// `If-Match`; 409 `invalid_transition` when it is already archived.
#[utoipa::path(post, path = "/api/v1/schools/{id}/archive", tag = "schools",
    params(("id" = SchoolId, Path, description = "The school's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Done", body = School,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn archive(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<SchoolId>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let school = services::schools::change_status(
        &state.db,
        &(&auth).into(),
        *id,
        if_match.0,
        SchoolTransition::Archive,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &school))
}
