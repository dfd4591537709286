use actix_web::{HttpResponse, web};
use domain::OrganizationId;
use domain::organization::Organization;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get an organization.
///
/// With its contacts. A partner asking for another organization gets 404. The `ETag` is the
/// version to send as `If-Match` when changing it or its contacts.
#[utoipa::path(get, path = "/api/v1/organizations/{id}", tag = "organizations",
    params(("id" = OrganizationId, Path, description = "The organization's id")),
    responses((status = 200, description = "The organization", body = Organization,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OrganizationId>,
) -> ApiResult<HttpResponse> {
    let org = services::organizations::find(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &org))
}
