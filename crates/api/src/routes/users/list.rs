use actix_web::{HttpResponse, web};
use domain::Permission;
use domain::user::User;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List users.
///
/// Admin only. Every account, by email.
#[utoipa::path(get, path = "/api/v1/users", tag = "users",
    responses((status = 200, description = "All users", body = Vec<User>)),
    security(("bearer" = [])))]
pub async fn list(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    auth.require(Permission::ManageUsers)?;
    Ok(HttpResponse::Ok().json(services::users::all(&state.db).await?))
}
