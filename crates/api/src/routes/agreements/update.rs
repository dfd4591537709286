use actix_web::{HttpResponse, web};
use domain::AgreementId;
use domain::agreement::{Agreement, AgreementInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change the terms.
///
/// Staff and admin, while in draft or in review (else 409 `agreement_locked`). Deliverables
/// sent with their `id` keep their progress; those left out are removed. Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/agreements/{id}", tag = "agreements", request_body = AgreementInput,
    params(("id" = AgreementId, Path, description = "The agreement's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The agreement", body = Agreement,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<AgreementId>,
    if_match: IfMatch,
    body: web::Json<AgreementInput>,
) -> ApiResult<HttpResponse> {
    let a =
        services::agreements::update(&state.db, &auth, *id, if_match.0, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
