use actix_web::{HttpResponse, web};
use domain::OpportunityId;
use domain::opportunity::Opportunity;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get an opportunity.
///
/// Any signed-in user; a volunteer also sees their own sign-up and waitlist position.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}", tag = "opportunities",
    params(("id" = OpportunityId, Path, description = "The opportunity's id")),
    responses((status = 200, description = "The opportunity", body = Opportunity,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OpportunityId>,
) -> ApiResult<HttpResponse> {
    let o = services::opportunities::get(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &o))
}
