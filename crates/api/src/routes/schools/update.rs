use actix_web::{HttpResponse, web};
use domain::SchoolId;
use domain::school::{School, SchoolInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Update a school.
///
/// Admin and staff. Requires `If-Match` with the ETag you read: 428 without it, 412 when
/// someone changed the school meanwhile (reload and apply your change again).
#[utoipa::path(put, path = "/api/v1/schools/{id}", tag = "schools", request_body = SchoolInput,
    params(("id" = SchoolId, Path, description = "The school's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Updated", body = School,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<SchoolId>,
    if_match: IfMatch,
    body: web::Json<SchoolInput>,
) -> ApiResult<HttpResponse> {
    let school = services::schools::edit(
        &state.db,
        &(&auth).into(),
        *id,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &school))
}
