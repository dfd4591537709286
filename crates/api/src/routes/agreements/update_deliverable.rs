use actix_web::{HttpResponse, web};
use domain::agreement::{Agreement, DeliverableProgress};
use domain::{AgreementId, DeliverableId};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Record progress on a deliverable.
///
/// Staff and admin: status and evidence notes. Requires `If-Match` (the agreement's ETag).
#[utoipa::path(put, path = "/api/v1/agreements/{id}/deliverables/{deliverable_id}", tag = "agreements",
    request_body = DeliverableProgress,
    params(("id" = AgreementId, Path, description = "The agreement's id"),
        ("deliverable_id" = DeliverableId, Path, description = "The deliverable's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The agreement", body = Agreement,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update_deliverable(
    state: web::Data<AppState>,
    auth: AuthUser,
    path: web::Path<(AgreementId, DeliverableId)>,
    if_match: IfMatch,
    body: web::Json<DeliverableProgress>,
) -> ApiResult<HttpResponse> {
    let (id, deliverable) = path.into_inner();
    let a = services::agreements::set_progress(
        &state.db,
        &auth,
        id,
        deliverable,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}
