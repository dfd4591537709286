use actix_web::{HttpResponse, web};
use domain::OpportunityId;
use domain::opportunity::{Opportunity, OpportunityInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change an opportunity.
///
/// Staff and admin; coordinators for their schools. Fewer slots than confirmed sign-ups: 409
/// `slots_below_confirmed`; added slots go to the first on the waitlist. A cancelled
/// opportunity: 409 `opportunity_cancelled`. Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/opportunities/{id}", tag = "opportunities", request_body = OpportunityInput,
    params(("id" = OpportunityId, Path, description = "The opportunity's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The opportunity", body = Opportunity,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OpportunityId>,
    if_match: IfMatch,
    body: web::Json<OpportunityInput>,
) -> ApiResult<HttpResponse> {
    let o = services::opportunities::revise(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &o))
}
