use actix_web::{HttpResponse, web};
use domain::AgreementId;
use domain::agreement::{Agreement, FinalReportReviewInput};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Review the final report.
///
/// Staff and admin. Accepting marks each deliverable met or not met as reported; asking for
/// changes needs a note. No submitted report: 409 `no_final_report`. Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/agreements/{id}/final-report/review", tag = "agreements",
    request_body = FinalReportReviewInput,
    params(("id" = AgreementId, Path, description = "The agreement's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The agreement", body = Agreement,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn review_final_report(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<AgreementId>,
    if_match: IfMatch,
    body: web::Json<FinalReportReviewInput>,
) -> ApiResult<HttpResponse> {
    let a = services::agreements::review_final_report(
        &state.db,
        &auth,
        *id,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
