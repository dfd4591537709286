use actix_web::{HttpResponse, web};
use domain::directory::DirectoryUse;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The family resource directory's use.
///
/// Views and searches by month (newest first, up to 24 months; no personal data is kept),
/// and how many resources families can find now: the measure of the plan's goal to make
/// families aware of the directory. Staff, admin and coordinators.
#[utoipa::path(get, path = "/api/v1/metrics/directory", tag = "metrics",
    responses((status = 200, description = "The directory's use", body = DirectoryUse)),
    security(("bearer" = [])))]
pub async fn directory(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::directory::usage(&state.db, &auth).await?))
}
