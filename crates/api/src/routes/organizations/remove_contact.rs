use actix_web::{HttpResponse, web};
use domain::organization::Organization;
use domain::{ContactId, OrganizationId};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services::{self, organizations::ContactChange};
use crate::state::AppState;

/// Remove a contact.
///
/// Admin and staff. Requires `If-Match` with the organization's ETag; answers the organization.
#[utoipa::path(delete, path = "/api/v1/organizations/{id}/contacts/{contact_id}", tag = "organizations",
    params(("id" = OrganizationId, Path, description = "The organization's id"),
        ("contact_id" = ContactId, Path, description = "The contact's id"),
        ("If-Match" = String, Header, description = "The organization's ETag")),
    responses((status = 200, description = "The organization", body = Organization,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn remove_contact(
    state: web::Data<AppState>,
    auth: AuthUser,
    path: web::Path<(OrganizationId, ContactId)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (id, contact) = path.into_inner();
    let org = services::organizations::change_contact(
        &state.db,
        &(&auth).into(),
        id,
        if_match.0,
        ContactChange::Remove(contact),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &org))
}
