use actix_web::{HttpResponse, web};
use domain::NeedId;
use domain::offers::{MatchQuery, OfferMatch};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The offers that could meet a need.
///
/// Active offers that serve the school and help with the need's support area or kind of help,
/// best first, each with its score and the reason for each point (the weights:
/// `/api/v1/matching/weights`). Staff and admin; coordinators for their schools' needs
/// (another school's: 404).
#[utoipa::path(get, path = "/api/v1/needs/{id}/matches", tag = "needs",
    params(("id" = NeedId, Path, description = "The need's id"), MatchQuery),
    responses((status = 200, description = "The offers, best first", body = Vec<OfferMatch>)),
    security(("bearer" = [])))]
pub async fn matches(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<NeedId>,
    q: web::Query<MatchQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::matching::for_need(&state.db, &auth, *id, &q).await?))
}
