use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::{Application, ChecklistAnswer};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Answer a checklist item.
///
/// Staff and admin. `item` is an eligibility criterion (while submitted or vetting) or a
/// planning item (while planning; items that do not apply only take `not_applicable`).
/// Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/applications/{id}/checklist/{item}", tag = "applications", request_body = ChecklistAnswer,
    params(("id" = ApplicationId, Path, description = "The application's id"),
        ("item" = String, Path, description = "A criterion (`formal_agreement`…) or planning item (`student_permission_forms`…)"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The application", body = Application,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn answer_check(
    state: web::Data<AppState>,
    auth: AuthUser,
    path: web::Path<(ApplicationId, String)>,
    if_match: IfMatch,
    body: web::Json<ChecklistAnswer>,
) -> ApiResult<HttpResponse> {
    let (id, item) = path.into_inner();
    let a = services::applications::answer_check(
        &state.db,
        &auth,
        id,
        if_match.0,
        &item,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
