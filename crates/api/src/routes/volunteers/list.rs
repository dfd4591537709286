use actix_web::{HttpResponse, web};
use domain::page::Page;
use domain::volunteer::{VolunteerQuery, VolunteerSummary};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List volunteers.
///
/// Newest first; filter by school and kind. Staff and admin see everyone, coordinators the
/// volunteers of their schools; other roles 403.
#[utoipa::path(get, path = "/api/v1/volunteers", tag = "volunteers", params(VolunteerQuery),
    responses((status = 200, description = "A page of volunteers", body = Page<VolunteerSummary>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<VolunteerQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::volunteers::browse(&state.db, &auth, &q).await?))
}
