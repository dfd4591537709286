use actix_web::{HttpResponse, web};
use domain::OfferId;
use domain::offers::Offer;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get an offer.
///
/// Staff, admin and coordinators; a partner its own (another partner's: 404). Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/offers/{id}", tag = "offers",
    params(("id" = OfferId, Path, description = "The offer's id")),
    responses((status = 200, description = "The offer", body = Offer,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OfferId>,
) -> ApiResult<HttpResponse> {
    let o = services::offers::get(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &o))
}
