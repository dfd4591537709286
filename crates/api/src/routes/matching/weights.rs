use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::offers::MatchingWeights;

use crate::auth::AuthUser;
use crate::concurrency::etag;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The matching weights.
///
/// The points each rule of the score gives a match of a need and an offer (support area, kind
/// of help, reach, capacity, the partner's record, the need's rank and age). Everyone who
/// reads offers.
#[utoipa::path(get, path = "/api/v1/matching/weights", tag = "offers",
    responses((status = 200, description = "The weights", body = MatchingWeights,
        headers(("ETag" = String, description = "The version (\"0\" while they are the defaults)")))),
    security(("bearer" = [])))]
pub async fn weights(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    let w = services::matching::weights(&state.db, &auth).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(w.version)))
        .json(w))
}
