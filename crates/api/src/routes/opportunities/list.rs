use actix_web::{HttpResponse, web};
use domain::opportunity::{Opportunity, OpportunityQuery};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Browse opportunities.
///
/// Any signed-in user. Those still happening on or after `from` (default today), soonest first;
/// filter by school and activity. Volunteers see their own sign-up on each (`my_signup`) and
/// with `mine=true` only the ones they signed up for.
#[utoipa::path(get, path = "/api/v1/opportunities", tag = "opportunities", params(OpportunityQuery),
    responses((status = 200, description = "A page of opportunities", body = Page<Opportunity>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<OpportunityQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::opportunities::browse(&state.db, &auth, &q).await?))
}
