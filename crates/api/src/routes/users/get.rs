use actix_web::{HttpResponse, web};
use domain::UserId;
use domain::user::User;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get a user.
///
/// Admin only. The `ETag` header carries the version for `If-Match`.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users",
    params(("id" = UserId, Path, description = "The user's id")),
    responses((status = 200, description = "The user", body = User,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<UserId>,
) -> ApiResult<HttpResponse> {
    let user = services::users::find(&state.db, &(&auth).into(), *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &user))
}
