use actix_web::{HttpResponse, web};
use domain::AgreementId;
use domain::agreement::{Agreement, AgreementTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Take a step of the agreement's life.
///
/// Staff and admin: `submit_for_review` (draft), `return_to_draft` (in review or awaiting
/// signatures; note required; signatures are cleared), `send_for_signature` (in review; dates
/// and a deliverable needed, else 409 `agreement_incomplete`), `start_renewal` (active),
/// `renew` (active or renewal pending; `new_expires_on` after the current expiry),
/// `terminate` (any open status; note required). `activate` and `expire` belong to the
/// system (403). A step not allowed from the current status: 409 `invalid_transition`.
/// Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/agreements/{id}/transitions", tag = "agreements", request_body = AgreementTransition,
    params(("id" = AgreementId, Path, description = "The agreement's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The agreement after the step", body = Agreement,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn transition(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<AgreementId>,
    if_match: IfMatch,
    body: web::Json<AgreementTransition>,
) -> ApiResult<HttpResponse> {
    let a = services::agreements::transition(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
