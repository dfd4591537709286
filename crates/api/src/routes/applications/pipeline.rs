use actix_web::{HttpResponse, web};
use domain::application::Stage;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The pipeline board.
///
/// How many applications are in each stage and since when the longest-waiting one is there.
#[utoipa::path(get, path = "/api/v1/applications/pipeline", tag = "applications",
    responses((status = 200, description = "Counts per stage", body = Vec<Stage>)),
    security(("bearer" = [])))]
pub async fn pipeline(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::applications::pipeline(&state.db, &auth).await?))
}
