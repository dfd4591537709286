use actix_web::{HttpResponse, web};
use domain::MatchId;
use domain::matches::{Match, MatchTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Accept, decline, withdraw or propose again a match.
///
/// A partner accepts or declines a match proposed to it, and withdraws one it accepted but
/// can no longer give; staff and admin take every step (recording a partner's answer) and
/// propose a declined or withdrawn match again (403 for a partner). Coordinators: 403. A step
/// the status does not allow: 409 `invalid_transition`. When what the need's accepted matches
/// cover changes, the need's status follows (met once its ask is covered, partly met, open).
/// Requires `If-Match`. Recorded in the audit log, the need's change too.
#[utoipa::path(post, path = "/api/v1/matches/{id}/transition", tag = "matches", request_body = MatchTransition,
    params(("id" = MatchId, Path, description = "The match's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The match", body = Match,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn transition(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<MatchId>,
    if_match: IfMatch,
    body: web::Json<MatchTransition>,
) -> ApiResult<HttpResponse> {
    let m =
        services::matches::transition(&state.db, &auth, *id, if_match.0, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &m))
}
