use actix_web::{HttpResponse, web};
use domain::organization::{Organization, OrganizationQuery};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List organizations.
///
/// Search by name (`q`), filter by type, status and support area, page with a cursor. A
/// partner gets only their own organization.
#[utoipa::path(get, path = "/api/v1/organizations", tag = "organizations", params(OrganizationQuery),
    responses((status = 200, description = "A page of organizations", body = Page<Organization>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<OrganizationQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::organizations::browse(&state.db, &auth, &q).await?))
}
