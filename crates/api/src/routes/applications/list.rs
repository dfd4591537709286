use actix_web::{HttpResponse, web};
use domain::application::{ApplicationQuery, ApplicationSummary};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List applications.
///
/// Newest first, never drafts. Filter by status, support area, school, owner, text. Scoped: a
/// coordinator sees applications for their schools, a partner their organization's.
#[utoipa::path(get, path = "/api/v1/applications", tag = "applications", params(ApplicationQuery),
    responses((status = 200, description = "A page of applications", body = Page<ApplicationSummary>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<ApplicationQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::applications::browse(&state.db, &auth, &q).await?))
}
