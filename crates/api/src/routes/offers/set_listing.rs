use actix_web::{HttpResponse, web};
use domain::OfferId;
use domain::directory::{Listing, ListingInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List an offer in the family resource directory, or change or hide its listing.
///
/// Staff and admin. Titles and summaries in English and Spanish, a category, the languages it
/// is offered in, how families reach it. Families find it while it is published and the offer
/// is active. Requires `If-Match` (`"0"` for an offer never listed). Recorded in the offer's
/// audit log.
#[utoipa::path(put, path = "/api/v1/offers/{id}/listing", tag = "directory", request_body = ListingInput,
    params(("id" = OfferId, Path, description = "The offer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The listing", body = Listing,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn set_listing(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OfferId>,
    if_match: IfMatch,
    body: web::Json<ListingInput>,
) -> ApiResult<HttpResponse> {
    let l = services::directory::set_listing(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &l))
}
