use actix_web::{HttpResponse, web};
use domain::offers::{Offer, OfferInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Record an offer.
///
/// Staff and admin for any partner; a partner for itself (another organization: 404). The
/// schools named must exist (422 on `school_ids`); time is offered in volunteer slots or hours.
/// No school, region or level: the offer reaches the whole district. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/offers", tag = "offers", request_body = OfferInput,
    responses((status = 201, description = "Recorded", body = Offer,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<OfferInput>,
) -> ApiResult<HttpResponse> {
    let o = services::offers::record(&state.db, &auth, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Created(), &o))
}
