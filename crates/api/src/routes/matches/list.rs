use actix_web::{HttpResponse, web};
use domain::matches::{Match, MatchListQuery};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Browse proposed matches.
///
/// Newest first; filter by need, offer and status. Staff and admin see every match,
/// coordinators their schools', a partner those proposed to it. Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/matches", tag = "matches", params(MatchListQuery),
    responses((status = 200, description = "A page of matches", body = Page<Match>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<MatchListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::matches::browse(&state.db, &auth, &q).await?))
}
