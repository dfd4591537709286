use actix_web::{HttpResponse, web};
use domain::SchoolId;
use domain::school::School;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get a school.
///
/// The `ETag` header carries the version; send it back as `If-Match` to change the school.
#[utoipa::path(get, path = "/api/v1/schools/{id}", tag = "schools",
    params(("id" = SchoolId, Path, description = "The school's id")),
    responses((status = 200, description = "The school", body = School,
        headers(("ETag" = String, description = "The school's version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<SchoolId>,
) -> ApiResult<HttpResponse> {
    let school = services::schools::find(&state.db, &(&auth).into(), *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &school))
}
