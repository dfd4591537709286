use actix_web::HttpResponse;
use domain::auth::Me;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;

/// Who am I.
///
/// The signed-in user, role and school scope.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth",
    responses((status = 200, description = "The signed-in user", body = Me)),
    security(("bearer" = [])))]
pub async fn me(auth: AuthUser) -> ApiResult<HttpResponse> {
    // The account the extractor read for this request: one query in all.
    Ok(HttpResponse::Ok().json(services::auth::me_of(auth.account)))
}
