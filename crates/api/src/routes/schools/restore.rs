use actix_web::{HttpResponse, web};
use domain::SchoolId;
use domain::school::{School, SchoolTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Restore an archived school.
///
/// Admin and staff. Requires `If-Match`; 409 `invalid_transition` when it is not archived.
#[utoipa::path(post, path = "/api/v1/schools/{id}/restore", tag = "schools",
    params(("id" = SchoolId, Path, description = "The school's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Done", body = School,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn restore(
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
        SchoolTransition::Restore,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &school))
}
