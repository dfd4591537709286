use actix_web::{HttpResponse, web};
use domain::needs::{Need, NeedQuery};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Browse needs.
///
/// Newest first; filter by school, school year, status and primary. Staff and admin see every
/// school's; coordinators their schools'; partners those shown to partners (without internal
/// notes). Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/needs", tag = "needs", params(NeedQuery),
    responses((status = 200, description = "A page of needs", body = Page<Need>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<NeedQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::needs::browse(&state.db, &auth, &q).await?))
}
