use actix_web::{HttpResponse, web};
use domain::page::Page;
use domain::user::{User, UserQuery};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List users.
///
/// Admin only. By email, a page at a time (see the list conventions in the API description);
/// `q` matches the email or the name; filter by `role` and `status`.
#[utoipa::path(get, path = "/api/v1/users", tag = "users", params(UserQuery),
    responses((status = 200, description = "A page of users", body = Page<User>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<UserQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::users::browse(&state.db, &(&auth).into(), &q).await?))
}
