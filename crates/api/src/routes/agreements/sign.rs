use actix_web::{HttpRequest, HttpResponse, web};
use domain::AgreementId;
use domain::agreement::{Agreement, SignRequest};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Sign the agreement.
///
/// While awaiting signatures (else 409 `not_awaiting_signatures`). The district party is signed
/// by staff or admin; the partner party only by a partner login of that organization (403
/// otherwise). The typed name, time and address are recorded as consent; `consent` must be
/// true. A party signs once (409 `already_signed`). When both have signed and the effective
/// date has come, the agreement becomes active at once; otherwise on that date. Requires
/// `If-Match`: you sign the version you read.
#[utoipa::path(post, path = "/api/v1/agreements/{id}/signatures", tag = "agreements", request_body = SignRequest,
    params(("id" = AgreementId, Path, description = "The agreement's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The agreement with the signature", body = Agreement,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn sign(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<AgreementId>,
    if_match: IfMatch,
    body: web::Json<SignRequest>,
) -> ApiResult<HttpResponse> {
    // The TCP peer, or what a configured proxy says: a client-sent X-Forwarded-For alone
    // would let anyone write any address.
    let ip = crate::routes::client_ip(&req, &state.settings.server);
    let a = services::agreements::sign(&state.db, &auth, *id, if_match.0, body.into_inner(), ip)
        .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
