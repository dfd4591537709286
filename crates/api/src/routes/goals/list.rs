use actix_web::{HttpResponse, web};
use domain::agreement::Goal;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The district's goals.
///
/// `active_mous` and `active_volunteers`: baseline, target, deadline. Staff, admin and school
/// coordinators.
#[utoipa::path(get, path = "/api/v1/goals", tag = "metrics",
    responses((status = 200, description = "Every goal", body = Vec<Goal>)),
    security(("bearer" = [])))]
pub async fn list(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::agreements::goals(&state.db, &auth).await?))
}
