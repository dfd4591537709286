use actix_web::{HttpResponse, web};
use domain::OfferId;
use domain::offers::{MatchQuery, NeedMatch};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The needs an offer could meet.
///
/// The needs of the school year (default: the current one) still asked for (open or partly
/// met), best first, each with its score and the reason for each point. Staff and admin see
/// every school's needs; coordinators their schools'; the offer's partner the needs shown to
/// partners, without internal notes (another partner's offer: 404).
#[utoipa::path(get, path = "/api/v1/offers/{id}/matches", tag = "offers",
    params(("id" = OfferId, Path, description = "The offer's id"), MatchQuery),
    responses((status = 200, description = "The needs, best first", body = Vec<NeedMatch>)),
    security(("bearer" = [])))]
pub async fn matches(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OfferId>,
    q: web::Query<MatchQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::matching::for_offer(&state.db, &auth, *id, &q).await?))
}
