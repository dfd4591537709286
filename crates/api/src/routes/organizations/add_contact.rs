use actix_web::{HttpResponse, web};
use domain::OrganizationId;
use domain::organization::{ContactInput, Organization};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services::{self, organizations::ContactChange};
use crate::state::AppState;

/// Add a contact.
///
/// Admin and staff, or a partner contact of this organization. Requires `If-Match` with the organization's ETag; answers the organization.
/// A primary contact takes the flag from the previous one.
#[utoipa::path(post, path = "/api/v1/organizations/{id}/contacts", tag = "organizations", request_body = ContactInput,
    params(("id" = OrganizationId, Path, description = "The organization's id"),
        ("If-Match" = String, Header, description = "The organization's ETag")),
    responses((status = 200, description = "The organization with the new contact", body = Organization,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn add_contact(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OrganizationId>,
    if_match: IfMatch,
    body: web::Json<ContactInput>,
) -> ApiResult<HttpResponse> {
    services::organizations::may_edit_contacts(&auth, *id)?;
    let change = ContactChange::Add(body.into_inner());
    let org = services::organizations::change_contact(
        &state.db,
        &(&auth).into(),
        *id,
        if_match.0,
        change,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &org))
}
