use actix_web::{HttpResponse, web};
use domain::OpportunityId;
use domain::opportunity::Signup;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The roster.
///
/// Staff and admin; coordinators for their schools (another school's: 403). Confirmed
/// volunteers in sign-up order, then the waitlist in order.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}/signups", tag = "opportunities",
    params(("id" = OpportunityId, Path, description = "The opportunity's id")),
    responses((status = 200, description = "Sign-ups that are not cancelled", body = Vec<Signup>)),
    security(("bearer" = [])))]
pub async fn roster(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OpportunityId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::opportunities::roster(&state.db, &auth, *id).await?))
}
