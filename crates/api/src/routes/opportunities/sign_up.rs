use actix_web::{HttpResponse, web};
use domain::OpportunityId;
use domain::opportunity::{Signup, SignupRequest};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Sign up.
///
/// Volunteers only (other roles: 403). A free slot confirms the sign-up; otherwise it joins the
/// end of the waitlist (`waitlist_position`). Concurrent sign-ups never overbook. 409 with a
/// code saying why and what to do: `clearance_pending`, `clearance_denied`,
/// `clearance_expired`, `clearance_missing` (when the opportunity needs a clearance),
/// `already_signed_up`, `opportunity_cancelled`, `opportunity_past`. With a minimum age, the
/// volunteer confirms it (`confirms_minimum_age`, else 422).
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/signups", tag = "opportunities", request_body = SignupRequest,
    params(("id" = OpportunityId, Path, description = "The opportunity's id")),
    responses((status = 201, description = "Signed up (confirmed or waitlisted)", body = Signup)),
    security(("bearer" = [])))]
pub async fn sign_up(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<OpportunityId>,
    body: web::Json<SignupRequest>,
) -> ApiResult<HttpResponse> {
    let s = services::opportunities::sign_up(
        &state.db,
        &auth,
        *id,
        body.into_inner(),
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(HttpResponse::Created().json(s))
}
