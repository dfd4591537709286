use actix_web::{HttpResponse, web};
use domain::AgreementId;
use domain::agreement::Agreement;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get an agreement.
///
/// Parties, terms, deliverables, signatures, document versions, final report and history.
/// Not visible to the caller: 404.
#[utoipa::path(get, path = "/api/v1/agreements/{id}", tag = "agreements",
    params(("id" = AgreementId, Path, description = "The agreement's id")),
    responses((status = 200, description = "The agreement", body = Agreement,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<AgreementId>,
) -> ApiResult<HttpResponse> {
    let a = services::agreements::get(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
