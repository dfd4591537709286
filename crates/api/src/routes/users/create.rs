use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::user::{CreateUser, User};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Create a user.
///
/// Admin only. Give the person the temporary password through a separate channel. A school
/// coordinator needs at least one school in `school_ids`.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = CreateUser,
    responses((status = 201, description = "Created", body = User,
        headers(("ETag" = String, description = "The version"), ("Location" = String, description = "The new user's URL")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<CreateUser>,
) -> ApiResult<HttpResponse> {
    let user = services::users::create(&state.db, &(&auth).into(), body.into_inner()).await?;
    let mut res = HttpResponse::Created();
    res.insert_header((header::LOCATION, format!("/api/v1/users/{}", user.id)));
    Ok(super::with_etag(res, &user))
}
