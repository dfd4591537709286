use actix_web::{HttpResponse, web};
use domain::UserId;
use domain::user::{UpdateUser, User};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Update a user's name, role and school scope.
///
/// Admin only; an admin cannot change their own role. Requires `If-Match`.
#[utoipa::path(put, path = "/api/v1/users/{id}", tag = "users", request_body = UpdateUser,
    params(("id" = UserId, Path, description = "The user's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Updated", body = User,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn update(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<UserId>,
    if_match: IfMatch,
    body: web::Json<UpdateUser>,
) -> ApiResult<HttpResponse> {
    let user = services::users::update(
        &state.db,
        &(&auth).into(),
        *id,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &user))
}
