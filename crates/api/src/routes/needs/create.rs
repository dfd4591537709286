use actix_web::{HttpResponse, web};
use domain::needs::{Need, NeedInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Record a school's need.
///
/// Staff and admin for any school; coordinators for their schools (another school: 404). The
/// priority must be an active one (422 on `priority_id`); another need of the school and year
/// that is not withdrawn holds the rank: 409 `rank_taken`. Ranks 1–3 are the school's primary
/// needs. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/needs", tag = "needs", request_body = NeedInput,
    responses((status = 201, description = "Recorded", body = Need,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<NeedInput>,
) -> ApiResult<HttpResponse> {
    let n = services::needs::record(&state.db, &auth, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Created(), &n))
}
