use actix_web::{HttpResponse, web};
use domain::OpportunityId;
use domain::opportunity::{CancelRequest, Opportunity};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Cancel an opportunity.
///
/// Staff and admin; coordinators for their schools. A reason is required (volunteers see it);
/// every sign-up is cancelled with it. Already cancelled: 409 `invalid_transition`. Requires
/// `If-Match`.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/cancel", tag = "opportunities", request_body = CancelRequest,
    params(("id" = OpportunityId, Path, description = "The opportunity's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The cancelled opportunity", body = Opportunity,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn cancel(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OpportunityId>,
    if_match: IfMatch,
    body: web::Json<CancelRequest>,
) -> ApiResult<HttpResponse> {
    let o = services::opportunities::cancel(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &o))
}
