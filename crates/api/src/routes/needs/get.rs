use actix_web::{HttpResponse, web};
use domain::NeedId;
use domain::needs::Need;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get a need.
///
/// Staff and admin; coordinators their schools' (another school's: 404); partners the needs
/// shown to partners, without `internal_notes`. Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/needs/{id}", tag = "needs",
    params(("id" = NeedId, Path, description = "The need's id")),
    responses((status = 200, description = "The need", body = Need,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<NeedId>,
) -> ApiResult<HttpResponse> {
    let n = services::needs::get(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &n))
}
