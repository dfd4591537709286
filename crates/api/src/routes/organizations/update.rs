use actix_web::{HttpResponse, web};
use domain::OrganizationId;
use domain::organization::{Organization, OrganizationInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Update an organization.
///
/// Admin and staff. Requires `If-Match`: 428 without it, 412 when someone changed it meanwhile.
#[utoipa::path(put, path = "/api/v1/organizations/{id}", tag = "organizations", request_body = OrganizationInput,
    params(("id" = OrganizationId, Path, description = "The organization's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Updated", body = Organization,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OrganizationId>,
    if_match: IfMatch,
    body: web::Json<OrganizationInput>,
) -> ApiResult<HttpResponse> {
    let org = services::organizations::edit(
        &state.db,
        &(&auth).into(),
        *id,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &org))
}
