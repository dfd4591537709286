use actix_web::{HttpResponse, web};
use domain::organization::{ContactLogin, Organization};
use domain::{ContactId, OrganizationId};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Give a contact a partner login.
///
/// Admin and staff. Creates a `partner` account with the contact's email and the temporary
/// password given; it sees only this organization. 409 `already_has_login` when it exists.
#[utoipa::path(post, path = "/api/v1/organizations/{id}/contacts/{contact_id}/login", tag = "organizations", request_body = ContactLogin,
    params(("id" = OrganizationId, Path, description = "The organization's id"),
        ("contact_id" = ContactId, Path, description = "The contact's id")),
    responses((status = 200, description = "The organization", body = Organization)),
    security(("bearer" = [])))]
pub async fn give_login(
    state: web::Data<AppState>,
    auth: AuthUser,
    path: web::Path<(OrganizationId, ContactId)>,
    body: web::Json<ContactLogin>,
) -> ApiResult<HttpResponse> {
    let (id, contact) = path.into_inner();
    let org = services::organizations::give_login(
        &state.db,
        &(&auth).into(),
        id,
        contact,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &org))
}
