use actix_web::{HttpResponse, web};
use domain::OfferId;
use domain::directory::Listing;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get an offer's listing in the family resource directory.
///
/// Staff and admin. An offer never listed answers version 0, unpublished, with empty texts.
#[utoipa::path(get, path = "/api/v1/offers/{id}/listing", tag = "directory",
    params(("id" = OfferId, Path, description = "The offer's id")),
    responses((status = 200, description = "The listing", body = Listing,
        headers(("ETag" = String, description = "The version (0: never listed)")))),
    security(("bearer" = [])))]
pub async fn listing(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OfferId>,
) -> ApiResult<HttpResponse> {
    let l = services::directory::listing(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &l))
}
