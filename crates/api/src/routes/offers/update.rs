use actix_web::{HttpResponse, web};
use domain::OfferId;
use domain::offers::{Offer, OfferInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change an offer.
///
/// Its terms, support areas and reach; the partner stays (422 when it differs). Staff and
/// admin; a partner its own (another partner's: 404). Requires `If-Match`. Recorded in the
/// audit log.
#[utoipa::path(put, path = "/api/v1/offers/{id}", tag = "offers", request_body = OfferInput,
    params(("id" = OfferId, Path, description = "The offer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The offer", body = Offer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OfferId>,
    if_match: IfMatch,
    body: web::Json<OfferInput>,
) -> ApiResult<HttpResponse> {
    let o = services::offers::revise(&state.db, &auth, *id, if_match.0, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &o))
}
