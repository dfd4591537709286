use actix_web::{HttpResponse, web};
use domain::OfferId;
use domain::offers::{Offer, OfferTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Pause, resume, close or reopen an offer.
///
/// With an optional reason; only active offers are matched to needs. A step the status does
/// not allow: 409 `invalid_transition`. Staff and admin; a partner its own. Requires
/// `If-Match`. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/offers/{id}/transition", tag = "offers", request_body = OfferTransition,
    params(("id" = OfferId, Path, description = "The offer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The offer", body = Offer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn transition(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OfferId>,
    if_match: IfMatch,
    body: web::Json<OfferTransition>,
) -> ApiResult<HttpResponse> {
    let o =
        services::offers::transition(&state.db, &auth, *id, if_match.0, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &o))
}
