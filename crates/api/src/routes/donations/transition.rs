use actix_web::{HttpResponse, web};
use domain::DonationId;
use domain::donations::{Donation, DonationTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Void a donation recorded in error, or restore it.
///
/// Staff and admin (coordinators and partners: 403). A reason is required. A voided donation
/// stays in the ledger and its export but leaves the totals. A step the status does not allow:
/// 409 `invalid_transition`. Requires `If-Match`. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/donations/{id}/transition", tag = "donations", request_body = DonationTransition,
    params(("id" = DonationId, Path, description = "The donation's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The donation", body = Donation,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn transition(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<DonationId>,
    if_match: IfMatch,
    body: web::Json<DonationTransition>,
) -> ApiResult<HttpResponse> {
    let d = services::donations::transition(&state.db, &auth, *id, if_match.0, body.into_inner())
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &d))
}
