use actix_web::{HttpResponse, web};
use domain::auth::Me;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Who am I.
///
/// The signed-in user, role and school scope.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses((status = 200, description = "The signed-in user", body = Me)),
    security(("bearer" = [])))]
pub async fn me(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    let user = services::users::own(&state.db, auth.id).await?;
    Ok(HttpResponse::Ok().json(services::auth::me_of(user)))
}
