use actix_web::{HttpResponse, web};
use domain::opportunity::{Opportunity, OpportunityInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Post an opportunity.
///
/// Staff and admin for any school; coordinators for their own schools (another school: 403).
/// Volunteers see it at once. Slots fill in sign-up order; more sign-ups join the waitlist.
#[utoipa::path(post, path = "/api/v1/opportunities", tag = "opportunities", request_body = OpportunityInput,
    responses((status = 201, description = "Posted", body = Opportunity,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<OpportunityInput>,
) -> ApiResult<HttpResponse> {
    let o = services::opportunities::post(&state.db, &auth, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Created(), &o))
}
