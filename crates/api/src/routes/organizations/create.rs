use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::organization::{CreateOrganization, Organization};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Add an organization.
///
/// Admin and staff. When organizations with the same EIN, or a very similar name and the same
/// website, exist, answers 409 `possible_duplicate` listing them in `duplicates`; send again with
/// `confirm_not_duplicate: true` to create it anyway.
#[utoipa::path(post, path = "/api/v1/organizations", tag = "organizations", request_body = CreateOrganization,
    responses((status = 201, description = "Created", body = Organization,
        headers(("ETag" = String, description = "The version"), ("Location" = String, description = "The new organization's URL")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<CreateOrganization>,
) -> ApiResult<HttpResponse> {
    let org = services::organizations::add(&state.db, &(&auth).into(), body.into_inner()).await?;
    let mut res = HttpResponse::Created();
    res.insert_header((
        header::LOCATION,
        format!("/api/v1/organizations/{}", org.id),
    ));
    Ok(super::with_etag(res, &org))
}
