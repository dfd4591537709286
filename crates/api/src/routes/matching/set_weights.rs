use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::offers::{MatchWeights, MatchingWeights};

use crate::auth::AuthUser;
use crate::concurrency::{IfMatch, etag};
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change the matching weights.
///
/// Admin only; audited. Each weight 0–100; a weight left out takes its default. Requires
/// `If-Match` with the version read (`"0"` while they are the defaults).
#[utoipa::path(put, path = "/api/v1/matching/weights", tag = "offers", request_body = MatchWeights,
    params(("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The weights", body = MatchingWeights,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn set_weights(
    state: web::Data<AppState>,
    auth: AuthUser,
    if_match: IfMatch,
    body: web::Json<MatchWeights>,
) -> ApiResult<HttpResponse> {
    let w =
        services::matching::set_weights(&state.db, &auth, if_match.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(w.version)))
        .json(w))
}
