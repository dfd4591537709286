use actix_web::{HttpResponse, web};
use domain::MatchId;
use domain::matches::Match;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get a proposed match.
///
/// Staff and admin; coordinators their schools'; a partner one proposed to it (another: 404).
/// Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/matches/{id}", tag = "matches",
    params(("id" = MatchId, Path, description = "The match's id")),
    responses((status = 200, description = "The match", body = Match,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<MatchId>,
) -> ApiResult<HttpResponse> {
    let m = services::matches::get(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &m))
}
