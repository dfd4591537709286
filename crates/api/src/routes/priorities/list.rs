use actix_web::{HttpResponse, web};
use domain::needs::Priority;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The strategic plan's goals and priorities.
///
/// Any signed-in user. In list order, active and retired (`active: false`: kept on the needs
/// that name it, not offered for new ones).
#[utoipa::path(get, path = "/api/v1/priorities", tag = "needs",
    responses((status = 200, description = "Every priority", body = Vec<Priority>)),
    security(("bearer" = [])))]
pub async fn list(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::needs::priorities(&state.db, &auth).await?))
}
