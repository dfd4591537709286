use actix_web::{HttpResponse, web};
use domain::UserId;
use domain::user::{User, UserTransition};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Reactivate a user.
///
/// Admin only. The user can sign in again. Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/users/{id}/reactivate", tag = "users",
    params(("id" = UserId, Path, description = "The user's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Done", body = User,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn reactivate(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<UserId>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let user = services::users::change_status(
        &state.db,
        &(&auth).into(),
        *id,
        if_match.0,
        UserTransition::Reactivate,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &user))
}
