use actix_web::{HttpResponse, web};
use domain::AgreementId;
use domain::agreement::{Agreement, FinalReportInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Submit the final report.
///
/// The partner's own logins (or staff on their behalf), once the agreement has been in force:
/// a summary and one result per deliverable (what was achieved against the target, met or
/// not). Can be sent again until staff accept it. Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/agreements/{id}/final-report", tag = "agreements", request_body = FinalReportInput,
    params(("id" = AgreementId, Path, description = "The agreement's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The agreement with the report", body = Agreement,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn submit_final_report(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<AgreementId>,
    if_match: IfMatch,
    body: web::Json<FinalReportInput>,
) -> ApiResult<HttpResponse> {
    let a = services::agreements::submit_final_report(
        &state.db,
        &auth,
        *id,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
