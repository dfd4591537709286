use actix_web::{HttpResponse, web};
use domain::VolunteerId;
use domain::volunteer::Volunteer;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get a volunteer.
///
/// Staff and admin; coordinators for volunteers of their schools; a volunteer for themself.
/// Anyone else: 404 (or 403 for roles without access to volunteers).
#[utoipa::path(get, path = "/api/v1/volunteers/{id}", tag = "volunteers",
    params(("id" = VolunteerId, Path, description = "The volunteer's id")),
    responses((status = 200, description = "The profile", body = Volunteer,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<VolunteerId>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::get(
        &state.db,
        &auth,
        *id,
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}
