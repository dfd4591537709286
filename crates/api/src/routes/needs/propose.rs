use actix_web::{HttpResponse, web};
use domain::NeedId;
use domain::matches::{Match, MatchProposal};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Propose a partner's offer for a need.
///
/// Staff and admin. The offer must be active and able to meet the need (422 on `offer_id`
/// otherwise: it helps with neither the need's support area nor its kind of help, does not
/// serve the school, or is not available); the match keeps its score. The need must be open
/// or partly met (409 `invalid_transition`); the offer already proposed for it: 409
/// `duplicate`. The partner's logins are told by email. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/needs/{id}/proposals", tag = "matches", request_body = MatchProposal,
    params(("id" = NeedId, Path, description = "The need's id")),
    responses((status = 201, description = "Proposed", body = Match,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn propose(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<NeedId>,
    body: web::Json<MatchProposal>,
) -> ApiResult<HttpResponse> {
    let m = services::matches::propose(&state.db, &auth, *id, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Created(), &m))
}
