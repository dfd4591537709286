use actix_web::{HttpResponse, web};
use domain::volunteer::DuplicateGroup;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Likely duplicate volunteers.
///
/// Staff and admin: groups of profiles with the same name and phone number (digits compared,
/// so "(704) 555-0101" and "704.555.0101" match), oldest group first. The same email cannot
/// register twice. Fold one into another with `POST /api/v1/volunteers/{id}/merge`.
#[utoipa::path(get, path = "/api/v1/volunteers/duplicates", tag = "volunteers",
    responses((status = 200, description = "The groups", body = Vec<DuplicateGroup>)),
    security(("bearer" = [])))]
pub async fn duplicates(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::volunteers::duplicates(&state.db, &auth).await?))
}
