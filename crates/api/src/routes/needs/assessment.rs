use actix_web::{HttpResponse, web};
use domain::needs::NeedsAssessment;

use crate::auth::AuthUser;
use crate::concurrency::etag;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The open needs assessment.
///
/// The school year the office opened the needs assessment for (none: never opened), with its
/// version (`ETag`; `"0"` while never opened). Staff, admin, coordinators and partners.
#[utoipa::path(get, path = "/api/v1/needs/assessment", tag = "needs",
    responses((status = 200, description = "The needs assessment", body = NeedsAssessment,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn assessment(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    let a = services::needs::assessment(&state.db, &auth).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(a.version)))
        .json(a))
}
