use actix_web::{HttpResponse, web};
use domain::offers::{Offer, OfferQuery};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Browse offers.
///
/// Newest first; filter by partner, status, support area and kind of help. Staff, admin and
/// coordinators see every partner's; a partner its own. Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/offers", tag = "offers", params(OfferQuery),
    responses((status = 200, description = "A page of offers", body = Page<Offer>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<OfferQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::offers::browse(&state.db, &auth, &q).await?))
}
